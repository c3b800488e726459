import { BadRequestException, Controller, Delete, Head, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, RequireRoles, type AuthUser } from '../identity/auth-user';
import { MediaService } from './media.service';
import { TusUploadServer } from './tus-upload.server';

function metadataFilename(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string') return null;
  for (const pair of header.split(',')) {
    const [key, value] = pair.trim().split(' ');
    if ((key === 'filename' || key === 'name') && value) return Buffer.from(value, 'base64').toString('utf8');
  }
  return null;
}

/**
 * Resumable uploads (tus 1.0: creation, HEAD, PATCH, termination) at /api/v1/media/uploads, for
 * authors and administrators. The session guard has checked sign-in, role and CSRF token before
 * these run; each then hands the raw request to the tus server. The upload id is the asset id.
 * Not in the OpenAPI document: clients speak tus (tus-js-client), not JSON.
 */
@ApiExcludeController()
@Controller('v1/media/uploads')
@RequireRoles('author', 'administrator')
export class UploadsController {
  constructor(
    private readonly media: MediaService,
    private readonly tus: TusUploadServer,
  ) {}

  @Post()
  async create(@CurrentUser() user: AuthUser, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const raw = req.headers['upload-length'];
    if (typeof raw !== 'string' || !/^\d{1,16}$/.test(raw)) {
      throw new BadRequestException('Upload-Length is required: the size of the whole file must be known when the upload starts.');
    }
    const length = Number(raw);
    this.media.assertUploadSize(length);
    const id = await this.media.createUploadAsset(user.id, length, metadataFilename(req.headers['upload-metadata']));
    reply.hijack();
    await this.tus.create(id, req.raw, reply.raw);
    if (reply.raw.statusCode >= 400) await this.media.discardUpload(id);
  }

  @Head(':id')
  async head(@CurrentUser() user: AuthUser, @Param('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.media.findOwnUpload(user, id);
    reply.hijack();
    await this.tus.handle(req.raw, reply.raw);
  }

  @Patch(':id')
  async patch(@CurrentUser() user: AuthUser, @Param('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.media.findOwnUpload(user, id);
    reply.hijack();
    await this.tus.handle(req.raw, reply.raw);
  }

  @Delete(':id')
  async terminate(@CurrentUser() user: AuthUser, @Param('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const asset = await this.media.findOwnUpload(user, id);
    if (asset.status !== 'uploading') throw new BadRequestException('This upload has finished; it can no longer be cancelled.');
    reply.hijack();
    await this.tus.handle(req.raw, reply.raw);
    if (reply.raw.statusCode < 400) {
      await this.media.discardUpload(id);
      await this.tus.discard(id);
    }
  }
}
