import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export const UNIT_LEVELS = ['country', 'province', 'commune', 'village'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/**
 * A node of the administrative tree: country → province → commune/ward → village/residential group.
 * `path` is the materialised path of ids from the root ("/<root id>/<province id>/.../<own id>/"), so a
 * subtree is one indexed prefix match: `path LIKE :scopePath || '%'`. Officials' and facilitators'
 * rights are scoped to such a subtree.
 */
@Entity({ name: 'administrative_units' })
@Check('ck_administrative_units_level', `"level" IN ('country', 'province', 'commune', 'village')`)
export class AdministrativeUnit {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Official code (e.g. the General Statistics Office code), unique across the tree. */
  @Column({ type: 'varchar', length: 32, unique: true })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  level!: UnitLevel;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne('AdministrativeUnit', { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_id' })
  parent?: AdministrativeUnit | null;

  // A text_pattern_ops index (for LIKE 'prefix%') made by the migration; TypeORM cannot declare one.
  @Index('ix_administrative_units_path', { synchronize: false })
  @Column({ type: 'text' })
  path!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
