import { Body, Controller, Get, HttpStatus, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorResponseDto } from '../../common/error-response.dto';
import { Authenticated, CurrentUser, OptionalUser, type AuthUser } from '../identity/auth-user';
import { ClassesService } from './classes.service';
import { ClaimAttendeeDto, JoinPreviewDto } from './dto/class.dto';
import { LiveAnswerDto, LiveAnswerResultDto, MyClassDto, MyClassListDto } from './dto/live.dto';
import { CheckInDto, CheckInResultDto } from './dto/session.dto';
import { LiveHub } from './live-hub';
import { LiveService } from './live.service';
import { SessionsService } from './sessions.service';

const uuid = new ParseUUIDPipe();

/** Learners: join by code, claim a walk-in record, check in by QR, answer live questions on the phone. */
@ApiTags('community')
@ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Not signed in' })
@Controller('v1/community')
export class CommunityLearnerController {
  constructor(
    private readonly classes: ClassesService,
    private readonly sessions: SessionsService,
    private readonly live: LiveService,
    private readonly hub: LiveHub,
  ) {}

  @Get('join/:code')
  @ApiOperation({ operationId: 'previewCommunityClass', summary: 'The class a join code belongs to (public)' })
  @ApiOkResponse({ type: JoinPreviewDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No active class has this code' })
  preview(@OptionalUser() user: AuthUser | null, @Param('code') code: string): Promise<JoinPreviewDto> {
    return this.classes.preview(user, code);
  }

  @Post('join/:code')
  @Authenticated()
  @ApiOperation({ operationId: 'joinCommunityClass', summary: 'Joins the class (and enrols in its course); 200 when already in it' })
  @ApiCreatedResponse({ type: MyClassDto })
  @ApiOkResponse({ type: MyClassDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No active class has this code' })
  async join(@CurrentUser() user: AuthUser, @Param('code') code: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<MyClassDto> {
    const { created, classId } = await this.classes.join(user, code);
    reply.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return this.live.myClass(user, classId);
  }

  @Post('claim')
  @Authenticated()
  @ApiOperation({ operationId: 'claimCommunityAttendee', summary: 'Takes over the walk-in record the facilitator made for you (attendance and answers kept)' })
  @ApiOkResponse({ type: MyClassDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Wrong or expired claim code' })
  async claim(@CurrentUser() user: AuthUser, @Body() body: ClaimAttendeeDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<MyClassDto> {
    const classId = await this.classes.claim(user, body.code);
    reply.status(HttpStatus.OK);
    return this.live.myClass(user, classId);
  }

  @Post('check-in')
  @Authenticated()
  @ApiOperation({ operationId: 'checkInCommunitySession', summary: 'Check-in from the session’s QR code (joins the class if needed; replays are harmless)' })
  @ApiOkResponse({ type: CheckInResultDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Wrong or expired check-in code' })
  async checkIn(@CurrentUser() user: AuthUser, @Body() body: CheckInDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<CheckInResultDto> {
    reply.status(HttpStatus.OK);
    return this.sessions.checkIn(user, body.sessionId, body.token, body.clientId);
  }

  @Get('me/classes')
  @Authenticated()
  @ApiOperation({ operationId: 'listMyCommunityClasses' })
  @ApiOkResponse({ type: MyClassListDto })
  async myClasses(@CurrentUser() user: AuthUser): Promise<MyClassListDto> {
    return { classes: await this.live.myClasses(user) };
  }

  @Get('me/classes/:classId')
  @Authenticated()
  @ApiOperation({ operationId: 'getMyCommunityClass', summary: 'Your class, with the question open now' })
  @ApiOkResponse({ type: MyClassDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'You are not in this class' })
  myClass(@CurrentUser() user: AuthUser, @Param('classId', uuid) classId: string): Promise<MyClassDto> {
    return this.live.myClass(user, classId);
  }

  @Post('me/classes/:classId/questions/:questionId/answer')
  @Authenticated()
  @ApiOperation({ operationId: 'answerCommunityQuestion', summary: 'Answers a live question; the first answer is kept (201 first, 200 after)' })
  @ApiCreatedResponse({ type: LiveAnswerResultDto })
  @ApiOkResponse({ type: LiveAnswerResultDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'Not your class or question' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The question is closed' })
  async answer(
    @CurrentUser() user: AuthUser,
    @Param('classId', uuid) classId: string,
    @Param('questionId', uuid) questionId: string,
    @Body() body: LiveAnswerDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LiveAnswerResultDto> {
    const { created, result } = await this.live.answer(user, classId, questionId, body.optionIds, body.clientId);
    reply.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return result;
  }

  @Get('me/classes/:classId/live')
  @Authenticated()
  @ApiOperation({ operationId: 'streamCommunityPhone', summary: 'Server-sent events for attendees’ phones: question (open), closed' })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'text/event-stream', schema: { type: 'string' } })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'You are not in this class' })
  async phone(@CurrentUser() user: AuthUser, @Param('classId', uuid) classId: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.live.assertAttendee(user, classId);
    await this.hub.stream(request, reply, classId, 'phones', () => this.live.phoneSnapshot(user, classId));
  }
}
