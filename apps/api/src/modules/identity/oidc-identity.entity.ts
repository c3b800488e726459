import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { User } from './user.entity';

/**
 * A link between a user and an account at an OpenID Connect provider (the national digital ID),
 * keyed by issuer + subject. The national ID number is kept only as a keyed HMAC, for de-duplication.
 */
@Entity({ name: 'oidc_identities' })
@Unique('uq_oidc_identities_issuer_subject', ['issuer', 'subject'])
@Index('uq_oidc_identities_national_id', ['nationalIdHmac'], { unique: true, where: '"national_id_hmac" IS NOT NULL' })
export class OidcIdentity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'text' })
  issuer!: string;

  @Column({ type: 'text' })
  subject!: string;

  /** HMAC-SHA256 (hex) of the national ID number under a key from configuration; never the number. */
  @Column({ name: 'national_id_hmac', type: 'varchar', length: 64, nullable: true })
  nationalIdHmac!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
