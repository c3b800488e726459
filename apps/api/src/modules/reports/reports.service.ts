import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../identity/auth-user';
import { CsvImportException } from '../units/csv-import.exception';
import { UnitScope } from '../units/unit-scope';
import { childLevelOf, idsOnPath } from '../units/unit-tree';
import {
  TARGET_GROUP_IDS,
  type ChildFiguresDto,
  type ChildrenDto,
  type ChildrenQuery,
  type CountsDto,
  type DashboardDto,
  type DashboardQuery,
  type FiguresDto,
  type PeriodDto,
  type PeriodQuery,
  type RankingQuery,
  type ReportUnitDto,
  type TargetDto,
  type TargetGroupFiguresDto,
  type TargetImportResultDto,
  type TargetListDto,
  type TargetListQuery,
  type TargetVsActualDto,
  type TrendDto,
  type TrendPointDto,
  type TrendQuery,
  type UnitFiguresDto,
  type UpsertTargetDto,
} from './dto/reports.dto';
import type { TargetMetric } from './entities';
import { addCounts, coverageOf, emptyFigures, pickPopulation, rankByCoverage, zeroCounts } from './figures';
import { activeAsOf, localToday, monthsBetween, parsePeriod, type Period } from './period';
import { ReportsRollupService } from './rollup.service';
import { targetValueProblem } from './target-rules';
import { readTargetCsv } from './targets-csv';

const VI = new Intl.Collator('vi');
const UNIT_COLUMNS = `u.id, u.code, u.name, u.level, u.parent_id AS "parentId", u.path`;
/** Most units one ranking answers (a province has ~100 communes and ~1,000 villages). */
const RANKING_MAX = 5000;

export interface UnitFigures {
  figures: FiguresDto;
  byTargetGroup: Map<string, FiguresDto>;
}

/** Columns of report_unit_monthly (flows; `<column>_total` = running totals) and the count they feed. */
const TOTAL_COLUMNS: readonly (readonly [string, keyof CountsDto])[] = [
  ['registered', 'registered'],
  ['enrolled', 'enrolled'],
  ['completed', 'completed'],
  ['certified', 'certified'],
  ['confirmed', 'confirmed'],
  ['households_covered', 'householdsCovered'],
  ['classes_held', 'classesHeld'],
  ['attendance', 'attendance'],
];

/** A unit × group: cumulative counts at the period end (by count key) and new ones within it (`n_<key>`). */
type MonthlyRow = { unitId: string; tg: string } & Record<string, number | string>;

/** Adds a rollup row's cumulative and new counts to figures. */
function addRow(into: FiguresDto, r: MonthlyRow): void {
  for (const [, k] of TOTAL_COLUMNS) {
    into[k] += Number(r[k]);
    into.newInPeriod[k] += Number(r[`n_${k}`]);
  }
}

