import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Course } from '../catalog/course.entity';
import type { CourseVersion } from '../catalog/course-version.entity';
import type { User } from '../identity/user.entity';

/**
 * A learner in a course, pinned to the version that was the newest published one when they enrolled
 * (or upgraded): a new publication never changes what an enrolled learner follows.
 */
@Entity({ name: 'enrolments' })
@Unique('uq_enrolments_user_course', ['userId', 'courseId'])
@Index('ix_enrolments_course', ['courseId'])
/** Reports' incremental refresh (reports-perf). */
@Index('ix_enrolments_enrolled_at', ['enrolledAt'])
export class Enrolment {
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

  /** The pinned version. */
  @Column({ name: 'version_id', type: 'uuid' })
  versionId!: string;

  @ManyToOne('CourseVersion', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'version_id' })
  version?: CourseVersion;

  @CreateDateColumn({ name: 'enrolled_at', type: 'timestamptz' })
  enrolledAt!: Date;

  /** Set once, when every lesson of the pinned version is completed (see course_completions). */
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}
