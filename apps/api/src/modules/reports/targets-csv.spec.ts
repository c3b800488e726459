import { readTargetCsv } from './targets-csv';
import { activeMonthsFor, daysBetween, monthsOf } from './days';

describe('targets CSV', () => {
  it('reads good lines and names every bad one by line and column', () => {
    const { rows, problems } = readTargetCsv(
      '\ufeffunit_code,target_group,year,metric,value\r\n' +
        '12,citizens,2026,coverage_percent,80.5\r\n' +
        '12,ALL,2026,confirmed_count,1200\r\n' +
        '12,citizens,2026,coverage_percent,70\r\n' +
        'bad code,pupils,26,share,x\r\n' +
        '13,all,2026,coverage_percent,101\r\n' +
        '13,all,2026,confirmed_count,10.5\r\n' +
        '13,all\r\n',
    );
    expect(rows).toEqual([
      { line: 2, unitCode: '12', targetGroup: 'citizens', year: 2026, metric: 'coverage_percent', value: 80.5 },
      { line: 3, unitCode: '12', targetGroup: 'all', year: 2026, metric: 'confirmed_count', value: 1200 },
    ]);
    expect(problems.map((p) => `${p.line}:${p.column ?? ''}`)).toEqual(['4:', '5:unit_code', '5:target_group', '5:year', '5:metric', '5:value', '6:value', '7:value', '8:']);
  });

  it('refuses a wrong header or an empty file', () => {
    expect(readTargetCsv('code,group\n1,2\n').problems[0]!.message).toContain('the header must be unit_code,target_group,year,metric,value');
    expect(readTargetCsv('unit_code,target_group,year,metric,value\n').problems[0]!.message).toContain('no rows');
  });
});

describe('rollup day arithmetic', () => {
  it('lists days and months', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(monthsOf(['2026-03-02', '2026-02-27', '2026-02-28'])).toEqual(['2026-02-01', '2026-03-01']);
  });

  it('finds the months whose 30-day active window holds a day', () => {
    // 2026-01-31 is in January's window (Jan 2–31) and February's (Jan 30 – Feb 28), not March's.
    expect(activeMonthsFor(['2026-01-31'], '2026-06-15')).toEqual(['2026-01-01', '2026-02-01']);
    // 2026-01-10 only in January's; the current month's window ends today.
    expect(activeMonthsFor(['2026-01-10'], '2026-06-15')).toEqual(['2026-01-01']);
    expect(activeMonthsFor(['2026-06-01'], '2026-06-15')).toEqual(['2026-06-01']);
    expect(activeMonthsFor(['2026-05-20'], '2026-06-10')).toEqual(['2026-05-01', '2026-06-01']);
  });
});
