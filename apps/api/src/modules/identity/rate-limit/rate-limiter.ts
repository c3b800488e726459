import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { RateLimitRule } from './rate-limit';
import { IdentityRedis } from '../redis';

/** 429 Too Many Requests; the error filter (common/http-exception.filter.ts) turns `retryAfterSeconds` into the Retry-After header. */
export class TooManyAttemptsException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    super(`Too many attempts. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`, HttpStatus.TOO_MANY_REQUESTS);
  }
}

/**
 * One attempt against every rule, atomically: each rule's log (a sorted set of the times of the
 * attempts it allowed) loses what left the window; if a log is full, the attempt waits until enough
 * of it leaves — the (count - limit + 1)th oldest — and nothing is written (a flood of refused
 * attempts neither grows the logs nor pushes the wait further away); otherwise the attempt is added
 * to every log. Returns the wait in milliseconds, 0 when allowed.
 * KEYS: one log per rule. ARGV: now (ms), a unique member, then each rule's limit and window (ms).
 */
const CONSUME_SCRIPT = `
local now = tonumber(ARGV[1])
local wait = 0
for i, key in ipairs(KEYS) do
  local limit = tonumber(ARGV[1 + i * 2])
  local window = tonumber(ARGV[2 + i * 2])
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  local count = redis.call('ZCARD', key)
  if count >= limit then
    local leaving = tonumber(redis.call('ZRANGE', key, count - limit, count - limit, 'WITHSCORES')[2])
    wait = math.max(wait, leaving + window - now)
  end
end
if wait == 0 then
  for i, key in ipairs(KEYS) do
    redis.call('ZADD', key, now, ARGV[2])
    redis.call('PEXPIRE', key, tonumber(ARGV[2 + i * 2]))
  end
end
return wait
`;

interface WithConsumeScript {
  hocsoRateLimitConsume(numberOfKeys: number, ...keysThenArgs: (string | number)[]): Promise<number>;
}

/** Sliding-window limits (see rate-limit.ts) kept in Redis, shared by every API replica. */
@Injectable()
export class RateLimiter {
  private readonly redis: Redis & WithConsumeScript;
  private readonly prefix: string;

  constructor(identityRedis: IdentityRedis) {
    // defineCommand sends the script once and then calls it by its SHA.
    identityRedis.client.defineCommand('hocsoRateLimitConsume', { lua: CONSUME_SCRIPT });
    this.redis = identityRedis.client as Redis & WithConsumeScript;
    this.prefix = `${identityRedis.keyPrefix}rl:`;
  }

  /** Counts one attempt against every rule; throws TooManyAttemptsException when one of them is full. */
  async consume(checks: { rule: RateLimitRule; subject: string }[], nowMs = Date.now()): Promise<void> {
    // The subject (a phone number, an email, an IP) is hashed: no personal data in key names.
    const keys = checks.map(({ rule, subject }) => `${this.prefix}${rule.name}:${createHash('sha256').update(subject).digest('base64url').slice(0, 27)}`);
    const limits = checks.flatMap(({ rule }) => [rule.limit, rule.windowSeconds * 1000]);
    // Unique even for two attempts in the same millisecond, which would otherwise count once.
    const member = `${nowMs}:${randomBytes(6).toString('base64url')}`;
    const waitMs = Number(await this.redis.hocsoRateLimitConsume(keys.length, ...keys, Math.floor(nowMs), member, ...limits));
    // Whole seconds, at least 1: a Retry-After of 0 would invite a retry that is refused.
    if (waitMs > 0) throw new TooManyAttemptsException(Math.max(1, Math.ceil(waitMs / 1000)));
  }
}
