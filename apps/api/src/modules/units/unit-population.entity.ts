import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { AdministrativeUnit } from './administrative-unit.entity';

/** Population of a unit per target group and year: the denominator of coverage percentages. */
@Entity({ name: 'unit_populations' })
@Check('ck_unit_populations_population', `"population" >= 0`)
export class UnitPopulation {
  @PrimaryColumn({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @ManyToOne('AdministrativeUnit', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'unit_id' })
  unit?: AdministrativeUnit;

  /** A target group id of @hocso/curriculum (citizens, officials, students, workers). */
  @PrimaryColumn({ name: 'target_group', type: 'varchar', length: 32 })
  targetGroup!: string;

  @PrimaryColumn({ type: 'integer' })
  year!: number;

  @Column({ type: 'integer' })
  population!: number;
}
