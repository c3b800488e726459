import { decideUniversalisation, defaultCatalog, TARGET_GROUPS, VN_757_2025_PROFILES, type Evidence, type EvidenceKind } from '@hocso/curriculum';
import { InjectQueue } from '@nestjs/bullmq';
import { BadRequestException, ConflictException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { JobName, QueueName, jobId } from '../../queue/queues';
import { AuditService } from '../audit/audit.service';
import { ConfirmationsService } from '../confirmations/confirmations.service';
import { OBJECT_STORAGE, type ObjectStorage } from '../media';
import { renderCertificatePdf } from './certificate-pdf';
import type { AchievementKind, LocalizedName } from './certificate.entity';
import { STATUS_LIST_SIZE, statusListOf } from './crypto/status-list';
import { verifyCredential, type VerificationResult } from './crypto/verify-credential';
import { buildCredential, buildStatusListCredential, issuerDocument, IssuerUrls } from './open-badge';
import { newSerial, normaliseSerial } from './serial';
import { SigningKeys } from './signing-keys';

export interface IssueCertificateJob {
  userId: string;
  kind: AchievementKind;
  /** Course id, or target group id. */
  ref: string;
}

export interface IssueOutcome {
  certificateId: string | null;
  created: boolean;
  reason?: 'exists' | 'not-achieved' | 'unknown';
}

export interface CheckUniversalisationJob {
  userId: string;
}

/** What the public verification page shows: nothing else. */
export interface PublicVerification {
  serial: string;
  name: string;
  achievement: LocalizedName;
  issuedAt: string;
  issuer: string;
  status: 'valid' | 'revoked';
  revokedAt: string | null;
}

export interface MyCertificate {
  id: string;
  serial: string;
  kind: AchievementKind;
  achievement: LocalizedName;
  issuedAt: string;
  status: 'valid' | 'revoked';
  verifyUrl: string;
}

const EVIDENCE_KINDS: readonly EvidenceKind[] = ['quiz', 'practice', 'attendance', 'live-quiz'];

async function tableExists(dataSource: DataSource, table: string): Promise<boolean> {
  const [row] = (await dataSource.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [`public.${table}`])) as [{ present: boolean }];
  return row.present;
}

/**
 * Certificates: issued by jobs exactly once per achievement (a completed course; a target group the learner is
 * confirmed for), each with a serial, a PDF with a QR code to the public verification page, and an Open Badges
 * 3.0 credential signed with the installation's Ed25519 key (eddsa-jcs-2022), revocable through a status list.
 */
