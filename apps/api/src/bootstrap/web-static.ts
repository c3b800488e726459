import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NotFoundFallback } from '../common/http-exception.filter';

/**
 * Serves the built web app on the same origin as /api. Hashed assets are cached for a year;
 * index.html is never cached, and answers every client-side route (the SPA fallback).
 */
export async function serveWebApp(app: NestFastifyApplication, webDist: string): Promise<NotFoundFallback> {
  const root = resolve(webDist);
  const indexPath = join(root, 'index.html');
  if (!existsSync(indexPath)) throw new Error(`WEB_DIST=${webDist} has no index.html: build the web app first (npm run build -w apps/web)`);
  const indexHtml = readFileSync(indexPath);
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: false,
    preCompressed: true, // .br and .gz written by the web build (see apps/web/vite.config.ts)
    setHeaders: (res, path) => {
      const immutable = path.startsWith(join(root, 'assets'));
      void res.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
    },
  });
  const sendIndex = (reply: FastifyReply) =>
    reply.status(200).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
  app.getHttpAdapter().getInstance().get('/', (_request, reply) => sendIndex(reply));

  return (request: FastifyRequest, reply: FastifyReply) => {
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api') && !/\.[a-z0-9]+(\?|$)/i.test(request.url);
    if (!isPage) return false;
    void sendIndex(reply);
    return true;
  };
}
