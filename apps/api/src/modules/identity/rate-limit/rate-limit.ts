/**
 * Fixed-window counters: at most `limit` attempts per `windowSeconds`, per subject (an account
 * identifier or an IP address). The arithmetic is here, pure; the counters live in Redis
 * (see RateLimiter) so that every API replica sees the same counts.
 */
export interface RateLimitRule {
  /** Short name, part of the Redis key, e.g. "sign-in:id". */
  name: string;
  limit: number;
  windowSeconds: number;
}

export interface RateLimitWindow {
  /** Number of the window since the epoch (part of the Redis key). */
  index: number;
  /** Whole seconds until the window ends (at least 1). */
  resetsInSeconds: number;
}

export function windowAt(nowMs: number, windowSeconds: number): RateLimitWindow {
  const windowMs = windowSeconds * 1000;
  const index = Math.floor(nowMs / windowMs);
  const resetsInSeconds = Math.max(1, Math.ceil(((index + 1) * windowMs - nowMs) / 1000));
  return { index, resetsInSeconds };
}

export interface RateLimitVerdict {
  allowed: boolean;
  /** Seconds to wait before trying again (0 when allowed); the Retry-After header. */
  retryAfterSeconds: number;
}

/** `count` is the number of attempts in the window, this one included. */
export function verdict(count: number, rule: RateLimitRule, window: RateLimitWindow): RateLimitVerdict {
  return count <= rule.limit ? { allowed: true, retryAfterSeconds: 0 } : { allowed: false, retryAfterSeconds: window.resetsInSeconds };
}

/** Several rules apply to one attempt (per account and per IP): refused if any refuses, for the longest wait. */
export function combine(verdicts: RateLimitVerdict[]): RateLimitVerdict {
  const refused = verdicts.filter((v) => !v.allowed);
  if (refused.length === 0) return { allowed: true, retryAfterSeconds: 0 };
  return { allowed: false, retryAfterSeconds: Math.max(...refused.map((v) => v.retryAfterSeconds)) };
}

/**
 * The limits of the sign-in, sign-up and password-reset endpoints. Per IP limits are generous: a
 * commune hall or a mobile network puts many people behind one address.
 */
export const RATE_LIMITS = {
  signInPerAccount: { name: 'sign-in:account', limit: 10, windowSeconds: 15 * 60 },
  signInPerIp: { name: 'sign-in:ip', limit: 100, windowSeconds: 15 * 60 },
  signUpPerIp: { name: 'sign-up:ip', limit: 60, windowSeconds: 60 * 60 },
  signUpPerAccount: { name: 'sign-up:account', limit: 5, windowSeconds: 60 * 60 },
  resetRequestPerAccount: { name: 'reset:account', limit: 5, windowSeconds: 60 * 60 },
  resetRequestPerIp: { name: 'reset:ip', limit: 30, windowSeconds: 60 * 60 },
  resetConfirmPerIp: { name: 'reset-confirm:ip', limit: 30, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimitRule>;
