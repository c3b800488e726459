import { Logger } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomInt, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { startApi, type RunningApi } from '../support/app';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider';
import { deleteKeysWithPrefix, ownQueuePrefix } from '../support/redis-keys';
import { locationOf, TestBrowser } from '../support/test-browser';

/** Where users open the site in this test; the browser maps it to the API's real address. */
const PUBLIC_URL = 'http://hocso.test';
const REDIRECT_URI = `${PUBLIC_URL}/api/v1/auth/oidc/callback`;
const CLIENT = { client_id: 'hocso', client_secret: 'hocso-test-client-secret', redirect_uris: [REDIRECT_URI] };
const OTHER_CLIENT = { client_id: 'another-service', client_secret: 'another-secret', redirect_uris: ['http://other.test/cb'] };
const PASSWORD = 'con mèo nhà bà tư ăn cá';
const issuedNationalIds: string[] = [];

/** A person at the national digital ID: a subject and a 12-digit national ID number of their own. */
function person(claims: Record<string, unknown> = {}) {
  const nationalId = `0${randomInt(10_000_000_000, 99_999_999_999)}`;
  issuedNationalIds.push(nationalId);
  return { sub: `vneid-${randomUUID()}`, nationalId, claims: { name: 'Lò Văn Páo', birthdate: '1958-03-12', national_id: nationalId, ...claims } };
}

