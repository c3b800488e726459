import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { ContentJobsService } from '../../apps/api/src/modules/content/content-jobs.service';
import { DEMO_POPULATIONS_CSV, DEMO_UNITS_CSV } from '../../apps/api/src/modules/content/demo-units';
import { UnitsService } from '../../apps/api/src/modules/units/units.service';
import { QueueName } from '../../apps/api/src/queue/queues';
import { startApi, startWorker, waitFor, type RunningApi } from '../support/app';
import { as, auditOf, createPerson, createTree, tag, type TestPerson, type TestTree } from '../support/scope-fixtures';

const UNITS = '/api/v1/admin/units';

describe('administrative units (admin API)', () => {
  let api: RunningApi;
  let db: DataSource;
  let tree: TestTree;
  let admin: TestPerson;
  let officialA: TestPerson;
  let learner: TestPerson;

  beforeAll(async () => {
    api = await startApi();
    db = api.app.get<DataSource>(getDataSourceToken());
    tree = await createTree(db);
    admin = await createPerson(db, { roles: [{ role: 'administrator' }] });
    officialA = await createPerson(db, { unit: tree.communeA, roles: [{ role: 'official', unit: tree.communeA }] });
    learner = await createPerson(db, { unit: tree.villageA1 });
  });
  afterAll(() => api.close());

  const codesOf = (units: { code: string }[]) => units.map((u) => u.code);

  describe('the tree', () => {
    it('creates country → province → commune → village, each path = parent path + own id', async () => {
      const t = tag();
      const country = (await as(api.url, admin).post(UNITS, { code: `C${t}`, name: 'Việt Nam thử', level: 'country' }).expect(201)).body;
      expect(country).toMatchObject({ code: `C${t}`, level: 'country', parentId: null, path: `/${country.id}/` });
      const province = (await as(api.url, admin).post(UNITS, { code: `C${t}-12`, name: 'Tỉnh Lai Châu thử', level: 'province', parentId: country.id }).expect(201)).body;
      expect(province.path).toBe(`${country.path}${province.id}/`);
      const commune = (await as(api.url, admin).post(UNITS, { code: `C${t}-BL`, name: 'Xã Bình Lư', level: 'commune', parentId: province.id }).expect(201)).body;
      const village = (await as(api.url, admin).post(UNITS, { code: `C${t}-BL-1`, name: 'Bản Nà Phát', level: 'village', parentId: commune.id }).expect(201)).body;
      expect(village).toMatchObject({ name: 'Bản Nà Phát', parentId: commune.id, path: `${commune.path}${village.id}/` });

      const ancestors = (await as(api.url, admin).get(`${UNITS}/${village.id}/ancestors`).expect(200)).body;
      expect(codesOf(ancestors)).toEqual([`C${t}`, `C${t}-12`, `C${t}-BL`, `C${t}-BL-1`]);
      const created = (await auditOf(db, admin.id, 'unit.create')).map((e) => e.subjectId);
      expect(created).toEqual(expect.arrayContaining([country.id, province.id, commune.id, village.id]));
    });

    it('refuses a level that is not the one below the parent, a duplicate code and unknown fields', async () => {
      const t = tag();
      const skip = await as(api.url, admin).post(UNITS, { code: `S${t}`, name: 'Bản', level: 'village', parentId: tree.province.id }).expect(400);
      expect(skip.body.message).toContain('is a commune, not a village');
      await as(api.url, admin).post(UNITS, { code: `S${t}`, name: 'Bản', level: 'village', parentId: tree.villageA1.id }).expect(400);
      await as(api.url, admin).post(UNITS, { code: `S${t}`, name: 'Không cha', level: 'province' }).expect(400);
      const dup = await as(api.url, admin).post(UNITS, { code: tree.communeA.code, name: 'X', level: 'commune', parentId: tree.province.id }).expect(409);
      expect(dup.body.message).toContain(tree.communeA.code);
      const extra = await as(api.url, admin).post(UNITS, { code: `S${t}`, name: 'X', level: 'commune', parentId: tree.province.id, path: '/' }).expect(400);
      expect(extra.body.details).toEqual([{ field: 'path', message: 'property path should not exist' }]);
    });

    it('lists children, the subtree (prefix match, paged, by level) and searches by name or code', async () => {
      const children = (await as(api.url, admin).get(`${UNITS}/${tree.province.id}/children`).expect(200)).body;
      expect(codesOf(children)).toEqual([tree.communeA.code, tree.communeB.code]);

      const subtree = (await as(api.url, admin).get(`${UNITS}/${tree.province.id}/subtree`).expect(200)).body;
      expect(subtree.total).toBe(6);
      expect(codesOf(subtree.items)).toEqual([tree.province, tree.communeA, tree.communeB, tree.villageA1, tree.villageA2, tree.villageB1].map((u) => u.code));
      const villages = (await as(api.url, admin).get(`${UNITS}/${tree.province.id}/subtree?level=village&limit=2&offset=1`).expect(200)).body;
      expect(villages).toMatchObject({ total: 3, items: [{ code: tree.villageA2.code }, { code: tree.villageB1.code }] });
      const past = (await as(api.url, admin).get(`${UNITS}/${tree.province.id}/subtree?offset=50`).expect(200)).body;
      expect(past).toEqual({ items: [], total: 6 });

      const byName = (await as(api.url, admin).get(`${UNITS}?q=${encodeURIComponent(`bản a1 ${tree.tag}`)}`).expect(200)).body;
      expect(codesOf(byName.items)).toEqual([tree.villageA1.code]);
      const byCode = (await as(api.url, admin).get(`${UNITS}?q=${tree.communeB.code}`).expect(200)).body;
      expect(codesOf(byCode.items)).toEqual([tree.communeB.code]);
      const wildcard = (await as(api.url, admin).get(`${UNITS}?q=${encodeURIComponent('%')}&level=village`).expect(200)).body;
      expect(wildcard.total).toBe(0);
    });
  });

  describe('scope of an official (commune A)', () => {
    it('sees A and below; B, the province and unknown ids are the same 404', async () => {
      expect((await as(api.url, officialA).get(`${UNITS}/${tree.communeA.id}`).expect(200)).body.code).toBe(tree.communeA.code);
      await as(api.url, officialA).get(`${UNITS}/${tree.villageA1.id}`).expect(200);
      const b = await as(api.url, officialA).get(`${UNITS}/${tree.communeB.id}`).expect(404);
      const unknown = await as(api.url, officialA).get(`${UNITS}/00000000-0000-4000-8000-000000000000`).expect(404);
      expect(b.body.message).toBe(unknown.body.message);
      await as(api.url, officialA).get(`${UNITS}/${tree.province.id}`).expect(404);
      await as(api.url, officialA).get(`${UNITS}/${tree.communeB.id}/children`).expect(404);
      await as(api.url, officialA).get(`${UNITS}/${tree.province.id}/subtree`).expect(404);
      await as(api.url, officialA).get(`${UNITS}/${tree.villageB1.id}/ancestors`).expect(404);
      await as(api.url, officialA).get(`${UNITS}/${tree.communeB.id}/populations`).expect(404);
    });

    it("lists only their subtree: roots, search and subtree; the breadcrumb of their own units shows the ancestors' names", async () => {
      expect(codesOf((await as(api.url, officialA).get(`${UNITS}/roots`).expect(200)).body)).toEqual([tree.communeA.code]);
      const all = (await as(api.url, officialA).get(`${UNITS}?q=${tree.tag}&limit=500`).expect(200)).body;
      expect(codesOf(all.items)).toEqual([tree.communeA.code, tree.villageA1.code, tree.villageA2.code]);
      const subtree = (await as(api.url, officialA).get(`${UNITS}/${tree.communeA.id}/subtree`).expect(200)).body;
      expect(subtree.total).toBe(3);
      const crumbs = (await as(api.url, officialA).get(`${UNITS}/${tree.villageA1.id}/ancestors`).expect(200)).body;
      expect(codesOf(crumbs)).toEqual([tree.country.code, tree.province.code, tree.communeA.code, tree.villageA1.code]);
    });

    it('creates a village in A, but not in B (404) nor a commune at the top', async () => {
      const t = tag();
      const village = (await as(api.url, officialA).post(UNITS, { code: `V${t}`, name: 'Thôn Mới', level: 'village', parentId: tree.communeA.id }).expect(201)).body;
      expect(village.path.startsWith(tree.communeA.path)).toBe(true);
      await as(api.url, officialA).post(UNITS, { code: `W${t}`, name: 'Thôn', level: 'village', parentId: tree.communeB.id }).expect(404);
      await as(api.url, officialA).post(UNITS, { code: `W${t}`, name: 'Nước', level: 'country' }).expect(403);
      expect(await db.query(`SELECT 1 FROM administrative_units WHERE code = $1`, [`W${t}`])).toEqual([]);
    });

    it('may not import (administrators only)', async () => {
      await as(api.url, officialA).csv(`${UNITS}/import`, 'code,name,level,parent_code\n').expect(403);
      await as(api.url, officialA).csv(`${UNITS}/populations/import`, 'unit_code,target_group,year,population\n').expect(403);
    });
  });

  it('refuses learners (403) and anonymous callers (401), imports included', async () => {
    await as(api.url, learner).get(`${UNITS}/roots`).expect(403);
    await as(api.url, learner).get(`${UNITS}/${tree.villageA1.id}`).expect(403);
    await as(api.url, learner).csv(`${UNITS}/import`, 'code,name,level,parent_code\n').expect(403);
    await as(api.url).get(`${UNITS}/roots`).expect(401);
    await as(api.url).csv(`${UNITS}/import`, 'code,name,level,parent_code\n').expect(401);
  });

  describe('CSV import', () => {
    const header = 'code,name,level,parent_code\r\n';
    const unitsOf = (t: string) => db.query(`SELECT code, name, level FROM administrative_units WHERE code LIKE $1 ORDER BY code`, [`I${t}%`]) as Promise<{ code: string; name: string }[]>;

    it('imports a good file (children first, BOM, CRLF, quoted names with diacritics), then a repeat changes nothing', async () => {
      const t = tag();
      const csv =
        `\uFEFF${header}I${t}-V1,Bản Nà Phát,village,I${t}-C1\r\nI${t}-V2,"Thôn ""Mới"", Đông",village,I${t}-C1\r\n` +
        `I${t}-C1,Xã Bình Lư,commune,I${t}-P\r\nI${t}-P,Tỉnh Lai Châu,province,${tree.country.code}\r\n`;
      expect((await as(api.url, admin).csv(`${UNITS}/import`, csv).expect(200)).body).toEqual({ created: 4, updated: 0, unchanged: 0 });
      const rows = await db.query(
        `SELECT u.code, u.name, p.code AS parent, u.path LIKE p.path || '%' AS under FROM administrative_units u JOIN administrative_units p ON p.id = u.parent_id WHERE u.code LIKE $1 ORDER BY u.code`,
        [`I${t}%`],
      );
      expect(rows).toEqual([
        { code: `I${t}-C1`, name: 'Xã Bình Lư', parent: `I${t}-P`, under: true },
        { code: `I${t}-P`, name: 'Tỉnh Lai Châu', parent: tree.country.code, under: true },
        { code: `I${t}-V1`, name: 'Bản Nà Phát', parent: `I${t}-C1`, under: true },
        { code: `I${t}-V2`, name: 'Thôn "Mới", Đông', parent: `I${t}-C1`, under: true },
      ]);
      expect((await as(api.url, admin).csv(`${UNITS}/import`, csv).expect(200)).body).toEqual({ created: 0, updated: 0, unchanged: 4 });
      const imports = await auditOf(db, admin.id, 'unit.import');
      expect(imports.slice(-2).map((e) => e.details)).toEqual([
        { created: 4, updated: 0, unchanged: 0, rows: 4 },
        { created: 0, updated: 0, unchanged: 4, rows: 4 },
      ]);

      // A renamed commune moved to another province takes its villages along (paths rebased).
      const moved = `${header}I${t}-P2,Tỉnh Hai,province,${tree.country.code}\r\nI${t}-C1,Xã Bình Lư Mới,commune,I${t}-P2\r\n`;
      expect((await as(api.url, admin).csv(`${UNITS}/import`, moved).expect(200)).body).toEqual({ created: 1, updated: 1, unchanged: 0 });
      const [village] = await db.query(
        `SELECT v.path LIKE p2.path || '%' AS under FROM administrative_units v, administrative_units p2 WHERE v.code = $1 AND p2.code = $2`,
        [`I${t}-V1`, `I${t}-P2`],
      );
      expect(village).toEqual({ under: true });
    });

    it('refuses a file with a bad line with a 400 naming the line, and writes nothing', async () => {
      const t = tag();
      const csv = `${header}I${t}-C1,Xã Một,commune,${tree.province.code}\nI${t}-C2,Xã Hai,commune,NO-SUCH-${t}\nI${t}-V1,Bản,village,${tree.province.code}\nI${t}-X,,hamlet,I${t}-C1\n`;
      const res = await as(api.url, admin).csv(`${UNITS}/import`, csv).expect(400);
      expect(res.body.message).toBe('The CSV file has errors on lines 3, 4, 5; nothing was imported');
      expect(res.body.details).toEqual([
        { field: 'line 3: parent_code', message: `no unit has the code "NO-SUCH-${t}" in this file or in the database` },
        { field: 'line 4: level', message: `a village cannot be under the province "${tree.province.code}": its children are communes` },
        { field: 'line 5: name', message: 'must not be empty' },
        { field: 'line 5: level', message: 'must be one of country, province, commune, village' },
      ]);
      expect(await unitsOf(t)).toEqual([]);
    });

    it('refuses a wrong header, a body that is not text/csv (415) and one over the size limit (413)', async () => {
      const wrong = await as(api.url, admin).csv(`${UNITS}/import`, 'code;name;level;parent_code\n').expect(400);
      expect(wrong.body.details).toEqual([{ field: 'line 1', message: 'the header must be code,name,level,parent_code (found code;name;level;parent_code)' }]);
      await as(api.url, admin).post(`${UNITS}/import`, { csv: 'x' }).expect(415);
      const empty = await as(api.url, admin).csv(`${UNITS}/import`, '').expect(400);
      expect(empty.body.details[0]).toEqual({ field: 'line 1', message: 'the file is empty; the first line must be the header code,name,level,parent_code' });
      const big = `${header}${'x'.repeat(5 * 1024 * 1024)}\n`;
      await as(api.url, admin).csv(`${UNITS}/import`, big).expect(413);
    });
  });

  describe('populations', () => {
    const header = 'unit_code,target_group,year,population\n';

    it('imports by unit, target group and year (a repeat or a change is an upsert) and reads them in scope', async () => {
      const csv = `${header}${tree.communeA.code},citizens,2025,5230\n${tree.communeA.code},officials,2025,410\n${tree.communeB.code},citizens,2025,4800\n`;
      expect((await as(api.url, admin).csv(`${UNITS}/populations/import`, csv).expect(200)).body).toEqual({ created: 3, updated: 0, unchanged: 0 });
      const changed = `${header}${tree.communeA.code},citizens,2025,5300\n${tree.communeA.code},officials,2025,410\n`;
      expect((await as(api.url, admin).csv(`${UNITS}/populations/import`, changed).expect(200)).body).toEqual({ created: 0, updated: 1, unchanged: 1 });

      const mine = (await as(api.url, officialA).get(`${UNITS}/${tree.communeA.id}/populations?year=2025`).expect(200)).body;
      expect(mine).toMatchObject({ unit: { code: tree.communeA.code }, items: [{ targetGroup: 'citizens', year: 2025, population: 5300 }, { targetGroup: 'officials', year: 2025, population: 410 }] });
      await as(api.url, officialA).get(`${UNITS}/${tree.communeB.id}/populations`).expect(404);
    });

    it('refuses unknown units and groups by line, writing nothing', async () => {
      const csv = `${header}${tree.villageA1.code},citizens,2026,300\nNO-${tree.tag},citizens,2026,1\n${tree.villageA1.code},farmers,2026,2\n`;
      const res = await as(api.url, admin).csv(`${UNITS}/populations/import`, csv).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['line 3: unit_code', 'line 4: target_group']);
      expect(await db.query(`SELECT 1 FROM unit_populations WHERE unit_id = $1`, [tree.villageA1.id])).toEqual([]);
    });
  });

  describe('demo province', () => {
    let worker: INestApplicationContext;
    beforeAll(async () => {
      worker = await startWorker();
    });
    afterAll(() => worker.close());

    it('is loaded by the demo units job, and loading again leaves one copy', async () => {
      const job = await api.app.get(ContentJobsService).enqueueDemoUnitsImport();
      const queue = api.app.get<Queue>(getQueueToken(QueueName.Content));
      await waitFor(async () => ((await queue.getJobState(job.id!)) === 'completed' ? true : undefined), 'the demo units job to complete');
      const [province] = await db.query(`SELECT id, name, level FROM administrative_units WHERE code = '12'`);
      expect(province).toMatchObject({ name: 'Tỉnh Lai Châu', level: 'province' });
      const demoCodes = DEMO_UNITS_CSV.trim().split('\n').slice(1).map((line) => line.split(',')[0]);
      const count = async () => ((await db.query(`SELECT count(*)::int AS n FROM administrative_units WHERE code = ANY($1)`, [demoCodes])) as { n: number }[])[0]!.n;
      expect(await count()).toBe(demoCodes.length);
      const communes = (await as(api.url, admin).get(`${UNITS}/${province.id}/children`).expect(200)).body;
      expect(communes.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['Phường Tân Phong', 'Xã Bình Lư']));

      const again = await api.app.get(ContentJobsService).enqueueDemoUnitsImport();
      expect(again.id).toBe(job.id);
      const units = worker.get(UnitsService);
      expect(await units.importUnitsCsv(DEMO_UNITS_CSV)).toEqual({ created: 0, updated: 0, unchanged: demoCodes.length });
      expect((await units.importPopulationsCsv(DEMO_POPULATIONS_CSV)).created).toBe(0);
      expect(await count()).toBe(demoCodes.length);
    });
  });
});
