import { createVerify, X509Certificate } from 'node:crypto';
import { canonicalJson, isObject, type Json, type JsonObject } from './xapi-validation';

const ALGORITHMS: Record<string, string> = { RS256: 'RSA-SHA256', RS384: 'RSA-SHA384', RS512: 'RSA-SHA512' };

function base64urlJson(part: string): unknown {
  if (!/^[A-Za-z0-9_-]+$/.test(part)) throw new Error('not base64url');
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

/** The statement as compared with a signature's payload: without what the LRS or the signing adds. */
function comparable(statement: JsonObject, keepId: boolean): string {
  const { attachments: _a, authority: _b, stored: _c, version: _d, id, ...rest } = statement;
  return canonicalJson((keepId && id !== undefined ? { ...rest, id } : rest) as Json);
}

/**
 * Checks a signed statement (xAPI 1.0.3 Part 2 §2.6): the signature attachment is a compact JWS
 * with an RS256/384/512 algorithm whose payload is the statement itself; when the header carries an
 * x5c certificate chain, the signature is verified with its first certificate. Returns a problem or null.
 */
export function checkStatementSignature(jws: Buffer, statement: JsonObject): string | null {
  const text = jws.toString('utf8').trim();
  const parts = text.split('.');
  if (parts.length !== 3) return 'the signature is not a compact JWS (three base64url parts)';
  let header: unknown;
  let payload: unknown;
  try {
    header = base64urlJson(parts[0]!);
    payload = base64urlJson(parts[1]!);
  } catch {
    return 'the JWS header or payload is not base64url-encoded JSON';
  }
  if (!isObject(header) || typeof header.alg !== 'string' || !ALGORITHMS[header.alg]) return 'the JWS algorithm must be RS256, RS384 or RS512';
  if (!isObject(payload)) return 'the JWS payload must be the statement';
  if (!/^[A-Za-z0-9_-]+$/.test(parts[2]!)) return 'the JWS signature is not base64url';
  const keepId = payload.id !== undefined;
  if (comparable(payload, keepId) !== comparable(statement, keepId)) return 'the JWS payload does not match the statement';
  if (Array.isArray(header.x5c) && typeof header.x5c[0] === 'string') {
    try {
      const certificate = new X509Certificate(Buffer.from(header.x5c[0], 'base64'));
      const verifier = createVerify(ALGORITHMS[header.alg]!);
      verifier.update(`${parts[0]}.${parts[1]}`);
      if (!verifier.verify(certificate.publicKey, Buffer.from(parts[2]!, 'base64url'))) return 'the JWS signature does not verify with its x5c certificate';
    } catch {
      return 'the x5c certificate of the JWS cannot be read';
    }
  }
  return null;
}
