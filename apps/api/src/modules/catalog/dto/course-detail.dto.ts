import { ApiProperty } from '@nestjs/swagger';
import { EnrolmentDto } from '../../learning/dto/enrolment.dto';
import { LESSON_KINDS, type LessonKind } from '../lesson.entity';
import { CourseSummaryDto } from './course-summary.dto';

export class OutlineLessonDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) lessonKey!: string;
  @ApiProperty() position!: number;
  @ApiProperty({ enum: LESSON_KINDS, enumName: 'LessonKind' }) kind!: LessonKind;
  @ApiProperty() title!: string;
  @ApiProperty() estimatedMinutes!: number;
}

export class OutlineModuleDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) moduleKey!: string;
  @ApiProperty() position!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [OutlineLessonDto] }) lessons!: OutlineLessonDto[];
}

/** The course page: the newest published version's outline, and the caller's enrolment. */
export class CourseDetailDto extends CourseSummaryDto {
  @ApiProperty({ format: 'uuid' }) versionId!: string;
  @ApiProperty() versionNumber!: number;
  @ApiProperty({ description: 'Lessons must be completed in order' }) sequential!: boolean;
  @ApiProperty({ type: [OutlineModuleDto] }) modules!: OutlineModuleDto[];
  @ApiProperty({ type: EnrolmentDto, nullable: true, description: 'The caller’s enrolment (null when anonymous or not enrolled)' })
  enrolment!: EnrolmentDto | null;
}
