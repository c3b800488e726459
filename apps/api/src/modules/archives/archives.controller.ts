import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, StreamableFile } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ErrorResponseDto } from '../../common/error-response.dto';
import { CurrentUser, RequireRoles, type AuthUser } from '../identity/auth-user';
import { ArchiveExportService } from './archive-export.service';
import { ArchiveImportService } from './archive-import.service';
import { ArchiveRefusal, formatBytes } from './archive-refusal';
import { ExportArchiveQuery, ImportArchiveQuery, ImportedCourseDto } from './dto/archive.dto';

@ApiTags('archives')
@Controller('v1/studio')
@RequireRoles('author', 'administrator')
export class ArchivesController {
  constructor(
    private readonly exporter: ArchiveExportService,
    private readonly importer: ArchiveImportService,
  ) {}

  @Get('courses/:id/archive')
  @ApiOperation({ operationId: 'exportCourseArchive', summary: 'Download a course version as one .zip archive (its authors or an administrator)' })
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'The archive', schema: { type: 'string', format: 'binary' } })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Not signed in' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Not an author or administrator' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such course or version, or not one of the caller\'s courses' })
  async export(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Query() query: ExportArchiveQuery): Promise<StreamableFile> {
    const archive = await this.exporter.exportCourse(user, id, query.version);
    const stream = createReadStream(archive.path);
    stream.once('close', () => void archive.cleanup());
    return new StreamableFile(stream, { type: 'application/zip', disposition: `attachment; filename="${archive.filename}"`, length: archive.size });
  }

  @Post('archives')
  @HttpCode(201)
  @ApiOperation({
    operationId: 'importCourseArchive',
    summary: 'Import a course archive as a new course with a draft version (body: the .zip itself, Content-Type application/zip)',
  })
  @ApiConsumes('application/zip')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: ImportedCourseDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Not signed in' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Not an author or administrator, or no x-csrf-token' })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto, description: 'The archive is over the size limit' })
  @ApiUnsupportedMediaTypeResponse({ type: ErrorResponseDto, description: 'The body is not application/zip' })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponseDto,
    description: 'The archive is refused (unsafe paths, links, bombs, checksums, schema, mappings…); the message says why and ends with [code]',
  })
  async import(@CurrentUser() user: AuthUser, @Req() request: FastifyRequest, @Query() query: ImportArchiveQuery): Promise<ImportedCourseDto> {
    const lang = query.lang ?? 'vi';
    const workDir = await this.importer.newWorkDir();
    try {
      const zipPath = join(workDir, 'upload.zip');
      await this.receive(request, zipPath);
      return await this.importer.importArchive(user, workDir, zipPath);
    } catch (error) {
      await rm(workDir, { recursive: true, force: true });
      if (error instanceof ArchiveRefusal) throw error.toHttp(lang);
      throw error;
    }
  }

  /** Writes the request body to disk, refusing it as soon as it passes the size limit. */
  private async receive(request: FastifyRequest, path: string): Promise<void> {
    const limit = this.importer.limits.maxArchiveBytes;
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit) throw new ArchiveRefusal('archive_too_large', '', formatBytes(limit));
    const body = request.body;
    if (!(body instanceof Readable)) throw new ArchiveRefusal('empty_upload');
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        callback(size > limit ? new ArchiveRefusal('archive_too_large', '', formatBytes(limit)) : null, chunk);
      },
    });
    await pipeline(body, counter, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
    if (size === 0) throw new ArchiveRefusal('empty_upload');
  }
}
