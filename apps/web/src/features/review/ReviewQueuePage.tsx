import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { useLanguage } from '../../i18n';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { usePageTitle } from '../../ui/usePageTitle';
import { useReviewQueue } from './api';

/** Versions waiting for a reviewer, oldest submission first. */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  usePageTitle(t('studio.reviewQueue.title'));
  const queue = useReviewQueue();
  return (
    <>
      <h1>{t('studio.reviewQueue.title')}</h1>
      <p className="lead">{t('studio.reviewQueue.intro')}</p>
      {queue.data ? (
        queue.data.items.length === 0 ? (
          <p>{t('studio.reviewQueue.none')}</p>
        ) : (
          <ul className="studio-list" role="list">
            {queue.data.items.map((item) => (
              <li key={item.versionId} className="studio-list__item">
                <Link to={paths.reviewVersion(item.versionId)} className="studio-list__title">
                  {item.title}
                </Link>
                <span className="studio-list__meta">
                  {t('studio.versionNumber', { number: item.versionNumber })}
                  {item.authors.length > 0 ? ` · ${t('studio.reviewQueue.by', { authors: item.authors.join(', ') })}` : ''}
                  {item.submittedAt ? ` · ${new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(new Date(item.submittedAt))}` : ''}
                </span>
              </li>
            ))}
          </ul>
        )
      ) : queue.isError ? (
        <ErrorState title={t('studio.loadError')} error={queue.error} retrying={queue.isFetching} onRetry={() => void queue.refetch()} />
      ) : (
        <LoadingState label={t('studio.loading')} />
      )}
    </>
  );
}
