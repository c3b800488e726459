import { BadRequestException, Controller, Get, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { SkipCsrfToken } from '../identity/auth-user';
import { XapiArea, XapiAuthGuard, type XapiRequest } from './xapi-auth.guard';
import { parseJsonParameter, queryParams, SUPPORTED_VERSIONS } from './xapi-http';
import { XapiStatementService } from './xapi-statement.service';
import { isIri, validateAgentParameter, XapiValidationError } from './xapi-validation';

function json(reply: FastifyReply, body: unknown): void {
  void reply.status(200).header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(body));
}

/** GET /xapi/about: the versions this LRS speaks; no credentials or version header needed. */
@ApiExcludeController()
@XapiArea('about')
@UseGuards(XapiAuthGuard)
@Controller('xapi/about')
export class XapiAboutController {
  @Get()
  about(@Req() request: XapiRequest, @Res() reply: FastifyReply): void {
    queryParams(request, []);
    json(reply, { version: SUPPORTED_VERSIONS, extensions: { 'https://hocso.vn/xapi/extensions/lrs': { name: 'hocso' } } });
  }
}

/** GET /xapi/activities (canonical Activity) and GET /xapi/agents (Person). */
@ApiExcludeController()
@SkipCsrfToken()
@XapiArea('definitions')
@UseGuards(XapiAuthGuard)
@Controller('xapi')
export class XapiDefinitionsController {
  constructor(private readonly statements: XapiStatementService) {}

  @Get('activities')
  async activity(@Req() request: XapiRequest, @Res() reply: FastifyReply): Promise<void> {
    const { activityId } = queryParams(request, ['activityId']);
    if (!activityId || !isIri(activityId)) throw new BadRequestException('The activityId parameter (an IRI) is required');
    json(reply, await this.statements.activity(activityId));
  }

  @Get('agents')
  async agent(@Req() request: XapiRequest, @Res() reply: FastifyReply): Promise<void> {
    const { agent } = queryParams(request, ['agent']);
    if (!agent) throw new BadRequestException('The agent parameter is required');
    try {
      const parsed = validateAgentParameter(parseJsonParameter('agent', agent), request.xapi!.major);
      json(reply, await this.statements.person(parsed));
    } catch (error) {
      if (error instanceof XapiValidationError) throw new BadRequestException(error.message);
      throw error;
    }
  }
}
