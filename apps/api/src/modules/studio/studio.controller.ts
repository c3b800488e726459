import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Put, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ErrorResponseDto } from '../../common/error-response.dto';
import { CourseCoverageDto, CourseCoverageQuery } from '../competencies/dto/course-coverage.dto';
import { CurrentUser, RequireRoles, type AuthUser } from '../identity/auth-user';
import {
  AddAuthorDto,
  ApproveDto,
  ChangelogDto,
  ChangelogQuery,
  CommentDto,
  CourseAuthorListDto,
  CreateCourseDto,
  CreateLessonDto,
  CreateModuleDto,
  LanguageQuery,
  LessonCompetenciesDto,
  PreviewDto,
  ReorderDto,
  ReviewCommentDto,
  ReviewCommentListDto,
  StudioCourseDto,
  StudioCourseListDto,
  StudioVersionDto,
  TranslationLanguageParam,
  UpdateLessonDto,
  UpdateModuleDto,
  UpdateVersionDto,
  VersionTranslationDto,
} from './dto/studio.dto';
import { StudioService } from './studio.service';
import { VersionsService } from './versions.service';

const NOT_YOURS = 'No such course, version, module or lesson among your courses (the same answer for other authors\' courses)';
const NOT_DRAFT = 'The version is published (immutable), archived or in review: start a new draft, or withdraw it from review';

/**
 * The authoring studio, for authors (their own and co-authored courses) and administrators (all
 * courses). Only drafts change; every change answers the whole version, as the editor shows it.
 */
@ApiTags('studio')
@RequireRoles('author', 'administrator')
@ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Not signed in' })
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Not an author' })
@Controller('v1/studio')
export class StudioController {
  constructor(
    private readonly studio: StudioService,
    private readonly versions: VersionsService,
  ) {}

  @Get('courses')
  @ApiOperation({ operationId: 'studioListCourses', summary: 'Your courses (created or co-authored), newest first, with their versions' })
  @ApiOkResponse({ type: StudioCourseListDto })
  list(@CurrentUser() user: AuthUser): Promise<StudioCourseListDto> {
    return this.studio.listCourses(user);
  }

  @Post('courses')
  @ApiOperation({ operationId: 'studioCreateCourse', summary: 'Creates a course with its first version, a draft' })
  @ApiCreatedResponse({ type: StudioVersionDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateCourseDto): Promise<StudioVersionDto> {
    return this.studio.createCourse(user, body);
  }

  @Get('courses/:courseId')
  @ApiOperation({ operationId: 'studioGetCourse', summary: 'One of your courses with its versions (newest first)' })
  @ApiOkResponse({ type: StudioCourseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_YOURS })
  getCourse(@CurrentUser() user: AuthUser, @Param('courseId', ParseUUIDPipe) courseId: string): Promise<StudioCourseDto> {
    return this.studio.getCourse(user, courseId);
  }

  @Delete('courses/:courseId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'studioDeleteCourse', summary: 'Deletes a course that was never published' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_YOURS })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The course has been published' })
  async deleteCourse(@CurrentUser() user: AuthUser, @Param('courseId', ParseUUIDPipe) courseId: string): Promise<void> {
    await this.studio.deleteCourse(user, courseId);
  }

  @Get('courses/:courseId/authors')
  @ApiOperation({ operationId: 'studioListAuthors', summary: 'The authors of a course (creator and co-authors)' })
  @ApiOkResponse({ type: CourseAuthorListDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_YOURS })
  authors(@CurrentUser() user: AuthUser, @Param('courseId', ParseUUIDPipe) courseId: string): Promise<CourseAuthorListDto> {
    return this.studio.authors(user, courseId);
  }

  @Post('courses/:courseId/authors')
  @ApiOperation({ operationId: 'studioAddAuthor', summary: 'Adds a co-author (a user with the author role)' })
  @ApiCreatedResponse({ type: CourseAuthorListDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'The user does not hold the author role' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_YOURS })
  addAuthor(@CurrentUser() user: AuthUser, @Param('courseId', ParseUUIDPipe) courseId: string, @Body() body: AddAuthorDto): Promise<CourseAuthorListDto> {
    return this.studio.addAuthor(user, courseId, body.userId);
  }

