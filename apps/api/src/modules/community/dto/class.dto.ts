import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { CLASS_STATUSES, type ClassStatus } from '../entities';
import { SessionDto } from './session.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class ClassScheduleDto {
  @ApiProperty({ minimum: 1, maximum: 7, description: 'ISO weekday: 1 = Monday … 7 = Sunday', example: 6 })
  @IsInt({ message: 'weekday must be a whole number from 1 (Monday) to 7 (Sunday)' })
  @Min(1, { message: 'weekday must be from 1 (Monday) to 7 (Sunday)' })
  @Max(7, { message: 'weekday must be from 1 (Monday) to 7 (Sunday)' })
  weekday!: number;

  @ApiProperty({ example: '19:30', description: 'Local time (Asia/Ho_Chi_Minh), HH:MM' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'startTime must be a time like 19:30' })
  startTime!: string;

  @ApiProperty({ minimum: 15, maximum: 600, example: 90 })
  @IsInt({ message: 'durationMinutes must be a whole number of minutes' })
  @Min(15, { message: 'durationMinutes must be at least 15' })
  @Max(600, { message: 'durationMinutes must be at most 600' })
  durationMinutes!: number;

  @ApiProperty({ format: 'date', example: '2026-12-05', description: 'The first session is on the first schedule weekday on or after this date' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'firstDate must be a date like 2026-12-05' })
  @IsISO8601({ strict: true }, { message: 'firstDate must be a real date' })
  firstDate!: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2027-03-27', description: 'No session after this date' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'endDate must be a date like 2027-03-27' })
  @IsISO8601({ strict: true }, { message: 'endDate must be a real date' })
  endDate?: string | null;
}

export class CreateClassDto {
  @ApiProperty({ format: 'uuid', description: 'Administrative unit of the class (inside your scope)' })
  @IsUUID('all', { message: 'unitId must be the id of an administrative unit' })
  unitId!: string;

  @ApiProperty({ example: 'dung-dien-thoai-thong-minh-an-toan', description: 'A published course' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  courseSlug!: string;

  @ApiProperty({ example: 'Lớp điện thoại thông minh tối thứ Bảy' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: 'Nhà văn hoá thôn Nà Lừa' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'place must not be empty' })
  @MaxLength(200)
  place!: string;

  @ApiProperty({ type: ClassScheduleDto })
  @ValidateNested()
  @Type(() => ClassScheduleDto)
  schedule!: ClassScheduleDto;
}

export class UpdateClassDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'place must not be empty' })
  @MaxLength(200)
  place?: string;

  @ApiPropertyOptional({ type: ClassScheduleDto, description: 'Sessions already generated keep their times; new ones follow this' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ClassScheduleDto)
  schedule?: ClassScheduleDto;
}

export class ClassListQuery {
  @ApiPropertyOptional({ enum: ['active', 'archived', 'all'], default: 'active' })
  @IsOptional()
  @IsIn(['active', 'archived', 'all'])
  status?: 'active' | 'archived' | 'all';
}

export class UnitSearchQuery {
  @ApiPropertyOptional({ description: 'Part of the unit name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class RefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class ClassCourseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() title!: string;
}

export class ClassDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() place!: string;
  @ApiProperty({ enum: CLASS_STATUSES, enumName: 'ClassStatus' }) status!: ClassStatus;
  @ApiProperty({ type: RefDto }) unit!: RefDto;
  @ApiProperty({ type: ClassCourseDto }) course!: ClassCourseDto;
  @ApiProperty({ type: ClassScheduleDto }) schedule!: ClassScheduleDto;
  @ApiProperty({ example: 'K7MX3Q', description: '6 characters; people type it or scan joinUrl' }) joinCode!: string;
  @ApiProperty({ description: 'Absolute URL of the join page (make the QR code of it)' }) joinUrl!: string;
  @ApiProperty() attendeeCount!: number;
  @ApiProperty({ type: SessionDto, nullable: true, description: 'The next session not ended or cancelled' }) nextSession!: SessionDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ClassListDto {
  @ApiProperty({ type: [ClassDto] }) classes!: ClassDto[];
}

export class CommunityUnitDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'commune' }) level!: string;
  @ApiProperty({ description: 'Materialised path (ancestors first)' }) path!: string;
}

export class CommunityUnitListDto {
  @ApiProperty({ type: [CommunityUnitDto] }) units!: CommunityUnitDto[];
}

export class ClassLessonDto {
  @ApiProperty({ format: 'uuid' }) lessonKey!: string;
  @ApiProperty({ example: 'text' }) kind!: string;
  @ApiProperty() title!: string;
}

export class ClassLessonModuleDto {
  @ApiProperty() title!: string;
  @ApiProperty({ type: [ClassLessonDto] }) lessons!: ClassLessonDto[];
}

export class ClassLessonsDto {
  @ApiProperty() courseTitle!: string;
  @ApiProperty({ type: [ClassLessonModuleDto] }) modules!: ClassLessonModuleDto[];
}

export class JoinPreviewDto {
  @ApiProperty({ format: 'uuid' }) classId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() place!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty() courseSlug!: string;
  @ApiProperty() courseTitle!: string;
  @ApiProperty({ type: ClassScheduleDto }) schedule!: ClassScheduleDto;
  @ApiProperty({ description: 'The caller is an attendee already (false when not signed in)' }) joined!: boolean;
}

export class ClaimAttendeeDto {
  @ApiProperty({ example: 'K7MX3QHP', description: 'The claim code the facilitator gave you' })
  @IsString()
  @MinLength(4)
  @MaxLength(20)
  code!: string;
}
