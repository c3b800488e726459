import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsNumber, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { PROGRESS_EVENT_TYPES, type ProgressEventType } from '../progress-event.entity';

/** Most events one request may carry (the browser sends small batches, more later when it was offline). */
export const MAX_EVENTS_PER_BATCH = 200;
/** Longest video a position or interval may point into (24 h): a sanity bound, the lesson's own duration is checked too. */
const MAX_SECONDS = 86_400;

export class ProgressEventDto {
  @ApiProperty({ format: 'uuid', description: 'Made by the client once per event; sending it again is harmless' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'A lesson of the version the caller is enrolled in' })
  @IsUUID('all', { message: 'lessonId must be a UUID' })
  lessonId!: string;

  @ApiProperty({
    enum: PROGRESS_EVENT_TYPES,
    enumName: 'ProgressEventType',
    description:
      'video_watched: the video played from `from` to `to` (seconds) without a jump; video_position: where the player is (`position`); ' +
      'text_opened / text_scrolled: a text lesson was shown / read to the end; lesson_opened: any lesson was opened (practice and resource lessons count as done)',
  })
  @IsIn(PROGRESS_EVENT_TYPES, { message: `type must be one of: ${PROGRESS_EVENT_TYPES.join(', ')}` })
  type!: ProgressEventType;

  @ApiPropertyOptional({ description: 'video_watched: start of the played stretch, seconds', minimum: 0 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_SECONDS)
  from?: number;

  @ApiPropertyOptional({ description: 'video_watched: end of the played stretch, seconds', minimum: 0 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_SECONDS)
  to?: number;

  @ApiPropertyOptional({ description: 'Playback position, seconds (video_position; optional on video_watched)', minimum: 0 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_SECONDS)
  position?: number;

  @ApiProperty({ format: 'date-time', description: 'When it happened on the device (orders positions; late events never move progress back)' })
  @IsISO8601({ strict: true }, { message: 'at must be an ISO 8601 date-time' })
  at!: string;
}

export class ProgressEventsRequestDto {
  @ApiProperty({ type: [ProgressEventDto], minItems: 1, maxItems: MAX_EVENTS_PER_BATCH })
  @IsArray()
  @ArrayMinSize(1, { message: 'events must contain at least 1 event' })
  @ArrayMaxSize(MAX_EVENTS_PER_BATCH, { message: `events must contain at most ${MAX_EVENTS_PER_BATCH} events; send the rest in another request` })
  @ValidateNested({ each: true })
  @Type(() => ProgressEventDto)
  events!: ProgressEventDto[];
}

export const LESSON_STATES = ['locked', 'available', 'in_progress', 'completed'] as const;
export type LessonState = (typeof LESSON_STATES)[number];

export class LessonProgressStateDto {
  @ApiProperty({ format: 'uuid' }) lessonId!: string;
  @ApiProperty({ format: 'uuid', description: 'The lesson across versions of the course' }) lessonKey!: string;
  @ApiProperty({ enum: LESSON_STATES, enumName: 'LessonState' }) state!: LessonState;
  @ApiProperty({ description: 'Where to resume the video, seconds' }) positionSeconds!: number;
  @ApiProperty({ description: 'Distinct seconds of the video watched' }) watchedSeconds!: number;
  @ApiProperty({ description: 'Share of the video watched, 0..100 (distinct seconds)' }) watchedPercent!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;
}

export class ProgressEventsResultDto {
  @ApiProperty({ description: 'Events recorded by this request' }) accepted!: number;
  @ApiProperty({ description: 'Events already recorded before (same id): ignored, harmlessly' }) duplicates!: number;
  @ApiProperty({ type: [LessonProgressStateDto], description: 'State of every lesson the events were about, after them' })
  lessons!: LessonProgressStateDto[];
  @ApiProperty({ type: [String], description: 'Slugs of courses these events completed (the learner may now get a certificate)' })
  completedCourses!: string[];
}
