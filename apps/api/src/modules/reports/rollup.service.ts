import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { activeMonthsFor, daysBetween, monthsOf } from './days';
import { localToday, monthEnd, monthsBetween, REPORT_TIME_ZONE } from './period';

/** A Vietnam calendar day of a timestamptz expression. */
const day = (ts: string) => `(${ts} AT TIME ZONE '${REPORT_TIME_ZONE}')::date`;
/** The ids on a unit's materialised path (the unit and every ancestor), as rows a(id). */
const ANCESTORS = (pathExpr: string) => `unnest(string_to_array(trim(both '/' from ${pathExpr}), '/')) AS a(id)`;
const LOCK = `SELECT pg_advisory_xact_lock(hashtext('hocso:reports-rollup'))`;
/** Rows committed late with an earlier timestamp are caught by re-reading this much before the watermark. */
const OVERLAP = `interval '10 minutes'`;
/** The incremental refresh also rebuilds everything (but the activity days) when the last full rebuild is older than this. */
const FULL_REBUILD_EVERY = `interval '24 hours'`;
const STATE_ID = 'default';
/** Above this many touched days, the incremental refresh recomputes every day (same result, one pass). */
const MANY_DAYS = 60;
/** Above this many changed users or households, the incremental refresh recomputes every day. */
const BULK_IDS = 20_000;
const ROLLUP_TABLES = 'report_unit_daily, report_unit_monthly, report_unit_active, report_user_days, report_unit_population';
/** A community class session was held: started (live or ended), not cancelled; its day is when it started. */
const HELD = (s: string) => `${s}.status IN ('live', 'ended')`;
const HELD_DAY = (s: string) => day(`coalesce(${s}.started_at, ${s}.starts_at)`);
/** A mentorship active at the end of a Vietnam day (a date expression). */
const ACTIVE_PAIR = (ms: string, d: string) =>
  `${ms}.started_at IS NOT NULL AND ${day(`${ms}.started_at`)} <= ${d}::date AND (${ms}.ended_at IS NULL OR ${day(`${ms}.ended_at`)} > ${d}::date)`;

/** Whether tables of other modules exist (figures from them are left out otherwise). */
async function hasTables(m: EntityManager, tables: string[]): Promise<boolean> {
  const [row] = (await m.query(`SELECT bool_and(to_regclass('public.' || t) IS NOT NULL) AS present FROM unnest($1::text[]) t`, [tables])) as [{ present: boolean }];
  return row.present;
}

export interface RefreshResult {
  mode: 'full' | 'incremental' | 'range';
  /** Days whose daily facts were recomputed (-1: all). */
  days: number;
  /** Months whose subtree sums were recomputed (-1: all). */
  months: number;
  activeMonths: number;
  durationMs: number;
}

export interface RecomputeRange {
  /** First and last day (YYYY-MM-DD, Vietnam days); both absent: everything. */
  from?: string;
  to?: string;
}

/**
 * The rollups behind every report: recomputed from raw data by whole days (idempotent: a repeat gives the
 * same rows), then summed per month over every unit's subtree, so that a dashboard reads a few hundred rows.
 *
 * - report_unit_daily: per unit a person lives in × target group × day, the people whose first
 *   registration / enrolment / completion / certificate / confirmation fell on that day, and households
 *   whose first member enrolled that day.
 * - report_unit_monthly: the same per month, for the unit and every ancestor (summed by the path's ids).
 * - report_user_days + report_unit_active: days with progress events per person; people active in the 30
 *   days up to each month's end (or today), per subtree.
 * - report_unit_population: the population of each subtree (a unit's own row, else its children's sum).
 *
 * `refresh()` (the repeatable job) finds the days touched since the watermark; `recompute()` rebuilds a
 * range (repair). Both run in one transaction under an advisory lock, one at a time.
 */
