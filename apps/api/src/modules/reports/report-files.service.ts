import { InjectQueue } from '@nestjs/bullmq';
import { BadRequestException, ConflictException, ForbiddenException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TARGET_GROUPS } from '@hocso/curriculum';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { JobName, QueueName, jobId } from '../../queue/queues';
import type { AuthUser } from '../identity/auth-user';
import { OBJECT_STORAGE, type ObjectStorage } from '../media';
import { UnitScope } from '../units/unit-scope';
import type { CreateReportJobDto, ReportJobDto } from './dto/reports.dto';
import type { ReportKind, ReportStatus } from './entities';
import { parsePeriod, reportPeriodLabel } from './period';
import { renderCsv, renderPdf, renderXlsx, type ReportContent } from './report-render';
import { ReportsService } from './reports.service';
import { ReportsRollupService } from './rollup.service';

export const REPORT_FORMATS = ['xlsx', 'csv', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
const CONTENT_TYPES: Record<ReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
};

export interface GenerateReportJob {
  reportId: string;
  generation: number;
}

interface ReportRow {
  id: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  unitLevel: ReportJobDto['unit']['level'];
  unitPath: string;
  kind: ReportKind;
  year: number;
  part: number | null;
  period: string;
  status: ReportStatus;
  generation: number;
  error: string | null;
  requestedAt: Date;
  generatedAt: Date | null;
}

const SELECT_REPORT = `SELECT f.id, f.unit_id AS "unitId", u.code AS "unitCode", u.name AS "unitName", u.level AS "unitLevel", u.path AS "unitPath",
  f.kind, f.year, f.part, f.period, f.status, f.generation, f.error, f.requested_at AS "requestedAt", f.generated_at AS "generatedAt"
  FROM report_files f JOIN administrative_units u ON u.id = f.unit_id`;

/** Storage key of one file of one generation of a report. */
export const reportKey = (id: string, generation: number, format: ReportFormat) => `reports/${id}/${generation}/report.${format}`;

/**
 * Periodic reports (quarter, half-year, year) of a unit: requested by an official, rendered by the
 * GenerateReport job (deterministic id per report and generation) as XLSX, CSV and PDF into object
 * storage. Reading a report of a unit outside the caller's area answers 403.
 */
