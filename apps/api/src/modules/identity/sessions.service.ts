import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { queryPrepared } from '../../database/prepared';
import { BatchLoader } from './batch-loader';
import type { AuthUser, HeldRole } from './auth-user';
import { cookieName, parseCookies, serializeCookie } from './cookies';

/** A session ends after 30 days without use, and 90 days after sign-in whatever the use. */
export const SESSION_IDLE_SECONDS = 30 * 24 * 3600;
export const SESSION_MAX_SECONDS = 90 * 24 * 3600;
/** last_seen_at is written at most this often per session (not on every request). */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

export const SESSION_COOKIE = 'hocso_session';

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

export interface StartedSession {
  /** The secret the cookie carries; never stored. */
  token: string;
  tokenHash: string;
  csrfToken: string;
}

export interface AuthenticatedSession {
  user: AuthUser;
  csrfToken: string;
}

/**
 * Server-side sessions: the cookie carries a random 256-bit token, the sessions table only its
 * SHA-256. Each sign-in starts a new session (a new token); sign-out and password reset revoke them.
 */
@Injectable()
export class SessionsService {
  /** Secure cookies when the site is served over https, and always in production. */
  readonly secureCookies: boolean;
  readonly cookieName: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.secureCookies = config.PUBLIC_URL.startsWith('https:') || config.isProduction;
    this.cookieName = cookieName(SESSION_COOKIE, this.secureCookies);
  }

  tokenFromRequest(request: { headers: { cookie?: string } }): string | undefined {
    const token = parseCookies(request.headers.cookie).get(this.cookieName);
    return token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : undefined;
  }

  async start(userId: string, manager: EntityManager = this.dataSource.manager): Promise<StartedSession> {
    const token = randomToken();
    const tokenHash = sha256Hex(token);
    const csrfToken = randomToken();
    await manager.query(
      `INSERT INTO sessions (token_hash, user_id, csrf_token, last_seen_at, expires_at)
       VALUES ($1, $2, $3, now(), now() + make_interval(secs => $4))`,
      [tokenHash, userId, csrfToken, SESSION_MAX_SECONDS],
    );
    return { token, tokenHash, csrfToken };
  }

  setCookie(reply: FastifyReply, session: StartedSession): void {
    void reply.header('set-cookie', serializeCookie(this.cookieName, session.token, { secure: this.secureCookies, sameSite: 'Lax', maxAgeSeconds: SESSION_MAX_SECONDS }));
  }

  clearCookie(reply: FastifyReply): void {
    void reply.header('set-cookie', serializeCookie(this.cookieName, '', { secure: this.secureCookies, sameSite: 'Lax', maxAgeSeconds: 0 }));
  }

  /**
   * The signed-in user of a live session (not revoked, not expired, not idle too long, user not disabled), or null.
   * Lookups of concurrent requests are read together in one query (see {@link BatchLoader}): each request still
   * reads the database after it arrived, so a sign-out, a revocation or a disabled account counts at once.
   */
  async authenticate(token: string): Promise<AuthenticatedSession | null> {
    return (await this.lookups.load(sha256Hex(token))) ?? null;
  }

  /** One read at a time: requests arriving while it runs are read together by the next (one query for all of them). */
  private readonly lookups = new BatchLoader<string, AuthenticatedSession>((hashes) => this.readSessions(hashes), { maxKeys: 500, maxInFlight: 1 });

  private async readSessions(tokenHashes: string[]): Promise<Map<string, AuthenticatedSession>> {
    const rows = await queryPrepared<{ token_hash: string; csrf_token: string; last_seen_at: Date; id: string; display_name: string; roles: HeldRole[] }>(
      this.dataSource,
      'hocso_session_lookup',
      `SELECT s.token_hash, s.csrf_token, s.last_seen_at, u.id, u.display_name,
              COALESCE((SELECT json_agg(json_build_object('role', r.role, 'unitId', r.unit_id, 'unitPath', au.path) ORDER BY r.role, au.path)
                          FROM role_assignments r LEFT JOIN administrative_units au ON au.id = r.unit_id
                         WHERE r.user_id = u.id), '[]'::json) AS roles
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = ANY ($1::varchar[]) AND s.revoked_at IS NULL AND s.expires_at > now()
          AND s.last_seen_at > now() - make_interval(secs => $2) AND u.disabled_at IS NULL`,
      [tokenHashes, SESSION_IDLE_SECONDS],
    );
    const stale = rows.filter((row) => Date.now() - row.last_seen_at.getTime() > TOUCH_INTERVAL_MS).map((row) => row.token_hash);
    if (stale.length > 0) await this.dataSource.query(`UPDATE sessions SET last_seen_at = now() WHERE token_hash = ANY ($1::varchar[])`, [stale]);
    const out = new Map<string, AuthenticatedSession>();
    for (const row of rows) {
      const roles = row.roles.some((r) => r.role === 'learner') ? row.roles : [{ role: 'learner' as const, unitId: null, unitPath: null }, ...row.roles];
      out.set(row.token_hash, { user: { id: row.id, displayName: row.display_name, roles, sessionId: row.token_hash }, csrfToken: row.csrf_token });
    }
    return out;
  }

  /** Revokes one session by its token (sign-out, or the old session replaced at a new sign-in). */
  async revokeToken(token: string): Promise<void> {
    await this.revoke(sha256Hex(token));
  }

  async revoke(tokenHash: string): Promise<void> {
    await this.dataSource.query(`UPDATE sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL`, [tokenHash]);
  }

  /** Revokes every session of a user (password reset); returns how many were live. */
  async revokeAllOfUser(userId: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const [, count] = (await manager.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId])) as [unknown, number];
    return count;
  }

  async csrfTokenOf(tokenHash: string): Promise<string | undefined> {
    const rows = (await this.dataSource.query(`SELECT csrf_token FROM sessions WHERE token_hash = $1`, [tokenHash])) as { csrf_token: string }[];
    return rows[0]?.csrf_token;
  }
}
