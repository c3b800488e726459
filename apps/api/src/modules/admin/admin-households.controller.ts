import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/error-response.dto';
import { CurrentUser, RequireRoles, type AuthUser } from '../identity/auth-user';
import { HouseholdCoverageDto, HouseholdCoverageQuery, HouseholdListDto, ListHouseholdsQuery } from '../units/dto/household.dto';
import { HouseholdsService } from '../units/households.service';

const NOT_IN_SCOPE = 'No such unit, or it lies outside your area (the same answer, so that ids cannot be probed)';

/** "Digital Family" households of an area, for administrators and officials (their subtree only). */
@ApiTags('admin')
@RequireRoles('administrator', 'official')
@ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Not signed in' })
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Neither administrator nor official' })
@Controller('v1/admin/households')
export class AdminHouseholdsController {
  constructor(private readonly households: HouseholdsService) {}

  @Get()
  @ApiOperation({ operationId: 'adminListHouseholds', summary: 'Households of your area (or below one of its units), newest first, with member count and covered flag' })
  @ApiOkResponse({ type: HouseholdListDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_IN_SCOPE })
  list(@CurrentUser() user: AuthUser, @Query() query: ListHouseholdsQuery): Promise<HouseholdListDto> {
    return this.households.listInScope(user, query);
  }

  @Get('coverage')
  @ApiOperation({
    operationId: 'adminGetHouseholdCoverage',
    summary: 'Households and covered households (at least one member learning) of a unit of your area and of each of its children',
  })
  @ApiOkResponse({ type: HouseholdCoverageDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_IN_SCOPE })
  coverage(@CurrentUser() user: AuthUser, @Query() query: HouseholdCoverageQuery): Promise<HouseholdCoverageDto> {
    return this.households.coverage(user, query.unitId);
  }
}
