import { BadRequestException, CanActivate, ExecutionContext, ForbiddenException, Injectable, SetMetadata, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { XapiScope } from './entities/xapi-client.entity';
import { XapiClientsService, type XapiCaller } from './xapi-clients.service';
import { requestMajor } from './xapi-http';
import type { XapiMajor } from './xapi-validation';

/** Which part of the LRS a route is (the scopes that open it depend on it and on the method). */
export type XapiArea = 'about' | 'statements' | 'state' | 'profile' | 'definitions';
export const XAPI_AREA_KEY = 'hocso:xapi-area';
export const XapiArea = (area: XapiArea) => SetMetadata(XAPI_AREA_KEY, area);

export type XapiRequest = FastifyRequest & { xapi?: { caller: XapiCaller; major: XapiMajor; mineOnly: boolean } };

const READ_METHODS = new Set(['GET', 'HEAD']);

function scopesFor(area: XapiArea, read: boolean): XapiScope[] {
  switch (area) {
    case 'statements':
      return read ? ['statements/read', 'statements/read/mine', 'all/read', 'all'] : ['statements/write', 'all'];
    case 'state':
      return read ? ['state', 'all/read', 'all'] : ['state', 'all'];
    case 'profile':
      return read ? ['profile', 'all/read', 'all'] : ['profile', 'all'];
    case 'definitions':
      return ['statements/read', 'statements/read/mine', 'define', 'profile', 'state', 'all/read', 'all'];
    default:
      return [];
  }
}

/**
 * The LRS's own access rule (xAPI Part 3 §4): X-Experience-API-Version 1.0.x or 2.0.x (400 otherwise),
 * HTTP Basic credentials of a live client (401 with WWW-Authenticate), a scope that opens the
 * resource for the method (403). The About resource needs none of these.
 */
@Injectable()
export class XapiAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly clients: XapiClientsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const area = this.reflector.getAllAndOverride<XapiArea | undefined>(XAPI_AREA_KEY, [context.getHandler(), context.getClass()]);
    if (area === 'about') return true;
    const request = context.switchToHttp().getRequest<XapiRequest>();
    const major = requestMajor(request);
    if (!major) throw new BadRequestException('The X-Experience-API-Version header is required: 1.0.x or 2.0.x');
    const caller = await this.clients.authenticate(request.headers.authorization);
    if (!caller) {
      void context.switchToHttp().getResponse<FastifyReply>().header('WWW-Authenticate', 'Basic realm="hocso xAPI", charset="UTF-8"');
      throw new UnauthorizedException('Valid HTTP Basic credentials of an xAPI client are required');
    }
    const read = READ_METHODS.has(request.method);
    const opening = scopesFor(area ?? 'statements', read);
    const granted = caller.scopes.filter((s) => opening.includes(s));
    if (granted.length === 0) throw new ForbiddenException(`These credentials lack a scope for this (one of: ${opening.join(', ')})`);
    const mineOnly = area === 'statements' && read && granted.every((s) => s === 'statements/read/mine');
    request.xapi = { caller, major, mineOnly };
    return true;
  }
}
