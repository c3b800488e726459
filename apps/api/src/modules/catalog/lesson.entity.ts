import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { CourseModule } from './course-module.entity';

export const LESSON_KINDS = ['video', 'text', 'quiz', 'practice', 'resource'] as const;
export type LessonKind = (typeof LESSON_KINDS)[number];

@Entity({ name: 'lessons' })
@Unique('uq_lessons_position', ['moduleId', 'position'])
@Check('ck_lessons_kind', `"kind" IN ('video', 'text', 'quiz', 'practice', 'resource')`)
export class Lesson {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'module_id', type: 'uuid' })
  moduleId!: string;

  @ManyToOne('CourseModule', (module: CourseModule) => module.lessons, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'module_id' })
  module?: CourseModule;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'varchar', length: 20 })
  kind!: LessonKind;

  @Column({ type: 'text' })
  title!: string;

  /** Sanitised HTML of a text lesson. */
  @Column({ type: 'text', nullable: true })
  body!: string | null;

  @Column({ name: 'estimated_minutes', type: 'integer', default: 5 })
  estimatedMinutes!: number;
}
