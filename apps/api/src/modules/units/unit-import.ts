import { TARGET_GROUPS } from '@hocso/curriculum';
import type { UnitLevel } from './administrative-unit.entity';
import { checkHeader, CsvSyntaxError, parseCsv, type CsvProblem, type CsvRecord } from './csv';
import { childLevelOf, childPath, depthOf, isUnitLevel, isWithin, rebasePath } from './unit-tree';

/**
 * The pure part of the CSV imports of administrative units and populations: reading and checking
 * rows, and planning the writes against the units already in the database. Nothing here does I/O;
 * UnitsService runs the plan in one transaction.
 */

export const UNIT_CSV_COLUMNS = ['code', 'name', 'level', 'parent_code'] as const;
export const POPULATION_CSV_COLUMNS = ['unit_code', 'target_group', 'year', 'population'] as const;
/** Body size limit of a CSV upload; the whole country (≈3,300 communes and their villages) fits. */
export const CSV_MAX_BYTES = 5 * 1024 * 1024;
export const CSV_MAX_ROWS = 50_000;
/** Official codes (GSO: "12", "03387"), ISO ("VN"), or provisional local ones ("X-12-TP-01"). */
export const UNIT_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;
export const UNIT_NAME_MAX = 200;
const TARGET_GROUP_IDS: readonly string[] = TARGET_GROUPS.map((g) => g.id);

export interface UnitCsvRow {
  line: number;
  code: string;
  name: string;
  level: UnitLevel;
  parentCode: string | null;
}

export interface PopulationCsvRow {
  line: number;
  unitCode: string;
  targetGroup: string;
  year: number;
  population: number;
}

export interface CsvRead<T> {
  rows: T[];
  problems: CsvProblem[];
}

export interface UnitCsvRead extends CsvRead<UnitCsvRow> {
  /** Codes of rows refused by the checks, with their line (their children are reported too). */
  rejected: Map<string, number>;
}

/** Reads the records of a CSV text after its header; syntax errors, a bad header or too many rows are problems. */
function recordsOf(text: string, columns: readonly string[]): { records: CsvRecord[]; problems: CsvProblem[] } {
  let records: CsvRecord[];
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { records: [], problems: [error.problem] };
    throw error;
  }
  const headerProblem = checkHeader(records, columns);
  if (headerProblem) return { records: [], problems: [headerProblem] };
  const body = records.slice(1);
  if (body.length === 0) return { records: [], problems: [{ line: 2, message: 'the file has a header but no rows' }] };
  if (body.length > CSV_MAX_ROWS) {
    return { records: [], problems: [{ line: body[CSV_MAX_ROWS]!.line, message: `at most ${CSV_MAX_ROWS} rows per file; split it` }] };
  }
  const problems: CsvProblem[] = [];
  const wellFormed = body.filter((record) => {
    if (record.fields.length === columns.length) return true;
    problems.push({ line: record.line, message: `expected ${columns.length} fields (${columns.join(',')}), found ${record.fields.length}` });
    return false;
  });
  return { records: wellFormed, problems };
}

