import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CONFIRMATION_STATUSES, type ConfirmationStatus } from '../confirmation.entity';

export class DeliveryAttemptDto {
  @ApiProperty() attempt!: number;
  @ApiProperty({ enum: ['job', 'replay'] }) trigger!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'HTTP status of the answer; null when none came (network error, timeout)' }) statusCode!: number | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty() durationMs!: number;
}

export class ConfirmationDto {
  @ApiProperty({ format: 'uuid', description: 'Outbox id, sent as the Idempotency-Key header' }) id!: string;
  @ApiProperty({ example: 'HS-2026-7K3M-Q9XA' }) serial!: string;
  @ApiProperty({ example: 'citizens' }) targetGroup!: string;
  @ApiProperty({ enum: CONFIRMATION_STATUSES, enumName: 'ConfirmationStatus' }) status!: ConfirmationStatus;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: Number, nullable: true }) lastStatusCode!: number | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextAttemptAt!: string | null;
  @ApiProperty({ type: [DeliveryAttemptDto] }) log!: DeliveryAttemptDto[];
}

export class ConfirmationListDto {
  @ApiProperty({ type: [ConfirmationDto] }) items!: ConfirmationDto[];
}

export class ListConfirmationsQuery {
  @ApiPropertyOptional({ enum: CONFIRMATION_STATUSES, enumName: 'ConfirmationStatus' })
  @IsOptional()
  @IsIn(CONFIRMATION_STATUSES)
  status?: ConfirmationStatus;
}