@Injectable()
export class ReportsRollupService {
  private readonly logger = new Logger('ReportsRollup');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Incremental: the days touched since the last run (the first run, and one a day, rebuild everything). */
  async refresh(): Promise<RefreshResult> {
    const started = Date.now();
    const result = await this.dataSource.transaction(async (m) => {
      await m.query(LOCK);
      await m.query(`INSERT INTO report_refresh_state (id) VALUES ($1) ON CONFLICT (id) DO NOTHING`, [STATE_ID]);
      const [state] = (await m.query(
        `SELECT watermark, (full_rebuild_at IS NULL OR full_rebuild_at < now() - ${FULL_REBUILD_EVERY}) AS "needsFull", watermark IS NULL AS "first"
           FROM report_refresh_state WHERE id = $1 FOR UPDATE`,
        [STATE_ID],
      )) as [{ watermark: Date | null; needsFull: boolean; first: boolean }];
      let r: Omit<RefreshResult, 'durationMs'>;
      if (state.first || state.needsFull) {
        r = await this.rebuildAll(m, state.first);
        await m.query(`UPDATE report_refresh_state SET watermark = now(), refreshed_at = clock_timestamp(), full_rebuild_at = now() WHERE id = $1`, [STATE_ID]);
      } else {
        r = await this.incremental(m, state.watermark!);
        await m.query(`UPDATE report_refresh_state SET watermark = now(), refreshed_at = clock_timestamp() WHERE id = $1`, [STATE_ID]);
      }
      return r;
    });
    const done = { ...result, durationMs: Date.now() - started };
    this.logger.log(`reports ${done.mode} refresh: ${done.days} days, ${done.months} months, ${done.activeMonths} active months in ${done.durationMs} ms`);
    return done;
  }

  /** Repair: rebuilds the facts of a day range (or everything) from the raw tables, including the activity days. */
  async recompute(range: RecomputeRange = {}): Promise<RefreshResult> {
    const started = Date.now();
    const result = await this.dataSource.transaction(async (m) => {
      await m.query(LOCK);
      await m.query(`INSERT INTO report_refresh_state (id) VALUES ($1) ON CONFLICT (id) DO NOTHING`, [STATE_ID]);
      if (!range.from && !range.to) {
        const r = await this.rebuildAll(m, true);
        await m.query(`UPDATE report_refresh_state SET watermark = now(), refreshed_at = clock_timestamp(), full_rebuild_at = now() WHERE id = $1`, [STATE_ID]);
        return r;
      }
      const today = localToday();
      const [{ first }] = (await m.query(`SELECT coalesce(${day('min(created_at)')}, current_date)::text AS first FROM users`)) as [{ first: string }];
      const from = range.from ?? first;
      const to = range.to && range.to < today ? range.to : today;
      const days = daysBetween(from, to);
      await m.query(`DELETE FROM report_user_days WHERE day BETWEEN $1 AND $2`, [from, to]);
      await m.query(
        `INSERT INTO report_user_days (user_id, day)
         SELECT DISTINCT user_id, ${day('least(occurred_at, received_at)')} FROM progress_events
          WHERE ${day('least(occurred_at, received_at)')} BETWEEN $1 AND $2`,
        [from, to],
      );
      await this.recomputeDays(m, days);
      const months = monthsOf(days);
      await this.recomputeMonths(m, months);
      const activeMonths = activeMonthsFor(days, today);
      for (const month of activeMonths) await this.recomputeActive(m, month, today);
      await this.recomputePopulation(m);
      await m.query(`UPDATE report_refresh_state SET refreshed_at = clock_timestamp() WHERE id = $1`, [STATE_ID]);
      return { mode: 'range' as const, days: days.length, months: months.length, activeMonths: activeMonths.length };
    });
    return { ...result, durationMs: Date.now() - started };
  }

  /** When the rollups were last refreshed, and up to when raw rows were read. */
  async state(): Promise<{ refreshedAt: Date | null; watermark: Date | null; fullRebuildAt: Date | null }> {
    const [row] = (await this.dataSource.query(
      `SELECT refreshed_at AS "refreshedAt", watermark, full_rebuild_at AS "fullRebuildAt" FROM report_refresh_state WHERE id = $1`,
      [STATE_ID],
    )) as { refreshedAt: Date | null; watermark: Date | null; fullRebuildAt: Date | null }[];
    return row ?? { refreshedAt: null, watermark: null, fullRebuildAt: null };
  }

  // ---------------------------------------------------------------------------------------------

