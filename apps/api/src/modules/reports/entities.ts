import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { AdministrativeUnit } from '../units/administrative-unit.entity';

export const TARGET_METRICS = ['coverage_percent', 'confirmed_count', 'registered_count', 'completed_count'] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];

/** A yearly target of a unit (its whole subtree) for one target group ('all': every group) and metric. */
@Entity({ name: 'unit_targets' })
@Unique('uq_unit_targets_key', ['unitId', 'targetGroup', 'year', 'metric'])
@Check('ck_unit_targets_metric', `"metric" IN ('coverage_percent', 'confirmed_count', 'registered_count', 'completed_count')`)
@Check('ck_unit_targets_value', `"value" >= 0`)
export class UnitTarget {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @ManyToOne('AdministrativeUnit', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'unit_id' })
  unit?: AdministrativeUnit;

  /** A target group id of @hocso/curriculum, or 'all'. */
  @Column({ name: 'target_group', type: 'varchar', length: 32 })
  targetGroup!: string;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'varchar', length: 32 })
  metric!: TargetMetric;

  /** A percentage (0–100) for coverage_percent, else a number of people. */
  @Column({ type: 'double precision' })
  value!: number;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

/**
 * Daily facts per unit a person lives in × target group × Vietnam day: how many people reached each
 * milestone (first registration, enrolment, completion, certificate, confirmation) that day; in rows of
 * target_group '' (not people's figures): households covered, community class sessions held and the
 * attendances marked present at them. Recomputed per whole day from raw data.
 */
@Entity({ name: 'report_unit_daily' })
@Index('ix_report_unit_daily_day', ['day'])
export class ReportUnitDaily {
  @PrimaryColumn({ name: 'unit_id', type: 'uuid' }) unitId!: string;
  @PrimaryColumn({ name: 'target_group', type: 'varchar', length: 32 }) targetGroup!: string;
  @PrimaryColumn({ type: 'date' }) day!: string;
  @Column({ type: 'integer', default: 0 }) registered!: number;
  @Column({ type: 'integer', default: 0 }) enrolled!: number;
  @Column({ type: 'integer', default: 0 }) completed!: number;
  @Column({ type: 'integer', default: 0 }) certified!: number;
  @Column({ type: 'integer', default: 0 }) confirmed!: number;
  @Column({ name: 'households_covered', type: 'integer', default: 0 }) householdsCovered!: number;
  /** Community class sessions held (target_group ''), and the attendances marked present at them. */
  @Column({ name: 'classes_held', type: 'integer', default: 0 }) classesHeld!: number;
  @Column({ type: 'integer', default: 0 }) attendance!: number;
}

/** The daily facts summed per month over a unit's whole subtree: one row per unit and each of its ancestors. */
@Entity({ name: 'report_unit_monthly' })
@Index('ix_report_unit_monthly_month', ['month'])
export class ReportUnitMonthly {
  @PrimaryColumn({ name: 'unit_id', type: 'uuid' }) unitId!: string;
  @PrimaryColumn({ name: 'target_group', type: 'varchar', length: 32 }) targetGroup!: string;
  /** First day of the month. */
  @PrimaryColumn({ type: 'date' }) month!: string;
  @Column({ type: 'integer', default: 0 }) registered!: number;
  @Column({ type: 'integer', default: 0 }) enrolled!: number;
  @Column({ type: 'integer', default: 0 }) completed!: number;
  @Column({ type: 'integer', default: 0 }) certified!: number;
  @Column({ type: 'integer', default: 0 }) confirmed!: number;
  @Column({ name: 'households_covered', type: 'integer', default: 0 }) householdsCovered!: number;
  /** Community class sessions held (target_group ''), and the attendances marked present at them. */
  @Column({ name: 'classes_held', type: 'integer', default: 0 }) classesHeld!: number;
  @Column({ type: 'integer', default: 0 }) attendance!: number;
  /** Running totals of the columns above (this month and every earlier one of the same unit × group), so a period reads 2 rows. */
  @Column({ name: 'registered_total', type: 'integer', default: 0 }) registeredTotal!: number;
  @Column({ name: 'enrolled_total', type: 'integer', default: 0 }) enrolledTotal!: number;
  @Column({ name: 'completed_total', type: 'integer', default: 0 }) completedTotal!: number;
  @Column({ name: 'certified_total', type: 'integer', default: 0 }) certifiedTotal!: number;
  @Column({ name: 'confirmed_total', type: 'integer', default: 0 }) confirmedTotal!: number;
  @Column({ name: 'households_covered_total', type: 'integer', default: 0 }) householdsCoveredTotal!: number;
  @Column({ name: 'classes_held_total', type: 'integer', default: 0 }) classesHeldTotal!: number;
  @Column({ name: 'attendance_total', type: 'integer', default: 0 }) attendanceTotal!: number;
}

