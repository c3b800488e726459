import { useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface SummaryError {
  /** The id of the field (or of the first control of a group) to link to. */
  fieldId: string;
  message: string;
}

interface ErrorSummaryProps {
  errors: readonly SummaryError[];
  /** Changes on every failed submit: the summary takes focus each time, so it is announced. */
  focusKey: number;
  /** An error that belongs to no field (e.g. "wrong password", "too many attempts"). */
  formError?: string;
}

/** Focuses the field (or the group's first control) and brings its label into view. */
export function focusField(fieldId: string): boolean {
  const field = document.getElementById(fieldId);
  if (!field) return false;
  const control = field.matches('fieldset') ? field.querySelector<HTMLElement>('input, select, textarea') : field;
  const label = field.matches('fieldset') ? field.querySelector('legend') : document.querySelector(`label[for="${CSS.escape(fieldId)}"]`);
  (label ?? field).scrollIntoView({ block: 'start' });
  (control ?? field).focus({ preventScroll: true });
  return true;
}

/**
 * The GOV.UK error summary: at the top of the form, focused after a failed submit, one link per
 * error that moves to the field.
 */
export function ErrorSummary({ errors, focusKey, formError }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const visible = errors.length > 0 || !!formError;
  useEffect(() => {
    if (focusKey > 0) ref.current?.focus();
  }, [focusKey]);
  if (!visible) return null;
  const onClick = (event: MouseEvent<HTMLAnchorElement>, fieldId: string) => {
    // A hash change would be a router navigation; move focus ourselves.
    if (focusField(fieldId)) event.preventDefault();
  };
  return (
    <div ref={ref} className="error-summary" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary__title">
        {t('form.errorSummaryTitle')}
      </h2>
      {formError ? <p className="error-summary__message">{formError}</p> : null}
      {errors.length > 0 ? (
        <ul className="error-summary__list">
          {errors.map((error) => (
            <li key={error.fieldId}>
              <a href={`#${error.fieldId}`} onClick={(event) => onClick(event, error.fieldId)}>
                {error.message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
