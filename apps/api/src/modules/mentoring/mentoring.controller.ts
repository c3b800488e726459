import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorResponseDto } from '../../common/error-response.dto';
import { Authenticated, CurrentUser, RequireRoles, type AuthUser } from '../identity/auth-user';
import { UnitScope } from '../units/unit-scope';
import {
  AssignMenteeDto,
  InviteMenteeDto,
  MenteeDetailDto,
  MenteeListDto,
  MentoringLanguageQuery,
  MentorshipDto,
  MyMentoringDto,
  NudgeDto,
  SendNudgeDto,
  UnitMentorsDto,
  UnitMentorsQuery,
} from './dto/mentoring.dto';
import { MentoringService } from './mentoring.service';

const uuid = new ParseUUIDPipe({ version: '4' });
const NOT_YOURS = 'Not one of your active mentees (the same answer whether the person exists or not)';

/** The mentor's side: invitations, the mentees' progress and where they are stuck, nudges. */
@ApiTags('mentoring')
@RequireRoles('mentor')
@ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Not signed in' })
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Not a mentor (Digital Ambassador)' })
@Controller('v1/mentoring')
export class MentorController {
  constructor(private readonly mentoring: MentoringService) {}

  @Post('invitations')
  @ApiOperation({ operationId: 'inviteMentee', summary: 'Invites an existing learner, by phone number or email, to be followed (they accept in their page)' })
  @ApiCreatedResponse({ type: MentorshipDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Not a phone number or email, or yourself' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No account with this phone number or email' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Already invited or followed by you, or the person has another mentor' })
  invite(@CurrentUser() user: AuthUser, @Body() body: InviteMenteeDto, @Req() request: FastifyRequest): Promise<MentorshipDto> {
    return this.mentoring.invite(user, body.identifier, String(request.id));
  }

  @Get('mentees')
  @ApiOperation({ operationId: 'listMentees', summary: 'Your active mentees with progress and where they are stuck, and your open invitations' })
  @ApiOkResponse({ type: MenteeListDto })
  mentees(@CurrentUser() user: AuthUser, @Query() query: MentoringLanguageQuery): Promise<MenteeListDto> {
    return this.mentoring.mentees(user, query.lang ?? 'vi');
  }

  @Get('mentees/:menteeId')
  @ApiOperation({ operationId: 'getMentee', summary: 'One of your active mentees: courses, certificates, where they are stuck, your nudges' })
  @ApiOkResponse({ type: MenteeDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_YOURS })
  mentee(@CurrentUser() user: AuthUser, @Param('menteeId', uuid) menteeId: string, @Query() query: MentoringLanguageQuery): Promise<MenteeDetailDto> {
    return this.mentoring.mentee(user, menteeId, query.lang ?? 'vi');
  }

  @Delete('mentees/:menteeId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'endMentorship', summary: 'Stops following a mentee, or withdraws an invitation' })
  @ApiNoContentResponse({ description: 'Ended' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_YOURS })
  async end(@CurrentUser() user: AuthUser, @Param('menteeId', uuid) menteeId: string, @Req() request: FastifyRequest): Promise<void> {
    await this.mentoring.endAsMentor(user, menteeId, String(request.id));
  }

  @Post('mentees/:menteeId/nudges')
  @ApiOperation({
    operationId: 'sendNudge',
    summary: 'Sends a nudge (201), or answers the stored one for a repeated clientId (200)',
    description: 'One nudge per mentee per calendar day (Vietnam time); a second one answers 429 with Retry-After.',
  })
  @ApiCreatedResponse({ type: NudgeDto })
  @ApiOkResponse({ type: NudgeDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: NOT_YOURS })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The clientId was used for a nudge to someone else' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'This mentee was nudged today already' })
  async nudge(
    @CurrentUser() user: AuthUser,
    @Param('menteeId', uuid) menteeId: string,
    @Body() body: SendNudgeDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<NudgeDto> {
    // A second nudge today throws NudgedTodayException: 429, and the error filter adds Retry-After.
    const { nudge, created } = await this.mentoring.nudge(user, menteeId, body);
    void reply.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return nudge;
  }
}

/** The mentee's side: invitations to accept or decline, their mentor, nudges received. */
@ApiTags('mentoring')
@Authenticated()
@ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Not signed in' })
@Controller('v1/me/mentoring')
export class MyMentoringController {
  constructor(private readonly mentoring: MentoringService) {}

  @Get()
  @ApiOperation({ operationId: 'getMyMentoring', summary: 'Your mentor, invitations waiting for you and nudges received' })
  @ApiOkResponse({ type: MyMentoringDto })
  get(@CurrentUser() user: AuthUser): Promise<MyMentoringDto> {
    return this.mentoring.myMentoring(user);
  }

  @Post('invitations/:id/accept')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ operationId: 'acceptMentorInvitation', summary: 'Accepts an invitation: the mentor then sees your progress' })
  @ApiOkResponse({ type: MentorshipDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such invitation for you' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'You already have a mentor' })
  accept(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Req() request: FastifyRequest): Promise<MentorshipDto> {
    return this.mentoring.accept(user, id, String(request.id));
  }

  @Post('invitations/:id/decline')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'declineMentorInvitation', summary: 'Declines an invitation' })
  @ApiNoContentResponse({ description: 'Declined' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such invitation for you' })
  async decline(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Req() request: FastifyRequest): Promise<void> {
    await this.mentoring.decline(user, id, String(request.id));
  }

  @Delete('mentor')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'leaveMentor', summary: 'Ends the mentorship: your mentor no longer sees your progress' })
  @ApiNoContentResponse({ description: 'Ended' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'You have no mentor' })
  async leave(@CurrentUser() user: AuthUser, @Req() request: FastifyRequest): Promise<void> {
    await this.mentoring.endAsMentee(user, String(request.id));
  }

  @Post('nudges/:id/read')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'markNudgeRead', summary: 'Marks a nudge you received as read (idempotent)' })
  @ApiNoContentResponse({ description: 'Read' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such nudge for you' })
  async read(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<void> {
    await this.mentoring.markRead(user, id);
  }
}

/** Officials: the mentors living in their area with fewer than five active mentees. */
@ApiTags('mentoring')
@RequireRoles('official', 'administrator')
@ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Not signed in' })
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Neither official nor administrator' })
@Controller('v1/mentoring/unit-mentors')
export class UnitMentorsController {
  constructor(private readonly mentoring: MentoringService) {}

  @Get()
  @ApiOperation({
    operationId: 'listUnitMentors',
    summary: 'Mentors living in your area with fewer than five active mentees (all=true: every mentor)',
    description: 'Active mentee: an active mentorship and learning activity in the last 30 days.',
  })
  @ApiOkResponse({ type: UnitMentorsDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  list(@CurrentUser() user: AuthUser, @Query() query: UnitMentorsQuery): Promise<UnitMentorsDto> {
    return this.mentoring.unitMentors(UnitScope.of(user), query.all === 'true');
  }

  @Post('assignments')
  @ApiOperation({
    operationId: 'assignMentee',
    summary: 'Pairs a mentor and a learner who both live in your area; active at once (audited: mentorship.assign)',
  })
  @ApiCreatedResponse({ type: MentorshipDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Not a phone number or email, the same person, or the mentor lacks the role' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such account in your area' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The learner has a mentor already' })
  assign(@CurrentUser() user: AuthUser, @Body() body: AssignMenteeDto, @Req() request: FastifyRequest): Promise<MentorshipDto> {
    return this.mentoring.assign(user, UnitScope.of(user), body.mentor, body.mentee, String(request.id));
  }
}
