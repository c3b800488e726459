import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, MaxLength } from 'class-validator';

export class SignInDto {
  @ApiProperty({ example: '0912 345 678', description: 'Phone number or email address' })
  @IsString()
  @Length(3, 254)
  identifier!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(1024, { message: 'The password must have at most 256 characters' })
  password!: string;
}
