import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/errors';
import { paths } from '../../app/paths';
import { useLanguage } from '../../i18n';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { TextField } from '../../ui/Field';
import { LoadingState } from '../../ui/LoadingState';
import { usePageTitle } from '../../ui/usePageTitle';
import { useEndMentorship, useInviteMentee, useMentees, type MenteeSummary } from './api';
import { formatDate, StuckList } from './parts';
import './mentoring.css';

/** "/dai-su-so": a mentor's mentees, who is stuck, open invitations, and the invitation form. */
export function MentorDashboardPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const mentees = useMentees(lang);
  const withdraw = useEndMentorship();
  usePageTitle(t('mentoring.dashboard.title'));

  let body;
  if (!mentees.data) {
    body = mentees.isError ? (
      <ErrorState title={t('mentoring.dashboard.loadError')} error={mentees.error} onRetry={() => void mentees.refetch()} retrying={mentees.isFetching} />
    ) : (
      <LoadingState label={t('mentoring.dashboard.loading')} />
    );
  } else {
    const data = mentees.data;
    body = (
      <>
        <p className="mentoring-notice">{t('mentoring.dashboard.target', { active: data.activeMentees, minimum: data.minimum, days: data.activeDays })}</p>
        {data.mentees.length === 0 ? (
          <EmptyState title={t('mentoring.dashboard.emptyTitle')} message={t('mentoring.dashboard.emptyMessage')} />
        ) : (
          <section aria-labelledby="mentees-title">
            <h2 id="mentees-title">{t('mentoring.dashboard.menteesTitle', { count: data.mentees.length })}</h2>
            <ul className="mentee-list" role="list">
              {data.mentees.map((m) => (
                <MenteeCard key={m.mentorshipId} mentee={m} />
              ))}
            </ul>
          </section>
        )}
        {data.invitations.length > 0 ? (
          <section aria-labelledby="invitations-title">
            <h2 id="invitations-title">{t('mentoring.dashboard.invitationsTitle', { count: data.invitations.length })}</h2>
            <ul className="invite-list" role="list">
              {data.invitations.map((i) => (
                <li key={i.id} className="invite-card">
                  <p>
                    <strong>{i.mentee.displayName}</strong> — {t('mentoring.dashboard.invitedOn', { date: formatDate(i.createdAt, lang) })}
                  </p>
                  <Button
                    variant="secondary"
                    busy={withdraw.isPending && withdraw.variables === i.mentee.id}
                    aria-label={t('mentoring.dashboard.withdrawOf', { name: i.mentee.displayName })}
                    onClick={() => withdraw.mutate(i.mentee.id)}
                  >
                    {t('mentoring.dashboard.withdraw')}
                  </Button>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </>
    );
  }
  return (
    <>
      <h1>{t('mentoring.dashboard.title')}</h1>
      <p className="lead">{t('mentoring.dashboard.lead')}</p>
      {body}
      <InviteForm />
    </>
  );
}

function MenteeCard({ mentee: m }: { mentee: MenteeSummary }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <li className={m.stuck.length > 0 ? 'mentee-card mentee-card--stuck' : 'mentee-card'}>
      <h3 className="mentee-card__name">{m.mentee.displayName}</h3>
      <StuckList reasons={m.stuck} />
      <dl className="mentee-facts">
        <div>
          <dt>{t('mentoring.dashboard.lastActivity')}</dt>
          <dd>{m.lastActivityAt ? formatDate(m.lastActivityAt, lang) : t('mentoring.dashboard.never')}</dd>
        </div>
        <div>
          <dt>{t('mentoring.dashboard.courses')}</dt>
          <dd>{t('mentoring.dashboard.coursesValue', { inProgress: m.coursesInProgress, completed: m.coursesCompleted })}</dd>
        </div>
        <div>
          <dt>{t('mentoring.dashboard.certificates')}</dt>
          <dd>{m.certificates}</dd>
        </div>
        <div>
          <dt>{t('mentoring.dashboard.lastNudge')}</dt>
          <dd>{m.lastNudgeAt ? formatDate(m.lastNudgeAt, lang) : t('mentoring.dashboard.never')}</dd>
        </div>
      </dl>
      <p>
        <span className="tag">{t(m.active ? 'mentoring.dashboard.active' : 'mentoring.dashboard.inactive')}</span>
      </p>
      <Link className="button" to={paths.mentorMentee(m.mentee.id)} aria-label={t('mentoring.dashboard.openOf', { name: m.mentee.displayName })}>
        {t('mentoring.dashboard.open')}
      </Link>
    </li>
  );
}

function InviteForm() {
  const { t } = useTranslation();
  const invite = useInviteMentee();
  const [identifier, setIdentifier] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(undefined);
    if (identifier.trim() === '') {
      setError(t('mentoring.invite.required'));
      document.getElementById('invite-identifier')?.focus();
      return;
    }
    setError(undefined);
    invite.mutate(identifier.trim(), {
      onSuccess: (mentorship) => {
        setIdentifier('');
        setDone(t('mentoring.invite.sent', { name: mentorship.mentee.displayName }));
      },
      onError: (e) => {
        const status = e instanceof ApiError ? e.status : 0;
        const message = e instanceof ApiError && e.body?.message === 'You cannot follow yourself' ? t('mentoring.invite.self') : undefined;
        setError(
          message ??
            (status === 404 ? t('mentoring.invite.notFound') : status === 409 ? t('mentoring.invite.conflict') : status === 400 ? t('mentoring.invite.invalid') : t('mentoring.invite.failed')),
        );
        document.getElementById('invite-identifier')?.focus();
      },
    });
  };

  return (
    <section aria-labelledby="invite-title">
      <h2 id="invite-title">{t('mentoring.invite.title')}</h2>
      <form onSubmit={submit} noValidate>
        <TextField
          id="invite-identifier"
          label={t('mentoring.invite.label')}
          hint={t('mentoring.invite.hint')}
          error={error}
          value={identifier}
          onChange={(event) => setIdentifier(event.target.value)}
          autoComplete="off"
          maxLength={254}
        />
        <Button type="submit" busy={invite.isPending} busyLabel={t('mentoring.invite.sending')}>
          {t('mentoring.invite.submit')}
        </Button>
        <div role="status">{done ? <p className="notice">{done}</p> : null}</div>
      </form>
    </section>
  );
}
