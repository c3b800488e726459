import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches, MaxLength } from 'class-validator';

export class PasswordResetRequestDto {
  @ApiProperty({ example: '0912 345 678', description: 'Phone number or email address of the account' })
  @IsString()
  @Length(3, 254)
  identifier!: string;
}

export class PasswordResetConfirmDto {
  @ApiProperty({ description: 'The token of the reset link (after #token= in the link)' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{20,100}$/, { message: 'This reset link is not valid; ask for a new one' })
  token!: string;

  @ApiProperty({ minLength: 8, maxLength: 256, description: 'The new password (same rules as at sign-up)' })
  @IsString()
  @MaxLength(1024, { message: 'The password must have at most 256 characters' })
  password!: string;
}
