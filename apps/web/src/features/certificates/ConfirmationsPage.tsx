import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { usePageTitle } from '../../ui/usePageTitle';
import { CellLabel } from '../admin/CellLabel';
import { targetGroupName } from '../admin/targetGroupName';
import { useConfirmations, useReplayConfirmation, useRevokeCertificate, type Confirmation, type ConfirmationStatus } from './api';

const STATUSES: ConfirmationStatus[] = ['pending', 'delivered', 'failed', 'dead'];

function RevokeForm() {
  const { t } = useTranslation();
  const revoke = useRevokeCertificate();
  const [serial, setSerial] = useState('');
  const [reason, setReason] = useState('');
  return (
    <section aria-labelledby="revoke-title">
      <h2 id="revoke-title">{t('certificates.admin.revokeTitle')}</h2>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (serial.trim() && reason.trim()) revoke.mutate({ serial: serial.trim().toUpperCase(), reason: reason.trim() });
        }}
      >
        <TextField id="revoke-serial" label={t('certificates.admin.revokeSerial')} value={serial} onChange={(e) => setSerial(e.target.value)} autoComplete="off" required />
        <TextField id="revoke-reason" label={t('certificates.admin.revokeReason')} hint={t('certificates.admin.revokeReasonHint')} value={reason} onChange={(e) => setReason(e.target.value)} minLength={3} required />
        <Button type="submit" variant="danger" busy={revoke.isPending} busyLabel={t('certificates.admin.revoking')}>
          {t('certificates.admin.revoke')}
        </Button>
        <div role="status" aria-live="polite">
          {revoke.isSuccess ? <p className="notice">{t('certificates.admin.revoked', { serial: revoke.data.serial })}</p> : null}
          {revoke.isError ? <p className="notice notice--warning">{t('certificates.admin.revokeError', { message: revoke.error.message })}</p> : null}
        </div>
      </form>
    </section>
  );
}

function Row({ c, onReplay, replaying }: { c: Confirmation; onReplay: () => void; replaying: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const when = (iso: string) => new Intl.DateTimeFormat(lang, { dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso));
  return (
    <tr role="row">
      <th scope="row" role="rowheader" className="code">
        {c.serial}
      </th>
      <td role="cell">
        <CellLabel>{t('certificates.admin.targetGroup')}</CellLabel>
        {targetGroupName(c.targetGroup, lang)}
      </td>
      <td role="cell">
        <CellLabel>{t('certificates.admin.statusCol')}</CellLabel>
        <span className={`cert-status cert-status--${c.status}`}>{t(`certificates.admin.status_${c.status}`)}</span>
      </td>
      <td role="cell" className="num">
        <CellLabel>{t('certificates.admin.attempts')}</CellLabel>
        {c.attempts}
      </td>
      <td role="cell">
        <CellLabel>{t('certificates.admin.lastError')}</CellLabel>
        {c.lastError ?? '—'}
        {c.log.length > 0 ? (
          <details>
            <summary>{t('certificates.admin.log', { count: c.log.length })}</summary>
            <ol className="cert-log">
              {c.log.map((a) => (
                <li key={`${a.attempt}-${a.at}`}>
                  {t('certificates.admin.attempt', { n: a.attempt })} · {t(`certificates.admin.trigger_${a.trigger}`)} · {when(a.at)} · {a.statusCode ?? t('certificates.admin.noAnswer')} ·{' '}
                  {t('certificates.admin.duration', { ms: a.durationMs })}
                  {a.error ? ` · ${a.error}` : ''}
                </li>
              ))}
            </ol>
          </details>
        ) : null}
      </td>
      <td role="cell">
        <CellLabel>{t('certificates.admin.created')}</CellLabel>
        {when(c.createdAt)}
      </td>
      <td role="cell">
        <CellLabel>{t('certificates.admin.actions')}</CellLabel>
        {c.status === 'failed' || c.status === 'dead' ? (
          <Button variant="secondary" busy={replaying} busyLabel={t('certificates.admin.replaying')} onClick={onReplay} aria-label={t('certificates.admin.replayOf', { serial: c.serial })}>
            {t('certificates.admin.replay')}
          </Button>
        ) : (
          '—'
        )}
      </td>
    </tr>
  );
}

/** Administrators: the delivery log of confirmations to the national ID system, replay of failed ones, revocation. */
export function ConfirmationsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ConfirmationStatus | ''>('');
  const confirmations = useConfirmations(status);
  const replay = useReplayConfirmation();
  usePageTitle(t('certificates.admin.title'));
  let table;
  if (!confirmations.data) {
    table = confirmations.isError ? (
      <ErrorState title={t('certificates.admin.loadError')} error={confirmations.error} onRetry={() => void confirmations.refetch()} retrying={confirmations.isFetching} />
    ) : (
      <LoadingState label={t('certificates.admin.loading')} />
    );
  } else if (confirmations.data.items.length === 0) {
    table = <p>{t('certificates.admin.empty')}</p>;
  } else {
    table = (
      <div className="table-wrap">
        <table className="table table--stack" role="table">
          <caption className="visually-hidden">{t('certificates.admin.title')}</caption>
          <thead role="rowgroup">
            <tr role="row">
              {(['serial', 'targetGroup', 'statusCol', 'attempts', 'lastError', 'created', 'actions'] as const).map((k) => (
                <th key={k} scope="col" role="columnheader" className={k === 'attempts' ? 'num' : undefined}>
                  {t(`certificates.admin.${k}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody role="rowgroup">
            {confirmations.data.items.map((c) => (
              <Row key={c.id} c={c} replaying={replay.isPending && replay.variables === c.id} onReplay={() => replay.mutate(c.id)} />
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    <>
      <h1>{t('certificates.admin.title')}</h1>
      <p className="lead">{t('certificates.admin.lead')}</p>
      <div className="form">
        <SelectField id="confirmation-status" label={t('certificates.admin.filter')} value={status} onChange={(e) => setStatus(e.target.value as ConfirmationStatus | '')}>
          <option value="">{t('certificates.admin.all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`certificates.admin.status_${s}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <div role="status" aria-live="polite">
        {replay.isSuccess ? <p className="notice">{t('certificates.admin.replayed', { serial: confirmations.data?.items.find((c) => c.id === replay.variables)?.serial ?? '' })}</p> : null}
        {replay.isError ? <p className="notice notice--warning">{t('certificates.admin.replayError', { message: replay.error.message })}</p> : null}
      </div>
      {table}
      <RevokeForm />
    </>
  );
}
