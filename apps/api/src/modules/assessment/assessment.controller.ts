import { Body, ConflictException, Controller, Delete, ForbiddenException, Get, HttpCode, HttpStatus, NotFoundException, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ErrorResponseDto } from '../../common/error-response.dto';
import { Authenticated, CurrentUser, RequireRoles, type AuthUser } from '../identity/auth-user';
import { AttemptsService } from './attempts.service';
import { AnswerDto, AttemptDto, LessonQuizDto, MasteryDto, ReviewInputDto, ReviewTaskListDto, SavedAnswerDto, StartAttemptDto } from './dto/attempt.dto';
import { AuthorItemDto, ItemInputDto, ItemListDto, ItemListQuery } from './dto/item.dto';
import { QuizDto, QuizInputDto, QuizListDto, QuizLessonListDto } from './dto/quiz.dto';
import { GradingService } from './grading.service';
import { ItemsService } from './items.service';
import { MasteryService } from './mastery.service';
import { QuizzesService } from './quizzes.service';
import { ReviewsService } from './reviews.service';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('Not found') });

/** Authors: the item bank and quiz blueprints. */
@ApiTags('assessment')
@Controller('v1/assessment')
export class AssessmentAuthoringController {
  constructor(
    private readonly items: ItemsService,
    private readonly quizzes: QuizzesService,
    private readonly reviews: ReviewsService,
    private readonly grading: GradingService,
  ) {}

  @Get('items')
  @RequireRoles('author', 'administrator')
  @ApiOperation({ operationId: 'listAssessmentItems', summary: 'Items of the bank (an author\'s own; all for administrators)' })
  @ApiOkResponse({ type: ItemListDto })
  async listItems(@CurrentUser() user: AuthUser, @Query() query: ItemListQuery): Promise<ItemListDto> {
    return { items: await this.items.list(user, query) };
  }

