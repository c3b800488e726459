import canonicalize from 'canonicalize';
import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import { base58btcDecode, base58btcEncode } from './base58';
import { publicKeyFromRaw } from './multikey';

/** A Data Integrity proof (W3C VC Data Integrity 1.0) made with the eddsa-jcs-2022 cryptosuite. */
export interface DataIntegrityProof {
  type: 'DataIntegrityProof';
  cryptosuite: 'eddsa-jcs-2022';
  created: string;
  verificationMethod: string;
  proofPurpose: 'assertionMethod';
  proofValue: string;
  '@context'?: unknown;
}

export type JsonObject = { [key: string]: unknown };

function jcs(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('cannot canonicalise');
  return text;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * hashData of eddsa-jcs-2022 (EdDSA Cryptosuites v1.0, §3.3): SHA-256 of the JCS (RFC 8785) of the
 * proof options (with the document's @context) followed by SHA-256 of the JCS of the document without proof.
 */
function hashData(unsecured: JsonObject, proofOptions: JsonObject): Buffer {
  const options = { ...proofOptions };
  if (unsecured['@context'] !== undefined) options['@context'] = unsecured['@context'];
  return Buffer.concat([sha256(jcs(options)), sha256(jcs(unsecured))]);
}

/** Adds an eddsa-jcs-2022 proof to a document (which must not already have one). */
export function signDocument<T extends JsonObject>(document: T, key: { privateKey: KeyObject; verificationMethod: string }, created = new Date()): T & { proof: DataIntegrityProof } {
  const { proof: _ignored, ...unsecured } = document as JsonObject;
  void _ignored;
  const proofOptions = {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-jcs-2022',
    created: created.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    verificationMethod: key.verificationMethod,
    proofPurpose: 'assertionMethod',
  } as const;
  const signature = sign(null, hashData(unsecured, proofOptions), key.privateKey);
  return { ...(unsecured as T), proof: { ...proofOptions, proofValue: `z${base58btcEncode(signature)}` } };
}

/** Checks an eddsa-jcs-2022 proof with a raw Ed25519 public key. Returns a reason when it fails. */
export function verifyProof(document: JsonObject, publicKey: Uint8Array): { ok: true } | { ok: false; reason: string } {
  const proof = document['proof'];
  if (!proof || typeof proof !== 'object' || Array.isArray(proof)) return { ok: false, reason: 'no proof' };
  const { proofValue, ...proofOptions } = proof as JsonObject;
  if (proofOptions['type'] !== 'DataIntegrityProof' || proofOptions['cryptosuite'] !== 'eddsa-jcs-2022') return { ok: false, reason: 'unsupported proof type' };
  if (proofOptions['proofPurpose'] !== 'assertionMethod') return { ok: false, reason: 'wrong proof purpose' };
  if (typeof proofValue !== 'string' || !proofValue.startsWith('z')) return { ok: false, reason: 'malformed proofValue' };
  const { proof: _p, ...unsecured } = document;
  void _p;
  if (proofOptions['@context'] !== undefined && jcs(proofOptions['@context']) !== jcs(unsecured['@context'])) return { ok: false, reason: 'proof @context differs' };
  let signature: Uint8Array;
  try {
    signature = base58btcDecode(proofValue.slice(1));
  } catch {
    return { ok: false, reason: 'malformed proofValue' };
  }
  const ok = signature.length === 64 && verify(null, hashData(unsecured, proofOptions), publicKeyFromRaw(publicKey), signature);
  return ok ? { ok: true } : { ok: false, reason: 'signature does not match' };
}
