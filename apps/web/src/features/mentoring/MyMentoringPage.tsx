import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { useLanguage } from '../../i18n';
import { Button } from '../../ui/Button';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { usePageTitle } from '../../ui/usePageTitle';
import { useAnswerInvitation, useLeaveMentor, useMarkNudgesRead, useMyMentoring, type MyMentoring } from './api';
import { formatDate } from './parts';
import './mentoring.css';

/** "/nguoi-kem-cap": the learner's side — invitations to answer, their mentor, and the nudges received. */
export function MyMentoringPage() {
  const { t } = useTranslation();
  const mine = useMyMentoring();
  usePageTitle(t('mentoring.mine.title'));
  let body;
  if (!mine.data) {
    body = mine.isError ? (
      <ErrorState title={t('mentoring.mine.loadError')} error={mine.error} onRetry={() => void mine.refetch()} retrying={mine.isFetching} />
    ) : (
      <LoadingState label={t('mentoring.mine.loading')} />
    );
  } else {
    body = <MyMentoringBody data={mine.data} />;
  }
  return (
    <>
      <h1>{t('mentoring.mine.title')}</h1>
      <p className="lead">{t('mentoring.mine.lead')}</p>
      {body}
    </>
  );
}

function MyMentoringBody({ data }: { data: MyMentoring }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const answer = useAnswerInvitation();
  const leave = useLeaveMentor();
  const markRead = useMarkNudgesRead();
  const [message, setMessage] = useState<{ text: string; warning: boolean } | undefined>();
  // Nudges unread when the page opened stay marked "new" while it is shown; they are marked read once.
  const [fresh] = useState(() => new Set(data.nudges.filter((n) => !n.readAt).map((n) => n.id)));
  const marked = useRef(false);
  useEffect(() => {
    if (marked.current || fresh.size === 0) return;
    marked.current = true;
    markRead.mutate([...fresh]);
  }, [fresh, markRead]);

  const respond = (id: string, accept: boolean, name: string) => {
    setMessage(undefined);
    answer.mutate(
      { id, accept },
      {
        onSuccess: () => setMessage(accept ? { text: t('mentoring.mine.accepted', { name }), warning: false } : undefined),
        onError: (e) =>
          setMessage({ text: e instanceof ApiError && e.status === 409 ? t('mentoring.mine.hasMentor') : t('mentoring.mine.actionFailed'), warning: true }),
      },
    );
  };

  return (
    <>
      <div role="status">{message ? <p className={message.warning ? 'notice notice--warning' : 'notice'}>{message.text}</p> : null}</div>
      {data.mentor ? (
        <div className="mentoring-notice">
          <p>{t('mentoring.mine.mentor', { name: data.mentor.mentor.displayName, date: formatDate(data.mentor.since, lang) })}</p>
          <Button
            variant="secondary"
            busy={leave.isPending}
            onClick={() => {
              if (window.confirm(t('mentoring.mine.leaveConfirm'))) leave.mutate();
            }}
          >
            {t('mentoring.mine.leave')}
          </Button>
        </div>
      ) : (
        <p>{t('mentoring.mine.noMentor')}</p>
      )}
      {data.invitations.length > 0 ? (
        <section aria-labelledby="my-invitations-title">
          <h2 id="my-invitations-title">{t('mentoring.mine.invitationsTitle')}</h2>
          <ul className="invite-list" role="list">
            {data.invitations.map((i) => (
              <li key={i.id} className="invite-card">
                <p>{t('mentoring.mine.invitation', { name: i.mentor.displayName })}</p>
                <div className="button-row">
                  <Button
                    busy={answer.isPending && answer.variables?.id === i.id}
                    aria-label={t('mentoring.mine.acceptOf', { name: i.mentor.displayName })}
                    onClick={() => respond(i.id, true, i.mentor.displayName)}
                  >
                    {t('mentoring.mine.accept')}
                  </Button>
                  <Button
                    variant="secondary"
                    busy={answer.isPending && answer.variables?.id === i.id}
                    aria-label={t('mentoring.mine.declineOf', { name: i.mentor.displayName })}
                    onClick={() => respond(i.id, false, i.mentor.displayName)}
                  >
                    {t('mentoring.mine.decline')}
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="my-nudges-title">
        <h2 id="my-nudges-title">{t('mentoring.mine.nudgesTitle')}</h2>
        {data.nudges.length === 0 ? (
          <p>{t('mentoring.mine.noNudges')}</p>
        ) : (
          <ul className="nudge-list" role="list">
            {data.nudges.map((n) => (
              <li key={n.id} className="nudge-card">
                {fresh.has(n.id) ? <span className="tag">{t('mentoring.mine.new')}</span> : null}
                <p className="nudge-card__text">{t(`mentoring.preset.${n.preset}`)}</p>
                {n.note ? <p className="nudge-card__note">{n.note}</p> : null}
                <p className="nudge-card__meta">{t('mentoring.mine.from', { name: n.mentor.displayName, date: formatDate(n.createdAt, lang) })}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
