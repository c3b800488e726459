import { InjectQueue } from '@nestjs/bullmq';
import { BadRequestException, ConflictException, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { JobName, QueueName, jobId } from '../../queue/queues';
import { checkStatementSignature } from './signature';
import { activityIdsIn, formatStatement, type StatementFormat } from './statement-format';
import { PLATFORM_CALLER, XapiClientsService, type XapiCaller } from './xapi-clients.service';
import {
  canonicalJson,
  ifiOf,
  isObject,
  isTimestamp,
  isUuid,
  SIGNATURE_USAGE,
  validateAgentParameter,
  validateStatement,
  VOIDED_VERB,
  XapiValidationError,
  type Json,
  type JsonObject,
  type XapiMajor,
} from './xapi-validation';

/** Attachment data sent with statements (multipart/mixed), by the hash in X-Experience-API-Hash. */
export type AttachmentData = Map<string, { contentType: string; body: Buffer }>;

/** Rows of GET /xapi/statements at most (limit=0 or larger asks for this). */
export const MAX_STATEMENTS_PAGE = 500;
const DEFAULT_STATEMENTS_PAGE = 100;
/** One advisory lock serialises statement writes, so that `stored` strictly increases in commit order. */
const STORE_LOCK = 0x78617069; // "xapi"

export interface StatementQuery {
  agent?: string;
  verb?: string;
  activity?: string;
  registration?: string;
  related_activities?: string;
  related_agents?: string;
  since?: string;
  until?: string;
  limit?: string;
  ascending?: string;
}

export const STATEMENT_QUERY_KEYS = ['agent', 'verb', 'activity', 'registration', 'related_activities', 'related_agents', 'since', 'until', 'limit', 'ascending'] as const;

export interface StatementPage {
  statements: JsonObject[];
  /** Relative URL of the next page, '' at the end. */
  more: string;
  attachmentSha2s: string[];
  consistentThrough: string;
}

interface Cursor {
  q: StatementQuery;
  /** stored (ms) of the last statement of the previous page */
  s: number;
  /** client whose own statements only are listed (statements/read/mine) */
  m: string | null;
}

interface Row {
  id: string;
  stored: Date;
  statement: JsonObject;
  attachment_sha2s: string[];
}

const HASHES: Record<number, string> = { 56: 'sha224', 64: 'sha256', 96: 'sha384', 128: 'sha512' };

function hashOf(data: Buffer, like: string): string | null {
  const algorithm = HASHES[like.length];
  return algorithm ? createHash(algorithm).update(data).digest('hex') : null;
}

/** Identity of a statement's content for repeats: without what the LRS sets. */
function contentHash(statement: JsonObject): string {
  const { stored: _s, authority: _a, version: _v, ...rest } = statement;
  if (typeof rest.timestamp === 'string') rest.timestamp = new Date(rest.timestamp).toISOString();
  return createHash('sha256').update(canonicalJson(rest as Json)).digest('hex');
}

function attachmentsOf(statement: JsonObject): JsonObject[] {
  const own = Array.isArray(statement.attachments) ? statement.attachments : [];
  const sub = isObject(statement.object) && statement.object.objectType === 'SubStatement' && Array.isArray(statement.object.attachments) ? statement.object.attachments : [];
  return [...own, ...sub].filter(isObject);
}

/** Agents (IFIs) and activities a statement names: direct ones answer the plain filters. */
function referencesOf(statement: JsonObject): { kind: 'agent' | 'activity'; value: string; direct: boolean }[] {
  const refs = new Map<string, { kind: 'agent' | 'activity'; value: string; direct: boolean }>();
  const add = (kind: 'agent' | 'activity', value: string | null, direct: boolean) => {
    if (!value) return;
    const key = `${kind} ${value}`;
    const known = refs.get(key);
    if (known) known.direct ||= direct;
    else refs.set(key, { kind, value, direct });
  };
  const actor = (value: Json | undefined, direct: boolean) => {
    if (!isObject(value)) return;
    add('agent', ifiOf(value), direct);
    if (Array.isArray(value.member)) for (const m of value.member) add('agent', ifiOf(m), false);
  };
  const object = (value: Json | undefined, direct: boolean) => {
    if (!isObject(value)) return;
    const type = value.objectType ?? 'Activity';
    if (type === 'Activity' && typeof value.id === 'string') add('activity', value.id, direct);
    else if (type === 'Agent' || type === 'Group') actor(value, direct);
  };
  const context = (value: Json | undefined) => {
    if (!isObject(value)) return;
    actor(value.instructor, false);
    actor(value.team, false);
    if (isObject(value.contextActivities)) for (const list of Object.values(value.contextActivities)) if (Array.isArray(list)) list.forEach((a) => object(a, false));
    for (const item of [...(Array.isArray(value.contextAgents) ? value.contextAgents : []), ...(Array.isArray(value.contextGroups) ? value.contextGroups : [])]) {
      if (isObject(item)) actor(item.agent ?? item.group, false);
    }
  };
  actor(statement.actor, true);
  object(statement.object, true);
  context(statement.context);
  actor(statement.authority, false);
  if (isObject(statement.object) && statement.object.objectType === 'SubStatement') {
    const sub = statement.object;
    actor(sub.actor, false);
    object(sub.object, false);
    context(sub.context);
  }
  return [...refs.values()];
}

/** Merges a new definition into the canonical one: language maps by language, the rest replaced. */
function mergeDefinition(old: JsonObject | undefined, next: JsonObject): JsonObject {
  if (!old) return next;
  const out: JsonObject = { ...old, ...next };
  for (const key of ['name', 'description']) {
    if (isObject(old[key]) && isObject(next[key])) out[key] = { ...old[key], ...next[key] };
  }
  if (isObject(old.extensions) && isObject(next.extensions)) out.extensions = { ...old.extensions, ...next.extensions };
  return out;
}

function definitionsIn(statement: JsonObject): [string, JsonObject][] {
  const found: [string, JsonObject][] = [];
  const visit = (object: Json | undefined) => {
    if (isObject(object) && (object.objectType ?? 'Activity') === 'Activity' && typeof object.id === 'string' && isObject(object.definition)) found.push([object.id, object.definition]);
  };
  const visitContext = (context: Json | undefined) => {
    if (!isObject(context) || !isObject(context.contextActivities)) return;
    for (const list of Object.values(context.contextActivities)) if (Array.isArray(list)) list.forEach(visit);
  };
  visit(statement.object);
  visitContext(statement.context);
  if (isObject(statement.object) && statement.object.objectType === 'SubStatement') {
    visit(statement.object.object);
    visitContext(statement.object.context);
  }
  return found;
}

/**
 * The Statement resource: validation, all-or-nothing storage with idempotent repeats, voiding,
 * attachments, queries with paging, and the platform's own statements (recordSystemStatements).
 */
@Injectable()
export class XapiStatementService {
  private readonly logger = new Logger(XapiStatementService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clients: XapiClientsService,
    private readonly config: AppConfig,
    @InjectQueue(QueueName.Xapi) private readonly queue: Queue,
  ) {}

  /**
   * Stores statements of the platform itself (learning and assessment events mirrored to xAPI), with
   * the platform as authority. Idempotent: a statement whose id is stored already with the same content
   * is skipped; the same id with other content throws a ConflictException. All or nothing.
   */
  async recordSystemStatements(statements: object[]): Promise<string[]> {
    return this.store(PLATFORM_CALLER, statements, new Map(), '1.0');
  }

  /** Validates and stores statements (POST/PUT); returns their ids in order. */
  async store(caller: XapiCaller, raw: unknown[], attachments: AttachmentData, major: XapiMajor): Promise<string[]> {
    if (raw.length === 0) throw new BadRequestException('No statement to store');
    let statements: JsonObject[];
    try {
      statements = raw.map((s, i) => validateStatement(s, major, raw.length === 1 ? 'statement' : `statements[${i}]`));
    } catch (error) {
      if (error instanceof XapiValidationError) throw new BadRequestException(error.message);
      throw error;
    }
    for (const s of statements) if (s.id === undefined) s.id = randomUUID();
    const ids = statements.map((s) => String(s.id).toLowerCase());
    statements.forEach((s, i) => (s.id = ids[i]!));
    if (new Set(ids).size !== ids.length) throw new BadRequestException('The same statement id appears twice in the request');
    this.checkAttachments(statements, attachments);

    const authority = this.clients.authorityOf(caller);
    const defines = caller.scopes.some((s) => s === 'define' || s === 'all');
    const version = major === '2.0' ? '2.0.0' : '1.0.0';
    const stored = await this.db.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [STORE_LOCK]);
      const existing = (await manager.query(`SELECT id, content_hash FROM xapi_statements WHERE id = ANY($1::uuid[])`, [ids])) as { id: string; content_hash: string }[];
      const known = new Map(existing.map((e) => [e.id, e.content_hash]));
      const fresh: JsonObject[] = [];
      for (const statement of statements) {
        const hash = contentHash(statement);
        const previous = known.get(statement.id as string);
        if (previous === undefined) fresh.push(statement);
        else if (previous !== hash) throw new ConflictException(`Statement ${String(statement.id)} is stored already with other content`);
      }
      if (fresh.length === 0) return [] as string[];
      await this.checkVoiding(manager, fresh);

      const [{ last }] = (await manager.query(`SELECT max(stored) AS last FROM xapi_statements`)) as { last: Date | null }[];
      let clock = Math.max(Date.now(), (last?.getTime() ?? 0) + 1);
      const rows = fresh.map((statement) => {
        const hash = contentHash(statement);
        const storedAt = new Date(clock++);
        const full: JsonObject = { ...statement, authority, stored: storedAt.toISOString(), version: typeof statement.version === 'string' ? statement.version : version };
        if (full.timestamp === undefined) full.timestamp = full.stored!;
        const object = isObject(statement.object) ? statement.object : {};
        const voiding = isObject(statement.verb) && statement.verb.id === VOIDED_VERB;
        return {
          id: statement.id as string,
          stored: storedAt,
          statement: full,
          contentHash: hash,
          verbId: String((statement.verb as JsonObject).id),
          registration: isObject(statement.context) && typeof statement.context.registration === 'string' ? statement.context.registration.toLowerCase() : null,
          statementRef: object.objectType === 'StatementRef' ? String(object.id).toLowerCase() : null,
          voided: false,
          isVoiding: voiding,
          clientId: caller.clientId,
          attachmentSha2s: attachmentsOf(statement).map((a) => String(a.sha2)),
        };
      });
      // Column by column (unnest) keeps one round trip for any batch size.
      await manager.query(
        `INSERT INTO xapi_statements (id, stored, statement, content_hash, verb_id, registration, statement_ref, voided, is_voiding, client_id, attachment_sha2s)
         SELECT u.id, u.stored, u.statement, u.content_hash, u.verb_id, u.registration, u.statement_ref, false, u.is_voiding, u.client_id, ARRAY(SELECT jsonb_array_elements_text(u.sha2s))
         FROM unnest($1::uuid[], $2::timestamptz[], $3::jsonb[], $4::text[], $5::text[], $6::uuid[], $7::uuid[], $8::boolean[], $9::uuid[], $10::jsonb[])
           AS u(id, stored, statement, content_hash, verb_id, registration, statement_ref, is_voiding, client_id, sha2s)`,
        [
          rows.map((r) => r.id),
          rows.map((r) => r.stored.toISOString()),
          rows.map((r) => JSON.stringify(r.statement)),
          rows.map((r) => r.contentHash),
          rows.map((r) => r.verbId),
          rows.map((r) => r.registration),
          rows.map((r) => r.statementRef),
          rows.map((r) => r.isVoiding),
          rows.map((r) => r.clientId),
          rows.map((r) => JSON.stringify(r.attachmentSha2s)),
        ],
      );
      const refs = rows.flatMap((r) => referencesOf(r.statement).map((ref) => ({ ...ref, id: r.id })));
      if (refs.length > 0) {
        await manager.query(
          `INSERT INTO xapi_statement_refs (statement_id, kind, value, direct) SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::text[], $4::boolean[]) ON CONFLICT DO NOTHING`,
          [refs.map((r) => r.id), refs.map((r) => r.kind), refs.map((r) => r.value), refs.map((r) => r.direct)],
        );
      }
      // Voiding: the targets (stored now or later) are voided; a statement stored after its voiding one is voided at once.
      const targets = rows.filter((r) => r.isVoiding && r.statementRef).map((r) => r.statementRef!);
      if (targets.length > 0) await manager.query(`UPDATE xapi_statements SET voided = true WHERE id = ANY($1::uuid[]) AND NOT is_voiding`, [targets]);
      await manager.query(
        `UPDATE xapi_statements s SET voided = true WHERE s.id = ANY($1::uuid[]) AND NOT s.is_voiding
           AND EXISTS (SELECT 1 FROM xapi_statements v WHERE v.is_voiding AND v.statement_ref = s.id)`,
        [rows.map((r) => r.id)],
      );
      for (const [sha2, data] of attachments) {
        await manager.query(`INSERT INTO xapi_attachments (sha2, content_type, content) VALUES ($1, $2, $3) ON CONFLICT (sha2) DO NOTHING`, [sha2, data.contentType, data.body]);
      }
      if (defines) await this.defineActivities(manager, rows.map((r) => r.statement));
      return rows.map((r) => r.id);
    });
    if (stored.length > 0) await this.enqueueForwarding(stored);
    return ids;
  }

  private checkAttachments(statements: JsonObject[], data: AttachmentData): void {
    const declared = new Map<string, JsonObject>();
    for (const statement of statements) {
      for (const attachment of attachmentsOf(statement)) {
        const sha2 = String(attachment.sha2);
        declared.set(sha2, attachment);
        if (attachment.fileUrl === undefined && !data.has(sha2)) throw new BadRequestException(`Attachment ${sha2} has no fileUrl and no part with its data`);
        if (attachment.usageType === SIGNATURE_USAGE) {
          if (attachment.contentType !== 'application/octet-stream') throw new BadRequestException('A signature attachment must have contentType application/octet-stream');
          const jws = data.get(sha2);
          if (!jws) throw new BadRequestException('A signature attachment must come with its JWS');
          const problem = checkStatementSignature(jws.body, statement);
          if (problem) throw new BadRequestException(`Invalid statement signature: ${problem}`);
        }
      }
    }
    for (const [sha2, part] of data) {
      if (!declared.has(sha2)) throw new BadRequestException(`The part with hash ${sha2} matches no attachment of the statements`);
      const actual = hashOf(part.body, sha2);
      if (actual !== sha2.toLowerCase()) throw new BadRequestException(`The data of attachment ${sha2} does not match its sha2`);
    }
  }

  private async checkVoiding(manager: EntityManager, statements: JsonObject[]): Promise<void> {
    const targets = statements
      .filter((s) => isObject(s.verb) && s.verb.id === VOIDED_VERB && isObject(s.object))
      .map((s) => String((s.object as JsonObject).id).toLowerCase());
    if (targets.length === 0) return;
    const inBatch = new Set(statements.filter((s) => isObject(s.verb) && s.verb.id === VOIDED_VERB).map((s) => String(s.id)));
    if (targets.some((t) => inBatch.has(t))) throw new BadRequestException('A voiding statement cannot void another voiding statement');
    const voidingTargets = (await manager.query(`SELECT id FROM xapi_statements WHERE id = ANY($1::uuid[]) AND is_voiding`, [targets])) as unknown[];
    if (voidingTargets.length > 0) throw new BadRequestException('A voiding statement cannot void another voiding statement');
  }

  private async defineActivities(manager: EntityManager, statements: JsonObject[]): Promise<void> {
    const merged = new Map<string, JsonObject>();
    for (const statement of statements) for (const [id, definition] of definitionsIn(statement)) merged.set(id, mergeDefinition(merged.get(id), definition));
    if (merged.size === 0) return;
    const known = (await manager.query(`SELECT activity_id, definition FROM xapi_activities WHERE activity_id = ANY($1::text[]) FOR UPDATE`, [[...merged.keys()]])) as {
      activity_id: string;
      definition: JsonObject;
    }[];
    const old = new Map(known.map((k) => [k.activity_id, k.definition]));
    for (const [id, definition] of merged) {
      await manager.query(
        `INSERT INTO xapi_activities (activity_id, definition, updated_at) VALUES ($1, $2, now())
         ON CONFLICT (activity_id) DO UPDATE SET definition = EXCLUDED.definition, updated_at = now()`,
        [id, JSON.stringify(mergeDefinition(old.get(id), definition))],
      );
    }
  }

  private async enqueueForwarding(ids: string[]): Promise<void> {
    if (!this.config.XAPI_FORWARD_URL) return;
    const batch = createHash('sha256').update(ids.join(',')).digest('hex').slice(0, 24);
    try {
      await this.queue.add(JobName.ForwardXapiStatements, { statementIds: ids }, { jobId: jobId(JobName.ForwardXapiStatements, batch) });
    } catch (error) {
      this.logger.error({ err: error, count: ids.length }, 'could not enqueue xAPI forwarding');
    }
  }

  /** One statement by id (voided ones only by voidedStatementId); null when missing or not readable. */
  async findOne(id: string, voided: boolean, mineOf: string | null): Promise<{ statement: JsonObject; stored: Date; attachmentSha2s: string[] } | null> {
    if (!isUuid(id)) throw new BadRequestException(`${voided ? 'voidedStatementId' : 'statementId'} must be a UUID`);
    const rows = (await this.db.query(
      `SELECT stored, statement, attachment_sha2s FROM xapi_statements WHERE id = $1 AND voided = $2 ${mineOf ? 'AND client_id = $3' : ''}`,
      mineOf ? [id.toLowerCase(), voided, mineOf] : [id.toLowerCase(), voided],
    )) as { stored: Date; statement: JsonObject; attachment_sha2s: string[] }[];
    const row = rows[0];
    return row ? { statement: row.statement, stored: row.stored, attachmentSha2s: row.attachment_sha2s } : null;
  }

  async consistentThrough(): Promise<string> {
    const [{ last }] = (await this.db.query(`SELECT max(stored) AS last FROM xapi_statements`)) as { last: Date | null }[];
    return (last ?? new Date(0)).toISOString();
  }

  /** A page of statements for the filters (xAPI Part 3 §2.1.3), or the page after a `more` cursor. */
  async query(params: StatementQuery | { more: string }, mineOf: string | null): Promise<StatementPage> {
    let cursor: Cursor;
    if ('more' in params) {
      cursor = this.decodeCursor(params.more);
      if (cursor.m !== mineOf) throw new BadRequestException('This more link belongs to other credentials');
    } else cursor = { q: params, s: Number.NaN, m: mineOf };
    const q = cursor.q;
    const ascending = q.ascending === 'true';
    if (q.ascending !== undefined && q.ascending !== 'true' && q.ascending !== 'false') throw new BadRequestException('ascending must be true or false');
    for (const flag of ['related_agents', 'related_activities'] as const) {
      if (q[flag] !== undefined && q[flag] !== 'true' && q[flag] !== 'false') throw new BadRequestException(`${flag} must be true or false`);
    }
    let limit = DEFAULT_STATEMENTS_PAGE;
    if (q.limit !== undefined) {
      if (!/^\d+$/.test(q.limit)) throw new BadRequestException('limit must be a whole number');
      limit = Number(q.limit) === 0 ? MAX_STATEMENTS_PAGE : Math.min(Number(q.limit), MAX_STATEMENTS_PAGE);
    }
    const args: unknown[] = [];
    const arg = (value: unknown) => {
      args.push(value);
      return `$${args.length}`;
    };
    const core: string[] = [];
    if (q.agent !== undefined) {
      let agent: unknown;
      try {
        agent = JSON.parse(q.agent);
      } catch {
        throw new BadRequestException('agent must be JSON');
      }
      try {
        validateAgentParameter(agent, '2.0');
      } catch (error) {
        if (error instanceof XapiValidationError) throw new BadRequestException(error.message);
        throw error;
      }
      core.push(
        `EXISTS (SELECT 1 FROM xapi_statement_refs r WHERE r.statement_id = s.id AND r.kind = 'agent' AND r.value = ${arg(ifiOf(agent as JsonObject))}${q.related_agents === 'true' ? '' : ' AND r.direct'})`,
      );
    }
    if (q.activity !== undefined) {
      core.push(
        `EXISTS (SELECT 1 FROM xapi_statement_refs r WHERE r.statement_id = s.id AND r.kind = 'activity' AND r.value = ${arg(q.activity)}${q.related_activities === 'true' ? '' : ' AND r.direct'})`,
      );
    }
    if (q.verb !== undefined) core.push(`s.verb_id = ${arg(q.verb)}`);
    if (q.registration !== undefined) {
      if (!isUuid(q.registration)) throw new BadRequestException('registration must be a UUID');
      core.push(`s.registration = ${arg(q.registration.toLowerCase())}`);
    }
    const outer: string[] = [];
    for (const [name, op] of [['since', '>'], ['until', '<=']] as const) {
      const value = q[name];
      if (value === undefined) continue;
      if (!isTimestamp(value)) throw new BadRequestException(`${name} must be an ISO 8601 timestamp`);
      outer.push(`s.stored ${op} ${arg(new Date(value).toISOString())}`);
    }
    if (!Number.isNaN(cursor.s)) outer.push(`s.stored ${ascending ? '>' : '<'} ${arg(new Date(cursor.s).toISOString())}`);
    if (mineOf) outer.push(`s.client_id = ${arg(mineOf)}`);
    const order = ascending ? 'ASC' : 'DESC';
    const columns = 's.id, s.stored, s.statement, s.attachment_sha2s';
    const where = (list: string[]) => (list.length > 0 ? `AND ${list.join(' AND ')}` : '');
    // A statement matching the filters brings the statements that target it by StatementRef (§2.1.3), recursively.
    const sql =
      core.length > 0
        ? `WITH RECURSIVE matched(id) AS (
             SELECT s.id FROM xapi_statements s WHERE NOT s.voided ${where(core)}
             UNION
             SELECT t.id FROM xapi_statements t JOIN matched m ON t.statement_ref = m.id WHERE NOT t.voided AND NOT t.is_voiding)
           SELECT ${columns} FROM xapi_statements s JOIN matched USING (id) WHERE true ${where(outer)} ORDER BY s.stored ${order} LIMIT ${limit + 1}`
        : `SELECT ${columns} FROM xapi_statements s WHERE NOT s.voided ${where(outer)} ORDER BY s.stored ${order} LIMIT ${limit + 1}`;
    const consistentThrough = await this.consistentThrough();
    const rows = (await this.db.query(sql, args)) as Row[];
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const more = rows.length > limit && last ? `/xapi/statements?more=${this.encodeCursor({ q, s: last.stored.getTime(), m: mineOf })}` : '';
    return { statements: page.map((r) => r.statement), more, attachmentSha2s: [...new Set(page.flatMap((r) => r.attachment_sha2s))], consistentThrough };
  }

  private encodeCursor(cursor: Cursor): string {
    return Buffer.from(JSON.stringify(cursor)).toString('base64url');
  }

  private decodeCursor(token: string): Cursor {
    try {
      const cursor = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Cursor;
      if (!isObject(cursor as unknown) || typeof cursor.s !== 'number' || !isObject(cursor.q as unknown)) throw new Error('bad');
      const q = cursor.q as Record<string, unknown>;
      for (const [k, v] of Object.entries(q)) if (!(STATEMENT_QUERY_KEYS as readonly string[]).includes(k) || typeof v !== 'string') throw new Error('bad');
      return { q: cursor.q, s: cursor.s, m: typeof cursor.m === 'string' ? cursor.m : null };
    } catch {
      throw new BadRequestException('The more link is not valid');
    }
  }

  /** Canonical definitions for the activities of these statements (format=canonical). */
  async canonicalDefinitions(statements: JsonObject[]): Promise<Map<string, JsonObject>> {
    const ids = [...new Set(statements.flatMap(activityIdsIn))];
    if (ids.length === 0) return new Map();
    const rows = (await this.db.query(`SELECT activity_id, definition FROM xapi_activities WHERE activity_id = ANY($1::text[])`, [ids])) as { activity_id: string; definition: JsonObject }[];
    return new Map(rows.map((r) => [r.activity_id, r.definition]));
  }

  async format(statements: JsonObject[], format: StatementFormat, languages: string[]): Promise<JsonObject[]> {
    const definitions = format === 'canonical' ? await this.canonicalDefinitions(statements) : new Map<string, JsonObject>();
    return statements.map((s) => formatStatement(s, format, languages, definitions));
  }

  async attachmentData(sha2s: string[]): Promise<{ sha2: string; contentType: string; content: Buffer }[]> {
    if (sha2s.length === 0) return [];
    const rows = (await this.db.query(`SELECT sha2, content_type, content FROM xapi_attachments WHERE sha2 = ANY($1::text[])`, [sha2s])) as { sha2: string; content_type: string; content: Buffer }[];
    return rows.map((r) => ({ sha2: r.sha2, contentType: r.content_type, content: r.content }));
  }

  /** The canonical Activity object (Activities resource). */
  async activity(activityId: string): Promise<JsonObject> {
    const rows = (await this.db.query(`SELECT definition FROM xapi_activities WHERE activity_id = $1`, [activityId])) as { definition: JsonObject }[];
    return rows[0] ? { objectType: 'Activity', id: activityId, definition: rows[0].definition } : { objectType: 'Activity', id: activityId };
  }

  /** The Person object of an agent (Agents resource): the names seen in statements with its identifier. */
  async person(agent: JsonObject): Promise<JsonObject> {
    const ifi = ifiOf(agent);
    const person: JsonObject = { objectType: 'Person' };
    const names = new Set<string>();
    if (typeof agent.name === 'string') names.add(agent.name);
    if (ifi) {
      const rows = (await this.db.query(
        `SELECT DISTINCT s.statement->'actor'->>'name' AS name FROM xapi_statements s JOIN xapi_statement_refs r ON r.statement_id = s.id
         WHERE r.kind = 'agent' AND r.value = $1 AND r.direct AND s.statement->'actor'->>'name' IS NOT NULL LIMIT 20`,
        [ifi],
      )) as { name: string }[];
      for (const r of rows) names.add(r.name);
    }
    if (names.size > 0) person.name = [...names];
    for (const key of ['mbox', 'mbox_sha1sum', 'openid', 'account']) if (agent[key] !== undefined) person[key] = [agent[key]!];
    return person;
  }
}
