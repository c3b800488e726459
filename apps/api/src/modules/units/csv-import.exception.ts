import { HttpStatus } from '@nestjs/common';
import { RequestValidationException } from '../../common/validation';
import type { CsvProblem } from './csv';

/** At most this many problems are listed in the answer (the message gives the total). */
const MAX_DETAILS = 200;

/**
 * A refused CSV file: a 400 whose details name every faulty line (`field`: "line 7: parent_code",
 * or "line 7" for the whole line), up to 200 of them. Nothing of the file has been written.
 */
export class CsvImportException extends RequestValidationException {
  private readonly summary: string;

  constructor(problems: readonly CsvProblem[]) {
    const sorted = [...problems].sort((a, b) => a.line - b.line);
    super(sorted.slice(0, MAX_DETAILS).map((p) => ({ field: p.column ? `line ${p.line}: ${p.column}` : `line ${p.line}`, message: p.message })));
    const lines = [...new Set(sorted.map((p) => p.line))];
    const shown = lines.slice(0, 20).join(', ') + (lines.length > 20 ? ` and ${lines.length - 20} more` : '');
    const listed = sorted.length > MAX_DETAILS ? ` (the first ${MAX_DETAILS} of ${sorted.length} errors are listed)` : '';
    this.summary = `The CSV file has errors on line${lines.length === 1 ? '' : 's'} ${shown}; nothing was imported${listed}`;
    this.message = this.summary;
  }

  override getResponse(): object {
    return { statusCode: HttpStatus.BAD_REQUEST, error: 'Bad Request', message: this.summary };
  }
}

/** A PostgreSQL error code of a failed query (TypeORM copies the driver's fields onto its error). */
export function pgCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.code ?? e?.driverError?.code;
  return typeof code === 'string' ? code : undefined;
}
export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';
