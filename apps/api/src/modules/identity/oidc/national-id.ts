import { createHmac } from 'node:crypto';

/**
 * The national ID number (CCCD, 12 digits) is never stored: only HMAC-SHA256 under a key of the
 * installation (NATIONAL_ID_HMAC_KEY), enough to find the account of a person who signs in again
 * under another subject, and useless to anyone who reads the database without the key.
 */
export function nationalIdHmac(key: string, nationalId: string | number): string {
  const normalised = String(nationalId).replace(/[\s.-]/g, '').toUpperCase();
  return createHmac('sha256', key).update(normalised, 'utf8').digest('hex');
}
