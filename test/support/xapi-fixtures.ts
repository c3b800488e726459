import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { hashSecret } from '../../apps/api/src/modules/xapi/xapi-clients.service';
import type { XapiScope } from '../../apps/api/src/modules/xapi/entities/xapi-client.entity';

export interface TestXapiClient {
  id: string;
  key: string;
  secret: string;
  /** Authorization header value */
  auth: string;
}

/** Credentials of an LRS client written straight to the database (as the admin API issues them). */
export async function createXapiClient(db: DataSource, scopes: XapiScope[], name = `Client ${randomBytes(3).toString('hex')}`): Promise<TestXapiClient> {
  const id = randomUUID();
  const key = `hx${randomBytes(12).toString('hex')}`;
  const secret = randomBytes(24).toString('base64url');
  await db.query(`INSERT INTO xapi_clients (id, key, secret_hash, name, scopes) VALUES ($1, $2, $3, $4, $5)`, [id, key, hashSecret(id, secret), name, scopes]);
  return { id, key, secret, auth: basic(key, secret) };
}

export function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

/** supertest requests to the LRS with credentials and X-Experience-API-Version. */
export function lrs(url: string, client: TestXapiClient | null, version: string | null = '1.0.3') {
  const sign = (test: request.Test): request.Test => {
    if (client) test.set('Authorization', client.auth);
    if (version) test.set('X-Experience-API-Version', version);
    return test;
  };
  return {
    get: (path: string) => sign(request(url).get(path)),
    head: (path: string) => sign(request(url).head(path)),
    post: (path: string, body?: unknown) => {
      const test = sign(request(url).post(path));
      return body === undefined ? test : test.set('content-type', 'application/json').send(JSON.stringify(body));
    },
    put: (path: string, body?: unknown) => {
      const test = sign(request(url).put(path));
      return body === undefined ? test : test.set('content-type', 'application/json').send(JSON.stringify(body));
    },
    delete: (path: string) => sign(request(url).delete(path)),
  };
}

/** A valid statement with fresh ids; override any part. */
export function statement(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    actor: { objectType: 'Agent', name: 'Lò Văn Páo', mbox: `mailto:pao.${randomBytes(4).toString('hex')}@example.vn` },
    verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced', vi: 'đã trải nghiệm' } },
    object: { objectType: 'Activity', id: `https://hocso.example.vn/activities/${randomUUID()}`, definition: { name: { 'en-US': 'A lesson', vi: 'Một bài học' } } },
    ...overrides,
  };
}

/** A multipart/mixed body: the statements, then each attachment with its hash. */
export function multipart(statements: unknown, attachments: { contentType: string; data: Buffer; sha2: string }[], boundary = 'xapi-test-boundary'): { contentType: string; body: Buffer } {
  const chunks: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(statements)}\r\n`)];
  for (const a of attachments) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Type: ${a.contentType}\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: ${a.sha2}\r\n\r\n`), a.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: Buffer.concat(chunks) };
}
