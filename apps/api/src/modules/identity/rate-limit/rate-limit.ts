/**
 * Sliding-window limits: at most `limit` attempts in any `windowSeconds`, per subject (an account
 * identifier or an IP address). A fixed window (a counter per clock-aligned quarter hour) would let
 * twice the limit through around a window's end and, just after it, forget a burst of a second ago;
 * a sliding log has neither fault. The log lives in Redis and is read and written by one script
 * (see RateLimiter), so that every API replica sees the same attempts and two at once cannot both
 * take the last place.
 */
export interface RateLimitRule {
  /** Short name, part of the Redis key, e.g. "sign-in:account". */
  name: string;
  limit: number;
  windowSeconds: number;
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
