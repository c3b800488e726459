import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorResponseDto } from '../../common/error-response.dto';
import { CurrentUser, RequireRoles, type AuthUser } from '../identity/auth-user';
import { MANAGING_ROLES } from './access';
import { ClassesService } from './classes.service';
import { AddWalkInDto, AttendeeDto, AttendeeListDto, ClaimCodeDto, ClassAttendanceDto, LinkAttendeeDto, SessionAttendanceDto } from './dto/attendee.dto';
import { ClassDto, ClassLessonsDto, ClassListDto, ClassListQuery, CommunityUnitListDto, CreateClassDto, UnitSearchQuery, UpdateClassDto } from './dto/class.dto';
import { LaunchQuestionDto, LiveItemListDto, LiveQuestionDto, LiveQuestionListDto, PresentationDto, PresentationQuery } from './dto/live.dto';
import { AttendanceMarksDto, CheckInTokenDto, CheckInTokenQuery, CreateSessionDto, GenerateSessionsDto, SessionDto, SessionListDto, UpdateSessionDto } from './dto/session.dto';
import { LiveHub } from './live-hub';
import { LiveService, monotonicTallies } from './live.service';
import { SessionsService } from './sessions.service';

const NOT_FOUND = 'No such class (or session, attendee, question) among those you manage';
const uuid = new ParseUUIDPipe();

/** Facilitators (and officials of the unit, administrators) run their classes; scope by the class's unit. */
@ApiTags('community')
@RequireRoles(...MANAGING_ROLES)
@ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Not signed in' })
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Not a facilitator, official or administrator' })
@Controller('v1/community')
export class CommunityClassesController {
  constructor(
    private readonly classes: ClassesService,
    private readonly sessions: SessionsService,
    private readonly live: LiveService,
    private readonly hub: LiveHub,
  ) {}

  @Get('units')
  @ApiOperation({ operationId: 'listCommunityUnits', summary: 'Units where you may run classes (≤ 200, by name)' })
  @ApiOkResponse({ type: CommunityUnitListDto })
  units(@CurrentUser() user: AuthUser, @Query() query: UnitSearchQuery): Promise<CommunityUnitListDto> {
    return this.classes.units(user, query.q);
  }

