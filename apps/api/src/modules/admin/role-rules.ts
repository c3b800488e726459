import type { AuthUser } from '../identity/auth-user';
import { SCOPED_ROLES, type Role } from '../identity/role-assignment.entity';

/** Roles an official may grant and revoke, within their own subtree. Administrators: any role anywhere. */
export const ROLES_OFFICIALS_GRANT: readonly Role[] = ['facilitator', 'mentor'];

export type RoleChangeRefusal =
  | { status: 400; message: string }
  | { status: 403; message: string };

/**
 * Whether `actor` may grant (or revoke) `role` to (from) the user `targetId`, judged on the roles
 * alone; the scope of the target user and of the unit is checked by the service, in SQL (404
 * outside it). Nobody changes their own roles: an administrator cannot lock themselves out, and
 * nobody raises themselves.
 */
export function refuseRoleChange(actor: AuthUser, targetId: string, role: Role, unitGiven: boolean, change: 'grant' | 'revoke'): RoleChangeRefusal | undefined {
  if (actor.id === targetId) return { status: 403, message: 'Nobody grants or revokes roles of their own' };
  const isAdministrator = actor.roles.some((r) => r.role === 'administrator');
  if (!isAdministrator && !ROLES_OFFICIALS_GRANT.includes(role)) {
    return { status: 403, message: `An official may ${change} only the roles ${ROLES_OFFICIALS_GRANT.join(' and ')}` };
  }
  if (change === 'grant') {
    if (role === 'learner') return { status: 400, message: 'Every user is a learner: there is nothing to grant' };
    const scoped = SCOPED_ROLES.includes(role);
    if (scoped && !unitGiven) return { status: 400, message: `The role ${role} covers a unit and its subtree: give unitId` };
    if (!scoped && unitGiven) return { status: 400, message: `The role ${role} is not tied to a unit: leave unitId out` };
  }
  return undefined;
}
