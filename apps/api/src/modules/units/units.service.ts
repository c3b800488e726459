import { BadRequestException, ConflictException, ForbiddenException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../identity/auth-user';
import { UNIT_LEVELS, type UnitLevel } from './administrative-unit.entity';
import { CsvImportException, pgCode, UNIQUE_VIOLATION } from './csv-import.exception';
import {
  PUBLIC_UNITS_MAX,
  type CreateUnitDto,
  type ImportResultDto,
  type PublicUnitsQuery,
  type SearchUnitsQuery,
  type SubtreeQuery,
  type UnitDto,
  type UnitListDto,
  type UnitPopulationsDto,
  type UnitRefDto,
} from './dto/unit.dto';
import { planUnitImport, readPopulationCsv, readUnitCsv, type ExistingUnit } from './unit-import';
import { UnitScope } from './unit-scope';
import { childLevelOf, childPath, idsOnPath } from './unit-tree';

/** Columns of administrative_units as a UnitDto. */
export const UNIT_COLUMNS = (alias: string) =>
  `${alias}.id, ${alias}.code, ${alias}.name, ${alias}.level, ${alias}.parent_id AS "parentId", ${alias}.path`;
/** Orders units root first, then by name. */
const BY_DEPTH_AND_NAME = (alias: string) =>
  `array_position(ARRAY['country','province','commune','village']::varchar[], ${alias}.level), ${alias}.name, ${alias}.code`;
/** Imports of units (and creations, through the unique code) are serialised by this advisory lock. */
const IMPORT_LOCK = `pg_advisory_xact_lock(hashtext('hocso:administrative_units'))`;
const INSERT_CHUNK = 2000;

type Row<T> = T & { total?: number };

/** Who asked for a change, for the audit log (none: the system, e.g. the demo job). */
export interface Requester {
  actorId: string;
  requestId: string;
}

/**
 * The administrative tree: reads within the caller's scope (see UnitScope: filtered in SQL, 404
 * outside), creation of a unit under a parent, and the CSV imports of units and populations (one
 * transaction each; nothing is written when a line is wrong).
 */
@Injectable()
export class UnitsService {
  private readonly logger = new Logger(UnitsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** A unit the caller may see; 404 when it does not exist or lies outside their scope. */
  async get(user: AuthUser, id: string): Promise<UnitDto> {
    const params: unknown[] = [id];
    const scope = UnitScope.of(user).where('u.path', params);
    const [unit] = (await this.dataSource.query(`SELECT ${UNIT_COLUMNS('u')} FROM administrative_units u WHERE u.id = $1 AND ${scope}`, params)) as UnitDto[];
    if (!unit) throw new NotFoundException('No such administrative unit');
    return unit;
  }

  /** The tops of the caller's scope: for an administrator the roots of the tree, else the units of their roles. */
  async roots(user: AuthUser): Promise<UnitDto[]> {
    const scope = UnitScope.of(user);
    if (scope.all) {
      return this.dataSource.query(`SELECT ${UNIT_COLUMNS('u')} FROM administrative_units u WHERE u.parent_id IS NULL ORDER BY ${BY_DEPTH_AND_NAME('u')}`);
    }
    return this.dataSource.query(`SELECT ${UNIT_COLUMNS('u')} FROM administrative_units u WHERE u.path = ANY($1) ORDER BY ${BY_DEPTH_AND_NAME('u')}`, [scope.paths]);
  }

  /** Units in scope by name (part of it, any case) or exact code, optionally of one level. */
  async search(user: AuthUser, query: SearchUnitsQuery): Promise<UnitListDto> {
    const params: unknown[] = [query.q ?? null, query.level ?? null, query.limit ?? 100, query.offset ?? 0];
    const scope = UnitScope.of(user).where('u.path', params);
    return this.page(
      `SELECT ${UNIT_COLUMNS('u')}, count(*) OVER ()::int AS total
         FROM administrative_units u
        WHERE ${scope}
          AND ($1::text IS NULL OR u.code = $1 OR u.name ILIKE '%' || replace(replace(replace($1, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%')
          AND ($2::varchar IS NULL OR u.level = $2)
        ORDER BY ${BY_DEPTH_AND_NAME('u')}
        LIMIT $3 OFFSET $4`,
      params,
    );
  }

  /** The children of a unit in scope. */
  async children(user: AuthUser, id: string): Promise<UnitDto[]> {
    await this.get(user, id);
    return this.dataSource.query(`SELECT ${UNIT_COLUMNS('u')} FROM administrative_units u WHERE u.parent_id = $1 ORDER BY u.name, u.code`, [id]);
  }

  /**
   * The public list of the pickers where a person says where they live (no scope: unit names are
   * public): without a parent the communes of the installation, else the children of the parent
   * (optionally of one level); by name, at most PUBLIC_UNITS_MAX. An unknown parent has no children.
   */
  async publicList(query: PublicUnitsQuery): Promise<UnitRefDto[]> {
    const parentId = query.parentId ?? null;
    const level = query.level ?? (parentId ? null : 'commune');
    return this.dataSource.query(
      `SELECT u.id, u.code, u.name, u.level
         FROM administrative_units u
        WHERE ($1::uuid IS NULL OR u.parent_id = $1) AND ($2::varchar IS NULL OR u.level = $2)
        ORDER BY u.name, u.code
        LIMIT $3`,
      [parentId, level, PUBLIC_UNITS_MAX],
    );
  }

  /** A unit in scope and everything below it, root first (a prefix match on the path, indexed). */
  async subtree(user: AuthUser, id: string, query: SubtreeQuery): Promise<UnitListDto> {
    const root = await this.get(user, id);
    return this.page(
      `SELECT ${UNIT_COLUMNS('u')}, count(*) OVER ()::int AS total
         FROM administrative_units u
        WHERE u.path LIKE $1 || '%' AND ($2::varchar IS NULL OR u.level = $2)
        ORDER BY ${BY_DEPTH_AND_NAME('u')}
        LIMIT $3 OFFSET $4`,
      [root.path, query.level ?? null, query.limit ?? 100, query.offset ?? 0],
    );
  }

  /**
   * The breadcrumb of a unit in scope: from the root of the tree down to the unit itself. The
   * names and codes of the ancestors of a unit one may see are shown (they are public facts).
   */
  async ancestors(user: AuthUser, id: string): Promise<UnitDto[]> {
    const unit = await this.get(user, id);
    const ids = idsOnPath(unit.path);
    return this.dataSource.query(
      `SELECT ${UNIT_COLUMNS('u')} FROM administrative_units u WHERE u.id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], u.id)`,
      [ids],
    );
  }

  /**
   * Creates a unit under a parent in the caller's scope (an official adds villages to their
   * commune); the level must be the one right below the parent's. Only an administrator creates a
   * root (a country). The code must be new (409).
   */
  async create(user: AuthUser, dto: CreateUnitDto, requestId: string | null = null): Promise<UnitDto> {
    const scope = UnitScope.of(user);
    return this.dataSource.transaction(async (manager) => {
      let parent: UnitDto | null = null;
      if (dto.parentId) {
        const params: unknown[] = [dto.parentId];
        const inScope = scope.where('u.path', params);
        [parent = null] = (await manager.query(
          `SELECT ${UNIT_COLUMNS('u')} FROM administrative_units u WHERE u.id = $1 AND ${inScope} FOR SHARE`,
          params,
        )) as UnitDto[];
        if (!parent) throw new NotFoundException('No such parent unit');
      } else if (!scope.all) {
        throw new ForbiddenException('Only an administrator creates a unit without a parent');
      }
      const expected: UnitLevel | undefined = parent ? childLevelOf(parent.level) : 'country';
      if (dto.level !== expected) {
        throw new BadRequestException(
          parent
            ? expected
              ? `A unit under the ${parent.level} "${parent.code}" is a ${expected}, not a ${dto.level}`
              : `Nothing can be under the village "${parent.code}"`
            : 'A unit without a parent is a country',
        );
      }
      const id = randomUUID();
      const name = dto.name.trim().normalize('NFC');
      try {
        const [created] = (await manager.query(
          `INSERT INTO administrative_units (id, code, name, level, parent_id, path) VALUES ($1, $2, $3, $4, $5, $6)
           RETURNING ${UNIT_COLUMNS('administrative_units')}`,
          [id, dto.code, name, dto.level, parent?.id ?? null, childPath(parent?.path ?? null, id)],
        )) as UnitDto[];
        await this.audit.record(
          { actorId: user.id, action: 'unit.create', subjectType: 'unit', subjectId: id, details: { code: dto.code, level: dto.level, parentId: parent?.id ?? null }, requestId },
          manager,
        );
        return created!;
      } catch (error) {
        if (pgCode(error) === UNIQUE_VIOLATION) throw new ConflictException(`A unit with the code "${dto.code}" exists already`);
        throw error;
      }
    });
  }

  /**
   * Imports a `code,name,level,parent_code` CSV: an upsert by code (a repeat changes nothing), rows
   * in any order (parents are taken first), a parent found in the file or in the database. One
   * transaction: when any line is wrong, CsvImportException names each line and nothing is written.
   * Imports run one at a time (advisory lock), so two at once cannot both insert a code.
   */
  async importUnitsCsv(text: string, by?: Requester): Promise<ImportResultDto> {
    const read = readUnitCsv(text);
    const result = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT ${IMPORT_LOCK}`);
      const codes = [...new Set(read.rows.flatMap((r) => (r.parentCode ? [r.code, r.parentCode] : [r.code])))];
      const existing = (await manager.query(
        `SELECT id, code, name, level, parent_id AS "parentId", path FROM administrative_units WHERE code = ANY($1)`,
        [codes],
      )) as ExistingUnit[];
      const { problems, plan } = planUnitImport(read.rows, new Map(existing.map((u) => [u.code, u])), randomUUID, read.rejected);
      if (read.problems.length > 0 || problems.length > 0 || !plan) throw new CsvImportException([...read.problems, ...problems]);

      // Level by level, parents first: the moves of a level (each rebases its whole subtree's
      // paths), then its new units, whose parents exist by then and have their final paths.
      for (const level of UNIT_LEVELS) {
        for (const move of plan.moves.filter((m) => m.level === level)) {
          await manager.query(`UPDATE administrative_units SET path = $2 || substr(path, length($1) + 1) WHERE path LIKE $1 || '%'`, [move.oldPath, move.newPath]);
          await manager.query(`UPDATE administrative_units SET parent_id = $2 WHERE id = $1`, [move.id, move.parentId]);
        }
        const inserts = plan.inserts.filter((u) => u.level === level);
        for (let i = 0; i < inserts.length; i += INSERT_CHUNK) {
          await manager.query(
            `INSERT INTO administrative_units (id, code, name, level, parent_id, path)
             SELECT t.id, t.code, t.name, t.level, t."parentId", t.path
               FROM jsonb_to_recordset($1::jsonb) AS t(id uuid, code varchar, name text, level varchar, "parentId" uuid, path text)`,
            [JSON.stringify(inserts.slice(i, i + INSERT_CHUNK))],
          );
        }
      }
      if (plan.renames.length > 0) {
        await manager.query(
          `UPDATE administrative_units a SET name = t.name FROM jsonb_to_recordset($1::jsonb) AS t(id uuid, name text) WHERE a.id = t.id`,
          [JSON.stringify(plan.renames)],
        );
      }
      const counts = { created: plan.created, updated: plan.updated, unchanged: plan.unchanged };
      await this.audit.record({ actorId: by?.actorId ?? null, action: 'unit.import', subjectType: 'unit', details: { ...counts, rows: read.rows.length }, requestId: by?.requestId ?? null }, manager);
      return counts;
    });
    this.logger.log(`units import: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`);
    return result;
  }

  /** Populations of a unit in scope, per target group and year. */
  async populations(user: AuthUser, id: string, year?: number): Promise<UnitPopulationsDto> {
    const unit = await this.get(user, id);
    const items = await this.dataSource.query(
      `SELECT target_group AS "targetGroup", year, population FROM unit_populations
        WHERE unit_id = $1 AND ($2::int IS NULL OR year = $2) ORDER BY year, target_group`,
      [id, year ?? null],
    );
    return { unit, items };
  }

  /**
   * Imports a `unit_code,target_group,year,population` CSV: an upsert by (unit, target group, year);
   * every unit must exist. One transaction; a wrong line names itself and nothing is written.
   */
  async importPopulationsCsv(text: string, by?: Requester): Promise<ImportResultDto> {
    const read = readPopulationCsv(text);
    return this.dataSource.transaction(async (manager: EntityManager) => {
      const codes = [...new Set(read.rows.map((r) => r.unitCode))];
      const units = (await manager.query(`SELECT id, code FROM administrative_units WHERE code = ANY($1)`, [codes])) as { id: string; code: string }[];
      const idOf = new Map(units.map((u) => [u.code, u.id]));
      const problems = [...read.problems];
      for (const row of read.rows) {
        if (!idOf.has(row.unitCode)) problems.push({ line: row.line, column: 'unit_code', message: `no unit has the code "${row.unitCode}"` });
      }
      if (problems.length > 0) throw new CsvImportException(problems);
      const rows = read.rows.map((r) => ({ unitId: idOf.get(r.unitCode), targetGroup: r.targetGroup, year: r.year, population: r.population }));
      const written = (await manager.query(
        `INSERT INTO unit_populations (unit_id, target_group, year, population)
         SELECT t."unitId", t."targetGroup", t.year, t.population
           FROM jsonb_to_recordset($1::jsonb) AS t("unitId" uuid, "targetGroup" varchar, year int, population int)
         ON CONFLICT (unit_id, target_group, year) DO UPDATE SET population = EXCLUDED.population
          WHERE unit_populations.population IS DISTINCT FROM EXCLUDED.population
         RETURNING (xmax = 0) AS inserted`,
        [JSON.stringify(rows)],
      )) as { inserted: boolean }[];
      const created = written.filter((w) => w.inserted).length;
      const counts = { created, updated: written.length - created, unchanged: rows.length - written.length };
      await this.audit.record({ actorId: by?.actorId ?? null, action: 'population.import', subjectType: 'unit', details: { ...counts, rows: rows.length }, requestId: by?.requestId ?? null }, manager);
      return counts;
    });
  }

  /**
   * Runs a paged query whose $3 is the limit and $4 the offset and whose rows carry the window
   * count `total`; past the end (no row), the count is taken from the first page.
   */
  private async page(sql: string, params: unknown[]): Promise<UnitListDto> {
    let rows = (await this.dataSource.query(sql, params)) as Row<UnitDto>[];
    let total = rows[0]?.total;
    if (total === undefined && params[3] !== 0) {
      const first = (await this.dataSource.query(sql, [params[0], params[1], 1, 0, ...params.slice(4)])) as Row<UnitDto>[];
      total = first[0]?.total;
      rows = [];
    }
    return { items: rows.map(({ total: _total, ...unit }) => unit), total: total ?? 0 };
  }
}
