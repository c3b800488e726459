import IORedis from 'ioredis';
import { createHash } from 'node:crypto';
import type { IdentityRedis } from '../../apps/api/src/modules/identity/redis';
import type { RateLimitRule } from '../../apps/api/src/modules/identity/rate-limit/rate-limit';
import { RateLimiter, TooManyAttemptsException } from '../../apps/api/src/modules/identity/rate-limit/rate-limiter';
import { testEnv } from '../support/env';
import { deleteKeysWithPrefix, ownQueuePrefix } from '../support/redis-keys';

/** The rate limiter's script on a real Redis, with the clock passed in. */
describe('rate limiter (sliding window, in Redis)', () => {
  const prefix = ownQueuePrefix('rate-limiter');
  const client = new IORedis(testEnv.redisUrl(), { lazyConnect: true, maxRetriesPerRequest: 1 });
  const limiter = new RateLimiter({ client, keyPrefix: `${prefix}:` } as IdentityRedis);
  const threePerMinute: RateLimitRule = { name: 'test:3-per-minute', limit: 3, windowSeconds: 60 };
  let subjectNumber = 0;
  let subject: string;

  beforeEach(() => {
    subject = `+8491${String(++subjectNumber).padStart(7, '0')}`;
  });
  afterAll(async () => {
    client.disconnect();
    await deleteKeysWithPrefix(prefix);
  });

  /** The wait in seconds when refused, 0 when allowed. */
  async function attempt(nowMs: number, checks = [{ rule: threePerMinute, subject }]): Promise<number> {
    try {
      await limiter.consume(checks, nowMs);
      return 0;
    } catch (error) {
      if (error instanceof TooManyAttemptsException) return error.retryAfterSeconds;
      throw error;
    }
  }

  it('allows the limit in any window, then refuses until the oldest allowed attempt leaves it', async () => {
    const t = 1_000_000_000_000;
    expect([await attempt(t), await attempt(t + 1_000), await attempt(t + 2_000)]).toEqual([0, 0, 0]);
    expect(await attempt(t + 3_000)).toBe(57);
    expect(await attempt(t + 59_999)).toBe(1);
    // The first attempt has left the window; the next place frees when the second one leaves.
    expect(await attempt(t + 60_000)).toBe(0);
    expect(await attempt(t + 60_100)).toBe(1);
    expect(await attempt(t + 61_000)).toBe(0);
  });

  it('does not forget a burst at the turn of a clock-aligned window (a fixed window would allow it twice)', async () => {
    const windowEnd = 60_000 * 16_666_667;
    for (const offset of [-300, -200, -100]) expect(await attempt(windowEnd + offset)).toBe(0);
    expect(await attempt(windowEnd + 100)).toBe(60);
    expect(await attempt(windowEnd + 30_000)).toBe(30);
  });

  it('does not log refused attempts: a flood neither pushes the wait further away nor keeps the subject out', async () => {
    const t = 1_100_000_000_000;
    for (let i = 0; i < 3; i++) expect(await attempt(t + i)).toBe(0);
    for (let i = 1; i <= 50; i++) expect(await attempt(t + i * 1_000)).toBeGreaterThan(0);
    expect(await attempt(t + 60_000)).toBe(0);
    expect(await client.zcard(`${prefix}:rl:${threePerMinute.name}:${hashOf(subject)}`)).toBe(3);
  });

  it('refuses when any rule is full, for the longest wait, and then charges no rule', async () => {
    const t = 1_200_000_000_000;
    const perAccount: RateLimitRule = { name: 'test:1-per-hour', limit: 1, windowSeconds: 3_600 };
    const perIp: RateLimitRule = { name: 'test:2-per-minute', limit: 2, windowSeconds: 60 };
    const ip = `203.0.113.${subjectNumber}`;
    const from = (account: string) => [
      { rule: perAccount, subject: account },
      { rule: perIp, subject: ip },
    ];
    expect(await attempt(t, from(`${subject}a`))).toBe(0);
    expect(await attempt(t + 1_000, from(`${subject}a`))).toBe(3_599);
    // The refused attempt did not take the IP's second place.
    expect(await attempt(t + 2_000, from(`${subject}b`))).toBe(0);
    // Now the IP is full (58 s left) and so is account b (an hour): the longer wait is told.
    expect(await attempt(t + 2_000, from(`${subject}b`))).toBe(3_600);
    expect(await attempt(t + 2_000, from(`${subject}c`))).toBe(58);
  });

  it('lets exactly the limit through when attempts arrive at once (the check and the write are one step)', async () => {
    const t = 1_300_000_000_000;
    const waits = await Promise.all(Array.from({ length: 20 }, () => attempt(t)));
    expect(waits.filter((w) => w === 0)).toHaveLength(3);
    expect(waits.filter((w) => w === 60)).toHaveLength(17);
  });

  it('keeps no personal data in key names, and its keys expire with their window', async () => {
    await attempt(Date.now());
    const keys = await client.keys(`${prefix}:rl:${threePerMinute.name}:*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join()).not.toContain(subject);
    const ttl = await client.pttl(`${prefix}:rl:${threePerMinute.name}:${hashOf(subject)}`);
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });
});

/** As the limiter names its keys: no phone number, email or IP in clear. */
function hashOf(subject: string): string {
  return createHash('sha256').update(subject).digest('base64url').slice(0, 27);
}
