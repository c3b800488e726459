import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ErrorResponseDto } from '../../common/error-response.dto';
import { CurrentUser, RequireRoles, type AuthUser } from '../identity/auth-user';
import {
  ApproveDto,
  ChangelogDto,
  ChangelogQuery,
  CommentDto,
  RejectDto,
  ReviewCommentDto,
  ReviewCommentListDto,
  ReviewQueueDto,
  StudioVersionDto,
} from './dto/studio.dto';
import { VersionsService } from './versions.service';

/** Review of submitted course versions, for reviewers (and administrators). */
@ApiTags('reviews')
@RequireRoles('reviewer', 'administrator')
@ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Not signed in' })
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Not a reviewer' })
@Controller('v1/reviews')
export class ReviewsController {
  constructor(private readonly versions: VersionsService) {}

  @Get()
  @ApiOperation({ operationId: 'reviewQueue', summary: 'Versions waiting for review, oldest submission first' })
  @ApiOkResponse({ type: ReviewQueueDto })
  queue(): Promise<ReviewQueueDto> {
    return this.versions.queue();
  }

  @Get(':versionId')
  @ApiOperation({ operationId: 'reviewGetVersion', summary: 'A version to review, with modules, lessons, mappings and translations' })
  @ApiOkResponse({ type: StudioVersionDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@Param('versionId', ParseUUIDPipe) versionId: string): Promise<StudioVersionDto> {
    return this.versions.reviewVersion(versionId);
  }

  @Get(':versionId/changelog')
  @ApiOperation({ operationId: 'reviewChangelog', summary: 'What changed since the version this one was copied from (or `from`)' })
  @ApiOkResponse({ type: ChangelogDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  changelog(@Param('versionId', ParseUUIDPipe) versionId: string, @Query() query: ChangelogQuery): Promise<ChangelogDto> {
    return this.versions.reviewChangelog(versionId, query.from);
  }

  @Get(':versionId/comments')
  @ApiOperation({ operationId: 'reviewListComments', summary: 'The review conversation of a version (threaded)' })
  @ApiOkResponse({ type: ReviewCommentListDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  comments(@Param('versionId', ParseUUIDPipe) versionId: string): Promise<ReviewCommentListDto> {
    return this.versions.reviewComments(versionId);
  }

  @Post(':versionId/comments')
  @ApiOperation({ operationId: 'reviewAddComment', summary: 'Comments on a version (a reply names its parent)' })
  @ApiCreatedResponse({ type: ReviewCommentDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  comment(@CurrentUser() user: AuthUser, @Param('versionId', ParseUUIDPipe) versionId: string, @Body() body: CommentDto): Promise<ReviewCommentDto> {
    return this.versions.reviewComment(user, versionId, body);
  }

  @Post(':versionId/approve')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'reviewApprove', summary: 'Publishes a version in review (audited: course.approve); the catalog then shows it' })
  @ApiOkResponse({ type: StudioVersionDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'You are an author of the course' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The version is not in review' })
  approve(@CurrentUser() user: AuthUser, @Param('versionId', ParseUUIDPipe) versionId: string, @Body() body: ApproveDto, @Req() request: FastifyRequest): Promise<StudioVersionDto> {
    return this.versions.approve(user, versionId, body.comment, String(request.id));
  }

  @Post(':versionId/reject')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'reviewReject', summary: 'Sends a version back to its authors as a draft, with what to change (audited: course.reject)' })
  @ApiOkResponse({ type: StudioVersionDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'No comment' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'You are an author of the course' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The version is not in review' })
  reject(@CurrentUser() user: AuthUser, @Param('versionId', ParseUUIDPipe) versionId: string, @Body() body: RejectDto, @Req() request: FastifyRequest): Promise<StudioVersionDto> {
    return this.versions.reject(user, versionId, body.comment, String(request.id));
  }
}
