import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { CourseVersion } from '../catalog/course-version.entity';

export const REVIEW_COMMENT_KINDS = ['comment', 'approval', 'rejection', 'submission'] as const;
export type ReviewCommentKind = (typeof REVIEW_COMMENT_KINDS)[number];

/**
 * A comment on a course version during review, threaded (a reply names its parent). Rejections,
 * approvals and submissions are comments too, so the author reads the whole conversation in one place.
 */
@Entity({ name: 'review_comments' })
@Index('ix_review_comments_version', ['versionId', 'createdAt'])
@Check('ck_review_comments_kind', `"kind" IN ('comment', 'approval', 'rejection', 'submission')`)
export class ReviewComment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId!: string;

  @ManyToOne('CourseVersion', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  version?: CourseVersion;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne('ReviewComment', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parent_id' })
  parent?: ReviewComment | null;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId!: string | null;

  @ManyToOne('User', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: unknown;

  @Column({ type: 'varchar', length: 20, default: 'comment' })
  kind!: ReviewCommentKind;

  @Column({ type: 'text' })
  body!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
