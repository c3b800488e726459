import { signDocument, type JsonObject } from './crypto/data-integrity';
import { encodeStatusList, statusListOf } from './crypto/status-list';
import type { AchievementKind, LocalizedName } from './certificate.entity';
import type { SigningKey } from './signing-keys';

export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

/** URLs of the installation's public certificate documents. */
export class IssuerUrls {
  readonly base: string;
  constructor(publicUrl: string) {
    this.base = publicUrl.replace(/\/$/, '');
  }
  get issuer(): string {
    return `${this.base}/api/v1/certificates/issuer`;
  }
  statusList(list = 1): string {
    return `${this.base}/api/v1/certificates/status-lists/${list}`;
  }
  achievement(kind: AchievementKind, ref: string): string {
    return `${this.base}/api/v1/certificates/achievements/${kind}/${encodeURIComponent(ref)}`;
  }
  verifyPage(serial: string): string {
    return `${this.base}/xac-minh/${serial}`;
  }
}

export interface CredentialInput {
  id: string;
  serial: string;
  recipientName: string;
  achievementKind: AchievementKind;
  achievementRef: string;
  achievementName: LocalizedName;
  issuedAt: Date;
  statusIndex: number;
  issuerName: string;
}

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

function issuerProfile(urls: IssuerUrls, name: string): JsonObject {
  return { id: urls.issuer, type: ['Profile'], name, url: urls.base };
}

/** An Open Badges 3.0 OpenBadgeCredential (a W3C VC 2.0), signed with eddsa-jcs-2022. */
export function buildCredential(input: CredentialInput, urls: IssuerUrls, key: SigningKey, now = new Date()): JsonObject {
  const criteria =
    input.achievementKind === 'universalisation'
      ? 'Đạt mọi yêu cầu của hồ sơ năng lực số cho nhóm đối tượng (Quyết định 757/QĐ-BKHCN). / Met every requirement of the target group\'s digital competency profile.'
      : 'Hoàn thành mọi bài học và bài kiểm tra của khóa học. / Completed every lesson and quiz of the course.';
  const status = statusListOf(input.statusIndex);
  const credential: JsonObject = {
    '@context': [VC_CONTEXT, OB_CONTEXT],
    id: `urn:uuid:${input.id}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: issuerProfile(urls, input.issuerName),
    validFrom: iso(input.issuedAt),
    name: input.achievementName.vi,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: input.recipientName }],
      achievement: {
        id: urls.achievement(input.achievementKind, input.achievementRef),
        type: ['Achievement'],
        achievementType: 'Certificate',
        name: input.achievementName.vi,
        description: input.achievementName.en,
        criteria: { narrative: criteria },
      },
    },
    credentialStatus: {
      id: `${urls.statusList(status.list)}#${status.position}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(status.position),
      statusListCredential: urls.statusList(status.list),
    },
    evidence: [{ id: urls.verifyPage(input.serial), type: ['Evidence'], name: input.serial }],
  };
  return signDocument(credential, { privateKey: key.privateKey!, verificationMethod: key.verificationMethod }, now);
}

/** The BitstringStatusListCredential (revocation) of list 1, signed now with the active key. */
/** Status list `listNumber` (from 1) with the revoked positions in it (0 … STATUS_LIST_SIZE-1). */
export function buildStatusListCredential(revokedPositions: number[], urls: IssuerUrls, issuerName: string, key: SigningKey, now = new Date(), listNumber = 1): JsonObject {
  const list: JsonObject = {
    '@context': [VC_CONTEXT],
    id: urls.statusList(listNumber),
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: issuerProfile(urls, issuerName),
    validFrom: iso(now),
    credentialSubject: { id: `${urls.statusList(listNumber)}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: encodeStatusList(revokedPositions) },
  };
  return signDocument(list, { privateKey: key.privateKey!, verificationMethod: key.verificationMethod }, now);
}

/** The issuer's profile with every public key it ever signed with (for offline verification: download once). */
export function issuerDocument(urls: IssuerUrls, issuerName: string, keys: SigningKey[], activeId: string): JsonObject {
  return {
    '@context': [VC_CONTEXT, OB_CONTEXT, 'https://w3id.org/security/multikey/v1'],
    id: urls.issuer,
    type: ['Profile'],
    name: issuerName,
    url: urls.base,
    verificationMethod: keys.map((k) => ({ id: k.verificationMethod, type: 'Multikey', controller: urls.issuer, publicKeyMultibase: k.publicKeyMultibase, keyId: k.id, active: k.id === activeId })),
    assertionMethod: keys.map((k) => k.verificationMethod),
  };
}
