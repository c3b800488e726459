import { Injectable, Logger } from '@nestjs/common';
import { FileStore } from '@tus/file-store';
import { Server } from '@tus/server';
import { AsyncLocalStorage } from 'node:async_hooks';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppConfig } from '../../config/app-config';
import { MediaError } from './ffmpeg';
import { MediaService } from './media.service';

export const UPLOADS_PATH = '/api/v1/media/uploads';

const REFUSED_CODES = new Set(['not_a_video', 'unsupported_format']);

/**
 * The tus server (resumable uploads) writing to a local folder. Requests reach it only through
 * UploadsController, which checks the session, role, CSRF token and ownership first.
 * When the last byte arrives, the file is checked and handed to MediaService (stored, transcoding
 * enqueued); a refused file is deleted at once.
 */
@Injectable()
export class TusUploadServer {
  private readonly logger = new Logger(TusUploadServer.name);
  readonly directory: string;
  private readonly server: Server;
  private readonly store: FileStore;
  private readonly newUploadId = new AsyncLocalStorage<string>();

  constructor(config: AppConfig, private readonly media: MediaService) {
    this.directory = join(media.workDir, 'uploads');
    this.store = new FileStore({ directory: this.directory });
    this.server = new Server({
      path: UPLOADS_PATH,
      datastore: this.store,
      maxSize: config.MEDIA_MAX_UPLOAD_BYTES,
      relativeLocation: true,
      respectForwardedHeaders: config.TRUST_PROXY > 0,
      // The id of the asset the controller created for this request (never a client-sent value).
      namingFunction: () => {
        const id = this.newUploadId.getStore();
        if (!id) throw { status_code: 500, body: 'Upload id missing' };
        return id;
      },
      onUploadFinish: async (_req, upload) => {
        try {
          await this.media.completeUpload(upload.id, join(this.directory, upload.id));
          return {};
        } catch (error) {
          const e = error instanceof MediaError ? error : new MediaError('upload_failed', 'The upload could not be stored; try again.');
          if (!(error instanceof MediaError)) this.logger.error(`upload ${upload.id} could not be completed: ${(error as Error).stack ?? String(error)}`);
          const status = REFUSED_CODES.has(e.code) ? 415 : error instanceof MediaError ? 422 : 500;
          throw { status_code: status, body: JSON.stringify({ statusCode: status, error: e.code, message: e.message }) };
        } finally {
          await rm(join(this.directory, `${upload.id}.json`), { force: true });
        }
      },
    });
  }

  handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    return this.server.handle(req, res);
  }

  /** Handles a creation request (POST) naming the new upload with this id. */
  create(id: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    return this.newUploadId.run(id, () => this.server.handle(req, res));
  }

  /** Forgets an upload's local file (after the asset was deleted). */
  async discard(id: string): Promise<void> {
    await rm(join(this.directory, id), { force: true });
    await rm(join(this.directory, `${id}.json`), { force: true });
  }
}
