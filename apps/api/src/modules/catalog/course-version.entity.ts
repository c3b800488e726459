import { TARGET_GROUPS as CURRICULUM_TARGET_GROUPS, type TargetGroupId } from '@hocso/curriculum';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Course } from './course.entity';
import type { CourseModule } from './course-module.entity';

export const COURSE_VERSION_STATUSES = ['draft', 'in_review', 'published', 'archived'] as const;
export type CourseVersionStatus = (typeof COURSE_VERSION_STATUSES)[number];
export const COURSE_LEVELS = ['basic', 'intermediate', 'advanced'] as const;
export type CourseLevel = (typeof COURSE_LEVELS)[number];
/** Ids of the movement's target groups, from `@hocso/curriculum` (their names are there too). */
export const TARGET_GROUPS: readonly TargetGroup[] = CURRICULUM_TARGET_GROUPS.map((group) => group.id);
export type TargetGroup = TargetGroupId;

/** Texts of a version in another language than its own, keyed by language code. */
export type CourseTranslations = Record<string, { title?: string; summary?: string }>;

@Entity({ name: 'course_versions' })
@Unique('uq_course_versions_course_number', ['courseId', 'versionNumber'])
@Check('ck_course_versions_status', `"status" IN ('draft', 'in_review', 'published', 'archived')`)
@Check('ck_course_versions_level', `"level" IN ('basic', 'intermediate', 'advanced')`)
@Index('ix_course_versions_published', ['courseId', 'versionNumber'], { where: `"status" = 'published'` })
export class CourseVersion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @ManyToOne('Course', (course: Course) => course.versions, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @Column({ name: 'version_number', type: 'integer' })
  versionNumber!: number;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status!: CourseVersionStatus;

  /** The language the course is written in (BCP 47, e.g. "vi"). */
  @Column({ type: 'varchar', length: 10 })
  language!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  translations!: CourseTranslations;

  @Column({ name: 'target_groups', type: 'text', array: true, default: () => `'{}'` })
  targetGroups!: TargetGroup[];

  @Column({ type: 'varchar', length: 20 })
  level!: CourseLevel;

  @Column({ name: 'estimated_minutes', type: 'integer' })
  estimatedMinutes!: number;

  /** Learners must finish lessons in order. */
  @Column({ type: 'boolean', default: false })
  sequential!: boolean;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Object-storage key of the cover image (PNG, JPEG or WebP), if any. */
  @Column({ name: 'cover_image_key', type: 'text', nullable: true })
  coverImageKey!: string | null;

  /** The version this draft was copied from (null for a course's first version). */
  @Column({ name: 'parent_version_id', type: 'uuid', nullable: true })
  parentVersionId!: string | null;

  @ManyToOne('CourseVersion', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'parent_version_id' })
  parentVersion?: CourseVersion | null;

  /** Who started this version in the studio (null for imports). */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne('User', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by' })
  creator?: unknown;

  /** When the author last submitted it for review. */
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @OneToMany('CourseModule', (module: CourseModule) => module.version)
  modules?: CourseModule[];
}