/** People active in the 30 days ending at `as_of` (the month's last day, or the refresh day in the current month), per subtree. */
@Entity({ name: 'report_unit_active' })
@Index('ix_report_unit_active_month', ['month'])
export class ReportUnitActive {
  @PrimaryColumn({ name: 'unit_id', type: 'uuid' }) unitId!: string;
  @PrimaryColumn({ name: 'target_group', type: 'varchar', length: 32 }) targetGroup!: string;
  @PrimaryColumn({ type: 'date' }) month!: string;
  @Column({ name: 'as_of', type: 'date' }) asOf!: string;
  @Column({ name: 'active_30d', type: 'integer', default: 0 }) active30d!: number;
  /** Mentors and mentees with an active mentorship at `as_of` (target_group '' rows; by the mentee's unit). */
  @Column({ type: 'integer', default: 0 }) mentors!: number;
  @Column({ type: 'integer', default: 0 }) mentees!: number;
}

/** The Vietnam days on which a person sent learning events (from progress_events). */
@Entity({ name: 'report_user_days' })
@Index('ix_report_user_days_day', ['day'])
export class ReportUserDay {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' }) userId!: string;
  @PrimaryColumn({ type: 'date' }) day!: string;
}

/** Population of a unit's subtree per target group and year: its own unit_populations row, else its children's sum. */
@Entity({ name: 'report_unit_population' })
export class ReportUnitPopulation {
  @PrimaryColumn({ name: 'unit_id', type: 'uuid' }) unitId!: string;
  @PrimaryColumn({ name: 'target_group', type: 'varchar', length: 32 }) targetGroup!: string;
  @PrimaryColumn({ type: 'integer' }) year!: number;
  @Column({ type: 'bigint' }) population!: string;
}

/** Where the incremental refresh stopped (one row, id 'default'). */
@Entity({ name: 'report_refresh_state' })
export class ReportRefreshState {
  @PrimaryColumn({ type: 'varchar', length: 32 }) id!: string;
  @Column({ type: 'timestamptz', nullable: true }) watermark!: Date | null;
  @Column({ name: 'refreshed_at', type: 'timestamptz', nullable: true }) refreshedAt!: Date | null;
  @Column({ name: 'full_rebuild_at', type: 'timestamptz', nullable: true }) fullRebuildAt!: Date | null;
}

export const REPORT_KINDS = ['quarter', 'half', 'year'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_STATUSES = ['queued', 'running', 'ready', 'failed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** A periodic report of a unit (one per unit and period), rendered by a job as XLSX, CSV and PDF into object storage. */
@Entity({ name: 'report_files' })
@Unique('uq_report_files_unit_period', ['unitId', 'period'])
@Index('ix_report_files_unit', ['unitId', 'requestedAt'])
@Check('ck_report_files_kind', `"kind" IN ('quarter', 'half', 'year')`)
@Check('ck_report_files_status', `"status" IN ('queued', 'running', 'ready', 'failed')`)
export class ReportFile {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @ManyToOne('AdministrativeUnit', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'unit_id' })
  unit?: AdministrativeUnit;

  @Column({ type: 'varchar', length: 8 })
  kind!: ReportKind;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'integer', nullable: true })
  part!: number | null;

  /** '2026-Q3', '2026-H1', '2026'. */
  @Column({ type: 'varchar', length: 10 })
  period!: string;

  @Column({ type: 'varchar', length: 8, default: 'queued' })
  status!: ReportStatus;

  /** Bumped by each regeneration; the files of generation n are under reports/<id>/<n>/. */
  @Column({ type: 'integer', default: 1 })
  generation!: number;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy!: string | null;

  @CreateDateColumn({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ name: 'generated_at', type: 'timestamptz', nullable: true })
  generatedAt!: Date | null;
}

export const REPORT_ENTITIES = [UnitTarget, ReportUnitDaily, ReportUnitMonthly, ReportUnitActive, ReportUserDay, ReportUnitPopulation, ReportRefreshState, ReportFile];
