import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The LRS's canonical definition of an activity, merged from statements of clients allowed to define. */
@Entity({ name: 'xapi_activities' })
export class XapiActivity {
  @PrimaryColumn({ name: 'activity_id', type: 'text' })
  activityId!: string;

  @Column({ type: 'jsonb' })
  definition!: Record<string, unknown>;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
