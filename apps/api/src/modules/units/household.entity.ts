import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { AdministrativeUnit } from './administrative-unit.entity';
import type { User } from '../identity/user.entity';

/** A "Digital Family": covered when at least one member is learning. */
@Entity({ name: 'households' })
@Index('ix_households_unit', ['unitId'])
@Index('uq_households_join_code', ['joinCode'], { unique: true })
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

  /**
   * Short code a family member types to join (8 letters and digits without look-alikes, e.g.
   * "K7MX3QHP"); members see it and can replace it with a new one.
   */
  @Column({ name: 'join_code', type: 'varchar', length: 12 })
  joinCode!: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne('User', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'created_by' })
  creator?: User | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
