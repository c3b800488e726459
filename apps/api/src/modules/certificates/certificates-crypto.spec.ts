import { randomBytes } from 'node:crypto';
import { base58btcDecode, base58btcEncode } from './crypto/base58';
import { publicKeyOfDidKey } from './crypto/multikey';
import { encodeStatusList, statusBitOf } from './crypto/status-list';
import { verifyCredential } from './crypto/verify-credential';
import { buildCredential, buildStatusListCredential, issuerDocument, IssuerUrls } from './open-badge';
import { checkCharacter, newSerial, normaliseSerial } from './serial';
import { parseSigningKeys, SigningKeyError } from './signing-keys';

const urls = new IssuerUrls('https://hocso.example.vn/');
const keysOf = (...ids: string[]) => parseSigningKeys(JSON.stringify(ids.map((id) => ({ id, seed: randomBytes(32).toString('hex') }))), ids.at(-1));
const input = {
  id: '3b0f0c7e-7a52-4a1a-9d59-2f5b0d6f4a11',
  serial: 'HS-2026-4SJ4-CRNV',
  recipientName: 'Nguyễn Thị Hồng Nhung',
  achievementKind: 'course' as const,
  achievementRef: 'c1',
  achievementName: { vi: 'Dùng điện thoại thông minh an toàn', en: 'Using a smartphone safely' },
  issuedAt: new Date('2026-12-01T08:00:00Z'),
  statusIndex: 4242,
  issuerName: 'Học số',
};

describe('certificate crypto', () => {
  it('derives the did:key of RFC 8032 test key 1 (known vector)', () => {
    const { keys } = parseSigningKeys(JSON.stringify([{ id: 'a', seed: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60' }]), 'a');
    expect(keys[0]!.publicKeyMultibase).toBe('z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw');
    expect(Buffer.from(publicKeyOfDidKey(keys[0]!.verificationMethod)!).toString('hex')).toBe('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
  });

  it('base58btc round-trips, leading zeros included', () => {
    for (const bytes of [new Uint8Array([0, 0, 1, 2]), randomBytes(64), new Uint8Array([])]) expect(Buffer.from(base58btcDecode(base58btcEncode(bytes)))).toEqual(Buffer.from(bytes));
  });

  it('signs an OpenBadgeCredential that verifies; any edit breaks it; another issuer key is refused', () => {
    const { keys, activeKeyId } = keysOf('k1');
    const credential = buildCredential(input, urls, keys[0]!);
    const doc = issuerDocument(urls, 'Học số', keys, activeKeyId);
    expect(verifyCredential(credential, { issuerDocument: doc })).toMatchObject({ verified: true, signature: 'valid', issuerKey: 'issuer' });
    for (const edit of [
      (c: Record<string, unknown>) => ((c['credentialSubject'] as { identifier: { identityHash: string }[] }).identifier[0]!.identityHash = 'Someone else'),
      (c: Record<string, unknown>) => (c['validFrom'] = '2020-01-01T00:00:00Z'),
      (c: Record<string, unknown>) => ((c['proof'] as { created: string }).created = '2020-01-01T00:00:00Z'),
      (c: Record<string, unknown>) => ((c['credentialStatus'] as { statusListIndex: string }).statusListIndex = '1'),
    ]) {
      const copy = structuredClone(credential);
      edit(copy);
      expect(verifyCredential(copy, { issuerDocument: doc })).toMatchObject({ verified: false, signature: 'invalid' });
    }
    const other = keysOf('x');
    expect(verifyCredential(buildCredential(input, urls, other.keys[0]!), { issuerDocument: doc })).toMatchObject({ verified: false, signature: 'valid', issuerKey: 'not-issuer' });
  });

  it('reads revocation from a signed status list', () => {
    const { keys } = keysOf('k1');
    const credential = buildCredential(input, urls, keys[0]!);
    const doc = issuerDocument(urls, 'Học số', keys, 'k1');
    expect(verifyCredential(credential, { issuerDocument: doc, statusListCredential: buildStatusListCredential([1, 4242], urls, 'Học số', keys[0]!) })).toMatchObject({ verified: false, status: 'revoked' });
    expect(verifyCredential(credential, { issuerDocument: doc, statusListCredential: buildStatusListCredential([4241], urls, 'Học số', keys[0]!) })).toMatchObject({ verified: true, status: 'active' });
    const forged = buildStatusListCredential([], urls, 'Học số', keysOf('evil').keys[0]!);
    expect(verifyCredential(credential, { issuerDocument: doc, statusListCredential: forged }).verified).toBe(false);
    expect(statusBitOf(encodeStatusList([0, 7, 131_071]), 7)).toBe(true);
    expect(statusBitOf(encodeStatusList([0, 7, 131_071]), 8)).toBe(false);
  });

  it('puts a certificate past the first 131,072 in a later status list, and reads its revocation there', () => {
    const { keys } = keysOf('k1');
    const credential = buildCredential({ ...input, statusIndex: 2 * 131_072 + 4242 }, urls, keys[0]!);
    const status = credential['credentialStatus'] as { statusListCredential: string; statusListIndex: string };
    expect(status).toMatchObject({ statusListCredential: urls.statusList(3), statusListIndex: '4242' });
    const doc = issuerDocument(urls, 'Học số', keys, 'k1');
    const list3 = (revoked: number[]) => buildStatusListCredential(revoked, urls, 'Học số', keys[0]!, new Date(), 3);
    expect(verifyCredential(credential, { issuerDocument: doc, statusListCredential: list3([4242]) })).toMatchObject({ verified: false, status: 'revoked' });
    expect(verifyCredential(credential, { issuerDocument: doc, statusListCredential: list3([4241]) })).toMatchObject({ verified: true, status: 'active' });
    // the first list is not the one it points to
    expect(verifyCredential(credential, { issuerDocument: doc, statusListCredential: buildStatusListCredential([], urls, 'Học số', keys[0]!) }).verified).toBe(false);
  });

  it('makes serials with a check character that catches a typo, and reads them leniently', () => {
    const serial = newSerial(2026);
    expect(serial).toMatch(/^HS-2026-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(normaliseSerial(serial.toLowerCase().replace(/-/g, ' '))).toBe(serial);
    const body = serial.replace(/^HS-2026-/, '').replace('-', '');
    const typo = (body[0] === '7' ? '8' : '7') + body.slice(1);
    expect(checkCharacter(typo.slice(0, 7)) === typo[7]).toBe(false);
    expect(normaliseSerial(`HS-2026-${typo}`)).toBeNull();
  });

  it('refuses bad key configuration at boot', () => {
    expect(() => parseSigningKeys('nope', undefined)).toThrow(SigningKeyError);
    expect(() => parseSigningKeys(JSON.stringify([{ id: 'a', seed: 'short' }]), undefined)).toThrow(/32 bytes/);
    expect(() => parseSigningKeys(JSON.stringify([{ id: 'a', seed: randomBytes(32).toString('hex') }]), 'b')).toThrow(/not in CERT_SIGNING_KEYS/);
    const pub = keysOf('old').keys[0]!.publicKeyMultibase;
    expect(() => parseSigningKeys(JSON.stringify([{ id: 'old', publicKeyMultibase: pub }]), 'old')).toThrow(/no private key/);
  });
});
