import { useTranslation } from 'react-i18next';
import { useOutboxStatus, type Outbox } from './outbox';

/** "Đã đồng bộ" / "Mất mạng — 2 việc chờ đồng bộ": announced politely, never in the way. */
export function OutboxStatus({ outbox, className }: { outbox: Outbox; className?: string }) {
  const { t } = useTranslation();
  const status = useOutboxStatus(outbox);
  const text =
    status.state === 'saved'
      ? t('community.sync.saved')
      : status.state === 'offline'
        ? t('community.sync.offline', { count: status.pending })
        : status.state === 'syncing'
          ? t('community.sync.syncing', { count: status.pending })
          : t('community.sync.waiting', { count: status.pending });
  return (
    <p
      className={['community-sync', `community-sync--${status.state}`, className].filter(Boolean).join(' ')}
      role="status"
      data-testid="community-sync"
      data-state={status.state}
      data-pending={status.pending}
    >
      {text}
    </p>
  );
}
