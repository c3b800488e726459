import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** One sensitive action to keep in the append-only audit log. */
export interface AuditRecord {
  /** Who did it; null for the system itself (jobs, imports). */
  actorId: string | null;
  /** Dotted verb, e.g. "auth.oidc.sign-in", "role.grant", "user.read", "report.export". */
  action: string;
  /** What it was done to, e.g. "user", "unit", "report". */
  subjectType: string;
  subjectId?: string | null;
  /** Context for a reader of the log. Never personal data in clear: no national ID numbers, passwords, tokens. */
  details?: Record<string, unknown>;
  /** The HTTP request id (x-request-id), to follow the action across logs. */
  requestId?: string | null;
}

/**
 * Writes the audit log (table audit_log, entity AuditEntry; a trigger refuses UPDATE and DELETE). Pass the caller's
 * EntityManager to write the entry in the same transaction as the action, so that one never
 * happens without the other.
 */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(record: AuditRecord, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (actor_id, action, subject_type, subject_id, details, request_id) VALUES ($1, $2, $3, $4, $5, $6)`,
      [record.actorId, record.action, record.subjectType, record.subjectId ?? null, JSON.stringify(record.details ?? {}), record.requestId ?? null],
    );
  }
}
