import { Injectable, Logger } from '@nestjs/common';
import { createPrivateKey, randomBytes, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AppConfig } from '../../config/app-config';
import { didKey, privateKeyFromSeed, rawFromMultibase, rawPublicKey } from './crypto/multikey';

/** One configured key: a private key (seed or PKCS#8 PEM) or, for a retired key, only its public key. */
export interface SigningKeyConfig {
  id: string;
  seed?: string;
  privateKeyPem?: string;
  publicKeyMultibase?: string;
}

export interface SigningKey {
  id: string;
  privateKey: KeyObject | null;
  publicKey: Uint8Array;
  publicKeyMultibase: string;
  /** did:key:z6Mk…#z6Mk…: the proof's verificationMethod, from which anyone derives the public key offline. */
  verificationMethod: string;
}

export class SigningKeyError extends Error {}

function decodeSeed(text: string): Uint8Array {
  const bytes = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64url');
  if (bytes.length !== 32) throw new SigningKeyError('a seed must be 32 bytes (64 hex digits or base64url)');
  return bytes;
}

/** Parses CERT_SIGNING_KEYS; throws a SigningKeyError naming the problem. */
export function parseSigningKeys(json: string, activeKeyId: string | undefined): { keys: SigningKey[]; activeKeyId: string } {
  let list: unknown;
  try {
    list = JSON.parse(json);
  } catch {
    throw new SigningKeyError('CERT_SIGNING_KEYS must be a JSON list of {id, seed|privateKeyPem|publicKeyMultibase}');
  }
  if (!Array.isArray(list) || list.length === 0) throw new SigningKeyError('CERT_SIGNING_KEYS must be a non-empty JSON list');
  const keys: SigningKey[] = [];
  for (const item of list as SigningKeyConfig[]) {
    if (!item || typeof item.id !== 'string' || !/^[A-Za-z0-9._-]{1,64}$/.test(item.id)) throw new SigningKeyError('CERT_SIGNING_KEYS: every key needs an id (letters, digits, . _ -)');
    if (keys.some((k) => k.id === item.id)) throw new SigningKeyError(`CERT_SIGNING_KEYS: key id ${item.id} appears twice`);
    let privateKey: KeyObject | null = null;
    let publicKey: Uint8Array;
    try {
      if (item.seed) privateKey = privateKeyFromSeed(decodeSeed(item.seed));
      else if (item.privateKeyPem) privateKey = createPrivateKey(item.privateKeyPem);
      if (privateKey) {
        if (privateKey.asymmetricKeyType !== 'ed25519') throw new SigningKeyError('not an Ed25519 key');
        publicKey = rawPublicKey(privateKey);
      } else if (item.publicKeyMultibase) publicKey = rawFromMultibase(item.publicKeyMultibase);
      else throw new SigningKeyError('needs seed, privateKeyPem or publicKeyMultibase');
    } catch (error) {
      throw new SigningKeyError(`CERT_SIGNING_KEYS: key ${item.id}: ${(error as Error).message}`);
    }
    const did = didKey(publicKey);
    keys.push({ id: item.id, privateKey, publicKey, publicKeyMultibase: did.publicKeyMultibase, verificationMethod: did.verificationMethod });
  }
  const active = activeKeyId ?? keys[keys.length - 1]!.id;
  const key = keys.find((k) => k.id === active);
  if (!key) throw new SigningKeyError(`CERT_ACTIVE_KEY_ID ${active} is not in CERT_SIGNING_KEYS`);
  if (!key.privateKey) throw new SigningKeyError(`CERT_ACTIVE_KEY_ID ${active} has no private key`);
  return { keys, activeKeyId: active };
}

/**
 * The installation's Ed25519 signing keys (Open Badges credentials, status lists). From CERT_SIGNING_KEYS /
 * CERT_ACTIVE_KEY_ID; outside production, when unset, one key generated once and kept in CERT_DEV_KEY_FILE
 * (under .data/, never committed). Rotation: add a new key and make it active; keep the old ones (a
 * retired key may be given by its public key only) so certificates signed with them stay verifiable.
 */
@Injectable()
export class SigningKeys {
  private readonly logger = new Logger('Certificates');
  readonly keys: SigningKey[];
  readonly active: SigningKey;

  constructor(config: AppConfig) {
    let parsed: { keys: SigningKey[]; activeKeyId: string };
    if (config.CERT_SIGNING_KEYS) parsed = parseSigningKeys(config.CERT_SIGNING_KEYS, config.CERT_ACTIVE_KEY_ID);
    else if (config.isProduction) throw new SigningKeyError('CERT_SIGNING_KEYS is required in production (a JSON list of {id, seed|privateKeyPem})');
    else parsed = this.developmentKey(config.CERT_DEV_KEY_FILE ? resolve(config.CERT_DEV_KEY_FILE) : resolve(process.env.HOCSO_DATA_DIR ?? join(process.cwd(), '.data'), 'certificate-signing-key.json'));
    this.keys = parsed.keys;
    this.active = parsed.keys.find((k) => k.id === parsed.activeKeyId)!;
  }

  find(id: string): SigningKey | undefined {
    return this.keys.find((k) => k.id === id);
  }

  private developmentKey(file: string): { keys: SigningKey[]; activeKeyId: string } {
    if (!existsSync(file)) {
      mkdirSync(dirname(file), { recursive: true });
      const seed = randomBytes(32).toString('base64url');
      try {
        writeFileSync(file, JSON.stringify({ keys: [{ id: 'dev-1', seed }], activeKeyId: 'dev-1' }, null, 2), { flag: 'wx', mode: 0o600 });
        this.logger.warn(`generated a development certificate signing key in ${file} (set CERT_SIGNING_KEYS in production)`);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      chmodSync(file, 0o600);
    }
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { keys: SigningKeyConfig[]; activeKeyId: string };
    return parseSigningKeys(JSON.stringify(stored.keys), stored.activeKeyId);
  }
}