/**
 * Dashboards and targets for officials, read from the rollup tables (see ReportsRollupService), never from
 * raw events. Every read is limited to the caller's UnitScope: a unit outside it answers 404.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rollup: ReportsRollupService,
    private readonly audit: AuditService,
  ) {}

  // ----- units in scope

  /** A unit the caller may see (404 otherwise). */
  async unit(user: AuthUser, id: string): Promise<ReportUnitDto> {
    const params: unknown[] = [id];
    const scope = UnitScope.of(user).where('u.path', params);
    const [unit] = (await this.dataSource.query(`SELECT ${UNIT_COLUMNS} FROM administrative_units u WHERE u.id = $1 AND ${scope}`, params)) as ReportUnitDto[];
    if (!unit) throw new NotFoundException('No such unit, or it lies outside your area');
    return unit;
  }

  /** The tops of the caller's area. */
  async roots(user: AuthUser): Promise<ReportUnitDto[]> {
    const scope = UnitScope.of(user);
    if (scope.all) return this.dataSource.query(`SELECT ${UNIT_COLUMNS} FROM administrative_units u WHERE u.parent_id IS NULL ORDER BY u.name`);
    return this.dataSource.query(`SELECT ${UNIT_COLUMNS} FROM administrative_units u WHERE u.path = ANY($1) ORDER BY u.name`, [scope.paths]);
  }

  private async breadcrumb(user: AuthUser, unit: ReportUnitDto): Promise<ReportUnitDto[]> {
    const scope = UnitScope.of(user);
    const ids = idsOnPath(unit.path).slice(0, -1);
    if (ids.length === 0) return [];
    const rows = (await this.dataSource.query(
      `SELECT ${UNIT_COLUMNS} FROM administrative_units u WHERE u.id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], u.id)`,
      [ids],
    )) as ReportUnitDto[];
    return rows.filter((r) => scope.covers(r.path));
  }

  private async children(unitId: string): Promise<ReportUnitDto[]> {
    return this.dataSource.query(`SELECT ${UNIT_COLUMNS} FROM administrative_units u WHERE u.parent_id = $1 ORDER BY u.name, u.code`, [unitId]);
  }

  // ----- figures

  /**
   * Figures of each unit's subtree for a period: cumulative counts at its end, new ones within it, the
   * active count at min(end, today), population and coverage; also per target group unless `byGroup` is false
   * (rankings: only the totals are shown, and building per-group objects for ~1,000 units costs more than the SQL).
   *
   * Counts come from the running totals of report_unit_monthly (dense: one row per unit × group × month): the rows of
   * the period's last month and of the month before its first — 2 rows per unit × group, whatever the history's length.
   */
  async figuresFor(
    unitIds: readonly string[],
    period: Period,
    targetGroup: string | null,
    today = localToday(),
    byGroup = true,
  ): Promise<Map<string, UnitFigures>> {
    const out = new Map<string, UnitFigures>();
    if (unitIds.length === 0) return out;
    const asOf = activeAsOf(period, today);
    const activeMonth = `${asOf.slice(0, 7)}-01`;
    const ids = [...unitIds];
    // report_unit_monthly is dense (a row per unit × group × month up to its last month) and holds running totals:
    // cumulative = the row of the period's last month (or the table's last), new = that minus the row of the month before.
    const [monthly, active, population] = await Promise.all([
      this.dataSource.query(
        `WITH k AS (SELECT least($3::date, max(month)) AS e, least(($2::date - interval '1 month')::date, max(month)) AS b FROM report_unit_monthly)
         SELECT m.unit_id AS "unitId", ${byGroup ? 'm.target_group' : `''::varchar`} AS tg,
                ${TOTAL_COLUMNS.map(
                  ([c, k]) =>
                    `coalesce(sum(m.${c}_total) FILTER (WHERE m.month = k.e), 0)::int AS "${k}", ` +
                    `(coalesce(sum(m.${c}_total) FILTER (WHERE m.month = k.e), 0) - coalesce(sum(m.${c}_total) FILTER (WHERE m.month = k.b), 0))::int AS "n_${k}"`,
                ).join(', ')}
           FROM report_unit_monthly m CROSS JOIN k
          WHERE m.unit_id = ANY($1::uuid[]) AND m.month IN (k.e, k.b) AND ($4::varchar IS NULL OR m.target_group = $4 OR m.target_group = '')
          GROUP BY 1, 2`,
        [ids, period.firstMonth, period.lastMonth, targetGroup],
      ) as Promise<MonthlyRow[]>,
      this.dataSource.query(
        byGroup
          ? `SELECT unit_id AS "unitId", target_group AS tg, active_30d AS n, mentors, mentees FROM report_unit_active
              WHERE unit_id = ANY($1::uuid[]) AND month = $2 AND ($3::varchar IS NULL OR target_group = $3 OR target_group = '')`
          : `SELECT unit_id AS "unitId", ''::varchar AS tg, sum(active_30d)::int AS n, sum(mentors)::int AS mentors, sum(mentees)::int AS mentees FROM report_unit_active
              WHERE unit_id = ANY($1::uuid[]) AND month = $2 AND ($3::varchar IS NULL OR target_group = $3 OR target_group = '') GROUP BY 1`,
        [ids, activeMonth, targetGroup],
      ) as Promise<{ unitId: string; tg: string; n: number; mentors: number; mentees: number }[]>,
      this.dataSource.query(
        `SELECT unit_id AS "unitId", target_group AS "targetGroup", year, population FROM report_unit_population
          WHERE unit_id = ANY($1::uuid[]) AND year <= $2 AND ($3::varchar IS NULL OR target_group = $3)`,
        [ids, period.year, targetGroup],
      ) as Promise<{ unitId: string; targetGroup: string; year: number; population: string }[]>,
    ]);
    const populations = pickPopulation(population, period.year);
    const groupsOf = (unitId: string) => {
      let entry = out.get(unitId);
      if (!entry) {
        entry = { figures: emptyFigures(asOf), byTargetGroup: new Map() };
        if (byGroup) for (const g of targetGroup ? [targetGroup] : TARGET_GROUP_IDS) entry.byTargetGroup.set(g, emptyFigures(asOf));
        out.set(unitId, entry);
      }
      return entry;
    };
    const group = (unitId: string, tg: string) => {
      const entry = groupsOf(unitId);
      let f = entry.byTargetGroup.get(tg);
      if (!f) entry.byTargetGroup.set(tg, (f = emptyFigures(asOf)));
      return f;
    };
    for (const id of ids) groupsOf(id);
    for (const r of monthly) {
      const total = groupsOf(r.unitId).figures;
      addRow(total, r);
      if (byGroup && r.tg !== '') addRow(group(r.unitId, r.tg), r);
    }
    for (const r of active) {
      const total = groupsOf(r.unitId).figures;
      total.active30d += Number(r.n);
      total.mentors += Number(r.mentors);
      total.mentees += Number(r.mentees);
      if (byGroup && r.tg !== '') group(r.unitId, r.tg).active30d += Number(r.n);
    }
    const popGroups = targetGroup ? [targetGroup] : TARGET_GROUP_IDS;
    for (const [unitId, entry] of out) {
      const pops = populations.get(unitId);
      let total: number | null = null;
      if (byGroup) {
        for (const [tg, f] of entry.byTargetGroup) {
          const p = pops?.get(tg);
          f.population = p ?? null;
          f.coverage = coverageOf(f.confirmed, f.population);
          if (p !== undefined) total = (total ?? 0) + p;
        }
      } else if (pops) {
        for (const tg of popGroups) {
          const p = pops.get(tg);
          if (p !== undefined) total = (total ?? 0) + p;
        }
      }
      entry.figures.population = total;
      entry.figures.coverage = coverageOf(entry.figures.confirmed, total);
    }
    return out;
  }

  private byTargetGroupList(entry: UnitFigures): TargetGroupFiguresDto[] {
    return [...entry.byTargetGroup].filter(([tg, f]) => tg !== 'none' || f.registered > 0).map(([targetGroup, figures]) => ({ targetGroup, figures }));
  }

  private periodOf(label: string | undefined, today: string): Period {
    const period = parsePeriod(label ?? today.slice(0, 4));
    if (!period) throw new BadRequestException('period must look like 2026, 2026-H1, 2026-Q3 or 2026-07');
    return period;
  }

  private async refreshedAt(): Promise<string | null> {
    return (await this.rollup.state()).refreshedAt?.toISOString() ?? null;
  }

  async figures(user: AuthUser, unitId: string, query: PeriodQuery): Promise<UnitFiguresDto> {
    const today = localToday();
    const unit = await this.unit(user, unitId);
    const period = this.periodOf(query.period, today);
    const tg = query.targetGroup ?? null;
    const [map, refreshedAt] = await Promise.all([this.figuresFor([unit.id], period, tg, today), this.refreshedAt()]);
    const entry = map.get(unit.id)!;
    return { unit, period: periodDto(period), targetGroup: tg, refreshedAt, figures: entry.figures, byTargetGroup: this.byTargetGroupList(entry) };
  }

  /** Drill-down: the children of a unit with their figures. */
  async childrenFigures(user: AuthUser, unitId: string, query: ChildrenQuery): Promise<ChildrenDto> {
    const today = localToday();
    const unit = await this.unit(user, unitId);
    const period = this.periodOf(query.period, today);
    const tg = query.targetGroup ?? null;
    const children = await this.children(unit.id);
    const [items, refreshedAt] = await Promise.all([this.ranked(children, period, tg, today), this.refreshedAt()]);
    if (query.sort !== 'coverage') items.sort((a, b) => VI.compare(a.unit.name, b.unit.name) || a.unit.code.localeCompare(b.unit.code));
    return { unit, period: periodDto(period), targetGroup: tg, refreshedAt, items };
  }

  /** Every descendant of a level (default: the children's) ranked by coverage. */
  async ranking(user: AuthUser, unitId: string, query: RankingQuery): Promise<ChildrenDto> {
    const today = localToday();
    const unit = await this.unit(user, unitId);
    const period = this.periodOf(query.period, today);
    const tg = query.targetGroup ?? null;
    const level = query.level ?? childLevelOf(unit.level);
    const units = level
      ? ((await this.dataSource.query(`SELECT ${UNIT_COLUMNS} FROM administrative_units u WHERE u.path LIKE $1 || '%' AND u.id <> $2 AND u.level = $3 LIMIT $4`, [
          unit.path,
          unit.id,
          level,
          RANKING_MAX,
        ])) as ReportUnitDto[])
      : [];
    const [items, refreshedAt] = await Promise.all([this.ranked(units, period, tg, today), this.refreshedAt()]);
    return { unit, period: periodDto(period), targetGroup: tg, refreshedAt, items };
  }

  private async ranked(units: ReportUnitDto[], period: Period, tg: string | null, today: string): Promise<ChildFiguresDto[]> {
    const map = await this.figuresFor(
      units.map((u) => u.id),
      period,
      tg,
      today,
      false,
    );
    return rankByCoverage(units.map((unit) => ({ unit, figures: map.get(unit.id)!.figures })));
  }

  /** Monthly series: new and cumulative counts, active people and coverage at each month's end. */
  async trend(user: AuthUser, unitId: string, query: TrendQuery): Promise<TrendDto> {
    const today = localToday();
    const unit = await this.unit(user, unitId);
    const tg = query.targetGroup ?? null;
    const to = query.to ?? today.slice(0, 7);
    const from = query.from ?? shiftMonth(to, -11);
    if (from > to) throw new BadRequestException('from must not be after to');
    const months = monthsBetween(from, to);
    if (months.length > 60) throw new BadRequestException('at most 60 months at once');
    const [points, refreshedAt] = await Promise.all([this.trendPoints(unit.id, months, tg, today), this.refreshedAt()]);
    return { unit, targetGroup: tg, refreshedAt, points };
  }

  private async trendPoints(unitId: string, months: string[], tg: string | null, today: string): Promise<TrendPointDto[]> {
    if (months.length === 0) return [];
    const first = months[0]!;
    const last = months[months.length - 1]!;
    const [monthly, active, population] = await Promise.all([
      this.dataSource.query(
        `SELECT month::text AS month, sum(registered)::int AS registered, sum(enrolled)::int AS enrolled, sum(completed)::int AS completed,
                sum(certified)::int AS certified, sum(confirmed)::int AS confirmed, sum(households_covered)::int AS "householdsCovered",
                sum(classes_held)::int AS "classesHeld", sum(attendance)::int AS attendance
           FROM report_unit_monthly WHERE unit_id = $1 AND month <= $2 AND ($3::varchar IS NULL OR target_group = $3 OR target_group = '')
          GROUP BY month ORDER BY month`,
        [unitId, last, tg],
      ) as Promise<(CountsDto & { month: string })[]>,
      this.dataSource.query(
        `SELECT month::text AS month, sum(active_30d)::int AS n FROM report_unit_active
          WHERE unit_id = $1 AND month BETWEEN $2 AND $3 AND ($4::varchar IS NULL OR target_group = $4) GROUP BY month`,
        [unitId, first, last, tg],
      ) as Promise<{ month: string; n: number }[]>,
      this.dataSource.query(
        `SELECT unit_id AS "unitId", target_group AS "targetGroup", year, population FROM report_unit_population
          WHERE unit_id = $1 AND ($2::varchar IS NULL OR target_group = $2)`,
        [unitId, tg],
      ) as Promise<{ unitId: string; targetGroup: string; year: number; population: string }[]>,
    ]);
    const activeOf = new Map(active.map((a) => [a.month, a.n]));
    const byMonth = new Map(monthly.map((r) => [r.month, r]));
    const cumulative = zeroCounts();
    for (const r of monthly) if (r.month < first) addCounts(cumulative, r);
    const popCache = new Map<number, number | null>();
    const popOf = (year: number) => {
      if (!popCache.has(year)) {
        const groups = pickPopulation(population, year).get(unitId);
        popCache.set(year, groups && groups.size > 0 ? [...groups.values()].reduce((a, b) => a + b, 0) : null);
      }
      return popCache.get(year)!;
    };
    const currentMonth = `${today.slice(0, 7)}-01`;
    return months
      .filter((m) => m <= currentMonth)
      .map((month) => {
        const fresh = addCounts(zeroCounts(), byMonth.get(month) ?? {});
        addCounts(cumulative, fresh);
        const population = popOf(Number(month.slice(0, 4)));
        return {
          month: month.slice(0, 7),
          newInPeriod: fresh,
          cumulative: { ...cumulative },
          active30d: activeOf.get(month) ?? 0,
          population,
          coverage: coverageOf(cumulative.confirmed, population),
        };
      });
  }

  /** Everything a dashboard shows for a unit and a year, in one answer. */
  async dashboard(user: AuthUser, unitId: string, query: DashboardQuery): Promise<DashboardDto> {
    const today = localToday();
    const unit = await this.unit(user, unitId);
    const year = query.year ?? Number(today.slice(0, 4));
    const period = parsePeriod(String(year))!;
    const tg = query.targetGroup ?? null;
    const [children, breadcrumb, targets, refreshedAt] = await Promise.all([
      this.children(unit.id),
      this.breadcrumb(user, unit),
      this.targetRows(unit.id, year),
      this.refreshedAt(),
    ]);
    // Targets of a group other than the filter are compared with that group's figures.
    const needsAll = targets.some((t) => t.targetGroup !== 'all' && t.targetGroup !== tg) || (tg !== null && targets.some((t) => t.targetGroup === 'all'));
    // The unit and its children in one read (3 queries), the trend and the unfiltered figures alongside.
    const [figures, trend, unfiltered] = await Promise.all([
      this.figuresFor([unit.id, ...children.map((c) => c.id)], period, tg, today),
      this.trendPoints(unit.id, monthsBetween(`${year}-01`, `${year}-12`), tg, today),
      needsAll ? this.figuresFor([unit.id], period, null, today) : null,
    ]);
    const entry = figures.get(unit.id)!;
    const ranked = rankByCoverage(children.map((c) => ({ unit: c, figures: figures.get(c.id)!.figures })));
    const full = unfiltered ? unfiltered.get(unit.id)! : entry;
    return {
      unit,
      breadcrumb,
      year,
      period: periodDto(period),
      targetGroup: tg,
      refreshedAt,
      figures: entry.figures,
      byTargetGroup: this.byTargetGroupList(entry),
      targets: targets.map((t) => targetVsActual(t, t.targetGroup === 'all' ? full.figures : full.byTargetGroup.get(t.targetGroup))),
      trend,
      children: ranked,
    };
  }

  // ----- targets

  private targetRows(unitId: string, year: number | null): Promise<TargetRow[]> {
    return this.dataSource.query(
      `SELECT t.id, t.target_group AS "targetGroup", t.year, t.metric, t.value, t.updated_at AS "updatedAt", u.id AS "unitId", u.code AS "unitCode", u.name AS "unitName"
         FROM unit_targets t JOIN administrative_units u ON u.id = t.unit_id
        WHERE t.unit_id = $1 AND ($2::int IS NULL OR t.year = $2)
        ORDER BY t.year, t.target_group, t.metric`,
      [unitId, year],
    );
  }

  async listTargets(user: AuthUser, query: TargetListQuery): Promise<TargetListDto> {
    const unit = await this.unit(user, query.unitId);
    return { items: (await this.targetRows(unit.id, query.year ?? null)).map(targetDto) };
  }

  async upsertTarget(user: AuthUser, dto: UpsertTargetDto, requestId: string | null): Promise<TargetDto> {
    const unit = await this.unit(user, dto.unitId);
    const problem = targetValueProblem(dto.metric, dto.value);
    if (problem) throw new BadRequestException(`value ${problem}`);
    return this.dataSource.transaction(async (m) => {
      const [row] = (await m.query(
        `INSERT INTO unit_targets (unit_id, target_group, year, metric, value, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, now())
         ON CONFLICT (unit_id, target_group, year, metric) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = now()
         RETURNING id`,
        [unit.id, dto.targetGroup, dto.year, dto.metric, dto.value, user.id],
      )) as [{ id: string }];
      await this.audit.record(
        { actorId: user.id, action: 'report.target.set', subjectType: 'unit', subjectId: unit.id, details: { targetGroup: dto.targetGroup, year: dto.year, metric: dto.metric, value: dto.value }, requestId },
        m,
      );
      const [target] = (await m.query(
        `SELECT t.id, t.target_group AS "targetGroup", t.year, t.metric, t.value, t.updated_at AS "updatedAt", $2::uuid AS "unitId", $3::text AS "unitCode", $4::text AS "unitName"
           FROM unit_targets t WHERE t.id = $1`,
        [row.id, unit.id, unit.code, unit.name],
      )) as TargetRow[];
      return targetDto(target!);
    });
  }

  async deleteTarget(user: AuthUser, id: string, requestId: string | null): Promise<void> {
    const params: unknown[] = [id];
    const scope = UnitScope.of(user).where('u.path', params);
    const [row] = (await this.dataSource.query(
      `SELECT t.id, t.unit_id AS "unitId", t.target_group AS "targetGroup", t.year, t.metric FROM unit_targets t JOIN administrative_units u ON u.id = t.unit_id WHERE t.id = $1 AND ${scope}`,
      params,
    )) as { id: string; unitId: string; targetGroup: string; year: number; metric: string }[];
    if (!row) throw new NotFoundException('No such target, or its unit lies outside your area');
    await this.dataSource.transaction(async (m) => {
      await m.query(`DELETE FROM unit_targets WHERE id = $1`, [id]);
      await this.audit.record({ actorId: user.id, action: 'report.target.delete', subjectType: 'unit', subjectId: row.unitId, details: { targetGroup: row.targetGroup, year: row.year, metric: row.metric }, requestId }, m);
    });
  }

  /** A `unit_code,target_group,year,metric,value` file: all or nothing; a unit outside the caller's area is a line error. */
  async importTargets(user: AuthUser, text: string, requestId: string | null): Promise<TargetImportResultDto> {
    const read = readTargetCsv(text);
    const scope = UnitScope.of(user);
    return this.dataSource.transaction(async (m) => {
      const codes = [...new Set(read.rows.map((r) => r.unitCode))];
      const units = (await m.query(`SELECT id, code, path FROM administrative_units WHERE code = ANY($1)`, [codes])) as { id: string; code: string; path: string }[];
      const unitOf = new Map(units.map((u) => [u.code, u]));
      const problems = [...read.problems];
      for (const row of read.rows) {
        const unit = unitOf.get(row.unitCode);
        if (!unit || !scope.covers(unit.path)) problems.push({ line: row.line, column: 'unit_code', message: `no unit of your area has the code "${row.unitCode}"` });
      }
      if (problems.length > 0) throw new CsvImportException(problems);
      const rows = read.rows.map((r) => ({ unitId: unitOf.get(r.unitCode)!.id, targetGroup: r.targetGroup, year: r.year, metric: r.metric, value: r.value }));
      const written = (await m.query(
        `INSERT INTO unit_targets (unit_id, target_group, year, metric, value, updated_by, updated_at)
         SELECT t."unitId", t."targetGroup", t.year, t.metric, t.value, $2, now()
           FROM jsonb_to_recordset($1::jsonb) AS t("unitId" uuid, "targetGroup" varchar, year int, metric varchar, value float8)
         ON CONFLICT (unit_id, target_group, year, metric) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = now()
          WHERE unit_targets.value IS DISTINCT FROM EXCLUDED.value
         RETURNING (xmax = 0) AS inserted`,
        [JSON.stringify(rows), user.id],
      )) as { inserted: boolean }[];
      const created = written.filter((w) => w.inserted).length;
      const counts = { created, updated: written.length - created, unchanged: rows.length - written.length };
      await this.audit.record({ actorId: user.id, action: 'report.target.import', subjectType: 'unit', details: { ...counts, rows: rows.length }, requestId }, m);
      return counts;
    });
  }
}

