import { describeSeries, labelStride, niceCeil, shareOf, ticks } from './scale';

describe('chart scales', () => {
  it('rounds an axis maximum up to a nice number', () => {
    expect([0, 0.3, 1, 7, 10, 11, 23, 180, 2_400].map(niceCeil)).toEqual([1, 0.5, 1, 10, 10, 20, 25, 200, 2_500]);
  });

  it('makes whole-number ticks from 0 that cover the maximum', () => {
    expect(ticks(0)).toEqual([0, 1]);
    expect(ticks(1)).toEqual([0, 1]);
    expect(ticks(0.8, 4, false)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(ticks(7)).toEqual([0, 3, 6, 9]);
    expect(ticks(15)).toEqual([0, 5, 10, 15, 20]);
    expect(ticks(180)).toEqual([0, 50, 100, 150, 200]);
    for (const max of [1, 3, 9, 13, 99, 1234]) {
      const t = ticks(max);
      expect(t[0]).toBe(0);
      expect(t[t.length - 1]).toBeGreaterThanOrEqual(max);
      expect(t.every(Number.isInteger)).toBe(true);
    }
  });

  it('shows every n-th label so that labels do not overlap', () => {
    expect(labelStride(12, 600, 40)).toBe(1);
    expect(labelStride(12, 300, 40)).toBe(2);
    expect(labelStride(12, 100, 40)).toBe(6);
    expect(labelStride(1, 10, 40)).toBe(1);
  });

  it('summarises a series by its first, last and highest known values', () => {
    expect(describeSeries(['T1', 'T2', 'T3', 'T4'], { name: 'x', values: [null, 5, 9, 7] })).toEqual({
      first: { value: 5, label: 'T2' },
      last: { value: 7, label: 'T4' },
      highest: { value: 9, label: 'T3' },
    });
    expect(describeSeries(['T1'], { name: 'x', values: [null] })).toBeUndefined();
  });

  it('gives the share of a target, 0 without a target', () => {
    expect(shareOf(30, 60)).toBe(0.5);
    expect(shareOf(90, 60)).toBe(1.5);
    expect(shareOf(5, 0)).toBe(0);
    expect(shareOf(5, null)).toBe(0);
  });
});
