import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ATTEMPT_STATUSES, ITEM_KINDS, type AttemptStatus, type ItemKind } from '../entities';
import { ItemOptionOutDto, MatchPairDto } from './item.dto';

// Learner-facing shapes: built field by field, never from an item row, so no answer key can leak.

export class AnswerDto {
  @ApiPropertyOptional({ type: [String], description: 'single/multiple choice' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  optionIds?: string[];

  @ApiPropertyOptional({ description: 'true/false' })
  @IsOptional()
  @IsBoolean()
  booleanValue?: boolean;

  @ApiPropertyOptional({ type: [String], description: 'ordering: option ids in the chosen order' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  order?: string[];

  @ApiPropertyOptional({ type: [MatchPairDto], description: 'matching' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => MatchPairDto)
  pairs?: MatchPairDto[];

  @ApiPropertyOptional({ description: 'short or free text' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  text?: string;

  @ApiPropertyOptional({ description: 'numeric' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  numberValue?: number;
}

export class StartAttemptDto {
  @ApiProperty({ description: 'The quiz lesson the learner is taking it from' })
  @IsUUID()
  lessonId!: string;
}

export class AttemptItemResultDto {
  @ApiProperty({ type: Number, nullable: true, description: '0..1; null while waiting for a person to grade it' }) score!: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) correct!: boolean | null;
  @ApiProperty({ type: String, nullable: true }) explanation!: string | null;
  @ApiProperty({ type: String, nullable: true }) feedback!: string | null;
}

export class AttemptItemDto {
  @ApiProperty() itemId!: string;
  @ApiProperty() position!: number;
  @ApiProperty({ enum: ITEM_KINDS }) kind!: ItemKind;
  @ApiProperty({ description: 'Sanitised HTML' }) stem!: string;
  @ApiProperty({ type: String, nullable: true }) mediaUrl!: string | null;
  @ApiProperty({ type: [ItemOptionOutDto], description: 'In this attempt\'s shuffled order' }) options!: ItemOptionOutDto[];
  @ApiProperty({ type: [ItemOptionOutDto], description: 'Matching: right side, shuffled' }) targets!: ItemOptionOutDto[];
  @ApiProperty({ type: AnswerDto, nullable: true }) response!: AnswerDto | null;
  @ApiProperty({ type: String, nullable: true }) answeredAt!: string | null;
  @ApiProperty({ type: AttemptItemResultDto, nullable: true, description: 'After grading' }) result!: AttemptItemResultDto | null;
}

export class AttemptGradeDto {
  @ApiProperty() score!: number;
  @ApiProperty() maxScore!: number;
  @ApiProperty() percent!: number;
  @ApiProperty() passed!: boolean;
  @ApiProperty() gradedAt!: string;
}

export class AttemptDto {
  @ApiProperty() id!: string;
  @ApiProperty() quizId!: string;
  @ApiProperty() lessonId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() attemptNumber!: number;
  @ApiProperty({ enum: ATTEMPT_STATUSES }) status!: AttemptStatus;
  @ApiProperty() startedAt!: string;
  @ApiProperty({ type: String, nullable: true }) deadlineAt!: string | null;
  @ApiProperty({ description: 'Server clock, to compute the time left' }) serverNow!: string;
  @ApiProperty({ type: String, nullable: true }) submittedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['learner', 'deadline'] }) closedBy!: string | null;
  @ApiProperty() passPercent!: number;
  @ApiProperty({ type: [AttemptItemDto] }) items!: AttemptItemDto[];
  @ApiProperty({ type: AttemptGradeDto, nullable: true }) grade!: AttemptGradeDto | null;
}

export class SavedAnswerDto {
  @ApiProperty() itemId!: string;
  @ApiProperty() answeredAt!: string;
}

export class AttemptSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() attemptNumber!: number;
  @ApiProperty({ enum: ATTEMPT_STATUSES }) status!: AttemptStatus;
  @ApiProperty() startedAt!: string;
  @ApiProperty({ type: Number, nullable: true }) percent!: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) passed!: boolean | null;
}

export class LessonQuizDto {
  @ApiProperty() quizId!: string;
  @ApiProperty() lessonId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() itemCount!: number;
  @ApiProperty({ type: Number, nullable: true }) timeLimitSeconds!: number | null;
  @ApiProperty({ type: Number, nullable: true }) maxAttempts!: number | null;
  @ApiProperty() passPercent!: number;
  @ApiProperty() attemptsUsed!: number;
  @ApiProperty({ type: String, nullable: true, description: 'The attempt in progress, to resume' }) openAttemptId!: string | null;
  @ApiProperty({ type: [AttemptSummaryDto] }) attempts!: AttemptSummaryDto[];
}

export class ReviewTaskDto {
  @ApiProperty() attemptId!: string;
  @ApiProperty() itemId!: string;
  @ApiProperty() quizTitle!: string;
  @ApiProperty() stem!: string;
  @ApiProperty({ type: String, nullable: true }) rubric!: string | null;
  @ApiProperty() answer!: string;
  @ApiProperty() submittedAt!: string;
}

export class ReviewTaskListDto {
  @ApiProperty({ type: [ReviewTaskDto] }) items!: ReviewTaskDto[];
}

export class ReviewInputDto {
  @ApiProperty({ description: '0..1 (share of the point)' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  score!: number;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  feedback?: string | null;
}

export class MasteryLevelDto {
  @ApiProperty() competency!: string;
  @ApiProperty() level!: number;
  @ApiProperty() evidenceCount!: number;
  @ApiProperty() highestPassedLevel!: number;
  @ApiProperty() lastEvidenceAt!: string;
}

export class MasteryDto {
  @ApiProperty() now!: string;
  @ApiProperty({ type: [MasteryLevelDto] }) competencies!: MasteryLevelDto[];
}
