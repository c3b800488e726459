import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The scopes of xAPI 1.0.3 (Part 3, §6.4.2) a client credential can hold. */
export const XAPI_SCOPES = ['statements/write', 'statements/read/mine', 'statements/read', 'state', 'define', 'profile', 'all/read', 'all'] as const;
export type XapiScope = (typeof XAPI_SCOPES)[number];

/**
 * HTTP Basic credentials of one xAPI client (a piece of content, a reporting tool, another LRS),
 * issued by an administrator. Only an HMAC-SHA256 of the random secret is kept; the secret is shown once.
 */
@Entity({ name: 'xapi_clients' })
export class XapiClient {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The Basic user name; also the account name of the client's authority Agent. */
  @Column({ type: 'varchar', length: 64, unique: true })
  key!: string;

  /** hex HMAC-SHA256(secret) keyed by the client id. */
  @Column({ name: 'secret_hash', type: 'varchar', length: 64 })
  secretHash!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'text', array: true })
  scopes!: XapiScope[];

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;
}
