import { randomInt } from 'node:crypto';

/** Crockford base32: no I, L, O, U (nothing to misread when a serial is typed from paper). */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Luhn mod 32 check character over the body (catches every single-character error and most swaps). */
export function checkCharacter(body: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    const code = ALPHABET.indexOf(body[i]!);
    if (code < 0) throw new Error(`not a serial character: ${body[i]}`);
    let addend = factor * code;
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / 32) + (addend % 32);
    sum += addend;
  }
  return ALPHABET[(32 - (sum % 32)) % 32]!;
}

/** A new serial HS-<year>-XXXX-XXXX: 7 random characters (34 billion) and a check character. */
export function newSerial(year: number): string {
  let body = '';
  for (let i = 0; i < 7; i++) body += ALPHABET[randomInt(32)];
  const code = body + checkCharacter(body);
  return `HS-${year}-${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Normalises what a person typed (lower case, O for 0, I/L for 1, missing dashes); null when it cannot be a serial. */
export function normaliseSerial(text: string): string | null {
  const compact = text.trim().toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const match = /^HS(\d{4})([0-9A-HJKMNP-TV-Z]{8})$/.exec(compact);
  if (!match) return null;
  const code = match[2]!;
  if (checkCharacter(code.slice(0, 7)) !== code[7]) return null;
  return `HS-${match[1]}-${code.slice(0, 4)}-${code.slice(4)}`;
}
