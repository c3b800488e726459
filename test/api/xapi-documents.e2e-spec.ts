import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { startApi, type RunningApi } from '../support/app';
import { createXapiClient, lrs, type TestXapiClient } from '../support/xapi-fixtures';

describe('xAPI document resources: State, Activity Profile, Agent Profile (ETags, concurrency, merge)', () => {
  let api: RunningApi;
  let db: DataSource;
  let all: TestXapiClient;
  let stateOnly: TestXapiClient;
  let reader: TestXapiClient;

  beforeAll(async () => {
    api = await startApi();
    db = api.app.get<DataSource>(getDataSourceToken());
    all = await createXapiClient(db, ['all']);
    stateOnly = await createXapiClient(db, ['state']);
    reader = await createXapiClient(db, ['all/read']);
  });
  afterAll(() => api.close());

  const c = (client = all, version = '1.0.3') => lrs(api.url, client, version);
  const agent = () => encodeURIComponent(JSON.stringify({ objectType: 'Agent', mbox: `mailto:doc.${randomUUID()}@example.vn` }));
  const activity = () => encodeURIComponent(`https://hocso.example.vn/activities/${randomUUID()}`);

  describe('State', () => {
    const base = (a = activity(), ag = agent()) => `/xapi/activities/state?activityId=${a}&agent=${ag}`;

    it('PUT stores a document byte for byte; GET returns it with its content type, ETag and Last-Modified', async () => {
      const url = `${base()}&stateId=bookmark`;
      await c().put(url).set('content-type', 'text/plain; charset=utf-8').send('trang 12').expect(204);
      const res = await c().get(url).expect(200);
      expect(res.text).toBe('trang 12');
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.headers.etag).toMatch(/^"[0-9a-f]{40}"$/);
      expect(res.headers['last-modified']).toBeDefined();
    });

    it('a binary document comes back identical', async () => {
      const url = `${base()}&stateId=blob`;
      const data = Buffer.from([0, 1, 2, 250, 251, 252, 10, 13]);
      await c().put(url).set('content-type', 'application/octet-stream').send(data).expect(204);
      const res = await c().get(url).buffer(true).parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (x: Buffer) => chunks.push(x));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      }).expect(200);
      expect(Buffer.compare(res.body as Buffer, data)).toBe(0);
    });

    it('GET of a missing document is 404', async () => {
      await c().get(`${base()}&stateId=none`).expect(404);
    });

    it('GET without stateId lists the ids; since keeps the newer ones; registration separates', async () => {
      const a = activity();
      const ag = agent();
      const registration = randomUUID();
      await c().put(`${base(a, ag)}&stateId=one`, { n: 1 }).expect(204);
      await new Promise((r) => setTimeout(r, 20));
      const between = new Date().toISOString();
      await new Promise((r) => setTimeout(r, 20));
      await c().put(`${base(a, ag)}&stateId=two`, { n: 2 }).expect(204);
      await c().put(`${base(a, ag)}&registration=${registration}&stateId=three`, { n: 3 }).expect(204);
      expect((await c().get(base(a, ag)).expect(200)).body).toEqual(['one', 'two']);
      expect((await c().get(`${base(a, ag)}&since=${encodeURIComponent(between)}`).expect(200)).body).toEqual(['two']);
      expect((await c().get(`${base(a, ag)}&registration=${registration}`).expect(200)).body).toEqual(['three']);
    });

    it('POST merges JSON objects (top-level keys); into a missing document it stores', async () => {
      const url = `${base()}&stateId=progress`;
      await c().post(url, { a: 1, b: { x: 1 } }).expect(204);
      await c().post(url, { b: { y: 2 }, c: 3 }).expect(204);
      expect((await c().get(url).expect(200)).body).toEqual({ a: 1, b: { y: 2 }, c: 3 });
    });

    it('POST of JSON into a non-JSON document, or of non-JSON, is 400', async () => {
      const url = `${base()}&stateId=text`;
      await c().put(url).set('content-type', 'text/plain').send('hello').expect(204);
      await c().post(url, { a: 1 }).expect(400);
      const json = `${base()}&stateId=json`;
      await c().post(json, { a: 1 }).expect(204);
      await c().post(json).set('content-type', 'application/json').send('[1,2]').expect(400);
      await c().post(json).set('content-type', 'text/plain').send('x').expect(400);
    });

    it('1.0.3: PUT over an existing state without preconditions overwrites it; 2.0: it is 409', async () => {
      const url = `${base()}&stateId=overwrite`;
      await c().put(url, { v: 1 }).expect(204);
      await c().put(url, { v: 2 }).expect(204);
      expect((await c().get(url)).body).toEqual({ v: 2 });
      await c(all, '2.0.0').put(url, { v: 3 }).expect(409);
      const etag = (await c(all, '2.0.0').get(url)).headers.etag as string;
      await c(all, '2.0.0').put(url, { v: 3 }).set('If-Match', etag).expect(204);
    });

    it('If-Match with a stale ETag is 412 and changes nothing; If-None-Match: * on an existing document is 412', async () => {
      const url = `${base()}&stateId=etag`;
      await c().put(url, { v: 1 }).expect(204);
      const first = (await c().get(url)).headers.etag as string;
      await c().put(url, { v: 2 }).set('If-Match', first).expect(204);
      await c().put(url, { v: 3 }).set('If-Match', first).expect(412);
      await c().post(url, { w: 1 }).set('If-Match', first).expect(412);
      await c().delete(url).set('If-Match', first).expect(412);
      await c().put(url, { v: 4 }).set('If-None-Match', '*').expect(412);
      expect((await c().get(url)).body).toEqual({ v: 2 });
    });

    it('DELETE one document, then all of an activity and agent', async () => {
      const a = activity();
      const ag = agent();
      for (const id of ['x', 'y', 'z']) await c().put(`${base(a, ag)}&stateId=${id}`, { id }).expect(204);
      await c().delete(`${base(a, ag)}&stateId=x`).expect(204);
      expect((await c().get(base(a, ag))).body).toEqual(['y', 'z']);
      await c().delete(base(a, ag)).expect(204);
      expect((await c().get(base(a, ag))).body).toEqual([]);
    });

    it('missing or bad parameters are 400: activityId, agent, registration, unknown ones, stateId with since', async () => {
      await c().get(`/xapi/activities/state?agent=${agent()}`).expect(400);
      await c().get(`/xapi/activities/state?activityId=${activity()}`).expect(400);
      await c().get(`/xapi/activities/state?activityId=not-an-iri&agent=${agent()}`).expect(400);
      await c().get(`/xapi/activities/state?activityId=${activity()}&agent=${encodeURIComponent('{"mbox":"x@y"}')}`).expect(400);
      await c().get(`${base()}&registration=abc`).expect(400);
      await c().get(`${base()}&profileId=p`).expect(400);
      await c().get(`${base()}&stateId=a&since=${encodeURIComponent(new Date().toISOString())}`).expect(400);
      await c().put(base(), { a: 1 }).expect(400);
    });

    it('scopes: state opens the state resource only; all/read reads but does not write', async () => {
      const url = `${base()}&stateId=scoped`;
      await c(stateOnly).put(url, { a: 1 }).expect(204);
      await c(stateOnly).get(`/xapi/activities/profile?activityId=${activity()}`).expect(403);
      await c(reader).get(url).expect(200);
      await c(reader).put(url, { a: 2 }).set('If-Match', '*').expect(403);
    });

    it('needs the version header and credentials', async () => {
      await lrs(api.url, all, null).get(`${base()}&stateId=a`).expect(400);
      await lrs(api.url, null).get(`${base()}&stateId=a`).expect(401);
    });
  });

  describe('Activity Profile', () => {
    const base = (a = activity()) => `/xapi/activities/profile?activityId=${a}`;

    it('PUT creates; PUT again without If-Match/If-None-Match is 409 (1.0.3 and 2.0); with If-Match it replaces', async () => {
      const url = `${base()}&profileId=${encodeURIComponent('https://hocso.example.vn/profiles/p1')}`;
      await c().put(url, { a: 1 }).expect(204);
      await c().put(url, { a: 2 }).expect(409);
      await c(all, '2.0.0').put(url, { a: 2 }).expect(409);
      const etag = (await c().get(url)).headers.etag as string;
      await c().put(url, { a: 2 }).set('If-Match', etag).expect(204);
      expect((await c().get(url)).body).toEqual({ a: 2 });
    });

    it('If-None-Match: * creates only when missing', async () => {
      const url = `${base()}&profileId=new`;
      await c().put(url, { a: 1 }).set('If-None-Match', '*').expect(204);
      await c().put(url, { a: 2 }).set('If-None-Match', '*').expect(412);
    });

    it('If-Match on a missing document is 412', async () => {
      await c().put(`${base()}&profileId=ghost`, { a: 1 }).set('If-Match', '"0000000000000000000000000000000000000000"').expect(412);
    });

    it('POST merges; GET lists profile ids; DELETE removes', async () => {
      const a = activity();
      await c().post(`${base(a)}&profileId=m`, { a: 1 }).expect(204);
      await c().post(`${base(a)}&profileId=m`, { b: 2 }).expect(204);
      expect((await c().get(`${base(a)}&profileId=m`)).body).toEqual({ a: 1, b: 2 });
      await c().put(`${base(a)}&profileId=n`).set('content-type', 'text/plain').send('x').expect(204);
      expect((await c().get(base(a))).body).toEqual(['m', 'n']);
      await c().delete(`${base(a)}&profileId=m`).expect(204);
      expect((await c().get(base(a))).body).toEqual(['n']);
    });

    it('DELETE without profileId is 400; a JSON document that is not JSON is 400', async () => {
      await c().delete(base()).expect(400);
      await c().put(`${base()}&profileId=bad`).set('content-type', 'application/json').send('{oops').expect(400);
    });

    it('documents are kept per activity', async () => {
      const one = activity();
      const two = activity();
      await c().put(`${base(one)}&profileId=same`, { who: 'one' }).expect(204);
      await c().put(`${base(two)}&profileId=same`, { who: 'two' }).expect(204);
      expect((await c().get(`${base(one)}&profileId=same`)).body).toEqual({ who: 'one' });
    });
  });

  describe('Agent Profile', () => {
    const base = (ag = agent()) => `/xapi/agents/profile?agent=${ag}`;

    it('PUT, GET with ETag, 409 without precondition, 412 with a stale ETag, list, delete', async () => {
      const ag = agent();
      const url = `${base(ag)}&profileId=prefs`;
      await c().put(url, { lang: 'vi' }).expect(204);
      const etag = (await c().get(url).expect(200)).headers.etag as string;
      await c().put(url, { lang: 'en' }).expect(409);
      await c().put(url, { lang: 'en' }).set('If-Match', etag).expect(204);
      await c().put(url, { lang: 'fr' }).set('If-Match', etag).expect(412);
      expect((await c().get(url)).body).toEqual({ lang: 'en' });
      expect((await c().get(base(ag))).body).toEqual(['prefs']);
      await c().delete(url).expect(204);
      await c().get(url).expect(404);
    });

    it('an identified Group may own a profile; an agent with two IFIs may not', async () => {
      const group = encodeURIComponent(JSON.stringify({ objectType: 'Group', account: { homePage: 'https://hocso.example.vn', name: `to-${randomUUID()}` } }));
      await c().put(`${base(group)}&profileId=g`, { a: 1 }).expect(204);
      const two = encodeURIComponent(JSON.stringify({ mbox: 'mailto:a@example.com', openid: 'https://id.example/a' }));
      await c().get(`${base(two)}&profileId=g`).expect(400);
    });

    it('the same agent written with another IFI spelling (mbox case) finds the same documents', async () => {
      const id = randomUUID();
      await c().put(`${base(encodeURIComponent(JSON.stringify({ mbox: `mailto:Case.${id}@Example.vn` })))}&profileId=p`, { a: 1 }).expect(204);
      await c().get(`${base(encodeURIComponent(JSON.stringify({ mbox: `mailto:case.${id}@example.vn` })))}&profileId=p`).expect(200);
    });

    it('profile scope is needed to write', async () => {
      await c(stateOnly).put(`${base()}&profileId=x`, { a: 1 }).expect(403);
    });
  });
});
