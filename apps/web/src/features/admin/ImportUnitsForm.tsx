import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError, ImportResult } from '../../api/client';
import { ApiError, errorKind } from '../../api/errors';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { describedBy, FieldShell } from '../../ui/Field';
import { useFormErrors } from '../../ui/useFormErrors';
import { useImportUnits } from './api';

/** "line 7: parent_code" → { line: 7, column: 'parent_code' } (the API's `details` of a refused file). */
export function parseLineField(field: string): { line: number; column?: string } | undefined {
  const match = /^line (\d+)(?::\s*(.+))?$/.exec(field);
  return match ? { line: Number(match[1]), column: match[2] } : undefined;
}

/**
 * CSV import of units (administrators). All or nothing: when lines are wrong, each one is listed
 * with its line number, so the file can be corrected and sent again.
 */
export function ImportUnitsForm() {
  const { t } = useTranslation();
  const importUnits = useImportUnits();
  const errors = useFormErrors<'file'>();
  const file = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState<ImportResult | undefined>();
  const [lines, setLines] = useState<readonly FieldError[]>([]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (importUnits.isPending) return;
    setResult(undefined);
    setLines([]);
    const chosen = file.current?.files?.[0];
    if (!chosen) {
      errors.fail({ file: t('admin.units.fileRequired') });
      return;
    }
    errors.clear();
    const text = await chosen.text();
    importUnits.mutate(text, {
      onSuccess: setResult,
      onError: (error) => {
        if (error instanceof ApiError && error.status === 400 && error.details.length > 0) {
          setLines(error.details);
          errors.fail({}, t('admin.units.importFailed'));
        } else if (error instanceof ApiError && error.status === 413) errors.fail({ file: t('admin.units.fileTooLarge') });
        else if (error instanceof ApiError && error.status === 415) errors.fail({ file: t('admin.units.fileNotCsv') });
        else errors.fail({}, t(`error.${errorKind(error)}`));
      },
    });
  };

  const fileError = errors.fields.file;
  return (
    <section className="panel" aria-labelledby="import-title">
      <h2 id="import-title">{t('admin.units.import')}</h2>
      <p>{t('admin.units.importIntro')}</p>
      <ErrorSummary errors={errors.summary(['file'], () => 'units-file')} formError={errors.form} focusKey={errors.focusKey} />
      {lines.length > 0 ? (
        <div className="panel">
          <h3>{t('admin.units.lineErrors')}</h3>
          <ul className="line-errors">
            {lines.map((detail, index) => {
              const where = parseLineField(detail.field);
              const label = where
                ? where.column
                  ? t('admin.units.lineColumn', { line: where.line, column: where.column })
                  : t('admin.units.line', { line: where.line })
                : detail.field;
              return (
                <li key={index}>
                  <strong>{label}:</strong> {/* The API explains in English only. */}
                  <span lang="en">{detail.message}</span>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <FieldShell id="units-file" label={t('admin.units.fileLabel')} error={fileError}>
          <input
            ref={file}
            id="units-file"
            name="units-file"
            type="file"
            accept=".csv,text/csv"
            className="input"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={describedBy('units-file', undefined, fileError)}
          />
        </FieldShell>
        <div className="form__actions">
          <Button type="submit" busy={importUnits.isPending} busyLabel={t('admin.units.importing')}>
            {t('admin.units.importSubmit')}
          </Button>
        </div>
        <div role="status">{result ? <p className="notice">{t('admin.units.imported', { ...result })}</p> : null}</div>
      </form>
    </section>
  );
}
