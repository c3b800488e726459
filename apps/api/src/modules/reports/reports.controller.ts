import { BadRequestException, Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put, Query, Req, Res, StreamableFile, UnsupportedMediaTypeException } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorResponseDto } from '../../common/error-response.dto';
import { JobName, QueueName, jobId } from '../../queue/queues';
import { CurrentUser, RequireRoles, type AuthUser } from '../identity/auth-user';
import {
  ChildrenDto,
  ChildrenQuery,
  CreateReportJobDto,
  DashboardDto,
  DashboardQuery,
  PeriodQuery,
  RankingQuery,
  RecomputeAcceptedDto,
  RecomputeDto,
  ReportJobDto,
  ReportJobListDto,
  ReportJobListQuery,
  ReportsStatusDto,
  ReportUnitDto,
  TargetDto,
  TargetImportResultDto,
  TargetListDto,
  TargetListQuery,
  TrendDto,
  TrendQuery,
  UnitFiguresDto,
  UpsertTargetDto,
} from './dto/reports.dto';
import { ReportFilesService, type ReportFormat } from './report-files.service';
import { ReportsService } from './reports.service';
import { ReportsRollupService } from './rollup.service';
import { TARGET_CSV_COLUMNS } from './targets-csv';

const NOT_IN_SCOPE = 'No such unit, or it lies outside your area (the same answer, so that ids cannot be probed)';
const OTHER_UNIT = 'The report is of a unit outside your area';

/**
 * Reports for officials (their area, UnitScope) and administrators: dashboards read from the rollups,
 * targets, and periodic report files.
 */