  @Post('classes')
  @ApiOperation({ operationId: 'createCommunityClass', summary: 'Creates a class (a join code is drawn)' })
  @ApiCreatedResponse({ type: ClassDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'The unit is not in your scope' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateClassDto): Promise<ClassDto> {
    return this.classes.create(user, body);
  }

  @Get('classes')
  @ApiOperation({ operationId: 'listCommunityClasses', summary: 'Classes of the units you manage' })
  @ApiOkResponse({ type: ClassListDto })
  async list(@CurrentUser() user: AuthUser, @Query() query: ClassListQuery): Promise<ClassListDto> {
    return { classes: await this.classes.list(user, query.status) };
  }

  @Get('classes/:classId')
  @ApiOperation({ operationId: 'getCommunityClass' })
  @ApiOkResponse({ type: ClassDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_FOUND })
  get(@CurrentUser() user: AuthUser, @Param('classId', uuid) classId: string): Promise<ClassDto> {
    return this.classes.get(user, classId);
  }

  @Patch('classes/:classId')
  @ApiOperation({ operationId: 'updateCommunityClass' })
  @ApiOkResponse({ type: ClassDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_FOUND })
  update(@CurrentUser() user: AuthUser, @Param('classId', uuid) classId: string, @Body() body: UpdateClassDto): Promise<ClassDto> {
    return this.classes.update(user, classId, body);
  }

  @Post('classes/:classId/archive')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'archiveCommunityClass', summary: 'Archives the class (its code stops working); idempotent' })
  @ApiOkResponse({ type: ClassDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_FOUND })
  archive(@CurrentUser() user: AuthUser, @Param('classId', uuid) classId: string): Promise<ClassDto> {
    return this.classes.archive(user, classId);
  }

  @Get('classes/:classId/lessons')
  @ApiOperation({ operationId: 'listCommunityClassLessons', summary: 'Lessons of the class’s course (newest published version)' })
  @ApiOkResponse({ type: ClassLessonsDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_FOUND })
  lessons(@CurrentUser() user: AuthUser, @Param('classId', uuid) classId: string): Promise<ClassLessonsDto> {
    return this.classes.lessons(user, classId);
  }

  @Get('classes/:classId/live-items')
  @ApiOperation({ operationId: 'listCommunityLiveItems', summary: 'Quiz questions of the course that can be asked live (no answer key)' })
  @ApiOkResponse({ type: LiveItemListDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_FOUND })
  async liveItems(@CurrentUser() user: AuthUser, @Param('classId', uuid) classId: string): Promise<LiveItemListDto> {
    return { items: await this.live.items(user, classId) };
  }

  // ---- attendees

  @Get('classes/:classId/attendees')
  @ApiOperation({ operationId: 'listCommunityAttendees' })
  @ApiOkResponse({ type: AttendeeListDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_FOUND })
  async attendees(@CurrentUser() user: AuthUser, @Param('classId', uuid) classId: string): Promise<AttendeeListDto> {
    return { attendees: await this.classes.attendees(user, classId) };
  }

  @Post('classes/:classId/attendees')
  @ApiOperation({ operationId: 'addCommunityWalkIn', summary: 'Adds a person without an account (name, year of birth); 200 for a replay of the same clientId' })
  @ApiCreatedResponse({ type: AttendeeDto })
  @ApiOkResponse({ type: AttendeeDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_FOUND })
  async addWalkIn(@CurrentUser() user: AuthUser, @Param('classId', uuid) classId: string, @Body() body: AddWalkInDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<AttendeeDto> {
    const { created, attendee } = await this.classes.addWalkIn(user, classId, body);
    reply.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return attendee;
  }

  @Post('classes/:classId/attendees/:attendeeId/link')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'linkCommunityAttendee',
    summary: 'Links a walk-in to the account with this phone number (attendance and answers kept; merged when that account attends already)',
  })
  @ApiOkResponse({ type: AttendeeDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such attendee, or no account has this phone number' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Linked already' })
  link(
    @CurrentUser() user: AuthUser,
    @Param('classId', uuid) classId: string,
    @Param('attendeeId', uuid) attendeeId: string,
    @Body() body: LinkAttendeeDto,
  ): Promise<AttendeeDto> {
    return this.classes.link(user, classId, attendeeId, body.phone);
  }

  @Post('classes/:classId/attendees/:attendeeId/claim-code')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'createCommunityClaimCode', summary: 'A one-time code (7 days) with which the person takes this walk-in record over after signing up' })
  @ApiOkResponse({ type: ClaimCodeDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_FOUND })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Linked already' })
  claimCode(@CurrentUser() user: AuthUser, @Param('classId', uuid) classId: string, @Param('attendeeId', uuid) attendeeId: string): Promise<ClaimCodeDto> {
    return this.classes.claimCode(user, classId, attendeeId);
  }

  // ---- sessions

  @Get('classes/:classId/sessions')
  @ApiOperation({ operationId: 'listCommunitySessions' })
  @ApiOkResponse({ type: SessionListDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_FOUND })
  async sessionList(@CurrentUser() user: AuthUser, @Param('classId', uuid) classId: string): Promise<SessionListDto> {
    return { sessions: await this.sessions.list(user, classId) };
  }

  @Post('classes/:classId/sessions/generate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'generateCommunitySessions', summary: 'Creates the weekly sessions from today for some weeks (existing ones kept); all sessions' })
  @ApiOkResponse({ type: SessionListDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_FOUND })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Archived class' })
  async generate(@CurrentUser() user: AuthUser, @Param('classId', uuid) classId: string, @Body() body: GenerateSessionsDto): Promise<SessionListDto> {
    return { sessions: await this.sessions.generate(user, classId, body.weeks) };
  }

  @Post('classes/:classId/sessions')
  @ApiOperation({ operationId: 'createCommunitySession', summary: 'An ad hoc session; 200 for a replay of the same clientId' })
  @ApiCreatedResponse({ type: SessionDto })
  @ApiOkResponse({ type: SessionDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_FOUND })
  async createSession(@CurrentUser() user: AuthUser, @Param('classId', uuid) classId: string, @Body() body: CreateSessionDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionDto> {
    const { created, session } = await this.sessions.createAdHoc(user, classId, body);
    reply.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return session;
  }

  @Patch('classes/:classId/sessions/:sessionId')
  @ApiOperation({ operationId: 'updateCommunitySession', summary: 'Lesson, time, or cancel / un-cancel' })
  @ApiOkResponse({ type: SessionDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_FOUND })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'A started session cannot be cancelled' })
  updateSession(
    @CurrentUser() user: AuthUser,
    @Param('classId', uuid) classId: string,
    @Param('sessionId', uuid) sessionId: string,
    @Body() body: UpdateSessionDto,
  ): Promise<SessionDto> {
    return this.sessions.update(user, classId, sessionId, body);
  }

  @Post('classes/:classId/sessions/:sessionId/start')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'startCommunitySession', summary: 'Marks the session live (idempotent)' })
  @ApiOkResponse({ type: SessionDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_FOUND })
  start(@CurrentUser() user: AuthUser, @Param('classId', uuid) classId: string, @Param('sessionId', uuid) sessionId: string): Promise<SessionDto> {
    return this.sessions.start(user, classId, sessionId);
  }

  @Post('classes/:classId/sessions/:sessionId/end')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'endCommunitySession', summary: 'Ends the session (closes its open question; idempotent)' })
  @ApiOkResponse({ type: SessionDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_FOUND })
  end(@CurrentUser() user: AuthUser, @Param('classId', uuid) classId: string, @Param('sessionId', uuid) sessionId: string): Promise<SessionDto> {
    return this.sessions.end(user, classId, sessionId);
  }

  @Get('classes/:classId/sessions/:sessionId/check-in-token')
  @ApiOperation({ operationId: 'getCommunityCheckInToken', summary: 'A signed, expiring check-in URL for the session’s QR code' })
  @ApiOkResponse({ type: CheckInTokenDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_FOUND })
  checkInToken(
    @CurrentUser() user: AuthUser,
    @Param('classId', uuid) classId: string,
    @Param('sessionId', uuid) sessionId: string,
    @Query() query: CheckInTokenQuery,
  ): Promise<CheckInTokenDto> {
    return this.sessions.checkInToken(user, classId, sessionId, query.ttlMinutes);
  }

  @Get('classes/:classId/sessions/:sessionId/presentation')
  @ApiOperation({ operationId: 'getCommunityPresentation', summary: 'The presenter view: lesson text as slides, video with captions, questions for live use' })
  @ApiOkResponse({ type: PresentationDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_FOUND })
  presentation(
    @CurrentUser() user: AuthUser,
    @Param('classId', uuid) classId: string,
    @Param('sessionId', uuid) sessionId: string,
    @Query() query: PresentationQuery,
  ): Promise<PresentationDto> {
    return this.sessions.presentation(user, classId, sessionId, query.lang);
  }

  // ---- attendance

  @Get('classes/:classId/sessions/:sessionId/attendance')
  @ApiOperation({ operationId: 'getCommunitySessionAttendance' })
  @ApiOkResponse({ type: SessionAttendanceDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_FOUND })
  sessionAttendance(@CurrentUser() user: AuthUser, @Param('classId', uuid) classId: string, @Param('sessionId', uuid) sessionId: string): Promise<SessionAttendanceDto> {
    return this.sessions.sessionAttendance(user, classId, sessionId);
  }

  @Put('classes/:classId/sessions/:sessionId/attendance')
  @ApiOperation({ operationId: 'setCommunitySessionAttendance', summary: 'The checklist: present/absent per attendee (offline-safe: client ids and times)' })
  @ApiOkResponse({ type: SessionAttendanceDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_FOUND })
  setAttendance(
    @CurrentUser() user: AuthUser,
    @Param('classId', uuid) classId: string,
    @Param('sessionId', uuid) sessionId: string,
    @Body() body: AttendanceMarksDto,
  ): Promise<SessionAttendanceDto> {
    return this.sessions.setAttendance(user, classId, sessionId, body.marks);
  }

  @Get('classes/:classId/attendance')
  @ApiOperation({ operationId: 'getCommunityClassAttendance', summary: 'Attendance of every attendee at every session' })
  @ApiOkResponse({ type: ClassAttendanceDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_FOUND })
  classAttendance(@CurrentUser() user: AuthUser, @Param('classId', uuid) classId: string): Promise<ClassAttendanceDto> {
    return this.sessions.classAttendance(user, classId);
  }

  @Get('classes/:classId/attendance.csv')
  @ApiOperation({ operationId: 'exportCommunityClassAttendance', summary: 'Attendance as CSV (UTF-8 with BOM; formula-safe)' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV file', schema: { type: 'string' } })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_FOUND })
  async attendanceCsv(@CurrentUser() user: AuthUser, @Param('classId', uuid) classId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const { filename, csv } = await this.sessions.attendanceCsv(user, classId);
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="${filename}"`);
    reply.header('cache-control', 'private, no-store');
    return csv;
  }

  // ---- live quiz

  @Post('classes/:classId/sessions/:sessionId/questions')
  @ApiOperation({ operationId: 'launchCommunityQuestion', summary: 'Asks a question live (closes the open one); 200 for a replay of the same clientId' })
  @ApiCreatedResponse({ type: LiveQuestionDto })
  @ApiOkResponse({ type: LiveQuestionDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_FOUND })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The session is over' })
  async launch(
    @CurrentUser() user: AuthUser,
    @Param('classId', uuid) classId: string,
    @Param('sessionId', uuid) sessionId: string,
    @Body() body: LaunchQuestionDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LiveQuestionDto> {
    const { created, question } = await this.live.launch(user, classId, sessionId, body.itemId, body.clientId);
    reply.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return question;
  }

  @Get('classes/:classId/sessions/:sessionId/questions')
  @ApiOperation({ operationId: 'listCommunityQuestions', summary: 'Questions asked at the session, with tallies' })
  @ApiOkResponse({ type: LiveQuestionListDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_FOUND })
  async questions(@CurrentUser() user: AuthUser, @Param('classId', uuid) classId: string, @Param('sessionId', uuid) sessionId: string): Promise<LiveQuestionListDto> {
    return { questions: await this.live.questions(user, classId, sessionId) };
  }

  @Post('classes/:classId/questions/:questionId/close')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'closeCommunityQuestion', summary: 'Closes the question (answers become practice evidence); idempotent' })
  @ApiOkResponse({ type: LiveQuestionDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_FOUND })
  close(@CurrentUser() user: AuthUser, @Param('classId', uuid) classId: string, @Param('questionId', uuid) questionId: string): Promise<LiveQuestionDto> {
    return this.live.close(user, classId, questionId);
  }

  @Get('classes/:classId/live')
  @ApiOperation({
    operationId: 'streamCommunityProjector',
    summary: 'Server-sent events for the projector: question, tally, closed, attendance (current state first on every connection)',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'text/event-stream', schema: { type: 'string' } })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_FOUND })
  async projector(@CurrentUser() user: AuthUser, @Param('classId', uuid) classId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const cls = await this.classes.managed(user, classId);
    await this.hub.stream(request, reply, cls.id, 'projector', () => this.live.projectorSnapshot(cls.id), monotonicTallies());
  }
}
