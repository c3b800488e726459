import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Course } from '../catalog/course.entity';
import type { User } from '../identity/user.entity';

/**
 * A learner's state on one lesson of a course, keyed by the lesson's stable `lesson_key`, so that it
 * carries over when the learner moves to a newer version. Folded from progress events: the watched
 * seconds only grow (union of intervals), the position is the one of the latest event by event time,
 * and `completed_at` is set once and never cleared.
 */
@Entity({ name: 'lesson_progress' })
export class LessonProgress {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @PrimaryColumn({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @ManyToOne('Course', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @PrimaryColumn({ name: 'lesson_key', type: 'uuid' })
  lessonKey!: string;

  /** The lesson (of some version) the latest event was about. */
  @Column({ name: 'lesson_id', type: 'uuid' })
  lessonId!: string;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId!: string;

  /** How the lesson completes from events (video | text | opened | never), as of the version last seen. */
  @Column({ name: 'completion_rule', type: 'varchar', length: 10 })
  completionRule!: string;

  /** Video: distinct seconds to watch for completion (duration × completion_percent), as of the version last seen. */
  @Column({ name: 'required_seconds', type: 'integer', default: 0 })
  requiredSeconds!: number;

  /** Distinct whole seconds watched, as a union of [from, to) ranges (PostgreSQL multirange). */
  @Column({ type: 'int4multirange', default: () => `'{}'` })
  watched!: string;

  /** Size of `watched` in seconds (kept with it, for completion and percentages). */
  @Column({ name: 'watched_seconds', type: 'integer', default: 0 })
  watchedSeconds!: number;

  @Column({ name: 'position_seconds', type: 'double precision', default: 0 })
  positionSeconds!: number;

  /** Event time of the event that set the position (an older event never moves it). */
  @Column({ name: 'position_at', type: 'timestamptz', nullable: true })
  positionAt!: Date | null;

  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt!: Date | null;

  /** Text lessons: the learner scrolled to the end. */
  @Column({ name: 'scrolled_at', type: 'timestamptz', nullable: true })
  scrolledAt!: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  /** What completed it: video, text, opened, quiz… */
  @Column({ name: 'completion_source', type: 'varchar', length: 20, nullable: true })
  completionSource!: string | null;

  @Column({ name: 'completion_source_id', type: 'varchar', length: 100, nullable: true })
  completionSourceId!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