@ApiTags('reports')
@RequireRoles('administrator', 'official')
@ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Not signed in' })
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Neither administrator nor official (or, for a change, no x-csrf-token)' })
@Controller('v1/reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly files: ReportFilesService,
    private readonly rollup: ReportsRollupService,
    @InjectQueue(QueueName.Reports) private readonly queue: Queue,
  ) {}

  @Get('units')
  @ApiOperation({ operationId: 'reportRoots', summary: 'The tops of your area (administrators: the roots of the tree)' })
  @ApiOkResponse({ type: [ReportUnitDto] })
  roots(@CurrentUser() user: AuthUser): Promise<ReportUnitDto[]> {
    return this.reports.roots(user);
  }

  @Get('units/:unitId/dashboard')
  @ApiOperation({ operationId: 'reportDashboard', summary: 'A unit\'s year at a glance: figures, target vs actual, monthly trend, children ranked by coverage' })
  @ApiOkResponse({ type: DashboardDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_IN_SCOPE })
  dashboard(@CurrentUser() user: AuthUser, @Param('unitId', ParseUUIDPipe) unitId: string, @Query() query: DashboardQuery): Promise<DashboardDto> {
    return this.reports.dashboard(user, unitId, query);
  }

  @Get('units/:unitId/figures')
  @ApiOperation({ operationId: 'reportFigures', summary: 'Figures of a unit\'s subtree for a period (year, half, quarter or month)' })
  @ApiOkResponse({ type: UnitFiguresDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_IN_SCOPE })
  figures(@CurrentUser() user: AuthUser, @Param('unitId', ParseUUIDPipe) unitId: string, @Query() query: PeriodQuery): Promise<UnitFiguresDto> {
    return this.reports.figures(user, unitId, query);
  }

  @Get('units/:unitId/children')
  @ApiOperation({ operationId: 'reportChildren', summary: 'Drill-down: the unit\'s children with their figures' })
  @ApiOkResponse({ type: ChildrenDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_IN_SCOPE })
  children(@CurrentUser() user: AuthUser, @Param('unitId', ParseUUIDPipe) unitId: string, @Query() query: ChildrenQuery): Promise<ChildrenDto> {
    return this.reports.childrenFigures(user, unitId, query);
  }

  @Get('units/:unitId/ranking')
  @ApiOperation({ operationId: 'reportRanking', summary: 'Descendants of one level (default: the children) ranked by coverage' })
  @ApiOkResponse({ type: ChildrenDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_IN_SCOPE })
  ranking(@CurrentUser() user: AuthUser, @Param('unitId', ParseUUIDPipe) unitId: string, @Query() query: RankingQuery): Promise<ChildrenDto> {
    return this.reports.ranking(user, unitId, query);
  }

  @Get('units/:unitId/trend')
  @ApiOperation({ operationId: 'reportTrend', summary: 'Monthly series of a unit\'s subtree (default: the last 12 months)' })
  @ApiOkResponse({ type: TrendDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_IN_SCOPE })
  trend(@CurrentUser() user: AuthUser, @Param('unitId', ParseUUIDPipe) unitId: string, @Query() query: TrendQuery): Promise<TrendDto> {
    return this.reports.trend(user, unitId, query);
  }

  // ----- targets

  @Get('targets')
  @ApiOperation({ operationId: 'listReportTargets', summary: 'Targets of a unit of your area' })
  @ApiOkResponse({ type: TargetListDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_IN_SCOPE })
  listTargets(@CurrentUser() user: AuthUser, @Query() query: TargetListQuery): Promise<TargetListDto> {
    return this.reports.listTargets(user, query);
  }

  @Put('targets')
  @ApiOperation({ operationId: 'upsertReportTarget', summary: 'Sets a target of a unit of your area (by unit, target group, year and metric; audited)' })
  @ApiOkResponse({ type: TargetDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_IN_SCOPE })
  upsertTarget(@CurrentUser() user: AuthUser, @Body() body: UpsertTargetDto, @Req() request: FastifyRequest): Promise<TargetDto> {
    return this.reports.upsertTarget(user, body, String(request.id));
  }

  @Delete('targets/:targetId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'deleteReportTarget', summary: 'Deletes a target of a unit of your area (audited)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such target in your area' })
  async deleteTarget(@CurrentUser() user: AuthUser, @Param('targetId', ParseUUIDPipe) targetId: string, @Req() request: FastifyRequest): Promise<void> {
    await this.reports.deleteTarget(user, targetId, String(request.id));
  }

  @Post('targets/import')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'importReportTargets',
    summary: `Imports targets from CSV (${TARGET_CSV_COLUMNS.join(',')}), an upsert; all or nothing (audited)`,
    description: 'UTF-8 text/csv body. target_group: all, citizens, officials, students, workers; metric: coverage_percent (0–100), confirmed_count, registered_count, completed_count. Every unit must be in your area.',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'unit_code,target_group,year,metric,value\n12,citizens,2026,coverage_percent,80\n' } })
  @ApiOkResponse({ type: TargetImportResultDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Some lines are wrong: details name each ("line 3: value"); nothing was saved' })
  importTargets(@CurrentUser() user: AuthUser, @Body() body: unknown, @Req() request: FastifyRequest): Promise<TargetImportResultDto> {
    if (typeof body !== 'string') throw new UnsupportedMediaTypeException('Send the file as the request body with Content-Type: text/csv');
    return this.reports.importTargets(user, body, String(request.id));
  }

  // ----- periodic reports

  @Post('jobs')
  @ApiOperation({ operationId: 'requestReport', summary: 'Requests the quarterly, half-year or yearly report of a unit of your area (made by a job as XLSX, CSV and PDF)' })
  @ApiCreatedResponse({ type: ReportJobDto, description: 'A new report was queued' })
  @ApiOkResponse({ type: ReportJobDto, description: 'The report exists already (or was queued again with regenerate)' })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_IN_SCOPE })
  async requestReport(@CurrentUser() user: AuthUser, @Body() body: CreateReportJobDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReportJobDto> {
    const { created, report } = await this.files.request(user, body);
    reply.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return report;
  }

  @Get('jobs')
  @ApiOperation({ operationId: 'listReports', summary: 'Reports of a unit of your area, newest period first' })
  @ApiOkResponse({ type: ReportJobListDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_IN_SCOPE })
  async listReports(@CurrentUser() user: AuthUser, @Query() query: ReportJobListQuery): Promise<ReportJobListDto> {
    return { items: await this.files.list(user, query.unitId) };
  }

  @Get('jobs/:reportId')
  @ApiOperation({ operationId: 'getReport', summary: 'One report and its status' })
  @ApiOkResponse({ type: ReportJobDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: OTHER_UNIT })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such report' })
  getReport(@CurrentUser() user: AuthUser, @Param('reportId', ParseUUIDPipe) reportId: string): Promise<ReportJobDto> {
    return this.files.get(user, reportId);
  }

  @Get('jobs/:reportId/file.xlsx')
  @ApiOperation({ operationId: 'downloadReportXlsx', summary: 'The report as an Excel workbook' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: OTHER_UNIT })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such report' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Not ready yet' })
  xlsx(@CurrentUser() user: AuthUser, @Param('reportId', ParseUUIDPipe) reportId: string): Promise<StreamableFile> {
    return this.download(user, reportId, 'xlsx');
  }

  @Get('jobs/:reportId/file.csv')
  @ApiOperation({ operationId: 'downloadReportCsv', summary: 'The report as CSV (UTF-8 with BOM)' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: OTHER_UNIT })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such report' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Not ready yet' })
  csv(@CurrentUser() user: AuthUser, @Param('reportId', ParseUUIDPipe) reportId: string): Promise<StreamableFile> {
    return this.download(user, reportId, 'csv');
  }

  @Get('jobs/:reportId/file.pdf')
  @ApiOperation({ operationId: 'downloadReportPdf', summary: 'The report as PDF' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: OTHER_UNIT })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such report' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Not ready yet' })
  pdf(@CurrentUser() user: AuthUser, @Param('reportId', ParseUUIDPipe) reportId: string): Promise<StreamableFile> {
    return this.download(user, reportId, 'pdf');
  }

  private async download(user: AuthUser, reportId: string, format: ReportFormat): Promise<StreamableFile> {
    const file = await this.files.download(user, reportId, format);
    return new StreamableFile(file.body, { type: file.contentType, disposition: `attachment; filename="${file.filename}"`, length: file.body.length });
  }

  // ----- rollups

  @Get('status')
  @ApiOperation({ operationId: 'reportStatus', summary: 'When the report rollups were last refreshed' })
  @ApiOkResponse({ type: ReportsStatusDto })
  async status(): Promise<ReportsStatusDto> {
    const s = await this.rollup.state();
    return { refreshedAt: s.refreshedAt?.toISOString() ?? null, watermark: s.watermark?.toISOString() ?? null, fullRebuildAt: s.fullRebuildAt?.toISOString() ?? null };
  }

  @Post('refresh')
  @HttpCode(HttpStatus.ACCEPTED)
  @RequireRoles('administrator')
  @ApiOperation({ operationId: 'recomputeReports', summary: 'Repair: recomputes the rollups of a day range from the raw data (everything without a range), by a job' })
  @ApiAcceptedResponse({ type: RecomputeAcceptedDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  async recompute(@Body() body: RecomputeDto): Promise<RecomputeAcceptedDto> {
    if (body.from && body.to && body.from > body.to) throw new BadRequestException('from must not be after to');
    const id = jobId(JobName.RecomputeReports, body.from ?? 'start', body.to ?? 'end', Date.now());
    await this.queue.add(JobName.RecomputeReports, { from: body.from, to: body.to }, { jobId: id });
    return { jobId: id };
  }
}
