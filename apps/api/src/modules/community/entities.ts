import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { AssessmentItem } from '../assessment/entities';
import type { Course } from '../catalog/course.entity';
import type { User } from '../identity/user.entity';
import type { AdministrativeUnit } from '../units/administrative-unit.entity';

export const CLASS_STATUSES = ['active', 'archived'] as const;
export type ClassStatus = (typeof CLASS_STATUSES)[number];

/**
 * A community class: a facilitator runs a course every week at a place of an administrative unit.
 * The schedule is local time (Asia/Ho_Chi_Minh); sessions are generated from it or added ad hoc.
 */
@Entity({ name: 'community_classes' })
@Unique('uq_community_classes_join_code', ['joinCode'])
@Index('ix_community_classes_unit', ['unitId'])
@Check('ck_community_classes_status', `"status" IN ('active', 'archived')`)
@Check('ck_community_classes_weekday', `"weekday" BETWEEN 1 AND 7`)
@Check('ck_community_classes_duration', `"duration_minutes" BETWEEN 15 AND 600`)
@Check('ck_community_classes_dates', `"end_date" IS NULL OR "end_date" >= "first_date"`)
export class CommunityClass {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @ManyToOne('AdministrativeUnit', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: AdministrativeUnit;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @ManyToOne('Course', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 200 })
  place!: string;

  /** ISO weekday, 1 = Monday. */
  @Column({ type: 'smallint' })
  weekday!: number;

  @Column({ name: 'start_time', type: 'time' })
  startTime!: string;

  @Column({ name: 'duration_minutes', type: 'integer' })
  durationMinutes!: number;

  @Column({ name: 'first_date', type: 'date' })
  firstDate!: string;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate!: string | null;

  @Column({ name: 'join_code', type: 'varchar', length: 6 })
  joinCode!: string;

  @Column({ type: 'varchar', length: 10, default: 'active' })
  status!: ClassStatus;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne('User', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'created_by' })
  creator?: User | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;
}

/**
 * A person attending a class: an account (user_id) or a walk-in without one (name + year of birth,
 * user_id NULL) who can be linked to an account later, keeping their attendance and answers.
 * `name` is always kept (for accounts, the display name when they joined), so a deleted account
 * leaves a named row behind.
 */
@Entity({ name: 'class_attendees' })
@Index('uq_class_attendees_user', ['classId', 'userId'], { unique: true, where: '"user_id" IS NOT NULL' })
@Index('uq_class_attendees_client', ['classId', 'clientId'], { unique: true, where: '"client_id" IS NOT NULL' })
@Index('uq_class_attendees_claim_code', ['claimCode'], { unique: true, where: '"claim_code" IS NOT NULL' })
@Index('ix_class_attendees_user', ['userId'])
@Check('ck_class_attendees_birth_year', `"birth_year" IS NULL OR "birth_year" BETWEEN 1900 AND 2100`)
export class ClassAttendee {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'class_id', type: 'uuid' })
  classId!: string;

  @ManyToOne('CommunityClass', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'class_id' })
  communityClass?: CommunityClass;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne('User', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'user_id' })
  user?: User | null;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ name: 'birth_year', type: 'smallint', nullable: true })
  birthYear!: number | null;

  /** Added by the facilitator (a walk-in), not joined by the person. */
  @Column({ name: 'walk_in', type: 'boolean', default: false })
  walkIn!: boolean;

  /** The facilitator's device id of the "add walk-in" write (a replayed offline write adds nobody twice). */
  @Column({ name: 'client_id', type: 'uuid', nullable: true })
  clientId!: string | null;

  /** One-time code a walk-in types after signing up to take this record over. */
  @Column({ name: 'claim_code', type: 'varchar', length: 8, nullable: true })
  claimCode!: string | null;

  @Column({ name: 'claim_expires_at', type: 'timestamptz', nullable: true })
  claimExpiresAt!: Date | null;

  @CreateDateColumn({ name: 'joined_at', type: 'timestamptz' })
  joinedAt!: Date;

  @Column({ name: 'linked_at', type: 'timestamptz', nullable: true })
  linkedAt!: Date | null;
}

