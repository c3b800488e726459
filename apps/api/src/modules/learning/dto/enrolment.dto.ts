import { ApiProperty } from '@nestjs/swagger';

export class VersionRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 2 }) versionNumber!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt!: string | null;
}

export class EnrolmentDto {
  @ApiProperty({ format: 'uuid' }) courseId!: string;
  @ApiProperty() slug!: string;
  @ApiProperty({ type: VersionRefDto, description: 'The version the learner follows (pinned at enrolment or upgrade)' }) version!: VersionRefDto;
  @ApiProperty({ format: 'date-time' }) enrolledAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;
  @ApiProperty({ type: VersionRefDto, nullable: true, description: 'A newer published version the learner may move to (POST …/enrolment/upgrade); progress carries over' })
  newerVersion!: VersionRefDto | null;
}
