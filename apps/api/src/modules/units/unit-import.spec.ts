import { parentsFirst, planUnitImport, readPopulationCsv, readUnitCsv, type ExistingUnit } from './unit-import';

const HEADER = 'code,name,level,parent_code\n';
/** Ids 00000000-0000-4000-8000-00000000000n in order of creation. */
function ids() {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
}
const VN: ExistingUnit = { id: 'aaaaaaaa-0000-4000-8000-000000000000', code: 'VN', name: 'Việt Nam', level: 'country', parentId: null, path: '/aaaaaaaa-0000-4000-8000-000000000000/' };

describe('readUnitCsv', () => {
  it('reads rows with Vietnamese names (normalised to NFC) and an empty parent for a country', () => {
    const decomposed = 'Xã Bình Lư'.normalize('NFD');
    const { rows, problems } = readUnitCsv(`${HEADER}VN,Việt Nam,country,\nX-1,${decomposed},commune,12\n`);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { line: 2, code: 'VN', name: 'Việt Nam', level: 'country', parentCode: null },
      { line: 3, code: 'X-1', name: 'Xã Bình Lư', level: 'commune', parentCode: '12' },
    ]);
    expect(rows[1]!.name).toBe('Xã Bình Lư'.normalize('NFC'));
  });

  it('reports every wrong line with its number and column', () => {
    const { problems, rejected } = readUnitCsv(
      `${HEADER}12,Tỉnh Lai Châu,province,VN\n12,Again,province,VN\nbad code,X,commune,12\nX-2,,district,12\nX-3,Village,village,\nX-4,Only three,commune\n`,
    );
    expect(problems).toEqual([
      { line: 3, column: 'code', message: '"12" is already on line 2' },
      { line: 4, column: 'code', message: expect.stringContaining('must be 1-32 letters') },
      { line: 5, column: 'name', message: 'must not be empty' },
      { line: 5, column: 'level', message: 'must be one of country, province, commune, village' },
      { line: 6, column: 'parent_code', message: 'a village needs the code of its parent' },
      { line: 7, message: 'expected 4 fields (code,name,level,parent_code), found 3' },
    ]);
    expect([...rejected.keys()]).toEqual(['X-2', 'X-3']);
  });

  it('refuses a wrong header, an empty file and syntax errors as one problem', () => {
    expect(readUnitCsv('code,name,level\nVN,Việt Nam,country\n').problems).toEqual([
      { line: 1, message: 'the header must be code,name,level,parent_code (found code,name,level)' },
    ]);
    expect(readUnitCsv(HEADER).problems).toEqual([{ line: 2, message: 'the file has a header but no rows' }]);
    expect(readUnitCsv(`${HEADER}VN,"Việt Nam,country,\n`).problems[0]).toMatchObject({ line: 2, message: 'a quoted field is not closed' });
  });
});

describe('parentsFirst', () => {
  it('orders by level, keeping the file order within a level', () => {
    const rows = [
      { code: 'v1', level: 'village' as const },
      { code: 'c1', level: 'commune' as const },
      { code: 'p', level: 'province' as const },
      { code: 'c2', level: 'commune' as const },
    ];
    expect(parentsFirst(rows).map((r) => r.code)).toEqual(['p', 'c1', 'c2', 'v1']);
  });
});

