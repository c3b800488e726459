import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CompetencyTargetDto, FrameworkPinDto } from '../../competencies/dto/course-mapping.dto';
import {
  COURSE_LEVELS,
  COURSE_VERSION_STATUSES,
  TARGET_GROUPS,
  type CourseLevel,
  type CourseVersionStatus,
  type TargetGroup,
} from '../../catalog/course-version.entity';
import { SUPPORTED_LANGUAGES, type SupportedLanguage } from '../../catalog/dto/list-courses.query';
import { LESSON_KINDS, type LessonKind } from '../../catalog/lesson.entity';
import { REVIEW_COMMENT_KINDS, type ReviewCommentKind } from '../review-comment.entity';

const MAX_BODY = 200_000;

// ---------------------------------------------------------------------------------------------
// Inputs

export class CreateCourseDto {
  @ApiProperty({ example: 'Dùng điện thoại thông minh an toàn' })
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: 'Những điều cơ bản để dùng điện thoại an toàn.' })
  @IsString()
  @MaxLength(2000)
  summary!: string;

  @ApiProperty({ enum: SUPPORTED_LANGUAGES, description: 'The language the course is written in' })
  @IsIn(SUPPORTED_LANGUAGES, { message: `language must be one of: ${SUPPORTED_LANGUAGES.join(', ')}` })
  language!: SupportedLanguage;

  @ApiProperty({ enum: TARGET_GROUPS, enumName: 'TargetGroup', isArray: true })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(20)
  @IsIn(TARGET_GROUPS, { each: true, message: `each target group must be one of: ${TARGET_GROUPS.join(', ')}` })
  targetGroups!: TargetGroup[];

  @ApiProperty({ enum: COURSE_LEVELS, enumName: 'CourseLevel' })
  @IsIn(COURSE_LEVELS, { message: `level must be one of: ${COURSE_LEVELS.join(', ')}` })
  level!: CourseLevel;

  @ApiProperty({ example: 45, minimum: 1, maximum: 6000 })
  @IsInt()
  @Min(1)
  @Max(6000)
  estimatedMinutes!: number;

  @ApiPropertyOptional({ default: false, description: 'Learners must finish lessons in order' })
  @IsOptional()
  @IsBoolean()
  sequential?: boolean;
}

export class UpdateVersionDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty({ message: 'title must not be empty' }) @MaxLength(200) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) summary?: string;

  @ApiPropertyOptional({ enum: SUPPORTED_LANGUAGES })
  @IsOptional()
  @IsIn(SUPPORTED_LANGUAGES, { message: `language must be one of: ${SUPPORTED_LANGUAGES.join(', ')}` })
  language?: SupportedLanguage;

  @ApiPropertyOptional({ enum: TARGET_GROUPS, enumName: 'TargetGroup', isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(20)
  @IsIn(TARGET_GROUPS, { each: true, message: `each target group must be one of: ${TARGET_GROUPS.join(', ')}` })
  targetGroups?: TargetGroup[];

  @ApiPropertyOptional({ enum: COURSE_LEVELS, enumName: 'CourseLevel' })
  @IsOptional()
  @IsIn(COURSE_LEVELS, { message: `level must be one of: ${COURSE_LEVELS.join(', ')}` })
  level?: CourseLevel;

  @ApiPropertyOptional({ minimum: 1, maximum: 6000 }) @IsOptional() @IsInt() @Min(1) @Max(6000) estimatedMinutes?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() sequential?: boolean;
}

export class CreateModuleDto {
  @ApiProperty({ example: 'Bắt đầu' })
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(200)
  title!: string;
}

export class UpdateModuleDto extends CreateModuleDto {}

export class CreateLessonDto {
  @ApiProperty({ enum: LESSON_KINDS, enumName: 'LessonKind' })
  @IsIn(LESSON_KINDS, { message: `kind must be one of: ${LESSON_KINDS.join(', ')}` })
  kind!: LessonKind;

  @ApiProperty({ example: 'Mật khẩu mạnh' })
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({ description: 'HTML; stored sanitised (an allowlist of text elements)' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_BODY)
  body?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 600, default: 5 }) @IsOptional() @IsInt() @Min(1) @Max(600) estimatedMinutes?: number;
}

export class UpdateLessonDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty({ message: 'title must not be empty' }) @MaxLength(200) title?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'HTML; stored sanitised (an allowlist of text elements)' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(MAX_BODY)
  body?: string | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 600 }) @IsOptional() @IsInt() @Min(1) @Max(600) estimatedMinutes?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, description: 'Video: the share of distinct seconds watched that completes it' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  completionPercent?: number;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Video lessons: the media asset (from POST /api/v1/media/uploads); null unlinks' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID('all', { message: 'mediaAssetId must be a UUID' })
  mediaAssetId?: string | null;
}

