import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches, MaxLength } from 'class-validator';

export class OidcStartQuery {
  @ApiPropertyOptional({ enum: ['1'], description: '1: link the national digital ID to the signed-in account instead of signing in' })
  @IsOptional()
  @IsIn(['1', '0'])
  link?: '1' | '0';

  @ApiPropertyOptional({ example: '/courses', description: 'Path of the web app to return to afterwards (same site only)' })
  @IsOptional()
  @MaxLength(512)
  @Matches(/^\/(?![/\\])[^\s]*$/, { message: 'returnTo must be a path of this site, starting with a single /' })
  returnTo?: string;
}
