import { InjectQueue } from '@nestjs/bullmq';
import { ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError, type Queue } from 'bullmq';
import { createHmac } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { JobName, QueueName, jobId } from '../../queue/queues';
import { AuditService } from '../audit/audit.service';
import type { ConfirmationPayload, ConfirmationStatus } from './confirmation.entity';

export interface DeliverConfirmationJob {
  confirmationId: string;
  trigger: 'job' | 'replay';
}

export interface DeliveryOutcome {
  status: ConfirmationStatus | 'not-configured';
  statusCode?: number;
}

export interface ConfirmationListItem {
  id: string;
  serial: string;
  targetGroup: string;
  status: ConfirmationStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
  log: { attempt: number; trigger: string; at: string; statusCode: number | null; error: string | null; durationMs: number }[];
}

/** Signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` under NATIONAL_ID_CONFIRMATION_SECRET. */
export function signConfirmation(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** The first returned row of an UPDATE … RETURNING (TypeORM answers [rows, affected] for UPDATE on PostgreSQL). */
function firstRow<T>(result: unknown): T {
  const rows = Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
  const row = rows[0];
  if (!row) throw new Error('no row updated');
  return row;
}

/** 4xx answers that will not change on retry (the request itself is wrong). */
const permanent = (code: number) => code >= 400 && code < 500 && ![408, 425, 429].includes(code);

/**
 * Confirmations of universalisation to the national ID system: an outbox row written with the certificate
 * (same transaction), delivered by jobs as signed POSTs with the row id as Idempotency-Key, retried with
 * exponential backoff, every attempt logged; an administrator can replay a failed or dead one.
 */
@Injectable()
export class ConfirmationsService {
  private readonly logger = new Logger('Confirmations');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Certificates) private readonly queue: Queue,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /** In the certificate's transaction. Null when the person has no national digital ID link (nothing to confirm to). */
  async addToOutbox(manager: EntityManager, input: { certificateId: string; userId: string; payload: Omit<ConfirmationPayload, 'person'> }): Promise<string | null> {
    const identities = (await manager.query(
      `SELECT issuer, subject, national_id_hmac AS "nationalIdHmac" FROM oidc_identities WHERE user_id = $1 ORDER BY created_at LIMIT 1`,
      [input.userId],
    )) as ConfirmationPayload['person'][];
    const person = identities[0];
    if (!person) return null;
    const payload: ConfirmationPayload = { ...input.payload, person };
    const rows = (await manager.query(
      `INSERT INTO national_id_confirmations (certificate_id, payload) VALUES ($1, $2) ON CONFLICT (certificate_id) DO NOTHING RETURNING id`,
      [input.certificateId, JSON.stringify(payload)],
    )) as { id: string }[];
    return rows[0]?.id ?? null;
  }

  async enqueueDelivery(confirmationId: string, trigger: DeliverConfirmationJob['trigger'] = 'job', replays = 0): Promise<void> {
    const data: DeliverConfirmationJob = { confirmationId, trigger };
    await this.queue.add(JobName.DeliverNationalIdConfirmation, data, {
      jobId: jobId(JobName.DeliverNationalIdConfirmation, confirmationId, replays),
      attempts: this.config.NATIONAL_ID_CONFIRMATION_ATTEMPTS,
      backoff: { type: 'exponential', delay: this.config.NATIONAL_ID_CONFIRMATION_BACKOFF_MS },
    });
  }

  /** Outbox rows not delivered yet (the sweep re-enqueues them; the job id keeps one job per row and replay). */
  async enqueueUndelivered(): Promise<number> {
    const rows = (await this.dataSource.query(
      `SELECT id, replays FROM national_id_confirmations WHERE status IN ('pending', 'failed') ORDER BY created_at LIMIT 1000`,
    )) as { id: string; replays: number }[];
    for (const row of rows) await this.enqueueDelivery(row.id, 'job', row.replays);
    return rows.length;
  }

  /** One delivery attempt; throws (so BullMQ retries with backoff) when it failed and may succeed later. */
  async deliver(job: DeliverConfirmationJob, attempt: { final: boolean; attemptsMade: number }): Promise<DeliveryOutcome> {
    const url = this.config.NATIONAL_ID_CONFIRMATION_URL;
    const secret = this.config.NATIONAL_ID_CONFIRMATION_SECRET;
    if (!url || !secret) {
      this.logger.warn('NATIONAL_ID_CONFIRMATION_URL is not set: confirmations stay in the outbox');
      return { status: 'not-configured' };
    }
    const rows = (await this.dataSource.query(`SELECT id, payload, status FROM national_id_confirmations WHERE id = $1`, [job.confirmationId])) as {
      id: string;
      payload: ConfirmationPayload;
      status: ConfirmationStatus;
    }[];
    const row = rows[0];
    if (!row || row.status === 'delivered') return { status: row?.status ?? 'dead' };
    const body = JSON.stringify(row.payload);
    const timestamp = Math.floor(Date.now() / 1000);
    const started = performance.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': row.id,
          'x-hocso-signature': signConfirmation(secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(15_000),
      });
      statusCode = response.status;
      const text = await response.text().catch(() => '');
      if (!response.ok) error = `HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`;
    } catch (e) {
      error = ((e as Error).cause as Error | undefined)?.message ?? (e as Error).message;
    }
    const durationMs = Math.round(performance.now() - started);
    const delivered = error === null;
    const status: ConfirmationStatus = delivered ? 'delivered' : attempt.final || (statusCode !== null && permanent(statusCode)) ? 'dead' : 'failed';
    await this.dataSource.transaction(async (manager) => {
      const { attempts } = firstRow<{ attempts: number }>(await manager.query(
        `UPDATE national_id_confirmations SET attempts = attempts + 1, status = $2::varchar, last_status_code = $3, last_error = $4,
                delivered_at = CASE WHEN $2::varchar = 'delivered' THEN now() ELSE delivered_at END,
                next_attempt_at = CASE WHEN $2::varchar = 'failed' THEN now() + make_interval(secs => $5::double precision) ELSE NULL END, updated_at = now()
          WHERE id = $1 RETURNING attempts`,
        [row.id, status, statusCode, error, (this.config.NATIONAL_ID_CONFIRMATION_BACKOFF_MS * 2 ** attempt.attemptsMade) / 1000],
      ));
      await manager.query(
        `INSERT INTO national_id_delivery_attempts (confirmation_id, attempt, trigger, status_code, error, duration_ms) VALUES ($1, $2, $3, $4, $5, $6)`,
        [row.id, attempts, job.trigger, statusCode, error, durationMs],
      );
    });
    if (status === 'failed') throw new Error(`confirmation ${row.id} not delivered: ${error}`);
    if (status === 'dead' && !attempt.final) throw new UnrecoverableError(`confirmation ${row.id} refused: ${error}`);
    return { status, statusCode: statusCode ?? undefined };
  }

  async list(status?: ConfirmationStatus, limit = 100): Promise<ConfirmationListItem[]> {
    const rows = (await this.dataSource.query(
      `SELECT n.id, c.serial, n.payload->'achievement'->>'targetGroup' AS "targetGroup", n.status, n.attempts, n.last_status_code AS "lastStatusCode",
              n.last_error AS "lastError", n.created_at AS "createdAt", n.delivered_at AS "deliveredAt", n.next_attempt_at AS "nextAttemptAt",
              COALESCE((SELECT json_agg(json_build_object('attempt', a.attempt, 'trigger', a.trigger, 'at', a.at, 'statusCode', a.status_code,
                        'error', a.error, 'durationMs', a.duration_ms) ORDER BY a.id) FROM national_id_delivery_attempts a WHERE a.confirmation_id = n.id), '[]') AS log
         FROM national_id_confirmations n JOIN certificates c ON c.id = n.certificate_id
        WHERE ($1::text IS NULL OR n.status = $1) ORDER BY n.created_at DESC LIMIT $2`,
      [status ?? null, limit],
    )) as (Omit<ConfirmationListItem, 'createdAt' | 'deliveredAt' | 'nextAttemptAt'> & { createdAt: Date; deliveredAt: Date | null; nextAttemptAt: Date | null })[];
    return rows.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      deliveredAt: r.deliveredAt?.toISOString() ?? null,
      nextAttemptAt: r.nextAttemptAt?.toISOString() ?? null,
      log: r.log.map((l) => ({ ...l, at: new Date(l.at).toISOString() })),
    }));
  }

  /** An administrator sends a failed or dead confirmation again (audited). */
  async replay(id: string, actorId: string, requestId: string | null): Promise<void> {
    const replays = await this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(`SELECT status FROM national_id_confirmations WHERE id = $1 FOR UPDATE`, [id])) as { status: ConfirmationStatus }[];
      if (!rows[0]) throw new NotFoundException('No such confirmation');
      if (!['failed', 'dead'].includes(rows[0].status)) throw new ConflictException(`Only a failed or dead delivery can be replayed (this one is ${rows[0].status})`);
      const { replays } = firstRow<{ replays: number }>(
        await manager.query(`UPDATE national_id_confirmations SET status = 'pending', replays = replays + 1, updated_at = now() WHERE id = $1 RETURNING replays`, [id]),
      );
      await this.audit.record({ actorId, action: 'confirmation.replay', subjectType: 'national_id_confirmation', subjectId: id, details: { previousStatus: rows[0].status }, requestId }, manager);
      return replays;
    });
    await this.enqueueDelivery(id, 'replay', replays);
  }
}
