import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Attachment data, once per content (keyed by its SHA-256, the `sha2` of the attachment). */
@Entity({ name: 'xapi_attachments' })
export class XapiAttachment {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  sha2!: string;

  @Column({ name: 'content_type', type: 'varchar', length: 255 })
  contentType!: string;

  @Column({ type: 'bytea' })
  content!: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
