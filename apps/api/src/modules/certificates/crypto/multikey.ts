import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { base58btcDecode, base58btcEncode } from './base58';

/** Multicodec prefix of an Ed25519 public key (0xed, varint 0x01). */
const ED25519_PUB_PREFIX = Uint8Array.from([0xed, 0x01]);
/** DER prefixes wrapping a raw 32-byte Ed25519 key as PKCS#8 (private) and SPKI (public). */
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** Raw public key → Multikey `publicKeyMultibase` ("z6Mk…"). */
export function publicKeyMultibase(raw: Uint8Array): string {
  const bytes = new Uint8Array(ED25519_PUB_PREFIX.length + raw.length);
  bytes.set(ED25519_PUB_PREFIX);
  bytes.set(raw, ED25519_PUB_PREFIX.length);
  return `z${base58btcEncode(bytes)}`;
}

/** `publicKeyMultibase` → raw 32-byte Ed25519 public key; throws on anything else. */
export function rawFromMultibase(multibase: string): Uint8Array {
  if (!multibase.startsWith('z')) throw new Error('publicKeyMultibase must be base58btc (z…)');
  const bytes = base58btcDecode(multibase.slice(1));
  if (bytes.length !== 34 || bytes[0] !== 0xed || bytes[1] !== 0x01) throw new Error('not an Ed25519 Multikey');
  return bytes.slice(2);
}

/** did:key of an Ed25519 key and the id of its one verification method (did:key:z6Mk…#z6Mk…). */
export function didKey(raw: Uint8Array): { did: string; verificationMethod: string; publicKeyMultibase: string } {
  const mb = publicKeyMultibase(raw);
  return { did: `did:key:${mb}`, verificationMethod: `did:key:${mb}#${mb}`, publicKeyMultibase: mb };
}

/** The public key named by a did:key verification method, or undefined for another method. */
export function publicKeyOfDidKey(verificationMethod: string): Uint8Array | undefined {
  const match = /^did:key:(z[1-9A-HJ-NP-Za-km-z]+)(#(z[1-9A-HJ-NP-Za-km-z]+))?$/.exec(verificationMethod);
  if (!match) return undefined;
  if (match[3] && match[3] !== match[1]) return undefined;
  return rawFromMultibase(match[1]!);
}

export function privateKeyFromSeed(seed: Uint8Array): KeyObject {
  if (seed.length !== 32) throw new Error('an Ed25519 seed is 32 bytes');
  return createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

export function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

export function rawPublicKey(key: KeyObject): Uint8Array {
  const der = createPublicKey(key).export({ format: 'der', type: 'spki' });
  return new Uint8Array(der.subarray(der.length - 32));
}