  private async rebuildAll(m: EntityManager, withUserDays: boolean): Promise<Omit<RefreshResult, 'durationMs'>> {
    const today = localToday();
    // One pass over every raw row: a hash aggregate in memory instead of sorts spilling to disk; JIT compiles for nothing here.
    await m.query(`SET LOCAL work_mem = '256MB'`);
    await m.query(`SET LOCAL jit = off`);
    if (withUserDays) {
      await m.query(`DELETE FROM report_user_days`);
      await m.query(
        `INSERT INTO report_user_days (user_id, day)
         SELECT DISTINCT user_id, ${day('least(occurred_at, received_at)')} FROM progress_events`,
      );
    }
    await this.recomputeDays(m, null);
    await this.recomputeMonths(m, null);
    const [{ first }] = (await m.query(
      `SELECT least((SELECT min(day) FROM report_user_days), (SELECT min(day) FROM report_unit_daily))::text AS first`,
    )) as [{ first: string | null }];
    await m.query(`DELETE FROM report_unit_active`);
    const activeMonths = first ? monthsBetween(first.slice(0, 7), today.slice(0, 7)) : [today.slice(0, 8) + '01'];
    for (const month of activeMonths) await this.recomputeActive(m, month, today);
    await this.recomputePopulation(m);
    // Fresh statistics, so that the dashboards' plans fit the new sizes at once.
    await m.query(`ANALYZE ${ROLLUP_TABLES}`);
    return { mode: 'full', days: -1, months: -1, activeMonths: activeMonths.length };
  }

  private async incremental(m: EntityManager, watermark: Date): Promise<Omit<RefreshResult, 'durationMs'>> {
    const today = localToday();
    await m.query(`SET LOCAL jit = off`);
    // Rows written since the watermark (minus an overlap for late commits): a constant the planner can estimate.
    const [{ at }] = (await m.query(`SELECT ($1::timestamptz - ${OVERLAP}) AS at`, [watermark])) as [{ at: Date }];
    // People whose record changed (moved to another unit, another target group) or who registered; and changed households.
    const changed = ((await m.query(`SELECT id FROM users WHERE updated_at > $1 UNION SELECT id FROM users WHERE created_at > $1`, [at])) as { id: string }[]).map(
      (r) => r.id,
    );
    const households = (
      (await m.query(`SELECT household_id AS id FROM household_members WHERE joined_at > $1 UNION SELECT id FROM households WHERE created_at > $1`, [at])) as {
        id: string;
      }[]
    ).map((r) => r.id);
    const classesTouched = (await hasTables(m, ['community_classes', 'class_sessions', 'class_attendance']))
      ? `UNION SELECT ${HELD_DAY('cs')} FROM class_sessions cs
          WHERE cs.created_at > $1 OR cs.started_at > $1 OR cs.ended_at > $1
             OR cs.id IN (SELECT session_id FROM class_attendance WHERE updated_at > $1 OR marked_at > $1)`
      : '';
    // Days whose facts may have changed: rows written since, and every milestone day of the changed people and households.
    // After a bulk change (an import), every day is recomputed in one pass instead of matching long id lists.
    const bulk = changed.length > BULK_IDS || households.length > BULK_IDS;
    const touched = bulk
      ? []
      : ((await m.query(
      `SELECT DISTINCT d::text AS day FROM (
         SELECT ${day('u.created_at')} AS d FROM users u WHERE u.id = ANY($2::uuid[])
         UNION SELECT ${day('enrolled_at')} FROM enrolments WHERE enrolled_at > $1
         UNION SELECT ${day('enrolled_at')} FROM enrolments WHERE user_id = ANY($2::uuid[])
         UNION SELECT ${day('completed_at')} FROM course_completions WHERE completed_at > $1
         UNION SELECT ${day('completed_at')} FROM course_completions WHERE user_id = ANY($2::uuid[])
         UNION SELECT ${day('issued_at')} FROM certificates WHERE issued_at > $1
         UNION SELECT ${day('issued_at')} FROM certificates WHERE revoked_at > $1
         UNION SELECT ${day('issued_at')} FROM certificates WHERE user_id = ANY($2::uuid[])
         UNION SELECT ${day('e.enrolled_at')} FROM household_members hm JOIN enrolments e ON e.user_id = hm.user_id WHERE hm.household_id = ANY($3::uuid[])
         ${classesTouched}
       ) t WHERE d IS NOT NULL`,
      [at, changed, households],
        )) as { day: string }[]);
    const days = touched.map((t) => t.day).sort();

    const newActivity = (await m.query(
      `INSERT INTO report_user_days (user_id, day)
       SELECT DISTINCT user_id, ${day('least(occurred_at, received_at)')} FROM progress_events WHERE received_at > $1
       ON CONFLICT DO NOTHING
       RETURNING day::text AS day`,
      [at],
    )) as { day: string }[];
    const movedActivity = (await m.query(
      `SELECT DISTINCT d.day::text AS day FROM report_user_days d WHERE d.user_id IN (SELECT id FROM users WHERE updated_at > $1)`,
      [at],
    )) as { day: string }[];

    // Many days (after a bulk load): recomputing every day at once is cheaper than matching a long list.
    const many = bulk || days.length > MANY_DAYS;
    if (many || days.length > 0) await this.recomputeDays(m, many ? null : days);
    const months = monthsOf(days);
    if (many || months.length > 0) await this.recomputeMonths(m, many ? null : months);
    const activityDays = [...new Set([...newActivity, ...movedActivity].map((r) => r.day))];
    const activeMonths = [...new Set([...activeMonthsFor(activityDays, today), today.slice(0, 8) + '01'])].sort();
    for (const month of activeMonths) await this.recomputeActive(m, month, today);
    await this.recomputePopulation(m);
    return { mode: 'incremental', days: many ? -1 : days.length, months: many ? -1 : months.length, activeMonths: activeMonths.length };
  }

