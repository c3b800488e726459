import { Body, Controller, Get, HttpCode, HttpStatus, NotFoundException, Param, ParseUUIDPipe, Post, Req, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ErrorResponseDto } from '../../common/error-response.dto';
import { Authenticated, CurrentUser, RequireRoles, type AuthUser } from '../identity/auth-user';
import { CertificatesService } from './certificates.service';
import { MyCertificateListDto, PublicVerificationDto, RevokeCertificateDto, VerificationResultDto, VerifyCredentialDto } from './dto/certificate.dto';

const NOT_YOURS = 'No such certificate of yours (another learner\'s answers the same)';

/** A learner's certificates and their files. */
@ApiTags('certificates')
@Controller('v1/me/certificates')
@Authenticated()
@ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Not signed in' })
export class MyCertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get()
  @ApiOperation({ operationId: 'listMyCertificates', summary: 'My certificates, newest first' })
  @ApiOkResponse({ type: MyCertificateListDto })
  async list(@CurrentUser() user: AuthUser): Promise<MyCertificateListDto> {
    return { items: await this.certificates.mine(user.id) };
  }

  @Get(':id/pdf')
  @ApiOperation({ operationId: 'downloadMyCertificatePdf', summary: 'The printable certificate (PDF with a QR code to the verification page)' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_YOURS })
  async pdf(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    const { serial, pdf } = await this.certificates.pdfOf(user.id, id);
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `attachment; filename="${serial}.pdf"`, length: pdf.length });
  }

  @Get(':id/credential')
  @ApiOperation({ operationId: 'downloadMyCredential', summary: 'The Open Badges 3.0 credential (signed JSON, verifiable offline)' })
  @ApiOkResponse({ schema: { type: 'object', additionalProperties: true } })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_YOURS })
  async credential(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    const { serial, credential } = await this.certificates.credentialOf(user.id, id);
    const body = Buffer.from(JSON.stringify(credential, null, 2));
    return new StreamableFile(body, { type: 'application/json; charset=utf-8', disposition: `attachment; filename="${serial}.credential.json"`, length: body.length });
  }
}

/** Public documents: verification by serial, credential check, issuer keys, status list. */
@ApiTags('certificates')
@Controller('v1/certificates')
export class PublicCertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get('verify/:serial')
  @ApiOperation({ operationId: 'verifyCertificate', summary: 'Public check of a serial: only name, achievement, date, issuer and status' })
  @ApiOkResponse({ type: PublicVerificationDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  verify(@Param('serial') serial: string): Promise<PublicVerificationDto> {
    return this.certificates.verify(serial);
  }

  @Post('verify-credential')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'verifyCredential', summary: 'Checks a pasted or uploaded credential: signature, issuer key, status list' })
  @ApiOkResponse({ type: VerificationResultDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  verifyCredential(@Body() body: VerifyCredentialDto): Promise<VerificationResultDto> {
    return this.certificates.verifyCredential(body.credential);
  }

  @Get('issuer')
  @ApiOperation({ operationId: 'certificateIssuer', summary: 'The issuer profile with every public key it signed with (for offline verification)' })
  @ApiOkResponse({ schema: { type: 'object', additionalProperties: true } })
  issuer(): Record<string, unknown> {
    return this.certificates.issuerDocument();
  }

  @Get('status-lists/:list')
  @ApiOperation({ operationId: 'certificateStatusList', summary: 'BitstringStatusListCredential (revocation), signed' })
  @ApiOkResponse({ schema: { type: 'object', additionalProperties: true } })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async statusList(@Param('list') list: string): Promise<Record<string, unknown>> {
    const n = /^[1-9]\d{0,6}$/.test(list) ? Number(list) : 0;
    if (n < 1 || n > (await this.certificates.statusListCount())) throw new NotFoundException('No such status list');
    return this.certificates.statusListCredential(n);
  }
}

@ApiTags('certificates')
@Controller('v1/admin/certificates')
@RequireRoles('administrator')
@ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Not signed in' })
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Not an administrator' })
export class AdminCertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Post(':serial/revoke')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'adminRevokeCertificate', summary: 'Revoke a certificate (audited: certificate.revoke); the status list is re-signed' })
  @ApiOkResponse({ type: PublicVerificationDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Already revoked' })
  revoke(@CurrentUser() user: AuthUser, @Param('serial') serial: string, @Body() body: RevokeCertificateDto, @Req() request: FastifyRequest): Promise<PublicVerificationDto> {
    return this.certificates.revoke(serial, body.reason, user.id, String(request.id));
  }
}
