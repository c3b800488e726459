import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';

export class ExportArchiveQuery {
  @ApiPropertyOptional({ minimum: 1, description: 'Version number to export; default: the newest published version, else the newest' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'version must be a whole number' })
  @Min(1)
  version?: number;
}

export class ImportArchiveQuery {
  @ApiPropertyOptional({ enum: ['vi', 'en'], default: 'vi', description: 'Language of the refusal message' })
  @IsOptional()
  @IsIn(['vi', 'en'])
  lang?: 'vi' | 'en';
}

export class ImportedCourseDto {
  @ApiProperty({ format: 'uuid' }) courseId!: string;
  @ApiProperty({ example: 'nhan-biet-lua-dao-truc-tuyen-2', description: 'The archive\'s slug, or a new one when it was taken' }) slug!: string;
  @ApiProperty({ format: 'uuid', description: 'The new draft version' }) versionId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ example: 6 }) lessonCount!: number;
  @ApiProperty({ example: 1, description: 'Videos re-ingested (transcoded again by the media queue)' }) videoCount!: number;
}
