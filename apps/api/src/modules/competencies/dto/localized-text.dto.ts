import { ApiProperty } from '@nestjs/swagger';

/** A text in Vietnamese (the default) and English, as `@hocso/curriculum` gives it. */
export class LocalizedTextDto {
  @ApiProperty({ example: 'An toàn trên môi trường số' }) vi!: string;
  @ApiProperty({ example: 'Safety in the digital environment' }) en!: string;
}

export const VERIFICATIONS = ['official', 'secondary', 'provisional'] as const;
