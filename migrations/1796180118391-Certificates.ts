import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Certificates (once per achievement), the outbox of confirmations to the national ID system and its delivery log. */
export class Certificates1796180118391 implements MigrationInterface {
    name = 'Certificates1796180118391';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "certificates" (
                "id" uuid NOT NULL,
                "serial" character varying(20) NOT NULL,
                "user_id" uuid NOT NULL,
                "achievement_kind" character varying(20) NOT NULL,
                "achievement_ref" character varying(100) NOT NULL,
                "achievement_name" jsonb NOT NULL,
                "recipient_name" text NOT NULL,
                "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "status_index" integer NOT NULL,
                "key_id" character varying(64) NOT NULL,
                "credential" jsonb NOT NULL,
                "pdf_key" text NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "revocation_reason" text,
                "revoked_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_certificates_status_index" UNIQUE ("status_index"),
                CONSTRAINT "uq_certificates_serial" UNIQUE ("serial"),
                CONSTRAINT "uq_certificates_achievement" UNIQUE ("user_id", "achievement_kind", "achievement_ref"),
                CONSTRAINT "ck_certificates_kind" CHECK (
                    "achievement_kind" IN ('course', 'universalisation')
                ),
                CONSTRAINT "PK_e4c7e31e2144300bea7d89eb165" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_certificates_user" ON "certificates" ("user_id", "issued_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "national_id_confirmations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "certificate_id" uuid NOT NULL,
                "payload" jsonb NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'pending',
                "attempts" integer NOT NULL DEFAULT '0',
                "last_status_code" integer,
                "last_error" text,
                "next_attempt_at" TIMESTAMP WITH TIME ZONE,
                "delivered_at" TIMESTAMP WITH TIME ZONE,
                "replays" integer NOT NULL DEFAULT '0',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_national_id_confirmations_certificate" UNIQUE ("certificate_id"),
                CONSTRAINT "ck_national_id_confirmations_status" CHECK (
                    "status" IN ('pending', 'delivered', 'failed', 'dead')
                ),
                CONSTRAINT "PK_bacd269094037a71c7855305917" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_national_id_confirmations_status" ON "national_id_confirmations" ("status", "next_attempt_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "national_id_delivery_attempts" (
                "id" BIGSERIAL NOT NULL,
                "confirmation_id" uuid NOT NULL,
                "attempt" integer NOT NULL,
                "trigger" character varying(16) NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "status_code" integer,
                "error" text,
                "duration_ms" integer NOT NULL,
                CONSTRAINT "PK_596061d462261929cb5f55bad3b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_national_id_delivery_attempts_confirmation" ON "national_id_delivery_attempts" ("confirmation_id", "at")
        `);
        await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "FK_88f90b1b9c635c14271e509cec0" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "national_id_confirmations"
            ADD CONSTRAINT "FK_53a37f18e0514ac5f1fbe9da3b8" FOREIGN KEY ("certificate_id") REFERENCES "certificates"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "national_id_delivery_attempts"
            ADD CONSTRAINT "FK_f9c3ea10da0be6da915643d7963" FOREIGN KEY ("confirmation_id") REFERENCES "national_id_confirmations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "national_id_delivery_attempts" DROP CONSTRAINT "FK_f9c3ea10da0be6da915643d7963"
        `);
        await queryRunner.query(`
            ALTER TABLE "national_id_confirmations" DROP CONSTRAINT "FK_53a37f18e0514ac5f1fbe9da3b8"
        `);
        await queryRunner.query(`
            ALTER TABLE "certificates" DROP CONSTRAINT "FK_88f90b1b9c635c14271e509cec0"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_national_id_delivery_attempts_confirmation"
        `);
        await queryRunner.query(`
            DROP TABLE "national_id_delivery_attempts"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_national_id_confirmations_status"
        `);
        await queryRunner.query(`
            DROP TABLE "national_id_confirmations"
        `);
        await queryRunner.query(`
            DROP TABLE "certificates"
        `);
    }
}
