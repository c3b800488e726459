import { childLevelOf, childPath, depthOf, idsOnPath, isUnitPath, isWithin, rebasePath } from './unit-tree';

const A = '0a9c1b2e-0000-4000-8000-000000000001';
const B = '0a9c1b2e-0000-4000-8000-000000000002';
const C = '0a9c1b2e-0000-4000-8000-000000000003';

describe('unit tree', () => {
  it('knows the level below each level, and nothing below a village', () => {
    expect(childLevelOf('country')).toBe('province');
    expect(childLevelOf('province')).toBe('commune');
    expect(childLevelOf('commune')).toBe('village');
    expect(childLevelOf('village')).toBeUndefined();
    expect(['country', 'province', 'commune', 'village'].map((l) => depthOf(l as 'country'))).toEqual([0, 1, 2, 3]);
  });

  it('computes a path as the parent path plus the own id and a slash', () => {
    expect(childPath(null, A)).toBe(`/${A}/`);
    expect(childPath(`/${A}/`, B)).toBe(`/${A}/${B}/`);
    expect(childPath(`/${A}/`, B.toUpperCase())).toBe(`/${A}/${B}/`);
    expect(idsOnPath(`/${A}/${B}/${C}/`)).toEqual([A, B, C]);
  });

  it('refuses malformed paths and ids (they would widen a prefix match)', () => {
    expect(isUnitPath(`/${A}/`)).toBe(true);
    for (const bad of ['', '/', `/${A}`, `${A}/`, `/${A}/%/`, `/${A}//`, '/x/']) expect(isUnitPath(bad)).toBe(false);
    expect(() => childPath(`/${A}/`, '%')).toThrow('invalid unit path');
    expect(() => childPath('/x/', A)).toThrow('invalid unit path');
    expect(() => idsOnPath('/a/')).toThrow('invalid unit path');
  });

  it('tests subtree membership by prefix, the unit itself included, never a sibling with a longer id', () => {
    expect(isWithin(`/${A}/${B}/`, `/${A}/`)).toBe(true);
    expect(isWithin(`/${A}/`, `/${A}/`)).toBe(true);
    expect(isWithin(`/${A}/`, `/${A}/${B}/`)).toBe(false);
    expect(isWithin(`/${B}/`, `/${A}/`)).toBe(false);
  });

  it('rebases a path when its subtree moves', () => {
    expect(rebasePath(`/${A}/${B}/${C}/`, `/${A}/${B}/`, `/${C}/${B}/`)).toBe(`/${C}/${B}/${C}/`);
    expect(() => rebasePath(`/${A}/`, `/${B}/`, `/${C}/`)).toThrow('is not under');
  });
});
