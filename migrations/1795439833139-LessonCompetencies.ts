import { MigrationInterface, QueryRunner } from "typeorm";

export class LessonCompetencies1795439833139 implements MigrationInterface {
    name = 'LessonCompetencies1795439833139'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "lesson_competencies" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "lesson_id" uuid NOT NULL,
                "competency_ref" character varying(100) NOT NULL,
                "level" integer NOT NULL,
                "framework_version" character varying(40) NOT NULL,
                CONSTRAINT "uq_lesson_competencies_lesson_competency" UNIQUE ("lesson_id", "competency_ref"),
                CONSTRAINT "ck_lesson_competencies_level" CHECK ("level" >= 1),
                CONSTRAINT "PK_a91cba219ab2543717b615d9e2b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_lesson_competencies_competency" ON "lesson_competencies" ("competency_ref")
        `);
        await queryRunner.query(`
            ALTER TABLE "lesson_competencies"
            ADD CONSTRAINT "FK_71c714ac96a075162ab3799828a" FOREIGN KEY ("lesson_id") REFERENCES "lessons"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "lesson_competencies" DROP CONSTRAINT "FK_71c714ac96a075162ab3799828a"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_lesson_competencies_competency"
        `);
        await queryRunner.query(`
            DROP TABLE "lesson_competencies"
        `);
    }

}
