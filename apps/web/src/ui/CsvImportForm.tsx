import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../api/client';
import { ApiError, errorKind } from '../api/errors';
import { Button } from './Button';
import { ErrorSummary } from './ErrorSummary';
import { describedBy, FieldShell } from './Field';
import { useFormErrors } from './useFormErrors';

/** "line 7: parent_code" → { line: 7, column: 'parent_code' } (the API's `details` of a refused file). */
export function parseLineField(field: string): { line: number; column?: string } | undefined {
  const match = /^line (\d+)(?::\s*(.+))?$/.exec(field);
  return match ? { line: Number(match[1]), column: match[2] } : undefined;
}

/**
 * What differs between CSV import forms, already translated by the page that shows it; the rest
 * (file field, errors by line, busy label) is the form's own (`csvImport.*` in the main catalogue).
 */
export interface CsvImportTexts<Result> {
  title: string;
  intro: string;
  submit: string;
  imported: (result: Result) => string;
}

/**
 * A CSV file sent to an all-or-nothing import endpoint. When lines are wrong (400 with `details`
 * "line N: column"), each is listed with its number, so the file can be corrected and sent again.
 */
export function CsvImportForm<Result>({
  id,
  texts,
  pending,
  send,
}: {
  /** Prefix of the element ids (unique on the page). */
  id: string;
  texts: CsvImportTexts<Result>;
  pending: boolean;
  send: (csv: string) => Promise<Result>;
}) {
  const { t } = useTranslation();
  const errors = useFormErrors<'file'>();
  const file = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState<Result | undefined>();
  const [lines, setLines] = useState<readonly FieldError[]>([]);
  const fileId = `${id}-file`;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setResult(undefined);
    setLines([]);
    const chosen = file.current?.files?.[0];
    if (!chosen) {
      errors.fail({ file: t('csvImport.fileRequired') });
      return;
    }
    errors.clear();
    try {
      setResult(await send(await chosen.text()));
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.details.length > 0) {
        setLines(error.details);
        errors.fail({}, t('csvImport.importFailed'));
      } else if (error instanceof ApiError && error.status === 413) errors.fail({ file: t('csvImport.fileTooLarge') });
      else if (error instanceof ApiError && error.status === 415) errors.fail({ file: t('csvImport.fileNotCsv') });
      else errors.fail({}, t(`error.${errorKind(error)}`));
    }
  };

  const fileError = errors.fields.file;
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{texts.title}</h2>
      <p>{texts.intro}</p>
      <ErrorSummary errors={errors.summary(['file'], () => fileId)} formError={errors.form} focusKey={errors.focusKey} />
      {lines.length > 0 ? (
        <div className="panel">
          <h3>{t('csvImport.lineErrors')}</h3>
          <ul className="line-errors">
            {lines.map((detail, index) => {
              const where = parseLineField(detail.field);
              const label = where ? (where.column ? t('csvImport.lineColumn', { line: where.line, column: where.column }) : t('csvImport.line', { line: where.line })) : detail.field;
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
        <FieldShell id={fileId} label={t('csvImport.fileLabel')} error={fileError}>
          <input
            ref={file}
            id={fileId}
            name={fileId}
            type="file"
            accept=".csv,text/csv"
            className="input"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={describedBy(fileId, undefined, fileError)}
          />
        </FieldShell>
        <div className="form__actions">
          <Button type="submit" busy={pending} busyLabel={t('csvImport.busy')}>
            {texts.submit}
          </Button>
        </div>
        <div role="status">{result !== undefined ? <p className="notice">{texts.imported(result)}</p> : null}</div>
      </form>
    </section>
  );
}
