import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { CONTRASTS, FONT_SIZES, LANGUAGES } from './profile-fields';

/** Accessibility and language preferences; every field optional (a PATCH changes only those given). */
export class PreferencesDto {
  @ApiPropertyOptional({ enum: LANGUAGES, enumName: 'Language' })
  @IsOptional()
  @IsIn(LANGUAGES, { message: `language must be one of: ${LANGUAGES.join(', ')}` })
  language?: (typeof LANGUAGES)[number];

  @ApiPropertyOptional({ enum: FONT_SIZES, enumName: 'FontSize' })
  @IsOptional()
  @IsIn(FONT_SIZES, { message: `fontSize must be one of: ${FONT_SIZES.join(', ')}` })
  fontSize?: (typeof FONT_SIZES)[number];

  @ApiPropertyOptional({ enum: CONTRASTS, enumName: 'Contrast' })
  @IsOptional()
  @IsIn(CONTRASTS, { message: `contrast must be one of: ${CONTRASTS.join(', ')}` })
  contrast?: (typeof CONTRASTS)[number];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'reducedMotion must be true or false' })
  reducedMotion?: boolean;
}
