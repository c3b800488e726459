import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AppConfig } from '../../config/app-config';
import { ErrorResponseDto } from '../../common/error-response.dto';
import { CurrentUser, RequireRoles, type AuthUser } from '../identity/auth-user';
import { CreateXapiClientDto, IssuedXapiClientDto, XapiClientDto, XapiClientListDto } from './dto/xapi-client.dto';
import type { XapiClient } from './entities/xapi-client.entity';
import { XapiClientsService } from './xapi-clients.service';

function toDto(client: XapiClient): XapiClientDto {
  return {
    id: client.id,
    key: client.key,
    name: client.name,
    scopes: client.scopes,
    createdAt: client.createdAt.toISOString(),
    revokedAt: client.revokedAt?.toISOString() ?? null,
    lastUsedAt: client.lastUsedAt?.toISOString() ?? null,
  };
}

/** Credentials of the learning record store (/xapi), for administrators. Issue and revoke are audited. */
@ApiTags('xapi')
@RequireRoles('administrator')
@ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Not signed in' })
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Not an administrator' })
@Controller('v1/admin/xapi-clients')
export class XapiClientsController {
  constructor(
    private readonly clients: XapiClientsService,
    private readonly config: AppConfig,
  ) {}

  private get endpoint(): string {
    return `${this.config.PUBLIC_URL.replace(/\/$/, '')}/xapi/`;
  }

  @Get()
  @ApiOperation({ operationId: 'adminListXapiClients', summary: 'Every LRS client credential, newest first (secrets are never shown again)' })
  @ApiOkResponse({ type: XapiClientListDto })
  async list(): Promise<XapiClientListDto> {
    return { items: (await this.clients.list()).map(toDto), endpoint: this.endpoint };
  }

  @Post()
  @ApiOperation({ operationId: 'adminIssueXapiClient', summary: 'Issues HTTP Basic credentials for the LRS; the secret is in this answer only (audited: xapi.client.issue)' })
  @ApiCreatedResponse({ type: IssuedXapiClientDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  async issue(@CurrentUser() user: AuthUser, @Body() body: CreateXapiClientDto, @Req() request: FastifyRequest): Promise<IssuedXapiClientDto> {
    const { client, secret } = await this.clients.issue(user, body.name, body.scopes, String(request.id));
    return { ...toDto(client), secret, endpoint: this.endpoint };
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'adminRevokeXapiClient', summary: 'Revokes credentials at once: their next request is 401 (audited: xapi.client.revoke)' })
  @ApiNoContentResponse({ description: 'Revoked (or revoked already)' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async revoke(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Req() request: FastifyRequest): Promise<void> {
    await this.clients.revoke(user, id, String(request.id));
  }
}