@Injectable()
export class CertificatesService {
  private readonly logger = new Logger('Certificates');
  readonly urls: IssuerUrls;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Certificates) private readonly queue: Queue,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    private readonly config: AppConfig,
    private readonly keys: SigningKeys,
    private readonly confirmations: ConfirmationsService,
    private readonly audit: AuditService,
  ) {
    this.urls = new IssuerUrls(config.PUBLIC_URL);
  }

  // ---------------------------------------------------------------------------------------------
  // Requests (called by other modules, the sweep and tests)

  /** A course was completed (and passed): issue its certificate (deterministic job id: one job per achievement). */
  async requestCourseCertificate(userId: string, courseId: string): Promise<void> {
    const data: IssueCertificateJob = { userId, kind: 'course', ref: courseId };
    await this.queue.add(JobName.IssueCertificate, data, { jobId: jobId(JobName.IssueCertificate, userId, 'course', courseId) });
  }

  /** New evidence for a learner: check whether they are now confirmed for their target group. `key` makes one job per new piece of evidence. */
  async requestUniversalisationCheck(userId: string, key: string | number = Date.now()): Promise<void> {
    const data: CheckUniversalisationJob = { userId };
    await this.queue.add(JobName.CheckUniversalisation, data, { jobId: jobId(JobName.CheckUniversalisation, userId, key) });
  }

  /** Periodic: completions without a certificate, learners with evidence and no confirmation, undelivered confirmations. */
  async sweep(): Promise<{ courses: number; checks: number; deliveries: number }> {
    let courses = 0;
    let checks = 0;
    if (await tableExists(this.dataSource, 'course_completions')) {
      const rows = (await this.dataSource.query(
        `SELECT cc.user_id AS "userId", cc.course_id AS "courseId" FROM course_completions cc
          WHERE NOT EXISTS (SELECT 1 FROM certificates c WHERE c.user_id = cc.user_id AND c.achievement_kind = 'course' AND c.achievement_ref = cc.course_id::text)
          LIMIT 1000`,
      )) as { userId: string; courseId: string }[];
      for (const r of rows) await this.requestCourseCertificate(r.userId, r.courseId);
      courses = rows.length;
    }
    if (await tableExists(this.dataSource, 'competency_evidence')) {
      const rows = (await this.dataSource.query(
        `SELECT e.user_id AS "userId", (extract(epoch FROM max(e.achieved_at)) * 1000)::bigint::text AS latest, count(*)::int AS n
           FROM competency_evidence e JOIN users u ON u.id = e.user_id
          WHERE u.target_group IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM certificates c WHERE c.user_id = e.user_id AND c.achievement_kind = 'universalisation' AND c.achievement_ref = u.target_group)
          GROUP BY e.user_id LIMIT 1000`,
      )) as { userId: string; latest: string; n: number }[];
      // One check per state of the evidence (newest time and count): an unchanged learner is not checked again.
      for (const r of rows) await this.requestUniversalisationCheck(r.userId, `${r.latest}-${r.n}-${new Date().toISOString().slice(0, 10)}`);
      checks = rows.length;
    }
    const deliveries = await this.confirmations.enqueueUndelivered();
    return { courses, checks, deliveries };
  }

  // ---------------------------------------------------------------------------------------------
  // Worker side

  /** Is the learner confirmed for their target group? If so, issue the universalisation certificate. */
  async checkUniversalisation(job: CheckUniversalisationJob): Promise<IssueOutcome> {
    const [user] = (await this.dataSource.query(`SELECT target_group AS "targetGroup" FROM users WHERE id = $1`, [job.userId])) as { targetGroup: string | null }[];
    if (!user?.targetGroup) return { certificateId: null, created: false, reason: 'not-achieved' };
    return this.issue({ userId: job.userId, kind: 'universalisation', ref: user.targetGroup });
  }

  private async learnerEvidence(userId: string): Promise<Evidence[]> {
    if (!(await tableExists(this.dataSource, 'competency_evidence'))) return [];
    const rows = (await this.dataSource.query(`SELECT to_jsonb(e) AS row FROM competency_evidence e WHERE e.user_id = $1`, [userId])) as { row: Record<string, unknown> }[];
    return rows.map(({ row }) => {
      const source = String(row['source'] ?? 'quiz');
      const score = row['score'] === undefined || row['score'] === null ? 1 : Number(row['score']);
      return {
        id: String(row['source_id'] ?? row['id']),
        competency: String(row['competency_ref']) as Evidence['competency'],
        level: Number(row['level']),
        kind: (EVIDENCE_KINDS as readonly string[]).includes(source) ? (source as EvidenceKind) : 'quiz',
        score,
        ...(typeof row['passed'] === 'boolean' ? { passed: row['passed'] } : {}),
        occurredAt: String(row['achieved_at']),
      };
    });
  }

  /** Name of the achievement, or null when the learner has not achieved it. */
  private async achievement(job: IssueCertificateJob): Promise<LocalizedName | null> {
    if (job.kind === 'universalisation') {
      const profile = VN_757_2025_PROFILES.find((p) => p.targetGroup === job.ref);
      const group = TARGET_GROUPS.find((g) => g.id === job.ref);
      if (!profile || !group) return null;
      const decision = decideUniversalisation({ profile, evidence: await this.learnerEvidence(job.userId), now: new Date(), catalog: defaultCatalog });
      if (!decision.confirmed) return null;
      return { vi: `Phổ cập kỹ năng số cơ bản — ${group.name.vi}`, en: `Basic digital skills — ${group.name.en}` };
    }
    if (await tableExists(this.dataSource, 'course_completions')) {
      const done = (await this.dataSource.query(`SELECT 1 FROM course_completions WHERE user_id = $1 AND course_id = $2`, [job.userId, job.ref])) as unknown[];
      if (done.length === 0) return null;
    }
    const versions = (await this.dataSource.query(
      `SELECT v.title, v.language, v.translations FROM course_versions v WHERE v.course_id = $1 AND v.status IN ('published', 'archived')
        ORDER BY v.version_number DESC LIMIT 1`,
      [job.ref],
    )) as { title: string; language: string; translations: Record<string, { title?: string }> }[];
    const v = versions[0];
    if (!v) return null;
    const vi = v.language === 'vi' ? v.title : (v.translations['vi']?.title ?? v.title);
    const en = v.language === 'en' ? v.title : (v.translations['en']?.title ?? v.title);
    return { vi, en };
  }

  /**
   * Issues the certificate of an achievement, exactly once: nothing is rendered when it exists; the row is
   * inserted with ON CONFLICT DO NOTHING (UNIQUE user + kind + ref), with its outbox row for a universalisation.
   */
  async issue(job: IssueCertificateJob): Promise<IssueOutcome> {
    const existing = await this.findAchievement(job);
    if (existing) return { certificateId: existing, created: false, reason: 'exists' };
    const name = await this.achievement(job);
    if (!name) return { certificateId: null, created: false, reason: 'not-achieved' };
    const [user] = (await this.dataSource.query(`SELECT display_name AS "displayName" FROM users WHERE id = $1`, [job.userId])) as { displayName: string }[];
    if (!user) return { certificateId: null, created: false, reason: 'unknown' };

    const list = await this.openStatusList();
    for (let tries = 0; tries < 5; tries++) {
      const id = randomUUID();
      const issuedAt = new Date();
      const serial = newSerial(issuedAt.getUTCFullYear());
      // a random place in the open list, so that a position says nothing about when or to whom it was issued
      const statusIndex = (list - 1) * STATUS_LIST_SIZE + randomInt(STATUS_LIST_SIZE);
      const key = this.keys.active;
      const recipientName = user.displayName.normalize('NFC');
      const credential = buildCredential(
        { id, serial, recipientName, achievementKind: job.kind, achievementRef: job.ref, achievementName: name, issuedAt, statusIndex, issuerName: this.config.CERT_ISSUER_NAME },
        this.urls,
        key,
        issuedAt,
      );
      const pdf = await renderCertificatePdf({
        serial,
        recipientName,
        achievementKind: job.kind,
        achievementName: name,
        issuedAt,
        issuerName: this.config.CERT_ISSUER_NAME,
        verifyUrl: this.urls.verifyPage(serial),
      });
      const pdfKey = `certificates/${id}.pdf`;
      await this.storage.put(pdfKey, pdf, { contentType: 'application/pdf' });
      const outcome = await this.dataSource.transaction(async (manager) => {
        const inserted = (await manager.query(
          `INSERT INTO certificates (id, serial, user_id, achievement_kind, achievement_ref, achievement_name, recipient_name, issued_at, status_index, key_id, credential, pdf_key)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT DO NOTHING RETURNING id`,
          [id, serial, job.userId, job.kind, job.ref, JSON.stringify(name), recipientName, issuedAt, statusIndex, key.id, JSON.stringify(credential), pdfKey],
        )) as { id: string }[];
        if (inserted.length === 0) return { inserted: false as const };
        const outboxId =
          job.kind === 'universalisation'
            ? await this.confirmations.addToOutbox(manager, {
                certificateId: id,
                userId: job.userId,
                payload: {
                  type: 'digital-literacy-universalisation',
                  achievement: { kind: 'universalisation', targetGroup: job.ref, name },
                  achievedAt: issuedAt.toISOString(),
                  certificate: { serial, verifyUrl: this.urls.verifyPage(serial) },
                },
              })
            : null;
        return { inserted: true as const, outboxId };
      });
      if (outcome.inserted) {
        this.logger.log({ certificateId: id, kind: job.kind, ref: job.ref }, 'certificate issued');
        if (outcome.outboxId) await this.confirmations.enqueueDelivery(outcome.outboxId);
        return { certificateId: id, created: true };
      }
      await this.storage.delete(pdfKey).catch(() => undefined);
      const winner = await this.findAchievement(job);
      if (winner) return { certificateId: winner, created: false, reason: 'exists' };
      // A serial or status index collided (rare): draw again.
    }
    throw new Error('could not draw a free serial and status index in 5 tries');
  }

  private async findAchievement(job: IssueCertificateJob): Promise<string | null> {
    const rows = (await this.dataSource.query(`SELECT id FROM certificates WHERE user_id = $1 AND achievement_kind = $2 AND achievement_ref = $3`, [
      job.userId,
      job.kind,
      job.ref,
    ])) as { id: string }[];
    return rows[0]?.id ?? null;
  }

  // ---------------------------------------------------------------------------------------------
  // Reads

  async mine(userId: string): Promise<MyCertificate[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, serial, achievement_kind AS kind, achievement_name AS achievement, issued_at AS "issuedAt", revoked_at AS "revokedAt"
         FROM certificates WHERE user_id = $1 ORDER BY issued_at DESC`,
      [userId],
    )) as { id: string; serial: string; kind: AchievementKind; achievement: LocalizedName; issuedAt: Date; revokedAt: Date | null }[];
    return rows.map((r) => ({
      id: r.id,
      serial: r.serial,
      kind: r.kind,
      achievement: r.achievement,
      issuedAt: r.issuedAt.toISOString(),
      status: r.revokedAt ? 'revoked' : 'valid',
      verifyUrl: this.urls.verifyPage(r.serial),
    }));
  }

  /** The owner's PDF; 404 for anyone else (same answer as a missing one). */
  async pdfOf(userId: string, id: string): Promise<{ serial: string; pdf: Buffer }> {
    const rows = (await this.dataSource.query(`SELECT serial, pdf_key AS "pdfKey" FROM certificates WHERE id = $1 AND user_id = $2`, [id, userId])) as { serial: string; pdfKey: string }[];
    if (!rows[0]) throw new NotFoundException('No such certificate');
    return { serial: rows[0].serial, pdf: await this.storage.readBuffer(rows[0].pdfKey) };
  }

  async credentialOf(userId: string, id: string): Promise<{ serial: string; credential: Record<string, unknown> }> {
    const rows = (await this.dataSource.query(`SELECT serial, credential FROM certificates WHERE id = $1 AND user_id = $2`, [id, userId])) as { serial: string; credential: Record<string, unknown> }[];
    if (!rows[0]) throw new NotFoundException('No such certificate');
    return rows[0];
  }

  /** Public: only name, achievement, date, issuer and status. */
  async verify(serialText: string): Promise<PublicVerification> {
    const serial = normaliseSerial(serialText);
    if (!serial) throw new NotFoundException('No certificate has this serial');
    const rows = (await this.dataSource.query(
      `SELECT serial, recipient_name AS name, achievement_name AS achievement, issued_at AS "issuedAt", revoked_at AS "revokedAt" FROM certificates WHERE serial = $1`,
      [serial],
    )) as { serial: string; name: string; achievement: LocalizedName; issuedAt: Date; revokedAt: Date | null }[];
    const r = rows[0];
    if (!r) throw new NotFoundException('No certificate has this serial');
    return {
      serial: r.serial,
      name: r.name,
      achievement: r.achievement,
      issuedAt: r.issuedAt.toISOString(),
      issuer: this.config.CERT_ISSUER_NAME,
      status: r.revokedAt ? 'revoked' : 'valid',
      revokedAt: r.revokedAt?.toISOString() ?? null,
    };
  }

  issuerDocument(): Record<string, unknown> {
    return issuerDocument(this.urls, this.config.CERT_ISSUER_NAME, this.keys.keys, this.keys.active.id);
  }

  /**
   * The status list new certificates go into: the highest one in use, or the next once it is half full
   * (random places then rarely collide with the UNIQUE status_index; both queries use its index).
   */
  private async openStatusList(): Promise<number> {
    const [{ max }] = (await this.dataSource.query(`SELECT max(status_index) AS max FROM certificates`)) as { max: number | null }[];
    const list = max === null ? 1 : statusListOf(max).list;
    const [{ used }] = (await this.dataSource.query(`SELECT count(*)::int AS used FROM certificates WHERE status_index >= $1 AND status_index < $2`, [
      (list - 1) * STATUS_LIST_SIZE,
      list * STATUS_LIST_SIZE,
    ])) as { used: number }[];
    return used >= STATUS_LIST_SIZE / 2 ? list + 1 : list;
  }

  /** Status lists in use (at least 1): list n answers 404 above it. */
  async statusListCount(): Promise<number> {
    const [{ max }] = (await this.dataSource.query(`SELECT max(status_index) AS max FROM certificates`)) as { max: number | null }[];
    return max === null ? 1 : statusListOf(max).list;
  }

  /** Status list `list` (from 1), signed: the revoked certificates' positions in it. */
  async statusListCredential(list = 1): Promise<Record<string, unknown>> {
    const rows = (await this.dataSource.query(
      `SELECT status_index - $1 AS i FROM certificates WHERE revoked_at IS NOT NULL AND status_index >= $1 AND status_index < $2`,
      [(list - 1) * STATUS_LIST_SIZE, list * STATUS_LIST_SIZE],
    )) as { i: number }[];
    return buildStatusListCredential(
      rows.map((r) => Number(r.i)),
      this.urls,
      this.config.CERT_ISSUER_NAME,
      this.keys.active,
      new Date(),
      list,
    );
  }

  /** Verifies a pasted or uploaded credential with this installation's keys and current status list (what the CLI does offline). */
  async verifyCredential(credential: unknown): Promise<VerificationResult & { certificate: PublicVerification | null }> {
    const result = verifyCredential(credential, { issuerDocument: this.issuerDocument(), statusListCredential: await this.statusListCredential(this.statusListNumberOf(credential)) });
    let certificate: PublicVerification | null = null;
    const evidence = (credential as { evidence?: { name?: unknown }[] }).evidence;
    const serial = Array.isArray(evidence) && typeof evidence[0]?.name === 'string' ? evidence[0].name : null;
    if (result.signature === 'valid' && result.issuerKey === 'issuer' && serial) certificate = await this.verify(serial).catch(() => null);
    return { ...result, certificate };
  }

  /** The number of the status list a credential points to (1 when it points nowhere we know). */
  private statusListNumberOf(credential: unknown): number {
    const url = (credential as { credentialStatus?: { statusListCredential?: unknown } } | null)?.credentialStatus?.statusListCredential;
    const prefix = `${this.urls.statusList(1).slice(0, -1)}`;
    if (typeof url !== 'string' || !url.startsWith(prefix)) return 1;
    const list = Number(url.slice(prefix.length));
    return Number.isSafeInteger(list) && list >= 1 ? list : 1;
  }

  /** An administrator revokes a certificate (audited): the verification page and the status list show it. */
  async revoke(serialText: string, reason: string, actorId: string, requestId: string | null): Promise<PublicVerification> {
    const serial = normaliseSerial(serialText);
    if (!serial) throw new NotFoundException('No certificate has this serial');
    if (!reason.trim()) throw new BadRequestException('A reason is required');
    await this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(`SELECT id, revoked_at AS "revokedAt" FROM certificates WHERE serial = $1 FOR UPDATE`, [serial])) as { id: string; revokedAt: Date | null }[];
      const row = rows[0];
      if (!row) throw new NotFoundException('No certificate has this serial');
      if (row.revokedAt) throw new ConflictException('This certificate is already revoked');
      await manager.query(`UPDATE certificates SET revoked_at = now(), revocation_reason = $2, revoked_by = $3 WHERE id = $1`, [row.id, reason.trim(), actorId]);
      await this.audit.record({ actorId, action: 'certificate.revoke', subjectType: 'certificate', subjectId: row.id, details: { serial, reason: reason.trim() }, requestId }, manager);
    });
    return this.verify(serial);
  }
}
