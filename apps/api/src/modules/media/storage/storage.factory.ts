import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AppConfig } from '../../../config/app-config';
import { LocalDiskStorage } from './local-disk-storage';
import type { ObjectStorage } from './object-storage';

/** The folder of the local driver: STORAGE_DIR, else $HOCSO_DATA_DIR/storage, else ./.data/storage. */
export function localStorageDir(config: Pick<AppConfig, 'STORAGE_DIR'>, env: NodeJS.ProcessEnv = process.env): string {
  if (config.STORAGE_DIR) return resolve(config.STORAGE_DIR);
  return resolve(env.HOCSO_DATA_DIR ?? join(process.cwd(), '.data'), 'storage');
}

/** Local scratch space for uploads in progress and transcoding. */
export function mediaWorkDir(config: Pick<AppConfig, 'MEDIA_WORK_DIR'>): string {
  return resolve(config.MEDIA_WORK_DIR ?? join(tmpdir(), 'hocso-media'));
}

export function createObjectStorage(config: AppConfig): ObjectStorage {
  if (config.STORAGE_DRIVER === 's3') {
    // Required only when used: the AWS SDK is megabytes of code a local-disk installation should not keep resident.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { S3Storage } = require('./s3-storage') as typeof import('./s3-storage');
    return new S3Storage({
      bucket: config.S3_BUCKET!,
      region: config.S3_REGION,
      endpoint: config.S3_ENDPOINT,
      accessKeyId: config.S3_ACCESS_KEY_ID,
      secretAccessKey: config.S3_SECRET_ACCESS_KEY,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      spoolDir: join(mediaWorkDir(config), 's3-spool'),
    });
  }
  return new LocalDiskStorage(localStorageDir(config));
}
