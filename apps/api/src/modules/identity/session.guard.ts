import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../../config/app-config';
import { AUTH_REQUIRED_KEY, ROLES_KEY, SKIP_CSRF_TOKEN_KEY, type AuthUser } from './auth-user';
import type { Role } from './role-assignment.entity';
import { SessionsService } from './sessions.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

export type AuthRequest = FastifyRequest & { user?: AuthUser };

/**
 * The global guard (APP_GUARD of IdentityModule), on every route:
 * 1. a state-changing request (POST, PUT, PATCH, DELETE) whose Origin header names another site is refused;
 * 2. the session cookie, if any, is read: a live session puts the user on `request.user`;
 * 3. a state-changing request with a live session must carry `x-csrf-token` equal to the session's
 *    CSRF token (given by GET /api/v1/auth/me), unless the route is marked {@link SkipCsrfToken};
 * 4. routes marked {@link Authenticated} or {@link RequireRoles} need a session (401), and for
 *    RequireRoles one of the roles (403). Every signed-in user holds "learner".
 * Other routes are public (catalog, health, frameworks…).
 */
@Injectable()
export class SessionGuard implements CanActivate {
  private readonly publicOrigin: string;

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    config: AppConfig,
  ) {
    this.publicOrigin = new URL(config.PUBLIC_URL).origin;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthRequest>();
    const unsafe = !SAFE_METHODS.has(request.method);
    if (unsafe) this.checkOrigin(request);

    const token = this.sessions.tokenFromRequest(request);
    const session = token ? await this.sessions.authenticate(token) : null;
    if (session) request.user = session.user;

    const targets = [context.getHandler(), context.getClass()];
    if (session && unsafe && !this.reflector.getAllAndOverride<boolean>(SKIP_CSRF_TOKEN_KEY, targets)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken)) {
        throw new ForbiddenException(`This request needs the ${CSRF_HEADER} header of your session (from GET /api/v1/auth/me). Reload the page and try again.`);
      }
    }

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const required = (roles !== undefined && roles.length > 0) || this.reflector.getAllAndOverride<boolean>(AUTH_REQUIRED_KEY, targets) === true;
    if (!required) return true;
    if (!session) throw new UnauthorizedException('Please sign in to continue.');
    if (roles && roles.length > 0 && !session.user.roles.some((held) => roles.includes(held.role))) {
      throw new ForbiddenException('Your account does not have the role needed for this.');
    }
    return true;
  }

  /** Browsers send Origin with every POST/PUT/PATCH/DELETE; one naming another site is refused (CSRF, login CSRF). */
  private checkOrigin(request: FastifyRequest): void {
    const origin = request.headers.origin;
    if (origin === undefined) return;
    if (origin === this.publicOrigin || origin === `${request.protocol}://${request.host}`) return;
    throw new ForbiddenException('Cross-site request refused: it does not come from this site.');
  }
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
