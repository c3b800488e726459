import { MigrationInterface, QueryRunner } from "typeorm";

export class Init1795438414873 implements MigrationInterface {
    name = 'Init1795438414873'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "courses" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "slug" character varying(120) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_a3bb2d01cfa0f95bc5e034e1b7a" UNIQUE ("slug"),
                CONSTRAINT "PK_3f70a487cc718ad8eda4e6d58c9" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "course_modules" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "version_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "title" text NOT NULL,
                CONSTRAINT "uq_course_modules_position" UNIQUE ("version_id", "position"),
                CONSTRAINT "PK_4c195db0718e8845a6e09075ebc" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "course_versions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "course_id" uuid NOT NULL,
                "version_number" integer NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'draft',
                "language" character varying(10) NOT NULL,
                "title" text NOT NULL,
                "summary" text NOT NULL,
                "translations" jsonb NOT NULL DEFAULT '{}'::jsonb,
                "target_groups" text array NOT NULL DEFAULT '{}'::text [],
                "level" character varying(20) NOT NULL,
                "estimated_minutes" integer NOT NULL,
                "published_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_course_versions_course_number" UNIQUE ("course_id", "version_number"),
                CONSTRAINT "ck_course_versions_level" CHECK ("level" IN ('basic', 'intermediate', 'advanced')),
                CONSTRAINT "ck_course_versions_status" CHECK (
                    "status" IN ('draft', 'in_review', 'published', 'archived')
                ),
                CONSTRAINT "PK_cc9e77578136a62e599f33d15ff" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_course_versions_published" ON "course_versions" ("course_id", "version_number")
            WHERE "status" = 'published'
        `);
        await queryRunner.query(`
            CREATE TABLE "lessons" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "module_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "kind" character varying(20) NOT NULL,
                "title" text NOT NULL,
                "body" text,
                "estimated_minutes" integer NOT NULL DEFAULT '5',
                CONSTRAINT "uq_lessons_position" UNIQUE ("module_id", "position"),
                CONSTRAINT "ck_lessons_kind" CHECK (
                    "kind" IN ('video', 'text', 'quiz', 'practice', 'resource')
                ),
                CONSTRAINT "PK_9b9a8d455cac672d262d7275730" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "course_modules"
            ADD CONSTRAINT "FK_463469607a516aad7ec77aea08c" FOREIGN KEY ("version_id") REFERENCES "course_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "course_versions"
            ADD CONSTRAINT "FK_34cbd320b458b8cf9e0d580304e" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "lessons"
            ADD CONSTRAINT "FK_35fb2307535d90a6ed290af1f4a" FOREIGN KEY ("module_id") REFERENCES "course_modules"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "lessons" DROP CONSTRAINT "FK_35fb2307535d90a6ed290af1f4a"
        `);
        await queryRunner.query(`
            ALTER TABLE "course_versions" DROP CONSTRAINT "FK_34cbd320b458b8cf9e0d580304e"
        `);
        await queryRunner.query(`
            ALTER TABLE "course_modules" DROP CONSTRAINT "FK_463469607a516aad7ec77aea08c"
        `);
        await queryRunner.query(`
            DROP TABLE "lessons"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_course_versions_published"
        `);
        await queryRunner.query(`
            DROP TABLE "course_versions"
        `);
        await queryRunner.query(`
            DROP TABLE "course_modules"
        `);
        await queryRunner.query(`
            DROP TABLE "courses"
        `);
    }

}
