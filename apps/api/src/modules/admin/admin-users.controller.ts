import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
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
import type { FastifyRequest } from 'fastify';
import { ErrorResponseDto } from '../../common/error-response.dto';
import { CurrentUser, RequireRoles, type AuthUser } from '../identity/auth-user';
import { AdminUsersService } from './admin-users.service';
import { AdminUserDto, AdminUserListDto, GrantRoleDto, ListUsersQuery, RoleAssignmentDto } from './dto/admin-user.dto';

const NOT_IN_SCOPE = 'No such user, or they live outside your area (the same answer, so that ids cannot be probed)';

/**
 * People and their roles, for administrators (everyone) and officials (people living in their
 * subtree). Lists and reads show phone numbers and emails, so each is written to the audit log;
 * so is every role change.
 */
@ApiTags('admin')
@RequireRoles('administrator', 'official')
@ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Not signed in' })
@Controller('v1/admin/users')
export class AdminUsersController {
  constructor(private readonly users: AdminUsersService) {}

  @Get()
  @ApiOperation({ operationId: 'adminListUsers', summary: 'People of your area by name, phone number or email, by name (audited: user.list)' })
  @ApiOkResponse({ type: AdminUserListDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Neither administrator nor official' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'unitId names no unit of your area' })
  list(@CurrentUser() user: AuthUser, @Query() query: ListUsersQuery, @Req() request: FastifyRequest): Promise<AdminUserListDto> {
    return this.users.list(user, query, String(request.id));
  }

  @Get(':id')
  @ApiOperation({ operationId: 'adminGetUser', summary: 'One person of your area with their roles (audited: user.read)' })
  @ApiOkResponse({ type: AdminUserDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Neither administrator nor official' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_IN_SCOPE })
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Req() request: FastifyRequest): Promise<AdminUserDto> {
    return this.users.get(user, id, String(request.id));
  }

  @Post(':id/roles')
  @ApiOperation({
    operationId: 'adminGrantRole',
    summary: 'Grants a role (audited: role.grant)',
    description:
      'An administrator grants any role anywhere. An official grants facilitator (with a unitId of their area) or mentor, to people of their area. Nobody grants roles to themselves.',
  })
  @ApiCreatedResponse({ type: RoleAssignmentDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'unitId missing for official/facilitator, or given for another role' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'A role you may not grant, or your own account' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'The user or the unit is not in your area' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The user holds this role (for this unit) already' })
  grant(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() body: GrantRoleDto, @Req() request: FastifyRequest): Promise<RoleAssignmentDto> {
    return this.users.grant(user, id, body, String(request.id));
  }

  @Delete(':id/roles/:assignmentId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'adminRevokeRole', summary: 'Revokes a role assignment, under the rules of granting it (audited: role.revoke)' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'A role you may not revoke, one covering a unit outside your area, or your own account' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'The user is not in your area, or has no such assignment' })
  async revoke(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('assignmentId', ParseUUIDPipe) assignmentId: string,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.users.revoke(user, id, assignmentId, String(request.id));
  }
}
