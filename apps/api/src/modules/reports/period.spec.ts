import { activeAsOf, monthEnd, monthsBetween, parsePeriod, reportPeriodLabel } from './period';

describe('report periods', () => {
  it('parses years, halves, quarters and months', () => {
    expect(parsePeriod('2026')).toMatchObject({ kind: 'year', from: '2026-01-01', to: '2026-12-31', firstMonth: '2026-01-01', lastMonth: '2026-12-01' });
    expect(parsePeriod('2026-h2')).toMatchObject({ label: '2026-H2', kind: 'half', from: '2026-07-01', to: '2026-12-31' });
    expect(parsePeriod('2024-Q1')).toMatchObject({ kind: 'quarter', from: '2024-01-01', to: '2024-03-31' });
    expect(parsePeriod('2024-02')).toMatchObject({ kind: 'month', to: '2024-02-29' });
    for (const bad of ['26', '2026-Q5', '2026-13', '2026-H3', '1999', 'x']) expect(parsePeriod(bad)).toBeUndefined();
  });

  it('names periodic reports and lists months', () => {
    expect(reportPeriodLabel('quarter', 2026, 3)).toBe('2026-Q3');
    expect(reportPeriodLabel('half', 2026, 1)).toBe('2026-H1');
    expect(reportPeriodLabel('year', 2026, null)).toBe('2026');
    expect(reportPeriodLabel('quarter', 2026, 5)).toBeUndefined();
    expect(reportPeriodLabel('year', 2026, 1)).toBeUndefined();
    expect(monthsBetween('2025-11', '2026-02-01')).toEqual(['2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01']);
    expect(monthEnd(2025, 2)).toBe('2025-02-28');
    expect(activeAsOf({ to: '2026-03-31' }, '2026-12-02')).toBe('2026-03-31');
    expect(activeAsOf({ to: '2026-12-31' }, '2026-12-02')).toBe('2026-12-02');
  });
});