describe('sign-in with the national digital ID (OpenID Connect, real oidc-provider)', () => {
  const prefix = ownQueuePrefix('identity-oidc');
  let provider: TestOidcProvider;
  let api: RunningApi;
  let dataSource: DataSource;
  /** Everything the API logged through Nest's Logger (the tests run it silent): checked for the reasons and for national IDs. */
  const logged: string[] = [];
  const lastRefusal = () => [...logged].reverse().find((line) => line.includes('sign-in refused')) ?? '';

  beforeAll(async () => {
    for (const level of ['log', 'warn', 'error', 'debug', 'verbose'] as const) {
      jest.spyOn(Logger.prototype, level).mockImplementation((...args: unknown[]) => {
        logged.push(JSON.stringify(args));
      });
    }
    provider = await startOidcProvider([CLIENT, OTHER_CLIENT]);
    api = await startApi({
      QUEUE_PREFIX: prefix,
      PUBLIC_URL,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: CLIENT.client_id,
      OIDC_CLIENT_SECRET: CLIENT.client_secret,
      OIDC_SCOPES: 'openid profile national_id',
      NATIONAL_ID_HMAC_KEY: 'test-national-id-hmac-key-0123456789abcdef',
    });
    dataSource = api.app.get<DataSource>(getDataSourceToken());
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await api?.close();
    await provider?.stop();
    await deleteKeysWithPrefix(prefix);
  });

  const newBrowser = () => new TestBrowser(undefined, { [PUBLIC_URL]: api.url });
  const sessionCookie = (browser: TestBrowser) => browser.cookie(api.url, 'hocso_session');
  const sessionCount = async () => ((await dataSource.query(`SELECT count(*)::int AS n FROM sessions`)) as { n: number }[])[0]!.n;
  const identityOf = async (sub: string) => (await dataSource.query(`SELECT user_id, issuer, national_id_hmac FROM oidc_identities WHERE subject = $1`, [sub])) as { user_id: string; issuer: string; national_id_hmac: string | null }[];

  /**
   * Opens /start and goes through the provider like a browser: its login form (as `sub`), the
   * consent (granted at once), until the provider redirects to our callback. Returns that URL, not opened.
   */
  async function loginAtProvider(browser: TestBrowser, sub: string, startQuery = ''): Promise<URL> {
    const start = await browser.get(`${api.url}/api/v1/auth/oidc/start${startQuery}`);
    let next = locationOf(start, api.url);
    expect(next.origin).toBe(provider.issuer);
    expect(next.searchParams.get('code_challenge_method')).toBe('S256');
    expect(next.searchParams.get('state')).toBeTruthy();
    expect(next.searchParams.get('nonce')).toBeTruthy();
    expect(next.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    for (let hop = 0; hop < 12; hop++) {
      if (next.href.startsWith(REDIRECT_URI)) return next;
      const res = await browser.get(next.href);
      if (res.status === 200 && /^\/interaction\/[^/]+$/.test(next.pathname)) {
        const submitted = await browser.post(`${next.href}/login`, new URLSearchParams({ login: sub }));
        next = locationOf(submitted, next.href);
        continue;
      }
      next = locationOf(res, next.href);
    }
    throw new Error(`no redirect to the callback; stopped at ${next.href}`);
  }

  /** Opens the callback URL in the browser (its cookies for the API go along). */
  const openCallback = (browser: TestBrowser, callback: URL) => browser.get(callback.href);

  async function signInWithNationalId(who: ReturnType<typeof person>, browser = newBrowser()) {
    await provider.addAccount(who.sub, who.claims);
    const callback = await loginAtProvider(browser, who.sub, '?returnTo=/courses');
    const res = await openCallback(browser, callback);
    return { browser, res, callback };
  }

  /** A refused callback: back to the sign-in page with the reason, and no session anywhere. */
  async function expectRefused(browser: TestBrowser, callback: URL, code: string, sessionsBefore: number) {
    const res = await openCallback(browser, callback);
    expect(res.status).toBe(302);
    const target = locationOf(res, PUBLIC_URL);
    expect(`${target.origin}${target.pathname}`).toBe(`${PUBLIC_URL}/dang-nhap`);
    expect(target.searchParams.get('oidcError')).toBe(code);
    expect(res.setCookies.filter((c) => c.startsWith('hocso_session='))).toEqual([]);
    expect(sessionCookie(browser)).toBeUndefined();
    expect(await sessionCount()).toBe(sessionsBefore);
  }

  it('is offered, and the provider is discovered at its issuer', async () => {
    expect((await newBrowser().get(`${api.url}/api/v1/auth/providers`)).body).toEqual({ nationalId: true });
  });

  it('creates an account at the first sign-in, keeps the national ID only as an HMAC, and finds it again the next time', async () => {
    const who = person();
    const { browser, res } = await signInWithNationalId(who);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`${PUBLIC_URL}/courses`);
    expect(res.setCookies.some((c) => /^hocso_oidc=;/.test(c))).toBe(true); // the transaction cookie is dropped
    const first = sessionCookie(browser)!;
    expect(first).toBeDefined();

    const me = await browser.get(`${api.url}/api/v1/auth/me`);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ displayName: 'Lò Văn Páo', birthYear: 1958, phone: null, email: null, hasPassword: false, nationalIdLinked: true });
    const [identity] = await identityOf(who.sub);
    expect(identity).toMatchObject({ user_id: me.body.id, issuer: provider.issuer });
    expect(identity!.national_id_hmac).toMatch(/^[0-9a-f]{64}$/);

    // The number itself is in no column of any table.
    const columns = (await dataSource.query(
      `SELECT table_name, column_name FROM information_schema.columns c
        WHERE table_schema = 'public' AND EXISTS (SELECT 1 FROM information_schema.tables t WHERE t.table_schema = 'public' AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE')`,
    )) as { table_name: string; column_name: string }[];
    expect(columns.length).toBeGreaterThan(50);
    const hits: string[] = [];
    for (const { table_name, column_name } of columns) {
      const [{ n }] = (await dataSource.query(`SELECT count(*)::int AS n FROM "${table_name}" WHERE "${column_name}"::text LIKE '%' || $1 || '%'`, [who.nationalId])) as { n: number }[];
      if (n > 0) hits.push(`${table_name}.${column_name}`);
    }
    expect(hits).toEqual([]);

    const audit = (await dataSource.query(`SELECT action, actor_id, details FROM audit_log WHERE subject_id = $1 ORDER BY id`, [me.body.id])) as unknown[];
    expect(audit).toEqual([{ action: 'auth.oidc.sign-in', actor_id: me.body.id, details: { issuer: provider.issuer, created: true } }]);

    // Next time: the same account, a new session id.
    const again = await signInWithNationalId(who, browser);
    expect(again.res.status).toBe(302);
    const second = sessionCookie(browser)!;
    expect(second).not.toBe(first);
    expect((await browser.get(`${api.url}/api/v1/auth/me`)).body.id).toBe(me.body.id);
    expect((await newBrowser().get(`${api.url}/api/v1/auth/me`, { headers: { cookie: `hocso_session=${first}` } })).status).toBe(401);
  });

  it('finds the same account when the same national ID comes with another subject (de-duplication by HMAC)', async () => {
    const who = person();
    const first = await signInWithNationalId(who);
    const firstId = (await first.browser.get(`${api.url}/api/v1/auth/me`)).body.id as string;
    const sameNumber = { ...person(), nationalId: who.nationalId };
    sameNumber.claims.national_id = who.nationalId;
    const second = await signInWithNationalId(sameNumber);
    expect((await second.browser.get(`${api.url}/api/v1/auth/me`)).body.id).toBe(firstId);
  });

  it('links the national ID to a signed-in local account, then signs in to that account with it', async () => {
    const browser = newBrowser();
    const phone = `09${randomInt(10_000_000, 100_000_000)}`;
    const signUp = await browser.post(`${api.url}/api/v1/auth/sign-up`, { identifier: phone, password: PASSWORD, displayName: 'Chị Mai' });
    expect(signUp.status).toBe(201);
    const localId = signUp.body.id as string;
    const session = sessionCookie(browser);

    const who = person({ name: 'Nguyễn Thị Mai' });
    await provider.addAccount(who.sub, who.claims);
    const callback = await loginAtProvider(browser, who.sub, '?link=1&returnTo=/profile');
    const res = await openCallback(browser, callback);
    expect(res.headers.get('location')).toBe(`${PUBLIC_URL}/profile`);
    expect(sessionCookie(browser)).toBe(session); // linking keeps the session
    const me = await browser.get(`${api.url}/api/v1/auth/me`);
    expect(me.body).toMatchObject({ id: localId, displayName: 'Chị Mai', nationalIdLinked: true, hasPassword: true });
    expect((await identityOf(who.sub))[0]!.user_id).toBe(localId);
    const audit = (await dataSource.query(`SELECT action FROM audit_log WHERE subject_id = $1 ORDER BY id`, [localId])) as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(['auth.oidc.link']);

    const later = await signInWithNationalId(who);
    expect((await later.browser.get(`${api.url}/api/v1/auth/me`)).body.id).toBe(localId);
  });

  it('refuses to link a national ID that belongs to another account, and linking without a session', async () => {
    const owner = person();
    await signInWithNationalId(owner);

    const browser = newBrowser();
    const signUp = await browser.post(`${api.url}/api/v1/auth/sign-up`, { identifier: `09${randomInt(10_000_000, 100_000_000)}`, password: PASSWORD, displayName: 'Người khác' });
    const callback = await loginAtProvider(browser, owner.sub, '?link=1&returnTo=/profile');
    const res = await openCallback(browser, callback);
    const target = locationOf(res, PUBLIC_URL);
    expect(target.pathname).toBe('/profile');
    expect(target.searchParams.get('oidcError')).toBe('already_linked');
    expect((await browser.get(`${api.url}/api/v1/auth/me`)).body).toMatchObject({ id: signUp.body.id, nationalIdLinked: false });

    const anonymous = await newBrowser().get(`${api.url}/api/v1/auth/oidc/start?link=1`);
    expect(locationOf(anonymous, PUBLIC_URL).searchParams.get('oidcError')).toBe('not_signed_in');
  });

  it('accepts an ID token re-signed by the provider with its claims unchanged (control for the tampering cases)', async () => {
    const who = person();
    await provider.addAccount(who.sub, who.claims);
    const browser = newBrowser();
    const callback = await loginAtProvider(browser, who.sub);
    await provider.tamperNextIdToken({});
    const res = await openCallback(browser, callback);
    expect(locationOf(res, PUBLIC_URL).href).toBe(`${PUBLIC_URL}/`);
    expect(sessionCookie(browser)).toBeDefined();
  });

  describe.each([
    ['a wrong issuer', { iss: 'https://evil.example' }, /unexpected JWT \\"iss\\" \(issuer\) claim value/],
    ['a wrong audience (a token for another client)', { aud: OTHER_CLIENT.client_id, azp: OTHER_CLIENT.client_id }, /unexpected JWT \\"aud\\" \(audience\) claim value/],
    ['a bad nonce', { nonce: 'not-the-nonce-we-sent' }, /unexpected ID Token \\"nonce\\" claim value/],
    ['no nonce', { nonce: null }, /\\"nonce\\" \(nonce\) claim missing/],
  ])('an ID token with %s', (_what, claims, reason) => {
    it('is refused for that reason, and no session or account is created', async () => {
      const who = person();
      await provider.addAccount(who.sub, who.claims);
      const browser = newBrowser();
      const callback = await loginAtProvider(browser, who.sub);
      await provider.tamperNextIdToken(claims);
      await expectRefused(browser, callback, 'rejected', await sessionCount());
      expect(lastRefusal()).toMatch(reason);
      expect(await identityOf(who.sub)).toEqual([]);
    });
  });

  it('refuses an expired ID token (the provider clock set two hours back)', async () => {
    const who = person();
    await provider.addAccount(who.sub, who.claims);
    const browser = newBrowser();
    const callback = await loginAtProvider(browser, who.sub);
    await provider.setClockOffset(-2 * 3600);
    try {
      await expectRefused(browser, callback, 'rejected', await sessionCount());
      expect(lastRefusal()).toMatch(/unexpected JWT \\"exp\\" \(expiration time\) claim value, expiration is past/);
    } finally {
      await provider.setClockOffset(0);
    }
    expect(await identityOf(who.sub)).toEqual([]);
  });

  it('refuses a bad state', async () => {
    const who = person();
    await provider.addAccount(who.sub, who.claims);
    const browser = newBrowser();
    const callback = await loginAtProvider(browser, who.sub);
    callback.searchParams.set('state', 'forged-state-value');
    await expectRefused(browser, callback, 'state_mismatch', await sessionCount());
    expect(await identityOf(who.sub)).toEqual([]);
  });

  it('refuses a replayed code: the transaction is used once, and the provider refuses the code again', async () => {
    const who = person();
    await provider.addAccount(who.sub, who.claims);
    const browser = newBrowser();
    const callback = await loginAtProvider(browser, who.sub);
    expect((await openCallback(browser, callback)).status).toBe(302);
    const userId = (await browser.get(`${api.url}/api/v1/auth/me`)).body.id as string;
    const sessionsOfUser = async () => ((await dataSource.query(`SELECT count(*)::int AS n FROM sessions WHERE user_id = $1`, [userId])) as { n: number }[])[0]!.n;
    expect(await sessionsOfUser()).toBe(1);

    // The same callback again, from a browser without the signed-in session.
    const attacker = newBrowser();
    await expectRefused(attacker, callback, 'expired', await sessionCount());

    // The old code with a fresh transaction of the attacker's own (so our state check passes): the provider refuses the code.
    await provider.addAccount('attacker', person().claims);
    const fresh = await loginAtProvider(attacker, 'attacker');
    const replay = new URL(callback.href);
    replay.searchParams.set('state', fresh.searchParams.get('state')!);
    await expectRefused(attacker, replay, 'rejected', await sessionCount());
    expect(lastRefusal()).toMatch(/invalid_grant/);
    expect(await sessionsOfUser()).toBe(1);
  });

  it('refuses a callback opened in another browser than the one that started (no transaction cookie)', async () => {
    const who = person();
    await provider.addAccount(who.sub, who.claims);
    const callback = await loginAtProvider(newBrowser(), who.sub);
    await expectRefused(newBrowser(), callback, 'expired', await sessionCount());
  });

  it('comes back with the reason when the person cancels at the provider', async () => {
    const browser = newBrowser();
    const start = await browser.get(`${api.url}/api/v1/auth/oidc/start`);
    const state = locationOf(start, api.url).searchParams.get('state')!;
    const cancelled = new URL(REDIRECT_URI);
    cancelled.search = new URLSearchParams({ error: 'access_denied', state, iss: provider.issuer }).toString();
    await expectRefused(browser, cancelled, 'cancelled', await sessionCount());
  });

  it('never writes a national ID number to the log', () => {
    expect(logged.length).toBeGreaterThan(10);
    expect(issuedNationalIds.length).toBeGreaterThan(10);
    expect(logged.filter((line) => issuedNationalIds.some((id) => line.includes(id)))).toEqual([]);
  });

  it('never puts the national ID number in a URL', async () => {
    const who = person();
    await provider.addAccount(who.sub, who.claims);
    const browser = newBrowser();
    const callback = await loginAtProvider(browser, who.sub, '?returnTo=/courses');
    expect(callback.href).not.toContain(who.nationalId);
    const res = await openCallback(browser, callback);
    expect(res.headers.get('location')).not.toContain(who.nationalId);
  });
});
