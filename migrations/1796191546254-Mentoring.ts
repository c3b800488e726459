import { MigrationInterface, QueryRunner } from "typeorm";

/** Digital Ambassadors: mentorships (invitation → active → ended) and the nudges mentors send. */
export class Mentoring1796191546254 implements MigrationInterface {
    name = 'Mentoring1796191546254'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "mentorships" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "mentor_user_id" uuid NOT NULL, "mentee_user_id" uuid NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'invited', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_mentorships_not_self" CHECK ("mentor_user_id" <> "mentee_user_id"), CONSTRAINT "ck_mentorships_status" CHECK ("status" IN ('invited', 'active', 'declined', 'ended')), CONSTRAINT "PK_57c594aeb4b0aed94a827f82c48" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_mentorships_mentor" ON "mentorships"  ("mentor_user_id") WHERE "ended_at" IS NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_mentorships_active_mentee" ON "mentorships"  ("mentee_user_id") WHERE "status" = 'active'`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_mentorships_open_pair" ON "mentorships"  ("mentor_user_id", "mentee_user_id") WHERE "ended_at" IS NULL`);
        await queryRunner.query(`CREATE TABLE "mentor_nudges" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "mentorship_id" uuid NOT NULL, "mentor_user_id" uuid NOT NULL, "mentee_user_id" uuid NOT NULL, "client_id" uuid NOT NULL, "preset" character varying(32) NOT NULL, "note" text, "sent_on" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_mentor_nudges_daily" UNIQUE ("mentor_user_id", "mentee_user_id", "sent_on"), CONSTRAINT "uq_mentor_nudges_client" UNIQUE ("mentor_user_id", "client_id"), CONSTRAINT "ck_mentor_nudges_note" CHECK ("note" IS NULL OR char_length("note") <= 200), CONSTRAINT "ck_mentor_nudges_preset" CHECK ("preset" IN ('keep_going', 'finish_lesson', 'retry_quiz', 'come_back', 'need_help')), CONSTRAINT "PK_312879a2d3b097b65d042526d0a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "ix_mentor_nudges_mentee" ON "mentor_nudges"  ("mentee_user_id", "created_at") `);
        await queryRunner.query(`ALTER TABLE "mentorships" ADD CONSTRAINT "FK_8cad40a353e2f85cf89f472b878" FOREIGN KEY ("mentor_user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "mentorships" ADD CONSTRAINT "FK_a39f5d8d20ff63be72dacc872d3" FOREIGN KEY ("mentee_user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "mentorships" ADD CONSTRAINT "FK_c7aa4bb02f005a894e76ecf0dbc" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "mentor_nudges" ADD CONSTRAINT "FK_bd9e48d91201e064ad39cbf7d11" FOREIGN KEY ("mentorship_id") REFERENCES "mentorships"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "mentor_nudges" ADD CONSTRAINT "FK_3cc9a8b0bc386bb7661b02d509b" FOREIGN KEY ("mentor_user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "mentor_nudges" ADD CONSTRAINT "FK_b38b95beaa390a5915beae5a77b" FOREIGN KEY ("mentee_user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "mentor_nudges" DROP CONSTRAINT "FK_b38b95beaa390a5915beae5a77b"`);
        await queryRunner.query(`ALTER TABLE "mentor_nudges" DROP CONSTRAINT "FK_3cc9a8b0bc386bb7661b02d509b"`);
        await queryRunner.query(`ALTER TABLE "mentor_nudges" DROP CONSTRAINT "FK_bd9e48d91201e064ad39cbf7d11"`);
        await queryRunner.query(`ALTER TABLE "mentorships" DROP CONSTRAINT "FK_c7aa4bb02f005a894e76ecf0dbc"`);
        await queryRunner.query(`ALTER TABLE "mentorships" DROP CONSTRAINT "FK_a39f5d8d20ff63be72dacc872d3"`);
        await queryRunner.query(`ALTER TABLE "mentorships" DROP CONSTRAINT "FK_8cad40a353e2f85cf89f472b878"`);
        await queryRunner.query(`DROP INDEX "public"."ix_mentor_nudges_mentee"`);
        await queryRunner.query(`DROP TABLE "mentor_nudges"`);
        await queryRunner.query(`DROP INDEX "public"."uq_mentorships_open_pair"`);
        await queryRunner.query(`DROP INDEX "public"."uq_mentorships_active_mentee"`);
        await queryRunner.query(`DROP INDEX "public"."ix_mentorships_mentor"`);
        await queryRunner.query(`DROP TABLE "mentorships"`);
    }
}
