import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { MediaAsset } from './media-asset.entity';

/** A WebVTT caption track of an asset, one per language (a new upload replaces it). */
@Entity({ name: 'media_captions' })
export class MediaCaption {
  @PrimaryColumn({ name: 'asset_id', type: 'uuid' })
  assetId!: string;

  @ManyToOne('MediaAsset', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'asset_id' })
  asset?: MediaAsset;

  /** BCP 47 language tag, lower-case (vi, en, vi-vn, hmn…). */
  @PrimaryColumn({ type: 'varchar', length: 16 })
  language!: string;

  /** Content-addressed key (`media/<id>/captions/<lang>-<sha256>.vtt`). */
  @Column({ name: 'storage_key', type: 'text' })
  storageKey!: string;

  @Column({ name: 'cue_count', type: 'integer' })
  cueCount!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
