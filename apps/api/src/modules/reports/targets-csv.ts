import { checkHeader, CsvSyntaxError, parseCsv, type CsvProblem, type CsvRecord } from '../units/csv';
import { CSV_MAX_ROWS, UNIT_CODE } from '../units/unit-import';
import { TARGET_METRICS, type TargetMetric } from './entities';
import { TARGET_SCOPES, targetValueProblem } from './target-rules';

export const TARGET_CSV_COLUMNS = ['unit_code', 'target_group', 'year', 'metric', 'value'] as const;

export interface TargetCsvRow {
  line: number;
  unitCode: string;
  targetGroup: string;
  year: number;
  metric: TargetMetric;
  value: number;
}

/** Reads a `unit_code,target_group,year,metric,value` file; each line checked on its own and against the file's other lines. */
export function readTargetCsv(text: string): { rows: TargetCsvRow[]; problems: CsvProblem[] } {
  let records: CsvRecord[];
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { rows: [], problems: [error.problem] };
    throw error;
  }
  const header = checkHeader(records, TARGET_CSV_COLUMNS);
  if (header) return { rows: [], problems: [header] };
  const body = records.slice(1);
  if (body.length === 0) return { rows: [], problems: [{ line: 2, message: 'the file has a header but no rows' }] };
  if (body.length > CSV_MAX_ROWS) return { rows: [], problems: [{ line: body[CSV_MAX_ROWS]!.line, message: `at most ${CSV_MAX_ROWS} rows per file; split it` }] };
  const rows: TargetCsvRow[] = [];
  const problems: CsvProblem[] = [];
  const lineOfKey = new Map<string, number>();
  for (const { line, fields } of body) {
    if (fields.length !== TARGET_CSV_COLUMNS.length) {
      problems.push({ line, message: `expected ${TARGET_CSV_COLUMNS.length} fields (${TARGET_CSV_COLUMNS.join(',')}), found ${fields.length}` });
      continue;
    }
    const [unitCode = '', rawGroup = '', rawYear = '', rawMetric = '', rawValue = ''] = fields.map((f) => f.trim());
    const targetGroup = rawGroup.toLowerCase();
    const metric = rawMetric.toLowerCase() as TargetMetric;
    const before = problems.length;
    if (!UNIT_CODE.test(unitCode)) problems.push({ line, column: 'unit_code', message: 'is not a valid code' });
    if (!TARGET_SCOPES.includes(targetGroup)) problems.push({ line, column: 'target_group', message: `must be one of ${TARGET_SCOPES.join(', ')}` });
    const year = /^\d{4}$/.test(rawYear) ? Number(rawYear) : NaN;
    if (!(year >= 2000 && year <= 2100)) problems.push({ line, column: 'year', message: 'must be a year from 2000 to 2100' });
    const metricOk = (TARGET_METRICS as readonly string[]).includes(metric);
    if (!metricOk) problems.push({ line, column: 'metric', message: `must be one of ${TARGET_METRICS.join(', ')}` });
    const value = /^\d{1,10}(\.\d{1,2})?$/.test(rawValue) ? Number(rawValue) : NaN;
    if (Number.isNaN(value)) problems.push({ line, column: 'value', message: 'must be a number, 0 or more (digits, a dot and up to 2 decimals)' });
    else if (metricOk) {
      const problem = targetValueProblem(metric, value);
      if (problem) problems.push({ line, column: 'value', message: problem });
    }
    const key = `${unitCode}\u0000${targetGroup}\u0000${year}\u0000${metric}`;
    const earlier = lineOfKey.get(key);
    if (problems.length === before && earlier !== undefined) problems.push({ line, message: `the same unit, target group, year and metric are already on line ${earlier}` });
    if (problems.length === before) {
      lineOfKey.set(key, line);
      rows.push({ line, unitCode, targetGroup, year, metric, value });
    }
  }
  return { rows, problems: problems.sort((a, b) => a.line - b.line) };
}
