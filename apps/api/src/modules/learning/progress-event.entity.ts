import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { User } from '../identity/user.entity';

export const PROGRESS_EVENT_TYPES = ['video_watched', 'video_position', 'text_opened', 'text_scrolled', 'lesson_opened'] as const;
export type ProgressEventType = (typeof PROGRESS_EVENT_TYPES)[number];

/**
 * Every progress event a learner's browser sent, once: the client's event id is the key, so a
 * repeat (retry, offline replay) is harmless. Kept for the xAPI mirror and for audits.
 */
@Entity({ name: 'progress_events' })
@Index('ix_progress_events_unmirrored', ['receivedAt'], { where: `"mirrored_at" IS NULL` })
/** Reports' incremental refresh (reports-perf): a BRIN index (rows arrive in received_at order), made by migration ReportsPerformance. */
@Index('ix_progress_events_received_brin', { synchronize: false })
@Check('ck_progress_events_type', `"type" IN ('video_watched', 'video_position', 'text_opened', 'text_scrolled', 'lesson_opened')`)
export class ProgressEvent {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @PrimaryColumn({ name: 'client_event_id', type: 'uuid' })
  clientEventId!: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @Column({ name: 'lesson_id', type: 'uuid' })
  lessonId!: string;

  @Column({ name: 'lesson_key', type: 'uuid' })
  lessonKey!: string;

  @Column({ type: 'varchar', length: 20 })
  type!: ProgressEventType;

  @Column({ name: 'from_seconds', type: 'double precision', nullable: true })
  fromSeconds!: number | null;

  @Column({ name: 'to_seconds', type: 'double precision', nullable: true })
  toSeconds!: number | null;

  @Column({ name: 'position_seconds', type: 'double precision', nullable: true })
  positionSeconds!: number | null;

  /** When it happened on the learner's device. */
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;

  /** Set when the event was mirrored into the xAPI learning record store. */
  @Column({ name: 'mirrored_at', type: 'timestamptz', nullable: true })
  mirroredAt!: Date | null;
}
