import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { UNIT_LEVELS, type UnitLevel } from '../administrative-unit.entity';
import { UNIT_CODE, UNIT_NAME_MAX } from '../unit-import';

export class UnitDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '12', description: 'Official code (GSO), or a provisional local one' }) code!: string;
  @ApiProperty({ example: 'Tỉnh Lai Châu' }) name!: string;
  @ApiProperty({ enum: UNIT_LEVELS, enumName: 'UnitLevel' }) level!: UnitLevel;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId!: string | null;
  @ApiProperty({ example: '/5b8f…/9a1c…/', description: 'Materialised path of ids from the root down to the unit' }) path!: string;
}

export class UnitListDto {
  @ApiProperty({ type: [UnitDto] }) items!: UnitDto[];
  @ApiProperty({ description: 'Number of units matching, all pages together' }) total!: number;
}

export class UnitRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'X-12-BL' }) code!: string;
  @ApiProperty({ example: 'Xã Bình Lư' }) name!: string;
  @ApiProperty({ enum: UNIT_LEVELS, enumName: 'UnitLevel' }) level!: UnitLevel;
}

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset must be a whole number' })
  @Min(0)
  offset?: number;
}

export class SearchUnitsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the name, or the exact code', example: 'Bình Lư' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: UNIT_LEVELS, enumName: 'UnitLevel' })
  @IsOptional()
  @IsIn(UNIT_LEVELS, { message: `level must be one of: ${UNIT_LEVELS.join(', ')}` })
  level?: UnitLevel;
}

export class SubtreeQuery extends PageQuery {
  @ApiPropertyOptional({ enum: UNIT_LEVELS, enumName: 'UnitLevel', description: 'Only units of this level (e.g. every village of a province)' })
  @IsOptional()
  @IsIn(UNIT_LEVELS, { message: `level must be one of: ${UNIT_LEVELS.join(', ')}` })
  level?: UnitLevel;
}

export class CreateUnitDto {
  @ApiProperty({ example: 'X-12-BL-05', description: '1-32 letters, digits, ".", "_" or "-"; unique' })
  @Matches(UNIT_CODE, { message: 'code must be 1-32 letters, digits, ".", "_" or "-", starting with a letter or digit' })
  code!: string;

  @ApiProperty({ example: 'Bản Nà Phát' })
  @IsString()
  @MinLength(1)
  @MaxLength(UNIT_NAME_MAX)
  name!: string;

  @ApiProperty({ enum: UNIT_LEVELS, enumName: 'UnitLevel', description: "Must be the level right below the parent's (country for a root)" })
  @IsIn(UNIT_LEVELS, { message: `level must be one of: ${UNIT_LEVELS.join(', ')}` })
  level!: UnitLevel;

  @ApiPropertyOptional({ format: 'uuid', description: 'The parent unit; omitted only for a country (administrators)' })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId?: string;
}

export class ImportResultDto {
  @ApiProperty({ example: 12 }) created!: number;
  @ApiProperty({ example: 1, description: 'Existing rows whose values changed (a unit renamed or moved to another parent)' }) updated!: number;
  @ApiProperty({ example: 40 }) unchanged!: number;
}

export class PopulationDto {
  @ApiProperty({ example: 'citizens', description: 'A target group id of @hocso/curriculum' }) targetGroup!: string;
  @ApiProperty({ example: 2025 }) year!: number;
  @ApiProperty({ example: 5230 }) population!: number;
}

export class UnitPopulationsDto {
  @ApiProperty({ type: UnitDto }) unit!: UnitDto;
  @ApiProperty({ type: [PopulationDto] }) items!: PopulationDto[];
}

export class PopulationsQuery {
  @ApiPropertyOptional({ example: 2025 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'year must be a whole number' })
  @Min(2000)
  @Max(2100)
  year?: number;
}

/** The levels a person may choose as where they live (sign-up and profile pickers). */
export const PUBLIC_UNIT_LEVELS = ['commune', 'village'] as const;
export type PublicUnitLevel = (typeof PUBLIC_UNIT_LEVELS)[number];
/** At most this many units in one answer of the public list. */
export const PUBLIC_UNITS_MAX = 2000;

export class PublicUnitsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'List the children of this unit (e.g. the villages of a commune); omitted: the communes' })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId?: string;

  @ApiPropertyOptional({ enum: PUBLIC_UNIT_LEVELS, description: 'Only units of this level (default without parentId: commune)' })
  @IsOptional()
  @IsIn(PUBLIC_UNIT_LEVELS, { message: `level must be one of: ${PUBLIC_UNIT_LEVELS.join(', ')}` })
  level?: PublicUnitLevel;
}

export class PublicUnitListDto {
  @ApiProperty({ type: [UnitRefDto], description: `By name; at most ${PUBLIC_UNITS_MAX}` }) items!: UnitRefDto[];
}
