import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { SESSION_STATUSES, type SessionStatus } from '../entities';

export class SessionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) classId!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ enum: SESSION_STATUSES, enumName: 'ClassSessionStatus' }) status!: SessionStatus;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) lessonKey!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Title of the lesson in the newest published version' }) lessonTitle!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endedAt!: string | null;
  @ApiProperty({ description: 'Added by hand, not from the weekly schedule' }) adHoc!: boolean;
}

export class SessionListDto {
  @ApiProperty({ type: [SessionDto] }) sessions!: SessionDto[];
}

export class GenerateSessionsDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 52, default: 8, description: 'How many weeks ahead (from today) to create sessions for' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(52)
  weeks?: number;
}

export class CreateSessionDto {
  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true }, { message: 'startsAt must be a date and time (ISO 8601)' })
  startsAt!: string;

  @ApiPropertyOptional({ minimum: 15, maximum: 600, description: 'Default: the class schedule’s duration' })
  @IsOptional()
  @IsInt()
  @Min(15)
  @Max(600)
  durationMinutes?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'A lesson of the class’s course (lessonKey from GET …/lessons)' })
  @IsOptional()
  @IsUUID()
  lessonKey?: string;

  @ApiProperty({ format: 'uuid', description: 'Made by the device; the same write sent twice creates one session' })
  @IsUUID()
  clientId!: string;
}

export class UpdateSessionDto {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'null: no lesson' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsUUID()
  lessonKey?: string | null;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'startsAt must be a date and time (ISO 8601)' })
  startsAt?: string;

  @ApiPropertyOptional({ minimum: 15, maximum: 600 })
  @IsOptional()
  @IsInt()
  @Min(15)
  @Max(600)
  durationMinutes?: number;

  @ApiPropertyOptional({ description: 'true: the session will not take place; false: it will after all' })
  @IsOptional()
  @IsBoolean()
  cancelled?: boolean;
}

export class CheckInTokenQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 240, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(240)
  ttlMinutes?: number;
}

export class CheckInTokenDto {
  @ApiProperty({ description: 'Signed, expiring; goes in the check-in URL' }) token!: string;
  @ApiProperty({ description: 'Absolute URL of the phone check-in page (make the QR code of it)' }) url!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class CheckInDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  sessionId!: string;

  @ApiProperty({ description: 'The `t` parameter of the check-in URL' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{20,200}$/, { message: 'token is not a check-in code: scan the QR code shown in the class again' })
  token!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  clientId!: string;
}

export class CheckInResultDto {
  @ApiProperty({ format: 'uuid' }) classId!: string;
  @ApiProperty() classTitle!: string;
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty() present!: boolean;
  @ApiProperty({ description: 'You were marked present already' }) alreadyCheckedIn!: boolean;
}

export class AttendanceMarkDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  attendeeId!: string;

  @ApiProperty()
  @IsBoolean()
  present!: boolean;

  @ApiProperty({ format: 'uuid', description: 'Made by the device per change; a replay of the same change does nothing' })
  @IsUUID()
  clientId!: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the facilitator made the change (queued offline); default now. An older change never overrides a newer one.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;
}

export class AttendanceMarksDto {
  @ApiProperty({ type: [AttendanceMarkDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => AttendanceMarkDto)
  marks!: AttendanceMarkDto[];
}
