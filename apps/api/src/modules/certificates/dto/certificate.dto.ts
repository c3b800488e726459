import { ApiProperty } from '@nestjs/swagger';
import { IsObject, IsString, MaxLength, MinLength } from 'class-validator';
import { ACHIEVEMENT_KINDS, type AchievementKind } from '../certificate.entity';

export class LocalizedNameDto {
  @ApiProperty({ example: 'Phổ cập kỹ năng số cơ bản — Người dân' }) vi!: string;
  @ApiProperty({ example: 'Basic digital skills — Citizens' }) en!: string;
}

export class MyCertificateDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'HS-2026-7K3M-Q9XA' }) serial!: string;
  @ApiProperty({ enum: ACHIEVEMENT_KINDS, enumName: 'AchievementKind' }) kind!: AchievementKind;
  @ApiProperty({ type: LocalizedNameDto }) achievement!: LocalizedNameDto;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
  @ApiProperty({ enum: ['valid', 'revoked'] }) status!: 'valid' | 'revoked';
  @ApiProperty({ description: 'The public verification page (also in the QR code of the PDF)' }) verifyUrl!: string;
}

export class MyCertificateListDto {
  @ApiProperty({ type: [MyCertificateDto] }) items!: MyCertificateDto[];
}

/** Only what a stranger holding the serial may see. */
export class PublicVerificationDto {
  @ApiProperty({ example: 'HS-2026-7K3M-Q9XA' }) serial!: string;
  @ApiProperty({ example: 'Nguyễn Thị Hồng Nhung', description: 'Name of the holder' }) name!: string;
  @ApiProperty({ type: LocalizedNameDto }) achievement!: LocalizedNameDto;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
  @ApiProperty() issuer!: string;
  @ApiProperty({ enum: ['valid', 'revoked'] }) status!: 'valid' | 'revoked';
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: string | null;
}

export class VerifyCredentialDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'An OpenBadgeCredential (JSON) as downloaded' })
  @IsObject()
  credential!: Record<string, unknown>;
}

export class VerificationResultDto {
  @ApiProperty({ description: 'Signature valid, key of this issuer, in its validity period, not revoked' }) verified!: boolean;
  @ApiProperty({ enum: ['valid', 'invalid'] }) signature!: 'valid' | 'invalid';
  @ApiProperty({ enum: ['issuer', 'not-issuer', 'not-checked'] }) issuerKey!: 'issuer' | 'not-issuer' | 'not-checked';
  @ApiProperty({ enum: ['active', 'revoked', 'not-checked'] }) status!: 'active' | 'revoked' | 'not-checked';
  @ApiProperty({ type: [String] }) errors!: string[];
  @ApiProperty({ type: PublicVerificationDto, nullable: true, description: 'The certificate of the serial in the credential, when signed by this issuer' })
  certificate!: PublicVerificationDto | null;
}

export class RevokeCertificateDto {
  @ApiProperty({ example: 'Issued by mistake: the quiz was taken by someone else' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason!: string;
}
