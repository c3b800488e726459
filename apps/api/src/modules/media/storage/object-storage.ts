import type { Readable } from 'node:stream';

/** Injection token of the one {@link ObjectStorage} of the process (exported by MediaModule). */
export const OBJECT_STORAGE = Symbol('OBJECT_STORAGE');

/** What is known of a stored object. */
export interface StoredObject {
  key: string;
  size: number;
  /** Quoted HTTP entity tag, e.g. `"5d41402abc4b2a76"`. */
  etag: string;
  lastModified: Date;
}

/** Inclusive byte range (like HTTP's `bytes=start-end`). */
export interface ByteRange {
  start: number;
  end: number;
}

export interface PutOptions {
  contentType?: string;
}

/**
 * Where hocso keeps files (media, certificates, archives, reports): local disk by default, any
 * S3-compatible store by config. Keys are `/`-separated paths of safe segments
 * (letters, digits, `.`, `_`, `-`; no `..`), e.g. `media/<assetId>/<rev>/master.m3u8`.
 * A put is atomic: readers see the old object or the whole new one, never a part.
 */
export interface ObjectStorage {
  readonly driver: 'local' | 's3';
  /** Stores a buffer, a string or a stream (read to its end) under the key, replacing any object there. */
  put(key: string, body: Buffer | string | Readable, options?: PutOptions): Promise<StoredObject>;
  /** Stores a local file under the key. */
  putFile(key: string, path: string, options?: PutOptions): Promise<StoredObject>;
  /** A stream of the object's bytes (or of an inclusive range); throws {@link ObjectNotFoundError}. */
  read(key: string, range?: ByteRange): Promise<Readable>;
  /** The whole object in memory (for small objects); throws {@link ObjectNotFoundError}. */
  readBuffer(key: string): Promise<Buffer>;
  /** Size and ETag, or null when there is no such object. */
  stat(key: string): Promise<StoredObject | null>;
  /** Every object whose key starts with the prefix, sorted by key. */
  list(prefix: string): Promise<StoredObject[]>;
  /** Deletes one object (no error when missing). */
  delete(key: string): Promise<void>;
  /** Deletes every object under the prefix; returns how many. */
  deletePrefix(prefix: string): Promise<number>;
  /** Moves (commits) an object to another key, replacing what is there. */
  move(fromKey: string, toKey: string): Promise<void>;
}

export class ObjectNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No stored object ${key}`);
    this.name = 'ObjectNotFoundError';
  }
}

export class InvalidKeyError extends Error {}

const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,199}$/;

/** Throws unless the key is a safe relative path (also used for prefixes, which may end with `/`). */
export function assertSafeKey(key: string, { prefix = false } = {}): void {
  const body = prefix && key.endsWith('/') ? key.slice(0, -1) : key;
  if (prefix && body === '') return;
  const segments = body.split('/');
  if (key.length > 1024 || segments.some((s) => !SEGMENT.test(s) || s === '.' || s === '..')) {
    throw new InvalidKeyError(`Invalid storage key: ${JSON.stringify(key)}`);
  }
}

/** Content type from a key's extension (for what hocso stores and serves). */
export function contentTypeOf(key: string): string {
  const ext = key.slice(key.lastIndexOf('.') + 1).toLowerCase();
  return (
    {
      m3u8: 'application/vnd.apple.mpegurl',
      ts: 'video/mp2t',
      m4s: 'video/iso.segment',
      mp4: 'video/mp4',
      m4a: 'audio/mp4',
      aac: 'audio/aac',
      vtt: 'text/vtt; charset=utf-8',
      jpg: 'image/jpeg',
      jpeg: 'image/jpeg',
      png: 'image/png',
      webp: 'image/webp',
      pdf: 'application/pdf',
      json: 'application/json',
      zip: 'application/zip',
      gz: 'application/gzip',
      csv: 'text/csv; charset=utf-8',
    } as Record<string, string>
  )[ext] ?? 'application/octet-stream';
}
