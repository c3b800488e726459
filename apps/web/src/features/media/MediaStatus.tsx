import { useMediaT } from './useMediaT';
import { ApiError } from '../../api/errors';
import { formatDuration, useMediaAsset } from './api';

/** The state of an uploaded video, polled while it converts: queued, % done, ready (poster, duration) or the failure reason. */
export function MediaStatus({ assetId }: { assetId: string }) {
  const t = useMediaT();
  const { data, error, isPending } = useMediaAsset(assetId);

  let body;
  if (isPending) {
    body = <p role="status">{t('media.status.loading')}</p>;
  } else if (!data) {
    body = (
      <p role="alert" className="field__error">
        {error instanceof ApiError && error.status === 404 ? t('media.status.notFound') : t('media.status.error')}
      </p>
    );
  } else if (data.status === 'ready') {
    body = (
      <div className="media-status__ready">
        {data.posterUrl ? <img src={data.posterUrl} alt={t('media.status.poster')} width={256} height={144} loading="lazy" /> : null}
        <p role="status">
          {t('media.status.ready', {
            duration: formatDuration(data.durationSeconds ?? 0),
            renditions: data.renditions.map((r) => `${r.height}p`).join(', '),
          })}
        </p>
      </div>
    );
  } else if (data.status === 'failed') {
    body = (
      <p role="alert" className="field__error">
        {t('media.status.failed', { message: data.error?.message ?? '' })}
      </p>
    );
  } else if (data.status === 'processing') {
    body = (
      <>
        <progress max={100} value={data.progress} aria-label={t('media.status.title')} />
        <p role="status">{t('media.status.processing', { percent: data.progress })}</p>
      </>
    );
  } else {
    body = <p role="status">{t(data.status === 'uploading' ? 'media.status.uploading' : 'media.status.queued')}</p>;
  }
  return (
    <section className="media-status" aria-label={t('media.status.title')} data-status={data?.status ?? 'loading'}>
      {body}
    </section>
  );
}
