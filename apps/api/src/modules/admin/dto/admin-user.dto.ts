import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '../../identity/role-assignment.entity';
import { PageQuery, UnitRefDto } from '../../units/dto/unit.dto';

export class RoleAssignmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role!: Role;
  @ApiProperty({ type: UnitRefDto, nullable: true, description: 'For official and facilitator: the unit whose subtree the role covers' }) unit!: UnitRefDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) grantedBy!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class AdminUserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Lò Văn Páo' }) displayName!: string;
  @ApiProperty({ type: String, nullable: true, example: '+84912345678', description: 'Personal data: every read is audited' }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Personal data: every read is audited' }) email!: string | null;
  @ApiProperty({ type: UnitRefDto, nullable: true, description: 'Where the person lives' }) unit!: UnitRefDto | null;
  @ApiProperty({ type: String, nullable: true, example: 'citizens' }) targetGroup!: string | null;
  @ApiProperty({ type: [RoleAssignmentDto], description: 'Roles held besides learner (every user is a learner)' }) roles!: RoleAssignmentDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) disabledAt!: string | null;
}

export class AdminUserListDto {
  @ApiProperty({ type: [AdminUserDto] }) items!: AdminUserDto[];
  @ApiProperty({ description: 'Users matching, all pages together' }) total!: number;
}

export class ListUsersQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the name, a phone number (any usual spelling) or an email address', example: '0912345678' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only people living in this unit or below it' })
  @IsOptional()
  @IsUUID('all', { message: 'unitId must be a UUID' })
  unitId?: string;

  @ApiPropertyOptional({ enum: ROLES, enumName: 'Role', description: 'Only holders of this role (learner: everyone)' })
  @IsOptional()
  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role?: Role;
}

export class GrantRoleDto {
  @ApiProperty({ enum: ROLES, enumName: 'Role', description: 'An official grants only facilitator or mentor' })
  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role!: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for official and facilitator (the subtree the role covers); not allowed for the other roles' })
  @IsOptional()
  @IsUUID('all', { message: 'unitId must be a UUID' })
  unitId?: string;
}