  /** Recomputes whole days (null: every day) of report_unit_daily from the raw tables. */
  private async recomputeDays(m: EntityManager, days: string[] | null): Promise<void> {
    const onDays = (expr: string) => `($1::date[] IS NULL OR ${expr} = ANY($1::date[]))`;
    const person = (n: number) => [0, 1, 2, 3, 4, 5, 6, 7].map((i) => (i === n ? 1 : 0)).join(', ');
    // Community classes (issue 8) count when their tables exist.
    const classes = (await hasTables(m, ['community_classes', 'class_sessions', 'class_attendance']))
      ? `UNION ALL
         SELECT c.unit_id, '', ${HELD_DAY('s')}, 0, 0, 0, 0, 0, 0, 1,
                (SELECT count(*) FROM class_attendance a WHERE a.session_id = s.id AND a.present)
           FROM class_sessions s JOIN community_classes c ON c.id = s.class_id
          WHERE ${HELD('s')} AND ${onDays(HELD_DAY('s'))}`
      : '';
    await m.query(`DELETE FROM report_unit_daily WHERE ${onDays('day')}`, [days]);
    // Some days: only people (and households) with a row within those days' time range can have a first on one of them;
    // timestamptz bounds ($2, $3) so that the time-column indexes serve it.
    const within = (table: string, column: string) =>
      days === null ? '' : `WHERE user_id IN (SELECT user_id FROM ${table} WHERE ${column} >= $2::timestamptz AND ${column} < $3::timestamptz)`;
    const sorted = days === null ? [] : [...days].sort();
    const bounds =
      days === null
        ? [null, null]
        : ((await m.query(
            `SELECT ($1::date)::timestamp AT TIME ZONE '${REPORT_TIME_ZONE}' AS "from", ($2::date + 1)::timestamp AT TIME ZONE '${REPORT_TIME_ZONE}' AS "to"`,
            [sorted[0], sorted[sorted.length - 1]],
          )) as [{ from: Date; to: Date }]).map((r) => [r.from, r.to])[0]!;
    const issuedWithin = days === null ? '' : `AND user_id IN (SELECT user_id FROM certificates WHERE issued_at >= $2::timestamptz AND issued_at < $3::timestamptz)`;
    const registeredWithin = days === null ? '' : `AND u.created_at >= $2::timestamptz AND u.created_at < $3::timestamptz`;
    await m.query(
      `WITH first_enrolment AS (SELECT user_id, ${day('min(enrolled_at)')} AS d FROM enrolments ${within('enrolments', 'enrolled_at')} GROUP BY user_id),
            first_completion AS (SELECT user_id, ${day('min(completed_at)')} AS d FROM course_completions ${within('course_completions', 'completed_at')} GROUP BY user_id),
            first_certificate AS (SELECT user_id, ${day('min(issued_at)')} AS d FROM certificates WHERE revoked_at IS NULL ${issuedWithin} GROUP BY user_id),
            confirmation AS (SELECT user_id, ${day('min(issued_at)')} AS d FROM certificates WHERE revoked_at IS NULL AND achievement_kind = 'universalisation' ${issuedWithin} GROUP BY user_id),
            household AS (SELECT hm.household_id, ${day('min(e.enrolled_at)')} AS d FROM household_members hm JOIN enrolments e ON e.user_id = hm.user_id
                           ${days === null ? '' : 'WHERE hm.household_id IN (SELECT h2.household_id FROM household_members h2 JOIN first_enrolment f2 ON f2.user_id = h2.user_id)'}
                          GROUP BY hm.household_id),
            facts (unit_id, tg, d, r, e, c, ce, cf, h, ch, att) AS (
              SELECT u.unit_id, coalesce(u.target_group, 'none'), ${day('u.created_at')}, ${person(0)}
                FROM users u WHERE u.unit_id IS NOT NULL AND ${onDays(day('u.created_at'))} ${registeredWithin}
              UNION ALL
              SELECT u.unit_id, coalesce(u.target_group, 'none'), f.d, ${person(1)} FROM first_enrolment f JOIN users u ON u.id = f.user_id
               WHERE u.unit_id IS NOT NULL AND ${onDays('f.d')}
              UNION ALL
              SELECT u.unit_id, coalesce(u.target_group, 'none'), f.d, ${person(2)} FROM first_completion f JOIN users u ON u.id = f.user_id
               WHERE u.unit_id IS NOT NULL AND ${onDays('f.d')}
              UNION ALL
              SELECT u.unit_id, coalesce(u.target_group, 'none'), f.d, ${person(3)} FROM first_certificate f JOIN users u ON u.id = f.user_id
               WHERE u.unit_id IS NOT NULL AND ${onDays('f.d')}
              UNION ALL
              SELECT u.unit_id, coalesce(u.target_group, 'none'), f.d, ${person(4)} FROM confirmation f JOIN users u ON u.id = f.user_id
               WHERE u.unit_id IS NOT NULL AND ${onDays('f.d')}
              UNION ALL
              SELECT h.unit_id, '', f.d, ${person(5)} FROM household f JOIN households h ON h.id = f.household_id
               WHERE ${onDays('f.d')}
              ${classes}
            )
       INSERT INTO report_unit_daily (unit_id, target_group, day, registered, enrolled, completed, certified, confirmed, households_covered, classes_held, attendance)
       SELECT unit_id, tg, d, sum(r), sum(e), sum(c), sum(ce), sum(cf), sum(h), sum(ch), sum(att) FROM facts GROUP BY unit_id, tg, d`,
      days === null ? [days] : [days, ...bounds],
    );
  }

