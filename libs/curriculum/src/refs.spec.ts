import fc from 'fast-check';
import { codeOf, compareCodes, compareVersions, competencyRef, frameworkIdOf, isCompetencyRef, parseRef } from './refs';

describe('competency refs', () => {
  it('builds and parses "<frameworkId>:<code>"', () => {
    const ref = competencyRef('digcomp-2.2', '1.1');
    expect(ref).toBe('digcomp-2.2:1.1');
    expect(parseRef(ref)).toEqual({ frameworkId: 'digcomp-2.2', code: '1.1' });
    expect(frameworkIdOf(ref)).toBe('digcomp-2.2');
    expect(codeOf(ref)).toBe('1.1');
  });

  it('rejects malformed refs', () => {
    for (const bad of ['', 'digcomp', ':1.1', 'digcomp-2.2:', 'Digcomp:1.1', 'a b:1', 'x:1:2', 'x:.1']) {
      expect(parseRef(bad)).toBeUndefined();
      expect(isCompetencyRef(bad)).toBe(false);
    }
    expect(isCompetencyRef(42)).toBe(false);
    expect(() => competencyRef('Bad Id', '1')).toThrow('invalid framework id');
    expect(() => competencyRef('ok', 'a:b')).toThrow('invalid competency code');
  });

  it('round-trips any valid id and code', () => {
    const id = fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,12}$/);
    const code = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9.-]{0,6}$/);
    fc.assert(fc.property(id, code, (i, c) => {
      expect(parseRef(competencyRef(i, c))).toEqual({ frameworkId: i, code: c });
    }));
  });
});

describe('ordering', () => {
  it('compares dotted codes numerically', () => {
    expect(['1.10', '1.2', '0.1', '1.1', '2'].sort(compareCodes)).toEqual(['0.1', '1.1', '1.2', '1.10', '2']);
    expect(compareCodes('A.1', 'A.1')).toBe(0);
    expect(compareCodes('A', 'B')).toBe(-1);
    expect(compareCodes('1', '1.1')).toBe(-1);
  });

  it('compares versions, pre-releases first', () => {
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions('2.2.0', '1.10.0')).toBe(1);
    expect(compareVersions('1.0.0-rc.1', '1.0.0')).toBe(-1);
    expect(compareVersions('1.0.0', '1.0.0-rc.1')).toBe(1);
    expect(compareVersions('1.0.0-rc.1', '1.0.0-rc.2')).toBe(-1);
  });
});
