import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';

export class BlueprintEntryDto {
  @ApiProperty({ example: 'digcomp-2.2:4.2' })
  @IsString()
  @MaxLength(100)
  competencyRef!: string;

  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  level!: number;

  @ApiProperty({ example: 3, description: 'Items drawn for this competency and level' })
  @IsInt()
  @Min(1)
  @Max(50)
  count!: number;
}

export class QuizInputDto {
  @ApiProperty({ description: 'A quiz lesson of any version of the course: the quiz is keyed by its lesson_key, so every version shares it' })
  @IsUUID()
  lessonId!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title!: string;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Seconds; null = no limit' })
  @IsOptional()
  @IsInt()
  @Min(30)
  @Max(6 * 3600)
  timeLimitSeconds?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'null = unlimited' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  maxAttempts?: number | null;

  @ApiProperty({ example: 70 })
  @IsInt()
  @Min(0)
  @Max(100)
  passPercent!: number;

  @ApiProperty({ type: [BlueprintEntryDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => BlueprintEntryDto)
  blueprint!: BlueprintEntryDto[];
}

export class BlueprintEntryOutDto {
  @ApiProperty() competencyRef!: string;
  @ApiProperty() level!: number;
  @ApiProperty() count!: number;
  @ApiProperty({ description: 'Items of the bank available for it' }) available!: number;
}

export class QuizDto {
  @ApiProperty() id!: string;
  @ApiProperty() lessonKey!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: Number, nullable: true }) timeLimitSeconds!: number | null;
  @ApiProperty({ type: Number, nullable: true }) maxAttempts!: number | null;
  @ApiProperty() passPercent!: number;
  @ApiProperty({ type: [BlueprintEntryOutDto] }) blueprint!: BlueprintEntryOutDto[];
  @ApiProperty({ type: String, nullable: true }) lessonTitle!: string | null;
  @ApiProperty({ type: String, nullable: true }) courseTitle!: string | null;
}

export class QuizListDto {
  @ApiProperty({ type: [QuizDto] }) items!: QuizDto[];
}

export class QuizLessonDto {
  @ApiProperty() lessonId!: string;
  @ApiProperty() lessonKey!: string;
  @ApiProperty() lessonTitle!: string;
  @ApiProperty() courseTitle!: string;
  @ApiProperty() versionNumber!: number;
  @ApiProperty() versionStatus!: string;
  @ApiProperty({ type: String, nullable: true }) quizId!: string | null;
}

export class QuizLessonListDto {
  @ApiProperty({ type: [QuizLessonDto] }) items!: QuizLessonDto[];
}