  /** Recomputes the subtree sums of whole months (first days; null: every month) from report_unit_daily. */
  private async recomputeMonths(m: EntityManager, months: string[] | null): Promise<void> {
    await m.query(`DELETE FROM report_unit_monthly WHERE $1::date[] IS NULL OR month = ANY($1::date[])`, [months]);
    await m.query(
      `WITH leaf AS (
         SELECT d.unit_id, d.target_group, date_trunc('month', d.day)::date AS month,
                sum(registered) AS r, sum(enrolled) AS e, sum(completed) AS c, sum(certified) AS ce, sum(confirmed) AS cf, sum(households_covered) AS h,
                sum(classes_held) AS ch, sum(attendance) AS att
           FROM report_unit_daily d
          WHERE $1::date[] IS NULL OR (d.day >= (SELECT min(x) FROM unnest($1::date[]) x) AND date_trunc('month', d.day)::date = ANY($1::date[]))
          GROUP BY 1, 2, 3)
       INSERT INTO report_unit_monthly (unit_id, target_group, month, registered, enrolled, completed, certified, confirmed, households_covered, classes_held, attendance)
       SELECT a.id::uuid, leaf.target_group, leaf.month, sum(r), sum(e), sum(c), sum(ce), sum(cf), sum(h), sum(ch), sum(att)
         FROM leaf JOIN administrative_units au ON au.id = leaf.unit_id CROSS JOIN LATERAL ${ANCESTORS('au.path')}
        GROUP BY 1, 2, 3`,
      [months],
    );
    const totals = ['registered', 'enrolled', 'completed', 'certified', 'confirmed', 'households_covered', 'classes_held', 'attendance'];
    const from = months === null ? null : [...months].sort()[0]!;
    // Dense rows: every unit × group has a row for each month from its first one to the last month of the table (at least the
    // current one), so that a period's cumulative counts are the rows of exactly two months.
    await m.query(
      `INSERT INTO report_unit_monthly (unit_id, target_group, month)
       SELECT p.unit_id, p.target_group, gs::date
         FROM (SELECT unit_id, target_group, min(month) AS first FROM report_unit_monthly GROUP BY 1, 2) p
        CROSS JOIN LATERAL generate_series(greatest(p.first, coalesce($1::date, p.first)), (SELECT greatest(max(month), $2::date) FROM report_unit_monthly), interval '1 month') gs
       ON CONFLICT DO NOTHING`,
      [from, `${localToday().slice(0, 7)}-01`],
    );
    // Running totals from the first recomputed month on (later months' totals include the recomputed ones).
    await m.query(
      `UPDATE report_unit_monthly m SET ${totals.map((c) => `${c}_total = w.${c}`).join(', ')}
         FROM (SELECT unit_id, target_group, month, ${totals.map((c) => `sum(${c}) OVER p AS ${c}`).join(', ')}
                 FROM report_unit_monthly
                WHERE $1::date IS NULL OR (unit_id, target_group) IN (SELECT unit_id, target_group FROM report_unit_monthly WHERE month >= $1::date)
               WINDOW p AS (PARTITION BY unit_id, target_group ORDER BY month)) w
        WHERE w.unit_id = m.unit_id AND w.target_group = m.target_group AND w.month = m.month AND ($1::date IS NULL OR m.month >= $1::date)
          AND (${totals.map((c) => `m.${c}_total`).join(', ')}) IS DISTINCT FROM (${totals.map((c) => `w.${c}`).join(', ')})`,
      [from],
    );
  }

