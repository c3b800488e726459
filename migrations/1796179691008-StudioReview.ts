import { MigrationInterface, QueryRunner } from "typeorm";

// A published course version is immutable: the API answers 409, and this trigger refuses an UPDATE
// of a published version (except archiving it, and foreign keys set null by deletions elsewhere) or of
// its modules and lessons (except lessons.media_asset_id set null when a media asset is deleted).
// INSERT stays possible (imports write a published version in one transaction) and DELETE too
// (deleting a whole course cascades).
const IMMUTABLE_FUNCTION = `
  CREATE FUNCTION refuse_published_course_change() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    version_status text;
  BEGIN
    IF TG_TABLE_NAME = 'course_versions' THEN
      IF OLD.status = 'published' AND (
           NEW.status NOT IN ('published', 'archived')
           OR (to_jsonb(NEW) - 'status' - 'created_by' - 'parent_version_id') IS DISTINCT FROM (to_jsonb(OLD) - 'status' - 'created_by' - 'parent_version_id')) THEN
        RAISE EXCEPTION 'course version % is published and cannot be changed', OLD.id USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    ELSIF TG_TABLE_NAME = 'course_modules' THEN
      SELECT status INTO version_status FROM course_versions WHERE id = OLD.version_id;
    ELSE
      SELECT v.status INTO version_status FROM course_versions v JOIN course_modules m ON m.version_id = v.id WHERE m.id = OLD.module_id;
    END IF;
    IF version_status = 'published' AND (to_jsonb(NEW) - 'media_asset_id') IS DISTINCT FROM (to_jsonb(OLD) - 'media_asset_id') THEN
      RAISE EXCEPTION '% % belongs to a published course version and cannot be changed', TG_TABLE_NAME, OLD.id USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END $$`;
const TABLES = ['course_versions', 'course_modules', 'lessons'];

export class StudioReview1796179691008 implements MigrationInterface {
    name = 'StudioReview1796179691008'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "course_authors" (
                "course_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "added_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_4d4721d9cc04c130f131e29e92d" PRIMARY KEY ("course_id", "user_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "review_comments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "version_id" uuid NOT NULL,
                "parent_id" uuid,
                "author_id" uuid,
                "kind" character varying(20) NOT NULL DEFAULT 'comment',
                "body" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_review_comments_kind" CHECK (
                    "kind" IN ('comment', 'approval', 'rejection', 'submission')
                ),
                CONSTRAINT "PK_7a18556c348d381630855d05f0a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_review_comments_version" ON "review_comments" ("version_id", "created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "courses"
            ADD "created_by" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "course_versions"
            ADD "cover_image_key" text
        `);
        await queryRunner.query(`
            ALTER TABLE "course_versions"
            ADD "parent_version_id" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "course_versions"
            ADD "created_by" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "course_versions"
            ADD "submitted_at" TIMESTAMP WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "courses"
            ADD CONSTRAINT "FK_16fcd8ab8bc042688984d5b3934" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "course_versions"
            ADD CONSTRAINT "FK_96b0b3af95beb8d96552b3321c5" FOREIGN KEY ("parent_version_id") REFERENCES "course_versions"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "course_versions"
            ADD CONSTRAINT "FK_f61619102a0736510ac15703fd3" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "course_authors"
            ADD CONSTRAINT "FK_55fa190748feace3eb37fc5b2bd" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "course_authors"
            ADD CONSTRAINT "FK_1fc13022d4008b3eb751e545dcb" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "review_comments"
            ADD CONSTRAINT "FK_53f29ba20c74dfa0c34404d5f1a" FOREIGN KEY ("version_id") REFERENCES "course_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "review_comments"
            ADD CONSTRAINT "FK_4273cc28b4f580da698d4fa4bcf" FOREIGN KEY ("parent_id") REFERENCES "review_comments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "review_comments"
            ADD CONSTRAINT "FK_893e74587e84b8e5d58d6f68f24" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(IMMUTABLE_FUNCTION);
        for (const table of TABLES) {
            await queryRunner.query(`CREATE TRIGGER trg_${table}_published_immutable BEFORE UPDATE ON "${table}" FOR EACH ROW EXECUTE FUNCTION refuse_published_course_change()`);
        }
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        for (const table of TABLES) {
            await queryRunner.query(`DROP TRIGGER trg_${table}_published_immutable ON "${table}"`);
        }
        await queryRunner.query(`DROP FUNCTION refuse_published_course_change()`);
        await queryRunner.query(`
            ALTER TABLE "review_comments" DROP CONSTRAINT "FK_893e74587e84b8e5d58d6f68f24"
        `);
        await queryRunner.query(`
            ALTER TABLE "review_comments" DROP CONSTRAINT "FK_4273cc28b4f580da698d4fa4bcf"
        `);
        await queryRunner.query(`
            ALTER TABLE "review_comments" DROP CONSTRAINT "FK_53f29ba20c74dfa0c34404d5f1a"
        `);
        await queryRunner.query(`
            ALTER TABLE "course_authors" DROP CONSTRAINT "FK_1fc13022d4008b3eb751e545dcb"
        `);
        await queryRunner.query(`
            ALTER TABLE "course_authors" DROP CONSTRAINT "FK_55fa190748feace3eb37fc5b2bd"
        `);
        await queryRunner.query(`
            ALTER TABLE "course_versions" DROP CONSTRAINT "FK_f61619102a0736510ac15703fd3"
        `);
        await queryRunner.query(`
            ALTER TABLE "course_versions" DROP CONSTRAINT "FK_96b0b3af95beb8d96552b3321c5"
        `);
        await queryRunner.query(`
            ALTER TABLE "courses" DROP CONSTRAINT "FK_16fcd8ab8bc042688984d5b3934"
        `);
        await queryRunner.query(`
            ALTER TABLE "course_versions" DROP COLUMN "submitted_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "course_versions" DROP COLUMN "created_by"
        `);
        await queryRunner.query(`
            ALTER TABLE "course_versions" DROP COLUMN "parent_version_id"
        `);
        await queryRunner.query(`
            ALTER TABLE "course_versions" DROP COLUMN "cover_image_key"
        `);
        await queryRunner.query(`
            ALTER TABLE "courses" DROP COLUMN "created_by"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_review_comments_version"
        `);
        await queryRunner.query(`
            DROP TABLE "review_comments"
        `);
        await queryRunner.query(`
            DROP TABLE "course_authors"
        `);
    }

}