  @Post('items')
  @RequireRoles('author', 'administrator')
  @ApiOperation({ operationId: 'createAssessmentItem', summary: 'Adds an item (mapping checked with @hocso/curriculum, stem sanitised)' })
  @ApiCreatedResponse({ type: AuthorItemDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  createItem(@CurrentUser() user: AuthUser, @Body() body: ItemInputDto): Promise<AuthorItemDto> {
    return this.items.create(user, body);
  }

  @Get('items/:id')
  @RequireRoles('author', 'administrator')
  @ApiOperation({ operationId: 'getAssessmentItem' })
  @ApiOkResponse({ type: AuthorItemDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  getItem(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<AuthorItemDto> {
    return this.items.get(user, id);
  }

  @Put('items/:id')
  @RequireRoles('author', 'administrator')
  @ApiOperation({ operationId: 'updateAssessmentItem' })
  @ApiOkResponse({ type: AuthorItemDto })
  updateItem(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: ItemInputDto): Promise<AuthorItemDto> {
    return this.items.update(user, id, body);
  }

  @Delete('items/:id')
  @RequireRoles('author', 'administrator')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'archiveAssessmentItem', summary: 'Retires the item (attempts that used it keep it)' })
  @ApiNoContentResponse()
  async archiveItem(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<void> {
    await this.items.archive(user, id);
  }

  @Get('quiz-lessons')
  @RequireRoles('author', 'administrator')
  @ApiOperation({ operationId: 'listQuizLessons', summary: 'Quiz lessons (newest version of each course) and their quiz' })
  @ApiOkResponse({ type: QuizLessonListDto })
  async quizLessons(): Promise<QuizLessonListDto> {
    return { items: await this.quizzes.quizLessons() };
  }

  @Get('quizzes')
  @RequireRoles('author', 'administrator')
  @ApiOperation({ operationId: 'listQuizzes' })
  @ApiOkResponse({ type: QuizListDto })
  async listQuizzes(): Promise<QuizListDto> {
    return { items: await this.quizzes.list() };
  }

  @Post('quizzes')
  @RequireRoles('author', 'administrator')
  @ApiOperation({ operationId: 'saveQuiz', summary: 'Creates the quiz of a quiz lesson (or replaces its settings): blueprint, time limit, attempts, pass mark' })
  @ApiCreatedResponse({ type: QuizDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid, or the bank has too few items for the blueprint' })
  saveQuiz(@CurrentUser() user: AuthUser, @Body() body: QuizInputDto): Promise<QuizDto> {
    return this.quizzes.save(user.id, body);
  }

  @Get('quizzes/:id')
  @RequireRoles('author', 'administrator')
  @ApiOperation({ operationId: 'getQuiz' })
  @ApiOkResponse({ type: QuizDto })
  getQuiz(@Param('id', uuid) id: string): Promise<QuizDto> {
    return this.quizzes.get(id);
  }

  @Put('quizzes/:id')
  @RequireRoles('author', 'administrator')
  @ApiOperation({ operationId: 'updateQuiz' })
  @ApiOkResponse({ type: QuizDto })
  updateQuiz(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: QuizInputDto): Promise<QuizDto> {
    return this.quizzes.save(user.id, body, id);
  }

  @Get('reviews')
  @RequireRoles('author', 'reviewer', 'administrator')
  @ApiOperation({ operationId: 'listReviewTasks', summary: 'Free-text answers waiting for a grade' })
  @ApiOkResponse({ type: ReviewTaskListDto })
  async listReviews(@CurrentUser() user: AuthUser): Promise<ReviewTaskListDto> {
    return { items: await this.reviews.pending(user) };
  }

  @Put('reviews/:attemptId/:itemId')
  @RequireRoles('author', 'reviewer', 'administrator')
  @ApiOperation({ operationId: 'gradeReviewTask', summary: 'Grades a free-text answer; the attempt is finalised when none is left' })
  @ApiOkResponse({ description: '{ outcome: reviewed | finalised }' })
  @ApiConflictResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such answer, or not of a course the caller authors' })
  async review(
    @CurrentUser() user: AuthUser,
    @Param('attemptId', uuid) attemptId: string,
    @Param('itemId', uuid) itemId: string,
    @Body() body: ReviewInputDto,
  ): Promise<{ outcome: string }> {
    const outcome = await this.grading.review(user, attemptId, itemId, body.score, body.feedback?.trim() || null);
    // an attempt of a course the caller does not author is answered like a missing one
    if (outcome === 'not-yours') throw new NotFoundException('No such answer waiting for your grade (not one of your courses?)');
    if (outcome === 'not-pending') throw new ConflictException('This answer is not waiting for a grade (already graded?)');
    if (outcome === 'own-attempt') throw new ForbiddenException('You cannot grade your own attempt');
    return { outcome };
  }
}

/** Learners: taking quizzes, and their mastery. */
@ApiTags('assessment')
@Controller('v1')
export class LearnerQuizController {
  constructor(
    private readonly attempts: AttemptsService,
    private readonly mastery: MasteryService,
  ) {}

  @Get('lessons/:lessonId/quiz')
  @Authenticated()
  @ApiOperation({ operationId: 'getLessonQuiz', summary: 'The quiz of a quiz lesson: rules and the learner\'s attempts' })
  @ApiOkResponse({ type: LessonQuizDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  lessonQuiz(@CurrentUser() user: AuthUser, @Param('lessonId', uuid) lessonId: string): Promise<LessonQuizDto> {
    return this.attempts.lessonQuiz(user.id, lessonId);
  }

  @Post('quizzes/:quizId/attempts')
  @Authenticated()
  @ApiOperation({ operationId: 'startQuizAttempt', summary: 'Starts an attempt (201) or resumes the open one (200)' })
  @ApiCreatedResponse({ type: AttemptDto })
  @ApiOkResponse({ type: AttemptDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'No attempt left' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Not enrolled in the course' })
  async start(
    @CurrentUser() user: AuthUser,
    @Param('quizId', uuid) quizId: string,
    @Body() body: StartAttemptDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AttemptDto> {
    const { attempt, created } = await this.attempts.start(user.id, quizId, body.lessonId);
    void reply.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return attempt;
  }

  @Get('attempts/:attemptId')
  @Authenticated()
  @ApiOperation({ operationId: 'getQuizAttempt', summary: 'The learner\'s own attempt with saved answers; the grade and explanations once graded' })
  @ApiOkResponse({ type: AttemptDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@CurrentUser() user: AuthUser, @Param('attemptId') attemptId: string): Promise<AttemptDto> {
    return this.attempts.get(user.id, attemptId);
  }

  @Put('attempts/:attemptId/answers/:itemId')
  @Authenticated()
  @ApiOperation({ operationId: 'saveQuizAnswer', summary: 'Saves the answer to one item (idempotent)' })
  @ApiOkResponse({ type: SavedAnswerDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Submitted or past the deadline' })
  saveAnswer(
    @CurrentUser() user: AuthUser,
    @Param('attemptId', uuid) attemptId: string,
    @Param('itemId', uuid) itemId: string,
    @Body() body: AnswerDto,
  ): Promise<SavedAnswerDto> {
    return this.attempts.saveAnswer(user.id, attemptId, itemId, body);
  }

  @Post('attempts/:attemptId/submit')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'submitQuizAttempt', summary: 'Submits for grading (a job); poll the attempt for the result' })
  @ApiOkResponse({ type: AttemptDto })
  submit(@CurrentUser() user: AuthUser, @Param('attemptId', uuid) attemptId: string): Promise<AttemptDto> {
    return this.attempts.submit(user.id, attemptId);
  }

  @Get('me/mastery')
  @Authenticated()
  @ApiOperation({ operationId: 'getMyMastery', summary: 'Mastery level per competency, from quiz evidence (computeMastery)' })
  @ApiOkResponse({ type: MasteryDto })
  myMastery(@CurrentUser() user: AuthUser): Promise<MasteryDto> {
    return this.mastery.masteryOf(user.id);
  }
}
