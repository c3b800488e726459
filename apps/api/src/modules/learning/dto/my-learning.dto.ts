import { ApiProperty } from '@nestjs/swagger';
import { LESSON_KINDS, type LessonKind } from '../../catalog/lesson.entity';

export class NextLessonDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: LESSON_KINDS, enumName: 'LessonKind' }) kind!: LessonKind;
}

export class CourseInProgressDto {
  @ApiProperty({ format: 'uuid' }) courseId!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: '0..100' }) percent!: number;
  @ApiProperty() completedLessons!: number;
  @ApiProperty() totalLessons!: number;
  @ApiProperty({ format: 'date-time' }) enrolledAt!: string;
  @ApiProperty({ format: 'date-time', description: 'Latest progress, or the enrolment' }) lastActivityAt!: string;
  @ApiProperty({ type: NextLessonDto, nullable: true }) nextLesson!: NextLessonDto | null;
}

export class CompletedCourseDto {
  @ApiProperty({ format: 'uuid' }) courseId!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date-time' }) completedAt!: string;
}

export class ReachedCompetencyDto {
  @ApiProperty({ example: 'vn-757-2025:1.1', description: 'Competency ref of @hocso/curriculum' }) competency!: string;
  @ApiProperty({ description: 'Demonstrated mastery level (computeMastery); 0 = practised but not yet demonstrated' }) level!: number;
  @ApiProperty({ description: 'Highest level among completed activities, demonstrated or not' }) highestPassedLevel!: number;
  @ApiProperty({ description: 'Pieces of evidence (completed lessons, passed quizzes)' }) evidenceCount!: number;
  @ApiProperty({ format: 'date-time' }) lastEvidenceAt!: string;
}

export class MyCertificateDto {
  @ApiProperty() id!: string;
  @ApiProperty() serial!: string;
  @ApiProperty({ example: 'course' }) kind!: string;
  @ApiProperty() ref!: string;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
}

export class TimeSpentDto {
  @ApiProperty({ description: 'Seconds of learning, all courses' }) totalSeconds!: number;
  @ApiProperty({ description: 'Distinct seconds of video watched' }) videoSeconds!: number;
  @ApiProperty({ description: 'Estimated minutes × 60 of completed lessons that are not videos' }) otherLessonsSeconds!: number;
  @ApiProperty({ example: 'watched-video-seconds+estimated-minutes-of-other-completed-lessons' }) method!: string;
}

export class MyLearningDto {
  @ApiProperty({ type: [CourseInProgressDto] }) inProgress!: CourseInProgressDto[];
  @ApiProperty({ type: [CompletedCourseDto] }) completed!: CompletedCourseDto[];
  @ApiProperty({ type: [ReachedCompetencyDto] }) competencies!: ReachedCompetencyDto[];
  @ApiProperty({ type: [MyCertificateDto] }) certificates!: MyCertificateDto[];
  @ApiProperty({ type: TimeSpentDto }) timeSpent!: TimeSpentDto;
}
