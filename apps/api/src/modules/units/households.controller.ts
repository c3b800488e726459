import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/error-response.dto';
import { Authenticated, CurrentUser, type AuthUser } from '../identity/auth-user';
import { AddHouseholdMemberDto, CreateHouseholdDto, HouseholdDto, JoinHouseholdDto } from './dto/household.dto';
import { HouseholdsService } from './households.service';

const NOT_A_MEMBER = 'You do not belong to a household';

/** "Digital Family": the signed-in user's own household. A person belongs to at most one. */
@ApiTags('households')
@Authenticated()
@ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Not signed in' })
@Controller('v1/households')
export class HouseholdsController {
  constructor(private readonly households: HouseholdsService) {}

  @Get('mine')
  @ApiOperation({ operationId: 'getMyHousehold', summary: 'Your household, its members and whether it is covered' })
  @ApiOkResponse({ type: HouseholdDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_A_MEMBER })
  mine(@CurrentUser() user: AuthUser): Promise<HouseholdDto> {
    return this.households.mine(user);
  }

  @Post()
  @ApiOperation({ operationId: 'createHousehold', summary: 'Creates a household in your unit, with you as its first member' })
  @ApiCreatedResponse({ type: HouseholdDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'You belong to a household already, or your account has no unit yet' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateHouseholdDto): Promise<HouseholdDto> {
    return this.households.create(user, body);
  }

  @Post('join')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'joinHousehold', summary: 'Joins the household whose code a member gave you' })
  @ApiOkResponse({ type: HouseholdDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No household has this code' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'You belong to a household already' })
  join(@CurrentUser() user: AuthUser, @Body() body: JoinHouseholdDto): Promise<HouseholdDto> {
    return this.households.join(user, body);
  }

  @Post('mine/members')
  @ApiOperation({ operationId: 'addHouseholdMember', summary: 'Adds a family member by the phone number of their account' })
  @ApiCreatedResponse({ type: HouseholdDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Not a valid phone number' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: `${NOT_A_MEMBER}, or no account has this phone number` })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'This person belongs to a household already' })
  add(@CurrentUser() user: AuthUser, @Body() body: AddHouseholdMemberDto): Promise<HouseholdDto> {
    return this.households.addByPhone(user, body);
  }

  @Delete('mine/members/:userId')
  @ApiOperation({ operationId: 'removeHouseholdMember', summary: 'Removes a member (only the member who created the household removes others)' })
  @ApiOkResponse({ type: HouseholdDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'You did not create this household' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: `${NOT_A_MEMBER}, or this person is not a member` })
  remove(@CurrentUser() user: AuthUser, @Param('userId', ParseUUIDPipe) userId: string): Promise<HouseholdDto> {
    return this.households.remove(user, userId);
  }

  @Post('mine/leave')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'leaveHousehold', summary: 'Leaves your household (the last member out deletes it)' })
  @ApiNoContentResponse({ description: 'Left' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_A_MEMBER })
  async leave(@CurrentUser() user: AuthUser): Promise<void> {
    await this.households.leave(user);
  }

  @Post('mine/code')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'renewHouseholdCode', summary: 'Replaces the household code (the old one stops working)' })
  @ApiOkResponse({ type: HouseholdDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_A_MEMBER })
  renewCode(@CurrentUser() user: AuthUser): Promise<HouseholdDto> {
    return this.households.newCode(user);
  }
}
