import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { MENTORSHIP_STATUSES, NUDGE_NOTE_MAX, NUDGE_PRESETS, type MentorshipStatus, type NudgePreset } from '../mentorship.entity';

// ---- requests ------------------------------------------------------------------------------

export class InviteMenteeDto {
  @ApiProperty({ example: '0912 345 678', description: 'Phone number (any Vietnamese spelling) or email of an existing account' })
  @IsString()
  @MinLength(3)
  @MaxLength(254)
  identifier!: string;
}

export class SendNudgeDto {
  @ApiProperty({ format: 'uuid', description: 'Made by the client once per nudge: a repeat with the same id changes nothing (200)' })
  @IsUUID()
  clientId!: string;

  @ApiProperty({ enum: NUDGE_PRESETS, enumName: 'NudgePreset', description: 'A preset message, shown translated to the mentee' })
  @IsIn(NUDGE_PRESETS, { message: `preset must be one of: ${NUDGE_PRESETS.join(', ')}` })
  preset!: NudgePreset;

  @ApiPropertyOptional({ maxLength: NUDGE_NOTE_MAX, description: 'A short personal note, plain text (control characters removed, spaces folded)' })
  @IsOptional()
  @IsString()
  @MaxLength(NUDGE_NOTE_MAX)
  note?: string;
}

export class AssignMenteeDto {
  @ApiProperty({ example: '0912 345 678', description: 'Phone number or email of the mentor (holds the role mentor), living in your area' })
  @IsString()
  @MinLength(3)
  @MaxLength(254)
  mentor!: string;

  @ApiProperty({ example: '0987 654 321', description: 'Phone number or email of the learner, living in your area' })
  @IsString()
  @MinLength(3)
  @MaxLength(254)
  mentee!: string;
}

export const MENTORING_LANGUAGES = ['vi', 'en'] as const;

export class MentoringLanguageQuery {
  @ApiPropertyOptional({ enum: MENTORING_LANGUAGES, description: 'Language of course and lesson titles (default vi)' })
  @IsOptional()
  @IsIn(MENTORING_LANGUAGES, { message: 'lang must be one of: vi, en' })
  lang?: (typeof MENTORING_LANGUAGES)[number];
}

export class UnitMentorsQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: every mentor of your area; default: only those under the minimum' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'all must be true or false' })
  all?: 'true' | 'false';
}

// ---- responses -----------------------------------------------------------------------------

export class PersonRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
}

export class MentorshipDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: MENTORSHIP_STATUSES, enumName: 'MentorshipStatus' }) status!: MentorshipStatus;
  @ApiProperty({ type: PersonRefDto }) mentor!: PersonRefDto;
  @ApiProperty({ type: PersonRefDto }) mentee!: PersonRefDto;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) startedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) endedAt!: string | null;
}

export const STUCK_KINDS = ['not_started', 'inactive', 'lesson_stalled', 'quiz_failed'] as const;

export class StuckReasonDto {
  @ApiProperty({ enum: STUCK_KINDS, enumName: 'StuckReasonKind' }) kind!: (typeof STUCK_KINDS)[number];
  @ApiPropertyOptional({ description: 'not_started, inactive, lesson_stalled: for how many days' }) days?: number;
  @ApiPropertyOptional({ description: 'quiz_failed: failed graded attempts' }) failures?: number;
  @ApiPropertyOptional() courseTitle?: string;
  @ApiPropertyOptional() lessonTitle?: string;
}

export class MenteeSummaryDto {
  @ApiProperty({ format: 'uuid' }) mentorshipId!: string;
  @ApiProperty({ type: PersonRefDto }) mentee!: PersonRefDto;
  @ApiProperty({ format: 'date-time' }) followedSince!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Latest of lesson progress, enrolment, quiz attempt, course completion' })
  lastActivityAt!: string | null;
  @ApiProperty({ description: 'Learning activity in the last 30 days' }) active!: boolean;
  @ApiProperty() coursesInProgress!: number;
  @ApiProperty() coursesCompleted!: number;
  @ApiProperty({ description: 'Certificates held (not revoked)' }) certificates!: number;
  @ApiProperty({ type: [StuckReasonDto], description: 'Empty when the mentee is not stuck' }) stuck!: StuckReasonDto[];
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastNudgeAt!: string | null;
  @ApiProperty({ description: 'A nudge was sent today (Vietnam time): the next one waits until tomorrow' }) nudgedToday!: boolean;
}

export class MenteeListDto {
  @ApiProperty({ example: 5, description: 'Active mentees the movement asks for' }) minimum!: number;
  @ApiProperty({ example: 30, description: 'Days of the "active" definition' }) activeDays!: number;
  @ApiProperty() activeMentees!: number;
  @ApiProperty({ type: [MenteeSummaryDto] }) mentees!: MenteeSummaryDto[];
  @ApiProperty({ type: [MentorshipDto], description: 'Invitations not answered yet' }) invitations!: MentorshipDto[];
}

export class MenteeCourseDto {
  @ApiProperty({ format: 'uuid' }) courseId!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: '0..100' }) percent!: number;
  @ApiProperty() completedLessons!: number;
  @ApiProperty() totalLessons!: number;
  @ApiProperty({ format: 'date-time' }) enrolledAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) completedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastActivityAt!: string | null;
}

export class NudgeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ enum: NUDGE_PRESETS, enumName: 'NudgePreset' }) preset!: NudgePreset;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ type: PersonRefDto }) mentor!: PersonRefDto;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) readAt!: string | null;
}

export class MenteeDetailDto extends MenteeSummaryDto {
  @ApiProperty({ type: [MenteeCourseDto] }) courses!: MenteeCourseDto[];
  @ApiProperty({ type: [NudgeDto], description: 'Your nudges to this mentee, newest first (at most 20)' }) nudges!: NudgeDto[];
}

export class MyMentorDto {
  @ApiProperty({ format: 'uuid' }) mentorshipId!: string;
  @ApiProperty({ type: PersonRefDto }) mentor!: PersonRefDto;
  @ApiProperty({ format: 'date-time' }) since!: string;
}

export class MyMentoringDto {
  @ApiProperty({ type: MyMentorDto, nullable: true }) mentor!: MyMentorDto | null;
  @ApiProperty({ type: [MentorshipDto], description: 'Invitations waiting for your answer' }) invitations!: MentorshipDto[];
  @ApiProperty({ type: [NudgeDto], description: 'Nudges you received, newest first (at most 20)' }) nudges!: NudgeDto[];
  @ApiProperty() unread!: number;
}

export class UnitRefMiniDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class UnitMentorDto {
  @ApiProperty({ format: 'uuid' }) mentorUserId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: UnitRefMiniDto, nullable: true, description: 'Where the mentor lives' }) unit!: UnitRefMiniDto | null;
  @ApiProperty({ description: 'Active mentorships' }) totalMentees!: number;
  @ApiProperty({ description: 'Of them, mentees with learning activity in the last 30 days' }) activeMentees!: number;
}

export class UnitMentorsDto {
  @ApiProperty({ example: 5 }) minimum!: number;
  @ApiProperty({ example: 30 }) activeDays!: number;
  @ApiProperty({ description: 'Mentors of your area' }) mentorsTotal!: number;
  @ApiProperty({ description: 'Of them, under the minimum of active mentees' }) mentorsUnderMinimum!: number;
  @ApiProperty({ type: [UnitMentorDto], description: 'Fewest active mentees first' }) mentors!: UnitMentorDto[];
}
