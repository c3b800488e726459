import { verifyProof, type JsonObject } from './data-integrity';
import { publicKeyOfDidKey } from './multikey';
import { statusBitOf } from './status-list';

/**
 * Offline verification of an Open Badges 3.0 credential signed by hocso (eddsa-jcs-2022): no network.
 * The signing key is in the proof's did:key verification method; the issuer's key document (downloaded
 * once from /api/v1/certificates/issuer) says the key is the issuer's; a status list credential
 * (downloaded when online) says whether it was revoked.
 */
export interface VerifyOptions {
  /** The issuer's document with every key it ever used (verificationMethod[].publicKeyMultibase). */
  issuerDocument?: unknown;
  /** A BitstringStatusListCredential fetched from credentialStatus.statusListCredential. */
  statusListCredential?: unknown;
  now?: Date;
}

export interface VerificationResult {
  /** True when the signature holds, the key is the issuer's (when a document is given), it is in its validity period and not revoked (when a list is given). */
  verified: boolean;
  signature: 'valid' | 'invalid';
  issuerKey: 'issuer' | 'not-issuer' | 'not-checked';
  status: 'active' | 'revoked' | 'not-checked';
  errors: string[];
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const idOf = (v: unknown): string | undefined => (typeof v === 'string' ? v : isObject(v) && typeof v['id'] === 'string' ? v['id'] : undefined);

/** Public keys (multibase) that an issuer document publishes. */
export function issuerKeys(document: unknown): { issuerId?: string; keys: Set<string> } {
  if (!isObject(document)) return { keys: new Set() };
  const methods = Array.isArray(document['verificationMethod']) ? document['verificationMethod'] : [];
  const keys = new Set<string>();
  for (const m of methods) if (isObject(m) && typeof m['publicKeyMultibase'] === 'string') keys.add(m['publicKeyMultibase']);
  return { issuerId: idOf(document), keys };
}

function checkSigned(document: JsonObject, options: VerifyOptions, errors: string[], what: string): { signature: 'valid' | 'invalid'; issuerKey: VerificationResult['issuerKey'] } {
  const proof = document['proof'];
  const vm = isObject(proof) && typeof proof['verificationMethod'] === 'string' ? proof['verificationMethod'] : '';
  let publicKey: Uint8Array | undefined;
  try {
    publicKey = publicKeyOfDidKey(vm);
  } catch {
    publicKey = undefined;
  }
  if (!publicKey) {
    errors.push(`${what}: the proof's verificationMethod is not a did:key`);
    return { signature: 'invalid', issuerKey: 'not-checked' };
  }
  const result = verifyProof(document, publicKey);
  if (!result.ok) errors.push(`${what}: ${result.reason}`);
  let issuerKey: VerificationResult['issuerKey'] = 'not-checked';
  if (options.issuerDocument !== undefined) {
    const { issuerId, keys } = issuerKeys(options.issuerDocument);
    const multibase = vm.slice('did:key:'.length).split('#')[0]!;
    issuerKey = keys.has(multibase) && issuerId === idOf(document['issuer']) ? 'issuer' : 'not-issuer';
    if (issuerKey === 'not-issuer') errors.push(`${what}: not signed by a key of the issuer ${issuerId ?? '(unknown)'}`);
  }
  return { signature: result.ok ? 'valid' : 'invalid', issuerKey };
}

export function verifyCredential(credential: unknown, options: VerifyOptions = {}): VerificationResult {
  const errors: string[] = [];
  if (!isObject(credential)) return { verified: false, signature: 'invalid', issuerKey: 'not-checked', status: 'not-checked', errors: ['not a JSON object'] };
  const types = Array.isArray(credential['type']) ? credential['type'] : [];
  if (!types.includes('VerifiableCredential')) errors.push('not a VerifiableCredential');
  const { signature, issuerKey } = checkSigned(credential, options, errors, 'credential');
  const now = options.now ?? new Date();
  if (typeof credential['validFrom'] === 'string' && Date.parse(credential['validFrom']) > now.getTime()) errors.push('not valid yet');
  if (typeof credential['validUntil'] === 'string' && Date.parse(credential['validUntil']) < now.getTime()) errors.push('expired');

  let status: VerificationResult['status'] = 'not-checked';
  const entry = credential['credentialStatus'];
  if (options.statusListCredential !== undefined && isObject(entry)) {
    const list = options.statusListCredential;
    if (!isObject(list)) errors.push('status list: not a JSON object');
    else {
      const listErrors: string[] = [];
      const signed = checkSigned(list, options, listErrors, 'status list');
      const subject = isObject(list['credentialSubject']) ? list['credentialSubject'] : {};
      if (list['id'] !== entry['statusListCredential']) listErrors.push('status list: not the list the credential points to');
      if (idOf(list['issuer']) !== idOf(credential['issuer'])) listErrors.push('status list: another issuer');
      if (signed.signature !== 'valid') listErrors.push('status list: signature invalid');
      errors.push(...listErrors);
      if (listErrors.length === 0 && typeof subject['encodedList'] === 'string') {
        try {
          status = statusBitOf(subject['encodedList'], Number(entry['statusListIndex'])) ? 'revoked' : 'active';
        } catch (error) {
          errors.push(`status list: ${(error as Error).message}`);
        }
      }
      if (status === 'revoked') errors.push('revoked');
    }
  }
  return { verified: errors.length === 0 && signature === 'valid', signature, issuerKey, status, errors };
}
