import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class FrameworkQuery {
  @ApiPropertyOptional({ example: '1.0.0', description: 'A version of the framework; default: its current (newest active) version' })
  @IsOptional()
  @Matches(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, { message: 'version must be a version number like 1.0.0' })
  version?: string;
}
