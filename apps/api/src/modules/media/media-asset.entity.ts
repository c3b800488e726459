import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { User } from '../identity/user.entity';

export const MEDIA_STATUSES = ['uploading', 'queued', 'processing', 'ready', 'failed'] as const;
export type MediaStatus = (typeof MEDIA_STATUSES)[number];

/** One rung of the HLS ladder as published. */
export interface MediaRendition {
  height: number;
  width: number;
  /** Peak bits per second announced in the master playlist (video + audio). */
  bandwidth: number;
  /** Playlist key relative to the asset's published prefix, e.g. `360p/index.m3u8`. */
  playlist: string;
}

/**
 * An uploaded video and what transcoding made of it. The upload id (tus) is the asset id.
 * Published files live under `storagePrefix` (a fresh `media/<id>/r-<revision>/` per transcode), so
 * the switch to a new set of renditions is one row update.
 */
@Entity({ name: 'media_assets' })
@Index('ix_media_assets_owner', ['ownerId'])
@Check('ck_media_assets_status', `"status" IN ('uploading', 'queued', 'processing', 'ready', 'failed')`)
@Check('ck_media_assets_progress', `"progress" BETWEEN 0 AND 100`)
export class MediaAsset {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId!: string | null;

  @ManyToOne('User', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'owner_id' })
  owner?: User;

  @Column({ type: 'varchar', length: 20, default: 'uploading' })
  status!: MediaStatus;

  @Column({ type: 'smallint', default: 0 })
  progress!: number;

  @Column({ name: 'original_filename', type: 'text', nullable: true })
  originalFilename!: string | null;

  @Column({ name: 'size_bytes', type: 'bigint', nullable: true })
  sizeBytes!: string | null;

  @Column({ name: 'mime_type', type: 'text', nullable: true })
  mimeType!: string | null;

  /** Where the checked original is kept (input of transcoding). */
  @Column({ name: 'source_key', type: 'text', nullable: true })
  sourceKey!: string | null;

  @Column({ name: 'source_height', type: 'integer', nullable: true })
  sourceHeight!: number | null;

  @Column({ name: 'duration_seconds', type: 'double precision', nullable: true })
  durationSeconds!: number | null;

  @Column({ type: 'integer', nullable: true })
  width!: number | null;

  @Column({ type: 'integer', nullable: true })
  height!: number | null;

  /** Prefix of the published renditions (`media/<id>/r-<rev>/`), set in the same update as status ready. */
  @Column({ name: 'storage_prefix', type: 'text', nullable: true })
  storagePrefix!: string | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  renditions!: MediaRendition[];

  @Column({ name: 'has_audio', type: 'boolean', default: false })
  hasAudio!: boolean;

  @Column({ name: 'error_code', type: 'text', nullable: true })
  errorCode!: string | null;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