  /** People active in the 30 days up to the month's end (or today, in the current month), per subtree. */
  private async recomputeActive(m: EntityManager, month: string, today: string): Promise<void> {
    const end = monthEnd(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
    const asOf = end < today ? end : today;
    await m.query(`DELETE FROM report_unit_active WHERE month = $1`, [month]);
    if (month > today) return;
    await m.query(
      `WITH people AS (SELECT DISTINCT user_id FROM report_user_days WHERE day BETWEEN $2::date - 29 AND $2::date),
            leaf AS (SELECT u.unit_id, coalesce(u.target_group, 'none') AS tg, count(*) AS n
                       FROM people p JOIN users u ON u.id = p.user_id WHERE u.unit_id IS NOT NULL GROUP BY 1, 2)
       INSERT INTO report_unit_active (unit_id, target_group, month, as_of, active_30d)
       SELECT a.id::uuid, leaf.tg, $1, $2, sum(n)
         FROM leaf JOIN administrative_units au ON au.id = leaf.unit_id CROSS JOIN LATERAL ${ANCESTORS('au.path')}
        GROUP BY 1, 2`,
      [month, asOf],
    );
    // Mentoring (issue 8) counts when its table exists: pairs active at the end of the day as_of, by the mentee's unit.
    if (await hasTables(m, ['mentorships'])) {
      await m.query(
        `INSERT INTO report_unit_active (unit_id, target_group, month, as_of, active_30d, mentors, mentees)
         SELECT a.id::uuid, '', $1, $2, 0, count(DISTINCT ms.mentor_user_id), count(DISTINCT ms.mentee_user_id)
           FROM mentorships ms JOIN users u ON u.id = ms.mentee_user_id JOIN administrative_units au ON au.id = u.unit_id
           CROSS JOIN LATERAL ${ANCESTORS('au.path')}
          WHERE ${ACTIVE_PAIR('ms', '$2')}
          GROUP BY 1`,
        [month, asOf],
      );
    }
  }

  /**
   * The population of every subtree: a row of unit_populations counts for its unit and for each ancestor
   * up to (not including) the nearest ancestor that has its own row for the same group and year.
   */
  private async recomputePopulation(m: EntityManager): Promise<void> {
    await m.query(`DELETE FROM report_unit_population`);
    await m.query(
      `WITH r AS (
         SELECT p.target_group, p.year, p.population, string_to_array(trim(both '/' from u.path), '/')::uuid[] AS ids
           FROM unit_populations p JOIN administrative_units u ON u.id = p.unit_id),
       s AS (
         SELECT r.*, coalesce((SELECT max(b.o) FROM unnest(r.ids) WITH ORDINALITY AS b(id, o)
                                WHERE b.o < cardinality(r.ids)
                                  AND EXISTS (SELECT 1 FROM unit_populations q WHERE q.unit_id = b.id AND q.target_group = r.target_group AND q.year = r.year)), 0) AS stop
           FROM r)
       INSERT INTO report_unit_population (unit_id, target_group, year, population)
       SELECT a.id, s.target_group, s.year, sum(s.population)
         FROM s CROSS JOIN LATERAL unnest(s.ids) WITH ORDINALITY AS a(id, o)
        WHERE a.o > s.stop
        GROUP BY 1, 2, 3`,
    );
  }
}
