import { Controller, Get, Header, Inject, NotFoundException, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { ErrorResponseDto } from '../../common/error-response.dto';
import { OBJECT_STORAGE, ObjectNotFoundError, contentTypeOf, type ObjectStorage } from '../media';
import { ChangelogDto } from './dto/studio.dto';
import { VersionReader } from './version-reader';
import { VersionsService } from './versions.service';

export class PublicChangelogQuery {
  @ApiPropertyOptional({ description: 'The older published version number (default: the one before `to`)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  from?: number;

  @ApiPropertyOptional({ description: 'The newer published version number (default: the newest)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  to?: number;
}

/** Public reads of published courses that the studio owns: changelogs between versions, cover images. */
@ApiTags('catalog')
@Controller('v1')
export class StudioPublicController {
  constructor(
    private readonly versions: VersionsService,
    private readonly reader: VersionReader,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  @Get('courses/:slug/changelog')
  @ApiOperation({ operationId: 'getCourseChangelog', summary: 'What changed between two published versions of a course (for learners deciding to move)' })
  @ApiOkResponse({ type: ChangelogDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  changelog(@Param('slug') slug: string, @Query() query: PublicChangelogQuery): Promise<ChangelogDto> {
    return this.versions.publicChangelog(slug, query.from, query.to);
  }

  @Get('course-covers/:versionId/:file')
  @Header('cache-control', 'public, max-age=31536000, immutable')
  @ApiOperation({ operationId: 'getCourseCover', summary: 'The cover image of a course version (the file name carries its hash)' })
  @ApiProduces('image/png', 'image/jpeg', 'image/webp')
  @ApiOkResponse({ description: 'The image' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async cover(@Param('versionId', ParseUUIDPipe) versionId: string, @Param('file') file: string, @Res() reply: FastifyReply): Promise<void> {
    const version = await this.reader.row(versionId);
    const key = version?.cover_image_key;
    if (!key || key.slice(key.lastIndexOf('/') + 1) !== file) throw new NotFoundException('No such cover image');
    try {
      const bytes = await this.storage.readBuffer(key);
      await reply.header('content-type', contentTypeOf(key)).header('x-content-type-options', 'nosniff').send(bytes);
    } catch (error) {
      if (error instanceof ObjectNotFoundError) throw new NotFoundException('No such cover image');
      throw error;
    }
  }
}