describe('planUnitImport', () => {
  it('plans a new subtree given children first, under a parent already in the database, with computed paths', () => {
    const { rows } = readUnitCsv(`${HEADER}V1,Bản Nà Phát,village,C1\nC1,Xã Bình Lư,commune,12\n12,Tỉnh Lai Châu,province,VN\n`);
    const { problems, plan } = planUnitImport(rows, new Map([['VN', VN]]), ids());
    expect(problems).toEqual([]);
    const [province, commune, village] = plan!.inserts;
    expect(plan!.inserts.map((u) => u.code)).toEqual(['12', 'C1', 'V1']);
    expect(province).toMatchObject({ parentId: VN.id, path: `${VN.path}${province!.id}/` });
    expect(commune).toMatchObject({ parentId: province!.id, path: `${province!.path}${commune!.id}/` });
    expect(village).toMatchObject({ parentId: commune!.id, path: `${commune!.path}${village!.id}/`, name: 'Bản Nà Phát' });
    expect(plan).toMatchObject({ created: 3, updated: 0, unchanged: 0, renames: [], moves: [] });
  });

  it('names unknown parents and levels that do not fit, and the children of refused rows', () => {
    const { rows, rejected } = readUnitCsv(`${HEADER}12,Lai Châu,province,VN\nC1,Xã,commune,NOPE\nC2,Xã,village,12\nV1,Bản,village,C1\nP2,,province,VN\nC3,Xã,commune,P2\nC4,Xã,commune,C9\nC9,Xã,commune,12\n`);
    const { problems, plan } = planUnitImport(rows, new Map([['VN', VN]]), ids(), rejected);
    expect(plan).toBeUndefined();
    expect(problems).toEqual([
      { line: 3, column: 'parent_code', message: 'no unit has the code "NOPE" in this file or in the database' },
      { line: 4, column: 'level', message: 'a village cannot be under the province "12": its children are communes' },
      { line: 5, column: 'parent_code', message: 'the parent "C1" (line 3) has errors' },
      { line: 7, column: 'parent_code', message: 'the parent "P2" (line 6) has errors' },
      { line: 8, column: 'level', message: 'a commune cannot be under the commune "C9" (line 9)' },
    ]);
  });

  it('changes nothing when the file matches the database (idempotent)', () => {
    const next = ids();
    const { rows } = readUnitCsv(`${HEADER}12,Tỉnh Lai Châu,province,VN\nC1,Xã Bình Lư,commune,12\n`);
    const first = planUnitImport(rows, new Map([['VN', VN]]), next).plan!;
    const existing = new Map([VN, ...first.inserts].map((u) => [u.code, u]));
    expect(planUnitImport(rows, existing, next).plan).toEqual({ inserts: [], renames: [], moves: [], created: 0, updated: 0, unchanged: 2 });
  });

  it('renames, and moves a unit to another parent with its subtree (paths rebased), but never changes a level', () => {
    const next = ids();
    const { rows } = readUnitCsv(`${HEADER}P1,Tỉnh A,province,VN\nP2,Tỉnh B,province,VN\nC1,Xã 1,commune,P1\nV1,Bản 1,village,C1\n`);
    const initial = planUnitImport(rows, new Map([['VN', VN]]), next).plan!;
    const byCode = new Map([VN, ...initial.inserts].map((u) => [u.code, u]));
    const [p2, c1, v1] = ['P2', 'C1', 'V1'].map((c) => byCode.get(c)!);

    const moved = readUnitCsv(`${HEADER}C1,Xã Một,commune,P2\nV2,Bản 2,village,C1\n`).rows;
    const plan = planUnitImport(moved, byCode, next).plan!;
    expect(plan.renames).toEqual([{ id: c1!.id, name: 'Xã Một' }]);
    expect(plan.moves).toEqual([{ id: c1!.id, level: 'commune', parentId: p2!.id, oldPath: c1!.path, newPath: `${p2!.path}${c1!.id}/` }]);
    expect(plan.inserts[0]).toMatchObject({ code: 'V2', parentId: c1!.id, path: expect.stringMatching(new RegExp(`^${p2!.path}${c1!.id}/`)) });
    expect(plan).toMatchObject({ created: 1, updated: 1, unchanged: 0 });
    expect(byCode.get('V1')!.path).toBe(v1!.path); // the input is not modified

    const relevel = planUnitImport(readUnitCsv(`${HEADER}C1,Xã 1,province,VN\n`).rows, byCode, next);
    expect(relevel.problems).toEqual([{ line: 2, column: 'level', message: 'the unit "C1" exists as a commune; an import cannot change a unit\'s level' }]);
  });
});

describe('readPopulationCsv', () => {
  it('reads rows and reports bad groups, years, numbers and duplicates by line', () => {
    const { rows, problems } = readPopulationCsv(
      'unit_code,target_group,year,population\n12,citizens,2025,320000\n12,Officials,2025,9000\n12,farmers,2025,1\n12,citizens,25,1\n12,students,2026,-3\n12,students,2026,1.5\n12,citizens,2025,7\n',
    );
    expect(rows).toEqual([
      { line: 2, unitCode: '12', targetGroup: 'citizens', year: 2025, population: 320000 },
      { line: 3, unitCode: '12', targetGroup: 'officials', year: 2025, population: 9000 },
    ]);
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [4, 'target_group'],
      [5, 'year'],
      [6, 'population'],
      [7, 'population'],
      [8, undefined],
    ]);
    expect(problems[4]!.message).toBe('the same unit, target group and year are already on line 2');
  });
});
