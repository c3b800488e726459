import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'limit', description: 'The request field at fault, as a path for nested fields (e.g. items[0].teaches[1].level)' })
  field!: string;

  @ApiProperty({ example: 'limit must not be greater than 100' })
  message!: string;
}

/** The one body of every 4xx and 5xx answer. */
export class ErrorResponseDto {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  @ApiProperty({ example: 'Bad Request' })
  error!: string;

  @ApiProperty({ example: 'The request has invalid fields: limit' })
  message!: string;

  @ApiPropertyOptional({ type: [FieldErrorDto] })
  details?: FieldErrorDto[];

  @ApiProperty({ example: '6f1c0a4e-5b0e-4c51-9d8b-1f2a3b4c5d6e', description: 'Quote it when reporting a problem' })
  requestId!: string;

  @ApiProperty({ example: '/api/v1/courses' })
  path!: string;
}
