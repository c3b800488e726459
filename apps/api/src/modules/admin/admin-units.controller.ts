import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query, Req, UnsupportedMediaTypeException } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ErrorResponseDto } from '../../common/error-response.dto';
import { CurrentUser, RequireRoles, type AuthUser } from '../identity/auth-user';
import { CreateUnitDto, ImportResultDto, PopulationsQuery, SearchUnitsQuery, SubtreeQuery, UnitDto, UnitListDto, UnitPopulationsDto } from '../units/dto/unit.dto';
import { CSV_MAX_BYTES, POPULATION_CSV_COLUMNS, UNIT_CSV_COLUMNS } from '../units/unit-import';
import { UnitsService } from '../units/units.service';

const NOT_IN_SCOPE = 'No such unit, or it lies outside your area (the same answer, so that ids cannot be probed)';
const CSV_LIMIT = `at most ${CSV_MAX_BYTES / 1024 / 1024} MiB and 50,000 rows`;

/**
 * The administrative tree for administrators (everything) and officials (their subtree only; a
 * unit outside it is a 404). Imports are for administrators.
 */
@ApiTags('admin')
@RequireRoles('administrator', 'official')
@ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Not signed in' })
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Neither administrator nor official (or, for a change, no x-csrf-token)' })
@Controller('v1/admin/units')
export class AdminUnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @ApiOperation({ operationId: 'adminSearchUnits', summary: 'Units in your area by name or code, root first' })
  @ApiOkResponse({ type: UnitListDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  search(@CurrentUser() user: AuthUser, @Query() query: SearchUnitsQuery): Promise<UnitListDto> {
    return this.units.search(user, query);
  }

  @Get('roots')
  @ApiOperation({ operationId: 'adminListUnitRoots', summary: 'The tops of your area: the roots of the tree for an administrator, the units of your official roles otherwise' })
  @ApiOkResponse({ type: [UnitDto] })
  roots(@CurrentUser() user: AuthUser): Promise<UnitDto[]> {
    return this.units.roots(user);
  }

  @Post()
  @ApiOperation({ operationId: 'adminCreateUnit', summary: 'Creates a unit under a parent in your area (its level is the one below the parent\'s)' })
  @ApiCreatedResponse({ type: UnitDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid fields, or the level does not fit under the parent' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_IN_SCOPE })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The code is taken' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateUnitDto, @Req() request: FastifyRequest): Promise<UnitDto> {
    return this.units.create(user, body, String(request.id));
  }

  @Post('import')
  @HttpCode(HttpStatus.OK)
  @RequireRoles('administrator')
  @ApiOperation({
    operationId: 'adminImportUnits',
    summary: `Imports units from CSV (${UNIT_CSV_COLUMNS.join(',')}), an upsert by code; all or nothing (audited: unit.import)`,
    description:
      `UTF-8 text/csv body, ${CSV_LIMIT}. Rows in any order (parents are taken first); a parent is found in the file or already in the tree, ` +
      'one level up (country → province → commune → village). A repeat changes nothing; a changed name is updated and a changed parent moves the unit with its subtree.',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'code,name,level,parent_code\n12,Tỉnh Lai Châu,province,VN\n' } })
  @ApiOkResponse({ type: ImportResultDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Some lines are wrong: details name each ("line 7: parent_code"); nothing was written' })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto })
  @ApiUnsupportedMediaTypeResponse({ type: ErrorResponseDto, description: 'The body is not text/csv' })
  importUnits(@CurrentUser() user: AuthUser, @Body() body: unknown, @Req() request: FastifyRequest): Promise<ImportResultDto> {
    return this.units.importUnitsCsv(csvText(body), { actorId: user.id, requestId: String(request.id) });
  }

  @Post('populations/import')
  @HttpCode(HttpStatus.OK)
  @RequireRoles('administrator')
  @ApiOperation({
    operationId: 'adminImportPopulations',
    summary: `Imports populations from CSV (${POPULATION_CSV_COLUMNS.join(',')}), an upsert by unit, target group and year; all or nothing (audited: population.import)`,
    description: `UTF-8 text/csv body, ${CSV_LIMIT}. Every unit must exist; target groups: citizens, officials, students, workers.`,
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'unit_code,target_group,year,population\n12,citizens,2025,320000\n' } })
  @ApiOkResponse({ type: ImportResultDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Some lines are wrong: details name each; nothing was written' })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto })
  @ApiUnsupportedMediaTypeResponse({ type: ErrorResponseDto, description: 'The body is not text/csv' })
  importPopulations(@CurrentUser() user: AuthUser, @Body() body: unknown, @Req() request: FastifyRequest): Promise<ImportResultDto> {
    return this.units.importPopulationsCsv(csvText(body), { actorId: user.id, requestId: String(request.id) });
  }

  @Get(':id')
  @ApiOperation({ operationId: 'adminGetUnit', summary: 'One unit of your area' })
  @ApiOkResponse({ type: UnitDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_IN_SCOPE })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<UnitDto> {
    return this.units.get(user, id);
  }

  @Get(':id/children')
  @ApiOperation({ operationId: 'adminListUnitChildren', summary: 'The units right below a unit of your area' })
  @ApiOkResponse({ type: [UnitDto] })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_IN_SCOPE })
  children(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<UnitDto[]> {
    return this.units.children(user, id);
  }

  @Get(':id/subtree')
  @ApiOperation({ operationId: 'adminGetUnitSubtree', summary: 'A unit of your area and everything below it, root first (paged)' })
  @ApiOkResponse({ type: UnitListDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_IN_SCOPE })
  subtree(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Query() query: SubtreeQuery): Promise<UnitListDto> {
    return this.units.subtree(user, id, query);
  }

  @Get(':id/ancestors')
  @ApiOperation({ operationId: 'adminGetUnitAncestors', summary: 'Breadcrumb of a unit of your area: from the root of the tree down to the unit itself' })
  @ApiOkResponse({ type: [UnitDto] })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_IN_SCOPE })
  ancestors(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<UnitDto[]> {
    return this.units.ancestors(user, id);
  }

  @Get(':id/populations')
  @ApiOperation({ operationId: 'adminGetUnitPopulations', summary: 'Population of a unit of your area per target group and year (the denominators of coverage)' })
  @ApiOkResponse({ type: UnitPopulationsDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_IN_SCOPE })
  populations(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Query() query: PopulationsQuery): Promise<UnitPopulationsDto> {
    return this.units.populations(user, id, query.year);
  }
}

/** The body of a text/csv request is a string (see CsvBodyParser); anything else is refused. */
function csvText(body: unknown): string {
  if (typeof body !== 'string') throw new UnsupportedMediaTypeException('Send the file as the request body with Content-Type: text/csv');
  return body;
}
