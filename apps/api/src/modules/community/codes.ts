import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/** Letters and digits read off a projector without confusing them (no 0/O, 1/I/L). */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 6;
export const CLAIM_CODE_LENGTH = 8;

export function newCode(length: number): string {
  return Array.from({ length }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** "k7m-x3q" → "K7MX3Q": people type codes with spaces, dashes and in any case. */
export function normaliseCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

/** Whether a (normalised) code can be one of ours; others are answered 404 without a query. */
export function isCode(code: string, length: number): boolean {
  return code.length === length && [...code].every((c) => CODE_ALPHABET.includes(c));
}

/**
 * Check-in tokens: `<expiry, unix seconds in base 36>_<HMAC-SHA256(session secret, "<sessionId>:<expiry>"),
 * first 16 bytes, base64url>`. The secret is random per session and never leaves the server, so a
 * token cannot be guessed or made for another session, and it stops working at its expiry.
 */
export function signCheckInToken(secret: Buffer, sessionId: string, expiresAt: Date): string {
  const exp = Math.floor(expiresAt.getTime() / 1000).toString(36);
  return `${exp}_${mac(secret, sessionId, exp)}`;
}

export type CheckInVerdict = 'valid' | 'expired' | 'invalid';

export function verifyCheckInToken(secret: Buffer, sessionId: string, token: string, now = new Date()): CheckInVerdict {
  const cut = token.indexOf('_');
  if (cut <= 0) return 'invalid';
  const exp = token.slice(0, cut);
  if (!/^[0-9a-z]{1,10}$/.test(exp)) return 'invalid';
  const given = Buffer.from(token.slice(cut + 1));
  const expected = Buffer.from(mac(secret, sessionId, exp));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  return parseInt(exp, 36) * 1000 < now.getTime() ? 'expired' : 'valid';
}

function mac(secret: Buffer, sessionId: string, exp: string): string {
  return createHmac('sha256', secret).update(`${sessionId}:${exp}`).digest().subarray(0, 16).toString('base64url');
}
