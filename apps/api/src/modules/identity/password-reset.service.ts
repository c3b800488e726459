import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { JobName, QueueName, jobId } from '../../queue/queues';
import { AuditService } from '../audit/audit.service';
import { NotificationChannel } from '../notifications/notification-channel';
import { fieldError, identifierSpellings, type RequestMeta } from './accounts.service';
import { InvalidIdentifierError, parseIdentifier } from './identifier';
import { PasswordHasher } from './password/password-hasher';
import { passwordProblem } from './password/password-policy';
import { RATE_LIMITS } from './rate-limit/rate-limit';
import { RateLimiter } from './rate-limit/rate-limiter';
import { randomToken, SessionsService, sha256Hex } from './sessions.service';

export const RESET_TOKEN_TTL_MINUTES = 30;
/** Path of the web app's page that reads the token from the link's fragment (#token=…); see apps/web/src/app/paths.ts. */
export const RESET_PAGE_PATH = '/dat-lai-mat-khau';
export const INVALID_RESET_TOKEN = 'This reset link is not valid or has expired. Please ask for a new one.';

/** Data of a send-password-reset job: only who it is for. The token is made by the worker and never stored in Redis. */
export interface SendPasswordResetJob {
  userId: string;
}

export interface PasswordResetDelivery {
  sent: boolean;
}

/**
 * Password reset: request (API) → job → the worker makes a one-time token (only its SHA-256 is
 * stored, 30 minutes) and sends the link → confirm (API) with the token and a new password, which
 * revokes every session of the account.
 */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger(PasswordResetService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Notifications) private readonly queue: Queue,
    private readonly config: AppConfig,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly limiter: RateLimiter,
    private readonly channel: NotificationChannel,
    private readonly audit: AuditService,
  ) {}

  /** Always ends the same way (202) whether the account exists or not; only a job tells the difference. */
  async request(identifierText: string, meta: RequestMeta): Promise<void> {
    let identifier;
    try {
      identifier = parseIdentifier(identifierText);
    } catch (error) {
      if (error instanceof InvalidIdentifierError) throw fieldError('identifier', error.message);
      throw error;
    }
    await this.limiter.consume([
      { rule: RATE_LIMITS.resetRequestPerAccount, subject: identifier.value },
      { rule: RATE_LIMITS.resetRequestPerIp, subject: meta.ip },
    ]);
    const rows = (await this.dataSource.query(`SELECT id FROM users WHERE ${identifier.kind} = $1 AND disabled_at IS NULL`, [identifier.value])) as { id: string }[];
    const user = rows[0];
    if (!user) return;
    const data: SendPasswordResetJob = { userId: user.id };
    await this.queue.add(JobName.SendPasswordReset, data, {
      jobId: jobId(JobName.SendPasswordReset, randomUUID()),
      // Nothing secret is in the job, but keep no trace of who asked for longer than needed.
      removeOnComplete: { age: 24 * 3600 },
      removeOnFail: { age: 7 * 24 * 3600 },
    });
  }

  /**
   * Worker side: makes the token and sends the link. A retry after a failed send makes a new token;
   * the unsent one is never known to anyone and expires.
   */
  async deliver(job: SendPasswordResetJob): Promise<PasswordResetDelivery> {
    const rows = (await this.dataSource.query(`SELECT phone, email, preferences FROM users WHERE id = $1 AND disabled_at IS NULL`, [job.userId])) as {
      phone: string | null;
      email: string | null;
      preferences: { language?: 'vi' | 'en' };
    }[];
    const user = rows[0];
    if (!user || (!user.phone && !user.email)) return { sent: false };
    const token = randomToken();
    await this.dataSource.query(
      `INSERT INTO password_resets (token_hash, user_id, expires_at) VALUES ($1, $2, now() + make_interval(mins => $3))`,
      [sha256Hex(token), job.userId, RESET_TOKEN_TTL_MINUTES],
    );
    // The token travels in the fragment: browsers never send it to a server, nor in a Referer.
    const link = `${this.config.PUBLIC_URL.replace(/\/$/, '')}${RESET_PAGE_PATH}#token=${token}`;
    await this.channel.send({
      kind: 'password-reset',
      to: { phone: user.phone, email: user.email },
      language: user.preferences.language ?? 'vi',
      link,
      expiresInMinutes: RESET_TOKEN_TTL_MINUTES,
    });
    return { sent: true };
  }

  /** Sets the new password if the token is valid, unused and not expired; revokes every session of the account. */
  async confirm(token: string, password: string, meta: RequestMeta): Promise<void> {
    await this.limiter.consume([{ rule: RATE_LIMITS.resetConfirmPerIp, subject: meta.ip }]);
    const tokenHash = sha256Hex(token);
    const rows = (await this.dataSource.query(
      `SELECT u.id, u.phone, u.email FROM password_resets r JOIN users u ON u.id = r.user_id
        WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now() AND u.disabled_at IS NULL`,
      [tokenHash],
    )) as { id: string; phone: string | null; email: string | null }[];
    const user = rows[0];
    if (!user) throw fieldError('token', INVALID_RESET_TOKEN);
    // Checked before the token is used up, so a refused password can be corrected with the same link.
    const problem = passwordProblem(password, identifierSpellings(user));
    if (problem) throw fieldError('password', problem);
    const passwordHash = await this.hasher.hash(password);

    const revoked = await this.dataSource.transaction(async (manager) => {
      const used = (await manager.query(
        `UPDATE password_resets SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING user_id`,
        [tokenHash],
      )) as [{ user_id: string }[], number];
      if (used[1] !== 1) return undefined;
      // Other links sent before this one stop working too.
      await manager.query(`UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [user.id]);
      await manager.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [user.id, passwordHash]);
      const count = await this.sessions.revokeAllOfUser(user.id, manager);
      await this.audit.record({ actorId: user.id, action: 'auth.password.reset', subjectType: 'user', subjectId: user.id, details: { sessionsRevoked: count }, requestId: meta.requestId }, manager);
      return count;
    });
    if (revoked === undefined) throw fieldError('token', INVALID_RESET_TOKEN);
    this.logger.log({ userId: user.id, sessionsRevoked: revoked, requestId: meta.requestId }, 'password reset');
  }
}
