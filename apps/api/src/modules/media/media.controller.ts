import { BadRequestException, Controller, Get, NotFoundException, Param, ParseUUIDPipe, Put, Req, Res, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiParam, ApiResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { CurrentUser, OptionalUser, RequireRoles, type AuthUser } from '../identity/auth-user';
import { CaptionsErrorDto, MediaAssetDto, MediaCaptionDto } from './dto/media-asset.dto';
import { CaptionsInvalidException, MediaService, type MediaAssetView } from './media.service';
import { contentTypeOf, ObjectNotFoundError } from './storage/object-storage';

const LANGUAGE = /^[a-z]{2,3}(-[a-z0-9]{2,8}){0,2}$/;

/** Parses a single HTTP byte range against a size; null when absent/unsupported, 'unsatisfiable' when out of bounds. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

@ApiTags('media')
@Controller('v1/media')
export class MediaController {
  constructor(private readonly media: MediaService) {}

  @Get('assets/:id')
  @ApiOperation({ operationId: 'getMediaAsset', summary: 'A video: transcoding state, progress, failure reason; when ready, HLS, audio, poster and captions' })
  @ApiOkResponse({ type: MediaAssetDto })
  @ApiNotFoundResponse({ description: 'No such video, or not yet published and the caller is not an author or reviewer' })
  getAsset(@Param('id', new ParseUUIDPipe()) id: string, @OptionalUser() user: AuthUser | null): Promise<MediaAssetView> {
    return this.media.view(id, user);
  }

  @Put('assets/:id/captions/:language')
  @RequireRoles('author', 'administrator')
  @ApiOperation({ operationId: 'putMediaCaptions', summary: 'Upload (or replace) the WebVTT captions of a video in one language' })
  @ApiConsumes('text/vtt')
  @ApiBody({ schema: { type: 'string' }, description: 'A WebVTT file (at most 512 KiB)' })
  @ApiOkResponse({ type: MediaCaptionDto })
  @ApiUnprocessableEntityResponse({ type: CaptionsErrorDto, description: 'The file is not valid WebVTT: each problem with its line' })
  async putCaptions(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('language') language: string,
    @CurrentUser() _user: AuthUser,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MediaCaptionDto | CaptionsErrorDto> {
    const lang = language.toLowerCase();
    if (!LANGUAGE.test(lang)) throw new BadRequestException('The language must be a language code such as vi, en or hmn.');
    if (typeof req.body !== 'string') throw new UnsupportedMediaTypeException('Send the captions as a WebVTT file (Content-Type: text/vtt).');
    try {
      return await this.media.putCaptions(id, lang, req.body);
    } catch (error) {
      if (!(error instanceof CaptionsInvalidException)) throw error;
      const response = error.getResponse() as { message: string; details: { line: number; message: string }[] };
      void reply.status(422);
      return { statusCode: 422, error: STATUS_CODES[422]!, message: response.message, details: response.details, requestId: String(req.id), path: req.url.split('?')[0] };
    }
  }

  @Get('files/:id/*')
  @ApiOperation({ operationId: 'getMediaFile', summary: 'A file of a video (playlist, segment, poster, captions), with byte ranges' })
  @ApiProduces('application/vnd.apple.mpegurl', 'video/mp2t', 'image/jpeg', 'text/vtt')
  @ApiOkResponse({ description: 'The whole file' })
  @ApiParam({ name: 'path', description: 'The file under the asset, e.g. r-<revision>/360p/index.m3u8 (may contain slashes)', schema: { type: 'string' } })
  @ApiResponse({ status: 206, description: 'The byte range asked for (Range header)' })
  @ApiNotFoundResponse({ description: 'No such file, or the video is not readable by the caller' })
  async getFile(@Param('id') id: string, @OptionalUser() user: AuthUser | null, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const path = (req.params as Record<string, string>)['*'] ?? (req.params as Record<string, string>).path ?? '';
    const { asset, isPublic } = await this.media.findReadable(id, user);
    const key = this.media.servedKey(asset, path);
    const info = key ? await this.media.storage.stat(key) : null;
    if (!key || !info) throw new NotFoundException('No such file.');
    // Keys are content-addressed (a new transcode or caption gets a new key): cache for a year.
    void reply
      .header('cache-control', `${isPublic ? 'public' : 'private'}, max-age=31536000, immutable`)
      .header('etag', info.etag)
      .header('accept-ranges', 'bytes')
      .header('content-type', contentTypeOf(key))
      .header('last-modified', info.lastModified.toUTCString());
    if (req.headers['if-none-match'] === info.etag) {
      await reply.status(304).send();
      return;
    }
    const ifRange = req.headers['if-range'];
    const range = ifRange && ifRange !== info.etag ? null : parseRange(req.headers.range, info.size);
    if (range === 'unsatisfiable') {
      await reply.status(416).header('content-range', `bytes */${info.size}`).send();
      return;
    }
    try {
      if (range) {
        const stream = await this.media.storage.read(key, range);
        await reply.status(206).header('content-range', `bytes ${range.start}-${range.end}/${info.size}`).header('content-length', range.end - range.start + 1).send(stream);
      } else {
        const stream = await this.media.storage.read(key);
        await reply.status(200).header('content-length', info.size).send(stream);
      }
    } catch (error) {
      if (error instanceof ObjectNotFoundError) throw new NotFoundException('No such file.');
      throw error;
    }
  }
}
