import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, NotFoundException, PayloadTooLargeException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { JobName, QueueName, jobId } from '../../queue/queues';
import type { AuthUser } from '../identity/auth-user';
import { checkVideoFile } from './content-check';
import { MediaError } from './ffmpeg';
import { MediaAsset, type MediaStatus } from './media-asset.entity';
import { MediaCaption } from './media-caption.entity';
import { OBJECT_STORAGE, type ObjectStorage } from './storage/object-storage';
import { mediaWorkDir } from './storage/storage.factory';
import { transcodeToHls } from './transcode';
import { parseWebVtt, type VttProblem } from './webvtt';

/** Roles that may upload videos. */
export const UPLOAD_ROLES = ['author', 'administrator'] as const;
/** Roles that may see any asset, published or not. */
const STAFF_ROLES = new Set(['author', 'reviewer', 'administrator']);
export const FILES_PATH = '/api/v1/media/files';
export const CAPTION_MAX_BYTES = 512 * 1024;

export interface MediaAssetView {
  id: string;
  status: MediaStatus;
  progress: number;
  error: { code: string; message: string } | null;
  durationSeconds: number | null;
  width: number | null;
  height: number | null;
  posterUrl: string | null;
  hlsUrl: string | null;
  audioUrl: string | null;
  renditions: { height: number; bandwidth: number }[];
  captions: { language: string; url: string }[];
}

export interface TranscodeContext {
  /** Whether a failure now is final (no retry left): the asset is then marked failed. */
  finalAttempt: boolean;
  onProgress?: (percent: number) => void | Promise<void>;
}

export class CaptionsInvalidException extends UnprocessableEntityException {
  constructor(details: VttProblem[]) {
    super({ message: `The captions file has ${details.length} problem${details.length === 1 ? '' : 's'}; fix the lines listed and upload it again.`, details });
  }
}

const isStaff = (user: AuthUser | null) => !!user?.roles.some((r) => STAFF_ROLES.has(r.role));
const assetPrefix = (id: string) => `media/${id}/`;
export const sourceKeyOf = (id: string) => `media/${id}/source.bin`;

/** Uploads, content check, transcoding, captions and what may be read by whom. */
@Injectable()
export class MediaService {
  private readonly logger = new Logger(MediaService.name);
  readonly workDir: string;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(OBJECT_STORAGE) readonly storage: ObjectStorage,
    @InjectQueue(QueueName.Media) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {
    this.workDir = mediaWorkDir(config);
  }

  private get assets() {
    return this.db.getRepository(MediaAsset);
  }

  // ---- upload ---------------------------------------------------------------------------------

  /** Refuses an upload over the size limit before anything is stored. */
  assertUploadSize(length: number): void {
    const max = this.config.MEDIA_MAX_UPLOAD_BYTES;
    if (length > max) {
      throw new PayloadTooLargeException(
        `The video is too large: ${formatBytes(length)}, and the limit is ${formatBytes(max)}. Shorten or compress it and try again.`,
      );
    }
  }

  /** A new asset in status uploading, owned by the uploader; its id is the upload id. */
  async createUploadAsset(ownerId: string | null, length: number, filename: string | null): Promise<string> {
    this.assertUploadSize(length);
    const id = randomUUID();
    await this.assets.insert({ id, ownerId, status: 'uploading', sizeBytes: String(length), originalFilename: filename?.slice(0, 255) ?? null });
    return id;
  }

  /** Deletes the row of an upload that never completed. */
  async discardUpload(id: string): Promise<void> {
    await this.assets.delete({ id, status: 'uploading' });
  }

  /** The asset of an upload in progress, when it is the caller's (404 otherwise). */
  async findOwnUpload(user: AuthUser, id: string): Promise<MediaAsset> {
    const asset = UUID.test(id) ? await this.assets.findOneBy({ id }) : null;
    if (!asset || (asset.ownerId !== user.id && !user.roles.some((r) => r.role === 'administrator'))) {
      throw new NotFoundException('No such upload.');
    }
    return asset;
  }

  /**
   * Called when the last byte of an upload arrived: checks the content, keeps the original in
   * storage and enqueues transcoding. A refused file is deleted and the asset marked failed.
   * The local file is always removed.
   */
  async completeUpload(id: string, localPath: string, { keepLocalFile = false } = {}): Promise<MediaAsset> {
    try {
      let probe;
      try {
        probe = await checkVideoFile(localPath, 60_000);
      } catch (error) {
        const e = error instanceof MediaError ? error : new MediaError('check_failed', 'The file could not be checked.');
        await this.assets.update({ id }, { status: 'failed', errorCode: e.code, errorMessage: e.message, progress: 0 });
        throw e;
      }
      const sourceKey = sourceKeyOf(id);
      const stored = await this.storage.putFile(sourceKey, localPath, { contentType: probe.mimeType });
      await this.assets.update({ id }, {
        status: 'queued', progress: 0, errorCode: null, errorMessage: null, sourceKey, mimeType: probe.mimeType, sizeBytes: String(stored.size),
        durationSeconds: probe.durationSeconds, width: probe.width, height: probe.height, sourceHeight: probe.height, hasAudio: probe.hasAudio,
      });
      await this.enqueueTranscode(id);
      return (await this.assets.findOneByOrFail({ id }));
    } finally {
      if (!keepLocalFile) await rm(localPath, { force: true });
    }
  }