@Injectable()
export class ReportFilesService {
  private readonly logger = new Logger('ReportFiles');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Reports) private readonly queue: Queue,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    private readonly reports: ReportsService,
    private readonly rollup: ReportsRollupService,
    private readonly config: AppConfig,
  ) {}

  /** Requests a report (the same request twice gives the same report; `regenerate` makes its files again). */
  async request(user: AuthUser, dto: CreateReportJobDto): Promise<{ created: boolean; report: ReportJobDto }> {
    const unit = await this.reports.unit(user, dto.unitId);
    const period = reportPeriodLabel(dto.kind, dto.year, dto.part ?? null);
    if (!period) throw new BadRequestException(dto.kind === 'year' ? 'A yearly report has no part' : `part must be 1 to ${dto.kind === 'quarter' ? 4 : 2} for a ${dto.kind}`);
    const [inserted] = (await this.dataSource.query(
      `INSERT INTO report_files (unit_id, kind, year, part, period, requested_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (unit_id, period) DO NOTHING RETURNING id, generation`,
      [unit.id, dto.kind, dto.year, dto.part ?? null, period, user.id],
    )) as { id: string; generation: number }[];
    let id: string;
    let generation: number;
    if (inserted) {
      ({ id, generation } = inserted);
    } else {
      // TypeORM answers an UPDATE with [rows, count].
      const [[again]] = (await this.dataSource.query(
        `UPDATE report_files SET generation = generation + 1, status = 'queued', error = NULL, requested_by = $3, requested_at = now()
          WHERE unit_id = $1 AND period = $2 AND ($4 OR status = 'failed') RETURNING id, generation`,
        [unit.id, period, user.id, dto.regenerate === true],
      )) as [{ id: string; generation: number }[], number];
      if (!again) {
        const [existing] = (await this.dataSource.query(`SELECT id FROM report_files WHERE unit_id = $1 AND period = $2`, [unit.id, period])) as { id: string }[];
        return { created: false, report: await this.get(user, existing!.id) };
      }
      ({ id, generation } = again);
    }
    const data: GenerateReportJob = { reportId: id, generation };
    await this.queue.add(JobName.GenerateReport, data, { jobId: jobId(JobName.GenerateReport, id, generation) });
    return { created: Boolean(inserted), report: await this.get(user, id) };
  }

  /** Reports of a unit in the caller's area (404 outside), newest first. */
  async list(user: AuthUser, unitId: string): Promise<ReportJobDto[]> {
    const unit = await this.reports.unit(user, unitId);
    const rows = (await this.dataSource.query(`${SELECT_REPORT} WHERE f.unit_id = $1 ORDER BY f.year DESC, f.period DESC`, [unit.id])) as ReportRow[];
    return rows.map(reportDto);
  }

  /** One report: 404 when there is none, 403 when its unit lies outside the caller's area. */
  async get(user: AuthUser, id: string): Promise<ReportJobDto> {
    return reportDto(await this.readable(user, id));
  }

  private async readable(user: AuthUser, id: string): Promise<ReportRow> {
    const [row] = (await this.dataSource.query(`${SELECT_REPORT} WHERE f.id = $1`, [id])) as ReportRow[];
    if (!row) throw new NotFoundException('No such report');
    if (!UnitScope.of(user).covers(row.unitPath)) throw new ForbiddenException('This report is of a unit outside your area');
    return row;
  }

  async download(user: AuthUser, id: string, format: ReportFormat): Promise<{ body: Buffer; contentType: string; filename: string }> {
    const row = await this.readable(user, id);
    if (row.status !== 'ready') throw new ConflictException(row.status === 'failed' ? 'The report could not be made; request it again' : 'The report is not ready yet');
    const body = await this.storage.readBuffer(reportKey(row.id, row.generation, format));
    const safeCode = row.unitCode.replace(/[^A-Za-z0-9._-]/g, '_');
    return { body, contentType: CONTENT_TYPES[format], filename: `bao-cao-${safeCode}-${row.period}.${format}` };
  }

  /** The job: refreshes the rollups, renders the three files and marks the report ready (a stale or repeated job does nothing). */
  async generate(job: GenerateReportJob): Promise<{ done: boolean }> {
    const [row] = (await this.dataSource.query(`${SELECT_REPORT} WHERE f.id = $1`, [job.reportId])) as ReportRow[];
    if (!row || row.generation !== job.generation || row.status === 'ready') return { done: false };
    await this.dataSource.query(`UPDATE report_files SET status = 'running' WHERE id = $1 AND generation = $2 AND status <> 'ready'`, [row.id, row.generation]);
    try {
      await this.rollup.refresh();
      const content = await this.content(row);
      const files = { xlsx: await renderXlsx(content), csv: renderCsv(content), pdf: await renderPdf(content) };
      for (const format of REPORT_FORMATS) await this.storage.put(reportKey(row.id, row.generation, format), files[format], { contentType: CONTENT_TYPES[format] });
      await this.dataSource.query(`UPDATE report_files SET status = 'ready', error = NULL, generated_at = now() WHERE id = $1 AND generation = $2`, [row.id, row.generation]);
      if (row.generation > 1) await this.storage.deletePrefix(`reports/${row.id}/${row.generation - 1}/`).catch(() => 0);
      return { done: true };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.error(`report ${row.id} failed: ${message}`);
      await this.dataSource.query(`UPDATE report_files SET status = 'failed', error = $3 WHERE id = $1 AND generation = $2`, [row.id, row.generation, message.slice(0, 500)]);
      throw error;
    }
  }

  /** The figures of the report, from the rollups. */
  async content(row: Pick<ReportRow, 'unitId' | 'unitCode' | 'unitName' | 'period'>): Promise<ReportContent> {
    const period = parsePeriod(row.period)!;
    const children = (await this.dataSource.query(`SELECT id, code, name FROM administrative_units WHERE parent_id = $1 ORDER BY name, code`, [row.unitId])) as {
      id: string;
      code: string;
      name: string;
    }[];
    const figures = await this.reports.figuresFor([row.unitId, ...children.map((c) => c.id)], period, null);
    const own = figures.get(row.unitId)!;
    const groupName = (id: string) => TARGET_GROUPS.find((g) => g.id === id)?.name.vi ?? (id === 'none' ? 'Chưa khai báo nhóm' : id);
    return {
      unit: { code: row.unitCode, name: row.unitName },
      period: { label: period.label, from: period.from, to: period.to },
      generatedAt: new Date(),
      issuer: this.config.CERT_ISSUER_NAME,
      total: own.figures,
      children: children.map((c) => ({ code: c.code, name: c.name, figures: figures.get(c.id)!.figures })),
      targetGroups: [...own.byTargetGroup].filter(([id, f]) => id !== 'none' || f.registered > 0).map(([id, f]) => ({ name: groupName(id), figures: f })),
    };
  }
}

function reportDto(r: ReportRow): ReportJobDto {
  const base = `/api/v1/reports/jobs/${r.id}`;
  return {
    id: r.id,
    unit: { id: r.unitId, code: r.unitCode, name: r.unitName, level: r.unitLevel },
    kind: r.kind,
    year: r.year,
    part: r.part,
    period: r.period,
    status: r.status,
    error: r.error,
    requestedAt: new Date(r.requestedAt).toISOString(),
    generatedAt: r.generatedAt ? new Date(r.generatedAt).toISOString() : null,
    files: r.status === 'ready' ? { xlsx: `${base}/file.xlsx`, csv: `${base}/file.csv`, pdf: `${base}/file.pdf` } : null,
  };
}
