import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Household } from './household.entity';
import type { User } from '../identity/user.entity';

/** A person belongs to at most one household (primary key on user_id). */
@Entity({ name: 'household_members' })
/** Reports' incremental refresh (reports-perf). */
@Index('ix_household_members_joined_at', ['joinedAt'])
export class HouseholdMember {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ name: 'household_id', type: 'uuid' })
  householdId!: string;

  @ManyToOne('Household', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'household_id' })
  household?: Household;

  /** Free text such as "chủ hộ", "con", "cháu". */
  @Column({ type: 'varchar', length: 40, nullable: true })
  relation!: string | null;

  @CreateDateColumn({ name: 'joined_at', type: 'timestamptz' })
  joinedAt!: Date;
}
