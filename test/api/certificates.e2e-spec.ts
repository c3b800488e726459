import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Queue, Worker, type Job } from 'bullmq';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { CertificatesProcessor } from '../../apps/api/src/modules/certificates/certificates.processor';
import { CertificatesService } from '../../apps/api/src/modules/certificates/certificates.service';
import { verifyCredential } from '../../apps/api/src/modules/certificates/crypto/verify-credential';
import { parseSigningKeys } from '../../apps/api/src/modules/certificates/signing-keys';
import { JobName, QueueName, jobId } from '../../apps/api/src/queue/queues';
import { redisOptionsFromUrl } from '../../apps/api/src/queue/redis-connection';
import { startApi, startWorker, waitFor, type RunningApi } from '../support/app';
import { testEnv } from '../support/env';
import { completeCourse, confirmCitizen, createPublishedCourse } from '../support/national-id-receiver-fixtures';
import { deleteKeysWithPrefix, ownQueuePrefix } from '../support/redis-keys';
import { as, auditOf, createPerson, type TestPerson } from '../support/scope-fixtures';

const prefix = ownQueuePrefix('certificates');
const killPrefix = ownQueuePrefix('certificates-kill');
const seed1 = randomBytes(32).toString('hex');
const seed2 = randomBytes(32).toString('hex');
const keys1 = JSON.stringify([{ id: 'k1', seed: seed1 }]);
const env = { QUEUE_PREFIX: prefix, CERT_SIGNING_KEYS: keys1, CERT_ACTIVE_KEY_ID: 'k1', CERT_SWEEP_MINUTES: '0', PUBLIC_URL: 'http://hocso.example.vn' };

const certificateCount = async (db: DataSource, userId: string, kind = 'course'): Promise<number> =>
  Number(((await db.query(`SELECT count(*)::int AS n FROM certificates WHERE user_id = $1 AND achievement_kind = $2`, [userId, kind])) as [{ n: number }])[0].n);

/** The status list a credential points to (a later one once the first lists are half full), as a path. */
function statusListPath(credential: Record<string, unknown>): string {
  return new URL((credential['credentialStatus'] as { statusListCredential: string }).statusListCredential).pathname;
}

