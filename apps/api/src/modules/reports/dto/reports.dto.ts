import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import { UNIT_LEVELS, type UnitLevel } from '../../units/administrative-unit.entity';
import { TARGET_GROUP_IDS, TARGET_SCOPES } from '../target-rules';
import { REPORT_KINDS, REPORT_STATUSES, TARGET_METRICS, type ReportKind, type ReportStatus, type TargetMetric } from '../entities';

export { TARGET_GROUP_IDS, TARGET_SCOPES };
const PERIOD_PATTERN = /^\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/i;
const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export class ReportUnitDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: UNIT_LEVELS, enumName: 'UnitLevel' }) level!: UnitLevel;
  @ApiProperty() path!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId!: string | null;
}

export class CountsDto {
  @ApiProperty() registered!: number;
  @ApiProperty() enrolled!: number;
  @ApiProperty() completed!: number;
  @ApiProperty() certified!: number;
  @ApiProperty() confirmed!: number;
  @ApiProperty() householdsCovered!: number;
  @ApiProperty({ description: 'Community class sessions held (not split by target group)' }) classesHeld!: number;
  @ApiProperty({ description: 'Attendances marked present at those sessions (not split by target group)' }) attendance!: number;
}

export class FiguresDto extends CountsDto {
  @ApiProperty({ type: CountsDto, description: 'People (households) who reached the milestone within the period' }) newInPeriod!: CountsDto;
  @ApiProperty({ description: 'People with learning events in the 30 days up to activeAsOf' }) active30d!: number;
  @ApiProperty({ example: '2026-09-30' }) activeAsOf!: string;
  @ApiProperty({ description: 'Mentors with an active mentorship at activeAsOf, of mentees living here (total only)' }) mentors!: number;
  @ApiProperty({ description: 'Mentees living here with an active mentorship at activeAsOf (total only)' }) mentees!: number;
  @ApiProperty({ type: Number, nullable: true }) population!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'confirmed / population, 0..1' }) coverage!: number | null;
}

export class PeriodDto {
  @ApiProperty({ example: '2026-Q3' }) label!: string;
  @ApiProperty({ enum: ['year', 'half', 'quarter', 'month'] }) kind!: 'year' | 'half' | 'quarter' | 'month';
  @ApiProperty({ example: '2026-07-01' }) from!: string;
  @ApiProperty({ example: '2026-09-30' }) to!: string;
}

export class TargetGroupFiguresDto {
  @ApiProperty({ description: 'A target group id, or "none" (people without one)' }) targetGroup!: string;
  @ApiProperty({ type: FiguresDto }) figures!: FiguresDto;
}

export class ChildFiguresDto {
  @ApiProperty({ type: ReportUnitDto }) unit!: ReportUnitDto;
  @ApiProperty({ description: '1 = highest coverage (then most confirmed)' }) rank!: number;
  @ApiProperty({ type: FiguresDto }) figures!: FiguresDto;
}

export class TargetVsActualDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: '"all" or a target group id' }) targetGroup!: string;
  @ApiProperty({ enum: TARGET_METRICS, enumName: 'TargetMetric' }) metric!: TargetMetric;
  @ApiProperty() target!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'coverage_percent: 0..100' }) actual!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'actual / target (1 = reached)' }) achieved!: number | null;
}

export class TrendPointDto {
  @ApiProperty({ example: '2026-03' }) month!: string;
  @ApiProperty({ type: CountsDto }) newInPeriod!: CountsDto;
  @ApiProperty({ type: CountsDto }) cumulative!: CountsDto;
  @ApiProperty() active30d!: number;
  @ApiProperty({ type: Number, nullable: true }) population!: number | null;
  @ApiProperty({ type: Number, nullable: true }) coverage!: number | null;
}

class FiguresHeadDto {
  @ApiProperty({ type: ReportUnitDto }) unit!: ReportUnitDto;
  @ApiProperty({ type: String, nullable: true }) targetGroup!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the rollups were last refreshed' }) refreshedAt!: string | null;
}

