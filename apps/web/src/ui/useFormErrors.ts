import { useCallback, useState } from 'react';
import type { SummaryError } from './ErrorSummary';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/**
 * Errors of a form: per field (shown next to it), one for the whole form, and a counter that makes
 * the error summary take focus after each failed submit.
 */
export function useFormErrors<F extends string>() {
  const [fields, setFields] = useState<FieldErrors<F>>({});
  const [form, setForm] = useState<string | undefined>();
  const [focusKey, setFocusKey] = useState(0);

  const fail = useCallback((fieldErrors: FieldErrors<F>, formError?: string) => {
    setFields(fieldErrors);
    setForm(formError);
    setFocusKey((k) => k + 1);
  }, []);

  const clear = useCallback(() => {
    setFields({});
    setForm(undefined);
  }, []);

  /** The summary's entries, in the order of the fields on the page. */
  const summary = (order: readonly F[], idOf: (field: F) => string = (f) => f): SummaryError[] =>
    order.flatMap((field) => {
      const message = fields[field];
      return message ? [{ fieldId: idOf(field), message }] : [];
    });

  return { fields, form, focusKey, fail, clear, summary };
}

export function hasErrors(errors: object): boolean {
  return Object.values(errors).some(Boolean);
}
