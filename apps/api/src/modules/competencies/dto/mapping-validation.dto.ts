import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { SUPPORTED_LANGUAGES, type SupportedLanguage } from '../../catalog/dto/list-courses.query';
import { LocalizedTextDto } from './localized-text.dto';

export class ValidateMappingQuery {
  @ApiPropertyOptional({ enum: SUPPORTED_LANGUAGES, default: 'vi', description: 'Language of the messages of a 400' })
  @IsOptional()
  @IsIn(SUPPORTED_LANGUAGES, { message: `lang must be one of: ${SUPPORTED_LANGUAGES.join(', ')}` })
  lang?: SupportedLanguage;
}

export class MappingIssueDto {
  @ApiProperty({
    example: 'deprecated-version',
    description: 'invalid-shape, invalid-ref, unknown-framework, unknown-version, unknown-competency, level-out-of-range, deprecated-version or duplicate-item',
  })
  code!: string;

  @ApiProperty({ enum: ['error', 'warning'] }) severity!: 'error' | 'warning';
  @ApiProperty({ example: 'frameworks[0].version', description: 'Where in the mapping' }) path!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    example: { frameworkId: 'vn-757-2025', version: '1.0.0', replacement: '1.1.0' },
  })
  params!: Record<string, string | number>;

  @ApiProperty({ type: LocalizedTextDto }) text!: LocalizedTextDto;
  @ApiProperty({ description: 'Same as text.en' }) message!: string;
}

/** The verdict of @hocso/curriculum on a mapping that has no error (an invalid one is a 400). */
export class MappingValidationDto {
  @ApiProperty({ example: true }) valid!: boolean;
  @ApiProperty({ type: [MappingIssueDto], description: 'Always empty here: errors are answered with a 400 naming each field' })
  errors!: MappingIssueDto[];
  @ApiProperty({ type: [MappingIssueDto], description: 'E.g. a pinned framework version that is deprecated' })
  warnings!: MappingIssueDto[];
}
