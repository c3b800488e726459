import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ITEM_KINDS, type ItemKind } from '../entities';

/** Images must be our own media files. */
export const MEDIA_URL = /^\/api\/v1\/media\/files\/[A-Za-z0-9._\-/]+$/;

export class ItemOptionDto {
  @ApiProperty({ example: 'a', description: 'Stable id within the item' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,40}$/)
  id!: string;

  @ApiProperty({ example: 'Gọi lại số tổng đài in trên thẻ ngân hàng' })
  @IsString()
  @MaxLength(1000)
  text!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '/api/v1/media/files/3f2a…/image.jpg' })
  @IsOptional()
  @IsString()
  @Matches(MEDIA_URL, { message: 'mediaUrl must be one of our media files (/api/v1/media/files/…)' })
  mediaUrl?: string | null;
}

export class MatchPairDto {
  @ApiProperty()
  @IsString()
  @MaxLength(40)
  optionId!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(40)
  targetId!: string;
}

/** What an author writes. The key fields are checked against the kind by the service. */
export class ItemInputDto {
  @ApiProperty({ enum: ITEM_KINDS })
  @IsIn(ITEM_KINDS)
  kind!: ItemKind;

  @ApiProperty({ example: 'digcomp-2.2:4.2' })
  @IsString()
  @MaxLength(100)
  competencyRef!: string;

  @ApiProperty({ example: 2 })
  @IsInt()
  @Min(1)
  level!: number;

  @ApiPropertyOptional({ example: '2.2.0', description: 'Framework version to check against (default: the current one)' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  frameworkVersion?: string;

  @ApiProperty({ description: 'HTML (sanitised to a minimal allowlist)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  stem!: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @Matches(MEDIA_URL, { message: 'mediaUrl must be one of our media files (/api/v1/media/files/…)' })
  mediaUrl?: string | null;

  @ApiPropertyOptional({ type: [ItemOptionDto], description: 'Choices; steps in the RIGHT order (ordering); left side (matching)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => ItemOptionDto)
  options?: ItemOptionDto[];

  @ApiPropertyOptional({ type: [ItemOptionDto], description: 'Right side (matching)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => ItemOptionDto)
  targets?: ItemOptionDto[];

  @ApiPropertyOptional({ type: [String], description: 'single/multiple choice' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @IsString({ each: true })
  correctOptionIds?: string[];

  @ApiPropertyOptional({ description: 'true/false' })
  @IsOptional()
  @IsBoolean()
  correctBoolean?: boolean;

  @ApiPropertyOptional({ type: [MatchPairDto], description: 'matching' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => MatchPairDto)
  pairs?: MatchPairDto[];

  @ApiPropertyOptional({ type: [String], description: 'short text' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  acceptedAnswers?: string[];

  @ApiPropertyOptional({ description: 'short text: "ha noi" matches "Hà Nội"' })
  @IsOptional()
  @IsBoolean()
  accentInsensitive?: boolean;

  @ApiPropertyOptional({ description: 'short text' })
  @IsOptional()
  @IsBoolean()
  caseSensitive?: boolean;

  @ApiPropertyOptional({ description: 'numeric' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  numericValue?: number;

  @ApiPropertyOptional({ description: 'numeric' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1e9)
  tolerance?: number;

  @ApiPropertyOptional({ description: 'free text: guidance for graders' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  rubric?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  explanation?: string | null;
}

export class ItemOptionOutDto {
  @ApiProperty() id!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ type: String, nullable: true }) mediaUrl!: string | null;
}

/** An item as its authors see it (with the key). */
export class AuthorItemDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ITEM_KINDS }) kind!: ItemKind;
  @ApiProperty() competencyRef!: string;
  @ApiProperty() level!: number;
  @ApiProperty() frameworkVersion!: string;
  @ApiProperty() stem!: string;
  @ApiProperty({ type: String, nullable: true }) mediaUrl!: string | null;
  @ApiProperty({ type: [ItemOptionOutDto] }) options!: ItemOptionOutDto[];
  @ApiProperty({ type: [ItemOptionOutDto] }) targets!: ItemOptionOutDto[];
  @ApiPropertyOptional({ type: [String] }) correctOptionIds?: string[];
  @ApiPropertyOptional() correctBoolean?: boolean;
  @ApiPropertyOptional({ type: [MatchPairDto] }) pairs?: MatchPairDto[];
  @ApiPropertyOptional({ type: [String] }) acceptedAnswers?: string[];
  @ApiPropertyOptional() accentInsensitive?: boolean;
  @ApiPropertyOptional() caseSensitive?: boolean;
  @ApiPropertyOptional() numericValue?: number;
  @ApiPropertyOptional() tolerance?: number;
  @ApiPropertyOptional() rubric?: string;
  @ApiProperty({ type: String, nullable: true }) explanation!: string | null;
  @ApiProperty({ type: String, nullable: true }) authorId!: string | null;
  @ApiProperty() updatedAt!: string;
}

export class ItemListDto {
  @ApiProperty({ type: [AuthorItemDto] }) items!: AuthorItemDto[];
}

export class ItemListQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  competencyRef?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  level?: number;

  @ApiPropertyOptional({ enum: ITEM_KINDS })
  @IsOptional()
  @IsIn(ITEM_KINDS)
  kind?: ItemKind;
}
