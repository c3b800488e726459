import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { TARGET_GROUPS, type TargetGroup } from '../../catalog/course-version.entity';
import { LocalizedTextDto, VERIFICATIONS } from './localized-text.dto';
import type { Verification } from '@hocso/curriculum';

export class CourseCoverageQuery {
  @ApiProperty({ enum: TARGET_GROUPS, enumName: 'TargetGroup', description: 'Whose required profile to measure the course against' })
  @IsIn(TARGET_GROUPS, { message: `targetGroup must be one of: ${TARGET_GROUPS.join(', ')}` })
  targetGroup!: TargetGroup;
}

export class CoverageCourseDto {
  @ApiProperty({ example: 'nhan-biet-lua-dao-truc-tuyen' }) slug!: string;
  @ApiProperty({ example: 1, description: 'The newest published version, whose lessons are counted' }) versionNumber!: number;
}

export class FrameworkPinRefDto {
  @ApiProperty({ example: 'vn-757-2025' }) id!: string;
  @ApiProperty({ example: '1.0.0' }) version!: string;
}

export class CoverageProfileDto {
  @ApiProperty({ example: 'vn-757-2025/citizens' }) id!: string;
  @ApiProperty({ example: '1.0.0' }) version!: string;
  @ApiProperty({ type: FrameworkPinRefDto }) framework!: FrameworkPinRefDto;
  @ApiProperty({ enum: VERIFICATIONS, enumName: 'Verification' }) verification!: Verification;
}

export class CoverageSourceDto {
  @ApiProperty({ format: 'uuid' }) lessonId!: string;
  @ApiProperty() lessonTitle!: string;
  @ApiProperty({ enum: ['teaches', 'assesses'] }) role!: 'teaches' | 'assesses';
  @ApiProperty({ example: 2, description: 'Level in the profile\'s framework (after the crosswalk)' }) level!: number;
}

export class RequirementCoverageDto {
  @ApiProperty({ example: 'vn-757-2025:4.2' }) competency!: string;
  @ApiProperty({ type: LocalizedTextDto, description: 'Name of the competency, from the framework' }) name!: LocalizedTextDto;
  @ApiProperty({ example: 2 }) required!: number;
  @ApiProperty({ example: 2, description: 'Highest level taught (0 = none)' }) taughtLevel!: number;
  @ApiProperty({ example: 0, description: 'Highest level assessed (0 = none)' }) assessedLevel!: number;
  @ApiProperty({ enum: ['assessed', 'taught', 'missing'], enumName: 'CoverageStatus' }) status!: 'assessed' | 'taught' | 'missing';
  @ApiPropertyOptional({ enum: ['not-assessed', 'covered-below-level', 'not-mapped'] })
  reason?: 'not-assessed' | 'covered-below-level' | 'not-mapped';
  @ApiProperty({ type: LocalizedTextDto, description: 'The explanation, ready to show' }) text!: LocalizedTextDto;
  @ApiProperty({ type: [CoverageSourceDto] }) sources!: CoverageSourceDto[];
}

export class UntranslatedContentDto {
  @ApiProperty({ format: 'uuid' }) lessonId!: string;
  @ApiProperty() lessonTitle!: string;
  @ApiProperty({ enum: ['teaches', 'assesses'] }) role!: 'teaches' | 'assesses';
  @ApiProperty({ example: 'vn-moet-learners-2025:6.1' }) competency!: string;
  @ApiProperty({ example: 2 }) level!: number;
  @ApiProperty({ enum: ['no-crosswalk', 'no-equivalent', 'no-level-equivalent'] }) reason!: 'no-crosswalk' | 'no-equivalent' | 'no-level-equivalent';
  @ApiProperty({ type: LocalizedTextDto }) text!: LocalizedTextDto;
}

/** How far a course covers a target group's required profile (through crosswalks where needed). */
export class CourseCoverageDto {
  @ApiProperty({ type: CoverageCourseDto }) course!: CoverageCourseDto;
  @ApiProperty({ enum: TARGET_GROUPS, enumName: 'TargetGroup' }) targetGroup!: TargetGroup;
  @ApiProperty({ type: CoverageProfileDto }) profile!: CoverageProfileDto;
  @ApiProperty({ description: 'Every requirement is both taught and assessed at its level' }) complete!: boolean;
  @ApiProperty({ type: [RequirementCoverageDto] }) requirements!: RequirementCoverageDto[];
  @ApiProperty({ type: [String], description: 'Requirements taught at their level' }) taught!: string[];
  @ApiProperty({ type: [String], description: 'Requirements assessed at their level' }) assessed!: string[];
  @ApiProperty({ type: [String], description: 'Requirements neither taught nor assessed at their level' }) missing!: string[];
  @ApiProperty({ type: [UntranslatedContentDto], description: 'Mapped content that does not count toward this profile, and why' })
  untranslated!: UntranslatedContentDto[];
}
