import request from 'supertest';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { startApi, type RunningApi } from '../support/app';
import { createPerson, createTree, createUnit, tag, type TestTree } from '../support/scope-fixtures';

const UNITS = '/api/v1/units';

describe('administrative units (public list of the sign-up and profile pickers)', () => {
  let api: RunningApi;
  let db: DataSource;
  let tree: TestTree;

  beforeAll(async () => {
    api = await startApi();
    db = api.app.get<DataSource>(getDataSourceToken());
    tree = await createTree(db);
    // People and a population in the tree: none of it may show in the public answers.
    await createPerson(db, { name: `Người ở bản A1 ${tree.tag}`, unit: tree.villageA1 });
    await db.query(`INSERT INTO unit_populations (unit_id, target_group, year, population) VALUES ($1, 'citizens', 2025, 4321)`, [tree.communeA.id]);
  });
  afterAll(() => api.close());

  const ref = (u: { id: string; code: string; name: string; level: string }) => ({ id: u.id, code: u.code, name: u.name, level: u.level });

  it('lists the communes of the installation without a session, by name, as id, code, name and level only', async () => {
    const res = await request(api.url).get(UNITS).expect(200);
    expect(Object.keys(res.body)).toEqual(['items']);
    const items = res.body.items as { id: string; code: string; name: string; level: string }[];
    expect(items.every((u) => u.level === 'commune')).toBe(true);
    const ours = items.filter((u) => u.code.startsWith(`T${tree.tag}-`));
    expect(ours).toEqual([ref(tree.communeA), ref(tree.communeB)]);
    for (const unit of items) expect(Object.keys(unit).sort()).toEqual(['code', 'id', 'level', 'name']);
    expect(items.map((u) => u.id)).not.toContain(tree.province.id);
    const explicit = await request(api.url).get(`${UNITS}?level=commune`).expect(200);
    expect(explicit.body).toEqual(res.body);
  });

  it('lists the children of a unit (the villages of a commune), by name', async () => {
    const villages = (await request(api.url).get(`${UNITS}?parentId=${tree.communeA.id}`).expect(200)).body;
    expect(villages).toEqual({ items: [ref(tree.villageA1), ref(tree.villageA2)] });
    const ofLevel = (await request(api.url).get(`${UNITS}?parentId=${tree.communeB.id}&level=village`).expect(200)).body;
    expect(ofLevel).toEqual({ items: [ref(tree.villageB1)] });
    const communes = (await request(api.url).get(`${UNITS}?parentId=${tree.province.id}&level=commune`).expect(200)).body;
    expect(communes).toEqual({ items: [ref(tree.communeA), ref(tree.communeB)] });
    // A village has no children; an unknown parent neither.
    expect((await request(api.url).get(`${UNITS}?parentId=${tree.villageA1.id}`).expect(200)).body).toEqual({ items: [] });
    expect((await request(api.url).get(`${UNITS}?parentId=00000000-0000-4000-8000-000000000000`).expect(200)).body).toEqual({ items: [] });
  });

  it('orders by name, whatever the order of creation', async () => {
    const t = tag();
    const commune = await createUnit(db, tree.province, 'commune', `T${t}-C`, `Xã C ${t}`);
    await createUnit(db, commune, 'village', `T${t}-3`, `Bản Pậu ${t}`);
    await createUnit(db, commune, 'village', `T${t}-1`, `Bản Nà ${t}`);
    await createUnit(db, commune, 'village', `T${t}-2`, `Bản Mường ${t}`);
    const villages = (await request(api.url).get(`${UNITS}?parentId=${commune.id}`).expect(200)).body;
    expect(villages.items.map((u: { code: string }) => u.code)).toEqual([`T${t}-2`, `T${t}-1`, `T${t}-3`]);
  });

  it('refuses a parentId that is not a UUID, a level other than commune or village, and unknown parameters', async () => {
    const bad = await request(api.url).get(`${UNITS}?parentId=not-a-uuid`).expect(400);
    expect(bad.body.details).toEqual([{ field: 'parentId', message: 'parentId must be a UUID' }]);
    const province = await request(api.url).get(`${UNITS}?level=province`).expect(400);
    expect(province.body.details).toEqual([{ field: 'level', message: 'level must be one of: commune, village' }]);
    await request(api.url).get(`${UNITS}?q=x`).expect(400);
  });

  it('answers nothing about people or populations', async () => {
    const answers = await Promise.all([
      request(api.url).get(UNITS).expect(200),
      request(api.url).get(`${UNITS}?parentId=${tree.communeA.id}`).expect(200),
      request(api.url).get(`${UNITS}?parentId=${tree.province.id}`).expect(200),
    ]);
    for (const { text, body } of answers) {
      expect(text).not.toContain('Người ở bản A1');
      // The population (4321) as a value; the text as such may hold "4321" inside another test's random UUID.
      expect(text).not.toMatch(/:\s*"?4321\b/);
      for (const item of (body as { items: object[] }).items) expect(Object.keys(item).sort()).toEqual(['code', 'id', 'level', 'name']);
      expect(text).not.toMatch(/population|household|phone|displayName|path|parentId/i);
    }
  });
});
