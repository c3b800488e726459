import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { buildMultipart } from './multipart';
import { isObject, type JsonObject } from './xapi-validation';

/**
 * Forwards stored statements to an external LRS (XAPI_FORWARD_URL, HTTP Basic XAPI_FORWARD_USERNAME /
 * XAPI_FORWARD_PASSWORD). Called by the worker for each ForwardXapiStatements job. Statements already
 * forwarded (xapi_forwarded, keyed by statement id) are skipped, so a repeated job sends nothing twice;
 * a failure throws and BullMQ retries with backoff. The external LRS treats a repeated id with the same
 * content as a no-op, which covers a crash between its answer and our record.
 */
@Injectable()
export class XapiForwardingService {
  private readonly logger = new Logger(XapiForwardingService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  async forward(statementIds: string[]): Promise<{ forwarded: number; skipped: number }> {
    const base = this.config.XAPI_FORWARD_URL;
    if (!base) return { forwarded: 0, skipped: statementIds.length };
    const rows = (await this.db.query(
      `SELECT s.id, s.statement, s.attachment_sha2s FROM xapi_statements s
       WHERE s.id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM xapi_forwarded f WHERE f.statement_id = s.id) ORDER BY s.stored`,
      [statementIds],
    )) as { id: string; statement: JsonObject; attachment_sha2s: string[] }[];
    if (rows.length === 0) return { forwarded: 0, skipped: statementIds.length };

    // Attachments without a fileUrl travel with their data.
    const needData = new Set<string>();
    for (const row of rows) {
      const list = Array.isArray(row.statement.attachments) ? row.statement.attachments : [];
      for (const a of list) if (isObject(a) && a.fileUrl === undefined && typeof a.sha2 === 'string') needData.add(a.sha2);
    }
    const statements = rows.map((r) => r.statement);
    const headers: Record<string, string> = { 'X-Experience-API-Version': '1.0.3' };
    if (this.config.XAPI_FORWARD_USERNAME) {
      headers.Authorization = `Basic ${Buffer.from(`${this.config.XAPI_FORWARD_USERNAME}:${this.config.XAPI_FORWARD_PASSWORD ?? ''}`).toString('base64')}`;
    }
    let body: Buffer | string = JSON.stringify(statements);
    headers['Content-Type'] = 'application/json';
    if (needData.size > 0) {
      const data = (await this.db.query(`SELECT sha2, content_type, content FROM xapi_attachments WHERE sha2 = ANY($1::text[])`, [[...needData]])) as {
        sha2: string;
        content_type: string;
        content: Buffer;
      }[];
      const multipart = buildMultipart([
        { headers: { 'Content-Type': 'application/json' }, body },
        ...data.map((d) => ({ headers: { 'Content-Type': d.content_type, 'Content-Transfer-Encoding': 'binary', 'X-Experience-API-Hash': d.sha2 }, body: d.content })),
      ]);
      body = multipart.body;
      headers['Content-Type'] = multipart.contentType;
    }
    const url = `${base.replace(/\/$/, '')}/statements`;
    const response = await fetch(url, { method: 'POST', headers, body: typeof body === 'string' ? body : new Uint8Array(body), signal: AbortSignal.timeout(30_000) });
    if (response.status === 409) {
      // Some id is there with other content: nothing more we can do for this batch; keep the record so it is not retried forever.
      this.logger.warn({ count: rows.length }, 'the external LRS holds some of these statement ids with other content');
    } else if (!response.ok) {
      throw new Error(`The external LRS answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    }
    await this.db.query(`INSERT INTO xapi_forwarded (statement_id, forwarded_at) SELECT unnest($1::uuid[]), now() ON CONFLICT DO NOTHING`, [rows.map((r) => r.id)]);
    return { forwarded: rows.length, skipped: statementIds.length - rows.length };
  }
}
