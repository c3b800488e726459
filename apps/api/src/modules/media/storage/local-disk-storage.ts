import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertSafeKey, ObjectNotFoundError, type ByteRange, type ObjectStorage, type StoredObject } from './object-storage';

/** {@link ObjectStorage} on a local folder. Writes go to `<root>/.tmp` first and are renamed into place. */
export class LocalDiskStorage implements ObjectStorage {
  readonly driver = 'local' as const;
  private readonly tmpDir: string;

  constructor(readonly root: string) {
    this.tmpDir = join(root, '.tmp');
  }

  private path(key: string): string {
    assertSafeKey(key);
    return join(this.root, ...key.split('/'));
  }

  private async commit(tmp: string, key: string): Promise<StoredObject> {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true });
    await rename(tmp, target);
    return (await this.stat(key))!;
  }

  async put(key: string, body: Buffer | string | Readable): Promise<StoredObject> {
    this.path(key);
    await mkdir(this.tmpDir, { recursive: true });
    const tmp = join(this.tmpDir, randomUUID());
    try {
      const source = typeof body === 'string' || Buffer.isBuffer(body) ? Readable.from([Buffer.from(body)]) : body;
      await pipeline(source, createWriteStream(tmp, { flags: 'wx' }));
      return await this.commit(tmp, key);
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  }

  async putFile(key: string, path: string): Promise<StoredObject> {
    this.path(key);
    await mkdir(this.tmpDir, { recursive: true });
    const tmp = join(this.tmpDir, randomUUID());
    try {
      await copyFile(path, tmp);
      return await this.commit(tmp, key);
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    const path = this.path(key);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) throw new ObjectNotFoundError(key);
    return createReadStream(path, range ? { start: range.start, end: range.end } : {});
  }

  async readBuffer(key: string): Promise<Buffer> {
    const path = this.path(key);
    try {
      return await readFile(path);
    } catch {
      throw new ObjectNotFoundError(key);
    }
  }

  async stat(key: string): Promise<StoredObject | null> {
    const info = await stat(this.path(key)).catch(() => null);
    if (!info?.isFile()) return null;
    // Files are replaced by rename, never rewritten in place: size + mtime + inode identify a version.
    const tag = createHash('sha1').update(`${info.size}:${info.mtimeMs}:${info.ino}`).digest('hex').slice(0, 20);
    return { key, size: info.size, etag: `"${tag}"`, lastModified: info.mtime };
  }

  async list(prefix: string): Promise<StoredObject[]> {
    assertSafeKey(prefix, { prefix: true });
    // Walk from the deepest folder the prefix names entirely.
    const slash = prefix.lastIndexOf('/');
    const base = slash >= 0 ? prefix.slice(0, slash) : '';
    const start = base ? join(this.root, ...base.split('/')) : this.root;
    const out: StoredObject[] = [];
    const walk = async (dir: string): Promise<void> => {
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        const full = join(dir, entry.name);
        const key = relative(this.root, full).split(sep).join('/');
        if (key === '.tmp' || key.startsWith('.tmp/')) continue;
        if (entry.isDirectory()) {
          if (key.startsWith(prefix) || prefix.startsWith(`${key}/`)) await walk(full);
        } else if (entry.isFile() && key.startsWith(prefix)) {
          const info = await this.stat(key);
          if (info) out.push(info);
        }
      }
    };
    await walk(start);
    return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  async deletePrefix(prefix: string): Promise<number> {
    const objects = await this.list(prefix);
    for (const object of objects) await this.delete(object.key);
    // Remove the folder the prefix names, when it names one.
    if (prefix.endsWith('/') && prefix.length > 1) await rm(this.path(prefix.slice(0, -1)), { recursive: true, force: true });
    return objects.length;
  }

  async move(fromKey: string, toKey: string): Promise<void> {
    const from = this.path(fromKey);
    const to = this.path(toKey);
    await mkdir(dirname(to), { recursive: true });
    try {
      await rename(from, to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ObjectNotFoundError(fromKey);
      throw error;
    }
  }
}
