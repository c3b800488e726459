import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { startApi, type RunningApi } from '../support/app';
import { as, auditOf, createPerson, createTree, type TestPerson, type TestTree } from '../support/scope-fixtures';

const USERS = '/api/v1/admin/users';

describe('administration of users and roles: scope enforced in the queries', () => {
  let api: RunningApi;
  let db: DataSource;
  let tree: TestTree;
  let admin: TestPerson;
  let officialA: TestPerson;
  let officialB: TestPerson;
  let inA: TestPerson; // lives in a village of commune A
  let inA2: TestPerson;
  let inB: TestPerson;
  let homeless: TestPerson; // no unit: only administrators see them
  let learner: TestPerson;

  beforeAll(async () => {
    api = await startApi();
    db = api.app.get<DataSource>(getDataSourceToken());
    tree = await createTree(db);
    admin = await createPerson(db, { name: `Quản trị ${tree.tag}`, roles: [{ role: 'administrator' }] });
    officialA = await createPerson(db, { name: `Cán bộ A ${tree.tag}`, unit: tree.communeA, roles: [{ role: 'official', unit: tree.communeA }] });
    officialB = await createPerson(db, { name: `Cán bộ B ${tree.tag}`, unit: tree.communeB, roles: [{ role: 'official', unit: tree.communeB }] });
    inA = await createPerson(db, { name: `Lò Văn Páo ${tree.tag}`, unit: tree.villageA1, email: `pao.${tree.tag}@example.vn` });
    inA2 = await createPerson(db, { name: `Lò Thị Mai ${tree.tag}`, unit: tree.villageA2 });
    inB = await createPerson(db, { name: `Tòng Văn Ánh ${tree.tag}`, unit: tree.villageB1 });
    homeless = await createPerson(db, { name: `Không nơi ${tree.tag}` });
    learner = await createPerson(db, { unit: tree.villageA1 });
  });
  afterAll(() => api.close());

  const ids = (body: { items: { id: string }[] }) => body.items.map((u) => u.id).sort();
  const search = (who: TestPerson, query: string) => as(api.url, who).get(`${USERS}?limit=100&${query}`);

  describe('IDOR: an official of commune A', () => {
    it('lists only people living in A and below', async () => {
      const res = (await search(officialA, `q=${tree.tag}`).expect(200)).body;
      expect(ids(res)).toEqual([officialA.id, inA.id, inA2.id].sort());
      expect(res.total).toBe(3);
      expect((await search(officialA, `q=${tree.tag}&offset=10`).expect(200)).body).toEqual({ items: [], total: 3 });
      const all = (await search(officialA, '').expect(200)).body;
      const unitCodes = new Set(all.items.map((u: { unit: { code: string } | null }) => u.unit?.code));
      expect([...unitCodes].sort()).toEqual([tree.communeA.code, tree.villageA1.code, tree.villageA2.code].sort());
    });

    it('finds by phone number in any spelling, by name and by email — within A only', async () => {
      const national = `0${inA.phone!.slice(3)}`;
      const byPhone = (await search(officialA, `q=${encodeURIComponent(national.replace(/(\d{4})(\d{3})/, '$1 $2 '))}`).expect(200)).body;
      expect(byPhone.items).toMatchObject([{ id: inA.id, phone: inA.phone, unit: { code: tree.villageA1.code } }]);
      expect((await search(officialA, `q=${encodeURIComponent(inB.phone!)}`).expect(200)).body).toEqual({ items: [], total: 0 });
      expect(ids((await search(officialA, `q=${encodeURIComponent(`páo ${tree.tag}`)}`).expect(200)).body)).toEqual([inA.id]);
      expect(ids((await search(officialA, `q=${encodeURIComponent(`PAO.${tree.tag}@example.vn`)}`).expect(200)).body)).toEqual([inA.id]);
      expect(ids((await search(officialA, `q=${encodeURIComponent(`Tòng Văn Ánh ${tree.tag}`)}`).expect(200)).body)).toEqual([]);
    });

    it("reads a user of A; a user of B, one without a unit and an unknown id are the same 404", async () => {
      const read = (await as(api.url, officialA).get(`${USERS}/${inA.id}`).expect(200)).body;
      expect(read).toMatchObject({ id: inA.id, phone: inA.phone, email: `pao.${tree.tag}@example.vn`, roles: [] });
      const b = await as(api.url, officialA).get(`${USERS}/${inB.id}`).expect(404);
      const none = await as(api.url, officialA).get(`${USERS}/00000000-0000-4000-8000-000000000000`).expect(404);
      expect(b.body.message).toBe(none.body.message);
      await as(api.url, officialA).get(`${USERS}/${homeless.id}`).expect(404);
      await as(api.url, officialA).get(`${USERS}/${officialB.id}`).expect(404);
    });

    it("filtering by a unit of B is a 404, not B's people", async () => {
      await search(officialA, `unitId=${tree.communeB.id}`).expect(404);
      expect(ids((await search(officialA, `unitId=${tree.villageA2.id}`).expect(200)).body)).toEqual([inA2.id]);
    });

    it('official B sees B only', async () => {
      expect(ids((await search(officialB, `q=${tree.tag}`).expect(200)).body)).toEqual([officialB.id, inB.id].sort());
    });
  });

  it('lets an administrator see everyone, people without a unit included', async () => {
    const res = (await search(admin, `q=${tree.tag}`).expect(200)).body;
    expect(ids(res)).toEqual([admin.id, officialA.id, officialB.id, inA.id, inA2.id, inB.id, homeless.id].sort());
    await as(api.url, admin).get(`${USERS}/${homeless.id}`).expect(200);
    expect(ids((await search(admin, `q=${tree.tag}&role=official`).expect(200)).body)).toEqual([officialA.id, officialB.id].sort());
  });

  it('refuses learners (403) and anonymous callers (401)', async () => {
    await as(api.url, learner).get(USERS).expect(403);
    await as(api.url, learner).get(`${USERS}/${inA.id}`).expect(403);
    await as(api.url, learner).post(`${USERS}/${inA.id}/roles`, { role: 'mentor' }).expect(403);
    await as(api.url).get(USERS).expect(401);
  });

  it('audits every list and read of personal data (ids, never the search text)', async () => {
    const reader = await createPerson(db, { unit: tree.communeA, roles: [{ role: 'official', unit: tree.communeA }] });
    const res = await search(reader, `q=${encodeURIComponent(inA.phone!)}`).set('x-request-id', `audit-list-${tree.tag}`).expect(200);
    await as(api.url, reader).get(`${USERS}/${inA2.id}`).expect(200);
    const lists = await auditOf(db, reader.id, 'user.list');
    expect(lists).toEqual([{ subjectId: null, requestId: `audit-list-${tree.tag}`, details: expect.objectContaining({ userIds: [inA.id], total: 1, search: 'phone' }) }]);
    expect(JSON.stringify(lists)).not.toContain(inA.phone!.slice(3));
    expect(res.body.items[0].phone).toBe(inA.phone);
    expect(await auditOf(db, reader.id, 'user.read')).toEqual([expect.objectContaining({ subjectId: inA2.id })]);
  });

  describe('roles', () => {
    const rolesOf = async (userId: string) =>
      (await db.query(`SELECT r.role, u.code FROM role_assignments r LEFT JOIN administrative_units u ON u.id = r.unit_id WHERE r.user_id = $1 ORDER BY r.role`, [userId])) as {
        role: string;
        code: string | null;
      }[];

    it('an official grants facilitator in their subtree and mentor; each change is audited; a repeat is a 409', async () => {
      const person = await createPerson(db, { unit: tree.villageA1 });
      const granted = (await as(api.url, officialA).post(`${USERS}/${person.id}/roles`, { role: 'facilitator', unitId: tree.villageA1.id }).expect(201)).body;
      expect(granted).toMatchObject({ role: 'facilitator', unit: { id: tree.villageA1.id, code: tree.villageA1.code }, grantedBy: officialA.id });
      await as(api.url, officialA).post(`${USERS}/${person.id}/roles`, { role: 'mentor' }).expect(201);
      await as(api.url, officialA).post(`${USERS}/${person.id}/roles`, { role: 'facilitator', unitId: tree.villageA1.id }).expect(409);
      expect(await rolesOf(person.id)).toEqual([{ role: 'facilitator', code: tree.villageA1.code }, { role: 'mentor', code: null }]);
      const audit = await auditOf(db, officialA.id, 'role.grant');
      expect(audit.filter((a) => a.subjectId === person.id).map((a) => a.details)).toEqual([
        { assignmentId: granted.id, role: 'facilitator', unitId: tree.villageA1.id, unitCode: tree.villageA1.code },
        expect.objectContaining({ role: 'mentor', unitId: null }),
      ]);


      await as(api.url, officialA).delete(`${USERS}/${person.id}/roles/${granted.id}`).expect(204);
      expect(await rolesOf(person.id)).toEqual([{ role: 'mentor', code: null }]);
      expect((await auditOf(db, officialA.id, 'role.revoke')).map((a) => a.details)).toContainEqual({
        assignmentId: granted.id,
        role: 'facilitator',
        unitId: tree.villageA1.id,
        unitCode: tree.villageA1.code,
      });
    });

    it('an official cannot grant in B: a unit of B or a person of B is a 404, and nothing is written', async () => {
      const person = await createPerson(db, { unit: tree.villageA1 });
      await as(api.url, officialA).post(`${USERS}/${person.id}/roles`, { role: 'facilitator', unitId: tree.communeB.id }).expect(404);
      await as(api.url, officialA).post(`${USERS}/${inB.id}/roles`, { role: 'mentor' }).expect(404);
      await as(api.url, officialA).post(`${USERS}/${person.id}/roles`, { role: 'facilitator', unitId: tree.province.id }).expect(404);
      expect(await rolesOf(person.id)).toEqual([]);
      expect(await rolesOf(inB.id)).toEqual([]);
    });

    it('an official may not grant administrator, official, author or reviewer (403)', async () => {
      const person = await createPerson(db, { unit: tree.villageA1 });
      const res = await as(api.url, officialA).post(`${USERS}/${person.id}/roles`, { role: 'administrator' }).expect(403);
      expect(res.body.message).toBe('An official may grant only the roles facilitator and mentor');
      await as(api.url, officialA).post(`${USERS}/${person.id}/roles`, { role: 'official', unitId: tree.villageA1.id }).expect(403);
      await as(api.url, officialA).post(`${USERS}/${person.id}/roles`, { role: 'author' }).expect(403);
      expect(await rolesOf(person.id)).toEqual([]);
    });

    it('nobody grants themselves anything, administrators included', async () => {
      await as(api.url, officialA).post(`${USERS}/${officialA.id}/roles`, { role: 'mentor' }).expect(403);
      await as(api.url, admin).post(`${USERS}/${admin.id}/roles`, { role: 'author' }).expect(403);
      const [own] = await db.query(`SELECT id FROM role_assignments WHERE user_id = $1`, [admin.id]);
      await as(api.url, admin).delete(`${USERS}/${admin.id}/roles/${own.id}`).expect(403);
    });

    it('an administrator grants any role anywhere; an official cannot revoke it (403)', async () => {
      const person = await createPerson(db, { unit: tree.villageB1 });
      const official = (await as(api.url, admin).post(`${USERS}/${person.id}/roles`, { role: 'official', unitId: tree.communeB.id }).expect(201)).body;
      await as(api.url, admin).post(`${USERS}/${person.id}/roles`, { role: 'author' }).expect(201);
      expect(await rolesOf(person.id)).toEqual([{ role: 'author', code: null }, { role: 'official', code: tree.communeB.code }]);
      expect((await auditOf(db, admin.id, 'role.grant')).filter((a) => a.subjectId === person.id)).toHaveLength(2);
      // In force at the person's next request (the session guard reads roles per request), scoped to B.
      const roots = (await as(api.url, person).get('/api/v1/admin/units/roots').expect(200)).body;
      expect(roots.map((u: { code: string }) => u.code)).toEqual([tree.communeB.code]);
      await as(api.url, person).get(`${USERS}/${inA.id}`).expect(404);
      await as(api.url, officialB).delete(`${USERS}/${person.id}/roles/${official.id}`).expect(403);
      await as(api.url, officialA).delete(`${USERS}/${person.id}/roles/${official.id}`).expect(404);
      await as(api.url, admin).delete(`${USERS}/${person.id}/roles/${official.id}`).expect(204);
      await as(api.url, admin).delete(`${USERS}/${person.id}/roles/${official.id}`).expect(404);
    });

    it('an official cannot revoke a facilitator role covering a unit outside their area', async () => {
      const person = await createPerson(db, { unit: tree.villageA1 });
      const elsewhere = (await as(api.url, admin).post(`${USERS}/${person.id}/roles`, { role: 'facilitator', unitId: tree.communeB.id }).expect(201)).body;
      const res = await as(api.url, officialA).delete(`${USERS}/${person.id}/roles/${elsewhere.id}`).expect(403);
      expect(res.body.message).toBe('This role covers a unit outside your area');
    });

    it('whitelists the body (no mass assignment) and checks unitId against the role', async () => {
      const person = await createPerson(db, { unit: tree.villageA1 });
      const extra = await as(api.url, admin).post(`${USERS}/${person.id}/roles`, { role: 'mentor', grantedBy: person.id, userId: admin.id }).expect(400);
      expect(extra.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['grantedBy', 'userId']);
      await as(api.url, admin).post(`${USERS}/${person.id}/roles`, { role: 'facilitator' }).expect(400);
      await as(api.url, admin).post(`${USERS}/${person.id}/roles`, { role: 'mentor', unitId: tree.communeA.id }).expect(400);
      await as(api.url, admin).post(`${USERS}/${person.id}/roles`, { role: 'king' }).expect(400);
      expect(await rolesOf(person.id)).toEqual([]);
    });

    it('needs the session CSRF token for a change', async () => {
      const person = await createPerson(db, { unit: tree.villageA1 });
      await as(api.url, { ...officialA, csrfToken: 'wrong' }).post(`${USERS}/${person.id}/roles`, { role: 'mentor' }).expect(403);
      expect(await rolesOf(person.id)).toEqual([]);
    });
  });
});
