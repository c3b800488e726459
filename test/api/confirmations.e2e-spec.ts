import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomBytes, randomInt } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { CertificatesService } from '../../apps/api/src/modules/certificates/certificates.service';
import { startApi, startWorker, waitFor, type RunningApi } from '../support/app';
import { startNationalIdReceiver, type NationalIdReceiver } from '../support/national-id-receiver';
import { confirmCitizen, linkNationalId } from '../support/national-id-receiver-fixtures';
import { deleteKeysWithPrefix, ownQueuePrefix } from '../support/redis-keys';
import { as, auditOf, createPerson, type TestPerson } from '../support/scope-fixtures';

const prefix = ownQueuePrefix('confirmations');
const secret = randomBytes(32).toString('base64url');

interface OutboxRow {
  id: string;
  status: string;
  attempts: number;
  payload: Record<string, unknown>;
}

describe('confirmations to the national ID system (real receiver process, real worker)', () => {
  let receiver: NationalIdReceiver;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let db: DataSource;
  let admin: TestPerson;

  beforeAll(async () => {
    receiver = await startNationalIdReceiver(secret);
    const env = {
      QUEUE_PREFIX: prefix,
      CERT_SIGNING_KEYS: JSON.stringify([{ id: 'k1', seed: randomBytes(32).toString('hex') }]),
      CERT_SWEEP_MINUTES: '0',
      NATIONAL_ID_CONFIRMATION_URL: receiver.url,
      NATIONAL_ID_CONFIRMATION_SECRET: secret,
      NATIONAL_ID_CONFIRMATION_ATTEMPTS: '3',
      NATIONAL_ID_CONFIRMATION_BACKOFF_MS: '150',
    };
    api = await startApi(env);
    worker = await startWorker(env);
    db = api.app.get<DataSource>(getDataSourceToken());
    admin = await createPerson(db, { roles: [{ role: 'administrator' }] });
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await receiver.close();
    await deleteKeysWithPrefix(prefix);
  });

  /** A learner linked to the national ID who becomes confirmed; returns their outbox row once it reaches a final state. */
  async function confirmLearner(name: string, finalStatus: string) {
    const person = await createPerson(db, { name });
    const nationalId = `0012${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
    const identity = await linkNationalId(db, person.id, nationalId);
    await confirmCitizen(db, person.id);
    await api.app.get(CertificatesService).requestUniversalisationCheck(person.id, 'e2e');
    const row = await waitFor(
      async () => {
        const rows = (await db.query(
          `SELECT n.id, n.status, n.attempts, n.payload FROM national_id_confirmations n JOIN certificates c ON c.id = n.certificate_id WHERE c.user_id = $1`,
          [person.id],
        )) as OutboxRow[];
        return rows[0] && rows[0].status === finalStatus ? rows[0] : undefined;
      },
      `the confirmation of ${name} to be ${finalStatus}`,
      20_000,
    );
    return { person, identity, row, nationalId };
  }

  const logOf = async (id: string) =>
    (await db.query(`SELECT attempt, trigger, status_code AS "statusCode", error FROM national_id_delivery_attempts WHERE confirmation_id = $1 ORDER BY id`, [id])) as {
      attempt: number;
      trigger: string;
      statusCode: number | null;
      error: string | null;
    }[];

  it('writes the outbox row with the certificate and delivers it, signed, with the national ID subject and never the number', async () => {
    const { person, identity, row, nationalId } = await confirmLearner('Đinh Thị Lụa', 'delivered');
    const [cert] = (await db.query(`SELECT id, serial, created_at FROM certificates WHERE user_id = $1`, [person.id])) as [{ id: string; serial: string }];
    expect(row.payload).toMatchObject({
      type: 'digital-literacy-universalisation',
      person: { issuer: identity.issuer, subject: identity.subject, nationalIdHmac: identity.nationalIdHmac },
      achievement: { kind: 'universalisation', targetGroup: 'citizens' },
      certificate: { serial: cert.serial },
    });
    const state = await receiver.state();
    const received = state.deliveries.filter((d) => d.key === row.id);
    expect(received).toHaveLength(1);
    expect(received[0]!.payload).toEqual(row.payload);
    expect(JSON.stringify(state)).not.toContain(nationalId);
    expect(JSON.stringify(row.payload)).not.toContain(nationalId);
    expect(state.rejected).toBe(0);
    expect(await logOf(row.id)).toEqual([{ attempt: 1, trigger: 'job', statusCode: 200, error: null }]);
  });

  it('retries with backoff after 500s and delivers once', async () => {
    await receiver.fail(2);
    const { row } = await confirmLearner('Vàng A Chứ', 'delivered');
    expect(row.attempts).toBe(3);
    expect((await logOf(row.id)).map((a) => a.statusCode)).toEqual([500, 500, 200]);
    expect((await receiver.state()).deliveries.filter((d) => d.key === row.id)).toHaveLength(1);
  });

  it('a delivery whose answer was lost is sent again and deduplicated by the idempotency key', async () => {
    await receiver.fail(1, 'after');
    const before = (await receiver.state()).duplicates;
    const { row } = await confirmLearner('Lường Văn Tư', 'delivered');
    const state = await receiver.state();
    expect(state.deliveries.filter((d) => d.key === row.id)).toHaveLength(1);
    expect(state.duplicates).toBe(before + 1);
    expect((await logOf(row.id)).map((a) => a.statusCode)).toEqual([500, 200]);
  });

  it('gives up after the last attempt (dead), and an administrator replays it (audited)', async () => {
    await receiver.fail(3);
    const { row } = await confirmLearner('Sùng Thị Mai', 'dead');
    expect(row.attempts).toBe(3);
    const list = await as(api.url, admin).get('/api/v1/admin/confirmations?status=dead').expect(200);
    expect(list.body.items.find((c: { id: string }) => c.id === row.id)).toMatchObject({ status: 'dead', attempts: 3, lastStatusCode: 500, log: [{ statusCode: 500 }, { statusCode: 500 }, { statusCode: 500 }] });

    const learner = await createPerson(db);
    await as(api.url, learner).post(`/api/v1/admin/confirmations/${row.id}/replay`).expect(403);
    await as(api.url, admin).post(`/api/v1/admin/confirmations/${row.id}/replay`).expect(204);
    await waitFor(async () => {
      const [r] = (await db.query(`SELECT status FROM national_id_confirmations WHERE id = $1`, [row.id])) as [{ status: string }];
      return r.status === 'delivered' ? true : undefined;
    }, 'the replayed confirmation to be delivered');
    expect((await logOf(row.id)).map((a) => [a.trigger, a.statusCode])).toEqual([['job', 500], ['job', 500], ['job', 500], ['replay', 200]]);
    expect((await receiver.state()).deliveries.filter((d) => d.key === row.id)).toHaveLength(1);
    expect(await auditOf(db, admin.id, 'confirmation.replay')).toEqual([expect.objectContaining({ subjectId: row.id, details: { previousStatus: 'dead' } })]);
    // A delivered one cannot be replayed.
    await as(api.url, admin).post(`/api/v1/admin/confirmations/${row.id}/replay`).expect(409);
  });

  it('a learner without a national ID link gets the certificate but no outbox row', async () => {
    const person = await createPerson(db);
    await confirmCitizen(db, person.id);
    const outcome = await worker.get(CertificatesService).checkUniversalisation({ userId: person.id });
    expect(outcome.created).toBe(true);
    const rows = (await db.query(`SELECT 1 FROM national_id_confirmations WHERE certificate_id = $1`, [outcome.certificateId])) as unknown[];
    expect(rows).toHaveLength(0);
  });
});
