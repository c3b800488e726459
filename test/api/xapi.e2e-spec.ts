import { getDataSourceToken } from '@nestjs/typeorm';
import { createHash, generateKeyPairSync, randomUUID, sign as rsaSign } from 'node:crypto';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { XapiStatementService } from '../../apps/api/src/modules/xapi/xapi-statement.service';
import { startApi, type RunningApi } from '../support/app';
import { as, auditOf, createPerson, type TestPerson } from '../support/scope-fixtures';
import { basic, createXapiClient, lrs, multipart, statement, type TestXapiClient } from '../support/xapi-fixtures';

const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('xAPI learning record store: /xapi statements, auth, about, activities, agents', () => {
  let api: RunningApi;
  let db: DataSource;
  let all: TestXapiClient;
  let writer: TestXapiClient;
  let reader: TestXapiClient;
  let mine: TestXapiClient;
  let stateOnly: TestXapiClient;
  let admin: TestPerson;
  let learner: TestPerson;

  beforeAll(async () => {
    api = await startApi();
    db = api.app.get<DataSource>(getDataSourceToken());
    all = await createXapiClient(db, ['all']);
    writer = await createXapiClient(db, ['statements/write']);
    reader = await createXapiClient(db, ['statements/read']);
    mine = await createXapiClient(db, ['statements/write', 'statements/read/mine']);
    stateOnly = await createXapiClient(db, ['state']);
    admin = await createPerson(db, { roles: [{ role: 'administrator' }] });
    learner = await createPerson(db);
  });
  afterAll(() => api.close());

  const as_ = (client: TestXapiClient | null, version: string | null = '1.0.3') => lrs(api.url, client, version);
  const store = async (s: Record<string, unknown> | Record<string, unknown>[], client = all): Promise<string[]> => (await as_(client).post('/xapi/statements', s).expect(200)).body;

  describe('About, version header, authentication, scopes', () => {
    it('GET /xapi/about needs neither credentials nor a version header and lists 1.0.3 and 2.0.0', async () => {
      const res = await request(api.url).get('/xapi/about').expect(200);
      expect(res.body.version).toEqual(['1.0.3', '2.0.0']);
      expect(res.headers['x-experience-api-version']).toBeDefined();
    });

    it('the LRS is at /xapi, not under /api', async () => {
      await request(api.url).get('/api/xapi/about').expect(404);
    });

    it('a request without X-Experience-API-Version is 400, and the answer still names the version', async () => {
      const res = await as_(all, null).get('/xapi/statements').expect(400);
      expect(res.headers['x-experience-api-version']).toMatch(/^(1\.0\.3|2\.0\.0)$/);
    });

    it('an unsupported version (0.95, 3.0.0, garbage) is 400; 1.0, 1.0.1, 2.0.0 are accepted', async () => {
      for (const v of ['0.95', '3.0.0', 'abc', '1.1.0']) await as_(all, v).get('/xapi/statements').expect(400);
      for (const v of ['1.0', '1.0.1', '1.0.3', '2.0.0']) await as_(all, v).get('/xapi/statements?limit=1').expect(200);
    });

    it('answers in the version asked: 1.0.x → 1.0.3, 2.0.x → 2.0.0', async () => {
      expect((await as_(all, '1.0.1').get('/xapi/statements?limit=1')).headers['x-experience-api-version']).toBe('1.0.3');
      expect((await as_(all, '2.0.0').get('/xapi/statements?limit=1')).headers['x-experience-api-version']).toBe('2.0.0');
    });

    it('no credentials → 401 with WWW-Authenticate Basic', async () => {
      const res = await as_(null).get('/xapi/statements').expect(401);
      expect(res.headers['www-authenticate']).toMatch(/^Basic/);
    });

    it('a wrong secret, an unknown key and a malformed header are 401', async () => {
      await lrs(api.url, { ...all, auth: basic(all.key, 'wrong') }).get('/xapi/statements').expect(401);
      await lrs(api.url, { ...all, auth: basic('nobody', all.secret) }).get('/xapi/statements').expect(401);
      await lrs(api.url, { ...all, auth: 'Bearer abc' }).get('/xapi/statements').expect(401);
    });

    it('scopes: a writer cannot read (403), a reader cannot write (403), state-only cannot touch statements', async () => {
      await as_(writer).get('/xapi/statements').expect(403);
      await as_(reader).post('/xapi/statements', statement()).expect(403);
      await as_(stateOnly).get('/xapi/statements').expect(403);
      await as_(writer).post('/xapi/statements', statement()).expect(200);
    });

    it('a revoked client is refused at once', async () => {
      const client = await createXapiClient(db, ['all']);
      await as_(client).get('/xapi/statements?limit=1').expect(200);
      await db.query(`UPDATE xapi_clients SET revoked_at = now() WHERE id = $1`, [client.id]);
      await as_(client).get('/xapi/statements?limit=1').expect(401);
    });
  });

  describe('PUT and POST', () => {
    it('PUT with statementId stores (204) and GET returns it with stored, authority, version and timestamp', async () => {
      const id = randomUUID();
      const s = statement();
      await as_(all).put(`/xapi/statements?statementId=${id}`, s).expect(204);
      const res = await as_(all).get(`/xapi/statements?statementId=${id}`).expect(200);
      expect(res.body).toMatchObject({ id, actor: s.actor, verb: s.verb, object: s.object, version: '1.0.0' });
      expect(res.body.authority).toEqual({ objectType: 'Agent', name: expect.any(String), account: { homePage: expect.stringMatching(/^http/), name: all.key } });
      expect(res.body.timestamp).toBe(res.body.stored);
      expect(res.headers['last-modified']).toBe(new Date(res.body.stored).toUTCString());
      expect(res.headers['x-experience-api-consistent-through']).toBeDefined();
    });

    it('PUT again with the same content is 204 and changes nothing; with other content it is 409', async () => {
      const id = randomUUID();
      const s = statement();
      await as_(all).put(`/xapi/statements?statementId=${id}`, s).expect(204);
      const first = (await as_(all).get(`/xapi/statements?statementId=${id}`)).body;
      await as_(all).put(`/xapi/statements?statementId=${id}`, s).expect(204);
      expect((await as_(all).get(`/xapi/statements?statementId=${id}`)).body.stored).toBe(first.stored);
      await as_(all).put(`/xapi/statements?statementId=${id}`, { ...s, verb: { id: 'http://adlnet.gov/expapi/verbs/failed' } }).expect(409);
    });

    it('PUT without statementId, or with an id in the body that differs, is 400', async () => {
      await as_(all).put('/xapi/statements', statement()).expect(400);
      await as_(all).put(`/xapi/statements?statementId=${randomUUID()}`, { ...statement(), id: randomUUID() }).expect(400);
      await as_(all).put('/xapi/statements?statementId=not-a-uuid', statement()).expect(400);
    });

    it('POST one statement → 200 [id]; POST an array → ids in order, generated when missing', async () => {
      const [one] = await store(statement());
      expect(one).toMatch(/^[0-9a-f-]{36}$/);
      const given = randomUUID();
      const ids = await store([statement(), statement({ id: given }), statement()]);
      expect(ids).toHaveLength(3);
      expect(ids[1]).toBe(given);
      expect(new Set(ids).size).toBe(3);
    });

    it('POST is all or nothing: one invalid statement stores none', async () => {
      const good = randomUUID();
      await as_(all).post('/xapi/statements', [statement({ id: good }), statement({ verb: { id: 'not an iri' } })]).expect(400);
      await as_(all).get(`/xapi/statements?statementId=${good}`).expect(404);
    });

    it('POST with an id already stored with other content → 409, and the batch is not stored', async () => {
      const [taken] = await store(statement());
      const other = randomUUID();
      await as_(all).post('/xapi/statements', [statement({ id: other }), statement({ id: taken })]).expect(409);
      await as_(all).get(`/xapi/statements?statementId=${other}`).expect(404);
    });

    it('POST of the same statement twice (same id, same content) is accepted without a second copy', async () => {
      const s = statement({ id: randomUUID() });
      await store(s);
      await store(s);
      const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM xapi_statements WHERE id = $1`, [s.id]);
      expect(count).toBe(1);
    });

    it('the same id twice in one batch is 400', async () => {
      const id = randomUUID();
      await as_(all).post('/xapi/statements', [statement({ id }), statement({ id })]).expect(400);
    });

    it('stored and authority given by the client are replaced by the LRS', async () => {
      const [id] = await store(statement({ stored: '2001-01-01T00:00:00Z', authority: { objectType: 'Agent', mbox: 'mailto:forged@example.com' } }));
      const got = (await as_(all).get(`/xapi/statements?statementId=${id}`)).body;
      expect(got.stored).not.toBe('2001-01-01T00:00:00Z');
      expect(got.authority.account.name).toBe(all.key);
    });

    it('stored is strictly increasing across a batch', async () => {
      const ids = await store([statement(), statement(), statement(), statement()]);
      const rows = await db.query(`SELECT stored FROM xapi_statements WHERE id = ANY($1::uuid[]) ORDER BY stored`, [ids]);
      const times = rows.map((r: { stored: Date }) => r.stored.getTime());
      for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1]);
    });

    it('a body that is not JSON, or of another content type, is 400', async () => {
      await as_(all).post('/xapi/statements').set('content-type', 'application/json').send('{not json').expect(400);
      await as_(all).post('/xapi/statements').set('content-type', 'text/plain').send('hello').expect(400);
    });

    it('unknown query parameters are 400', async () => {
      await as_(all).post('/xapi/statements?foo=1', statement()).expect(400);
      await as_(all).get('/xapi/statements?foo=1').expect(400);
    });
  });

  describe('validation', () => {
    const bad: [string, Record<string, unknown>][] = [
      ['no actor', { actor: undefined }],
      ['no verb', { verb: undefined }],
      ['no object', { object: undefined }],
      ['an unknown top-level property', { foo: 1 }],
      ['an actor with two IFIs', { actor: { mbox: 'mailto:a@example.com', openid: 'https://openid.example/a' } }],
      ['an actor without IFI', { actor: { name: 'Nobody' } }],
      ['an mbox without mailto:', { actor: { mbox: 'a@example.com' } }],
      ['a bad mbox_sha1sum', { actor: { mbox_sha1sum: 'xyz' } }],
      ['an account without homePage', { actor: { account: { name: 'x' } } }],
      ['an anonymous group without members', { actor: { objectType: 'Group', name: 'G' } }],
      ['a group with a group member', { actor: { objectType: 'Group', member: [{ objectType: 'Group', mbox: 'mailto:g@example.com' }] } }],
      ['a verb id that is no IRI', { verb: { id: 'experienced' } }],
      ['a verb display with a bad language tag', { verb: { id: 'http://example.com/v', display: { 'not a tag': 'x' } } }],
      ['an activity without id', { object: { objectType: 'Activity' } }],
      ['an unknown objectType', { object: { objectType: 'Thing', id: 'http://example.com/a' } }],
      ['an unknown interactionType', { object: { id: 'http://example.com/a', definition: { interactionType: 'essay' } } }],
      ['choices on a likert activity', { object: { id: 'http://example.com/a', definition: { interactionType: 'likert', choices: [{ id: 'a' }] } } }],
      ['a StatementRef with a bad id', { object: { objectType: 'StatementRef', id: 'abc' } }],
      ['a SubStatement inside a SubStatement', { object: { objectType: 'SubStatement', actor: { mbox: 'mailto:a@example.com' }, verb: { id: 'http://example.com/v' }, object: { objectType: 'SubStatement' } } }],
      ['a SubStatement with an id', { object: { objectType: 'SubStatement', id: randomUUID(), actor: { mbox: 'mailto:a@example.com' }, verb: { id: 'http://example.com/v' }, object: { id: 'http://example.com/a' } } }],
      ['a scaled score above 1', { result: { score: { scaled: 1.5 } } }],
      ['a raw score above max', { result: { score: { raw: 11, min: 0, max: 10 } } }],
      ['min not below max', { result: { score: { min: 5, max: 5 } } }],
      ['a duration that is not ISO 8601', { result: { duration: '10 minutes' } }],
      ['success as a string', { result: { success: 'yes' } }],
      ['a bad registration', { context: { registration: 'abc' } }],
      ['revision when the object is an Agent', { object: { objectType: 'Agent', mbox: 'mailto:b@example.com' }, context: { revision: '2' } }],
      ['platform when the object is a StatementRef', { object: { objectType: 'StatementRef', id: randomUUID() }, context: { platform: 'web' } }],
      ['a team that is an Agent', { context: { team: { mbox: 'mailto:t@example.com' } } }],
      ['an unknown contextActivities key', { context: { contextActivities: { friend: [{ id: 'http://example.com/a' }] } } }],
      ['extensions with keys that are no IRIs', { context: { extensions: { color: 'red' } } }],
      ['a timestamp without a time zone', { timestamp: '2026-12-02T10:00:00' }],
      ['a timestamp that is no date', { timestamp: 'yesterday' }],
      ['a -00:00 offset', { timestamp: '2026-12-02T10:00:00-00:00' }],
      ['version 0.9', { version: '0.9.5' }],
      ['a statement id that is no UUID', { id: 'abc' }],
      ['an attachment without sha2', { attachments: [{ usageType: 'http://example.com/u', display: { en: 'x' }, contentType: 'text/plain', length: 1, fileUrl: 'http://example.com/f' }] }],
      ['a voiding statement whose object is an Activity', { verb: { id: VOIDED }, object: { id: 'http://example.com/a' } }],
    ];
    it.each(bad)('refuses %s (400)', async (_what, change) => {
      const s = statement(change);
      for (const [k, v] of Object.entries(change)) if (v === undefined) delete s[k];
      const res = await as_(all).post('/xapi/statements', s).expect(400);
      expect(res.body.message).toBeTruthy();
    });

    it('accepts a rich statement: group actor, sub-statement, result, context with single context activities (returned as arrays)', async () => {
      const s = statement({
        actor: { objectType: 'Group', name: 'Tổ 3', member: [{ mbox: 'mailto:m1@example.com' }, { account: { homePage: 'https://hocso.example.vn', name: 'u2' } }] },
        object: {
          objectType: 'SubStatement',
          actor: { mbox: 'mailto:sub@example.com' },
          verb: { id: 'http://adlnet.gov/expapi/verbs/attempted' },
          object: { id: 'http://example.com/quiz' },
        },
        result: { score: { scaled: 0.8, raw: 8, min: 0, max: 10 }, success: true, completion: true, duration: 'PT4M30.5S', response: 'a[,]b' },
        context: { registration: randomUUID(), contextActivities: { parent: { id: 'http://example.com/course' } }, language: 'vi-VN', extensions: { 'http://example.com/ext': { any: 1 } } },
        timestamp: '2026-12-02T10:00:00.123+07:00',
      });
      const [id] = await store(s);
      const got = (await as_(all).get(`/xapi/statements?statementId=${id}`)).body;
      expect(got.context.contextActivities.parent).toEqual([{ id: 'http://example.com/course' }]);
      expect(got.timestamp).toBe('2026-12-02T10:00:00.123+07:00');
    });

    it('2.0 accepts contextAgents and contextGroups; 1.0.3 refuses them', async () => {
      const s = statement({ context: { contextAgents: [{ objectType: 'contextAgent', agent: { mbox: 'mailto:c@example.com' }, relevantTypes: ['http://example.com/t'] }] } });
      await as_(all, '1.0.3').post('/xapi/statements', s).expect(400);
      await as_(all, '2.0.0').post('/xapi/statements', s).expect(200);
    });
  });

  describe('voiding', () => {
    it('a voiding statement voids its target: GET by statementId is 404, by voidedStatementId 200; filters leave it out', async () => {
      const activity = `http://example.com/void/${randomUUID()}`;
      const [target] = await store(statement({ object: { id: activity } }));
      const [voiding] = await store(statement({ verb: { id: VOIDED, display: { en: 'voided' } }, object: { objectType: 'StatementRef', id: target } }));
      await as_(all).get(`/xapi/statements?statementId=${target}`).expect(404);
      const voided = (await as_(all).get(`/xapi/statements?voidedStatementId=${target}`).expect(200)).body;
      expect(voided.id).toBe(target);
      await as_(all).get(`/xapi/statements?voidedStatementId=${voiding}`).expect(404);
      const list = (await as_(all).get(`/xapi/statements?activity=${encodeURIComponent(activity)}`).expect(200)).body;
      expect(list.statements).toEqual([]);
      const voidings = (await as_(all).get(`/xapi/statements?verb=${encodeURIComponent(VOIDED)}&limit=500`).expect(200)).body;
      expect(voidings.statements.map((s: { id: string }) => s.id)).toContain(voiding);
    });

    it('a voiding statement cannot target another voiding statement (400)', async () => {
      const [target] = await store(statement());
      const [voiding] = await store(statement({ verb: { id: VOIDED }, object: { objectType: 'StatementRef', id: target } }));
      await as_(all).post('/xapi/statements', statement({ verb: { id: VOIDED }, object: { objectType: 'StatementRef', id: voiding } })).expect(400);
    });

    it('voiding an unknown statement is accepted; the statement is voided when it arrives later', async () => {
      const later = randomUUID();
      await store(statement({ verb: { id: VOIDED }, object: { objectType: 'StatementRef', id: later } }));
      await as_(all).put(`/xapi/statements?statementId=${later}`, statement()).expect(204);
      await as_(all).get(`/xapi/statements?statementId=${later}`).expect(404);
      await as_(all).get(`/xapi/statements?voidedStatementId=${later}`).expect(200);
    });
  });

  describe('GET with filters and paging', () => {
    const tag = randomUUID();
    const course = `http://example.com/course/${tag}`;
    const lesson = `http://example.com/lesson/${tag}`;
    const pao = { mbox: `mailto:pao.${tag}@example.vn`, name: 'Páo' };
    const mai = { account: { homePage: 'https://hocso.example.vn', name: `mai-${tag}` } };
    const registration = randomUUID();
    let ids: Record<string, string>;

    beforeAll(async () => {
      const [a] = await store(statement({ actor: pao, verb: { id: 'http://adlnet.gov/expapi/verbs/completed' }, object: { id: lesson }, context: { registration, contextActivities: { parent: [{ id: course }] } } }));
      const [b] = await store(statement({ actor: mai, verb: { id: 'http://adlnet.gov/expapi/verbs/completed' }, object: { id: course } }));
      const [c] = await store(statement({ actor: mai, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, object: { objectType: 'Agent', ...pao } }));
      const [d] = await store(statement({ actor: { mbox: 'mailto:teacher@example.vn' }, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, object: { id: `http://example.com/x/${tag}` }, context: { instructor: pao } }));
      const [e] = await store(statement({ actor: mai, verb: { id: 'http://example.com/verbs/commented' }, object: { objectType: 'StatementRef', id: a } }));
      ids = { a: a!, b: b!, c: c!, d: d!, e: e! };
    });

    const list = async (query: string) => ((await as_(all).get(`/xapi/statements?${query}`).expect(200)).body.statements as { id: string }[]).map((s) => s.id);

    it('agent: actor or object; related_agents also instructor; statements targeting a match via StatementRef come along', async () => {
      expect((await list(`agent=${encodeURIComponent(JSON.stringify(pao))}`)).sort()).toEqual([ids.a, ids.c, ids.e].sort());
      expect((await list(`agent=${encodeURIComponent(JSON.stringify(pao))}&related_agents=true`)).sort()).toEqual([ids.a, ids.c, ids.d, ids.e].sort());
      expect((await list(`agent=${encodeURIComponent(JSON.stringify({ objectType: 'Agent', ...mai }))}`)).sort()).toEqual([ids.b, ids.c, ids.e].sort());
    });

    it('activity: the object; related_activities also context activities', async () => {
      expect(await list(`activity=${encodeURIComponent(course)}`)).toEqual([ids.b]);
      expect((await list(`activity=${encodeURIComponent(course)}&related_activities=true`)).sort()).toEqual([ids.a, ids.b, ids.e].sort());
    });

    it('verb and registration', async () => {
      const completed = await list(`verb=${encodeURIComponent('http://adlnet.gov/expapi/verbs/completed')}&agent=${encodeURIComponent(JSON.stringify(mai))}`);
      expect(completed).toEqual([ids.b]);
      expect((await list(`registration=${registration}`)).sort()).toEqual([ids.a, ids.e].sort());
    });

    it('newest first by default; ascending=true oldest first', async () => {
      const q = `agent=${encodeURIComponent(JSON.stringify(mai))}`;
      expect(await list(q)).toEqual([ids.e, ids.c, ids.b]);
      expect(await list(`${q}&ascending=true`)).toEqual([ids.b, ids.c, ids.e]);
    });

    it('since (exclusive) and until (inclusive) on stored', async () => {
      const stored = async (id: string) => (await as_(all).get(`/xapi/statements?statementId=${id}`)).body.stored as string;
      const q = `agent=${encodeURIComponent(JSON.stringify(mai))}`;
      expect(await list(`${q}&since=${encodeURIComponent(await stored(ids.b))}`)).toEqual([ids.e, ids.c]);
      expect(await list(`${q}&until=${encodeURIComponent(await stored(ids.c))}`)).toEqual([ids.c, ids.b]);
    });

    it('pages with limit and a more link until more is empty; the link is stable', async () => {
      const q = `agent=${encodeURIComponent(JSON.stringify(mai))}&limit=2`;
      const first = (await as_(all).get(`/xapi/statements?${q}`).expect(200)).body;
      expect(first.statements.map((s: { id: string }) => s.id)).toEqual([ids.e, ids.c]);
      expect(first.more).toMatch(/^\/xapi\/statements\?more=/);
      // New statements of the agent do not shift the next page.
      await store(statement({ actor: mai }));
      const second = (await as_(all).get(first.more).expect(200)).body;
      expect(second.statements.map((s: { id: string }) => s.id)).toEqual([ids.b]);
      expect(second.more).toBe('');
      expect((await as_(all).get(first.more).expect(200)).body).toEqual(second);
    });

    it('a forged more link is 400; more with filters is 400', async () => {
      await as_(all).get('/xapi/statements?more=garbage').expect(400);
      const first = (await as_(all).get(`/xapi/statements?agent=${encodeURIComponent(JSON.stringify(mai))}&limit=1`)).body;
      await as_(all).get(`${first.more}&verb=http://example.com/v`).expect(400);
    });

    it('bad filter values are 400: agent not JSON or without IFI, limit negative, since no timestamp, both ids', async () => {
      await as_(all).get('/xapi/statements?agent=pao').expect(400);
      await as_(all).get(`/xapi/statements?agent=${encodeURIComponent('{"name":"x"}')}`).expect(400);
      await as_(all).get('/xapi/statements?limit=-1').expect(400);
      await as_(all).get('/xapi/statements?since=yesterday').expect(400);
      await as_(all).get(`/xapi/statements?statementId=${ids.a}&voidedStatementId=${ids.b}`).expect(400);
      await as_(all).get(`/xapi/statements?statementId=${ids.a}&verb=http://example.com/v`).expect(400);
      await as_(all).get('/xapi/statements?format=full').expect(400);
    });

    it('format=ids keeps only identifiers; format=canonical picks the Accept-Language', async () => {
      const got = (await as_(all).get(`/xapi/statements?statementId=${ids.a}&format=ids`).expect(200)).body;
      expect(got.actor).toEqual({ mbox: pao.mbox });
      expect(got.verb).toEqual({ id: 'http://adlnet.gov/expapi/verbs/completed' });
      expect(got.object).toEqual({ id: lesson });
      const [id] = await store(statement({ object: { id: `http://example.com/lang/${tag}`, definition: { name: { 'en-US': 'Lesson', vi: 'Bài học' } } } }));
      const vi = (await as_(all).get(`/xapi/statements?statementId=${id}&format=canonical`).set('Accept-Language', 'vi, en;q=0.5').expect(200)).body;
      expect(vi.object.definition.name).toEqual({ vi: 'Bài học' });
      expect(vi.verb.display).toEqual({ vi: 'đã trải nghiệm' });
      const en = (await as_(all).get(`/xapi/statements?statementId=${id}&format=canonical`).set('Accept-Language', 'en-US').expect(200)).body;
      expect(en.object.definition.name).toEqual({ 'en-US': 'Lesson' });
    });

    it('HEAD answers like GET without a body', async () => {
      const res = await as_(all).head(`/xapi/statements?statementId=${ids.a}`).expect(200);
      expect(res.headers['x-experience-api-consistent-through']).toBeDefined();
      expect(res.text ?? '').toBe('');
    });

    it('statements/read/mine sees only its own statements', async () => {
      const [own] = await store(statement(), mine);
      const res = (await as_(mine).get('/xapi/statements?limit=500').expect(200)).body;
      expect(res.statements.map((s: { id: string }) => s.id)).toEqual([own]);
      await as_(mine).get(`/xapi/statements?statementId=${ids.a}`).expect(404);
      expect((await as_(reader).get(`/xapi/statements?statementId=${own}`).expect(200)).body.id).toBe(own);
    });
  });

  describe('attachments', () => {
    const attachment = (data: Buffer, extra: Record<string, unknown> = {}) => ({
      usageType: 'http://adlnet.gov/expapi/attachments/certificate',
      display: { 'en-US': 'Certificate', vi: 'Chứng nhận' },
      contentType: 'text/plain',
      length: data.length,
      sha2: sha256(data),
      ...extra,
    });

    it('multipart/mixed with matching sha2 is stored; GET attachments=true answers multipart/mixed with the data', async () => {
      const data = Buffer.from(`Giấy chứng nhận ${randomUUID()}`);
      const s = statement({ attachments: [attachment(data)] });
      const body = multipart(s, [{ contentType: 'text/plain', data, sha2: sha256(data) }]);
      const [id] = (await as_(all).post('/xapi/statements').set('content-type', body.contentType).send(body.body).expect(200)).body;
      const res = await as_(all)
        .get(`/xapi/statements?statementId=${id}&attachments=true`)
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(res.headers['content-type']).toMatch(/^multipart\/mixed; boundary=/);
      const text = (res.body as Buffer).toString('utf8');
      expect(text).toContain(`X-Experience-API-Hash: ${sha256(data)}`);
      expect(text).toContain(data.toString('utf8'));
      expect(text).toContain(`"id":"${id}"`);
      // Without attachments=true: plain JSON.
      const plain = await as_(all).get(`/xapi/statements?statementId=${id}`).expect(200);
      expect(plain.headers['content-type']).toMatch(/^application\/json/);
    });

    it('an attachment with only a fileUrl needs no part', async () => {
      const data = Buffer.from('remote');
      await store(statement({ attachments: [attachment(data, { fileUrl: 'https://files.example.vn/remote.txt' })] }));
    });

    it('an attachment without fileUrl and without its part is 400', async () => {
      await as_(all).post('/xapi/statements', statement({ attachments: [attachment(Buffer.from('missing'))] })).expect(400);
    });

    it('a part whose data does not match the sha2 is 400; a part no attachment names is 400', async () => {
      const data = Buffer.from('real');
      const s = statement({ attachments: [attachment(data)] });
      const wrong = multipart(s, [{ contentType: 'text/plain', data: Buffer.from('fake'), sha2: sha256(data) }]);
      await as_(all).post('/xapi/statements').set('content-type', wrong.contentType).send(wrong.body).expect(400);
      const extra = Buffer.from('extra');
      const stray = multipart(s, [
        { contentType: 'text/plain', data, sha2: sha256(data) },
        { contentType: 'text/plain', data: extra, sha2: sha256(extra) },
      ]);
      await as_(all).post('/xapi/statements').set('content-type', stray.contentType).send(stray.body).expect(400);
    });

    it('a malformed multipart body is 400', async () => {
      await as_(all).post('/xapi/statements').set('content-type', 'multipart/mixed; boundary=abc').send(Buffer.from('no parts here')).expect(400);
      await as_(all).post('/xapi/statements').set('content-type', 'multipart/mixed').send(Buffer.from('--x\r\n')).expect(400);
    });

    it('PUT accepts multipart/mixed too', async () => {
      const data = Buffer.from(`put ${randomUUID()}`);
      const id = randomUUID();
      const body = multipart(statement({ attachments: [attachment(data)] }), [{ contentType: 'text/plain', data, sha2: sha256(data) }]);
      await as_(all).put(`/xapi/statements?statementId=${id}`).set('content-type', body.contentType).send(body.body).expect(204);
    });

    describe('signed statements', () => {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const signedBody = (s: Record<string, unknown>, payload: unknown, alg = 'RS256') => {
        const head = b64url({ alg });
        const body = b64url(payload);
        const jws = `${head}.${body}.${rsaSign('RSA-SHA256', Buffer.from(`${head}.${body}`), privateKey).toString('base64url')}`;
        const data = Buffer.from(jws);
        const withSig = { ...s, attachments: [{ usageType: 'http://adlnet.gov/expapi/attachments/signature', display: { en: 'Signature' }, contentType: 'application/octet-stream', length: data.length, sha2: sha256(data) }] };
        return multipart(withSig, [{ contentType: 'application/octet-stream', data, sha2: sha256(data) }]);
      };

      it('a statement with a JWS signature of itself is accepted', async () => {
        const s = statement({ id: randomUUID() });
        const body = signedBody(s, s);
        await as_(all).post('/xapi/statements').set('content-type', body.contentType).send(body.body).expect(200);
      });

      it('a signature whose payload differs, or with another algorithm, is 400', async () => {
        const s = statement({ id: randomUUID() });
        const other = signedBody(s, { ...s, verb: { id: 'http://example.com/other' } });
        await as_(all).post('/xapi/statements').set('content-type', other.contentType).send(other.body).expect(400);
        const hs = signedBody(s, s, 'HS256');
        await as_(all).post('/xapi/statements').set('content-type', hs.contentType).send(hs.body).expect(400);
      });
    });
  });

  describe('Activities and Agents resources', () => {
    it('GET /xapi/activities returns the definition merged from statements', async () => {
      const id = `http://example.com/merged/${randomUUID()}`;
      await store(statement({ object: { id, definition: { name: { 'en-US': 'First' }, type: 'http://adlnet.gov/expapi/activities/lesson' } } }));
      await store(statement({ object: { id, definition: { name: { vi: 'Bài' }, description: { vi: 'Mô tả' } } } }));
      const res = (await as_(all).get(`/xapi/activities?activityId=${encodeURIComponent(id)}`).expect(200)).body;
      expect(res).toEqual({ objectType: 'Activity', id, definition: { name: { 'en-US': 'First', vi: 'Bài' }, description: { vi: 'Mô tả' }, type: 'http://adlnet.gov/expapi/activities/lesson' } });
    });

    it('a client without the define scope does not change the canonical definition', async () => {
      const id = `http://example.com/undefined/${randomUUID()}`;
      await store(statement({ object: { id, definition: { name: { en: 'By a writer' } } } }), writer);
      expect((await as_(all).get(`/xapi/activities?activityId=${encodeURIComponent(id)}`).expect(200)).body).toEqual({ objectType: 'Activity', id });
    });

    it('GET /xapi/activities without activityId is 400', async () => {
      await as_(all).get('/xapi/activities').expect(400);
    });

    it('GET /xapi/agents returns a Person with the names seen', async () => {
      const mbox = `mailto:person.${randomUUID()}@example.vn`;
      await store(statement({ actor: { mbox, name: 'Lò Thị Mai' } }));
      const res = (await as_(all).get(`/xapi/agents?agent=${encodeURIComponent(JSON.stringify({ mbox }))}`).expect(200)).body;
      expect(res).toEqual({ objectType: 'Person', name: ['Lò Thị Mai'], mbox: [mbox] });
      await as_(all).get(`/xapi/agents?agent=${encodeURIComponent('{"name":"x"}')}`).expect(400);
    });
  });

  describe('platform statements (recordSystemStatements)', () => {
    it('stores with the platform as authority and is idempotent by id and content', async () => {
      const service = api.app.get(XapiStatementService);
      const s = statement({ id: randomUUID() });
      expect(await service.recordSystemStatements([s])).toEqual([s.id]);
      expect(await service.recordSystemStatements([s])).toEqual([s.id]);
      const got = (await as_(all).get(`/xapi/statements?statementId=${String(s.id)}`).expect(200)).body;
      expect(got.authority.account.name).toBe('hocso-platform');
      await expect(service.recordSystemStatements([{ ...s, verb: { id: 'http://example.com/other' } }])).rejects.toThrow(/other content/);
    });
  });

  describe('administration of client credentials (/api/v1/admin/xapi-clients)', () => {
    it('an administrator issues credentials (secret shown once, hashed at rest), they work, and revoking them is audited', async () => {
      const issued = (await as(api.url, admin).post('/api/v1/admin/xapi-clients', { name: 'Nội dung H5P', scopes: ['statements/write', 'statements/read'] }).expect(201)).body;
      expect(issued).toMatchObject({ name: 'Nội dung H5P', scopes: ['statements/write', 'statements/read'], revokedAt: null, endpoint: expect.stringMatching(/\/xapi\/$/) });
      expect(issued.secret.length).toBeGreaterThanOrEqual(40);
      const [{ secret_hash }] = await db.query(`SELECT secret_hash FROM xapi_clients WHERE id = $1`, [issued.id]);
      expect(secret_hash).not.toContain(issued.secret);
      const client = { id: issued.id, key: issued.key, secret: issued.secret, auth: basic(issued.key, issued.secret) };
      await lrs(api.url, client).post('/xapi/statements', statement()).expect(200);

      const listed = (await as(api.url, admin).get('/api/v1/admin/xapi-clients').expect(200)).body;
      const row = listed.items.find((c: { id: string }) => c.id === issued.id);
      expect(row).toMatchObject({ key: issued.key, revokedAt: null });
      expect(row.secret).toBeUndefined();

      await as(api.url, admin).delete(`/api/v1/admin/xapi-clients/${issued.id}`).expect(204);
      await lrs(api.url, client).get('/xapi/statements').expect(401);
      expect((await auditOf(db, admin.id, 'xapi.client.issue')).map((a) => a.subjectId)).toContain(issued.id);
      expect((await auditOf(db, admin.id, 'xapi.client.revoke')).map((a) => a.subjectId)).toContain(issued.id);
    });

    it('unknown scopes and empty names are 400; learners get 403, anonymous 401', async () => {
      await as(api.url, admin).post('/api/v1/admin/xapi-clients', { name: 'x', scopes: ['root'] }).expect(400);
      await as(api.url, admin).post('/api/v1/admin/xapi-clients', { name: '', scopes: ['all'] }).expect(400);
      await as(api.url, learner).post('/api/v1/admin/xapi-clients', { name: 'x', scopes: ['all'] }).expect(403);
      await as(api.url).get('/api/v1/admin/xapi-clients').expect(401);
      await as(api.url, admin).delete(`/api/v1/admin/xapi-clients/${randomUUID()}`).expect(404);
    });
  });
});
