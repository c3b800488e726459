import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 9 (reports): unit_targets, the report_* rollup tables and report_files (no foreign keys to other helpers' new tables). */
export class ReportsTargetsRollups1796192600000 implements MigrationInterface {
  name = 'ReportsTargetsRollups1796192600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "unit_targets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "target_group" character varying(32) NOT NULL, "year" integer NOT NULL, "metric" character varying(32) NOT NULL, "value" double precision NOT NULL, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_unit_targets_key" UNIQUE ("unit_id", "target_group", "year", "metric"), CONSTRAINT "ck_unit_targets_value" CHECK ("value" >= 0), CONSTRAINT "ck_unit_targets_metric" CHECK ("metric" IN ('coverage_percent', 'confirmed_count', 'registered_count', 'completed_count')), CONSTRAINT "PK_eeda17d9f2272be78786385b964" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "report_unit_daily" ("unit_id" uuid NOT NULL, "target_group" character varying(32) NOT NULL, "day" date NOT NULL, "registered" integer NOT NULL DEFAULT '0', "enrolled" integer NOT NULL DEFAULT '0', "completed" integer NOT NULL DEFAULT '0', "certified" integer NOT NULL DEFAULT '0', "confirmed" integer NOT NULL DEFAULT '0', "households_covered" integer NOT NULL DEFAULT '0', "classes_held" integer NOT NULL DEFAULT '0', "attendance" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_270fb9c89b0b157791e84469750" PRIMARY KEY ("unit_id", "target_group", "day"))`);
    await queryRunner.query(`CREATE INDEX "ix_report_unit_daily_day" ON "report_unit_daily"  ("day") `);
    await queryRunner.query(`CREATE TABLE "report_unit_monthly" ("unit_id" uuid NOT NULL, "target_group" character varying(32) NOT NULL, "month" date NOT NULL, "registered" integer NOT NULL DEFAULT '0', "enrolled" integer NOT NULL DEFAULT '0', "completed" integer NOT NULL DEFAULT '0', "certified" integer NOT NULL DEFAULT '0', "confirmed" integer NOT NULL DEFAULT '0', "households_covered" integer NOT NULL DEFAULT '0', "classes_held" integer NOT NULL DEFAULT '0', "attendance" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_e33e6e66e00963b4e75188837ee" PRIMARY KEY ("unit_id", "target_group", "month"))`);
    await queryRunner.query(`CREATE INDEX "ix_report_unit_monthly_month" ON "report_unit_monthly"  ("month") `);
    await queryRunner.query(`CREATE TABLE "report_unit_active" ("unit_id" uuid NOT NULL, "target_group" character varying(32) NOT NULL, "month" date NOT NULL, "as_of" date NOT NULL, "active_30d" integer NOT NULL DEFAULT '0', "mentors" integer NOT NULL DEFAULT '0', "mentees" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_da0268f8874a2eaed35bb6d434c" PRIMARY KEY ("unit_id", "target_group", "month"))`);
    await queryRunner.query(`CREATE INDEX "ix_report_unit_active_month" ON "report_unit_active"  ("month") `);
    await queryRunner.query(`CREATE TABLE "report_user_days" ("user_id" uuid NOT NULL, "day" date NOT NULL, CONSTRAINT "PK_c4842cfdcaa28e03e9c9b982713" PRIMARY KEY ("user_id", "day"))`);
    await queryRunner.query(`CREATE INDEX "ix_report_user_days_day" ON "report_user_days"  ("day") `);
    await queryRunner.query(`CREATE TABLE "report_unit_population" ("unit_id" uuid NOT NULL, "target_group" character varying(32) NOT NULL, "year" integer NOT NULL, "population" bigint NOT NULL, CONSTRAINT "PK_27d8be41d08c41ae537c4cd5ec5" PRIMARY KEY ("unit_id", "target_group", "year"))`);
    await queryRunner.query(`CREATE TABLE "report_refresh_state" ("id" character varying(32) NOT NULL, "watermark" TIMESTAMP WITH TIME ZONE, "refreshed_at" TIMESTAMP WITH TIME ZONE, "full_rebuild_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_caf9ede310fe7640c4a2b449fa4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "report_files" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "kind" character varying(8) NOT NULL, "year" integer NOT NULL, "part" integer, "period" character varying(10) NOT NULL, "status" character varying(8) NOT NULL DEFAULT 'queued', "generation" integer NOT NULL DEFAULT '1', "error" text, "requested_by" uuid, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "generated_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_report_files_unit_period" UNIQUE ("unit_id", "period"), CONSTRAINT "ck_report_files_status" CHECK ("status" IN ('queued', 'running', 'ready', 'failed')), CONSTRAINT "ck_report_files_kind" CHECK ("kind" IN ('quarter', 'half', 'year')), CONSTRAINT "PK_d1284a8b0509229ef08ce8c4105" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_report_files_unit" ON "report_files"  ("unit_id", "requested_at") `);
    await queryRunner.query(`ALTER TABLE "unit_targets" ADD CONSTRAINT "FK_ffc8c178e3e35d6910d1567e1cd" FOREIGN KEY ("unit_id") REFERENCES "administrative_units"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "report_files" ADD CONSTRAINT "FK_a977ea6be53bc021ad9c1c1672e" FOREIGN KEY ("unit_id") REFERENCES "administrative_units"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report_files" DROP CONSTRAINT "FK_a977ea6be53bc021ad9c1c1672e"`);
    await queryRunner.query(`ALTER TABLE "unit_targets" DROP CONSTRAINT "FK_ffc8c178e3e35d6910d1567e1cd"`);
    await queryRunner.query(`DROP INDEX "public"."ix_report_files_unit"`);
    await queryRunner.query(`DROP TABLE "report_files"`);
    await queryRunner.query(`DROP TABLE "report_refresh_state"`);
    await queryRunner.query(`DROP TABLE "report_unit_population"`);
    await queryRunner.query(`DROP INDEX "public"."ix_report_user_days_day"`);
    await queryRunner.query(`DROP TABLE "report_user_days"`);
    await queryRunner.query(`DROP INDEX "public"."ix_report_unit_active_month"`);
    await queryRunner.query(`DROP TABLE "report_unit_active"`);
    await queryRunner.query(`DROP INDEX "public"."ix_report_unit_monthly_month"`);
    await queryRunner.query(`DROP TABLE "report_unit_monthly"`);
    await queryRunner.query(`DROP INDEX "public"."ix_report_unit_daily_day"`);
    await queryRunner.query(`DROP TABLE "report_unit_daily"`);
    await queryRunner.query(`DROP TABLE "unit_targets"`);
  }
}