describe('certificates (real PostgreSQL, Redis, BullMQ worker)', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let db: DataSource;
  let learner: TestPerson;
  let other: TestPerson;
  let admin: TestPerson;
  let certificateId: string;
  let serial: string;
  let credential: Record<string, unknown>;

  beforeAll(async () => {
    api = await startApi(env);
    worker = await startWorker(env);
    db = api.app.get<DataSource>(getDataSourceToken());
    learner = await createPerson(db, { name: 'Nguyễn Thị Hồng Nhung' });
    other = await createPerson(db, { name: 'Lò Văn Páo' });
    admin = await createPerson(db, { roles: [{ role: 'administrator' }] });
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await deleteKeysWithPrefix(prefix);
    await deleteKeysWithPrefix(killPrefix);
  });

  it('issues exactly one certificate for a completed course, after a duplicate enqueue and concurrent runs', async () => {
    const course = await createPublishedCourse(db);
    const service = api.app.get(CertificatesService);
    // Not completed yet: the job issues nothing.
    expect(await worker.get(CertificatesService).issue({ userId: learner.id, kind: 'course', ref: course.courseId })).toMatchObject({ created: false, reason: 'not-achieved' });
    await completeCourse(db, learner.id, course);
    await service.requestCourseCertificate(learner.id, course.courseId);
    await service.requestCourseCertificate(learner.id, course.courseId);
    const queue = api.app.get<Queue>(getQueueToken(QueueName.Certificates));
    const id = jobId(JobName.IssueCertificate, learner.id, 'course', course.courseId);
    await waitFor(async () => ((await queue.getJobState(id)) === 'completed' ? true : undefined), 'the issue job to complete');
    // The same job delivered again, and three more runs at once: the unique constraint keeps one.
    const again = await Promise.all([1, 2, 3].map(() => worker.get(CertificatesService).issue({ userId: learner.id, kind: 'course', ref: course.courseId })));
    expect(again.map((r) => r.created)).toEqual([false, false, false]);
    expect(await certificateCount(db, learner.id)).toBe(1);

    const mine = await as(api.url, learner).get('/api/v1/me/certificates').expect(200);
    expect(mine.body.items).toHaveLength(1);
    const item = mine.body.items[0];
    expect(item).toMatchObject({ kind: 'course', status: 'valid', achievement: { vi: 'Dùng điện thoại thông minh an toàn', en: 'Using a smartphone safely' } });
    expect(item.serial).toMatch(/^HS-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(item.verifyUrl).toBe(`http://hocso.example.vn/xac-minh/${item.serial}`);
    certificateId = item.id;
    serial = item.serial;
  });

  it('the PDF carries the Vietnamese name, the achievement and the verification link as text (embedded font)', async () => {
    const res = await as(api.url, learner).get(`/api/v1/me/certificates/${certificateId}/pdf`).buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`${serial}.pdf`);
    const file = join(mkdtempSync(join(tmpdir(), 'hocso-cert-')), 'c.pdf');
    writeFileSync(file, res.body as Buffer);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').normalize('NFC');
    expect(text).toContain('Nguyễn Thị Hồng Nhung');
    expect(text).toContain('Dùng điện thoại thông minh an toàn');
    expect(text).toContain('CHỨNG CHỈ HOÀN THÀNH KHÓA HỌC');
    expect(text).toContain(serial);
    expect(text).toContain(`http://hocso.example.vn/xac-minh/${serial}`);
    expect(execFileSync('pdffonts', [file]).toString()).toMatch(/DejaVuSans.*yes/);

    // The QR code, as a phone camera reads it off the printed page, leads to the verification page.
    execFileSync('pdftoppm', ['-png', '-r', '100', '-singlefile', file, file.replace(/\.pdf$/, '')]);
    const png = PNG.sync.read(readFileSync(file.replace(/\.pdf$/, '.png')));
    const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(qr?.data).toBe(`http://hocso.example.vn/xac-minh/${serial}`);
  });

  it('the credential verifies offline with the issuer document; an edited one fails', async () => {
    const res = await as(api.url, learner).get(`/api/v1/me/certificates/${certificateId}/credential`).expect(200);
    expect(res.headers['content-disposition']).toContain(`${serial}.credential.json`);
    credential = JSON.parse(res.text) as Record<string, unknown>;
    expect(credential).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: 'http://hocso.example.vn/api/v1/certificates/issuer', type: ['Profile'] },
      credentialSubject: { type: ['AchievementSubject'], achievement: { type: ['Achievement'], name: 'Dùng điện thoại thông minh an toàn' } },
      credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListCredential: expect.stringMatching(/^http:\/\/hocso\.example\.vn\/api\/v1\/certificates\/status-lists\/[1-9]\d*$/) },
      proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', proofPurpose: 'assertionMethod' },
    });
    const issuer = (await request(api.url).get('/api/v1/certificates/issuer').expect(200)).body;
    const status = (await request(api.url).get(statusListPath(credential)).expect(200)).body;
    expect(verifyCredential(credential, { issuerDocument: issuer, statusListCredential: status })).toEqual({ verified: true, signature: 'valid', issuerKey: 'issuer', status: 'active', errors: [] });

    const edited = structuredClone(credential) as { credentialSubject: { identifier: { identityHash: string }[] } };
    edited.credentialSubject.identifier[0]!.identityHash = 'Nguyễn Thị Hồng Nhunq';
    expect(verifyCredential(edited, { issuerDocument: issuer })).toMatchObject({ verified: false, signature: 'invalid' });
    const redated = { ...credential, validFrom: '2020-01-01T00:00:00Z' };
    expect(verifyCredential(redated, { issuerDocument: issuer }).verified).toBe(false);

    // The CLI does the same offline.
    const dir = mkdtempSync(join(tmpdir(), 'hocso-vc-'));
    writeFileSync(join(dir, 'c.json'), JSON.stringify(credential));
    writeFileSync(join(dir, 'e.json'), JSON.stringify(edited));
    writeFileSync(join(dir, 'i.json'), JSON.stringify(issuer));
    const cli = (file: string) => {
      try {
        return { code: 0, out: execFileSync(process.execPath, ['--import', 'tsx', 'scripts/verify-credential.ts', join(dir, file), '--issuer', join(dir, 'i.json')]).toString() };
      } catch (error) {
        return { code: (error as { status: number }).status, out: String((error as { stdout: Buffer }).stdout) };
      }
    };
    expect(cli('c.json')).toMatchObject({ code: 0, out: expect.stringContaining('VERIFIED') });
    expect(cli('e.json')).toMatchObject({ code: 1, out: expect.stringContaining('NOT VERIFIED') });

    // And the API checks a pasted credential.
    const checked = await request(api.url).post('/api/v1/certificates/verify-credential').send({ credential }).expect(200);
    expect(checked.body).toMatchObject({ verified: true, certificate: { serial, status: 'valid' } });
    const refused = await request(api.url).post('/api/v1/certificates/verify-credential').send({ credential: edited }).expect(200);
    expect(refused.body).toMatchObject({ verified: false, signature: 'invalid', certificate: null });
  });

  it('the public verification shows only name, achievement, date, issuer and status', async () => {
    const res = await request(api.url).get(`/api/v1/certificates/verify/${serial.toLowerCase()}`).expect(200);
    expect(Object.keys(res.body).sort()).toEqual(['achievement', 'issuedAt', 'issuer', 'name', 'revokedAt', 'serial', 'status']);
    expect(res.body).toMatchObject({ serial, name: 'Nguyễn Thị Hồng Nhung', status: 'valid', revokedAt: null });
    expect(JSON.stringify(res.body)).not.toContain(learner.id);
    await request(api.url).get('/api/v1/certificates/verify/HS-2026-0000-0000').expect(404);
    const typo = serial.slice(0, -1) + (serial.endsWith('0') ? '1' : '0');
    await request(api.url).get(`/api/v1/certificates/verify/${typo}`).expect(404);
  });

  it('another learner cannot download someone else\'s PDF or credential (404), nor can anyone signed out (401)', async () => {
    await as(api.url, other).get(`/api/v1/me/certificates/${certificateId}/pdf`).expect(404);
    await as(api.url, other).get(`/api/v1/me/certificates/${certificateId}/credential`).expect(404);
    expect((await as(api.url, other).get('/api/v1/me/certificates').expect(200)).body.items).toEqual([]);
    await request(api.url).get(`/api/v1/me/certificates/${certificateId}/pdf`).expect(401);
  });

  it('keeps old certificates verifiable after a key rotation', async () => {
    const old = parseSigningKeys(keys1, 'k1').keys[0]!;
    const rotated = await startApi({ ...env, CERT_SIGNING_KEYS: JSON.stringify([{ id: 'k1', publicKeyMultibase: old.publicKeyMultibase }, { id: 'k2', seed: seed2 }]), CERT_ACTIVE_KEY_ID: 'k2' });
    try {
      const issuer = (await request(rotated.url).get('/api/v1/certificates/issuer').expect(200)).body as { verificationMethod: { keyId: string; active: boolean }[] };
      expect(issuer.verificationMethod.map((m) => [m.keyId, m.active])).toEqual([['k1', false], ['k2', true]]);
      const status = (await request(rotated.url).get(statusListPath(credential)).expect(200)).body;
      expect(verifyCredential(credential, { issuerDocument: issuer, statusListCredential: status })).toMatchObject({ verified: true, issuerKey: 'issuer', status: 'active' });
      // New certificates are signed with the new key.
      const course = await createPublishedCourse(db, 'Thanh toán số', 'Digital payment');
      await completeCourse(db, other.id, course);
      const outcome = await rotated.app.get(CertificatesService).issue({ userId: other.id, kind: 'course', ref: course.courseId });
      const [row] = (await db.query(`SELECT key_id AS "keyId", credential FROM certificates WHERE id = $1`, [outcome.certificateId])) as [{ keyId: string; credential: unknown }];
      expect(row.keyId).toBe('k2');
      expect(verifyCredential(row.credential, { issuerDocument: issuer }).verified).toBe(true);
      // …which an issuer document without it does not vouch for.
      const before = (await request(api.url).get('/api/v1/certificates/issuer').expect(200)).body;
      expect(verifyCredential(row.credential, { issuerDocument: before })).toMatchObject({ verified: false, signature: 'valid', issuerKey: 'not-issuer' });
    } finally {
      await rotated.close();
    }
  });

  it('a revoked certificate shows as revoked on the verification page and in the re-signed status list (audited)', async () => {
    await as(api.url, learner).post(`/api/v1/admin/certificates/${serial}/revoke`, { reason: 'Cấp nhầm' }).expect(403);
    const res = await as(api.url, admin).post(`/api/v1/admin/certificates/${serial}/revoke`, { reason: 'Cấp nhầm' }).expect(200);
    expect(res.body).toMatchObject({ serial, status: 'revoked' });
    await as(api.url, admin).post(`/api/v1/admin/certificates/${serial}/revoke`, { reason: 'Again' }).expect(409);
    expect((await request(api.url).get(`/api/v1/certificates/verify/${serial}`).expect(200)).body).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
    const issuer = (await request(api.url).get('/api/v1/certificates/issuer').expect(200)).body;
    const status = (await request(api.url).get(statusListPath(credential)).expect(200)).body;
    expect(verifyCredential(status, { issuerDocument: issuer }).signature).toBe('valid');
    expect(verifyCredential(credential, { issuerDocument: issuer, statusListCredential: status })).toMatchObject({ verified: false, signature: 'valid', status: 'revoked' });
    expect((await as(api.url, learner).get('/api/v1/me/certificates').expect(200)).body.items[0]).toMatchObject({ status: 'revoked' });
    expect(await auditOf(db, admin.id, 'certificate.revoke')).toEqual([expect.objectContaining({ subjectId: certificateId, details: { serial, reason: 'Cấp nhầm' } })]);
  });

  it('issues the universalisation certificate once the learner is confirmed for their target group', async () => {
    const person = await createPerson(db, { name: 'Hà Thị Mỷ' });
    const service = api.app.get(CertificatesService);
    await db.query(`UPDATE users SET target_group = 'citizens' WHERE id = $1`, [person.id]);
    expect(await worker.get(CertificatesService).checkUniversalisation({ userId: person.id })).toMatchObject({ created: false, reason: 'not-achieved' });
    await confirmCitizen(db, person.id);
    await service.requestUniversalisationCheck(person.id, 'e2e');
    await waitFor(async () => ((await certificateCount(db, person.id, 'universalisation')) === 1 ? true : undefined), 'the universalisation certificate');
    const [item] = (await as(api.url, person).get('/api/v1/me/certificates').expect(200)).body.items;
    expect(item).toMatchObject({ kind: 'universalisation', achievement: { vi: 'Phổ cập kỹ năng số cơ bản — Người dân', en: 'Basic digital skills — Citizens' } });
    // The periodic sweep finds nothing more to do for this learner.
    await worker.get(CertificatesService).sweep();
    expect(await certificateCount(db, person.id, 'universalisation')).toBe(1);
  });

  it('one certificate after a worker is killed mid-job and the job is run again', async () => {
    const course = await createPublishedCourse(db, 'An toàn trên mạng', 'Online safety');
    const person = await createPerson(db, { name: 'Trần Văn Đức' });
    await completeCourse(db, person.id, course);
    const processor = worker.get(CertificatesProcessor);
    const connection = { ...redisOptionsFromUrl(testEnv.redisUrl()), maxRetriesPerRequest: null };
    const queue = new Queue(QueueName.Certificates, { connection, prefix: killPrefix });
    // The doomed worker does the job's work (the certificate is committed), then dies before completing the job.
    let reached = false;
    const doomed = new Worker(
      QueueName.Certificates,
      async (job: Job) => {
        await processor.process(job);
        reached = true;
        await new Promise(() => undefined);
      },
      { connection, prefix: killPrefix, lockDuration: 1000, stalledInterval: 1000 },
    );
    const id = jobId(JobName.IssueCertificate, person.id, 'course', course.courseId);
    await queue.add(JobName.IssueCertificate, { userId: person.id, kind: 'course', ref: course.courseId }, { jobId: id, attempts: 3 });
    await waitFor(async () => (reached ? true : undefined), 'the doomed worker to commit');
    await doomed.close(true); // killed: no completion, its lock is no longer renewed
    expect(await queue.getJobState(id)).toBe('active');
    // A restarted worker finds the stalled job and runs it again.
    const restarted = new Worker(QueueName.Certificates, (job: Job) => processor.process(job), { connection, prefix: killPrefix, stalledInterval: 500 });
    try {
      await waitFor(async () => ((await queue.getJobState(id)) === 'completed' ? true : undefined), 'the job to run again and complete', 20_000);
      const job = await queue.getJob(id);
      expect(job?.returnvalue).toMatchObject({ created: false, reason: 'exists' });
      expect(job?.attemptsStarted ?? 2).toBeGreaterThanOrEqual(2);
      expect(await certificateCount(db, person.id)).toBe(1);
    } finally {
      await restarted.close();
      await queue.close();
    }
  }, 30_000);
});
