import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type XapiDocumentKind = 'state' | 'activity_profile' | 'agent_profile';

/**
 * A document of the State, Activity Profile or Agent Profile resource. Key parts a kind does not use
 * are '' (so that one unique index covers every kind).
 */
@Entity({ name: 'xapi_documents' })
@Index('uq_xapi_documents_key', ['kind', 'activityId', 'agentIfi', 'registration', 'documentId'], { unique: true })
export class XapiDocument {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: XapiDocumentKind;

  @Column({ name: 'activity_id', type: 'text', default: '' })
  activityId!: string;

  @Column({ name: 'agent_ifi', type: 'text', default: '' })
  agentIfi!: string;

  @Column({ type: 'varchar', length: 36, default: '' })
  registration!: string;

  @Column({ name: 'document_id', type: 'text' })
  documentId!: string;

  @Column({ type: 'bytea' })
  content!: Buffer;

  @Column({ name: 'content_type', type: 'varchar', length: 255 })
  contentType!: string;

  @Column({ type: 'varchar', length: 64 })
  etag!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
