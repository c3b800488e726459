import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Course } from './course.entity';

/**
 * Who may edit a course in the studio: its creator and its co-authors. Authors see only the courses
 * they are listed on here (administrators see all).
 */
@Entity({ name: 'course_authors' })
export class CourseAuthor {
  @PrimaryColumn({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @ManyToOne('Course', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: unknown;

  @CreateDateColumn({ name: 'added_at', type: 'timestamptz' })
  addedAt!: Date;
}
