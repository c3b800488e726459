import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { OBJECT_STORAGE, type ObjectStorage } from '../media';
import { checkVideoFile } from '../media/content-check';
import { MediaService } from '../media/media.service';
import { parseWebVtt } from '../media/webvtt';
import type { ArchiveMediaPort } from './archive-media.port';

/** The archive's media port on the media module: same content check, queue and captions rules as uploads. */
@Injectable()
export class MediaArchiveAdapter implements ArchiveMediaPort {
  constructor(
    private readonly media: MediaService,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async checkVideo(path: string): Promise<void> {
    await checkVideoFile(path, 60_000);
  }

  checkCaptions(vtt: string): string | null {
    const { errors } = parseWebVtt(vtt);
    return errors.length === 0 ? null : errors.slice(0, 5).map((e) => `line ${e.line}: ${e.message}`).join('; ');
  }

  ingestVideo(path: string, options: { ownerId: string; filename: string }): Promise<string> {
    return this.media.ingestLocalFile(path, options);
  }

  async putCaptions(assetId: string, language: string, vtt: string): Promise<void> {
    await this.media.putCaptions(assetId, language, vtt);
  }

  async deleteAsset(assetId: string): Promise<void> {
    await this.db.query(`DELETE FROM media_assets WHERE id = $1`, [assetId]);
    await this.storage.deletePrefix(`media/${assetId}/`);
  }
}
