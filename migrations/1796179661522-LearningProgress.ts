import { MigrationInterface, QueryRunner } from "typeorm";

export class LearningProgress1796179661522 implements MigrationInterface {
    name = 'LearningProgress1796179661522'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "course_completions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "course_id" uuid NOT NULL,
                "version_id" uuid NOT NULL,
                "completed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "notified_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "uq_course_completions_user_course" UNIQUE ("user_id", "course_id"),
                CONSTRAINT "PK_15d7e524ef2739c4ac9b56d46af" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_course_completions_unnotified" ON "course_completions" ("completed_at")
            WHERE "notified_at" IS NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "enrolments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "course_id" uuid NOT NULL,
                "version_id" uuid NOT NULL,
                "enrolled_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "completed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "uq_enrolments_user_course" UNIQUE ("user_id", "course_id"),
                CONSTRAINT "PK_6e79971fbd26967c4da9ed52770" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_enrolments_course" ON "enrolments" ("course_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "lesson_progress" (
                "user_id" uuid NOT NULL,
                "course_id" uuid NOT NULL,
                "lesson_key" uuid NOT NULL,
                "lesson_id" uuid NOT NULL,
                "version_id" uuid NOT NULL,
                "completion_rule" character varying(10) NOT NULL,
                "required_seconds" integer NOT NULL DEFAULT '0',
                "watched" int4multirange NOT NULL DEFAULT '{}',
                "watched_seconds" integer NOT NULL DEFAULT '0',
                "position_seconds" double precision NOT NULL DEFAULT '0',
                "position_at" TIMESTAMP WITH TIME ZONE,
                "opened_at" TIMESTAMP WITH TIME ZONE,
                "scrolled_at" TIMESTAMP WITH TIME ZONE,
                "completed_at" TIMESTAMP WITH TIME ZONE,
                "completion_source" character varying(20),
                "completion_source_id" character varying(100),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_59b9fc481d651a61efc39f8019a" PRIMARY KEY ("user_id", "course_id", "lesson_key")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "progress_events" (
                "user_id" uuid NOT NULL,
                "client_event_id" uuid NOT NULL,
                "course_id" uuid NOT NULL,
                "lesson_id" uuid NOT NULL,
                "lesson_key" uuid NOT NULL,
                "type" character varying(20) NOT NULL,
                "from_seconds" double precision,
                "to_seconds" double precision,
                "position_seconds" double precision,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "mirrored_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "ck_progress_events_type" CHECK (
                    "type" IN (
                        'video_watched',
                        'video_position',
                        'text_opened',
                        'text_scrolled',
                        'lesson_opened'
                    )
                ),
                CONSTRAINT "PK_6d3d9d7ea3072064812576bbd10" PRIMARY KEY ("user_id", "client_event_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_progress_events_unmirrored" ON "progress_events" ("received_at")
            WHERE "mirrored_at" IS NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "course_completions"
            ADD CONSTRAINT "FK_c6f7f6ecb739bd1fe8b2e486266" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "course_completions"
            ADD CONSTRAINT "FK_01d7441678dbe5ba3ae5e236276" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolments"
            ADD CONSTRAINT "FK_7eb4b01f52fb0ce0e3136d87c76" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolments"
            ADD CONSTRAINT "FK_88e4829cd9da8e01cc305788db5" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolments"
            ADD CONSTRAINT "FK_f6ec7223dd6202ad8d4442a2ccf" FOREIGN KEY ("version_id") REFERENCES "course_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "lesson_progress"
            ADD CONSTRAINT "FK_0d9292b3eb40707950eeeba9617" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "lesson_progress"
            ADD CONSTRAINT "FK_112753761c2a01adab9677b717f" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "progress_events"
            ADD CONSTRAINT "FK_26983007a95db4585e9d0bbc7da" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "progress_events" DROP CONSTRAINT "FK_26983007a95db4585e9d0bbc7da"
        `);
        await queryRunner.query(`
            ALTER TABLE "lesson_progress" DROP CONSTRAINT "FK_112753761c2a01adab9677b717f"
        `);
        await queryRunner.query(`
            ALTER TABLE "lesson_progress" DROP CONSTRAINT "FK_0d9292b3eb40707950eeeba9617"
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolments" DROP CONSTRAINT "FK_f6ec7223dd6202ad8d4442a2ccf"
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolments" DROP CONSTRAINT "FK_88e4829cd9da8e01cc305788db5"
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolments" DROP CONSTRAINT "FK_7eb4b01f52fb0ce0e3136d87c76"
        `);
        await queryRunner.query(`
            ALTER TABLE "course_completions" DROP CONSTRAINT "FK_01d7441678dbe5ba3ae5e236276"
        `);
        await queryRunner.query(`
            ALTER TABLE "course_completions" DROP CONSTRAINT "FK_c6f7f6ecb739bd1fe8b2e486266"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_progress_events_unmirrored"
        `);
        await queryRunner.query(`
            DROP TABLE "progress_events"
        `);
        await queryRunner.query(`
            DROP TABLE "lesson_progress"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_enrolments_course"
        `);
        await queryRunner.query(`
            DROP TABLE "enrolments"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_course_completions_unnotified"
        `);
        await queryRunner.query(`
            DROP TABLE "course_completions"
        `);
    }

}
