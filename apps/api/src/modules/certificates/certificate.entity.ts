import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import type { User } from '../identity/user.entity';

export const ACHIEVEMENT_KINDS = ['course', 'universalisation'] as const;
export type AchievementKind = (typeof ACHIEVEMENT_KINDS)[number];

export interface LocalizedName {
  vi: string;
  en: string;
}

/**
 * A certificate: issued exactly once per achievement (UNIQUE user + kind + ref): a completed course
 * (ref = course id) or a confirmed target group (ref = target group id). Carries its signed Open Badges 3.0
 * credential; the PDF is in object storage under `certificates/<id>.pdf`.
 */
@Entity({ name: 'certificates' })
@Unique('uq_certificates_achievement', ['userId', 'achievementKind', 'achievementRef'])
@Unique('uq_certificates_serial', ['serial'])
@Unique('uq_certificates_status_index', ['statusIndex'])
@Index('ix_certificates_user', ['userId', 'issuedAt'])
/** Reports' incremental refresh (reports-perf). */
@Index('ix_certificates_issued_at', ['issuedAt'])
@Index('ix_certificates_revoked_at', ['revokedAt'], { where: '"revoked_at" IS NOT NULL' })
@Check('ck_certificates_kind', `"achievement_kind" IN ('course', 'universalisation')`)
export class Certificate {
  /** Made by the issuing job (the PDF key and the credential id use it before the row exists). */
  @PrimaryColumn('uuid')
  id!: string;

  /** HS-YYYY-XXXX-XXXX (Crockford base32, last character a check character). */
  @Column({ type: 'varchar', length: 20 })
  serial!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ name: 'achievement_kind', type: 'varchar', length: 20 })
  achievementKind!: AchievementKind;

  @Column({ name: 'achievement_ref', type: 'varchar', length: 100 })
  achievementRef!: string;

  @Column({ name: 'achievement_name', type: 'jsonb' })
  achievementName!: LocalizedName;

  /** The name printed on the certificate (the account's display name at issue time). */
  @Column({ name: 'recipient_name', type: 'text' })
  recipientName!: string;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;

  /** Position in the revocation status list (random, for herd privacy). */
  @Column({ name: 'status_index', type: 'integer' })
  statusIndex!: number;

  @Column({ name: 'key_id', type: 'varchar', length: 64 })
  keyId!: string;

  /** The signed OpenBadgeCredential, as downloaded. */
  @Column({ type: 'jsonb' })
  credential!: Record<string, unknown>;

  @Column({ name: 'pdf_key', type: 'text' })
  pdfKey!: string;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'revocation_reason', type: 'text', nullable: true })
  revocationReason!: string | null;

  @Column({ name: 'revoked_by', type: 'uuid', nullable: true })
  revokedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
