import { planUnitImport, readPopulationCsv, readUnitCsv } from '../units/unit-import';
import { DEMO_POPULATIONS_CSV, DEMO_UNITS_CSV } from './demo-units';

describe('demo units', () => {
  it('form one valid tree: Việt Nam → Lai Châu (12) → communes and wards → villages', () => {
    const read = readUnitCsv(DEMO_UNITS_CSV);
    expect(read.problems).toEqual([]);
    let n = 0;
    const { problems, plan } = planUnitImport(read.rows, new Map(), () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`);
    expect(problems).toEqual([]);
    const levels = plan!.inserts.map((u) => u.level);
    expect(levels.filter((l) => l === 'province')).toHaveLength(1);
    expect(levels.filter((l) => l === 'commune').length).toBeGreaterThanOrEqual(4);
    expect(levels.filter((l) => l === 'village').length).toBeGreaterThanOrEqual(8);
    // Only codes we are sure of look official; every other one is marked provisional.
    for (const unit of plan!.inserts) expect(['VN', '12'].includes(unit.code) || unit.code.startsWith('X-12-')).toBe(true);
  });

  it('have populations for 2025 and 2026 of known units and target groups', () => {
    const { rows, problems } = readPopulationCsv(DEMO_POPULATIONS_CSV);
    expect(problems).toEqual([]);
    const codes = new Set(readUnitCsv(DEMO_UNITS_CSV).rows.map((r) => r.code));
    for (const row of rows) expect(codes.has(row.unitCode)).toBe(true);
    expect(new Set(rows.map((r) => r.year))).toEqual(new Set([2025, 2026]));
  });
});