export class UnitFiguresDto extends FiguresHeadDto {
  @ApiProperty({ type: PeriodDto }) period!: PeriodDto;
  @ApiProperty({ type: FiguresDto }) figures!: FiguresDto;
  @ApiProperty({ type: [TargetGroupFiguresDto] }) byTargetGroup!: TargetGroupFiguresDto[];
}

export class ChildrenDto extends FiguresHeadDto {
  @ApiProperty({ type: PeriodDto }) period!: PeriodDto;
  @ApiProperty({ type: [ChildFiguresDto] }) items!: ChildFiguresDto[];
}

export class TrendDto extends FiguresHeadDto {
  @ApiProperty({ type: [TrendPointDto] }) points!: TrendPointDto[];
}

export class DashboardDto extends FiguresHeadDto {
  @ApiProperty({ type: [ReportUnitDto], description: 'Ancestors within your area, top first (the unit excluded)' }) breadcrumb!: ReportUnitDto[];
  @ApiProperty() year!: number;
  @ApiProperty({ type: PeriodDto }) period!: PeriodDto;
  @ApiProperty({ type: FiguresDto }) figures!: FiguresDto;
  @ApiProperty({ type: [TargetGroupFiguresDto] }) byTargetGroup!: TargetGroupFiguresDto[];
  @ApiProperty({ type: [TargetVsActualDto] }) targets!: TargetVsActualDto[];
  @ApiProperty({ type: [TrendPointDto], description: 'Months of the year up to the current one' }) trend!: TrendPointDto[];
  @ApiProperty({ type: [ChildFiguresDto], description: 'Child units ranked by coverage' }) children!: ChildFiguresDto[];
}

export class TargetGroupQuery {
  @ApiPropertyOptional({ enum: TARGET_GROUP_IDS, description: 'Only this target group (default: everyone)' })
  @IsOptional()
  @IsIn(TARGET_GROUP_IDS, { message: `targetGroup must be one of: ${TARGET_GROUP_IDS.join(', ')}` })
  targetGroup?: string;
}

export class DashboardQuery extends TargetGroupQuery {
  @ApiPropertyOptional({ example: 2026, description: 'Default: the current year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'year must be a whole number' })
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class PeriodQuery extends TargetGroupQuery {
  @ApiPropertyOptional({ example: '2026-Q3', description: 'YYYY, YYYY-H1|H2, YYYY-Q1..Q4 or YYYY-MM (default: the current year)' })
  @IsOptional()
  @Matches(PERIOD_PATTERN, { message: 'period must look like 2026, 2026-H1, 2026-Q3 or 2026-07' })
  period?: string;
}

export class ChildrenQuery extends PeriodQuery {
  @ApiPropertyOptional({ enum: ['name', 'coverage'], default: 'name' })
  @IsOptional()
  @IsIn(['name', 'coverage'], { message: 'sort must be name or coverage' })
  sort?: 'name' | 'coverage';
}

export class RankingQuery extends PeriodQuery {
  @ApiPropertyOptional({ enum: UNIT_LEVELS, enumName: 'UnitLevel', description: 'Rank the descendants of this level (default: the children)' })
  @IsOptional()
  @IsIn(UNIT_LEVELS, { message: `level must be one of: ${UNIT_LEVELS.join(', ')}` })
  level?: UnitLevel;
}

export class TrendQuery extends TargetGroupQuery {
  @ApiPropertyOptional({ example: '2026-01', description: 'First month (default: 11 months before `to`)' })
  @IsOptional()
  @Matches(MONTH_PATTERN, { message: 'from must look like 2026-01' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12', description: 'Last month (default: the current month)' })
  @IsOptional()
  @Matches(MONTH_PATTERN, { message: 'to must look like 2026-12' })
  to?: string;
}

// ----- targets

export class TargetUnitDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

export class TargetDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: TargetUnitDto }) unit!: TargetUnitDto;
  @ApiProperty({ enum: TARGET_SCOPES }) targetGroup!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ enum: TARGET_METRICS, enumName: 'TargetMetric' }) metric!: TargetMetric;
  @ApiProperty({ description: 'coverage_percent: 0..100; the others: a number of people' }) value!: number;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
}

