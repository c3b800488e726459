import { MigrationInterface, QueryRunner } from "typeorm";

export class MediaAssets1796179738722 implements MigrationInterface {
    name = 'MediaAssets1796179738722'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "media_assets" (
                "id" uuid NOT NULL,
                "owner_id" uuid,
                "status" character varying(20) NOT NULL DEFAULT 'uploading',
                "progress" smallint NOT NULL DEFAULT '0',
                "original_filename" text,
                "size_bytes" bigint,
                "mime_type" text,
                "source_key" text,
                "source_height" integer,
                "duration_seconds" double precision,
                "width" integer,
                "height" integer,
                "storage_prefix" text,
                "renditions" jsonb NOT NULL DEFAULT '[]',
                "has_audio" boolean NOT NULL DEFAULT false,
                "error_code" text,
                "error_message" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_media_assets_progress" CHECK (
                    "progress" BETWEEN 0 AND 100
                ),
                CONSTRAINT "ck_media_assets_status" CHECK (
                    "status" IN (
                        'uploading',
                        'queued',
                        'processing',
                        'ready',
                        'failed'
                    )
                ),
                CONSTRAINT "PK_ca47e9f67a5e5d8af1e75d66ee6" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_media_assets_owner" ON "media_assets" ("owner_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "media_captions" (
                "asset_id" uuid NOT NULL,
                "language" character varying(16) NOT NULL,
                "storage_key" text NOT NULL,
                "cue_count" integer NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_9361c5475edb5b375012232ec0e" PRIMARY KEY ("asset_id", "language")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "lessons"
            ADD "media_asset_id" uuid
        `);
        await queryRunner.query(`
            ALTER TABLE "lessons"
            ADD CONSTRAINT "FK_64724ad2a979d0fdac805c42526" FOREIGN KEY ("media_asset_id") REFERENCES "media_assets"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "media_assets"
            ADD CONSTRAINT "FK_a806352200cdb3c848b0db42a4f" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "media_captions"
            ADD CONSTRAINT "FK_4e3bce7895c868dce2b17ceebae" FOREIGN KEY ("asset_id") REFERENCES "media_assets"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "media_captions" DROP CONSTRAINT "FK_4e3bce7895c868dce2b17ceebae"
        `);
        await queryRunner.query(`
            ALTER TABLE "media_assets" DROP CONSTRAINT "FK_a806352200cdb3c848b0db42a4f"
        `);
        await queryRunner.query(`
            ALTER TABLE "lessons" DROP CONSTRAINT "FK_64724ad2a979d0fdac805c42526"
        `);
        await queryRunner.query(`
            ALTER TABLE "lessons" DROP COLUMN "media_asset_id"
        `);
        await queryRunner.query(`
            DROP TABLE "media_captions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_media_assets_owner"
        `);
        await queryRunner.query(`
            DROP TABLE "media_assets"
        `);
    }

}