export const SESSION_STATUSES = ['scheduled', 'live', 'ended', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** One meeting of a class, from the schedule (unique per start time) or ad hoc (unique per client id). */
@Entity({ name: 'class_sessions' })
@Index('uq_class_sessions_scheduled', ['classId', 'startsAt'], { unique: true, where: '"ad_hoc" = false' })
@Index('uq_class_sessions_client', ['classId', 'clientId'], { unique: true, where: '"client_id" IS NOT NULL' })
@Check('ck_class_sessions_status', `"status" IN ('scheduled', 'live', 'ended', 'cancelled')`)
@Check('ck_class_sessions_times', `"ends_at" > "starts_at"`)
export class ClassSession {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'class_id', type: 'uuid' })
  classId!: string;

  @ManyToOne('CommunityClass', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'class_id' })
  communityClass?: CommunityClass;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ name: 'ad_hoc', type: 'boolean', default: false })
  adHoc!: boolean;

  @Column({ name: 'client_id', type: 'uuid', nullable: true })
  clientId!: string | null;

  /** The lesson presented, by its stable key (any version of the class's course). */
  @Column({ name: 'lesson_key', type: 'uuid', nullable: true })
  lessonKey!: string | null;

  @Column({ type: 'varchar', length: 10, default: 'scheduled' })
  status!: SessionStatus;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  /** Random key of the HMAC signing this session's check-in tokens (never leaves the server). */
  @Column({ name: 'checkin_secret', type: 'bytea' })
  checkinSecret!: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** Present or absent at a session; writes carry a client id and time (offline replays are harmless). */
@Entity({ name: 'class_attendance' })
@Index('ix_class_attendance_attendee', ['attendeeId'])
@Check('ck_class_attendance_method', `"method" IN ('qr', 'checklist')`)
export class ClassAttendance {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @ManyToOne('ClassSession', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: ClassSession;

  @PrimaryColumn({ name: 'attendee_id', type: 'uuid' })
  attendeeId!: string;

  @ManyToOne('ClassAttendee', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attendee_id' })
  attendee?: ClassAttendee;

  @Column({ type: 'boolean' })
  present!: boolean;

  @Column({ type: 'varchar', length: 10 })
  method!: 'qr' | 'checklist';

  /** When the mark was made (on the device; never later than when it reached the server). */
  @Column({ name: 'marked_at', type: 'timestamptz' })
  markedAt!: Date;

  /** Client id of the write that set this state. */
  @Column({ name: 'client_id', type: 'uuid' })
  clientId!: string;

  @Column({ name: 'marked_by', type: 'uuid', nullable: true })
  markedBy!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

export interface LiveOption {
  id: string;
  text: string;
}

/**
 * A question of the item bank asked live at a session. Stem, options and the right options are
 * copied at launch (an item edited later does not change what was asked); one open question per class.
 */
@Entity({ name: 'live_questions' })
@Index('uq_live_questions_open', ['classId'], { unique: true, where: '"closed_at" IS NULL' })
@Index('uq_live_questions_client', ['sessionId', 'clientId'], { unique: true })
@Check('ck_live_questions_kind', `"kind" IN ('single_choice', 'multiple_choice', 'true_false')`)
export class LiveQuestion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'class_id', type: 'uuid' })
  classId!: string;

  @ManyToOne('CommunityClass', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'class_id' })
  communityClass?: CommunityClass;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @ManyToOne('ClassSession', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: ClassSession;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId!: string;

  @ManyToOne('AssessmentItem', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'item_id' })
  item?: AssessmentItem;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: 'single_choice' | 'multiple_choice' | 'true_false';

  @Column({ type: 'text' })
  stem!: string;

  @Column({ name: 'media_url', type: 'text', nullable: true })
  mediaUrl!: string | null;

  @Column({ type: 'jsonb' })
  options!: LiveOption[];

  /** Never sent to attendees; shown on the projector once the question is closed. */
  @Column({ name: 'correct_option_ids', type: 'jsonb' })
  correctOptionIds!: string[];

  @Column({ name: 'competency_ref', type: 'varchar', length: 100 })
  competencyRef!: string;

  @Column({ type: 'integer' })
  level!: number;

  @Column({ name: 'opened_at', type: 'timestamptz', default: () => 'now()' })
  openedAt!: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;
}

/** An attendee's answer to a live question: the first one is kept (PK), later ones change nothing. */
@Entity({ name: 'live_answers' })
@Unique('uq_live_answers_id', ['id'])
@Index('ix_live_answers_attendee', ['attendeeId'])
export class LiveAnswer {
  @PrimaryColumn({ name: 'question_id', type: 'uuid' })
  questionId!: string;

  @ManyToOne('LiveQuestion', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'question_id' })
  question?: LiveQuestion;

  @PrimaryColumn({ name: 'attendee_id', type: 'uuid' })
  attendeeId!: string;

  @ManyToOne('ClassAttendee', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attendee_id' })
  attendee?: ClassAttendee;

  /** The evidence source id (competency_evidence.source_id with source 'live-quiz'); set on insert. */
  @Column({ type: 'uuid' })
  id!: string;

  @Column({ name: 'option_ids', type: 'jsonb' })
  optionIds!: string[];

  @Column({ type: 'boolean' })
  correct!: boolean;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId!: string;

  @Column({ name: 'answered_at', type: 'timestamptz', default: () => 'now()' })
  answeredAt!: Date;
}

export const COMMUNITY_ENTITIES = [CommunityClass, ClassAttendee, ClassSession, ClassAttendance, LiveQuestion, LiveAnswer];