interface TargetRow {
  id: string;
  targetGroup: string;
  year: number;
  metric: TargetMetric;
  value: number;
  updatedAt: Date;
  unitId: string;
  unitCode: string;
  unitName: string;
}

function targetDto(r: TargetRow): TargetDto {
  return { id: r.id, unit: { id: r.unitId, code: r.unitCode, name: r.unitName }, targetGroup: r.targetGroup, year: r.year, metric: r.metric, value: Number(r.value), updatedAt: new Date(r.updatedAt).toISOString() };
}

function targetVsActual(t: TargetRow, figures: FiguresDto | undefined): TargetVsActualDto {
  const target = Number(t.value);
  let actual: number | null = null;
  if (figures) {
    if (t.metric === 'coverage_percent') actual = figures.coverage === null ? null : Math.round(figures.coverage * 1000) / 10;
    else if (t.metric === 'confirmed_count') actual = figures.confirmed;
    else if (t.metric === 'registered_count') actual = figures.registered;
    else actual = figures.completed;
  }
  const achieved = actual === null || target <= 0 ? null : Math.round((actual / target) * 1000) / 1000;
  return { id: t.id, targetGroup: t.targetGroup, metric: t.metric, target, actual, achieved };
}

export function periodDto(p: Period): PeriodDto {
  return { label: p.label, kind: p.kind, from: p.from, to: p.to };
}

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const t = y * 12 + (m - 1) + by;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
}
