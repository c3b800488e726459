import { MigrationInterface, QueryRunner } from "typeorm";

export class AssessmentItemBankQuizzesGrading1796179932575 implements MigrationInterface {
    name = 'AssessmentItemBankQuizzesGrading1796179932575'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "assessment_items" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" character varying(20) NOT NULL,
                "competency_ref" character varying(100) NOT NULL,
                "level" integer NOT NULL,
                "framework_version" character varying(40) NOT NULL,
                "stem" text NOT NULL,
                "media_url" text,
                "options" jsonb NOT NULL DEFAULT '[]',
                "targets" jsonb NOT NULL DEFAULT '[]',
                "answer_key" jsonb NOT NULL,
                "explanation" text,
                "author_id" uuid,
                "archived_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_assessment_items_kind" CHECK (
                    "kind" IN (
                        'single_choice',
                        'multiple_choice',
                        'true_false',
                        'ordering',
                        'matching',
                        'short_text',
                        'numeric',
                        'free_text'
                    )
                ),
                CONSTRAINT "ck_assessment_items_level" CHECK ("level" >= 1),
                CONSTRAINT "PK_57f59c2a3958b472d0c3e9519d6" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_assessment_items_competency_level" ON "assessment_items" ("competency_ref", "level")
        `);
        await queryRunner.query(`
            CREATE TABLE "quizzes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "lesson_key" uuid NOT NULL,
                "title" text NOT NULL,
                "time_limit_seconds" integer,
                "max_attempts" integer,
                "pass_percent" integer NOT NULL DEFAULT '70',
                "blueprint" jsonb NOT NULL DEFAULT '[]',
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_quizzes_lesson_key" UNIQUE ("lesson_key"),
                CONSTRAINT "ck_quizzes_time_limit" CHECK (
                    "time_limit_seconds" IS NULL
                    OR "time_limit_seconds" >= 30
                ),
                CONSTRAINT "ck_quizzes_max_attempts" CHECK (
                    "max_attempts" IS NULL
                    OR "max_attempts" >= 1
                ),
                CONSTRAINT "ck_quizzes_pass_percent" CHECK (
                    "pass_percent" BETWEEN 0 AND 100
                ),
                CONSTRAINT "PK_b24f0f7662cf6b3a0e7dba0a1b4" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "quiz_attempts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "quiz_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "lesson_id" uuid NOT NULL,
                "attempt_number" integer NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'in_progress',
                "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deadline_at" TIMESTAMP WITH TIME ZONE,
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "closed_by" character varying(20),
                CONSTRAINT "uq_quiz_attempts_number" UNIQUE ("quiz_id", "user_id", "attempt_number"),
                CONSTRAINT "ck_quiz_attempts_status" CHECK (
                    "status" IN (
                        'in_progress',
                        'submitted',
                        'pending_review',
                        'graded'
                    )
                ),
                CONSTRAINT "PK_a84a93fb092359516dc5b325b90" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_quiz_attempts_user" ON "quiz_attempts" ("user_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_quiz_attempts_open" ON "quiz_attempts" ("quiz_id", "user_id")
            WHERE "status" = 'in_progress'
        `);
        await queryRunner.query(`
            CREATE TABLE "attempt_items" (
                "attempt_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "item_id" uuid NOT NULL,
                "option_order" jsonb NOT NULL DEFAULT '[]',
                "target_order" jsonb NOT NULL DEFAULT '[]',
                "response" jsonb,
                "answered_at" TIMESTAMP WITH TIME ZONE,
                "score" numeric(5, 4),
                "needs_review" boolean NOT NULL DEFAULT false,
                "reviewed_by" uuid,
                "reviewed_at" TIMESTAMP WITH TIME ZONE,
                "feedback" text,
                CONSTRAINT "uq_attempt_items_item" UNIQUE ("attempt_id", "item_id"),
                CONSTRAINT "PK_34e44fada688606caaaf56300c4" PRIMARY KEY ("attempt_id", "position")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "grades" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "attempt_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "quiz_id" uuid NOT NULL,
                "score" numeric(8, 4) NOT NULL,
                "max_score" integer NOT NULL,
                "percent" numeric(5, 2) NOT NULL,
                "passed" boolean NOT NULL,
                "graded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_grades_attempt" UNIQUE ("attempt_id"),
                CONSTRAINT "PK_4740fb6f5df2505a48649f1687b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_grades_user" ON "grades" ("user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "competency_evidence" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "competency_ref" character varying(100) NOT NULL,
                "level" integer NOT NULL,
                "source" character varying(20) NOT NULL,
                "source_id" uuid NOT NULL,
                "score" numeric(5, 4) NOT NULL,
                "passed" boolean NOT NULL,
                "achieved_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "uq_competency_evidence_source" UNIQUE ("source", "source_id", "competency_ref"),
                CONSTRAINT "ck_competency_evidence_score" CHECK (
                    "score" BETWEEN 0 AND 1
                ),
                CONSTRAINT "ck_competency_evidence_level" CHECK ("level" >= 1),
                CONSTRAINT "PK_0c2b0a69a2dc0580ab56633391d" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_competency_evidence_user" ON "competency_evidence" ("user_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "assessment_items"
            ADD CONSTRAINT "FK_39ca5fdac33d85b138d7a6610ce" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "quiz_attempts"
            ADD CONSTRAINT "FK_a720e260138b64fcff2fca19b2d" FOREIGN KEY ("quiz_id") REFERENCES "quizzes"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "quiz_attempts"
            ADD CONSTRAINT "FK_1701aaf48f6a78e96bfe08dd395" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "attempt_items"
            ADD CONSTRAINT "FK_60997e64aebc8a3773719e09f19" FOREIGN KEY ("attempt_id") REFERENCES "quiz_attempts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "attempt_items"
            ADD CONSTRAINT "FK_4cc61865bd037770000337caed3" FOREIGN KEY ("item_id") REFERENCES "assessment_items"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "grades"
            ADD CONSTRAINT "FK_a026858fa318417d7b21fbdc31b" FOREIGN KEY ("attempt_id") REFERENCES "quiz_attempts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "competency_evidence"
            ADD CONSTRAINT "FK_8e74945e214789e5f05be8cf8ed" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "competency_evidence" DROP CONSTRAINT "FK_8e74945e214789e5f05be8cf8ed"
        `);
        await queryRunner.query(`
            ALTER TABLE "grades" DROP CONSTRAINT "FK_a026858fa318417d7b21fbdc31b"
        `);
        await queryRunner.query(`
            ALTER TABLE "attempt_items" DROP CONSTRAINT "FK_4cc61865bd037770000337caed3"
        `);
        await queryRunner.query(`
            ALTER TABLE "attempt_items" DROP CONSTRAINT "FK_60997e64aebc8a3773719e09f19"
        `);
        await queryRunner.query(`
            ALTER TABLE "quiz_attempts" DROP CONSTRAINT "FK_1701aaf48f6a78e96bfe08dd395"
        `);
        await queryRunner.query(`
            ALTER TABLE "quiz_attempts" DROP CONSTRAINT "FK_a720e260138b64fcff2fca19b2d"
        `);
        await queryRunner.query(`
            ALTER TABLE "assessment_items" DROP CONSTRAINT "FK_39ca5fdac33d85b138d7a6610ce"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_competency_evidence_user"
        `);
        await queryRunner.query(`
            DROP TABLE "competency_evidence"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_grades_user"
        `);
        await queryRunner.query(`
            DROP TABLE "grades"
        `);
        await queryRunner.query(`
            DROP TABLE "attempt_items"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_quiz_attempts_open"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_quiz_attempts_user"
        `);
        await queryRunner.query(`
            DROP TABLE "quiz_attempts"
        `);
        await queryRunner.query(`
            DROP TABLE "quizzes"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_assessment_items_competency_level"
        `);
        await queryRunner.query(`
            DROP TABLE "assessment_items"
        `);
    }

}
