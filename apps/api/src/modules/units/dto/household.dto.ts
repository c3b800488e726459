import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQuery, UnitRefDto } from './unit.dto';

export class HouseholdMemberDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ example: 'Lò Thị Mai' }) displayName!: string;
  @ApiProperty({ type: String, nullable: true, example: 'con gái' }) relation!: string | null;
  @ApiProperty({ format: 'date-time' }) joinedAt!: string;
  @ApiProperty({ description: 'Signed in within the last 30 days (enrolment and learning activity join later)' }) learning!: boolean;
}

export class HouseholdDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Gia đình ông Lò Văn Páo' }) name!: string;
  @ApiProperty({ type: UnitRefDto }) unit!: UnitRefDto;
  @ApiProperty({ example: 'K7MX3QHP', description: 'Family members type it to join; only members see it' }) joinCode!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The member who created it (may remove members)' }) createdBy!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: 'At least one member is learning' }) covered!: boolean;
  @ApiProperty({ type: [HouseholdMemberDto] }) members!: HouseholdMemberDto[];
}

const RELATION = { example: 'chủ hộ', description: 'How the member relates to the family, free text (e.g. "chủ hộ", "vợ", "con", "cháu")' };

export class CreateHouseholdDto {
  @ApiProperty({ example: 'Gia đình ông Lò Văn Páo' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name!: string;

  @ApiPropertyOptional({ ...RELATION, description: 'Your own relation in the family' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  relation?: string;
}

export class AddHouseholdMemberDto {
  @ApiProperty({ example: '0912345678', description: 'Phone number of an existing account' })
  @IsString()
  @MinLength(6)
  @MaxLength(24)
  phone!: string;

  @ApiPropertyOptional(RELATION)
  @IsOptional()
  @IsString()
  @MaxLength(40)
  relation?: string;
}

export class JoinHouseholdDto {
  @ApiProperty({ example: 'K7MX-3QHP', description: 'The household code (case, spaces and dashes do not matter)' })
  @IsString()
  @Matches(/^[A-Za-z0-9 -]{6,20}$/, { message: 'code must be the household code of 8 letters and digits' })
  code!: string;

  @ApiPropertyOptional(RELATION)
  @IsOptional()
  @IsString()
  @MaxLength(40)
  relation?: string;
}

export class HouseholdSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: UnitRefDto }) unit!: UnitRefDto;
  @ApiProperty({ example: 4 }) memberCount!: number;
  @ApiProperty() covered!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class HouseholdListDto {
  @ApiProperty({ type: [HouseholdSummaryDto] }) items!: HouseholdSummaryDto[];
  @ApiProperty() total!: number;
}

export class ListHouseholdsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only households in this unit and below (default: the whole scope)' })
  @IsOptional()
  @IsUUID('all', { message: 'unitId must be a UUID' })
  unitId?: string;
}

export class HouseholdCountsDto {
  @ApiProperty({ type: UnitRefDto }) unit!: UnitRefDto;
  @ApiProperty({ example: 120, description: 'Households in this unit and below' }) households!: number;
  @ApiProperty({ example: 87, description: 'Of which at least one member is learning' }) covered!: number;
}

export class HouseholdCoverageDto extends HouseholdCountsDto {
  @ApiProperty({ type: [HouseholdCountsDto], description: 'The same counts for each child unit' }) children!: HouseholdCountsDto[];
}

export class HouseholdCoverageQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'unitId must be a UUID' })
  unitId!: string;
}
