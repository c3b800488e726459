import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as yauzl from 'yauzl';
import type { ArchiveLimits } from './archive-format';
import { ArchiveRefusal, formatBytes } from './archive-refusal';

/** An entry extracted to the work directory under a name of our own (never the archive's). */
export interface ExtractedEntry {
  name: string;
  diskPath: string;
  size: number;
  sha256: string;
}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const RATIO_CHECK_FROM = 1024 * 1024;

/** Refuses names that could land outside the target or mean different files on different systems. */
export function checkEntryName(name: string): void {
  if (name.includes('\\')) throw new ArchiveRefusal('backslash', name);
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) throw new ArchiveRefusal('absolute_path', name);
  const parts = name.replace(/\/$/, '').split('/');
  if (parts.includes('..')) throw new ArchiveRefusal('path_traversal', name);
  if (name.length === 0 || name.length > 255 || parts.some((p) => p === '' || p === '.') || /[\u0000-\u001f\u007f:*?"<>|]/.test(name)) {
    throw new ArchiveRefusal('bad_name', name);
  }
}

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, decodeStrings: false, validateEntrySizes: false, autoClose: true, strictFileNames: false }, (err, zip) =>
      err || !zip ? reject(new ArchiveRefusal('not_a_zip', '', err?.message ?? '')) : resolve(zip),
    ),
  );
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (err, stream) => (err || !stream ? reject(err ?? new Error('no stream')) : resolve(stream))),
  );
}

/**
 * Reads every entry of a .zip, checking names, kinds and sizes, and writes each file to
 * `workDir/<n>.bin` while counting its bytes and hashing them: sizes in headers are claims,
 * only the counted bytes are believed (a zip bomb or a lying header is stopped as it streams).
 * Throws ArchiveRefusal; whatever was written under workDir is the caller's to remove.
 */
export async function extractZip(zipPath: string, workDir: string, limits: ArchiveLimits): Promise<Map<string, ExtractedEntry>> {
  const zip = await openZip(zipPath);
  try {
    if (zip.entryCount > limits.maxEntries) throw new ArchiveRefusal('too_many_entries', '', String(limits.maxEntries));
    const entries = new Map<string, ExtractedEntry>();
    const seen = new Set<string>();
    let total = 0;
    let index = 0;
    for (;;) {
      const entry = await nextEntry(zip);
      if (!entry) break;
      index += 1;
      if (index > limits.maxEntries) throw new ArchiveRefusal('too_many_entries', '', String(limits.maxEntries));
      const raw = entry.fileName as unknown as Buffer;
      const name = raw.toString('utf8');
      if (name.includes('\uFFFD')) throw new ArchiveRefusal('bad_name', name);
      checkEntryName(name);
      const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
      if (mode === S_IFLNK) throw new ArchiveRefusal('symlink', name);
      const isDirectory = name.endsWith('/') || mode === S_IFDIR;
      if (mode !== 0 && mode !== S_IFREG && mode !== S_IFDIR) throw new ArchiveRefusal('special_file', name);
      const key = name.replace(/\/$/, '').normalize('NFC').toLowerCase();
      if (seen.has(key)) throw new ArchiveRefusal('duplicate_entry', name);
      seen.add(key);
      if (isDirectory) continue;
      if (entry.generalPurposeBitFlag & 0x1) throw new ArchiveRefusal('encrypted_entry', name);
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) throw new ArchiveRefusal('unsupported_compression', name);
      // The headers' claims are checked first (cheap), then the bytes themselves as they stream.
      if (entry.uncompressedSize > limits.maxEntryBytes) throw new ArchiveRefusal('entry_too_large', name, formatBytes(limits.maxEntryBytes));
      if (total + entry.uncompressedSize > limits.maxTotalBytes) throw new ArchiveRefusal('total_too_large', '', formatBytes(limits.maxTotalBytes));
      if (entry.uncompressedSize > RATIO_CHECK_FROM && entry.uncompressedSize / Math.max(entry.compressedSize, 1) > limits.maxCompressionRatio) {
        throw new ArchiveRefusal('compression_ratio', name);
      }
      const extracted = await extractEntry(zip, entry, name, join(workDir, `${index}.bin`), limits, total);
      total += extracted.size;
      entries.set(name, extracted);
    }
    return entries;
  } finally {
    zip.close();
  }
}

function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    const onEntry = (entry: yauzl.Entry) => done(() => resolve(entry));
    const onEnd = () => done(() => resolve(null));
    const onError = (err: Error) => done(() => reject(err instanceof ArchiveRefusal ? err : new ArchiveRefusal('not_a_zip', '', err.message)));
    const done = (then: () => void) => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
      then();
    };
    zip.once('entry', onEntry);
    zip.once('end', onEnd);
    zip.once('error', onError);
    zip.readEntry();
  });
}

async function extractEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  name: string,
  diskPath: string,
  limits: ArchiveLimits,
  totalBefore: number,
): Promise<ExtractedEntry> {
  const hash = createHash('sha256');
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > entry.uncompressedSize) return callback(new ArchiveRefusal('size_mismatch', name));
      if (size > limits.maxEntryBytes) return callback(new ArchiveRefusal('entry_too_large', name, formatBytes(limits.maxEntryBytes)));
      if (totalBefore + size > limits.maxTotalBytes) return callback(new ArchiveRefusal('total_too_large', '', formatBytes(limits.maxTotalBytes)));
      if (size > RATIO_CHECK_FROM && size / Math.max(entry.compressedSize, 1) > limits.maxCompressionRatio) {
        return callback(new ArchiveRefusal('compression_ratio', name));
      }
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  try {
    const stream = await openEntry(zip, entry);
    await pipeline(stream, counter, createWriteStream(diskPath, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    if (error instanceof ArchiveRefusal) throw error;
    throw new ArchiveRefusal('corrupt_entry', name, (error as Error).message);
  }
  if (size !== entry.uncompressedSize) throw new ArchiveRefusal('size_mismatch', name);
  return { name, diskPath, size, sha256: hash.digest('hex') };
}
