import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Community classes (issue 8): classes, attendees (walk-ins with user_id NULL), sessions, attendance,
 * live questions and answers. Live-quiz answers become competency_evidence rows with source
 * 'live-quiz' (no CHECK on competency_evidence.source, so nothing to extend there).
 */
export class CommunityClasses1796192400000 implements MigrationInterface {
  name = 'CommunityClasses1796192400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "community_classes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "course_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "place" character varying(200) NOT NULL, "weekday" smallint NOT NULL, "start_time" TIME NOT NULL, "duration_minutes" integer NOT NULL, "first_date" date NOT NULL, "end_date" date, "join_code" character varying(6) NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'active', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "archived_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_community_classes_join_code" UNIQUE ("join_code"), CONSTRAINT "ck_community_classes_dates" CHECK ("end_date" IS NULL OR "end_date" >= "first_date"), CONSTRAINT "ck_community_classes_duration" CHECK ("duration_minutes" BETWEEN 15 AND 600), CONSTRAINT "ck_community_classes_weekday" CHECK ("weekday" BETWEEN 1 AND 7), CONSTRAINT "ck_community_classes_status" CHECK ("status" IN ('active', 'archived')), CONSTRAINT "PK_ee70d13bcf91da12eb09c1f87a9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_community_classes_unit" ON "community_classes"  ("unit_id") `);
    await queryRunner.query(`CREATE TABLE "class_attendees" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "class_id" uuid NOT NULL, "user_id" uuid, "name" character varying(120) NOT NULL, "birth_year" smallint, "walk_in" boolean NOT NULL DEFAULT false, "client_id" uuid, "claim_code" character varying(8), "claim_expires_at" TIMESTAMP WITH TIME ZONE, "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "linked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_class_attendees_birth_year" CHECK ("birth_year" IS NULL OR "birth_year" BETWEEN 1900 AND 2100), CONSTRAINT "PK_1ef7487e7f8b60071e17b5401ec" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_class_attendees_user" ON "class_attendees"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_class_attendees_claim_code" ON "class_attendees"  ("claim_code") WHERE "claim_code" IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_class_attendees_client" ON "class_attendees"  ("class_id", "client_id") WHERE "client_id" IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_class_attendees_user" ON "class_attendees"  ("class_id", "user_id") WHERE "user_id" IS NOT NULL`);
    await queryRunner.query(`CREATE TABLE "class_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "class_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ad_hoc" boolean NOT NULL DEFAULT false, "client_id" uuid, "lesson_key" uuid, "status" character varying(10) NOT NULL DEFAULT 'scheduled', "started_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE, "checkin_secret" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_class_sessions_times" CHECK ("ends_at" > "starts_at"), CONSTRAINT "ck_class_sessions_status" CHECK ("status" IN ('scheduled', 'live', 'ended', 'cancelled')), CONSTRAINT "PK_dc034da48c6e0cf95c51f606c4e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_class_sessions_client" ON "class_sessions"  ("class_id", "client_id") WHERE "client_id" IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_class_sessions_scheduled" ON "class_sessions"  ("class_id", "starts_at") WHERE "ad_hoc" = false`);
    await queryRunner.query(`CREATE TABLE "class_attendance" ("session_id" uuid NOT NULL, "attendee_id" uuid NOT NULL, "present" boolean NOT NULL, "method" character varying(10) NOT NULL, "marked_at" TIMESTAMP WITH TIME ZONE NOT NULL, "client_id" uuid NOT NULL, "marked_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_class_attendance_method" CHECK ("method" IN ('qr', 'checklist')), CONSTRAINT "PK_ac4e8e9af54751f7b6e011c5dce" PRIMARY KEY ("session_id", "attendee_id"))`);
    await queryRunner.query(`CREATE INDEX "ix_class_attendance_attendee" ON "class_attendance"  ("attendee_id") `);
    await queryRunner.query(`CREATE TABLE "live_questions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "class_id" uuid NOT NULL, "session_id" uuid NOT NULL, "item_id" uuid NOT NULL, "client_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "stem" text NOT NULL, "media_url" text, "options" jsonb NOT NULL, "correct_option_ids" jsonb NOT NULL, "competency_ref" character varying(100) NOT NULL, "level" integer NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_live_questions_kind" CHECK ("kind" IN ('single_choice', 'multiple_choice', 'true_false')), CONSTRAINT "PK_5c586dc9642de8ec3f22837fe9a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_live_questions_client" ON "live_questions"  ("session_id", "client_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_live_questions_open" ON "live_questions"  ("class_id") WHERE "closed_at" IS NULL`);
    await queryRunner.query(`CREATE TABLE "live_answers" ("question_id" uuid NOT NULL, "attendee_id" uuid NOT NULL, "id" uuid NOT NULL, "option_ids" jsonb NOT NULL, "correct" boolean NOT NULL, "client_id" uuid NOT NULL, "answered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_live_answers_id" UNIQUE ("id"), CONSTRAINT "PK_4cf2d560d3b445a58077514a820" PRIMARY KEY ("question_id", "attendee_id"))`);
    await queryRunner.query(`CREATE INDEX "ix_live_answers_attendee" ON "live_answers"  ("attendee_id") `);
    await queryRunner.query(`ALTER TABLE "community_classes" ADD CONSTRAINT "FK_e182dbf6b245cfb6c9c0552b35c" FOREIGN KEY ("unit_id") REFERENCES "administrative_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "community_classes" ADD CONSTRAINT "FK_a498337d924e7cc7ccabecc1baa" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "community_classes" ADD CONSTRAINT "FK_182fffc038957d1e4e1633005d2" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "class_attendees" ADD CONSTRAINT "FK_555b5f64fa0ca338a7901dd9836" FOREIGN KEY ("class_id") REFERENCES "community_classes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "class_attendees" ADD CONSTRAINT "FK_31c8288bdf90a635864f611cf99" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "class_sessions" ADD CONSTRAINT "FK_700b21b3e72e731ec274e22b743" FOREIGN KEY ("class_id") REFERENCES "community_classes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "class_attendance" ADD CONSTRAINT "FK_3beacee8b4c664395f1b3998a7b" FOREIGN KEY ("session_id") REFERENCES "class_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "class_attendance" ADD CONSTRAINT "FK_8ce94bcc6feae6ff0150ef0ebd3" FOREIGN KEY ("attendee_id") REFERENCES "class_attendees"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "live_questions" ADD CONSTRAINT "FK_429eaae0bca9d2c4ec7af0c1d28" FOREIGN KEY ("class_id") REFERENCES "community_classes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "live_questions" ADD CONSTRAINT "FK_4a900f09664eda924656aca68e3" FOREIGN KEY ("session_id") REFERENCES "class_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "live_questions" ADD CONSTRAINT "FK_5cdd9a4f4f70c90b0c0b0d969e7" FOREIGN KEY ("item_id") REFERENCES "assessment_items"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "live_answers" ADD CONSTRAINT "FK_5f3b44ea6c885bca4ec334119f4" FOREIGN KEY ("question_id") REFERENCES "live_questions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "live_answers" ADD CONSTRAINT "FK_142841a402c8bc7d356aa46d0fb" FOREIGN KEY ("attendee_id") REFERENCES "class_attendees"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "live_answers" DROP CONSTRAINT "FK_142841a402c8bc7d356aa46d0fb"`);
    await queryRunner.query(`ALTER TABLE "live_answers" DROP CONSTRAINT "FK_5f3b44ea6c885bca4ec334119f4"`);
    await queryRunner.query(`ALTER TABLE "live_questions" DROP CONSTRAINT "FK_5cdd9a4f4f70c90b0c0b0d969e7"`);
    await queryRunner.query(`ALTER TABLE "live_questions" DROP CONSTRAINT "FK_4a900f09664eda924656aca68e3"`);
    await queryRunner.query(`ALTER TABLE "live_questions" DROP CONSTRAINT "FK_429eaae0bca9d2c4ec7af0c1d28"`);
    await queryRunner.query(`ALTER TABLE "class_attendance" DROP CONSTRAINT "FK_8ce94bcc6feae6ff0150ef0ebd3"`);
    await queryRunner.query(`ALTER TABLE "class_attendance" DROP CONSTRAINT "FK_3beacee8b4c664395f1b3998a7b"`);
    await queryRunner.query(`ALTER TABLE "class_sessions" DROP CONSTRAINT "FK_700b21b3e72e731ec274e22b743"`);
    await queryRunner.query(`ALTER TABLE "class_attendees" DROP CONSTRAINT "FK_31c8288bdf90a635864f611cf99"`);
    await queryRunner.query(`ALTER TABLE "class_attendees" DROP CONSTRAINT "FK_555b5f64fa0ca338a7901dd9836"`);
    await queryRunner.query(`ALTER TABLE "community_classes" DROP CONSTRAINT "FK_182fffc038957d1e4e1633005d2"`);
    await queryRunner.query(`ALTER TABLE "community_classes" DROP CONSTRAINT "FK_a498337d924e7cc7ccabecc1baa"`);
    await queryRunner.query(`ALTER TABLE "community_classes" DROP CONSTRAINT "FK_e182dbf6b245cfb6c9c0552b35c"`);
    await queryRunner.query(`DROP INDEX "public"."ix_live_answers_attendee"`);
    await queryRunner.query(`DROP TABLE "live_answers"`);
    await queryRunner.query(`DROP INDEX "public"."uq_live_questions_open"`);
    await queryRunner.query(`DROP INDEX "public"."uq_live_questions_client"`);
    await queryRunner.query(`DROP TABLE "live_questions"`);
    await queryRunner.query(`DROP INDEX "public"."ix_class_attendance_attendee"`);
    await queryRunner.query(`DROP TABLE "class_attendance"`);
    await queryRunner.query(`DROP INDEX "public"."uq_class_sessions_scheduled"`);
    await queryRunner.query(`DROP INDEX "public"."uq_class_sessions_client"`);
    await queryRunner.query(`DROP TABLE "class_sessions"`);
    await queryRunner.query(`DROP INDEX "public"."uq_class_attendees_user"`);
    await queryRunner.query(`DROP INDEX "public"."uq_class_attendees_client"`);
    await queryRunner.query(`DROP INDEX "public"."uq_class_attendees_claim_code"`);
    await queryRunner.query(`DROP INDEX "public"."ix_class_attendees_user"`);
    await queryRunner.query(`DROP TABLE "class_attendees"`);
    await queryRunner.query(`DROP INDEX "public"."ix_community_classes_unit"`);
    await queryRunner.query(`DROP TABLE "community_classes"`);
  }
}
