import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { Button } from '../../ui/Button';
import { useExportArchive } from './api';

/**
 * "Export archive": downloads the course (a version of it, else its newest published one) as one
 * .zip to import on another installation. For the course editor of the studio. Needs the `archives`
 * message part (withMessages(['…', 'archives'], …) on the page's route).
 */
export function ExportArchiveButton({ courseId, version }: { courseId: string; version?: number }) {
  const { t } = useTranslation();
  const exporter = useExportArchive();
  return (
    <div className="archive-export">
      <Button variant="secondary" busy={exporter.isPending} busyLabel={t('archives.export.busy')} onClick={() => exporter.mutate({ courseId, version })}>
        {t('archives.export.button')}
      </Button>
      <p className="field__hint">{t('archives.export.hint')}</p>
      {exporter.isSuccess ? <p role="status">{t('archives.export.done', { filename: exporter.data })}</p> : null}
      {exporter.isError ? (
        <p className="field__error" role="alert">
          {t('archives.export.failed', { message: exporter.error instanceof ApiError ? exporter.error.message : String(exporter.error) })}
        </p>
      ) : null}
    </div>
  );
}
