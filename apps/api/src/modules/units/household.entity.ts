import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { AdministrativeUnit } from './administrative-unit.entity';
import type { User } from '../identity/user.entity';

/** A "Digital Family": covered when at least one member is learning. */
@Entity({ name: 'households' })
@Index('ix_households_unit', ['unitId'])
export class Household {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @ManyToOne('AdministrativeUnit', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: AdministrativeUnit;

  /** How the family calls itself, e.g. "Gia đình ông Lò Văn A". */
  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne('User', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'created_by' })
  creator?: User | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
