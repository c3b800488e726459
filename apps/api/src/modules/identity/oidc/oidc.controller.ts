import { Controller, Get, Logger, Query, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiNotFoundResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ErrorResponseDto } from '../../../common/error-response.dto';
import { OptionalUser, type AuthUser } from '../auth-user';
import { OidcStartQuery } from '../dto/oidc-start.query';
import type { AuthRequest } from '../session.guard';
import { SessionsService } from '../sessions.service';
import { OidcFlowError, OidcService, reasonOf } from './oidc.service';

/** Browser navigations (not fetch calls): both answer with a redirect, also on failure (?oidcError=code). */
@ApiTags('auth')
@Controller('v1/auth/oidc')
export class OidcController {
  private readonly logger = new Logger(OidcController.name);

  constructor(
    private readonly oidc: OidcService,
    private readonly sessions: SessionsService,
  ) {}

  @Get('start')
  @ApiOperation({
    operationId: 'startNationalIdSignIn',
    summary: 'Sign in with the national digital ID: redirects to the provider',
    description:
      'Open it as a page (link or form), not with fetch. With link=1, a signed-in user links the national digital ID to their account. ' +
      'Failures redirect to the web app with ?oidcError=provider_unavailable|not_signed_in|… .',
  })
  @ApiFoundResponse({ description: 'To the provider, or back to the web app with ?oidcError=…' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Sign-in with the national digital ID is not configured' })
  async start(@Query() query: OidcStartQuery, @OptionalUser() user: AuthUser | null, @Res() reply: FastifyReply): Promise<void> {
    void reply.header('cache-control', 'no-store');
    try {
      const { url, transactionId } = await this.oidc.start({ returnTo: query.returnTo, link: query.link === '1', user });
      this.oidc.setTransactionCookie(reply, transactionId);
      void reply.redirect(url, 302);
    } catch (error) {
      if (!(error instanceof OidcFlowError)) throw error;
      void reply.redirect(this.oidc.errorRedirect(error), 302);
    }
  }

  /** The provider's redirect back; its parameters are read raw (the provider may add some), not through a DTO. */
  @Get('callback')
  @ApiOperation({
    operationId: 'nationalIdCallback',
    summary: 'Where the provider sends the browser back (OIDC redirect URI)',
    description: 'Starts a session (new cookie) and redirects to the web app; on failure, redirects with ?oidcError=expired|state_mismatch|cancelled|rejected|already_linked|… and starts no session.',
  })
  @ApiQuery({ name: 'code', required: false })
  @ApiQuery({ name: 'state', required: false })
  @ApiFoundResponse({ description: 'To the web app (returnTo), or with ?oidcError=…' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Sign-in with the national digital ID is not configured' })
  async callback(@Req() request: AuthRequest, @OptionalUser() user: AuthUser | null, @Res() reply: FastifyReply): Promise<void> {
    void reply.header('cache-control', 'no-store');
    this.oidc.assertEnabled();
    const transactionId = this.oidc.transactionIdFrom(request);
    if (transactionId) this.oidc.clearTransactionCookie(reply);
    const query = new URLSearchParams(request.url.split('?')[1] ?? '');
    try {
      const outcome = await this.oidc.finish(transactionId, query, user, {
        ip: request.ip,
        requestId: String(request.id),
        previousSessionToken: user ? this.sessions.tokenFromRequest(request) : undefined,
      });
      if (outcome.session) this.sessions.setCookie(reply, outcome.session);
      void reply.redirect(this.oidc.successRedirect(outcome), 302);
    } catch (error) {
      if (!(error instanceof OidcFlowError)) throw error;
      this.logger.warn({ code: error.code, reason: reasonOf(error), requestId: request.id }, 'national digital ID sign-in refused');
      void reply.redirect(this.oidc.errorRedirect(error), 302);
    }
  }
}
