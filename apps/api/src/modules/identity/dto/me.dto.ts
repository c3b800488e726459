import type { AudienceId, TargetGroupId } from '@hocso/curriculum';
import { ApiProperty } from '@nestjs/swagger';
import { UNIT_LEVELS, type UnitLevel } from '../../units/administrative-unit.entity';
import { ROLES, type Role } from '../role-assignment.entity';
import { PreferencesDto } from './preferences.dto';
import { AUDIENCE_IDS, TARGET_GROUP_IDS } from './profile-fields';

export class HeldRoleDto {
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role!: Role;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'For official and facilitator: the unit whose subtree the role covers' })
  unitId!: string | null;
}

/** Where the person lives, with its commune (the unit itself for a commune) for the pickers of the profile. */
export class MeUnitDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Bản Nà Phát' }) name!: string;
  @ApiProperty({ enum: UNIT_LEVELS, enumName: 'UnitLevel' }) level!: UnitLevel;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The commune: the unit itself, or the parent of a village; null above communes' })
  communeId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Xã Bình Lư' }) communeName!: string | null;
}

/** The signed-in person's own account, in full (it is their data), and the session's CSRF token. */
export class MeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: String, nullable: true, example: '+84912345678', description: 'E.164' }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: Number, nullable: true }) birthYear!: number | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) unitId!: string | null;
  @ApiProperty({ type: MeUnitDto, nullable: true, description: 'The unit of unitId, named' }) unit!: MeUnitDto | null;
  @ApiProperty({ enum: TARGET_GROUP_IDS, enumName: 'TargetGroup', nullable: true }) targetGroup!: TargetGroupId | null;
  @ApiProperty({ enum: AUDIENCE_IDS, enumName: 'Audience', isArray: true }) audiences!: AudienceId[];
  @ApiProperty({ type: PreferencesDto }) preferences!: PreferencesDto;
  @ApiProperty({ type: [HeldRoleDto], description: 'Always includes learner' }) roles!: HeldRoleDto[];
  @ApiProperty({ description: 'The account can sign in with a password' }) hasPassword!: boolean;
  @ApiProperty({ description: 'The account is linked to the national digital ID' }) nationalIdLinked!: boolean;
  @ApiProperty({ description: 'Send it back in the x-csrf-token header of every POST, PUT, PATCH and DELETE of this session' })
  csrfToken!: string;
}

export class AuthProvidersDto {
  @ApiProperty({ description: 'Sign-in with the national digital ID is configured (GET /api/v1/auth/oidc/start)' })
  nationalId!: boolean;
}