export class ModuleOrderDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') id!: string;

  @ApiProperty({ type: [String], description: 'Ids of the module\'s lessons in their new order (lessons may move between modules)' })
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  lessons!: string[];
}

export class ReorderDto {
  @ApiProperty({ type: [ModuleOrderDto], description: 'Every module of the version, in the new order, each with every lesson it is to hold' })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ModuleOrderDto)
  modules!: ModuleOrderDto[];
}

export class LessonCompetenciesDto {
  @ApiPropertyOptional({ type: [FrameworkPinDto], description: 'Framework versions the codes refer to (default: the current ones)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => FrameworkPinDto)
  frameworks?: FrameworkPinDto[];

  @ApiProperty({ type: [CompetencyTargetDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CompetencyTargetDto)
  competencies!: CompetencyTargetDto[];
}

export class ModuleTranslationDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') id!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) title?: string;
}

export class LessonTranslationDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all') id!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) title?: string;
  @ApiPropertyOptional({ description: 'HTML; stored sanitised' }) @IsOptional() @IsString() @MaxLength(MAX_BODY) body?: string;
}

export class VersionTranslationDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) summary?: string;

  @ApiPropertyOptional({ type: [ModuleTranslationDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ModuleTranslationDto)
  modules?: ModuleTranslationDto[];

  @ApiPropertyOptional({ type: [LessonTranslationDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => LessonTranslationDto)
  lessons?: LessonTranslationDto[];
}

export class TranslationLanguageParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'versionId must be a UUID' })
  versionId!: string;

  @ApiProperty({ enum: SUPPORTED_LANGUAGES })
  @IsIn(SUPPORTED_LANGUAGES, { message: `language must be one of: ${SUPPORTED_LANGUAGES.join(', ')}` })
  language!: SupportedLanguage;
}

export class LanguageQuery {
  @ApiPropertyOptional({ enum: SUPPORTED_LANGUAGES, description: 'Language to show the texts in (fallback: the course language)' })
  @IsOptional()
  @IsIn(SUPPORTED_LANGUAGES, { message: `lang must be one of: ${SUPPORTED_LANGUAGES.join(', ')}` })
  lang?: SupportedLanguage;
}

export class ChangelogQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'The older version (default: the version this one was copied from)' })
  @IsOptional()
  @IsUUID('all')
  from?: string;
}

export class CommentDto {
  @ApiProperty({ example: 'Bài 2 cần thêm ví dụ.' })
  @IsString()
  @IsNotEmpty({ message: 'body must not be empty' })
  @MaxLength(5000)
  body!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The comment this one answers' })
  @IsOptional()
  @IsUUID('all')
  parentId?: string;
}

export class RejectDto {
  @ApiProperty({ description: 'What the author must change (shown to them)' })
  @IsString()
  @IsNotEmpty({ message: 'comment must not be empty: say what the author should change' })
  @MaxLength(5000)
  comment!: string;
}

export class ApproveDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  comment?: string;
}

export class AddAuthorDto {
  @ApiProperty({ format: 'uuid', description: 'A user holding the author role' })
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId!: string;
}

// ---------------------------------------------------------------------------------------------
// Outputs

export class CourseAuthorDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() displayName!: string;
}

export class CourseAuthorListDto {
  @ApiProperty({ type: [CourseAuthorDto] }) items!: CourseAuthorDto[];
}

const TRANSLATIONS_SCHEMA = {
  type: 'object',
  additionalProperties: { type: 'object', additionalProperties: { type: 'string' } },
  example: { en: { title: 'Using a smartphone safely' } },
} as const;

export class MappedCompetencyDto {
  @ApiProperty({ example: 'digcomp-2.2:4.2' }) competencyRef!: string;
  @ApiProperty() level!: number;
  @ApiProperty({ example: '2.2.0' }) frameworkVersion!: string;
}

export class StudioLessonDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) lessonKey!: string;
  @ApiProperty() position!: number;
  @ApiProperty({ enum: LESSON_KINDS, enumName: 'LessonKind' }) kind!: LessonKind;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) body!: string | null;
  @ApiProperty() estimatedMinutes!: number;
  @ApiProperty() completionPercent!: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) mediaAssetId!: string | null;
  @ApiProperty(TRANSLATIONS_SCHEMA) translations!: Record<string, { title?: string; body?: string }>;
  @ApiProperty({ type: [MappedCompetencyDto] }) competencies!: MappedCompetencyDto[];
}

