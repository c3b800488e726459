import { MigrationInterface, QueryRunner } from "typeorm";

export class IdentityAndUnits1795441307361 implements MigrationInterface {
    name = 'IdentityAndUnits1795441307361'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "audit_log" (
                "id" BIGSERIAL NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "actor_id" uuid,
                "action" character varying(64) NOT NULL,
                "subject_type" character varying(40) NOT NULL,
                "subject_id" text,
                "details" jsonb NOT NULL DEFAULT '{}',
                "request_id" character varying(128),
                CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_audit_log_subject" ON "audit_log" ("subject_type", "subject_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_audit_log_actor" ON "audit_log" ("actor_id", "at")
        `);
        await queryRunner.query(`
            CREATE TABLE "oidc_identities" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "issuer" text NOT NULL,
                "subject" text NOT NULL,
                "national_id_hmac" character varying(64),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_oidc_identities_issuer_subject" UNIQUE ("issuer", "subject"),
                CONSTRAINT "PK_5f2ee4d63e1d0ca3bc5c924dcf4" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_oidc_identities_national_id" ON "oidc_identities" ("national_id_hmac")
            WHERE "national_id_hmac" IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "password_resets" (
                "token_hash" character varying(64) NOT NULL,
                "user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_323290a9239ad3d397ad78018ec" PRIMARY KEY ("token_hash")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_password_resets_user" ON "password_resets" ("user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "role_assignments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "role" character varying(20) NOT NULL,
                "unit_id" uuid,
                "granted_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_role_assignments_scope" CHECK (
                    ("role" IN ('official', 'facilitator')) = ("unit_id" IS NOT NULL)
                ),
                CONSTRAINT "ck_role_assignments_role" CHECK (
                    "role" IN (
                        'learner',
                        'author',
                        'reviewer',
                        'facilitator',
                        'mentor',
                        'official',
                        'administrator'
                    )
                ),
                CONSTRAINT "PK_fc2df9835ac1d2a34839f113783" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_role_assignments_unscoped" ON "role_assignments" ("user_id", "role")
            WHERE "unit_id" IS NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_role_assignments" ON "role_assignments" ("user_id", "role", "unit_id")
            WHERE "unit_id" IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "sessions" (
                "token_hash" character varying(64) NOT NULL,
                "user_id" uuid NOT NULL,
                "csrf_token" character varying(64) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_abaa9e068cdd390bc5210f79884" PRIMARY KEY ("token_hash")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_sessions_user" ON "sessions" ("user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "display_name" text NOT NULL,
                "phone" character varying(20),
                "email" character varying(254),
                "password_hash" text,
                "birth_year" integer,
                "unit_id" uuid,
                "target_group" character varying(32),
                "audiences" text array NOT NULL DEFAULT '{}',
                "preferences" jsonb NOT NULL DEFAULT '{}',
                "disabled_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_users_birth_year" CHECK (
                    "birth_year" IS NULL
                    OR "birth_year" BETWEEN 1900 AND 2100
                ),
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_users_unit" ON "users" ("unit_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_users_email" ON "users" ("email")
            WHERE "email" IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_users_phone" ON "users" ("phone")
            WHERE "phone" IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "administrative_units" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "code" character varying(32) NOT NULL,
                "name" text NOT NULL,
                "level" character varying(16) NOT NULL,
                "parent_id" uuid,
                "path" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_78ee5a7835ce8072e55a8493895" UNIQUE ("code"),
                CONSTRAINT "ck_administrative_units_level" CHECK (
                    "level" IN ('country', 'province', 'commune', 'village')
                ),
                CONSTRAINT "PK_97f662b9b848ae0982347d7d1d3" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "households" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "unit_id" uuid NOT NULL,
                "name" text NOT NULL,
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_2b1aef2640717132e9231aac756" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_households_unit" ON "households" ("unit_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "household_members" (
                "user_id" uuid NOT NULL,
                "household_id" uuid NOT NULL,
                "relation" character varying(40),
                "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7e5f19ba92bb79aa4a6400e3827" PRIMARY KEY ("user_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "unit_populations" (
                "unit_id" uuid NOT NULL,
                "target_group" character varying(32) NOT NULL,
                "year" integer NOT NULL,
                "population" integer NOT NULL,
                CONSTRAINT "ck_unit_populations_population" CHECK ("population" >= 0),
                CONSTRAINT "PK_1c03ab43353cd0dd26e2b98d389" PRIMARY KEY ("unit_id", "target_group", "year")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "oidc_identities"
            ADD CONSTRAINT "FK_9fe6252422ff84d3a961b11b930" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "password_resets"
            ADD CONSTRAINT "FK_f7a4c3bc48f24df007936d217be" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "role_assignments"
            ADD CONSTRAINT "FK_d91c8ac0c10fd8c6acdcc5ee946" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "role_assignments"
            ADD CONSTRAINT "FK_a6cf1662cf8f40a90e5d6d91788" FOREIGN KEY ("unit_id") REFERENCES "administrative_units"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "sessions"
            ADD CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "FK_b94ecc6be926a5d23aa7791ec8a" FOREIGN KEY ("unit_id") REFERENCES "administrative_units"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "administrative_units"
            ADD CONSTRAINT "FK_1d33f2501763089f6790637a923" FOREIGN KEY ("parent_id") REFERENCES "administrative_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "households"
            ADD CONSTRAINT "FK_b6e4cbce357cb0b6f807c018379" FOREIGN KEY ("unit_id") REFERENCES "administrative_units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "households"
            ADD CONSTRAINT "FK_d710784d89c73eea4d97a8163cd" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "household_members"
            ADD CONSTRAINT "FK_7e5f19ba92bb79aa4a6400e3827" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "household_members"
            ADD CONSTRAINT "FK_6b8b13e8e04d123ec8cb8b5c318" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "unit_populations"
            ADD CONSTRAINT "FK_1bf619058650aca765c29d5d61c" FOREIGN KEY ("unit_id") REFERENCES "administrative_units"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        // Subtree queries are prefix matches on the materialised path.
        await queryRunner.query(`CREATE INDEX "ix_administrative_units_path" ON "administrative_units" ("path" text_pattern_ops)`);
        // The audit log is append-only: nothing may change or remove an entry.
        await queryRunner.query(`
            CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
            END $$
        `);
        await queryRunner.query(`
            CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "audit_log"
            FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TRIGGER "audit_log_append_only" ON "audit_log"`);
        await queryRunner.query(`DROP FUNCTION audit_log_append_only()`);
        await queryRunner.query(`DROP INDEX "ix_administrative_units_path"`);
        await queryRunner.query(`
            ALTER TABLE "unit_populations" DROP CONSTRAINT "FK_1bf619058650aca765c29d5d61c"
        `);
        await queryRunner.query(`
            ALTER TABLE "household_members" DROP CONSTRAINT "FK_6b8b13e8e04d123ec8cb8b5c318"
        `);
        await queryRunner.query(`
            ALTER TABLE "household_members" DROP CONSTRAINT "FK_7e5f19ba92bb79aa4a6400e3827"
        `);
        await queryRunner.query(`
            ALTER TABLE "households" DROP CONSTRAINT "FK_d710784d89c73eea4d97a8163cd"
        `);
        await queryRunner.query(`
            ALTER TABLE "households" DROP CONSTRAINT "FK_b6e4cbce357cb0b6f807c018379"
        `);
        await queryRunner.query(`
            ALTER TABLE "administrative_units" DROP CONSTRAINT "FK_1d33f2501763089f6790637a923"
        `);
        await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "FK_b94ecc6be926a5d23aa7791ec8a"
        `);
        await queryRunner.query(`
            ALTER TABLE "sessions" DROP CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19"
        `);
        await queryRunner.query(`
            ALTER TABLE "role_assignments" DROP CONSTRAINT "FK_a6cf1662cf8f40a90e5d6d91788"
        `);
        await queryRunner.query(`
            ALTER TABLE "role_assignments" DROP CONSTRAINT "FK_d91c8ac0c10fd8c6acdcc5ee946"
        `);
        await queryRunner.query(`
            ALTER TABLE "password_resets" DROP CONSTRAINT "FK_f7a4c3bc48f24df007936d217be"
        `);
        await queryRunner.query(`
            ALTER TABLE "oidc_identities" DROP CONSTRAINT "FK_9fe6252422ff84d3a961b11b930"
        `);
        await queryRunner.query(`
            DROP TABLE "unit_populations"
        `);
        await queryRunner.query(`
            DROP TABLE "household_members"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_households_unit"
        `);
        await queryRunner.query(`
            DROP TABLE "households"
        `);
        await queryRunner.query(`
            DROP TABLE "administrative_units"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_users_phone"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_users_email"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_users_unit"
        `);
        await queryRunner.query(`
            DROP TABLE "users"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_sessions_user"
        `);
        await queryRunner.query(`
            DROP TABLE "sessions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_role_assignments"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_role_assignments_unscoped"
        `);
        await queryRunner.query(`
            DROP TABLE "role_assignments"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_password_resets_user"
        `);
        await queryRunner.query(`
            DROP TABLE "password_resets"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_oidc_identities_national_id"
        `);
        await queryRunner.query(`
            DROP TABLE "oidc_identities"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_audit_log_actor"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_audit_log_subject"
        `);
        await queryRunner.query(`
            DROP TABLE "audit_log"
        `);
    }

}
