import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { User } from '../identity/user.entity';

export const MENTORSHIP_STATUSES = ['invited', 'active', 'declined', 'ended'] as const;
export type MentorshipStatus = (typeof MENTORSHIP_STATUSES)[number];

/**
 * A mentor (Digital Ambassador) following a mentee. Made as an invitation by the mentor (status
 * `invited`); the mentee accepts (`active`, started_at) or declines (`declined`, ended_at); either
 * side may end an active one (`ended`, ended_at). At most one open row per pair, and a mentee has at
 * most one active mentor at a time (partial unique indexes).
 */
@Entity({ name: 'mentorships' })
@Index('uq_mentorships_open_pair', ['mentorUserId', 'menteeUserId'], { unique: true, where: `"ended_at" IS NULL` })
@Index('uq_mentorships_active_mentee', ['menteeUserId'], { unique: true, where: `"status" = 'active'` })
@Index('ix_mentorships_mentor', ['mentorUserId'], { where: `"ended_at" IS NULL` })
@Check('ck_mentorships_status', `"status" IN ('invited', 'active', 'declined', 'ended')`)
@Check('ck_mentorships_not_self', `"mentor_user_id" <> "mentee_user_id"`)
export class Mentorship {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'mentor_user_id', type: 'uuid' })
  mentorUserId!: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentor_user_id' })
  mentor?: User;

  @Column({ name: 'mentee_user_id', type: 'uuid' })
  menteeUserId!: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentee_user_id' })
  mentee?: User;

  @Column({ type: 'varchar', length: 10, default: 'invited' })
  status!: MentorshipStatus;

  /** Who made the row: the mentor (an invitation). */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @ManyToOne('User', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'created_by' })
  creator?: User | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;
}

export const NUDGE_PRESETS = ['keep_going', 'finish_lesson', 'retry_quiz', 'come_back', 'need_help'] as const;
export type NudgePreset = (typeof NUDGE_PRESETS)[number];
export const NUDGE_NOTE_MAX = 200;

/**
 * A short nudge from a mentor to a mentee: a preset message (translated on display) and an optional
 * plain-text note. Idempotent by the client's id; one per mentee per (Vietnamese) calendar day.
 */
@Entity({ name: 'mentor_nudges' })
@Unique('uq_mentor_nudges_client', ['mentorUserId', 'clientId'])
@Unique('uq_mentor_nudges_daily', ['mentorUserId', 'menteeUserId', 'sentOn'])
@Index('ix_mentor_nudges_mentee', ['menteeUserId', 'createdAt'])
@Check('ck_mentor_nudges_preset', `"preset" IN ('keep_going', 'finish_lesson', 'retry_quiz', 'come_back', 'need_help')`)
@Check('ck_mentor_nudges_note', `"note" IS NULL OR char_length("note") <= 200`)
export class MentorNudge {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'mentorship_id', type: 'uuid' })
  mentorshipId!: string;

  @ManyToOne('Mentorship', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentorship_id' })
  mentorship?: Mentorship;

  @Column({ name: 'mentor_user_id', type: 'uuid' })
  mentorUserId!: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentor_user_id' })
  mentor?: User;

  @Column({ name: 'mentee_user_id', type: 'uuid' })
  menteeUserId!: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentee_user_id' })
  mentee?: User;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId!: string;

  @Column({ type: 'varchar', length: 32 })
  preset!: NudgePreset;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /** The calendar day in Vietnam (Asia/Ho_Chi_Minh) it was sent: one nudge per mentee per day. */
  @Column({ name: 'sent_on', type: 'date' })
  sentOn!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}

export const MENTORING_ENTITIES = [Mentorship, MentorNudge];
