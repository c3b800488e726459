import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COURSE_LEVELS, TARGET_GROUPS, type CourseLevel, type TargetGroup } from '../course-version.entity';

export class CourseSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'dung-dien-thoai-thong-minh-an-toan' }) slug!: string;
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ example: 'vi', description: 'Language of the title and summary returned' }) language!: string;
  @ApiProperty({ enum: TARGET_GROUPS, isArray: true, enumName: 'TargetGroup' }) targetGroups!: TargetGroup[];
  @ApiProperty({ enum: COURSE_LEVELS, enumName: 'CourseLevel' }) level!: CourseLevel;
  @ApiProperty({ example: 45 }) estimatedMinutes!: number;
  @ApiProperty({ example: 6 }) lessonCount!: number;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  @ApiPropertyOptional({ description: 'Only for a signed-in learner with a target group: the course is for their group (such courses come first)' })
  forYourGroup?: boolean;
}

export class CourseListDto {
  @ApiProperty({ type: [CourseSummaryDto] }) items!: CourseSummaryDto[];
  @ApiProperty({ description: 'Number of courses matching the filters, all pages together' }) total!: number;
}