  /** One transcoding job per asset (deterministic id): enqueuing twice is one job. */
  enqueueTranscode(id: string) {
    return this.queue.add(JobName.TranscodeVideo, { assetId: id }, { jobId: jobId(JobName.TranscodeVideo, id), attempts: 3 });
  }

  /**
   * A local video file (demo content, archive import) as a new asset: the same content check,
   * then transcoding is enqueued. The file is copied, not moved. Throws MediaError when refused.
   */
  async ingestLocalFile(path: string, { ownerId, filename }: { ownerId: string | null; filename?: string }): Promise<string> {
    const { size } = await import('node:fs/promises').then((fs) => fs.stat(path));
    const id = await this.createUploadAsset(ownerId, size, filename ?? null);
    await this.completeUpload(id, path, { keepLocalFile: true });
    return id;
  }

  // ---- transcoding (worker) ------------------------------------------------------------------

  /**
   * The transcoding job: source → local work dir → HLS ladder → published under a fresh prefix,
   * switched in one row update. Leftovers of earlier attempts are deleted first, and this
   * attempt's output is deleted when it fails, so storage never keeps half-written renditions.
   * An asset already ready is left alone.
   */
  async transcodeAsset(id: string, context: TranscodeContext): Promise<'ready' | 'already-ready' | 'missing'> {
    const asset = await this.assets.findOneBy({ id });
    if (!asset) return 'missing';
    if (asset.status === 'ready') return 'already-ready';
    if (!asset.sourceKey) throw new MediaError('no_source', 'The upload did not finish: there is no video to transcode.');
    await this.assets.update({ id }, { status: 'processing', progress: 0 });
    await this.deleteStaleRevisions(id, asset.storagePrefix);

    await mkdir(this.workDir, { recursive: true });
    const work = await mkdtemp(join(this.workDir, `transcode-${id}-`));
    let prefix: string | null = null;
    try {
      const input = join(work, 'input');
      await pipeline(await this.storage.read(asset.sourceKey), createWriteStream(input));
      let lastSaved = 0;
      let lastAt = 0;
      const result = await transcodeToHls(input, join(work, 'out'), {
        timeoutMs: this.config.MEDIA_TRANSCODE_TIMEOUT_SECONDS * 1000,
        onProgress: (p) => {
          const percent = Math.min(95, Math.round(p * 0.95));
          void context.onProgress?.(percent);
          if (percent - lastSaved >= 5 && Date.now() - lastAt > 500) {
            lastSaved = percent;
            lastAt = Date.now();
            void this.assets.update({ id, status: 'processing' }, { progress: percent }).catch(() => undefined);
          }
        },
      });
      prefix = `${assetPrefix(id)}r-${randomBytes(8).toString('hex')}/`;
      for (const file of result.files) await this.storage.putFile(prefix + file, join(work, 'out', file));

      const previous = await this.db.transaction(async (m) => {
        const rows = (await m.query(`SELECT status, storage_prefix FROM media_assets WHERE id = $1 FOR UPDATE`, [id])) as { status: string; storage_prefix: string | null }[];
        if (rows.length === 0 || rows[0].status === 'ready') return { switched: false as const };
        await m.getRepository(MediaAsset).update({ id }, {
          status: 'ready', progress: 100, storagePrefix: prefix, renditions: result.renditions, hasAudio: result.hasAudio,
          durationSeconds: result.durationSeconds, width: result.width, height: result.height, errorCode: null, errorMessage: null,
        });
        return { switched: true as const, old: rows[0].storage_prefix };
      });
      if (!previous.switched) {
        await this.storage.deletePrefix(prefix);
        return 'already-ready';
      }
      if (previous.old && previous.old !== prefix) await this.storage.deletePrefix(previous.old);
      void context.onProgress?.(100);
      return 'ready';
    } catch (error) {
      if (prefix) await this.storage.deletePrefix(prefix).catch(() => undefined);
      const e = error instanceof MediaError ? error : new MediaError('transcode_failed', `Transcoding failed: ${(error as Error).message}`, true);
      const final = context.finalAttempt || !e.retryable;
      await this.assets.update({ id }, { status: final ? 'failed' : 'queued', errorCode: e.code, errorMessage: e.message, progress: 0 });
      throw e;
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  /** Deletes renditions of earlier attempts (e.g. a worker killed while publishing). */
  private async deleteStaleRevisions(id: string, current: string | null): Promise<void> {
    const objects = await this.storage.list(`${assetPrefix(id)}r-`);
    const stale = new Set(objects.map((o) => o.key.slice(0, o.key.indexOf('/', assetPrefix(id).length) + 1)).filter((p) => p !== current));
    for (const p of stale) {
      this.logger.warn(`deleting partial renditions ${p}`);
      await this.storage.deletePrefix(p);
    }
  }

  // ---- reading -----------------------------------------------------------------------------

  /** The asset when the caller may read it: staff always; anyone once it is in a published (or since archived) version. */
  async findReadable(id: string, user: AuthUser | null): Promise<{ asset: MediaAsset; isPublic: boolean }> {
    const asset = UUID.test(id) ? await this.assets.findOneBy({ id }) : null;
    if (!asset) throw new NotFoundException('No such video.');
    const isPublic = await this.isPublished(id);
    if (!isPublic && !isStaff(user)) throw new NotFoundException('No such video.');
    return { asset, isPublic };
  }

  /** Linked (lessons.media_asset_id) to a lesson of a published version, or of one that was published and is archived. */
  async isPublished(id: string): Promise<boolean> {
    const rows = (await this.db.query(
      `SELECT 1 FROM lessons l
         JOIN course_modules m ON m.id = l.module_id
         JOIN course_versions v ON v.id = m.version_id
        WHERE l.media_asset_id = $1 AND v.status IN ('published', 'archived') LIMIT 1`,
      [id],
    )) as unknown[];
    return rows.length > 0;
  }

  async view(id: string, user: AuthUser | null): Promise<MediaAssetView> {
    const { asset } = await this.findReadable(id, user);
    return this.toView(asset);
  }

  async toView(asset: MediaAsset): Promise<MediaAssetView> {
    const captions = await this.db.getRepository(MediaCaption).find({ where: { assetId: asset.id }, order: { language: 'ASC' } });
    const base = `${FILES_PATH}/${asset.id}/`;
    const url = (key: string) => `${base}${key.slice(assetPrefix(asset.id).length)}`;
    const ready = asset.status === 'ready' && asset.storagePrefix;
    return {
      id: asset.id,
      status: asset.status,
      progress: asset.progress,
      error: asset.errorCode ? { code: asset.errorCode, message: asset.errorMessage ?? asset.errorCode } : null,
      durationSeconds: asset.durationSeconds,
      width: asset.width,
      height: asset.height,
      posterUrl: ready ? url(`${asset.storagePrefix}poster.jpg`) : null,
      hlsUrl: ready ? url(`${asset.storagePrefix}master.m3u8`) : null,
      audioUrl: ready && asset.hasAudio ? url(`${asset.storagePrefix}audio/index.m3u8`) : null,
      renditions: ready ? asset.renditions.map((r) => ({ height: r.height, bandwidth: r.bandwidth })) : [],
      captions: captions.map((c) => ({ language: c.language, url: url(c.storageKey) })),
    };
  }

  /**
   * The storage key of a served file (`<assetId>/<path>`): only published renditions of the
   * current revision and captions; never the original.
   */
  servedKey(asset: MediaAsset, path: string): string | null {
    if (!/^(r-[0-9a-f]{16}\/|captions\/)[A-Za-z0-9._/-]+$/.test(path) || path.includes('..')) return null;
    if (path.startsWith('r-') && (!asset.storagePrefix || !`${assetPrefix(asset.id)}${path}`.startsWith(asset.storagePrefix))) return null;
    return `${assetPrefix(asset.id)}${path}`;
  }

  // ---- captions ---------------------------------------------------------------------------

  async putCaptions(id: string, language: string, body: string): Promise<{ language: string; url: string }> {
    const asset = await this.assets.findOneBy({ id });
    if (!asset) throw new NotFoundException('No such video.');
    const { cues, errors } = parseWebVtt(body, asset.durationSeconds);
    if (errors.length > 0) throw new CaptionsInvalidException(errors);
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
    const key = `${assetPrefix(id)}captions/${language}-${hash}.vtt`;
    await this.storage.put(key, body, { contentType: 'text/vtt; charset=utf-8' });
    const repo = this.db.getRepository(MediaCaption);
    const old = await repo.findOneBy({ assetId: id, language });
    await repo.upsert({ assetId: id, language, storageKey: key, cueCount: cues.length }, ['assetId', 'language']);
    if (old && old.storageKey !== key) await this.storage.delete(old.storageKey);
    return { language, url: `${FILES_PATH}/${id}/captions/${language}-${hash}.vtt` };
  }

  // ---- export ------------------------------------------------------------------------------

  /**
   * The files of a ready asset for a course archive: `path` relative to the asset (stable names:
   * `source.bin`, `captions/<lang>.vtt`), with the storage key to read. Import the source with
   * ingestLocalFile and captions with putCaptions.
   */
  async exportFiles(id: string): Promise<{ path: string; key: string; size: number }[]> {
    const asset = await this.assets.findOneBy({ id });
    if (!asset) throw new NotFoundException('No such video.');
    const out: { path: string; key: string; size: number }[] = [];
    if (asset.sourceKey) {
      const s = await this.storage.stat(asset.sourceKey);
      if (s) out.push({ path: 'source.bin', key: asset.sourceKey, size: s.size });
    }
    for (const c of await this.db.getRepository(MediaCaption).findBy({ assetId: id })) {
      const s = await this.storage.stat(c.storageKey);
      if (s) out.push({ path: `captions/${c.language}.vtt`, key: c.storageKey, size: s.size });
    }
    return out;
  }
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function formatBytes(n: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}
