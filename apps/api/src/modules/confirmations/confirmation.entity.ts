import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { Certificate } from '../certificates/certificate.entity';

export const CONFIRMATION_STATUSES = ['pending', 'delivered', 'failed', 'dead'] as const;
export type ConfirmationStatus = (typeof CONFIRMATION_STATUSES)[number];

/** What is sent to the national ID system: the person as the national ID knows them (never a clear ID number). */
export interface ConfirmationPayload {
  type: 'digital-literacy-universalisation';
  person: { issuer: string; subject: string; nationalIdHmac: string | null };
  achievement: { kind: 'universalisation'; targetGroup: string; name: { vi: string; en: string } };
  achievedAt: string;
  certificate: { serial: string; verifyUrl: string };
}

/**
 * Outbox of confirmations to the national ID system: written in the same transaction as the universalisation
 * certificate, delivered by a job (the row id is the Idempotency-Key of the request).
 */
@Entity({ name: 'national_id_confirmations' })
@Unique('uq_national_id_confirmations_certificate', ['certificateId'])
@Index('ix_national_id_confirmations_status', ['status', 'nextAttemptAt'])
@Check('ck_national_id_confirmations_status', `"status" IN ('pending', 'delivered', 'failed', 'dead')`)
export class NationalIdConfirmation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'certificate_id', type: 'uuid' })
  certificateId!: string;

  @ManyToOne('Certificate', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'certificate_id' })
  certificate?: Certificate;

  @Column({ type: 'jsonb' })
  payload!: ConfirmationPayload;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: ConfirmationStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_status_code', type: 'integer', nullable: true })
  lastStatusCode!: number | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  /** How many times an administrator replayed it (part of the replay job's id). */
  @Column({ type: 'integer', default: 0 })
  replays!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** One delivery attempt (the delivery log). */
@Entity({ name: 'national_id_delivery_attempts' })
@Index('ix_national_id_delivery_attempts_confirmation', ['confirmationId', 'at'])
export class NationalIdDeliveryAttempt {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ name: 'confirmation_id', type: 'uuid' })
  confirmationId!: string;

  @ManyToOne('NationalIdConfirmation', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'confirmation_id' })
  confirmation?: NationalIdConfirmation;

  @Column({ type: 'integer' })
  attempt!: number;

  /** 'job' (automatic) or 'replay' (by an administrator). */
  @Column({ type: 'varchar', length: 16 })
  trigger!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'status_code', type: 'integer', nullable: true })
  statusCode!: number | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs!: number;
}
