import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { MAX_COVER_BYTES } from './image';

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'];

/**
 * Lets Fastify accept cover images as raw request bodies (a Buffer), up to 2 MB (larger: 413). The
 * content is checked by its first bytes afterwards, whatever the Content-Type says.
 */
@Injectable()
export class ImageBodyParser implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter as { getInstance?: () => unknown } | undefined;
    const fastify = adapter?.getInstance?.() as FastifyInstance | undefined;
    if (!fastify?.addContentTypeParser) return;
    for (const type of IMAGE_TYPES) {
      if (fastify.hasContentTypeParser(type)) continue;
      fastify.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: MAX_COVER_BYTES }, (_request, body, done) => done(null, body));
    }
  }
}
