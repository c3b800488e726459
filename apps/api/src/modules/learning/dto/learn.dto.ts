import { ApiProperty } from '@nestjs/swagger';
import { LESSON_KINDS, type LessonKind } from '../../catalog/lesson.entity';
import { LESSON_STATES, type LessonState } from './progress-events.dto';
import { EnrolmentDto } from './enrolment.dto';

export class CaptionTrackDto {
  @ApiProperty({ example: 'vi' }) language!: string;
  @ApiProperty() url!: string;
}

export class RenditionDto {
  @ApiProperty({ example: 360 }) height!: number;
  @ApiProperty({ example: 800000 }) bandwidth!: number;
}

/** What the player needs for a video lesson (from the media asset linked to the lesson). */
export class LessonMediaDto {
  @ApiProperty({ format: 'uuid', description: 'GET /api/v1/media/assets/{id} has every detail' }) assetId!: string;
  @ApiProperty({ example: 'ready' }) status!: string;
  @ApiProperty({ type: String, nullable: true, description: 'HLS master playlist' }) hlsUrl!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Audio-only rendition (data saver)' }) audioUrl!: string | null;
  @ApiProperty({ type: String, nullable: true }) posterUrl!: string | null;
  @ApiProperty({ type: Number, nullable: true }) durationSeconds!: number | null;
  @ApiProperty({ type: [CaptionTrackDto] }) captions!: CaptionTrackDto[];
  @ApiProperty({ type: [RenditionDto] }) renditions!: RenditionDto[];
}

export class LearnLessonDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) lessonKey!: string;
  @ApiProperty() position!: number;
  @ApiProperty({ enum: LESSON_KINDS, enumName: 'LessonKind' }) kind!: LessonKind;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Sanitised HTML (text lessons), in the learner’s language when translated' }) body!: string | null;
  @ApiProperty({ example: 'vi', description: 'Language of title and body' }) language!: string;
  @ApiProperty() estimatedMinutes!: number;
  @ApiProperty({ description: 'Video: share of distinct seconds to watch for the lesson to count' }) completionPercent!: number;
  @ApiProperty({ enum: LESSON_STATES, enumName: 'LessonState' }) state!: LessonState;
  @ApiProperty() positionSeconds!: number;
  @ApiProperty() watchedSeconds!: number;
  @ApiProperty() watchedPercent!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Video length, seconds (null when not known yet)' }) durationSeconds!: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;
  @ApiProperty({ type: LessonMediaDto, nullable: true }) media!: LessonMediaDto | null;
}

export class LearnModuleDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) moduleKey!: string;
  @ApiProperty() position!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [LearnLessonDto] }) lessons!: LearnLessonDto[];
}

export class CourseProgressDto {
  @ApiProperty() completedLessons!: number;
  @ApiProperty() totalLessons!: number;
  @ApiProperty({ description: '0..100' }) percent!: number;
}

export class LearnPathDto {
  @ApiProperty({ format: 'uuid' }) courseId!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ example: 'vi' }) language!: string;
  @ApiProperty({ description: 'Lessons must be completed in order' }) sequential!: boolean;
  @ApiProperty({ type: EnrolmentDto }) enrolment!: EnrolmentDto;
  @ApiProperty({ type: [LearnModuleDto] }) modules!: LearnModuleDto[];
  @ApiProperty({ type: CourseProgressDto }) progress!: CourseProgressDto;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The lesson to continue with (first not completed and not locked); null when all are done' })
  nextLessonId!: string | null;
}
