import type { MigrationInterface, QueryRunner } from 'typeorm';

const TOTALS = ['registered', 'enrolled', 'completed', 'certified', 'confirmed', 'households_covered', 'classes_held', 'attendance'];

/**
 * Issue 9 (reports, helper reports-perf): running totals in report_unit_monthly (a period reads 2 rows per unit × group),
 * and indexes for the reports' incremental refresh on the time columns it filters by (tables of other modules; the entities
 * declare them too). progress_events gets a BRIN index: its rows are appended in received_at order.
 */
export class ReportsPerformance1796193000000 implements MigrationInterface {
  name = 'ReportsPerformance1796193000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const c of TOTALS) await queryRunner.query(`ALTER TABLE "report_unit_monthly" ADD "${c}_total" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(
      `UPDATE report_unit_monthly m SET ${TOTALS.map((c) => `${c}_total = w.${c}`).join(', ')}
         FROM (SELECT unit_id, target_group, month, ${TOTALS.map((c) => `sum(${c}) OVER p AS ${c}`).join(', ')}
                 FROM report_unit_monthly WINDOW p AS (PARTITION BY unit_id, target_group ORDER BY month)) w
        WHERE w.unit_id = m.unit_id AND w.target_group = m.target_group AND w.month = m.month`,
    );
    // The rollup now keeps a row per unit × group × month (dense): the next refresh rebuilds everything.
    await queryRunner.query(`UPDATE report_refresh_state SET full_rebuild_at = NULL`);
    await queryRunner.query(`CREATE INDEX "ix_users_created_at" ON "users" ("created_at") `);
    await queryRunner.query(`CREATE INDEX "ix_users_updated_at" ON "users" ("updated_at") `);
    await queryRunner.query(`CREATE INDEX "ix_enrolments_enrolled_at" ON "enrolments" ("enrolled_at") `);
    await queryRunner.query(`CREATE INDEX "ix_course_completions_completed_at" ON "course_completions" ("completed_at") `);
    await queryRunner.query(`CREATE INDEX "ix_certificates_issued_at" ON "certificates" ("issued_at") `);
    await queryRunner.query(`CREATE INDEX "ix_certificates_revoked_at" ON "certificates" ("revoked_at") WHERE "revoked_at" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "ix_household_members_joined_at" ON "household_members" ("joined_at") `);
    await queryRunner.query(`CREATE INDEX "ix_progress_events_received_brin" ON "progress_events" USING brin ("received_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const ix of [
      'ix_progress_events_received_brin',
      'ix_household_members_joined_at',
      'ix_certificates_revoked_at',
      'ix_certificates_issued_at',
      'ix_course_completions_completed_at',
      'ix_enrolments_enrolled_at',
      'ix_users_updated_at',
      'ix_users_created_at',
    ])
      await queryRunner.query(`DROP INDEX "public"."${ix}"`);
    for (const c of [...TOTALS].reverse()) await queryRunner.query(`ALTER TABLE "report_unit_monthly" DROP COLUMN "${c}_total"`);
  }
}
