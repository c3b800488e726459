import { isEmail } from 'class-validator';
import { normaliseVietnamesePhone } from './phone';

/** How a person signs in: a phone number (E.164) or an email address (lower-cased). */
export type Identifier = { kind: 'phone'; value: string } | { kind: 'email'; value: string };

export class InvalidIdentifierError extends Error {}

/** Reads the one "phone number or email" field of the sign-up, sign-in and reset forms. */
export function parseIdentifier(input: string): Identifier {
  const trimmed = input.trim();
  if (trimmed.includes('@')) {
    const email = trimmed.toLowerCase();
    if (email.length > 254 || !isEmail(email)) throw new InvalidIdentifierError('This is not a valid email address');
    return { kind: 'email', value: email };
  }
  try {
    return { kind: 'phone', value: normaliseVietnamesePhone(trimmed) };
  } catch (error) {
    throw new InvalidIdentifierError((error as Error).message);
  }
}
