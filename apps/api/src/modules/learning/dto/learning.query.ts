import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { SUPPORTED_LANGUAGES, type SupportedLanguage } from '../../catalog/dto/list-courses.query';

export class LanguageQuery {
  @ApiPropertyOptional({ enum: SUPPORTED_LANGUAGES, description: 'Language of titles and bodies (default: the account’s preference, else vi); falls back to the course’s own' })
  @IsOptional()
  @IsIn(SUPPORTED_LANGUAGES, { message: `lang must be one of: ${SUPPORTED_LANGUAGES.join(', ')}` })
  lang?: SupportedLanguage;
}
