import { Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ErrorResponseDto } from '../../common/error-response.dto';
import { CurrentUser, RequireRoles, type AuthUser } from '../identity/auth-user';
import { ConfirmationsService } from './confirmations.service';
import { ConfirmationListDto, ListConfirmationsQuery } from './dto/confirmation.dto';

/** Delivery log of confirmations to the national ID system, and replay, for administrators. */
@ApiTags('confirmations')
@RequireRoles('administrator')
@ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Not signed in' })
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Not an administrator' })
@Controller('v1/admin/confirmations')
export class ConfirmationsController {
  constructor(private readonly confirmations: ConfirmationsService) {}

  @Get()
  @ApiOperation({ operationId: 'adminListConfirmations', summary: 'Confirmations to the national ID system, newest first, with every delivery attempt' })
  @ApiOkResponse({ type: ConfirmationListDto })
  async list(@Query() query: ListConfirmationsQuery): Promise<ConfirmationListDto> {
    return { items: await this.confirmations.list(query.status) };
  }

  @Post(':id/replay')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'adminReplayConfirmation', summary: 'Send a failed or dead confirmation again (audited: confirmation.replay)' })
  @ApiNoContentResponse({ description: 'Queued for delivery' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Not failed or dead' })
  async replay(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Req() request: FastifyRequest): Promise<void> {
    await this.confirmations.replay(id, user.id, String(request.id));
  }
}
