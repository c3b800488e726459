/**
 * CSV for spreadsheets: a UTF-8 byte order mark (Excel then reads Vietnamese letters right), CRLF
 * line ends, RFC 4180 quoting, and cells a spreadsheet would take for a formula (starting with
 * = + - @, a tab or a carriage return) prefixed with an apostrophe (CSV/formula injection).
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return '\uFEFF' + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
