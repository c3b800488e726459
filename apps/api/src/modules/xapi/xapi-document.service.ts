import { BadRequestException, ConflictException, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { XapiDocumentKind } from './entities/xapi-document.entity';
import { isObject, isTimestamp, type XapiMajor } from './xapi-validation';

/** Which document: key parts a kind does not use are ''. */
export interface DocumentKey {
  kind: XapiDocumentKind;
  activityId: string;
  agentIfi: string;
  registration: string;
}

export interface StoredDocument {
  content: Buffer;
  contentType: string;
  etag: string;
  updatedAt: Date;
}

/** If-Match / If-None-Match of a request (raw header values). */
export interface Preconditions {
  ifMatch?: string;
  ifNoneMatch?: string;
}

const JSON_TYPE = /^application\/json\b/i;

function etagOf(content: Buffer): string {
  return createHash('sha1').update(content).digest('hex');
}

function tags(header: string): string[] {
  return header.split(',').map((t) => t.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1'));
}

function parseJsonObject(content: Buffer, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(content.toString('utf8'));
  } catch {
    throw new BadRequestException(`${what} is not JSON`);
  }
  if (!isObject(value)) throw new BadRequestException(`${what} is not a JSON object`);
  return value;
}

/**
 * State, Activity Profile and Agent Profile documents (xAPI Part 3 §2.3–2.6): byte-for-byte storage,
 * SHA-1 ETags, If-Match / If-None-Match (412), PUT over an existing document without either header
 * refused (409), POST merging JSON objects.
 */
@Injectable()
export class XapiDocumentService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private where(key: DocumentKey, documentId?: string): { sql: string; args: unknown[] } {
    const args: unknown[] = [key.kind, key.activityId, key.agentIfi, key.registration];
    let sql = 'kind = $1 AND activity_id = $2 AND agent_ifi = $3 AND registration = $4';
    if (documentId !== undefined) {
      args.push(documentId);
      sql += ' AND document_id = $5';
    }
    return { sql, args };
  }

  async get(key: DocumentKey, documentId: string): Promise<StoredDocument | null> {
    const { sql, args } = this.where(key, documentId);
    const rows = (await this.db.query(`SELECT content, content_type, etag, updated_at FROM xapi_documents WHERE ${sql}`, args)) as {
      content: Buffer;
      content_type: string;
      etag: string;
      updated_at: Date;
    }[];
    const row = rows[0];
    return row ? { content: row.content, contentType: row.content_type, etag: row.etag, updatedAt: row.updated_at } : null;
  }

  /** Ids of the documents under a key, optionally those changed after `since`; with the newest change. */
  async ids(key: DocumentKey, since: string | undefined): Promise<{ ids: string[]; lastModified: Date | null }> {
    const { sql, args } = this.where(key);
    let filter = sql;
    if (since !== undefined) {
      if (!isTimestamp(since)) throw new BadRequestException('since must be an ISO 8601 timestamp');
      args.push(new Date(since).toISOString());
      filter += ` AND updated_at > $${args.length}`;
    }
    const rows = (await this.db.query(`SELECT document_id, updated_at FROM xapi_documents WHERE ${filter} ORDER BY document_id`, args)) as { document_id: string; updated_at: Date }[];
    const lastModified = rows.reduce<Date | null>((max, r) => (!max || r.updated_at > max ? r.updated_at : max), null);
    return { ids: rows.map((r) => r.document_id), lastModified };
  }

  private check(current: StoredDocument | null, pre: Preconditions): void {
    if (pre.ifMatch !== undefined) {
      const wanted = tags(pre.ifMatch);
      if (!current || !(wanted.includes('*') || wanted.includes(current.etag))) throw new HttpException('If-Match does not match the current document', HttpStatus.PRECONDITION_FAILED);
    }
    if (pre.ifNoneMatch !== undefined && current) {
      const wanted = tags(pre.ifNoneMatch);
      if (wanted.includes('*') || wanted.includes(current.etag)) throw new HttpException('If-None-Match: the document exists', HttpStatus.PRECONDITION_FAILED);
    }
  }

  private async locked(manager: EntityManager, key: DocumentKey, documentId: string): Promise<StoredDocument | null> {
    const { sql, args } = this.where(key, documentId);
    const rows = (await manager.query(`SELECT content, content_type, etag, updated_at FROM xapi_documents WHERE ${sql} FOR UPDATE`, args)) as {
      content: Buffer;
      content_type: string;
      etag: string;
      updated_at: Date;
    }[];
    const row = rows[0];
    return row ? { content: row.content, contentType: row.content_type, etag: row.etag, updatedAt: row.updated_at } : null;
  }

  private async write(manager: EntityManager, key: DocumentKey, documentId: string, content: Buffer, contentType: string): Promise<void> {
    // One key at a time (the unique index), so that two first writes cannot both insert.
    await manager.query(
      `INSERT INTO xapi_documents (kind, activity_id, agent_ifi, registration, document_id, content, content_type, etag, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, clock_timestamp())
       ON CONFLICT (kind, activity_id, agent_ifi, registration, document_id)
       DO UPDATE SET content = EXCLUDED.content, content_type = EXCLUDED.content_type, etag = EXCLUDED.etag, updated_at = EXCLUDED.updated_at`,
      [key.kind, key.activityId, key.agentIfi, key.registration, documentId, content, contentType, etagOf(content)],
    );
  }

  private lock(manager: EntityManager, key: DocumentKey, documentId: string): Promise<unknown> {
    return manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`${key.kind}|${key.activityId}|${key.agentIfi}|${key.registration}|${documentId}`]);
  }

  /** PUT: replaces the document. Without If-Match/If-None-Match an existing document is not overwritten (409), except 1.0.x State. */
  async put(key: DocumentKey, documentId: string, content: Buffer, contentType: string, pre: Preconditions, major: XapiMajor): Promise<void> {
    await this.db.transaction(async (manager) => {
      await this.lock(manager, key, documentId);
      const current = await this.locked(manager, key, documentId);
      this.check(current, pre);
      const concurrencyRequired = key.kind !== 'state' || major === '2.0';
      if (current && concurrencyRequired && pre.ifMatch === undefined && pre.ifNoneMatch === undefined) {
        throw new ConflictException('The document exists: send If-Match with its ETag (or If-None-Match: *) to say what you overwrite');
      }
      if (JSON_TYPE.test(contentType) && key.kind !== 'state') parseJsonValue(content);
      await this.write(manager, key, documentId, content, contentType);
    });
  }

  /** POST: a JSON object is merged into an existing JSON object document (top-level keys); otherwise like PUT on a new document. */
  async post(key: DocumentKey, documentId: string, content: Buffer, contentType: string, pre: Preconditions): Promise<void> {
    await this.db.transaction(async (manager) => {
      await this.lock(manager, key, documentId);
      const current = await this.locked(manager, key, documentId);
      this.check(current, pre);
      if (!current) {
        if (JSON_TYPE.test(contentType)) parseJsonObject(content, 'The document');
        await this.write(manager, key, documentId, content, contentType);
        return;
      }
      if (!JSON_TYPE.test(contentType) || !JSON_TYPE.test(current.contentType)) {
        throw new BadRequestException('POST merges JSON objects: both the stored document and the request must be application/json');
      }
      const merged = { ...parseJsonObject(current.content, 'The stored document'), ...parseJsonObject(content, 'The request body') };
      await this.write(manager, key, documentId, Buffer.from(JSON.stringify(merged)), 'application/json');
    });
  }

  async delete(key: DocumentKey, documentId: string, pre: Preconditions): Promise<void> {
    await this.db.transaction(async (manager) => {
      await this.lock(manager, key, documentId);
      const current = await this.locked(manager, key, documentId);
      if (pre.ifMatch !== undefined || pre.ifNoneMatch !== undefined) this.check(current, pre);
      if (!current) return; // deleting what is not there: done (204)
      const { sql, args } = this.where(key, documentId);
      await manager.query(`DELETE FROM xapi_documents WHERE ${sql}`, args);
    });
  }

  /** DELETE of every state document of an activity and agent (and registration). */
  async deleteAll(key: DocumentKey): Promise<void> {
    const { sql, args } = this.where(key);
    await this.db.query(`DELETE FROM xapi_documents WHERE ${sql}`, args);
  }
}

function parseJsonValue(content: Buffer): void {
  try {
    JSON.parse(content.toString('utf8'));
  } catch {
    throw new BadRequestException('The document is declared application/json but is not JSON');
  }
}
