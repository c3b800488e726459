import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { createHash, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { XapiForwardingService } from '../../apps/api/src/modules/xapi/xapi-forwarding.service';
import { XapiStatementService } from '../../apps/api/src/modules/xapi/xapi-statement.service';
import { QueueName } from '../../apps/api/src/queue/queues';
import { startApi, startWorker, waitFor, type RunningApi } from '../support/app';
import { deleteKeysWithPrefix, ownQueuePrefix } from '../support/redis-keys';
import { createXapiClient, lrs, multipart, statement, type TestXapiClient } from '../support/xapi-fixtures';
import { startRemoteLrs, type RemoteLrs } from '../support/xapi-remote-lrs';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('xAPI forwarding to an external LRS (a second hocso instance on its own database)', () => {
  const prefix = ownQueuePrefix('xapi-forward');
  let remote: RemoteLrs;
  let remoteClient: TestXapiClient;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let db: DataSource;
  let local: TestXapiClient;

  beforeAll(async () => {
    remote = await startRemoteLrs();
    remoteClient = await createXapiClient(remote.db, ['all'], 'forwarder');
    const config = { QUEUE_PREFIX: prefix, XAPI_FORWARD_URL: remote.endpoint, XAPI_FORWARD_USERNAME: remoteClient.key, XAPI_FORWARD_PASSWORD: remoteClient.secret };
    api = await startApi(config);
    worker = await startWorker(config);
    db = api.app.get<DataSource>(getDataSourceToken());
    local = await createXapiClient(db, ['all']);
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await remote?.close();
    await deleteKeysWithPrefix(prefix);
    if (remote) await deleteKeysWithPrefix(remote.queuePrefix);
  });

  const remoteGet = (id: string) => lrs(remote.api.url, remoteClient).get(`/xapi/statements?statementId=${id}`);
  const arrived = (id: string) => waitFor(async () => ((await remoteGet(id)).status === 200 ? true : undefined), `statement ${id} at the remote LRS`);

  it('new statements reach the external LRS with the same id and content, and are recorded as forwarded', async () => {
    const s = statement();
    const ids = (await lrs(api.url, local).post('/xapi/statements', [s, statement()]).expect(200)).body as string[];
    for (const id of ids) await arrived(id);
    const there = (await remoteGet(ids[0]!).expect(200)).body;
    expect(there).toMatchObject({ id: ids[0], actor: s.actor, verb: s.verb, object: s.object });
    // The remote LRS is the authority of its copy (it stored it from our forwarding credentials).
    expect(there.authority.account.name).toBe(remoteClient.key);
    const rows = await db.query(`SELECT statement_id FROM xapi_forwarded WHERE statement_id = ANY($1::uuid[])`, [ids]);
    expect(rows).toHaveLength(2);
  });

  it('attachment data travels along (multipart/mixed)', async () => {
    const data = Buffer.from(`Bằng khen ${randomUUID()}`);
    const s = statement({ attachments: [{ usageType: 'http://adlnet.gov/expapi/attachments/certificate', display: { vi: 'Bằng khen' }, contentType: 'text/plain', length: data.length, sha2: sha256(data) }] });
    const body = multipart(s, [{ contentType: 'text/plain', data, sha2: sha256(data) }]);
    const [id] = (await lrs(api.url, local).post('/xapi/statements').set('content-type', body.contentType).send(body.body).expect(200)).body as string[];
    await arrived(id!);
    const [row] = await remote.db.query(`SELECT content FROM xapi_attachments WHERE sha2 = $1`, [sha256(data)]);
    expect(Buffer.compare(row.content, data)).toBe(0);
  });

  it('a repeated job forwards nothing twice', async () => {
    const [id] = (await lrs(api.url, local).post('/xapi/statements', statement()).expect(200)).body as string[];
    await arrived(id!);
    await waitFor(async () => ((await db.query(`SELECT 1 FROM xapi_forwarded WHERE statement_id = $1`, [id])).length ? true : undefined), 'the forwarded record');
    const forwarding = worker.get(XapiForwardingService);
    expect(await forwarding.forward([id!])).toEqual({ forwarded: 0, skipped: 1 });
    const [{ count }] = await remote.db.query(`SELECT count(*)::int AS count FROM xapi_statements WHERE id = $1`, [id]);
    expect(count).toBe(1);
  });

  it('a failure at the external LRS is retried with backoff until it succeeds', async () => {
    await remote.db.query(`UPDATE xapi_clients SET revoked_at = now() WHERE id = $1`, [remoteClient.id]);
    const [id] = (await lrs(api.url, local).post('/xapi/statements', statement()).expect(200)).body as string[];
    const queue = api.app.get<Queue>(getQueueToken(QueueName.Xapi));
    // The first attempt fails (401 at the remote LRS) and the job waits for its retry.
    await waitFor(async () => {
      const jobs = await queue.getJobs(['delayed', 'failed']);
      return jobs.find((j) => (j.data as { statementIds: string[] }).statementIds.includes(id!) && j.attemptsMade >= 1) ? true : undefined;
    }, 'a failed first attempt');
    expect(await db.query(`SELECT 1 FROM xapi_forwarded WHERE statement_id = $1`, [id])).toHaveLength(0);
    await remote.db.query(`UPDATE xapi_clients SET revoked_at = NULL WHERE id = $1`, [remoteClient.id]);
    await waitFor(async () => ((await remoteGet(id!)).status === 200 ? true : undefined), 'the retried forwarding', 20_000);
  }, 40_000);

  it('statements the platform records itself are forwarded too', async () => {
    const s = statement({ id: randomUUID() });
    await api.app.get(XapiStatementService).recordSystemStatements([s]);
    await arrived(s.id as string);
  });
});
