import type { AuthUser, HeldRole } from '../identity/auth-user';
import { minimalRoots, UnitScope } from './unit-scope';

const P = '/10000000-0000-4000-8000-000000000000/20000000-0000-4000-8000-000000000000/';
const A = `${P}30000000-0000-4000-8000-00000000000a/`;
const B = `${P}30000000-0000-4000-8000-00000000000b/`;
const user = (...roles: HeldRole[]): AuthUser => ({ id: 'u', displayName: 'U', sessionId: 's', roles: [{ role: 'learner', unitId: null, unitPath: null }, ...roles] });
const official = (unitPath: string): HeldRole => ({ role: 'official', unitId: 'x', unitPath });

describe('UnitScope', () => {
  it('gives an administrator everything, with no filter (users without a unit included)', () => {
    const scope = UnitScope.of(user({ role: 'administrator', unitId: null, unitPath: null }, official(A)));
    expect(scope.all).toBe(true);
    expect(scope.where('u.path', [])).toBe('TRUE');
    expect(scope.covers(B)).toBe(true);
    expect(scope.covers(null)).toBe(true);
  });

  it("limits an official to their units' subtrees, as prefix matches with bound parameters", () => {
    const scope = UnitScope.of(user(official(A)));
    const params: unknown[] = ['first'];
    expect(scope.where('u.path', params)).toBe(`(u.path LIKE $2 || '%')`);
    expect(params).toEqual(['first', A]);
    expect(scope.covers(A)).toBe(true);
    expect(scope.covers(`${A}40000000-0000-4000-8000-000000000000/`)).toBe(true);
    expect(scope.covers(B)).toBe(false);
    expect(scope.covers(P)).toBe(false);
    expect(scope.covers(null)).toBe(false);
  });

  it('joins several official roles, dropping one nested in another', () => {
    expect(UnitScope.of(user(official(A), official(B))).where('p', [])).toBe(`(p LIKE $1 || '%' OR p LIKE $2 || '%')`);
    expect(UnitScope.of(user(official(A), official(P))).paths).toEqual([P]);
    expect(minimalRoots([A, P, A, B])).toEqual([P]);
  });

  it('gives nothing to roles that do not grant the access (a facilitator, a learner)', () => {
    const facilitator = user({ role: 'facilitator', unitId: 'x', unitPath: A });
    expect(UnitScope.of(facilitator).where('u.path', [])).toBe('FALSE');
    expect(UnitScope.of(facilitator, ['facilitator']).paths).toEqual([A]);
    expect(UnitScope.of(user()).covers(A)).toBe(false);
  });

  it('refuses a malformed unit path instead of widening the match', () => {
    expect(() => UnitScope.of(user(official('/%/')))).toThrow('malformed unit path');
  });
});
