import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { TARGET_GROUPS, type TargetGroup } from '../course-version.entity';

export const SUPPORTED_LANGUAGES = ['vi', 'en'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

export class ListCoursesQuery {
  @ApiPropertyOptional({ enum: SUPPORTED_LANGUAGES, default: 'vi', description: 'Language to show titles in, when the course has a translation' })
  @IsOptional()
  @IsIn(SUPPORTED_LANGUAGES, { message: `lang must be one of: ${SUPPORTED_LANGUAGES.join(', ')}` })
  lang?: SupportedLanguage;

  @ApiPropertyOptional({ enum: TARGET_GROUPS, description: 'Only courses for this target group' })
  @IsOptional()
  @IsIn(TARGET_GROUPS, { message: `targetGroup must be one of: ${TARGET_GROUPS.join(', ')}` })
  targetGroup?: TargetGroup;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset must be a whole number' })
  @Min(0)
  offset?: number;
}
