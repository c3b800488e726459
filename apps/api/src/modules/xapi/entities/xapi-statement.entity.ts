import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One stored statement, exactly as the LRS returns it (`statement`, with id, stored, authority,
 * version), plus columns for the filters of GET /xapi/statements. `stored` is strictly increasing
 * (statements are written under an advisory lock), so it is also the paging cursor.
 */
@Entity({ name: 'xapi_statements' })
@Index('ix_xapi_statements_verb', ['verbId', 'stored'])
@Index('ix_xapi_statements_registration', ['registration', 'stored'])
@Index('ix_xapi_statements_ref', ['statementRef'])
@Index('ix_xapi_statements_client', ['clientId', 'stored'])
export class XapiStatement {
  @PrimaryColumn('uuid')
  id!: string;

  @Index('uq_xapi_statements_stored', { unique: true })
  @Column({ type: 'timestamptz' })
  stored!: Date;

  @Column({ type: 'jsonb' })
  statement!: Record<string, unknown>;

  /** SHA-256 of the statement's comparable form (without id-independent LRS properties), for idempotent repeats. */
  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash!: string;

  @Column({ name: 'verb_id', type: 'text' })
  verbId!: string;

  @Column({ type: 'uuid', nullable: true })
  registration!: string | null;

  /** The id of the statement this one targets (object of objectType StatementRef). */
  @Column({ name: 'statement_ref', type: 'uuid', nullable: true })
  statementRef!: string | null;

  @Column({ type: 'boolean', default: false })
  voided!: boolean;

  @Column({ name: 'is_voiding', type: 'boolean', default: false })
  isVoiding!: boolean;

  /** The client whose credentials stored it; null for the platform's own statements. */
  @Column({ name: 'client_id', type: 'uuid', nullable: true })
  clientId!: string | null;

  /** sha2 of every attachment, to find their data for `attachments=true`. */
  @Column({ name: 'attachment_sha2s', type: 'text', array: true, default: () => `'{}'` })
  attachmentSha2s!: string[];
}

/**
 * The agents and activities a statement names, for the agent/activity filters: `direct` rows match
 * the plain filter (actor or object; the object activity), the others only with related_agents /
 * related_activities (authority, instructor, team, context activities, sub-statement, group members).
 */
@Entity({ name: 'xapi_statement_refs' })
@Index('ix_xapi_statement_refs_value', ['kind', 'value'])
export class XapiStatementRef {
  @PrimaryColumn({ name: 'statement_id', type: 'uuid' })
  statementId!: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  kind!: 'agent' | 'activity';

  @PrimaryColumn({ type: 'text' })
  value!: string;

  @Column({ type: 'boolean' })
  direct!: boolean;
}
