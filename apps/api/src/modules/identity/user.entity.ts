import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AdministrativeUnit } from '../units/administrative-unit.entity';

/** Accessibility and language preferences, applied by the web app on every page. */
export interface UserPreferences {
  language?: 'vi' | 'en';
  fontSize?: 'normal' | 'large' | 'x-large';
  contrast?: 'normal' | 'high';
  reducedMotion?: boolean;
}

/**
 * A person. Signs in with a phone number or email and a password (argon2id hash), and/or through the
 * national digital ID (see OidcIdentity). No national ID number is ever stored here.
 */
@Entity({ name: 'users' })
@Index('uq_users_phone', ['phone'], { unique: true, where: '"phone" IS NOT NULL' })
@Index('uq_users_email', ['email'], { unique: true, where: '"email" IS NOT NULL' })
@Index('ix_users_unit', ['unitId'])
/** Reports' incremental refresh (reports-perf): rows written since its watermark. */
@Index('ix_users_created_at', ['createdAt'])
@Index('ix_users_updated_at', ['updatedAt'])
@Check('ck_users_birth_year', `"birth_year" IS NULL OR "birth_year" BETWEEN 1900 AND 2100`)
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  /** E.164, e.g. +84912345678 (normalised before storing). */
  @Column({ type: 'varchar', length: 20, nullable: true })
  phone!: string | null;

  /** Lower-cased. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  /** argon2id; null for an account that only signs in through the national digital ID. */
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash!: string | null;

  @Column({ name: 'birth_year', type: 'integer', nullable: true })
  birthYear!: number | null;

  /** Where the person lives (a commune or village). */
  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId!: string | null;

  @ManyToOne('AdministrativeUnit', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'unit_id' })
  unit?: AdministrativeUnit | null;

  /** A target group id of @hocso/curriculum. */
  @Column({ name: 'target_group', type: 'varchar', length: 32, nullable: true })
  targetGroup!: string | null;

  /** Audience ids of @hocso/curriculum (elderly, disability, ethnic-minority, 4t-traders-farmers). */
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  audiences!: string[];

  @Column({ type: 'jsonb', default: () => `'{}'` })
  preferences!: UserPreferences;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
