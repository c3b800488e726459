import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { paths } from '../../app/paths';
import { ApiError, isRetryable } from '../../api/errors';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { usePageTitle } from '../../ui/usePageTitle';
import { useMe } from '../auth/session';
import { checkIn, newClientId, useMyClass, type CheckInResult } from './api';
import { LiveAnswerPanel } from './LiveAnswerPanel';
import { OutboxStatus } from './OutboxStatus';
import { useCommunityOutbox } from './useOutbox';
import './community.css';

type Outcome = { state: 'sending' } | { state: 'done'; result: CheckInResult } | { state: 'queued' } | { state: 'refused'; error: unknown };

/**
 * Check-in from the QR code of the projector (`/diem-danh/<session>?t=<token>`): the phone checks
 * in at once (joining the class if needed) and then shows the live question. Without network the
 * check-in waits in the outbox with its client id and goes out when the network returns.
 */
export function CheckInPage() {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('t') ?? '';
  const me = useMe();
  const outbox = useCommunityOutbox(me.data!.id);
  const [outcome, setOutcome] = useState<Outcome>({ state: 'sending' });
  const started = useRef(false);
  usePageTitle(t('community.checkIn.title'));

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const clientId = newClientId();
    checkIn(sessionId, token, clientId)
      .then((result) => setOutcome({ state: 'done', result }))
      .catch((error: unknown) => {
        if (error instanceof ApiError && !isRetryable(error)) {
          setOutcome({ state: 'refused', error });
          return;
        }
        void outbox.enqueue({ kind: 'checkIn', sessionId, token }, clientId);
        setOutcome({ state: 'queued' });
      });
  }, [outbox, sessionId, token]);

  return (
    <div className="phone-page">
      <h1>{t('community.checkIn.title')}</h1>
      {outcome.state === 'sending' ? <LoadingState label={t('community.checkIn.sending')} /> : null}
      {outcome.state === 'queued' ? (
        <div className="notice" role="status">
          <p>{t('community.checkIn.queued')}</p>
          <OutboxStatus outbox={outbox} />
        </div>
      ) : null}
      {outcome.state === 'refused' ? (
        <ErrorState
          title={outcome.error instanceof ApiError && outcome.error.status === 404 ? t('community.checkIn.expired') : t('community.checkIn.error')}
          error={outcome.error}
        />
      ) : null}
      {outcome.state === 'done' ? (
        <>
          <p className="checked-in" role="status" data-testid="checked-in">
            {outcome.result.alreadyCheckedIn
              ? t('community.checkIn.already', { title: outcome.result.classTitle })
              : t('community.checkIn.done', { title: outcome.result.classTitle })}
          </p>
          <ClassLive classId={outcome.result.classId} userId={me.data!.id} />
        </>
      ) : null}
      {outcome.state !== 'sending' ? (
        <p>
          <Link to={paths.join}>{t('community.checkIn.otherCode')}</Link>
        </p>
      ) : null}
    </div>
  );
}

function ClassLive({ classId, userId }: { classId: string; userId: string }) {
  const { t } = useTranslation();
  const mine = useMyClass(classId);
  const outbox = useCommunityOutbox(userId);
  if (!mine.data) return mine.isError ? null : <LoadingState label={t('community.myClass.loading')} />;
  return (
    <>
      <LiveAnswerPanel classId={classId} initial={mine.data.openQuestion} outbox={outbox} />
      <p>
        <Link to={paths.myClass(classId)}>{t('community.checkIn.openClass', { title: mine.data.title })}</Link>
      </p>
    </>
  );
}
