/**
 * A small RFC 4180 CSV reader for the import endpoints: comma-separated, fields optionally in double
 * quotes (a quote inside is doubled; a quoted field may hold commas and line breaks), CRLF or LF line
 * ends, an optional UTF-8 byte-order mark (spreadsheets save one). Every record keeps the number of
 * the line it starts on, so errors can name it. Blank lines are skipped.
 */

export interface CsvRecord {
  /** 1-based number of the line the record starts on (the header is line 1). */
  line: number;
  fields: string[];
}

export interface CsvProblem {
  line: number;
  /** Column name when the problem is in one field, else undefined. */
  column?: string;
  message: string;
}

export class CsvSyntaxError extends Error {
  constructor(readonly problem: CsvProblem) {
    super(`line ${problem.line}: ${problem.message}`);
    this.name = 'CsvSyntaxError';
  }
}

/** Splits a CSV text into records. Throws CsvSyntaxError on an unterminated quote or a stray one. */
export function parseCsv(text: string): CsvRecord[] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false; // inside a quoted field
  let wasQuoted = false; // the current field was quoted (only a separator may follow its closing quote)
  let i = 0;

  const endField = () => {
    fields.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    // A blank line (or one of spaces only) is one blank field: skip it.
    if (!(fields.length === 1 && fields[0]!.trim() === '')) records.push({ line: recordLine, fields });
    fields = [];
  };

  while (i < input.length) {
    const ch = input[i]!;
    if (quoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        wasQuoted = true;
        i += 1;
        continue;
      }
      if (ch === '\n') line += 1;
      field += ch;
      i += 1;
      continue;
    }
    if (ch === ',') {
      endField();
      i += 1;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && input[i + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
      continue;
    }
    if (wasQuoted) throw new CsvSyntaxError({ line, message: 'after a closing double quote only a comma or a line end may follow' });
    if (ch === '"') {
      if (field !== '') throw new CsvSyntaxError({ line, message: 'a double quote inside an unquoted field (quote the whole field and double the quote)' });
      quoted = true;
      i += 1;
      continue;
    }
    field += ch;
    i += 1;
  }
  if (quoted) throw new CsvSyntaxError({ line: recordLine, message: 'a quoted field is not closed' });
  if (field !== '' || fields.length > 0 || wasQuoted) endRecord();
  return records;
}

/** The header must hold exactly these columns in this order (case and surrounding spaces ignored). */
export function checkHeader(records: CsvRecord[], expected: readonly string[]): CsvProblem | undefined {
  const header = records[0];
  const wanted = expected.join(',');
  if (!header) return { line: 1, message: `the file is empty; the first line must be the header ${wanted}` };
  const got = header.fields.map((f) => f.trim().toLowerCase()).join(',');
  if (got !== wanted) return { line: header.line, message: `the header must be ${wanted} (found ${header.fields.join(',')})` };
  return undefined;
}
