import { useTranslation } from 'react-i18next';
import { ApiError, errorKind } from '../api/errors';

interface ErrorStateProps {
  /** Translated heading, e.g. "Không tải được danh sách khoá học". */
  title: string;
  error: unknown;
  onRetry?: () => void;
  /** True while the retry is in flight: the button says so and ignores further presses. */
  retrying?: boolean;
}

export function ErrorState({ title, error, onRetry, retrying = false }: ErrorStateProps) {
  const { t } = useTranslation();
  const kind = errorKind(error);
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <div className="state state--error" role="alert">
      <h2 className="state__title">{title}</h2>
      <p>{t(`error.${kind}`)}</p>
      {requestId ? <p className="state__meta">{t('error.requestId', { id: requestId })}</p> : null}
      {onRetry ? (
        // aria-disabled rather than disabled: the button keeps focus while the retry runs.
        <button
          type="button"
          className="button"
          aria-disabled={retrying}
          onClick={() => {
            if (!retrying) onRetry();
          }}
        >
          {retrying ? t('error.retrying') : t('error.retry')}
        </button>
      ) : null}
    </div>
  );
}
