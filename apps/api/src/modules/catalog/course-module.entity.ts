import { Column, Entity, Generated, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { CourseVersion } from './course-version.entity';
import type { Lesson } from './lesson.entity';

/** A module (chapter) of a course version. Not to be confused with a NestJS module. */
@Entity({ name: 'course_modules' })
@Unique('uq_course_modules_position', ['versionId', 'position'])
export class CourseModule {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId!: string;

  @ManyToOne('CourseVersion', (version: CourseVersion) => version.modules, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  version?: CourseVersion;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'text' })
  title!: string;

  /** The same module across the versions of a course (a new draft copies it). */
  @Column({ name: 'module_key', type: 'uuid' })
  @Generated('uuid')
  moduleKey!: string;

  /** Title in other languages than the course's own, keyed by language code. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  translations!: Record<string, { title?: string }>;

  @OneToMany('Lesson', (lesson: Lesson) => lesson.module)
  lessons?: Lesson[];
}
