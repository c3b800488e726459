import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { startApi, type RunningApi } from '../support/app';
import { as, createPerson, createTree, startSession, type TestPerson, type TestTree } from '../support/scope-fixtures';

const MINE = '/api/v1/households/mine';

describe('households ("Digital Family")', () => {
  let api: RunningApi;
  let db: DataSource;
  let tree: TestTree;

  beforeAll(async () => {
    api = await startApi();
    db = api.app.get<DataSource>(getDataSourceToken());
    tree = await createTree(db);
  });
  afterAll(() => api.close());

  const householdOf = async (userId: string) =>
    ((await db.query(`SELECT household_id AS id FROM household_members WHERE user_id = $1`, [userId])) as { id: string }[])[0]?.id;

  it('a signed-in user creates a household in their unit, adds a member by phone, and sees the members', async () => {
    const father = await createPerson(db, { name: 'Lò Văn Páo', unit: tree.villageA1 });
    const daughter = await createPerson(db, { name: 'Lò Thị Mai', unit: tree.villageA1, signedIn: false });
    await as(api.url, father).get(MINE).expect(404);

    const created = (await as(api.url, father).post('/api/v1/households', { name: 'Gia đình ông Lò Văn Páo', relation: 'chủ hộ' }).expect(201)).body;
    expect(created).toMatchObject({
      name: 'Gia đình ông Lò Văn Páo',
      unit: { id: tree.villageA1.id, code: tree.villageA1.code, level: 'village' },
      createdBy: father.id,
      joinCode: expect.stringMatching(/^[2-9A-HJKMNP-Z]{8}$/),
      members: [{ userId: father.id, displayName: 'Lò Văn Páo', relation: 'chủ hộ', learning: true }],
    });

    const national = `0${daughter.phone!.slice(3)}`; // typed as people do: 09xx xxx xxx
    const added = (await as(api.url, father).post(`${MINE}/members`, { phone: national, relation: 'con gái' }).expect(201)).body;
    expect(added.members).toEqual([
      expect.objectContaining({ userId: father.id }),
      expect.objectContaining({ userId: daughter.id, displayName: 'Lò Thị Mai', relation: 'con gái', learning: false }),
    ]);
    expect((await as(api.url, father).get(MINE).expect(200)).body.id).toBe(created.id);
  });

  it('a person belongs to at most one household: a second one is a 409, whether created, added or joined', async () => {
    const a = await createPerson(db, { unit: tree.villageA1 });
    const b = await createPerson(db, { unit: tree.villageA2 });
    await as(api.url, a).post('/api/v1/households', { name: 'Nhà A' }).expect(201);
    const home = (await as(api.url, b).post('/api/v1/households', { name: 'Nhà B' }).expect(201)).body;

    const again = await as(api.url, a).post('/api/v1/households', { name: 'Nhà A lần hai' }).expect(409);
    expect(again.body.message).toContain('already belong to a household');
    await as(api.url, a).post(`${MINE}/members`, { phone: b.phone }).expect(409);
    await as(api.url, a).post('/api/v1/households/join', { code: home.joinCode }).expect(409);
    // The primary key is the rule, even when two requests race.
    const c = await createPerson(db, { unit: tree.villageA1 });
    const results = await Promise.all([as(api.url, c).post('/api/v1/households', { name: 'Một' }), as(api.url, c).post('/api/v1/households', { name: 'Hai' })]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await db.query(`SELECT count(*)::int AS n FROM household_members WHERE user_id = $1`, [c.id])).toEqual([{ n: 1 }]);
  });

  it('joins with the household code (any case, dashes), which members can renew', async () => {
    const host = await createPerson(db, { unit: tree.villageA2 });
    const guest = await createPerson(db, { unit: tree.villageA2 });
    const home = (await as(api.url, host).post('/api/v1/households', { name: 'Nhà Thôn A2' }).expect(201)).body;
    const typed = `${home.joinCode.slice(0, 4).toLowerCase()}-${home.joinCode.slice(4)}`;
    const joined = (await as(api.url, guest).post('/api/v1/households/join', { code: typed, relation: 'cháu' }).expect(200)).body;
    expect(joined.members.map((m: { userId: string }) => m.userId)).toEqual([host.id, guest.id]);

    const renewed = (await as(api.url, guest).post(`${MINE}/code`).expect(200)).body;
    expect(renewed.joinCode).not.toBe(home.joinCode);
    const late = await createPerson(db, { unit: tree.villageA2 });
    await as(api.url, late).post('/api/v1/households/join', { code: home.joinCode }).expect(404);
    await as(api.url, late).post('/api/v1/households/join', { code: renewed.joinCode }).expect(200);
  });

  it('refuses an unknown phone (404), an invalid one (400), a user without a unit (409) and unknown fields', async () => {
    const host = await createPerson(db, { unit: tree.villageA1 });
    await as(api.url, host).post(`${MINE}/members`, { phone: '0912345678' }).expect(404); // not in a household yet
    await as(api.url, host).post('/api/v1/households', { name: 'Nhà', unitId: tree.communeB.id }).expect(400);
    await as(api.url, host).post('/api/v1/households', { name: 'Nhà' }).expect(201);
    await as(api.url, host).post(`${MINE}/members`, { phone: '+84 399 000 000' }).expect(404);
    const invalid = await as(api.url, host).post(`${MINE}/members`, { phone: '12345' }).expect(400);
    expect(invalid.body.details[0].field).toBe('phone');
    const nowhere = await createPerson(db, { unit: null });
    await as(api.url, nowhere).post('/api/v1/households', { name: 'Nhà' }).expect(409);
    await as(api.url).post('/api/v1/households', { name: 'Nhà' }).expect(401);
  });

  it('members leave; the creator removes others and hands over on leaving; the last one out deletes the household', async () => {
    const host = await createPerson(db, { unit: tree.villageA1 });
    const other = await createPerson(db, { unit: tree.villageA1 });
    const third = await createPerson(db, { unit: tree.villageA1 });
    const home = (await as(api.url, host).post('/api/v1/households', { name: 'Nhà' }).expect(201)).body;
    await as(api.url, host).post(`${MINE}/members`, { phone: other.phone }).expect(201);
    await as(api.url, host).post(`${MINE}/members`, { phone: third.phone }).expect(201);

    await as(api.url, other).delete(`${MINE}/members/${third.id}`).expect(403);
    await as(api.url, host).delete(`${MINE}/members/${host.id}`).expect(400); // leaving is POST mine/leave
    await as(api.url, host).post(`${MINE}/leave`).expect(204);
    await as(api.url, host).post(`${MINE}/leave`).expect(404);
    const after = (await as(api.url, other).delete(`${MINE}/members/${third.id}`).expect(200)).body;
    expect(after).toMatchObject({ createdBy: other.id, members: [{ userId: other.id }] });
    expect(await householdOf(third.id)).toBeUndefined();
    await as(api.url, other).post(`${MINE}/leave`).expect(204);
    expect(await db.query(`SELECT 1 FROM households WHERE id = $1`, [home.id])).toEqual([]);
  });

  describe('for officials: counts and lists in scope', () => {
    let officialA: TestPerson;
    let learner: TestPerson;
    let coveredHome: string;
    let idleHome: string;
    let homeB: string;

    beforeAll(async () => {
      const t = await createTree(db);
      tree = t;
      officialA = await createPerson(db, { unit: t.communeA, roles: [{ role: 'official', unit: t.communeA }] });
      learner = await createPerson(db, { unit: t.villageA1 });

      // Covered: a member signed in today.
      const active = await createPerson(db, { unit: t.villageA1 });
      coveredHome = (await as(api.url, active).post('/api/v1/households', { name: 'Nhà học số' }).expect(201)).body.id;
      // Not covered: its only member was last seen 40 days ago.
      const idle = await createPerson(db, { unit: t.villageA2 });
      idleHome = (await as(api.url, idle).post('/api/v1/households', { name: 'Nhà chưa học' }).expect(201)).body.id;
      await db.query(`UPDATE sessions SET last_seen_at = now() - interval '40 days' WHERE user_id = $1`, [idle.id]);
      const inB = await createPerson(db, { unit: t.villageB1 });
      homeB = (await as(api.url, inB).post('/api/v1/households', { name: 'Nhà xã B' }).expect(201)).body.id;
    });

    it('counts households and covered ones for a unit of the area and each child', async () => {
      const res = (await as(api.url, officialA).get(`/api/v1/admin/households/coverage?unitId=${tree.communeA.id}`).expect(200)).body;
      expect(res).toEqual({
        unit: { id: tree.communeA.id, code: tree.communeA.code, name: tree.communeA.name, level: 'commune' },
        households: 2,
        covered: 1,
        children: [
          { unit: expect.objectContaining({ id: tree.villageA1.id }), households: 1, covered: 1 },
          { unit: expect.objectContaining({ id: tree.villageA2.id }), households: 1, covered: 0 },
        ],
      });
    });

    it('a household becomes covered when any member signs in', async () => {
      const [idleMember] = await db.query(`SELECT user_id AS id FROM household_members WHERE household_id = $1`, [idleHome]);
      await startSession(db, idleMember.id);
      const res = (await as(api.url, officialA).get(`/api/v1/admin/households/coverage?unitId=${tree.villageA2.id}`).expect(200)).body;
      expect(res).toMatchObject({ households: 1, covered: 1, children: [] });
    });

    it("lists A's households only; B's households are a 404 (by unit) and absent (by list)", async () => {
      const list = (await as(api.url, officialA).get('/api/v1/admin/households?limit=500').expect(200)).body;
      const listed = list.items.map((h: { id: string }) => h.id);
      expect(listed).toEqual(expect.arrayContaining([coveredHome, idleHome]));
      expect(listed).not.toContain(homeB);
      const past = (await as(api.url, officialA).get('/api/v1/admin/households?offset=400').expect(200)).body;
      expect(past).toEqual({ items: [], total: list.total });
      for (const h of list.items) expect([tree.communeA.code, tree.villageA1.code, tree.villageA2.code]).toContain(h.unit.code);
      expect(list.items.find((h: { id: string }) => h.id === coveredHome)).toMatchObject({ memberCount: 1, covered: true, name: 'Nhà học số' });

      await as(api.url, officialA).get(`/api/v1/admin/households?unitId=${tree.communeB.id}`).expect(404);
      await as(api.url, officialA).get(`/api/v1/admin/households/coverage?unitId=${tree.communeB.id}`).expect(404);
      await as(api.url, officialA).get(`/api/v1/admin/households/coverage?unitId=${tree.province.id}`).expect(404);
    });

    it('refuses learners', async () => {
      await as(api.url, learner).get(`/api/v1/admin/households/coverage?unitId=${tree.villageA1.id}`).expect(403);
      await as(api.url, learner).get('/api/v1/admin/households').expect(403);
    });
  });
});
