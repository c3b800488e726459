import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ClassScheduleDto } from './class.dto';
import { CaptionTrackDto } from '../../learning/dto/learn.dto';
import { SessionDto } from './session.dto';

export const LIVE_KINDS = ['single_choice', 'multiple_choice', 'true_false'] as const;
export type LiveKind = (typeof LIVE_KINDS)[number];

export class LiveOptionDto {
  @ApiProperty({ description: 'true/false items: "true" and "false"' }) id!: string;
  @ApiProperty({ description: 'Empty for true/false (show the translated words)' }) text!: string;
}

/** An item of the course's quizzes that can be asked live. Never carries the answer key. */
export class LiveItemDto {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ enum: LIVE_KINDS, enumName: 'LiveKind' }) kind!: LiveKind;
  @ApiProperty({ description: 'Sanitised HTML' }) stem!: string;
  @ApiProperty({ type: String, nullable: true }) mediaUrl!: string | null;
  @ApiProperty({ type: [LiveOptionDto] }) options!: LiveOptionDto[];
  @ApiProperty() competencyRef!: string;
  @ApiProperty() level!: number;
}

export class LiveItemListDto {
  @ApiProperty({ type: [LiveItemDto] }) items!: LiveItemDto[];
}

export class LiveCountDto {
  @ApiProperty() optionId!: string;
  @ApiProperty() count!: number;
}

export class LiveTallyDto {
  @ApiProperty({ format: 'uuid' }) questionId!: string;
  @ApiProperty({ description: 'People who answered' }) total!: number;
  @ApiProperty({ type: [LiveCountDto], description: 'One entry per option, in option order' }) counts!: LiveCountDto[];
}

export class LiveQuestionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty({ enum: LIVE_KINDS, enumName: 'LiveKind' }) kind!: LiveKind;
  @ApiProperty() stem!: string;
  @ApiProperty({ type: String, nullable: true }) mediaUrl!: string | null;
  @ApiProperty({ type: [LiveOptionDto] }) options!: LiveOptionDto[];
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: LiveTallyDto }) tally!: LiveTallyDto;
  @ApiProperty({ type: [String], nullable: true, description: 'Only once the question is closed' }) correctOptionIds!: string[] | null;
}

export class LiveQuestionListDto {
  @ApiProperty({ type: [LiveQuestionDto] }) questions!: LiveQuestionDto[];
}

export class LaunchQuestionDto {
  @ApiProperty({ format: 'uuid', description: 'From GET …/live-items' })
  @IsUUID()
  itemId!: string;

  @ApiProperty({ format: 'uuid', description: 'Made by the device; the same launch sent twice opens one question' })
  @IsUUID()
  clientId!: string;
}

/** What an attendee's phone sees of a question: no key, no tally. */
export class AttendeeQuestionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: LIVE_KINDS, enumName: 'LiveKind' }) kind!: LiveKind;
  @ApiProperty() stem!: string;
  @ApiProperty({ type: String, nullable: true }) mediaUrl!: string | null;
  @ApiProperty({ type: [LiveOptionDto] }) options!: LiveOptionDto[];
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: [String], nullable: true, description: 'Your kept answer' }) myAnswer!: string[] | null;
}

export class LiveAnswerDto {
  @ApiProperty({ type: [String], description: 'Chosen option ids (one for single choice and true/false)' })
  @IsArray()
  @ArrayMinSize(1, { message: 'choose an answer first' })
  @ArrayMaxSize(12)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  optionIds!: string[];

  @ApiProperty({ format: 'uuid', description: 'Made by the phone; a queued answer sent twice counts once' })
  @IsUUID()
  clientId!: string;
}

export class LiveAnswerResultDto {
  @ApiProperty({ format: 'uuid' }) questionId!: string;
  @ApiProperty({ type: [String], description: 'The kept answer (the first one sent)' }) optionIds!: string[];
  @ApiProperty({ format: 'date-time' }) answeredAt!: string;
  @ApiProperty({ description: 'false: you had answered already; the first answer counts' }) firstAnswer!: boolean;
}

export class MyClassDto {
  @ApiProperty({ format: 'uuid' }) classId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() place!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty() courseSlug!: string;
  @ApiProperty() courseTitle!: string;
  @ApiProperty({ type: ClassScheduleDto }) schedule!: ClassScheduleDto;
  @ApiProperty({ enum: ['active', 'archived'] }) status!: 'active' | 'archived';
  @ApiProperty({ format: 'uuid' }) attendeeId!: string;
  @ApiProperty({ type: SessionDto, nullable: true }) nextSession!: SessionDto | null;
  @ApiProperty({ type: AttendeeQuestionDto, nullable: true }) openQuestion!: AttendeeQuestionDto | null;
}

export class MyClassListDto {
  @ApiProperty({ type: [MyClassDto] }) classes!: MyClassDto[];
}

export class PresentationLessonDto {
  @ApiProperty({ format: 'uuid' }) lessonKey!: string;
  @ApiProperty({ example: 'text' }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ example: 'vi' }) language!: string;
}

export class SlideDto {
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'Sanitised HTML of the slide (may be empty)' }) html!: string;
}

export class PresentationVideoDto {
  @ApiProperty({ type: String, nullable: true }) hlsUrl!: string | null;
  @ApiProperty({ type: String, nullable: true }) posterUrl!: string | null;
  @ApiProperty({ type: Number, nullable: true }) durationSeconds!: number | null;
  @ApiProperty({ type: [CaptionTrackDto] }) captions!: CaptionTrackDto[];
}

export class PresentationDto {
  @ApiProperty({ type: SessionDto }) session!: SessionDto;
  @ApiProperty() classTitle!: string;
  @ApiProperty() joinCode!: string;
  @ApiProperty() joinUrl!: string;
  @ApiProperty({ type: PresentationLessonDto, nullable: true }) lesson!: PresentationLessonDto | null;
  @ApiProperty({ type: [SlideDto] }) slides!: SlideDto[];
  @ApiProperty({ type: PresentationVideoDto, nullable: true }) video!: PresentationVideoDto | null;
  @ApiProperty({ type: [LiveItemDto] }) liveItems!: LiveItemDto[];
}

export class PresentationQuery {
  @ApiPropertyOptional({ example: 'vi', description: 'Language of the lesson texts (default: yours)' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  lang?: string;
}
