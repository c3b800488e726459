import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Course } from '../catalog/course.entity';
import type { User } from '../identity/user.entity';

/** A learner completed a course: recorded exactly once per (user, course). */
@Entity({ name: 'course_completions' })
@Unique('uq_course_completions_user_course', ['userId', 'courseId'])
@Index('ix_course_completions_unnotified', ['completedAt'], { where: `"notified_at" IS NULL` })
/** Reports' incremental refresh (reports-perf). */
@Index('ix_course_completions_completed_at', ['completedAt'])
export class CourseCompletion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @ManyToOne('Course', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  /** The version the learner completed. */
  @Column({ name: 'version_id', type: 'uuid' })
  versionId!: string;

  @Column({ name: 'completed_at', type: 'timestamptz', default: () => 'now()' })
  completedAt!: Date;

  /** Set by the CourseCompleted job once the listeners (certificates, xAPI) ran: an outbox for crash safety. */
  @Column({ name: 'notified_at', type: 'timestamptz', nullable: true })
  notifiedAt!: Date | null;
}
