import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from './role-assignment.entity';

/** A role the signed-in user holds; for scoped roles, the unit whose subtree it covers. */
export interface HeldRole {
  role: Role;
  unitId: string | null;
  /** Materialised path of that unit ("/<id>/.../"), for subtree prefix matches in queries. */
  unitPath: string | null;
}

/** Who is calling, as the session guard puts it on the request (`request.user`). */
export interface AuthUser {
  id: string;
  displayName: string;
  roles: HeldRole[];
  /** SHA-256 of the session token (the sessions table key). */
  sessionId: string;
}

/** Injects the signed-in user into a controller method (only on routes behind the session guard). */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  const user = ctx.switchToHttp().getRequest<{ user?: AuthUser }>().user;
  if (!user) throw new Error('CurrentUser used on a route without the session guard');
  return user;
});

export const ROLES_KEY = 'hocso:roles';
/** The route needs one of these roles (checked by the session guard after sign-in). */
export const RequireRoles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const AUTH_REQUIRED_KEY = 'hocso:auth-required';
/**
 * The route needs a signed-in user (any role; every user is a learner). Routes without this or
 * {@link RequireRoles} are public: the session guard still reads the session, if any, and enforces CSRF.
 */
export const Authenticated = () => SetMetadata(AUTH_REQUIRED_KEY, true);

export const SKIP_CSRF_TOKEN_KEY = 'hocso:skip-csrf-token';
/**
 * The route does not need the x-csrf-token header even with a session cookie (sign-in, sign-up,
 * password reset: they do not act with the session, they replace it). The Origin check still applies.
 */
export const SkipCsrfToken = () => SetMetadata(SKIP_CSRF_TOKEN_KEY, true);

/** Injects the signed-in user, or null on a public route called without a session. */
export const OptionalUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser | null => {
  return ctx.switchToHttp().getRequest<{ user?: AuthUser }>().user ?? null;
});