export class StudioModuleDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) moduleKey!: string;
  @ApiProperty() position!: number;
  @ApiProperty() title!: string;
  @ApiProperty(TRANSLATIONS_SCHEMA) translations!: Record<string, { title?: string }>;
  @ApiProperty({ type: [StudioLessonDto] }) lessons!: StudioLessonDto[];
}

export class VersionSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() versionNumber!: number;
  @ApiProperty({ enum: COURSE_VERSION_STATUSES, enumName: 'CourseVersionStatus' }) status!: CourseVersionStatus;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt!: string | null;
}

export class StudioVersionDto extends VersionSummaryDto {
  @ApiProperty({ format: 'uuid' }) courseId!: string;
  @ApiProperty() slug!: string;
  @ApiProperty({ example: 'vi' }) language!: string;
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty(TRANSLATIONS_SCHEMA) translations!: Record<string, { title?: string; summary?: string }>;
  @ApiProperty({ enum: TARGET_GROUPS, enumName: 'TargetGroup', isArray: true }) targetGroups!: TargetGroup[];
  @ApiProperty({ enum: COURSE_LEVELS, enumName: 'CourseLevel' }) level!: CourseLevel;
  @ApiProperty() estimatedMinutes!: number;
  @ApiProperty() sequential!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'URL of the cover image' }) coverImageUrl!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentVersionId!: string | null;
  @ApiProperty({ description: 'Whether the caller may change it (a draft)' }) editable!: boolean;
  @ApiProperty({ type: [StudioModuleDto] }) modules!: StudioModuleDto[];
}

export class StudioCourseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() slug!: string;
  @ApiProperty({ description: 'Title of the newest version' }) title!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: [VersionSummaryDto], description: 'Newest first' }) versions!: VersionSummaryDto[];
}

export class StudioCourseListDto {
  @ApiProperty({ type: [StudioCourseDto] }) items!: StudioCourseDto[];
}

export class ReviewCommentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId!: string | null;
  @ApiProperty({ enum: REVIEW_COMMENT_KINDS, enumName: 'ReviewCommentKind' }) kind!: ReviewCommentKind;
  @ApiProperty() body!: string;
  @ApiProperty({ type: String, nullable: true }) authorName!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) authorId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ReviewCommentListDto {
  @ApiProperty({ type: [ReviewCommentDto], description: 'Oldest first; replies name their parent' }) items!: ReviewCommentDto[];
}

export class ChangedItemDto {
  @ApiProperty({ format: 'uuid', description: 'module_key or lesson_key' }) key!: string;
  @ApiProperty() title!: string;
  @ApiPropertyOptional({ format: 'uuid' }) moduleKey?: string;
  @ApiPropertyOptional({ type: [String], example: ['title', 'body'] }) fields?: string[];
}

export class ChangeSetDto {
  @ApiProperty({ type: [ChangedItemDto] }) added!: ChangedItemDto[];
  @ApiProperty({ type: [ChangedItemDto] }) removed!: ChangedItemDto[];
  @ApiProperty({ type: [ChangedItemDto] }) changed!: ChangedItemDto[];
}

export class ChangelogDto {
  @ApiProperty() fromVersion!: number;
  @ApiProperty() toVersion!: number;
  @ApiProperty({ type: [String], example: ['summary'] }) courseFields!: string[];
  @ApiProperty({ type: ChangeSetDto }) modules!: ChangeSetDto;
  @ApiProperty({ type: ChangeSetDto }) lessons!: ChangeSetDto;
}

export class ReviewQueueItemDto {
  @ApiProperty({ format: 'uuid' }) versionId!: string;
  @ApiProperty({ format: 'uuid' }) courseId!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() title!: string;
  @ApiProperty() versionNumber!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt!: string | null;
  @ApiProperty({ type: [String] }) authors!: string[];
}

export class ReviewQueueDto {
  @ApiProperty({ type: [ReviewQueueItemDto] }) items!: ReviewQueueItemDto[];
}

export class PreviewLessonDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: LESSON_KINDS, enumName: 'LessonKind' }) kind!: LessonKind;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) body!: string | null;
  @ApiProperty() estimatedMinutes!: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) mediaAssetId!: string | null;
}

export class PreviewModuleDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [PreviewLessonDto] }) lessons!: PreviewLessonDto[];
}

export class PreviewDto {
  @ApiProperty({ format: 'uuid' }) versionId!: string;
  @ApiProperty({ description: 'The language the texts are in (the wanted one, or the course language as fallback)' }) language!: string;
  @ApiProperty({ type: [String] }) languages!: string[];
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ type: String, nullable: true }) coverImageUrl!: string | null;
  @ApiProperty() estimatedMinutes!: number;
  @ApiProperty() sequential!: boolean;
  @ApiProperty({ type: [PreviewModuleDto] }) modules!: PreviewModuleDto[];
}
