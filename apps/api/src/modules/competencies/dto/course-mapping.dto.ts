import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

// Only the shape is checked here; whether codes, versions and levels exist in a framework is
// decided by `validateMapping` of @hocso/curriculum (CompetencyMappingService).

export class FrameworkPinDto {
  @ApiProperty({ example: 'digcomp-2.2' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  id!: string;

  @ApiProperty({ example: '2.2.0' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  version!: string;
}

export class CompetencyTargetDto {
  @ApiProperty({ example: 'digcomp-2.2:4.2', description: '"<frameworkId>:<code>"' })
  @IsString()
  @MaxLength(100)
  competency!: string;

  @ApiProperty({ example: 2, description: 'A level of the framework\'s scale (1..n)' })
  @IsInt()
  level!: number;
}

export class MappingItemDto {
  @ApiProperty({ example: 'lesson-3', description: 'Lesson, quiz item or practice id, unique within the mapping' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  id!: string;

  @ApiPropertyOptional({ example: 'quiz-item', description: 'Informative: lesson, video, quiz-item, practice…' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  kind?: string;

  @ApiPropertyOptional({ type: [CompetencyTargetDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CompetencyTargetDto)
  teaches?: CompetencyTargetDto[];

  @ApiPropertyOptional({ type: [CompetencyTargetDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CompetencyTargetDto)
  assesses?: CompetencyTargetDto[];
}

/** Which competencies the lessons and quiz items of a course (version) teach and assess. */
export class CourseMappingDto {
  @ApiProperty({ example: 'nhan-biet-lua-dao-truc-tuyen' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  courseId!: string;

  @ApiPropertyOptional({ example: '1' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  courseVersion?: string;

  @ApiPropertyOptional({
    type: [FrameworkPinDto],
    description: 'Framework versions the codes refer to; a framework not listed means its current version',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => FrameworkPinDto)
  frameworks?: FrameworkPinDto[];

  @ApiProperty({ type: [MappingItemDto] })
  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => MappingItemDto)
  items!: MappingItemDto[];
}
