import type { AudienceId, TargetGroupId } from '@hocso/curriculum';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateIf, ValidateNested } from 'class-validator';

/** Optional, but not nullable: null is validated (and refused) like any other wrong value. */
const givenOrAbsent = ValidateIf((_object: object, value: unknown) => value !== undefined);
import { PreferencesDto } from './preferences.dto';
import { AUDIENCE_IDS, TARGET_GROUP_IDS, trim } from './profile-fields';

/**
 * PATCH /api/v1/me: only the fields given change; null clears birthYear, unitId and targetGroup.
 * Only these fields are accepted: role, roles, score, phone… are refused with a 400.
 */
export class UpdateProfileDto {
  @ApiPropertyOptional({ maxLength: 80 })
  @givenOrAbsent
  @Transform(trim)
  @IsString()
  @Length(1, 80, { message: 'displayName must have 1 to 80 characters' })
  displayName?: string;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1900 })
  @IsOptional()
  @IsInt({ message: 'birthYear must be a whole number' })
  @Min(1900)
  @Max(2100)
  birthYear?: number | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'unitId must be a UUID' })
  unitId?: string | null;

  @ApiPropertyOptional({ enum: TARGET_GROUP_IDS, enumName: 'TargetGroup', nullable: true })
  @IsOptional()
  @IsIn(TARGET_GROUP_IDS, { message: `targetGroup must be one of: ${TARGET_GROUP_IDS.join(', ')}` })
  targetGroup?: TargetGroupId | null;

  @ApiPropertyOptional({ enum: AUDIENCE_IDS, enumName: 'Audience', isArray: true })
  @givenOrAbsent
  @IsArray()
  @ArrayMaxSize(AUDIENCE_IDS.length)
  @ArrayUnique()
  @IsIn(AUDIENCE_IDS, { each: true, message: `each audience must be one of: ${AUDIENCE_IDS.join(', ')}` })
  audiences?: AudienceId[];

  @ApiPropertyOptional({ type: PreferencesDto, description: 'Merged into the saved preferences' })
  @givenOrAbsent
  @ValidateNested()
  @Type(() => PreferencesDto)
  preferences?: PreferencesDto;
}