  @Post('courses/:courseId/drafts')
  @ApiOperation({
    operationId: 'studioStartDraft',
    summary: 'Starts a new draft copying the newest published version (modules, lessons, mappings, translations, media; keys kept)',
  })
  @ApiCreatedResponse({ type: StudioVersionDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_YOURS })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'A draft or a version in review exists already, or nothing is published yet' })
  startDraft(@CurrentUser() user: AuthUser, @Param('courseId', ParseUUIDPipe) courseId: string, @Req() request: FastifyRequest): Promise<StudioVersionDto> {
    return this.versions.newDraft(user, courseId, String(request.id));
  }

  @Get('versions/:versionId')
  @ApiOperation({ operationId: 'studioGetVersion', summary: 'A version with its modules, lessons, mappings and translations' })
  @ApiOkResponse({ type: StudioVersionDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_YOURS })
  getVersion(@CurrentUser() user: AuthUser, @Param('versionId', ParseUUIDPipe) versionId: string): Promise<StudioVersionDto> {
    return this.studio.getVersion(user, versionId);
  }

  @Patch('versions/:versionId')
  @ApiOperation({ operationId: 'studioUpdateVersion', summary: 'Changes the details of a draft (title, summary, language, target groups, level, time, order)' })
  @ApiOkResponse({ type: StudioVersionDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_YOURS })
  @ApiConflictResponse({ type: ErrorResponseDto, description: NOT_DRAFT })
  updateVersion(@CurrentUser() user: AuthUser, @Param('versionId', ParseUUIDPipe) versionId: string, @Body() body: UpdateVersionDto): Promise<StudioVersionDto> {
    return this.studio.updateVersion(user, versionId, body);
  }

  @Delete('versions/:versionId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'studioDeleteDraft', summary: 'Discards a draft (not a course\'s only version: delete the course instead)' })
  @ApiNoContentResponse({ description: 'Discarded' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_YOURS })
  @ApiConflictResponse({ type: ErrorResponseDto, description: NOT_DRAFT })
  async deleteDraft(@CurrentUser() user: AuthUser, @Param('versionId', ParseUUIDPipe) versionId: string): Promise<void> {
    await this.studio.deleteDraft(user, versionId);
  }

  @Put('versions/:versionId/cover')
  @ApiOperation({ operationId: 'studioSetCover', summary: 'Sets the cover image: PNG, JPEG or WebP (checked by content), at most 2 MB' })
  @ApiConsumes('image/png', 'image/jpeg', 'image/webp')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: StudioVersionDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_YOURS })
  @ApiConflictResponse({ type: ErrorResponseDto, description: NOT_DRAFT })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto, description: 'Larger than 2 MB' })
  @ApiUnsupportedMediaTypeResponse({ type: ErrorResponseDto, description: 'Not a PNG, JPEG or WebP image' })
  setCover(@CurrentUser() user: AuthUser, @Param('versionId', ParseUUIDPipe) versionId: string, @Body() body: unknown): Promise<StudioVersionDto> {
    return this.studio.setCover(user, versionId, body);
  }

  @Put('versions/:versionId/order')
  @ApiOperation({ operationId: 'studioReorder', summary: 'Applies a complete new order of modules and lessons (lessons may move between modules)' })
  @ApiOkResponse({ type: StudioVersionDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'The order does not list every module and lesson exactly once' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_YOURS })
  @ApiConflictResponse({ type: ErrorResponseDto, description: NOT_DRAFT })
  reorder(@CurrentUser() user: AuthUser, @Param('versionId', ParseUUIDPipe) versionId: string, @Body() body: ReorderDto): Promise<StudioVersionDto> {
    return this.studio.reorder(user, versionId, body);
  }

  @Put('versions/:versionId/translations/:language')
  @ApiOperation({ operationId: 'studioSetTranslation', summary: 'Saves the texts of one other language (course, modules, lessons; bodies sanitised)' })
  @ApiOkResponse({ type: StudioVersionDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_YOURS })
  @ApiConflictResponse({ type: ErrorResponseDto, description: NOT_DRAFT })
  setTranslation(@CurrentUser() user: AuthUser, @Param() params: TranslationLanguageParam, @Body() body: VersionTranslationDto): Promise<StudioVersionDto> {
    return this.studio.setTranslation(user, params.versionId, params.language, body);
  }

  @Get('versions/:versionId/preview')
  @ApiOperation({ operationId: 'studioPreview', summary: 'The version as a learner sees it, in a language (fallback: the course language)' })
  @ApiOkResponse({ type: PreviewDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_YOURS })
  preview(@CurrentUser() user: AuthUser, @Param('versionId', ParseUUIDPipe) versionId: string, @Query() query: LanguageQuery): Promise<PreviewDto> {
    return this.studio.preview(user, versionId, query.lang);
  }

  @Get('versions/:versionId/coverage')
  @ApiOperation({ operationId: 'studioCoverage', summary: 'How far this version (a draft too) covers the required profile of a target group' })
  @ApiOkResponse({ type: CourseCoverageDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_YOURS })
  coverage(@CurrentUser() user: AuthUser, @Param('versionId', ParseUUIDPipe) versionId: string, @Query() query: CourseCoverageQuery): Promise<CourseCoverageDto> {
    return this.studio.coverageOf(user, versionId, query.targetGroup);
  }

  @Get('versions/:versionId/changelog')
  @ApiOperation({ operationId: 'studioChangelog', summary: 'What changed since the version this one was copied from (or `from`)' })
  @ApiOkResponse({ type: ChangelogDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_YOURS })
  changelog(@CurrentUser() user: AuthUser, @Param('versionId', ParseUUIDPipe) versionId: string, @Query() query: ChangelogQuery): Promise<ChangelogDto> {
    return this.versions.authorChangelog(user, versionId, query.from);
  }

  @Post('versions/:versionId/submit')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'studioSubmit', summary: 'Submits a draft for review (audited: course.submit)' })
  @ApiOkResponse({ type: StudioVersionDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'The version has no lesson' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_YOURS })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Not a draft' })
  submit(@CurrentUser() user: AuthUser, @Param('versionId', ParseUUIDPipe) versionId: string, @Body() body: ApproveDto, @Req() request: FastifyRequest): Promise<StudioVersionDto> {
    return this.versions.submit(user, versionId, body.comment, String(request.id));
  }

  @Post('versions/:versionId/withdraw')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'studioWithdraw', summary: 'Takes a version back from review, to change it' })
  @ApiOkResponse({ type: StudioVersionDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_YOURS })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Not in review' })
  withdraw(@CurrentUser() user: AuthUser, @Param('versionId', ParseUUIDPipe) versionId: string, @Req() request: FastifyRequest): Promise<StudioVersionDto> {
    return this.versions.withdraw(user, versionId, String(request.id));
  }

  @Get('versions/:versionId/comments')
  @ApiOperation({ operationId: 'studioListComments', summary: 'The review conversation of a version (threaded)' })
  @ApiOkResponse({ type: ReviewCommentListDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_YOURS })
  comments(@CurrentUser() user: AuthUser, @Param('versionId', ParseUUIDPipe) versionId: string): Promise<ReviewCommentListDto> {
    return this.versions.authorComments(user, versionId);
  }

  @Post('versions/:versionId/comments')
  @ApiOperation({ operationId: 'studioAddComment', summary: 'Answers in the review conversation' })
  @ApiCreatedResponse({ type: ReviewCommentDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_YOURS })
  comment(@CurrentUser() user: AuthUser, @Param('versionId', ParseUUIDPipe) versionId: string, @Body() body: CommentDto): Promise<ReviewCommentDto> {
    return this.versions.authorComment(user, versionId, body);
  }

  @Post('versions/:versionId/modules')
  @ApiOperation({ operationId: 'studioAddModule', summary: 'Adds a module at the end' })
  @ApiCreatedResponse({ type: StudioVersionDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_YOURS })
  @ApiConflictResponse({ type: ErrorResponseDto, description: NOT_DRAFT })
  addModule(@CurrentUser() user: AuthUser, @Param('versionId', ParseUUIDPipe) versionId: string, @Body() body: CreateModuleDto): Promise<StudioVersionDto> {
    return this.studio.addModule(user, versionId, body);
  }

  @Patch('modules/:moduleId')
  @ApiOperation({ operationId: 'studioUpdateModule', summary: 'Renames a module' })
  @ApiOkResponse({ type: StudioVersionDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_YOURS })
  @ApiConflictResponse({ type: ErrorResponseDto, description: NOT_DRAFT })
  updateModule(@CurrentUser() user: AuthUser, @Param('moduleId', ParseUUIDPipe) moduleId: string, @Body() body: UpdateModuleDto): Promise<StudioVersionDto> {
    return this.studio.updateModule(user, moduleId, body);
  }

  @Delete('modules/:moduleId')
  @ApiOperation({ operationId: 'studioDeleteModule', summary: 'Deletes a module and its lessons from a draft' })
  @ApiOkResponse({ type: StudioVersionDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_YOURS })
  @ApiConflictResponse({ type: ErrorResponseDto, description: NOT_DRAFT })
  deleteModule(@CurrentUser() user: AuthUser, @Param('moduleId', ParseUUIDPipe) moduleId: string): Promise<StudioVersionDto> {
    return this.studio.deleteModule(user, moduleId);
  }

  @Post('modules/:moduleId/lessons')
  @ApiOperation({ operationId: 'studioAddLesson', summary: 'Adds a lesson at the end of a module (body sanitised)' })
  @ApiCreatedResponse({ type: StudioVersionDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_YOURS })
  @ApiConflictResponse({ type: ErrorResponseDto, description: NOT_DRAFT })
  addLesson(@CurrentUser() user: AuthUser, @Param('moduleId', ParseUUIDPipe) moduleId: string, @Body() body: CreateLessonDto): Promise<StudioVersionDto> {
    return this.studio.addLesson(user, moduleId, body);
  }

  @Patch('lessons/:lessonId')
  @ApiOperation({ operationId: 'studioUpdateLesson', summary: 'Changes a lesson (body sanitised; mediaAssetId for video lessons)' })
  @ApiOkResponse({ type: StudioVersionDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_YOURS })
  @ApiConflictResponse({ type: ErrorResponseDto, description: NOT_DRAFT })
  updateLesson(@CurrentUser() user: AuthUser, @Param('lessonId', ParseUUIDPipe) lessonId: string, @Body() body: UpdateLessonDto): Promise<StudioVersionDto> {
    return this.studio.updateLesson(user, lessonId, body);
  }

  @Delete('lessons/:lessonId')
  @ApiOperation({ operationId: 'studioDeleteLesson', summary: 'Deletes a lesson from a draft' })
  @ApiOkResponse({ type: StudioVersionDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_YOURS })
  @ApiConflictResponse({ type: ErrorResponseDto, description: NOT_DRAFT })
  deleteLesson(@CurrentUser() user: AuthUser, @Param('lessonId', ParseUUIDPipe) lessonId: string): Promise<StudioVersionDto> {
    return this.studio.deleteLesson(user, lessonId);
  }

  @Put('lessons/:lessonId/competencies')
  @ApiOperation({ operationId: 'studioSetLessonCompetencies', summary: 'Replaces the competencies a lesson teaches (or, quiz/practice, assesses), checked by @hocso/curriculum' })
  @ApiOkResponse({ type: StudioVersionDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Unknown competency or level: each detail names the field' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_YOURS })
  @ApiConflictResponse({ type: ErrorResponseDto, description: NOT_DRAFT })
  setCompetencies(
    @CurrentUser() user: AuthUser,
    @Param('lessonId', ParseUUIDPipe) lessonId: string,
    @Body() body: LessonCompetenciesDto,
    @Query() query: LanguageQuery,
  ): Promise<StudioVersionDto> {
    return this.studio.setCompetencies(user, lessonId, body, query.lang ?? 'vi');
  }
}
