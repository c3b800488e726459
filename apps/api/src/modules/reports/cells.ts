/**
 * Pure rules for cells of exported reports (CSV, XLSX, PDF).
 */

/** Counts from 1 to this are shown as "<5" in published reports: a small group could identify a person. */
export const SUPPRESS_BELOW = 5;
export const SUPPRESSED = '<5';

/** A count as published: 0 and 5+ as they are, 1–4 as "<5". */
export function suppressCount(n: number): number | string {
  return n > 0 && n < SUPPRESS_BELOW ? SUPPRESSED : n;
}

/**
 * Makes a text cell safe against formula injection in spreadsheets: a value starting with = + - @,
 * a tab or a carriage return is prefixed with a single quote (OWASP "CSV injection"), so that Excel,
 * LibreOffice and Google Sheets show it as text instead of evaluating it. Other values are unchanged.
 */
export function escapeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A CSV field (RFC 4180): escaped against formulas when it is text, quoted when needed. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : escapeFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document with a UTF-8 byte-order mark (so spreadsheets read Vietnamese letters) and CRLF line ends. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return '\ufeff' + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
