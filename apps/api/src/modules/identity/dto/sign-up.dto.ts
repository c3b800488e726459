import type { AudienceId, TargetGroupId } from '@hocso/curriculum';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { AUDIENCE_IDS, TARGET_GROUP_IDS, trim } from './profile-fields';

/**
 * Sign-up: what an elderly person can fill in on a phone. Only these fields are accepted: any other
 * (role, roles, score…) is refused with a 400 by the whitelisting validation.
 */
export class SignUpDto {
  @ApiProperty({ example: '0912 345 678', description: 'A Vietnamese phone number (any usual spelling: 09…, 84…, +84…) or an email address' })
  @IsString()
  @Length(3, 254)
  identifier!: string;

  @ApiProperty({ minLength: 8, maxLength: 256, example: 'con mèo nhà bà tư', description: '8 to 256 characters, any characters; not a common password nor the phone number or email itself' })
  @IsString()
  // 1024 UTF-16 units bound the hashing work; the policy counts at most 256 letters (NFC).
  @MaxLength(1024, { message: 'The password must have at most 256 characters' })
  password!: string;

  @ApiProperty({ example: 'Bà Tư', maxLength: 80 })
  @Transform(trim)
  @IsString()
  @Length(1, 80, { message: 'displayName must have 1 to 80 characters' })
  displayName!: string;

  @ApiPropertyOptional({ example: 1956, minimum: 1900 })
  @IsOptional()
  @IsInt({ message: 'birthYear must be a whole number' })
  @Min(1900)
  @Max(2100)
  birthYear?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'The administrative unit (commune or village) where the person lives' })
  @IsOptional()
  @IsUUID('all', { message: 'unitId must be a UUID' })
  unitId?: string;

  @ApiPropertyOptional({ enum: TARGET_GROUP_IDS, enumName: 'TargetGroup' })
  @IsOptional()
  @IsIn(TARGET_GROUP_IDS, { message: `targetGroup must be one of: ${TARGET_GROUP_IDS.join(', ')}` })
  targetGroup?: TargetGroupId;

  @ApiPropertyOptional({ enum: AUDIENCE_IDS, enumName: 'Audience', isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(AUDIENCE_IDS.length)
  @ArrayUnique()
  @IsIn(AUDIENCE_IDS, { each: true, message: `each audience must be one of: ${AUDIENCE_IDS.join(', ')}` })
  audiences?: AudienceId[];
}