/** Reads a `code,name,level,parent_code` file: each row checked on its own and against the file's other rows. */
export function readUnitCsv(text: string): UnitCsvRead {
  const { records, problems } = recordsOf(text, UNIT_CSV_COLUMNS);
  const rows: UnitCsvRow[] = [];
  const rejected = new Map<string, number>();
  const lineOfCode = new Map<string, number>();
  for (const { line, fields } of records) {
    const [code = '', rawName = '', rawLevel = '', rawParent = ''] = fields.map((f) => f.trim());
    const name = rawName.normalize('NFC');
    const level = rawLevel.toLowerCase();
    const parentCode = rawParent === '' ? null : rawParent;
    const before = problems.length;
    if (!UNIT_CODE.test(code)) problems.push({ line, column: 'code', message: 'must be 1-32 letters, digits, ".", "_" or "-", starting with a letter or digit' });
    if (name === '') problems.push({ line, column: 'name', message: 'must not be empty' });
    else if (name.length > UNIT_NAME_MAX) problems.push({ line, column: 'name', message: `must be at most ${UNIT_NAME_MAX} characters` });
    if (!isUnitLevel(level)) problems.push({ line, column: 'level', message: 'must be one of country, province, commune, village' });
    if (parentCode !== null && !UNIT_CODE.test(parentCode)) problems.push({ line, column: 'parent_code', message: 'is not a valid code' });
    if (isUnitLevel(level) && level === 'country' && parentCode !== null) problems.push({ line, column: 'parent_code', message: 'a country has no parent: leave it empty' });
    if (isUnitLevel(level) && level !== 'country' && parentCode === null) problems.push({ line, column: 'parent_code', message: `a ${level} needs the code of its parent` });
    if (parentCode !== null && parentCode === code) problems.push({ line, column: 'parent_code', message: 'a unit cannot be its own parent' });
    const earlier = lineOfCode.get(code);
    if (earlier !== undefined) problems.push({ line, column: 'code', message: `"${code}" is already on line ${earlier}` });
    else if (code !== '') lineOfCode.set(code, line);
    if (problems.length === before && isUnitLevel(level)) rows.push({ line, code, name, level, parentCode });
    // A refused row's children are reported too; a duplicate of an accepted code leaves that one be.
    else if (UNIT_CODE.test(code) && earlier === undefined && !rejected.has(code)) rejected.set(code, line);
  }
  return { rows, problems: byLine(problems), rejected };
}

/** Rows ordered so that every parent comes before its children (by level; stable otherwise). */
export function parentsFirst<T extends { level: UnitLevel }>(rows: readonly T[]): T[] {
  return rows.map((row, index) => ({ row, index })).sort((a, b) => depthOf(a.row.level) - depthOf(b.row.level) || a.index - b.index).map((x) => x.row);
}

/** A unit as the import finds it in the database. */
export interface ExistingUnit {
  id: string;
  code: string;
  name: string;
  level: UnitLevel;
  parentId: string | null;
  path: string;
}

