import { ForbiddenException, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { loadConfig } from '../../config/app-config';
import { Authenticated, RequireRoles, SkipCsrfToken, type AuthUser, type HeldRole } from './auth-user';
import { SessionGuard, type AuthRequest } from './session.guard';
import type { AuthenticatedSession, SessionsService } from './sessions.service';

const config = loadConfig({ DATABASE_URL: 'postgres://u@localhost/db', REDIS_URL: 'redis://localhost:6379', PUBLIC_URL: 'https://hocso.example.vn' });

class Routes {
  @RequireRoles('official', 'administrator') official() {}
  @RequireRoles('learner') learner() {}
  @Authenticated() signedIn() {}
  @Authenticated() @SkipCsrfToken() noToken() {}
  open() {}
}

function sessionOf(roles: HeldRole[]): AuthenticatedSession {
  const user: AuthUser = { id: 'u1', displayName: 'Bà Tư', roles: [{ role: 'learner', unitId: null, unitPath: null }, ...roles], sessionId: 'hash' };
  return { user, csrfToken: 'the-csrf-token' };
}

function run(route: keyof Routes, options: { session?: AuthenticatedSession | null; method?: string; headers?: Record<string, string> } = {}) {
  const sessions = {
    tokenFromRequest: () => (options.session ? 'token' : undefined),
    authenticate: () => Promise.resolve(options.session ?? null),
  } as unknown as SessionsService;
  const guard = new SessionGuard(new Reflector(), sessions, config);
  const request = { method: options.method ?? 'GET', headers: options.headers ?? {}, protocol: 'https', host: 'api.internal:3000' } as unknown as AuthRequest;
  const context = {
    getType: () => 'http',
    getHandler: () => Routes.prototype[route],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { result: guard.canActivate(context), request };
}

describe('SessionGuard', () => {
  it('lets anyone through a public route, putting the user on the request when signed in', async () => {
    await expect(run('open').result).resolves.toBe(true);
    const signedIn = run('open', { session: sessionOf([]) });
    await expect(signedIn.result).resolves.toBe(true);
    expect(signedIn.request.user?.id).toBe('u1');
  });

  it('answers 401 without a session on @Authenticated and @RequireRoles routes', async () => {
    await expect(run('signedIn').result).rejects.toBeInstanceOf(UnauthorizedException);
    await expect(run('official').result).rejects.toBeInstanceOf(UnauthorizedException);
  });

  it('checks roles: 403 without one of them, learner implicit for everyone', async () => {
    await expect(run('official', { session: sessionOf([]) }).result).rejects.toBeInstanceOf(ForbiddenException);
    await expect(run('official', { session: sessionOf([{ role: 'mentor', unitId: null, unitPath: null }]) }).result).rejects.toBeInstanceOf(ForbiddenException);
    await expect(run('official', { session: sessionOf([{ role: 'official', unitId: 'x', unitPath: '/x/' }]) }).result).resolves.toBe(true);
    await expect(run('learner', { session: sessionOf([]) }).result).resolves.toBe(true);
  });

  it('needs the CSRF token on state-changing requests of a session, unless the route skips it', async () => {
    const session = sessionOf([]);
    await expect(run('signedIn', { session, method: 'POST' }).result).rejects.toThrow(/x-csrf-token/);
    await expect(run('signedIn', { session, method: 'DELETE', headers: { 'x-csrf-token': 'wrong' } }).result).rejects.toBeInstanceOf(ForbiddenException);
    await expect(run('signedIn', { session, method: 'PATCH', headers: { 'x-csrf-token': 'the-csrf-token' } }).result).resolves.toBe(true);
    await expect(run('signedIn', { session, method: 'GET' }).result).resolves.toBe(true);
    await expect(run('noToken', { session, method: 'POST' }).result).resolves.toBe(true);
    await expect(run('open', { method: 'POST' }).result).resolves.toBe(true); // no session: nothing to forge
  });

  it('refuses state-changing requests whose Origin is another site', async () => {
    await expect(run('open', { method: 'POST', headers: { origin: 'https://evil.example' } }).result).rejects.toThrow(/Cross-site/);
    await expect(run('open', { method: 'POST', headers: { origin: 'null' } }).result).rejects.toThrow(/Cross-site/);
    await expect(run('open', { method: 'POST', headers: { origin: 'https://hocso.example.vn' } }).result).resolves.toBe(true);
    await expect(run('open', { method: 'POST', headers: { origin: 'https://api.internal:3000' } }).result).resolves.toBe(true);
    await expect(run('open', { method: 'GET', headers: { origin: 'https://evil.example' } }).result).resolves.toBe(true);
  });
});
