import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { randomInt, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { NotificationChannel, type Notification } from '../../apps/api/src/modules/notifications/notification-channel';
import { QueueName } from '../../apps/api/src/queue/queues';
import { startApi, startWorker, waitFor, type RunningApi } from '../support/app';
import { deleteKeysWithPrefix, ownQueuePrefix } from '../support/redis-keys';
import { TestBrowser } from '../support/test-browser';

/** A mobile number nobody else in the run has, as a person would type it. */
function uniquePhone(): { typed: string; e164: string } {
  const rest = String(randomInt(10_000_000, 100_000_000));
  return { typed: `09${rest.slice(0, 2)} ${rest.slice(2, 5)} ${rest.slice(5)}`, e164: `+849${rest}` };
}

const PASSWORD = 'con mèo nhà bà tư ăn cá';

describe('accounts and sessions', () => {
  const prefix = ownQueuePrefix('identity');
  let api: RunningApi;
  let dataSource: DataSource;
  const url = (path: string) => `${api.url}${path}`;

  beforeAll(async () => {
    api = await startApi({ QUEUE_PREFIX: prefix });
    dataSource = api.app.get<DataSource>(getDataSourceToken());
  });
  afterAll(async () => {
    await api.close();
    await deleteKeysWithPrefix(prefix);
  });

  async function signUp(browser: TestBrowser, fields: Record<string, unknown> = {}) {
    const phone = uniquePhone();
    const res = await browser.post(url('/api/v1/auth/sign-up'), { identifier: phone.typed, password: PASSWORD, displayName: 'Bà Tư', birthYear: 1956, ...fields });
    expect(res.status).toBe(201);
    return { phone, me: res.body as { id: string; csrfToken: string; phone: string } };
  }

  const sessionCookie = (browser: TestBrowser) => browser.cookie(api.url, 'hocso_session');
  const countUsersWithPhone = async (e164: string) => ((await dataSource.query(`SELECT count(*)::int AS n FROM users WHERE phone = $1`, [e164])) as { n: number }[])[0]!.n;

  it('signs up, reads me, signs out (server-side), and signs in again with a new session id', async () => {
    const browser = new TestBrowser();
    const { phone, me } = await signUp(browser, { targetGroup: 'citizens', audiences: ['elderly'] });
    expect(me).toMatchObject({ displayName: 'Bà Tư', phone: phone.e164, email: null, birthYear: 1956, targetGroup: 'citizens', audiences: ['elderly'], hasPassword: true, nationalIdLinked: false });
    expect(me).not.toHaveProperty('passwordHash');
    const first = sessionCookie(browser)!;
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const read = await browser.get(url('/api/v1/auth/me'));
    expect(read.status).toBe(200);
    expect(read.headers.get('cache-control')).toBe('no-store');
    expect(read.body).toMatchObject({ id: me.id, roles: [{ role: 'learner', unitId: null }], csrfToken: me.csrfToken });

    // Only the SHA-256 of the token is stored.
    const stored = (await dataSource.query(`SELECT token_hash FROM sessions WHERE user_id = $1`, [me.id])) as { token_hash: string }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0]!.token_hash).not.toBe(first);

    const out = await browser.post(url('/api/v1/auth/sign-out'));
    expect(out.status).toBe(204);
    expect(sessionCookie(browser)).toBeUndefined();
    expect((await browser.get(url('/api/v1/auth/me'))).status).toBe(401);
    // The old token is revoked on the server, not only forgotten by the browser.
    const replay = new TestBrowser(browser.ip);
    expect((await replay.get(url('/api/v1/auth/me'), { headers: { cookie: `hocso_session=${first}` } })).status).toBe(401);

    const again = await browser.post(url('/api/v1/auth/sign-in'), { identifier: phone.e164, password: PASSWORD });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: me.id });
    const second = sessionCookie(browser)!;
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect((await browser.get(url('/api/v1/auth/me'))).body).toMatchObject({ id: me.id });
  });

  it('sets the session cookie HttpOnly, SameSite=Lax, for the whole site, and Secure with __Host- when the site is https', async () => {
    const browser = new TestBrowser();
    await signUp(browser);
    const line = (await browser.post(url('/api/v1/auth/sign-in'), { identifier: 'nobody@example.vn', password: PASSWORD })).setCookies;
    expect(line).toEqual([]); // a failed sign-in sets nothing

    const https = await startApi({ QUEUE_PREFIX: prefix, PUBLIC_URL: 'https://hocso.example.vn' });
    try {
      const phone = uniquePhone();
      const res = await new TestBrowser().post(`${https.url}/api/v1/auth/sign-up`, { identifier: phone.typed, password: PASSWORD, displayName: 'Ông Ba' });
      expect(res.status).toBe(201);
      expect(res.setCookies).toHaveLength(1);
      expect(res.setCookies[0]).toMatch(/^__Host-hocso_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+; Secure$/);
    } finally {
      await https.close();
    }
    const plain = await new TestBrowser().post(url('/api/v1/auth/sign-up'), { identifier: uniquePhone().typed, password: PASSWORD, displayName: 'Cô Năm' });
    expect(plain.setCookies[0]).toMatch(/^hocso_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
  });

  it('gives the same 401 for a wrong password and for an unknown account', async () => {
    const browser = new TestBrowser();
    const { phone } = await signUp(browser);
    const wrong = await new TestBrowser().post(url('/api/v1/auth/sign-in'), { identifier: phone.typed, password: 'not the password at all' });
    const unknown = await new TestBrowser().post(url('/api/v1/auth/sign-in'), { identifier: uniquePhone().typed, password: 'not the password at all' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const shape = (body: Record<string, unknown>) => ({ statusCode: body.statusCode, error: body.error, message: body.message, details: body.details });
    expect(shape(wrong.body)).toEqual(shape(unknown.body));
    expect(wrong.body.message).toBe('Wrong phone number/email or password.');
  });

  it('takes about as long for an unknown account as for a wrong password (a dummy hash is verified)', async () => {
    const { phone } = await signUp(new TestBrowser());
    const timeSignIn = async (identifier: string) => {
      const started = performance.now();
      expect((await new TestBrowser().post(url('/api/v1/auth/sign-in'), { identifier, password: 'not the password at all' })).status).toBe(401);
      return performance.now() - started;
    };
    // Interleaved, so that a change of load on the machine weighs on both sides alike.
    const wrongTimes: number[] = [];
    const unknownTimes: number[] = [];
    for (let i = 0; i < 7; i++) {
      wrongTimes.push(await timeSignIn(phone.typed));
      unknownTimes.push(await timeSignIn(uniquePhone().typed));
    }
    const median = (times: number[]) => times.sort((a, b) => a - b)[3]!;
    const wrong = median(wrongTimes);
    const unknown = median(unknownTimes);
    // Without the dummy hash an unknown account answers in ~1 ms against tens of ms for argon2id.
    expect(unknown / wrong).toBeGreaterThan(0.5);
    expect(unknown / wrong).toBeLessThan(2);
  });

  it('answers 429 with Retry-After after too many wrong passwords for one account, even from many IPs, then also refuses the right one', async () => {
    const { phone } = await signUp(new TestBrowser());
    const statuses: number[] = [];
    let limited;
    for (let i = 0; i < 20; i++) {
      const res = await new TestBrowser().post(url('/api/v1/auth/sign-in'), { identifier: phone.typed, password: `wrong password ${i}` });
      statuses.push(res.status);
      if (res.status === 429) limited = res;
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(10).fill(429));
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited!.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
    expect(limited!.body).toMatchObject({ statusCode: 429, message: expect.stringMatching(/Too many attempts/) });
    expect((await new TestBrowser().post(url('/api/v1/auth/sign-in'), { identifier: phone.e164, password: PASSWORD })).status).toBe(429);
  });

  it('limits password-reset requests per IP, whatever the account', async () => {
    const browser = new TestBrowser();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await browser.post(url('/api/v1/auth/password-reset/request'), { identifier: uniquePhone().typed })).status);
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(202));
    expect(statuses[30]).toBe(429);
    expect((await new TestBrowser().post(url('/api/v1/auth/password-reset/request'), { identifier: uniquePhone().typed })).status).toBe(202);
  });

  it.each([{ role: 'administrator' }, { roles: ['administrator'] }, { score: 100 }, { passwordHash: 'x' }, { disabledAt: null }])(
    'refuses sign-up with %j (no mass assignment) and creates nobody',
    async (extra) => {
      const phone = uniquePhone();
      const res = await new TestBrowser().post(url('/api/v1/auth/sign-up'), { identifier: phone.typed, password: PASSWORD, displayName: 'Kẻ gian', ...extra });
      expect(res.status).toBe(400);
      const field = Object.keys(extra)[0]!;
      expect(res.body.details).toEqual([{ field, message: `property ${field} should not exist` }]);
      expect(await countUsersWithPhone(phone.e164)).toBe(0);
    },
  );

  it('refuses PATCH /me with roles, role or phone, and nothing changes', async () => {
    const browser = new TestBrowser();
    const { me } = await signUp(browser);
    for (const body of [{ roles: [{ role: 'administrator' }] }, { role: 'administrator', displayName: 'Quản trị' }, { phone: '+84900000000' }]) {
      const res = await browser.patch(url('/api/v1/me'), body);
      expect(res.status).toBe(400);
    }
    expect(await dataSource.query(`SELECT * FROM role_assignments WHERE user_id = $1`, [me.id])).toEqual([]);
    const after = await browser.get(url('/api/v1/auth/me'));
    expect(after.body).toMatchObject({ displayName: 'Bà Tư', phone: me.phone, roles: [{ role: 'learner', unitId: null }] });
  });

  it('refuses a state-changing request of a session without the CSRF token, or with a wrong one, or from another site', async () => {
    const browser = new TestBrowser();
    await signUp(browser);
    const missing = await browser.patch(url('/api/v1/me'), { displayName: 'Đổi tên' }, { csrf: false });
    expect(missing.status).toBe(403);
    expect(missing.body.message).toMatch(/x-csrf-token/);
    expect((await browser.patch(url('/api/v1/me'), { displayName: 'Đổi tên' }, { headers: { 'x-csrf-token': 'forged-token-forged-token-forged-token-123' } })).status).toBe(403);
    expect((await browser.post(url('/api/v1/auth/sign-out'), undefined, { csrf: false })).status).toBe(403);
    const crossSite = await browser.patch(url('/api/v1/me'), { displayName: 'Đổi tên' }, { headers: { origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.message).toMatch(/Cross-site/);
    expect((await browser.get(url('/api/v1/auth/me'))).body.displayName).toBe('Bà Tư');

    const sameSite = await browser.patch(url('/api/v1/me'), { displayName: 'Đổi tên' }, { headers: { origin: 'http://localhost:3000' } });
    expect(sameSite.status).toBe(200);
    expect(sameSite.body.displayName).toBe('Đổi tên');
    // Without a session, no token is needed, but another site's Origin is still refused.
    expect((await new TestBrowser().post(url('/api/v1/auth/sign-in'), { identifier: 'a@b.vn', password: PASSWORD }, { headers: { origin: 'https://evil.example' } })).status).toBe(403);
  });

  it('refuses common passwords (case-insensitively), the phone number itself, and accepts long passphrases', async () => {
    for (const password of ['123456789', 'Matkhau123', 'ANHYEUEM', 'iloveyou', 'Mật khẩu 123']) {
      const res = await new TestBrowser().post(url('/api/v1/auth/sign-up'), { identifier: uniquePhone().typed, password, displayName: 'A' });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([{ field: 'password', message: expect.stringMatching(/most common/) }]);
    }
    const phone = uniquePhone();
    const own = await new TestBrowser().post(url('/api/v1/auth/sign-up'), { identifier: phone.typed, password: phone.e164.replace('+84', '0'), displayName: 'A' });
    expect(own.body.details).toEqual([{ field: 'password', message: expect.stringMatching(/phone number or email/) }]);
    const short = await new TestBrowser().post(url('/api/v1/auth/sign-up'), { identifier: uniquePhone().typed, password: 'ngắn', displayName: 'A' });
    expect(short.body.details).toEqual([{ field: 'password', message: expect.stringMatching(/at least 8/) }]);
    expect((await new TestBrowser().post(url('/api/v1/auth/sign-up'), { identifier: uniquePhone().typed, password: 'x'.repeat(257), displayName: 'A' })).status).toBe(400);

    const passphrase = 'Sáng nào bà cũng ra đồng thăm lúa, chiều về nấu cơm cho cháu; '.repeat(4).slice(0, 256);
    const browser = new TestBrowser();
    const { phone: p2 } = await signUp(browser, { password: passphrase });
    const signIn = await new TestBrowser().post(url('/api/v1/auth/sign-in'), { identifier: p2.typed, password: passphrase.normalize('NFD') });
    expect(signIn.status).toBe(200); // the same passphrase typed with combining marks
  });

  it('normalises Vietnamese phone numbers to E.164 and signs in with any spelling', async () => {
    const rest = String(randomInt(1_000_000, 10_000_000));
    const browser = new TestBrowser();
    const res = await browser.post(url('/api/v1/auth/sign-up'), { identifier: `098.${rest.slice(0, 3)}.${rest.slice(3)}`, password: PASSWORD, displayName: 'Chú Sáu' });
    expect(res.status).toBe(201);
    expect(res.body.phone).toBe(`+8498${rest}`);
    for (const spelling of [`+8498${rest}`, `8498${rest}`, `098${rest}`, `(+84) 98 ${rest}`]) {
      expect((await new TestBrowser().post(url('/api/v1/auth/sign-in'), { identifier: spelling, password: PASSWORD })).status).toBe(200);
    }
    const duplicate = await new TestBrowser().post(url('/api/v1/auth/sign-up'), { identifier: `+84 98 ${rest}`, password: PASSWORD, displayName: 'Chú Sáu' });
    expect(duplicate.status).toBe(409);
    const invalid = await new TestBrowser().post(url('/api/v1/auth/sign-up'), { identifier: '0123 456', password: PASSWORD, displayName: 'A' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.details).toEqual([{ field: 'identifier', message: expect.stringMatching(/not a valid Vietnamese phone number/) }]);
    const foreign = await new TestBrowser().post(url('/api/v1/auth/sign-in'), { identifier: '+1 415 555 0123', password: PASSWORD });
    expect(foreign.body.details).toEqual([{ field: 'identifier', message: expect.stringMatching(/Only Vietnamese phone numbers/) }]);
  });

  it('signs up with an email, lower-cased, and signs in whatever the case', async () => {
    const email = `Nguoi.Hoc.${randomUUID().slice(0, 8)}@Example.VN`;
    const res = await new TestBrowser().post(url('/api/v1/auth/sign-up'), { identifier: email, password: PASSWORD, displayName: 'Người học' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email: email.toLowerCase(), phone: null });
    expect((await new TestBrowser().post(url('/api/v1/auth/sign-in'), { identifier: email.toUpperCase(), password: PASSWORD })).status).toBe(200);
  });

  it('updates the profile and preferences, validating the unit, target group and audiences', async () => {
    const browser = new TestBrowser();
    await signUp(browser);
    const unitId = randomUUID();
    await dataSource.query(`INSERT INTO administrative_units (id, code, name, level, path) VALUES ($1, $2, 'Xã Thử', 'commune', $3)`, [unitId, `T${randomInt(1e9)}`, `/${unitId}/`]);

    const first = await browser.patch(url('/api/v1/me'), { displayName: '  Bà Tư Hà  ', unitId, targetGroup: 'workers', audiences: ['elderly', 'ethnic-minority'], preferences: { fontSize: 'x-large', contrast: 'high' } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ displayName: 'Bà Tư Hà', unitId, targetGroup: 'workers', audiences: ['elderly', 'ethnic-minority'], preferences: { fontSize: 'x-large', contrast: 'high' } });
    const second = await browser.patch(url('/api/v1/me'), { preferences: { language: 'en', reducedMotion: true }, birthYear: null });
    expect(second.body.preferences).toEqual({ fontSize: 'x-large', contrast: 'high', language: 'en', reducedMotion: true });
    expect(second.body.birthYear).toBeNull();

    const bad = async (body: Record<string, unknown>) => (await browser.patch(url('/api/v1/me'), body)).body.details as { field: string; message: string }[];
    expect(await bad({ unitId: randomUUID() })).toEqual([{ field: 'unitId', message: 'unitId is not a known administrative unit' }]);
    expect(await bad({ targetGroup: 'farmers' })).toEqual([{ field: 'targetGroup', message: expect.stringMatching(/one of: citizens, officials, students, workers/) }]);
    expect(await bad({ audiences: ['elderly', 'aliens'] })).toEqual([{ field: 'audiences', message: expect.stringMatching(/each audience must be one of/) }]);
    expect(await bad({ preferences: { fontSize: 'huge' } })).toEqual([{ field: 'preferences.fontSize', message: expect.stringMatching(/one of: normal, large, x-large/) }]);
    expect(await bad({ preferences: { theme: 'dark' } })).toEqual([{ field: 'preferences.theme', message: 'property theme should not exist' }]);
    expect(await bad({ birthYear: new Date().getUTCFullYear() + 1 })).toEqual([{ field: 'birthYear', message: 'birthYear must not be in the future' }]);
    expect(await bad({ displayName: null })).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'displayName' })]));
    expect((await browser.get(url('/api/v1/auth/me'))).body).toMatchObject({ displayName: 'Bà Tư Hà', unitId, targetGroup: 'workers' });

    const signUpBadUnit = await new TestBrowser().post(url('/api/v1/auth/sign-up'), { identifier: uniquePhone().typed, password: PASSWORD, displayName: 'A', unitId: randomUUID() });
    expect(signUpBadUnit.body.details).toEqual([{ field: 'unitId', message: 'unitId is not a known administrative unit' }]);
  });

  it('lists roles held (learner implicit), with the unit of scoped roles', async () => {
    const browser = new TestBrowser();
    const { me } = await signUp(browser);
    const unitId = randomUUID();
    await dataSource.query(`INSERT INTO administrative_units (id, code, name, level, path) VALUES ($1, $2, 'Xã Vai Trò', 'commune', $3)`, [unitId, `R${randomInt(1e9)}`, `/${unitId}/`]);
    await dataSource.query(`INSERT INTO role_assignments (user_id, role, unit_id) VALUES ($1, 'facilitator', $2), ($1, 'mentor', NULL)`, [me.id, unitId]);
    const read = await browser.get(url('/api/v1/auth/me'));
    expect(read.body.roles).toEqual([{ role: 'learner', unitId: null }, { role: 'facilitator', unitId }, { role: 'mentor', unitId: null }]);
  });

  it('ends a session after 30 idle days or at its absolute expiry, and for a disabled account', async () => {
    for (const expire of [
      `UPDATE sessions SET last_seen_at = now() - interval '31 days' WHERE user_id = $1`,
      `UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      `UPDATE users SET disabled_at = now() WHERE id = $1`,
    ]) {
      const browser = new TestBrowser();
      const { me } = await signUp(browser);
      expect((await browser.get(url('/api/v1/auth/me'))).status).toBe(200);
      await dataSource.query(expire, [me.id]);
      expect((await browser.get(url('/api/v1/auth/me'))).status).toBe(401);
    }
  });

  it('refuses sign-in to a disabled account', async () => {
    const { phone, me } = await signUp(new TestBrowser());
    await dataSource.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [me.id]);
    const res = await new TestBrowser().post(url('/api/v1/auth/sign-in'), { identifier: phone.typed, password: PASSWORD });
    expect(res.status).toBe(403);
    expect((await new TestBrowser().post(url('/api/v1/auth/sign-in'), { identifier: phone.typed, password: 'wrong password here' })).status).toBe(401);
  });

  it('says whether sign-in with the national digital ID is offered (not configured here)', async () => {
    const browser = new TestBrowser();
    expect((await browser.get(url('/api/v1/auth/providers'))).body).toEqual({ nationalId: false });
    expect((await browser.get(url('/api/v1/auth/oidc/start'))).status).toBe(404);
  });

  it('keeps the public routes public', async () => {
    const browser = new TestBrowser();
    expect((await browser.get(url('/api/v1/courses'))).status).toBe(200);
    expect((await browser.get(url('/api/health/live'))).status).toBe(200);
    expect((await browser.get(url('/api/v1/auth/me'))).status).toBe(401);
    expect((await browser.patch(url('/api/v1/me'), { displayName: 'x' })).status).toBe(401);
  });

  describe('password reset (real worker)', () => {
    let worker: INestApplicationContext;
    let sent: Notification[];

    beforeAll(async () => {
      worker = await startWorker({ QUEUE_PREFIX: prefix });
      sent = [];
      // The test-only hook: observe what the worker's notification channel sends.
      const channel = worker.get(NotificationChannel);
      const original = channel.send.bind(channel);
      jest.spyOn(channel, 'send').mockImplementation(async (notification) => {
        sent.push(notification);
        await original(notification);
      });
    });
    afterAll(() => worker.close());

    const tokenSentTo = (e164: string, after = 0) =>
      waitFor(async () => {
        const found = sent.filter((n) => n.to.phone === e164).slice(after)[0];
        return found ? new URL(found.link).hash.replace(/^#token=/, '') : undefined;
      }, `a reset link sent to ${e164}`);

    it('sends a link through the job, sets the new password once, revokes every session and is audited', async () => {
      const browser = new TestBrowser();
      const { phone, me } = await signUp(browser);
      const other = new TestBrowser();
      expect((await other.post(url('/api/v1/auth/sign-in'), { identifier: phone.typed, password: PASSWORD })).status).toBe(200);

      const queue = api.app.get<Queue>(getQueueToken(QueueName.Notifications));
      const requested = await new TestBrowser().post(url('/api/v1/auth/password-reset/request'), { identifier: phone.e164 });
      expect(requested.status).toBe(202);
      const token = await tokenSentTo(phone.e164);
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const notification = sent.find((n) => n.to.phone === phone.e164)!;
      expect(notification).toMatchObject({ kind: 'password-reset', expiresInMinutes: 30, language: 'vi' });
      expect(notification.link).toBe(`http://localhost:3000/dat-lai-mat-khau#token=${token}`);

      // The job carries only the user id: the token never sits in Redis.
      const jobs = await queue.getJobs(['completed', 'active', 'waiting', 'delayed']);
      const job = jobs.find((j) => (j.data as { userId?: string }).userId === me.id)!;
      expect(job.data).toEqual({ userId: me.id });
      expect(JSON.stringify(job.returnvalue)).not.toContain(token);
      // Only the SHA-256 of the token is stored, with a 30-minute expiry.
      const [row] = (await dataSource.query(`SELECT token_hash, expires_at - created_at AS ttl FROM password_resets WHERE user_id = $1`, [me.id])) as { token_hash: string; ttl: { minutes: number } }[];
      expect(row!.token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row!.token_hash).not.toContain(token);
      expect(row!.ttl).toMatchObject({ minutes: 30 });

      const weak = await new TestBrowser().post(url('/api/v1/auth/password-reset/confirm'), { token, password: 'iloveyou' });
      expect(weak.body.details).toEqual([{ field: 'password', message: expect.stringMatching(/most common/) }]);
      const newPassword = 'một mật khẩu mới thật dài';
      expect((await new TestBrowser().post(url('/api/v1/auth/password-reset/confirm'), { token, password: newPassword })).status).toBe(204);

      expect((await browser.get(url('/api/v1/auth/me'))).status).toBe(401);
      expect((await other.get(url('/api/v1/auth/me'))).status).toBe(401);
      expect((await new TestBrowser().post(url('/api/v1/auth/sign-in'), { identifier: phone.typed, password: PASSWORD })).status).toBe(401);
      expect((await new TestBrowser().post(url('/api/v1/auth/sign-in'), { identifier: phone.typed, password: newPassword })).status).toBe(200);

      const reused = await new TestBrowser().post(url('/api/v1/auth/password-reset/confirm'), { token, password: 'yet another long password' });
      expect(reused.status).toBe(400);
      expect(reused.body.details).toEqual([{ field: 'token', message: expect.stringMatching(/not valid or has expired/) }]);

      const audit = (await dataSource.query(`SELECT actor_id, action, subject_id, details FROM audit_log WHERE subject_id = $1`, [me.id])) as unknown[];
      expect(audit).toEqual([{ actor_id: me.id, action: 'auth.password.reset', subject_id: me.id, details: { sessionsRevoked: 2 } }]);
    });

    it('refuses an expired token and an earlier link once a later one is used', async () => {
      const { phone, me } = await signUp(new TestBrowser());
      for (let i = 0; i < 2; i++) await new TestBrowser().post(url('/api/v1/auth/password-reset/request'), { identifier: phone.typed });
      const firstToken = await tokenSentTo(phone.e164, 0);
      const secondToken = await tokenSentTo(phone.e164, 1);
      expect(secondToken).not.toBe(firstToken);
      expect((await new TestBrowser().post(url('/api/v1/auth/password-reset/confirm'), { token: secondToken, password: 'mật khẩu thứ hai dài' })).status).toBe(204);
      expect((await new TestBrowser().post(url('/api/v1/auth/password-reset/confirm'), { token: firstToken, password: 'mật khẩu thứ ba dài' })).status).toBe(400);

      await new TestBrowser().post(url('/api/v1/auth/password-reset/request'), { identifier: phone.typed });
      const third = await tokenSentTo(phone.e164, 2);
      await dataSource.query(`UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND used_at IS NULL`, [me.id]);
      expect((await new TestBrowser().post(url('/api/v1/auth/password-reset/confirm'), { token: third, password: 'mật khẩu thứ tư dài' })).status).toBe(400);
    });

    it('answers 202 for an unknown account and sends nothing', async () => {
      const phone = uniquePhone();
      const before = sent.length;
      const queue = api.app.get<Queue>(getQueueToken(QueueName.Notifications));
      const jobsBefore = await queue.getJobCounts();
      expect((await new TestBrowser().post(url('/api/v1/auth/password-reset/request'), { identifier: phone.typed })).status).toBe(202);
      expect(await queue.getJobCounts()).toEqual(jobsBefore);
      expect(sent.length).toBe(before);
    });
  });
});
