import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { User } from '../identity/user.entity';

export const ITEM_KINDS = ['single_choice', 'multiple_choice', 'true_false', 'ordering', 'matching', 'short_text', 'numeric', 'free_text'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** A choice, a step to order, or the left side of a matching pair (learner-safe: no key in it). */
export interface ItemOption {
  id: string;
  text: string;
  mediaUrl: string | null;
}

/**
 * The answer key of an item, by kind. Never sent to a learner: learner DTOs are built field by
 * field from the other columns (see attempt DTOs), and a test checks their JSON.
 * - single/multiple choice: `correctOptionIds`; true/false: `correctBoolean`;
 * - ordering: `order` (option ids in the right order); matching: `pairs` (option id → target id);
 * - short text: `acceptedAnswers`, `accentInsensitive`; numeric: `numericValue`, `tolerance`;
 * - free text: `rubric` (guidance for the people grading it by hand).
 */
export interface AnswerKey {
  correctOptionIds?: string[];
  correctBoolean?: boolean;
  order?: string[];
  pairs?: Record<string, string>;
  acceptedAnswers?: string[];
  accentInsensitive?: boolean;
  caseSensitive?: boolean;
  numericValue?: number;
  tolerance?: number;
  rubric?: string;
}

/** An item of the bank, mapped to one competency and level (checked with validateMapping). */
@Entity({ name: 'assessment_items' })
@Index('ix_assessment_items_competency_level', ['competencyRef', 'level'])
@Check('ck_assessment_items_level', `"level" >= 1`)
@Check('ck_assessment_items_kind', `"kind" IN ('single_choice', 'multiple_choice', 'true_false', 'ordering', 'matching', 'short_text', 'numeric', 'free_text')`)
export class AssessmentItem {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: ItemKind;

  @Column({ name: 'competency_ref', type: 'varchar', length: 100 })
  competencyRef!: string;

  @Column({ type: 'integer' })
  level!: number;

  @Column({ name: 'framework_version', type: 'varchar', length: 40 })
  frameworkVersion!: string;

  /** Sanitised HTML (a minimal allowlist). */
  @Column({ type: 'text' })
  stem!: string;

  /** An image of our media files shown with the stem. */
  @Column({ name: 'media_url', type: 'text', nullable: true })
  mediaUrl!: string | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  options!: ItemOption[];

  /** Right-hand side of a matching item. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  targets!: ItemOption[];

  @Column({ name: 'answer_key', type: 'jsonb' })
  answerKey!: AnswerKey;

  /** Shown to the learner after grading. */
  @Column({ type: 'text', nullable: true })
  explanation!: string | null;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId!: string | null;

  @ManyToOne('User', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'author_id' })
  author?: User | null;

  /** Retired items are no longer drawn; attempts that used them still grade. */
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

export interface BlueprintEntry {
  competencyRef: string;
  level: number;
  count: number;
}

/** The quiz of a quiz lesson, keyed by lesson_key so every version of the course shares it. */
@Entity({ name: 'quizzes' })
@Unique('uq_quizzes_lesson_key', ['lessonKey'])
@Check('ck_quizzes_pass_percent', `"pass_percent" BETWEEN 0 AND 100`)
@Check('ck_quizzes_max_attempts', `"max_attempts" IS NULL OR "max_attempts" >= 1`)
@Check('ck_quizzes_time_limit', `"time_limit_seconds" IS NULL OR "time_limit_seconds" >= 30`)
export class Quiz {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'lesson_key', type: 'uuid' })
  lessonKey!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'time_limit_seconds', type: 'integer', nullable: true })
  timeLimitSeconds!: number | null;

  @Column({ name: 'max_attempts', type: 'integer', nullable: true })
  maxAttempts!: number | null;

  @Column({ name: 'pass_percent', type: 'integer', default: 70 })
  passPercent!: number;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  blueprint!: BlueprintEntry[];

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

export const ATTEMPT_STATUSES = ['in_progress', 'submitted', 'pending_review', 'graded'] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

/**
 * One learner's attempt at a quiz. Status moves in_progress → submitted → (pending_review →) graded,
 * each step an UPDATE … WHERE status = <previous>, so a duplicate job or request changes nothing.
 */