export interface UnitImportPlan {
  /** In parents-first order. */
  inserts: ExistingUnit[];
  renames: { id: string; name: string }[];
  /** In parents-first order; each moves the unit and its whole subtree (paths rebased). */
  moves: { id: string; level: UnitLevel; parentId: string | null; oldPath: string; newPath: string }[];
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Plans an idempotent upsert by code. `existing` holds the units of the database whose code is a
 * code or a parent code of the file. A row's parent is found in the file or in the database and
 * must be one level up. An existing unit keeps its id and level; its name is updated, and when its
 * parent changed it moves with its subtree. Returns problems (line by line) or a plan, never both.
 */
export function planUnitImport(
  rows: readonly UnitCsvRow[],
  existing: ReadonlyMap<string, ExistingUnit>,
  newId: () => string,
  rejected: ReadonlyMap<string, number> = new Map(),
): { problems: CsvProblem[]; plan?: UnitImportPlan } {
  const current = new Map<string, ExistingUnit>([...existing].map(([code, unit]) => [code, { ...unit }]));
  const rowOf = new Map(rows.map((r) => [r.code, r]));
  const lineOf = new Map([...rejected, ...rows.map((r): [string, number] => [r.code, r.line])]);
  const failed = new Set<string>(rejected.keys());
  const problems: CsvProblem[] = [];
  const plan: UnitImportPlan = { inserts: [], renames: [], moves: [], created: 0, updated: 0, unchanged: 0 };

  for (const row of parentsFirst(rows)) {
    const fail = (column: string, message: string) => {
      problems.push({ line: row.line, column, message });
      failed.add(row.code);
    };
    let parent: ExistingUnit | null = null;
    if (row.parentCode !== null) {
      if (failed.has(row.parentCode)) {
        fail('parent_code', `the parent "${row.parentCode}" (line ${lineOf.get(row.parentCode)}) has errors`);
        continue;
      }
      parent = current.get(row.parentCode) ?? null;
      if (!parent) {
        // Not planned yet although in the file: it is not one level up (rows are taken parents first).
        const parentRow = rowOf.get(row.parentCode);
        fail(
          parentRow ? 'level' : 'parent_code',
          parentRow
            ? `a ${row.level} cannot be under the ${parentRow.level} "${parentRow.code}" (line ${parentRow.line})`
            : `no unit has the code "${row.parentCode}" in this file or in the database`,
        );
        continue;
      }
      const expected = childLevelOf(parent.level);
      if (expected !== row.level) {
        fail('level', expected ? `a ${row.level} cannot be under the ${parent.level} "${parent.code}": its children are ${expected}s` : `nothing can be under the village "${parent.code}"`);
        continue;
      }
    }
    const found = current.get(row.code);
    if (!found) {
      const id = newId();
      const unit: ExistingUnit = { id, code: row.code, name: row.name, level: row.level, parentId: parent?.id ?? null, path: childPath(parent?.path ?? null, id) };
      current.set(row.code, unit);
      plan.inserts.push(unit);
      plan.created += 1;
      continue;
    }
    if (found.level !== row.level) {
      fail('level', `the unit "${row.code}" exists as a ${found.level}; an import cannot change a unit's level`);
      continue;
    }
    let changed = false;
    if (found.name !== row.name) {
      plan.renames.push({ id: found.id, name: row.name });
      found.name = row.name;
      changed = true;
    }
    const parentId = parent?.id ?? null;
    if (found.parentId !== parentId) {
      const oldPath = found.path;
      const newPath = childPath(parent?.path ?? null, found.id);
      plan.moves.push({ id: found.id, level: found.level, parentId, oldPath, newPath });
      for (const unit of current.values()) if (isWithin(unit.path, oldPath)) unit.path = rebasePath(unit.path, oldPath, newPath);
      found.parentId = parentId;
      changed = true;
    }
    if (changed) plan.updated += 1;
    else plan.unchanged += 1;
  }
  return problems.length > 0 ? { problems: byLine(problems) } : { problems, plan };
}

/** Reads a `unit_code,target_group,year,population` file (the units' existence is checked by the service). */
export function readPopulationCsv(text: string): CsvRead<PopulationCsvRow> {
  const { records, problems } = recordsOf(text, POPULATION_CSV_COLUMNS);
  const rows: PopulationCsvRow[] = [];
  const lineOfKey = new Map<string, number>();
  for (const { line, fields } of records) {
    const [unitCode = '', rawGroup = '', rawYear = '', rawPopulation = ''] = fields.map((f) => f.trim());
    const targetGroup = rawGroup.toLowerCase();
    const before = problems.length;
    if (!UNIT_CODE.test(unitCode)) problems.push({ line, column: 'unit_code', message: 'is not a valid code' });
    if (!TARGET_GROUP_IDS.includes(targetGroup)) problems.push({ line, column: 'target_group', message: `must be one of ${TARGET_GROUP_IDS.join(', ')}` });
    const year = /^\d{4}$/.test(rawYear) ? Number(rawYear) : NaN;
    if (!(year >= 2000 && year <= 2100)) problems.push({ line, column: 'year', message: 'must be a year from 2000 to 2100' });
    const population = /^\d{1,10}$/.test(rawPopulation) ? Number(rawPopulation) : NaN;
    if (!(population >= 0 && population <= 2_147_483_647)) problems.push({ line, column: 'population', message: 'must be a whole number of people, 0 or more (digits only)' });
    const key = `${unitCode}\u0000${targetGroup}\u0000${year}`;
    const earlier = lineOfKey.get(key);
    if (problems.length === before && earlier !== undefined) problems.push({ line, message: `the same unit, target group and year are already on line ${earlier}` });
    if (problems.length === before) {
      lineOfKey.set(key, line);
      rows.push({ line, unitCode, targetGroup, year, population });
    }
  }
  return { rows, problems: byLine(problems) };
}

/** Problems in line order (stable: a line's problems keep their column order). */
function byLine(problems: CsvProblem[]): CsvProblem[] {
  return problems.sort((a, b) => a.line - b.line);
}
