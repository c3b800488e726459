import { Check, Column, Entity, Generated, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { CourseModule } from './course-module.entity';

export const LESSON_KINDS = ['video', 'text', 'quiz', 'practice', 'resource'] as const;
export type LessonKind = (typeof LESSON_KINDS)[number];

@Entity({ name: 'lessons' })
@Unique('uq_lessons_position', ['moduleId', 'position'])
@Check('ck_lessons_completion_percent', `"completion_percent" BETWEEN 1 AND 100`)
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

  /**
   * The same lesson across the versions of a course (a new draft copies it), so that progress,
   * changelogs and archives can follow a lesson from one version to the next.
   */
  @Column({ name: 'lesson_key', type: 'uuid' })
  @Generated('uuid')
  lessonKey!: string;

  /** A video lesson counts as done when this share (percent) of its distinct seconds was watched. */
  @Column({ name: 'completion_percent', type: 'smallint', default: 90 })
  completionPercent!: number;

  /** The video of a video lesson (media module); unset when the asset is deleted. */
  @Column({ name: 'media_asset_id', type: 'uuid', nullable: true })
  mediaAssetId!: string | null;

  @ManyToOne('MediaAsset', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'media_asset_id' })
  mediaAsset?: unknown;

  /** Title and body in other languages than the course's own, keyed by language code. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  translations!: LessonTranslations;
}

export type LessonTranslations = Record<string, { title?: string; body?: string }>;