@Entity({ name: 'quiz_attempts' })
@Unique('uq_quiz_attempts_number', ['quizId', 'userId', 'attemptNumber'])
@Index('uq_quiz_attempts_open', ['quizId', 'userId'], { unique: true, where: `"status" = 'in_progress'` })
@Index('ix_quiz_attempts_user', ['userId'])
@Check('ck_quiz_attempts_status', `"status" IN ('in_progress', 'submitted', 'pending_review', 'graded')`)
export class QuizAttempt {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'quiz_id', type: 'uuid' })
  quizId!: string;

  @ManyToOne('Quiz', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'quiz_id' })
  quiz?: Quiz;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** The lesson (of the learner's course version) the attempt was taken from. */
  @Column({ name: 'lesson_id', type: 'uuid' })
  lessonId!: string;

  @Column({ name: 'attempt_number', type: 'integer' })
  attemptNumber!: number;

  @Column({ type: 'varchar', length: 20, default: 'in_progress' })
  status!: AttemptStatus;

  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  startedAt!: Date;

  @Column({ name: 'deadline_at', type: 'timestamptz', nullable: true })
  deadlineAt!: Date | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  /** 'learner' or 'deadline' (closed with what was saved). */
  @Column({ name: 'closed_by', type: 'varchar', length: 20, nullable: true })
  closedBy!: string | null;
}

/** One item of an attempt's form (drawn at the start), with the saved answer and its grading. */
@Entity({ name: 'attempt_items' })
@Unique('uq_attempt_items_item', ['attemptId', 'itemId'])
export class AttemptItem {
  @PrimaryColumn({ name: 'attempt_id', type: 'uuid' })
  attemptId!: string;

  @ManyToOne('QuizAttempt', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attempt_id' })
  attempt?: QuizAttempt;

  @PrimaryColumn({ type: 'integer' })
  position!: number;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId!: string;

  @ManyToOne('AssessmentItem', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'item_id' })
  item?: AssessmentItem;

  /** Option ids in the order shown to this learner. */
  @Column({ name: 'option_order', type: 'jsonb', default: () => `'[]'` })
  optionOrder!: string[];

  /** Target ids (matching) in the order shown. */
  @Column({ name: 'target_order', type: 'jsonb', default: () => `'[]'` })
  targetOrder!: string[];

  @Column({ type: 'jsonb', nullable: true })
  response!: Record<string, unknown> | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  /** 0..1 once graded (automatically or by hand). */
  @Column({ type: 'numeric', precision: 5, scale: 4, nullable: true })
  score!: string | null;

  @Column({ name: 'needs_review', type: 'boolean', default: false })
  needsReview!: boolean;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedBy!: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  feedback!: string | null;
}

/** The one grade of an attempt (UNIQUE attempt_id: a second grading run cannot add another). */
@Entity({ name: 'grades' })
@Unique('uq_grades_attempt', ['attemptId'])
@Index('ix_grades_user', ['userId'])
export class Grade {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'attempt_id', type: 'uuid' })
  attemptId!: string;

  @ManyToOne('QuizAttempt', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attempt_id' })
  attempt?: QuizAttempt;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'quiz_id', type: 'uuid' })
  quizId!: string;

  @Column({ type: 'numeric', precision: 8, scale: 4 })
  score!: string;

  @Column({ name: 'max_score', type: 'integer' })
  maxScore!: number;

  @Column({ type: 'numeric', precision: 5, scale: 2 })
  percent!: string;

  @Column({ type: 'boolean' })
  passed!: boolean;

  @CreateDateColumn({ name: 'graded_at', type: 'timestamptz' })
  gradedAt!: Date;
}

/** Evidence of a competency at a level (other modules read it); one row per source event and competency. */
@Entity({ name: 'competency_evidence' })
@Unique('uq_competency_evidence_source', ['source', 'sourceId', 'competencyRef'])
@Index('ix_competency_evidence_user', ['userId'])
@Check('ck_competency_evidence_level', `"level" >= 1`)
@Check('ck_competency_evidence_score', `"score" BETWEEN 0 AND 1`)
export class CompetencyEvidence {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ name: 'competency_ref', type: 'varchar', length: 100 })
  competencyRef!: string;

  @Column({ type: 'integer' })
  level!: number;

  /** 'quiz' (an attempt), later 'practice', 'live-quiz', 'attendance'. */
  @Column({ type: 'varchar', length: 20 })
  source!: string;

  @Column({ name: 'source_id', type: 'uuid' })
  sourceId!: string;

  /** 0..1 share of the points on this competency's items. */
  @Column({ type: 'numeric', precision: 5, scale: 4 })
  score!: string;

  @Column({ type: 'boolean' })
  passed!: boolean;

  @Column({ name: 'achieved_at', type: 'timestamptz' })
  achievedAt!: Date;
}

export const ASSESSMENT_ENTITIES = [AssessmentItem, Quiz, QuizAttempt, AttemptItem, Grade, CompetencyEvidence];
