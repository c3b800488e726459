import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
// s3rver: an S3-compatible server (HTTP, S3 REST API, files on disk) run here for the S3 driver.
import S3rver from 's3rver';
import { LocalDiskStorage } from '../../apps/api/src/modules/media/storage/local-disk-storage';
import { ObjectNotFoundError, type ObjectStorage } from '../../apps/api/src/modules/media/storage/object-storage';
import { S3Storage } from '../../apps/api/src/modules/media/storage/s3-storage';
import { createObjectStorage } from '../../apps/api/src/modules/media/storage/storage.factory';
import { testConfig } from '../support/app';
import { tempDir } from '../support/media-fixtures';

async function text(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}

/** The ObjectStorage contract, run against each driver. */
function contract(name: string, make: () => ObjectStorage) {
  describe(`${name} storage`, () => {
    let storage: ObjectStorage;
    beforeAll(() => {
      storage = make();
    });

    it('puts buffers, strings and streams, reads whole objects and byte ranges, and stats them', async () => {
      const a = await storage.put('t/a/one.txt', 'hello world');
      expect(a).toMatchObject({ key: 't/a/one.txt', size: 11 });
      expect(a.etag).toMatch(/^".+"$/);
      await storage.put('t/a/two.bin', Buffer.from([1, 2, 3]));
      await storage.put('t/b/three.txt', Readable.from([Buffer.from('str'), Buffer.from('eam')]));
      expect(await text(await storage.read('t/a/one.txt'))).toBe('hello world');
      expect(await text(await storage.read('t/a/one.txt', { start: 6, end: 10 }))).toBe('world');
      expect((await storage.readBuffer('t/b/three.txt')).toString()).toBe('stream');
      expect(await storage.stat('t/a/missing.txt')).toBeNull();
      await expect(storage.read('t/a/missing.txt')).rejects.toBeInstanceOf(ObjectNotFoundError);
      // A replaced object gets a new ETag.
      const replaced = await storage.put('t/a/one.txt', 'hello there');
      expect(replaced.etag).not.toBe(a.etag);
    });

    it('lists and deletes by prefix, and moves objects', async () => {
      expect((await storage.list('t/a/')).map((o) => o.key)).toEqual(['t/a/one.txt', 't/a/two.bin']);
      expect((await storage.list('t/')).map((o) => o.key)).toEqual(['t/a/one.txt', 't/a/two.bin', 't/b/three.txt']);
      await storage.move('t/b/three.txt', 't/c/moved.txt');
      expect(await storage.stat('t/b/three.txt')).toBeNull();
      expect((await storage.readBuffer('t/c/moved.txt')).toString()).toBe('stream');
      expect(await storage.deletePrefix('t/a/')).toBe(2);
      expect((await storage.list('t/')).map((o) => o.key)).toEqual(['t/c/moved.txt']);
      await storage.delete('t/c/moved.txt');
      await storage.delete('t/c/moved.txt'); // no error when missing
      expect(await storage.list('t/')).toEqual([]);
    });

    it('refuses unsafe keys', async () => {
      for (const key of ['../etc/passwd', 'a/../../b', '/abs', 'a//b', 'a/.hidden/..']) {
        await expect(storage.put(key, 'x')).rejects.toThrow(/Invalid storage key/);
      }
    });
  });
}

const localDir = tempDir('storage-local');
const s3Dir = tempDir('storage-s3rver');
let s3rver: S3rver;
let endpoint = '';

beforeAll(async () => {
  s3rver = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: s3Dir, configureBuckets: [{ name: 'hocso-test', configs: [] }] });
  const address = (await s3rver.run()) as AddressInfo;
  endpoint = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  await s3rver?.close();
  rmSync(localDir, { recursive: true, force: true });
  rmSync(s3Dir, { recursive: true, force: true });
});

contract('local disk', () => new LocalDiskStorage(localDir));
contract('S3 (s3rver)', () => createObjectStorage(testConfig({
  STORAGE_DRIVER: 's3', S3_ENDPOINT: endpoint, S3_BUCKET: 'hocso-test', S3_REGION: 'us-east-1',
  S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER', S3_FORCE_PATH_STYLE: 'true',
})));

it('the factory picks the driver from the configuration', () => {
  expect(createObjectStorage(testConfig({ STORAGE_DIR: localDir }))).toBeInstanceOf(LocalDiskStorage);
  expect(createObjectStorage(testConfig({ STORAGE_DRIVER: 's3', S3_BUCKET: 'b' }))).toBeInstanceOf(S3Storage);
  expect(() => testConfig({ STORAGE_DRIVER: 's3' })).toThrow(/S3_BUCKET is required/);
});
