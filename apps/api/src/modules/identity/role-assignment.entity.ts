import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { AdministrativeUnit } from '../units/administrative-unit.entity';
import type { User } from './user.entity';

export const ROLES = ['learner', 'author', 'reviewer', 'facilitator', 'mentor', 'official', 'administrator'] as const;
export type Role = (typeof ROLES)[number];
/** Roles whose rights are limited to a subtree of administrative units. */
export const SCOPED_ROLES: readonly Role[] = ['official', 'facilitator'];

/**
 * A role held by a user. For official and facilitator the unit is required and scopes the role to that
 * unit's subtree; for the others it is null. Every user is a learner without a row here.
 */
@Entity({ name: 'role_assignments' })
@Index('uq_role_assignments', ['userId', 'role', 'unitId'], { unique: true, where: '"unit_id" IS NOT NULL' })
@Index('uq_role_assignments_unscoped', ['userId', 'role'], { unique: true, where: '"unit_id" IS NULL' })
@Check('ck_role_assignments_role', `"role" IN ('learner', 'author', 'reviewer', 'facilitator', 'mentor', 'official', 'administrator')`)
@Check('ck_role_assignments_scope', `("role" IN ('official', 'facilitator')) = ("unit_id" IS NOT NULL)`)
export class RoleAssignment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 20 })
  role!: Role;

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId!: string | null;

  @ManyToOne('AdministrativeUnit', { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'unit_id' })
  unit?: AdministrativeUnit | null;

  @Column({ name: 'granted_by', type: 'uuid', nullable: true })
  grantedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
