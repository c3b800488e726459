import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FrameworkStatus, Verification } from '@hocso/curriculum';
import { TARGET_GROUPS, type TargetGroup } from '../../catalog/course-version.entity';
import { LocalizedTextDto, VERIFICATIONS } from './localized-text.dto';

const STATUSES: readonly FrameworkStatus[] = ['active', 'deprecated'];
const verification = {
  enum: VERIFICATIONS,
  enumName: 'Verification',
  description: '`official`: matches the official text; `secondary`: from reproductions of it; `provisional`: a working assumption, never to be shown as official',
};

export class FrameworkCountsDto {
  @ApiProperty({ example: 6 }) areas!: number;
  @ApiProperty({ example: 23 }) competencies!: number;
  @ApiProperty({ example: 3, description: 'Proficiency levels of the scale (1..n)' }) levels!: number;
}

export class FrameworkSummaryDto {
  @ApiProperty({ example: 'vn-757-2025' }) id!: string;
  @ApiProperty({ example: '1.0.0' }) version!: string;
  @ApiProperty({ enum: STATUSES, enumName: 'FrameworkStatus' }) status!: FrameworkStatus;
  @ApiPropertyOptional({ description: 'For a deprecated version: the version that replaces it' }) supersededBy?: string;
  @ApiProperty({ type: LocalizedTextDto }) name!: LocalizedTextDto;
  @ApiProperty({ type: LocalizedTextDto }) shortName!: LocalizedTextDto;
  @ApiProperty(verification) verification!: Verification;
  @ApiProperty({ example: '757/QĐ-BKHCN', description: 'Official reference of the source document' }) reference!: string;
  @ApiProperty({ example: '2025-04-29', description: 'Date of issue of the source document' }) issued!: string;
  @ApiProperty({ enum: TARGET_GROUPS, isArray: true, enumName: 'TargetGroup', description: 'Target groups it is written for' })
  targetGroups!: TargetGroup[];
  @ApiProperty({ type: FrameworkCountsDto }) counts!: FrameworkCountsDto;
}

export class FrameworkListDto {
  @ApiProperty({ type: [FrameworkSummaryDto], description: 'Every version of every framework the platform knows' })
  items!: FrameworkSummaryDto[];
}

export class FrameworkSourceDto {
  @ApiProperty({ type: LocalizedTextDto }) title!: LocalizedTextDto;
  @ApiProperty({ type: LocalizedTextDto }) issuer!: LocalizedTextDto;
  @ApiProperty({ example: '757/QĐ-BKHCN' }) reference!: string;
  @ApiProperty({ example: '2025-04-29' }) issued!: string;
  @ApiPropertyOptional({ example: '2025-03-11' }) effective?: string;
  @ApiPropertyOptional() url?: string;
  @ApiPropertyOptional({ example: 'CC BY 4.0' }) licence?: string;
}

export class ProficiencyLevelDto {
  @ApiProperty({ example: 2 }) level!: number;
  @ApiProperty({ example: 'L2', description: 'The source\'s own code of the level' }) code!: string;
  @ApiProperty({ type: LocalizedTextDto }) name!: LocalizedTextDto;
  @ApiPropertyOptional({ type: LocalizedTextDto, description: 'Wider band the level belongs to (e.g. DigComp "Foundation")' })
  band?: LocalizedTextDto;
  @ApiPropertyOptional({ type: LocalizedTextDto }) description?: LocalizedTextDto;
}

export class CompetencyDto {
  @ApiProperty({ example: '4.2' }) code!: string;
  @ApiProperty({ example: 'vn-757-2025:4.2', description: 'How mappings, profiles and evidence name it' }) ref!: string;
  @ApiProperty({ type: LocalizedTextDto }) name!: LocalizedTextDto;
  @ApiPropertyOptional({ type: LocalizedTextDto }) description?: LocalizedTextDto;
  @ApiProperty({ ...verification, description: 'Its own, else the framework\'s' }) verification!: Verification;
}

export class AreaDto {
  @ApiProperty({ example: '4' }) code!: string;
  @ApiProperty({ type: LocalizedTextDto }) name!: LocalizedTextDto;
  @ApiPropertyOptional({ type: LocalizedTextDto }) description?: LocalizedTextDto;
  @ApiProperty({ ...verification, description: 'Its own, else the framework\'s' }) verification!: Verification;
  @ApiProperty({ type: [CompetencyDto] }) competencies!: CompetencyDto[];
}

export class FrameworkDto extends FrameworkSummaryDto {
  @ApiProperty({ type: FrameworkSourceDto }) source!: FrameworkSourceDto;
  @ApiProperty({ type: [ProficiencyLevelDto], description: 'The proficiency scale, level 1 first' }) levels!: ProficiencyLevelDto[];
  @ApiProperty({ type: [AreaDto] }) areas!: AreaDto[];
  @ApiProperty({ type: [String], description: 'What is known, unknown and assumed about this data (English, for maintainers)' })
  notes!: string[];
}
