import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { paths } from '../../app/paths';
import { useLanguage } from '../../i18n';
import { Button } from '../../ui/Button';
import { RadioGroup } from '../../ui/ChoiceGroup';
import { describedBy, FieldShell } from '../../ui/Field';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { usePageTitle } from '../../ui/usePageTitle';
import { NOTE_MAX, NUDGE_PRESETS, useEndMentorship, useMentee, useSendNudge, type MenteeDetail, type NudgePreset } from './api';
import { formatDate, newClientId, StuckList } from './parts';
import './mentoring.css';

/** "/dai-su-so/nguoi-hoc/:menteeId": one mentee's courses, where they are stuck, and the nudge form. */
export function MenteePage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { menteeId = '' } = useParams();
  const mentee = useMentee(menteeId, lang);
  usePageTitle(mentee.data?.mentee.displayName ?? t('mentoring.dashboard.title'));

  let body;
  if (!mentee.data) {
    if (mentee.isError && mentee.error instanceof ApiError && mentee.error.status === 404) {
      body = (
        <>
          <h1>{t('mentoring.dashboard.title')}</h1>
          <p>{t('mentoring.mentee.notFound')}</p>
        </>
      );
    } else {
      body = mentee.isError ? (
        <ErrorState title={t('mentoring.mentee.loadError')} error={mentee.error} onRetry={() => void mentee.refetch()} retrying={mentee.isFetching} />
      ) : (
        <LoadingState label={t('mentoring.mentee.loading')} />
      );
    }
  } else {
    body = <MenteeDetails mentee={mentee.data} />;
  }
  return (
    <>
      <p>
        <Link to={paths.mentor}>{t('mentoring.mentee.back')}</Link>
      </p>
      {body}
    </>
  );
}

function MenteeDetails({ mentee: m }: { mentee: MenteeDetail }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const end = useEndMentorship();
  return (
    <>
      <h1>{m.mentee.displayName}</h1>
      <p>
        {t('mentoring.mentee.followedSince')}: {formatDate(m.followedSince, lang)} ·{' '}
        {t('mentoring.dashboard.lastActivity')}: {m.lastActivityAt ? formatDate(m.lastActivityAt, lang) : t('mentoring.dashboard.never')}
      </p>
      <section aria-labelledby="stuck-title">
        <h2 id="stuck-title">{t('mentoring.mentee.stuckTitle')}</h2>
        <StuckList reasons={m.stuck} />
      </section>
      <NudgeForm mentee={m} />
      <section aria-labelledby="courses-title">
        <h2 id="courses-title">{t('mentoring.mentee.coursesTitle')}</h2>
        {m.courses.length === 0 ? (
          <p>{t('mentoring.mentee.noCourses')}</p>
        ) : (
          <ul className="mentee-list" role="list">
            {m.courses.map((c) => (
              <li key={c.courseId} className="mentee-card mentee-course">
                <h3 className="mentee-card__name">{c.title}</h3>
                <progress max={100} value={c.percent} aria-label={t('mentoring.mentee.progressLabel', { course: c.title })} />
                <p>
                  {t('mentoring.mentee.progress', { done: c.completedLessons, total: c.totalLessons, percent: c.percent })}
                  {c.completedAt ? ` · ${t('mentoring.mentee.completedOn', { date: formatDate(c.completedAt, lang) })}` : null}
                </p>
              </li>
            ))}
          </ul>
        )}
        <p>
          {t('mentoring.dashboard.certificates')}: {m.certificates}
        </p>
      </section>
      <section aria-labelledby="sent-title">
        <h2 id="sent-title">{t('mentoring.mentee.nudgesTitle')}</h2>
        {m.nudges.length === 0 ? (
          <p>{t('mentoring.mentee.noNudges')}</p>
        ) : (
          <ul className="nudge-list" role="list">
            {m.nudges.map((n) => (
              <li key={n.id} className="nudge-card">
                <p className="nudge-card__text">{t(`mentoring.preset.${n.preset}`)}</p>
                {n.note ? <p className="nudge-card__note">{n.note}</p> : null}
                <p className="nudge-card__meta">
                  {formatDate(n.createdAt, lang)} · {n.readAt ? t('mentoring.mentee.read') : t('mentoring.mentee.unread')}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="button-row">
        <Button
          variant="danger"
          busy={end.isPending}
          busyLabel={t('mentoring.mentee.ending')}
          onClick={() => {
            if (window.confirm(t('mentoring.mentee.endConfirm', { name: m.mentee.displayName }))) {
              end.mutate(m.mentee.id, { onSuccess: () => void navigate(paths.mentor) });
            }
          }}
        >
          {t('mentoring.mentee.end')}
        </Button>
      </div>
    </>
  );
}

function NudgeForm({ mentee }: { mentee: MenteeDetail }) {
  const { t } = useTranslation();
  const send = useSendNudge(mentee.mentee.id);
  const [preset, setPreset] = useState<NudgePreset | ''>('');
  const [note, setNote] = useState('');
  // One id per nudge: a retry after a lost answer sends the same id, and the API stores it once.
  const [clientId, setClientId] = useState(newClientId);
  const [errors, setErrors] = useState<{ preset?: string; note?: string }>({});
  const [status, setStatus] = useState<{ text: string; warning: boolean } | undefined>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setStatus(undefined);
    const found = { preset: preset === '' ? t('mentoring.nudge.chooseFirst') : undefined, note: note.length > NOTE_MAX ? t('mentoring.nudge.noteTooLong') : undefined };
    setErrors(found);
    if (found.preset) return void document.getElementById('nudge-preset-0')?.focus();
    if (found.note) return void document.getElementById('nudge-note')?.focus();
    send.mutate(
      { clientId, preset: preset as NudgePreset, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: () => {
          setStatus({ text: t('mentoring.nudge.sent'), warning: false });
          setPreset('');
          setNote('');
          setClientId(newClientId());
        },
        onError: (e) => {
          const today = e instanceof ApiError && e.status === 429;
          if (today) setClientId(newClientId());
          setStatus({ text: today ? t('mentoring.nudge.today') : t('mentoring.nudge.failed'), warning: true });
        },
      },
    );
  };

  const noteError = errors.note;
  return (
    <section aria-labelledby="nudge-title">
      <h2 id="nudge-title">{t('mentoring.nudge.title')}</h2>
      {mentee.nudgedToday ? <p className="notice notice--warning">{t('mentoring.nudge.today')}</p> : null}
      <form onSubmit={submit} noValidate>
        <RadioGroup
          id="nudge-preset"
          small
          legend={t('mentoring.nudge.preset')}
          error={errors.preset}
          value={preset}
          onChange={setPreset}
          choices={NUDGE_PRESETS.map((p) => ({ value: p, label: t(`mentoring.preset.${p}`) }))}
        />
        <FieldShell id="nudge-note" label={t('mentoring.nudge.note')} hint={t('mentoring.nudge.noteHint')} error={noteError}>
          <textarea
            id="nudge-note"
            className="field__textarea"
            value={note}
            rows={3}
            maxLength={NOTE_MAX + 50}
            aria-describedby={describedBy('nudge-note', t('mentoring.nudge.noteHint'), noteError)}
            aria-invalid={noteError ? true : undefined}
            onChange={(event) => setNote(event.target.value)}
          />
        </FieldShell>
        <Button type="submit" busy={send.isPending} busyLabel={t('mentoring.nudge.sending')}>
          {t('mentoring.nudge.send')}
        </Button>
        <div role="status">{status ? <p className={status.warning ? 'notice notice--warning' : 'notice'}>{status.text}</p> : null}</div>
      </form>
    </section>
  );
}
