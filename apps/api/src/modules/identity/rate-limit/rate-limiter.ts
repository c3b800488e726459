import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { combine, verdict, windowAt, type RateLimitRule, type RateLimitVerdict } from './rate-limit';
import { IdentityRedis } from '../redis';

/** 429 Too Many Requests; the error filter (common/http-exception.filter.ts) turns `retryAfterSeconds` into the Retry-After header. */
export class TooManyAttemptsException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    super(`Too many attempts. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`, HttpStatus.TOO_MANY_REQUESTS);
  }
}

/** Fixed-window counters in Redis, shared by every API replica. */
@Injectable()
export class RateLimiter {
  private readonly redis: Redis;
  private readonly prefix: string;

  constructor(identityRedis: IdentityRedis) {
    this.redis = identityRedis.client;
    this.prefix = `${identityRedis.keyPrefix}rl:`;
  }

  /** Counts one attempt against every rule; throws TooManyAttemptsException when one is over its limit. */
  async consume(checks: { rule: RateLimitRule; subject: string }[], nowMs = Date.now()): Promise<void> {
    const result = await this.count(checks, nowMs);
    if (!result.allowed) throw new TooManyAttemptsException(result.retryAfterSeconds);
  }

  async count(checks: { rule: RateLimitRule; subject: string }[], nowMs = Date.now()): Promise<RateLimitVerdict> {
    const multi = this.redis.multi();
    const windows = checks.map(({ rule, subject }) => {
      const window = windowAt(nowMs, rule.windowSeconds);
      // The subject (a phone number, an email, an IP) is hashed: no personal data in key names.
      const key = `${this.prefix}${rule.name}:${createHash('sha256').update(subject).digest('base64url').slice(0, 27)}:${window.index}`;
      multi.incr(key).expire(key, rule.windowSeconds + 1);
      return window;
    });
    const replies = (await multi.exec()) ?? [];
    return combine(
      checks.map(({ rule }, i) => {
        const [error, count] = replies[i * 2] ?? [new Error('no reply'), 0];
        if (error) throw error;
        return verdict(Number(count), rule, windows[i]!);
      }),
    );
  }
}
