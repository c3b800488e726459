import { MigrationInterface, QueryRunner } from "typeorm";

export class LessonKeysAndLearningSettings1796179328058 implements MigrationInterface {
    name = 'LessonKeysAndLearningSettings1796179328058'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "course_modules"
            ADD "module_key" uuid NOT NULL DEFAULT gen_random_uuid()
        `);
        await queryRunner.query(`
            ALTER TABLE "course_modules"
            ADD "translations" jsonb NOT NULL DEFAULT '{}'
        `);
        await queryRunner.query(`
            ALTER TABLE "course_versions"
            ADD "sequential" boolean NOT NULL DEFAULT false
        `);
        await queryRunner.query(`
            ALTER TABLE "lessons"
            ADD "lesson_key" uuid NOT NULL DEFAULT gen_random_uuid()
        `);
        await queryRunner.query(`
            ALTER TABLE "lessons"
            ADD "completion_percent" smallint NOT NULL DEFAULT '90'
        `);
        await queryRunner.query(`
            ALTER TABLE "lessons"
            ADD "translations" jsonb NOT NULL DEFAULT '{}'
        `);
        await queryRunner.query(`
            ALTER TABLE "lessons"
            ADD CONSTRAINT "ck_lessons_completion_percent" CHECK (
                    "completion_percent" BETWEEN 1 AND 100
                )
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "lessons" DROP CONSTRAINT "ck_lessons_completion_percent"
        `);
        await queryRunner.query(`
            ALTER TABLE "lessons" DROP COLUMN "translations"
        `);
        await queryRunner.query(`
            ALTER TABLE "lessons" DROP COLUMN "completion_percent"
        `);
        await queryRunner.query(`
            ALTER TABLE "lessons" DROP COLUMN "lesson_key"
        `);
        await queryRunner.query(`
            ALTER TABLE "course_versions" DROP COLUMN "sequential"
        `);
        await queryRunner.query(`
            ALTER TABLE "course_modules" DROP COLUMN "translations"
        `);
        await queryRunner.query(`
            ALTER TABLE "course_modules" DROP COLUMN "module_key"
        `);
    }

}
