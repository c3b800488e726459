import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ErrorResponseDto } from '../../common/error-response.dto';
import { Authenticated, CurrentUser, type AuthUser } from '../identity/auth-user';
import { EnrolmentDto } from './dto/enrolment.dto';
import { LearnPathDto } from './dto/learn.dto';
import { LanguageQuery } from './dto/learning.query';
import { MyLearningDto } from './dto/my-learning.dto';
import { ProgressEventsRequestDto, ProgressEventsResultDto } from './dto/progress-events.dto';
import { LearningService } from './learning.service';
import { parseProgressEvents } from './progress-events.validate';

@ApiTags('learning')
@Controller('v1')
@Authenticated()
@ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Not signed in' })
export class LearningController {
  constructor(private readonly learning: LearningService) {}

  @Post('courses/:slug/enrolment')
  @ApiOperation({ operationId: 'enrolInCourse', summary: 'Enrol in one tap, pinned to the newest published version (201; 200 when already enrolled)' })
  @ApiCreatedResponse({ type: EnrolmentDto, description: 'Enrolled now' })
  @ApiOkResponse({ type: EnrolmentDto, description: 'Already enrolled (nothing changed)' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No published course with this slug' })
  async enrol(@CurrentUser() user: AuthUser, @Param('slug') slug: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<EnrolmentDto> {
    const { created, enrolment } = await this.learning.enrol(user, slug);
    void reply.status(created ? 201 : 200);
    return enrolment;
  }

  @Post('courses/:slug/enrolment/upgrade')
  @HttpCode(200)
  @ApiOperation({ operationId: 'upgradeEnrolment', summary: 'Move to the newest published version; progress carries over by lesson' })
  @ApiOkResponse({ type: EnrolmentDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Not enrolled in this course' })
  upgrade(@CurrentUser() user: AuthUser, @Param('slug') slug: string): Promise<EnrolmentDto> {
    return this.learning.upgrade(user, slug);
  }

  @Get('courses/:slug/learn')
  @ApiOperation({ operationId: 'getLearningPath', summary: 'The pinned version’s lessons with the caller’s state on each, media for the player, and the next lesson' })
  @ApiOkResponse({ type: LearnPathDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Not enrolled in this course' })
  learn(@CurrentUser() user: AuthUser, @Param('slug') slug: string, @Query() query: LanguageQuery): Promise<LearnPathDto> {
    return this.learning.learnPath(user, slug, query.lang);
  }

  @Post('progress/events')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'recordProgressEvents',
    summary: 'Record a batch of progress events (idempotent by event id; late or repeated events never move progress back)',
  })
  @ApiOkResponse({ type: ProgressEventsResultDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'An event is invalid (type for the lesson kind, interval beyond the video, too many events…)' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Not enrolled in the course of a lesson' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such lesson' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'A lesson is not in the version the caller follows (reload the course)' })
  @ApiBody({ type: ProgressEventsRequestDto })
  record(@CurrentUser() user: AuthUser, @Body() body: Record<string, unknown>): Promise<ProgressEventsResultDto> {
    // Checked by hand (same rules and error shape as the DTO, much less CPU): the global pipe skips plain objects.
    return this.learning.recordEvents(user, parseProgressEvents(body));
  }

  @Get('me/learning')
  @ApiOperation({ operationId: 'getMyLearning', summary: 'The learner’s dashboard: courses in progress and completed, competencies, certificates, time spent' })
  @ApiOkResponse({ type: MyLearningDto })
  myLearning(@CurrentUser() user: AuthUser, @Query() query: LanguageQuery): Promise<MyLearningDto> {
    return this.learning.myLearning(user, query.lang);
  }
}
