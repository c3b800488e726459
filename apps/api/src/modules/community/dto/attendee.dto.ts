import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { SessionDto } from './session.dto';

export class AttendeeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The account’s display name, or the name the facilitator typed' }) name!: string;
  @ApiProperty({ type: Number, nullable: true }) birthYear!: number | null;
  @ApiProperty({ description: 'Linked to an account' }) hasAccount!: boolean;
  @ApiProperty({ description: 'Added by the facilitator (not joined with the code)' }) walkIn!: boolean;
  @ApiProperty({ format: 'date-time' }) joinedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When a walk-in was linked to an account' }) linkedAt!: string | null;
}

export class AttendeeListDto {
  @ApiProperty({ type: [AttendeeDto] }) attendees!: AttendeeDto[];
}

export class AddWalkInDto {
  @ApiProperty({ example: 'Lò Thị Mai' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : value))
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(120)
  name!: string;

  @ApiProperty({ example: 1958 })
  @IsInt({ message: 'birthYear must be a year like 1958' })
  @Min(1900, { message: 'birthYear must be 1900 or later' })
  @Max(2100, { message: 'birthYear must be a year like 1958' })
  birthYear!: number;

  @ApiProperty({ format: 'uuid', description: 'Made by the device; the same write sent twice adds one person' })
  @IsUUID()
  clientId!: string;
}

export class LinkAttendeeDto {
  @ApiProperty({ example: '0912345678', description: 'Phone number of the person’s account' })
  @IsString()
  @MaxLength(30)
  phone!: string;
}

export class ClaimCodeDto {
  @ApiProperty({ example: 'K7MX3QHP', description: 'Give it to the person: after signing up they type it to take this record over (once)' }) claimCode!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class AttendanceRowDto {
  @ApiProperty({ type: AttendeeDto }) attendee!: AttendeeDto;
  @ApiProperty({ type: Boolean, nullable: true, description: 'null: not marked' }) present!: boolean | null;
  @ApiProperty({ type: String, enum: ['qr', 'checklist'], nullable: true }) method!: 'qr' | 'checklist' | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) markedAt!: string | null;
}

export class SessionAttendanceDto {
  @ApiProperty({ type: SessionDto }) session!: SessionDto;
  @ApiProperty() presentCount!: number;
  @ApiProperty({ type: [AttendanceRowDto] }) rows!: AttendanceRowDto[];
}

export class ClassAttendanceRowDto {
  @ApiProperty({ type: AttendeeDto }) attendee!: AttendeeDto;
  @ApiProperty() presentCount!: number;
  @ApiProperty({ type: [Boolean], nullable: true, description: 'Aligned with `sessions`; null: not marked' }) marks!: (boolean | null)[];
}

export class ClassAttendanceDto {
  @ApiProperty({ type: [SessionDto], description: 'Sessions not cancelled, oldest first' }) sessions!: SessionDto[];
  @ApiProperty({ type: [ClassAttendanceRowDto] }) rows!: ClassAttendanceRowDto[];
}