export class TargetListDto {
  @ApiProperty({ type: [TargetDto] }) items!: TargetDto[];
}

export class TargetListQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'unitId must be a UUID' })
  unitId!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'year must be a whole number' })
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class UpsertTargetDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'unitId must be a UUID' })
  unitId!: string;

  @ApiProperty({ enum: TARGET_SCOPES })
  @IsIn(TARGET_SCOPES, { message: `targetGroup must be one of: ${TARGET_SCOPES.join(', ')}` })
  targetGroup!: string;

  @ApiProperty({ example: 2026 })
  @IsInt({ message: 'year must be a whole number' })
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({ enum: TARGET_METRICS, enumName: 'TargetMetric' })
  @IsIn(TARGET_METRICS, { message: `metric must be one of: ${TARGET_METRICS.join(', ')}` })
  metric!: TargetMetric;

  @ApiProperty({ example: 80, description: 'coverage_percent: 0..100 (decimals allowed); the others: a whole number of people' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }, { message: 'value must be a number' })
  @Min(0)
  @Max(1_000_000_000)
  value!: number;
}

export class TargetImportResultDto {
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
}

// ----- periodic reports

export class ReportJobUnitDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: UNIT_LEVELS, enumName: 'UnitLevel' }) level!: UnitLevel;
}

export class ReportJobFilesDto {
  @ApiProperty() xlsx!: string;
  @ApiProperty() csv!: string;
  @ApiProperty() pdf!: string;
}

export class ReportJobDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: ReportJobUnitDto }) unit!: ReportJobUnitDto;
  @ApiProperty({ enum: REPORT_KINDS, enumName: 'ReportKind' }) kind!: ReportKind;
  @ApiProperty() year!: number;
  @ApiProperty({ type: Number, nullable: true }) part!: number | null;
  @ApiProperty({ example: '2026-Q3' }) period!: string;
  @ApiProperty({ enum: REPORT_STATUSES, enumName: 'ReportStatus' }) status!: ReportStatus;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) generatedAt!: string | null;
  @ApiProperty({ type: ReportJobFilesDto, nullable: true, description: 'Download paths when ready' }) files!: ReportJobFilesDto | null;
}

export class ReportJobListDto {
  @ApiProperty({ type: [ReportJobDto] }) items!: ReportJobDto[];
}

export class ReportJobListQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'unitId must be a UUID' })
  unitId!: string;
}

export class CreateReportJobDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'unitId must be a UUID' })
  unitId!: string;

  @ApiProperty({ enum: REPORT_KINDS, enumName: 'ReportKind' })
  @IsIn(REPORT_KINDS, { message: `kind must be one of: ${REPORT_KINDS.join(', ')}` })
  kind!: ReportKind;

  @ApiProperty({ example: 2026 })
  @IsInt({ message: 'year must be a whole number' })
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'quarter 1-4, half 1-2, none for a year' })
  @IsOptional()
  @IsInt({ message: 'part must be a whole number' })
  @Min(1)
  @Max(4)
  part?: number | null;

  @ApiPropertyOptional({ description: 'Make the files again with the current figures (default: an existing report is returned as it is)' })
  @IsOptional()
  @IsBoolean()
  regenerate?: boolean;
}

export class RecomputeDto {
  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptional()
  @IsString()
  @Matches(DAY_PATTERN, { message: 'from must look like 2026-01-01' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-03-31' })
  @IsOptional()
  @IsString()
  @Matches(DAY_PATTERN, { message: 'to must look like 2026-03-31' })
  to?: string;
}

export class RecomputeAcceptedDto {
  @ApiProperty() jobId!: string;
}

export class ReportsStatusDto {
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) refreshedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) watermark!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) fullRebuildAt!: string | null;
}
