import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { COURSE_LEVELS, TARGET_GROUPS, type CourseLevel, type TargetGroup } from '../course-version.entity';

export const SUPPORTED_LANGUAGES = ['vi', 'en'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

/** Duration bands of the catalog filter, by estimated minutes: short ≤ 30 < medium ≤ 90 < long. */
export const DURATION_BANDS = ['short', 'medium', 'long'] as const;
export type DurationBand = (typeof DURATION_BANDS)[number];
export const DURATION_BAND_MINUTES: Record<DurationBand, { min: number | null; max: number | null }> = {
  short: { min: null, max: 30 },
  medium: { min: 31, max: 90 },
  long: { min: 91, max: null },
};

export class ListCoursesQuery {
  @ApiPropertyOptional({ enum: SUPPORTED_LANGUAGES, default: 'vi', description: 'Language to show titles in, when the course has a translation' })
  @IsOptional()
  @IsIn(SUPPORTED_LANGUAGES, { message: `lang must be one of: ${SUPPORTED_LANGUAGES.join(', ')}` })
  lang?: SupportedLanguage;

  @ApiPropertyOptional({ enum: TARGET_GROUPS, description: 'Only courses for this target group' })
  @IsOptional()
  @IsIn(TARGET_GROUPS, { message: `targetGroup must be one of: ${TARGET_GROUPS.join(', ')}` })
  targetGroup?: TargetGroup;

  @ApiPropertyOptional({ enum: COURSE_LEVELS, description: 'Only courses of this level' })
  @IsOptional()
  @IsIn(COURSE_LEVELS, { message: `level must be one of: ${COURSE_LEVELS.join(', ')}` })
  level?: CourseLevel;

  @ApiPropertyOptional({ enum: SUPPORTED_LANGUAGES, description: 'Only courses written in (or translated into) this language' })
  @IsOptional()
  @IsIn(SUPPORTED_LANGUAGES, { message: `language must be one of: ${SUPPORTED_LANGUAGES.join(', ')}` })
  language?: SupportedLanguage;

  @ApiPropertyOptional({ enum: DURATION_BANDS, description: 'By estimated time: short ≤ 30 min, medium 31–90 min, long > 90 min' })
  @IsOptional()
  @IsIn(DURATION_BANDS, { message: `duration must be one of: ${DURATION_BANDS.join(', ')}` })
  duration?: DurationBand;

  @ApiPropertyOptional({ minimum: 0, description: 'Only courses of at least this many estimated minutes' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'minMinutes must be a whole number' })
  @Min(0)
  minMinutes?: number;

  @ApiPropertyOptional({ minimum: 0, description: 'Only courses of at most this many estimated minutes' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'maxMinutes must be a whole number' })
  @Min(0)
  maxMinutes?: number;

  @ApiPropertyOptional({ maxLength: 100, description: 'Words to find in the title or summary, in any language; Vietnamese accents optional ("an toan" finds "an toàn")' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(100)
  q?: string;

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
