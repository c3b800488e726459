import type { AuthUser, HeldRole } from '../identity/auth-user';
import { refuseRoleChange } from './role-rules';

const actor = (...roles: HeldRole[]): AuthUser => ({ id: 'me', displayName: 'Me', sessionId: 's', roles });
const admin = actor({ role: 'administrator', unitId: null, unitPath: null });
const official = actor({ role: 'official', unitId: 'a', unitPath: '/a/' });

describe('refuseRoleChange', () => {
  it('lets nobody change their own roles, administrators included', () => {
    expect(refuseRoleChange(admin, 'me', 'author', false, 'grant')).toEqual({ status: 403, message: 'Nobody grants or revokes roles of their own' });
    expect(refuseRoleChange(official, 'me', 'mentor', false, 'revoke')?.status).toBe(403);
  });

  it('lets an administrator grant any role, a unit given exactly for the scoped ones', () => {
    expect(refuseRoleChange(admin, 'x', 'administrator', false, 'grant')).toBeUndefined();
    expect(refuseRoleChange(admin, 'x', 'official', true, 'grant')).toBeUndefined();
    expect(refuseRoleChange(admin, 'x', 'official', false, 'grant')).toMatchObject({ status: 400, message: expect.stringContaining('give unitId') });
    expect(refuseRoleChange(admin, 'x', 'author', true, 'grant')).toMatchObject({ status: 400, message: expect.stringContaining('leave unitId out') });
    expect(refuseRoleChange(admin, 'x', 'learner', false, 'grant')?.status).toBe(400);
  });

  it('lets an official grant and revoke only facilitator and mentor', () => {
    expect(refuseRoleChange(official, 'x', 'facilitator', true, 'grant')).toBeUndefined();
    expect(refuseRoleChange(official, 'x', 'mentor', false, 'grant')).toBeUndefined();
    expect(refuseRoleChange(official, 'x', 'mentor', false, 'revoke')).toBeUndefined();
    for (const role of ['administrator', 'official', 'author', 'reviewer'] as const) {
      expect(refuseRoleChange(official, 'x', role, role === 'official', 'grant')).toEqual({ status: 403, message: 'An official may grant only the roles facilitator and mentor' });
    }
    expect(refuseRoleChange(official, 'x', 'official', true, 'revoke')?.status).toBe(403);
  });
});
