import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { CAPTION_MAX_BYTES } from './media.service';

/**
 * Fastify body parsers of the media routes: tus PATCH bodies (`application/offset+octet-stream`)
 * are left unread for the tus server to stream to disk; captions (`text/vtt`) are read as a
 * string up to CAPTION_MAX_BYTES (larger: 413). The worker has no HTTP adapter and skips this.
 */
@Injectable()
export class MediaBodyParsers implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter as { getInstance?: () => unknown } | undefined;
    const fastify = adapter?.getInstance?.() as FastifyInstance | undefined;
    if (!fastify?.addContentTypeParser) return;
    if (!fastify.hasContentTypeParser('application/offset+octet-stream')) {
      fastify.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null, undefined));
    }
    if (!fastify.hasContentTypeParser('text/vtt')) {
      fastify.addContentTypeParser('text/vtt', { parseAs: 'string', bodyLimit: CAPTION_MAX_BYTES }, (_request, body, done) => done(null, body));
    }
  }
}
