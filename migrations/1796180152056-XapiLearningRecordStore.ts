import { MigrationInterface, QueryRunner } from "typeorm";

export class XapiLearningRecordStore1796180152056 implements MigrationInterface {
    name = 'XapiLearningRecordStore1796180152056'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "xapi_activities" (
                "activity_id" text NOT NULL,
                "definition" jsonb NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_43a83096a3ef1d58f620ee64941" PRIMARY KEY ("activity_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "xapi_attachments" (
                "sha2" character varying(128) NOT NULL,
                "content_type" character varying(255) NOT NULL,
                "content" bytea NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_514c083d4c996b96e9ea35b8fd2" PRIMARY KEY ("sha2")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "xapi_clients" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "key" character varying(64) NOT NULL,
                "secret_hash" character varying(64) NOT NULL,
                "name" character varying(200) NOT NULL,
                "scopes" text array NOT NULL,
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "last_used_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "UQ_cfe03cea61337f1de8f7fc6cdb7" UNIQUE ("key"),
                CONSTRAINT "PK_67d31b73bef65d340ac56ae271c" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "xapi_documents" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" character varying(20) NOT NULL,
                "activity_id" text NOT NULL DEFAULT '',
                "agent_ifi" text NOT NULL DEFAULT '',
                "registration" character varying(36) NOT NULL DEFAULT '',
                "document_id" text NOT NULL,
                "content" bytea NOT NULL,
                "content_type" character varying(255) NOT NULL,
                "etag" character varying(64) NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_95f8d4b2d611e67c4b753f90433" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_xapi_documents_key" ON "xapi_documents" (
                "kind",
                "activity_id",
                "agent_ifi",
                "registration",
                "document_id"
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "xapi_forwarded" (
                "statement_id" uuid NOT NULL,
                "forwarded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_c3deacd5684341b4ef4c28bc90a" PRIMARY KEY ("statement_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "xapi_statements" (
                "id" uuid NOT NULL,
                "stored" TIMESTAMP WITH TIME ZONE NOT NULL,
                "statement" jsonb NOT NULL,
                "content_hash" character varying(64) NOT NULL,
                "verb_id" text NOT NULL,
                "registration" uuid,
                "statement_ref" uuid,
                "voided" boolean NOT NULL DEFAULT false,
                "is_voiding" boolean NOT NULL DEFAULT false,
                "client_id" uuid,
                "attachment_sha2s" text array NOT NULL DEFAULT '{}',
                CONSTRAINT "PK_883738d4aefdd18a927f083f619" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_xapi_statements_stored" ON "xapi_statements" ("stored")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_xapi_statements_client" ON "xapi_statements" ("client_id", "stored")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_xapi_statements_ref" ON "xapi_statements" ("statement_ref")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_xapi_statements_registration" ON "xapi_statements" ("registration", "stored")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_xapi_statements_verb" ON "xapi_statements" ("verb_id", "stored")
        `);
        await queryRunner.query(`
            CREATE TABLE "xapi_statement_refs" (
                "statement_id" uuid NOT NULL,
                "kind" character varying(10) NOT NULL,
                "value" text NOT NULL,
                "direct" boolean NOT NULL,
                CONSTRAINT "PK_d838d63539535f8931610214396" PRIMARY KEY ("statement_id", "kind", "value")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_xapi_statement_refs_value" ON "xapi_statement_refs" ("kind", "value")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."ix_xapi_statement_refs_value"
        `);
        await queryRunner.query(`
            DROP TABLE "xapi_statement_refs"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_xapi_statements_verb"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_xapi_statements_registration"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_xapi_statements_ref"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_xapi_statements_client"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_xapi_statements_stored"
        `);
        await queryRunner.query(`
            DROP TABLE "xapi_statements"
        `);
        await queryRunner.query(`
            DROP TABLE "xapi_forwarded"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_xapi_documents_key"
        `);
        await queryRunner.query(`
            DROP TABLE "xapi_documents"
        `);
        await queryRunner.query(`
            DROP TABLE "xapi_clients"
        `);
        await queryRunner.query(`
            DROP TABLE "xapi_attachments"
        `);
        await queryRunner.query(`
            DROP TABLE "xapi_activities"
        `);
    }

}
