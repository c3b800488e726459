import { useTranslation } from 'react-i18next';
import type { ProgressQueue } from './progressQueue';
import { useSyncStatus } from './recorder';

/** "Progress saved" / "Waiting to sync (n)": announced politely, never in the way. */
export function SyncStatus({ queue }: { queue: ProgressQueue }) {
  const { t } = useTranslation();
  const status = useSyncStatus(queue);
  const text =
    status.state === 'saved'
      ? t('learn.sync.saved')
      : status.state === 'offline'
        ? t('learn.sync.offline', { count: status.pending })
        : status.state === 'syncing'
          ? t('learn.sync.syncing', { count: status.pending })
          : t('learn.sync.waiting', { count: status.pending });
  return (
    <p className={`sync-status sync-status--${status.state}`} role="status" data-state={status.state} data-pending={status.pending}>
      {text}
    </p>
  );
}
