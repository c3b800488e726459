import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ErrorResponseDto } from '../../common/error-response.dto';
import { AccountsService, type RequestMeta, type SignedIn } from './accounts.service';
import { Authenticated, CurrentUser, SkipCsrfToken, type AuthUser } from './auth-user';
import { AuthProvidersDto, MeDto } from './dto/me.dto';
import { PasswordResetConfirmDto, PasswordResetRequestDto } from './dto/password-reset.dto';
import { SignInDto } from './dto/sign-in.dto';
import { SignUpDto } from './dto/sign-up.dto';
import { OidcService } from './oidc/oidc.service';
import { PasswordResetService } from './password-reset.service';
import type { AuthRequest } from './session.guard';
import { SessionsService } from './sessions.service';

const RATE_LIMITED = { type: ErrorResponseDto, description: 'Too many attempts; the Retry-After header says how many seconds to wait' };
const CSRF_REFUSED = { type: ErrorResponseDto, description: 'Missing or wrong x-csrf-token header, or a cross-site Origin' };

@ApiTags('auth')
@Controller('v1/auth')
export class AuthController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
    private readonly resets: PasswordResetService,
    private readonly oidc: OidcService,
  ) {}

  @Get('providers')
  @ApiOperation({ operationId: 'getAuthProviders', summary: 'Which ways of signing in this site offers' })
  @ApiOkResponse({ type: AuthProvidersDto })
  providers(): AuthProvidersDto {
    return { nationalId: this.oidc.enabled };
  }

  @Post('sign-up')
  @SkipCsrfToken()
  @ApiOperation({ operationId: 'signUp', summary: 'Create an account with a phone number or email and a password; signs in (session cookie)' })
  @ApiCreatedResponse({ type: MeDto, description: 'Signed in: the session cookie is set' })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid or unknown fields (e.g. role), a refused password, an invalid phone number, an unknown unit' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'An account with this phone number or email already exists' })
  @ApiForbiddenResponse(CSRF_REFUSED)
  @ApiTooManyRequestsResponse(RATE_LIMITED)
  async signUp(@Body() body: SignUpDto, @Req() request: AuthRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<MeDto> {
    return this.signedIn(reply, await this.accounts.signUp(body, this.meta(request)));
  }

  @Post('sign-in')
  @HttpCode(200)
  @SkipCsrfToken()
  @ApiOperation({ operationId: 'signIn', summary: 'Sign in with a phone number or email and a password (a new session cookie each time)' })
  @ApiOkResponse({ type: MeDto, description: 'Signed in: the session cookie is set' })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Not a valid phone number or email (field identifier), or unknown fields' })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Wrong phone number/email or password (the same answer for an unknown account)' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'The account is disabled, or a cross-site Origin' })
  @ApiTooManyRequestsResponse(RATE_LIMITED)
  async signIn(@Body() body: SignInDto, @Req() request: AuthRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<MeDto> {
    return this.signedIn(reply, await this.accounts.signIn(body.identifier, body.password, this.meta(request)));
  }

  @Post('sign-out')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ operationId: 'signOut', summary: 'End the session (revoked on the server) and drop the cookie' })
  @ApiNoContentResponse()
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  @ApiForbiddenResponse(CSRF_REFUSED)
  async signOut(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.accounts.signOut(user);
    this.sessions.clearCookie(reply);
  }

  @Get('me')
  @Authenticated()
  @ApiOperation({ operationId: 'getMe', summary: 'The signed-in account, its roles and the CSRF token of the session' })
  @ApiOkResponse({ type: MeDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Not signed in' })
  me(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) reply: FastifyReply): Promise<MeDto> {
    void reply.header('cache-control', 'no-store');
    return this.accounts.me(user);
  }

  @Post('password-reset/request')
  @HttpCode(202)
  @SkipCsrfToken()
  @ApiOperation({ operationId: 'requestPasswordReset', summary: 'Send a reset link to the phone number or email of the account, if there is one' })
  @ApiAcceptedResponse({ description: 'Always the same answer, whether the account exists or not' })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Not a valid phone number or email' })
  @ApiForbiddenResponse(CSRF_REFUSED)
  @ApiTooManyRequestsResponse(RATE_LIMITED)
  async requestPasswordReset(@Body() body: PasswordResetRequestDto, @Req() request: AuthRequest): Promise<void> {
    await this.resets.request(body.identifier, this.meta(request));
  }

  @Post('password-reset/confirm')
  @HttpCode(204)
  @SkipCsrfToken()
  @ApiOperation({ operationId: 'confirmPasswordReset', summary: 'Set a new password with the token of a reset link; signs out every session of the account' })
  @ApiNoContentResponse({ description: 'The password is changed; sign in with it' })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'The token is invalid, used or expired (field token), or the password is refused (field password)' })
  @ApiForbiddenResponse(CSRF_REFUSED)
  @ApiTooManyRequestsResponse(RATE_LIMITED)
  async confirmPasswordReset(@Body() body: PasswordResetConfirmDto, @Req() request: AuthRequest): Promise<void> {
    await this.resets.confirm(body.token, body.password, this.meta(request));
  }

  private meta(request: AuthRequest): RequestMeta {
    return { ip: request.ip, requestId: String(request.id), previousSessionToken: this.sessions.tokenFromRequest(request) };
  }

  private signedIn(reply: FastifyReply, result: SignedIn): MeDto {
    this.sessions.setCookie(reply, result.session);
    void reply.header('cache-control', 'no-store');
    return result.me;
  }
}
