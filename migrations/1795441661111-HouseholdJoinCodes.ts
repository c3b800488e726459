import { MigrationInterface, QueryRunner } from "typeorm";

/** A short code per household that family members type to join it. */
export class HouseholdJoinCodes1795441661111 implements MigrationInterface {
    name = 'HouseholdJoinCodes1795441661111'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "households" ADD "join_code" character varying(12)`);
        // Households made before codes existed get one (same alphabet as the service: no 0/O, 1/I/L).
        // The subquery refers to the row (h.id) so that it is evaluated, and random, for each row.
        await queryRunner.query(`
            UPDATE "households" h SET "join_code" = (
                SELECT string_agg(substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + floor(random() * 31)::int, 1), '')
                  FROM generate_series(1, 8) WHERE h."id" IS NOT NULL
            )
        `);
        await queryRunner.query(`ALTER TABLE "households" ALTER COLUMN "join_code" SET NOT NULL`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_households_join_code" ON "households" ("join_code")`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."uq_households_join_code"`);
        await queryRunner.query(`ALTER TABLE "households" DROP COLUMN "join_code"`);
    }

}
