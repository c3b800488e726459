/**
 * The hocso API's NestJS application on the Express adapter instead of Fastify, for the adapter
 * comparison. Same modules, prefix, validation, error filter, OpenAPI set-up and response headers
 * as apps/api/src/bootstrap/create-app.ts; Express's own defaults otherwise (as a switch of adapter
 * would give them: ETag on responses, X-Powered-By off as a courtesy to the headers' size).
 *
 * NestJS needs decorator metadata, which only tsc emits, so the application comes from the compiled
 * API (apps/api/dist: `npm run build`). This file itself has no decorators; bench/catalog.bench.ts
 * compiles it to bench/dist/servers/nest-express.js and runs it with plain `node`.
 * Environment: as the API (DATABASE_URL, REDIS_URL, PORT, HOST, QUEUE_PREFIX, LOG_LEVEL...), and
 * EXPRESS_ETAG=false to turn Express's ETags off.
 */
import 'reflect-metadata';
import type { DynamicModule, ExceptionFilter, INestApplication, PipeTransform } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

interface ApiConfig {
  PORT: number;
  HOST: string;
  LOG_LEVEL: string;
}

/** The repository root (this file runs from bench/servers or bench/dist/servers). Imports nothing of the harness, to keep autocannon out of this process's memory. */
function repoRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'hocso') return dir;
  }
  throw new Error(`no hocso package.json above ${__dirname}`);
}

function fromApiDist<T>(relative: string): T {
  return createRequire(__filename)(join(repoRoot(), 'apps/api/dist/apps/api/src', relative)) as T;
}

async function main(): Promise<void> {
  const { AppModule } = fromApiDist<{ AppModule: { register(config: ApiConfig): DynamicModule } }>('app.module.js');
  const { loadConfig } = fromApiDist<{ loadConfig(): ApiConfig }>('config/app-config.js');
  const { createValidationPipe } = fromApiDist<{ createValidationPipe(): PipeTransform }>('common/validation.js');
  const { HttpExceptionFilter } = fromApiDist<{ HttpExceptionFilter: new () => ExceptionFilter }>('common/http-exception.filter.js');
  const { createRootLogger, PinoNestLogger } = fromApiDist<{
    createRootLogger(level: string, name: string): unknown;
    PinoNestLogger: new (logger: unknown) => import('@nestjs/common').LoggerService;
  }>('common/logger.js');
  const { buildOpenApiDocument } = fromApiDist<{ buildOpenApiDocument(app: INestApplication): OpenAPIObject }>('bootstrap/openapi.js');

  const config = loadConfig();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), new ExpressAdapter(), {
    logger: new PinoNestLogger(createRootLogger(config.LOG_LEVEL, 'hocso-api-express')),
    abortOnError: false,
  });
  app.enableShutdownHooks();
  app.set('trust proxy', true);
  app.disable('x-powered-by');
  // EXPRESS_ETAG=false: without Express's ETag (a hash of every body), to see what it costs.
  if (process.env.EXPRESS_ETAG === 'false') app.set('etag', false);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  // The headers that create-app.ts adds in Fastify's onSend hook.
  app.use((req: { headers: Record<string, string | string[] | undefined> }, res: { setHeader(name: string, value: string): void }, next: () => void) => {
    const given = req.headers['x-request-id'];
    res.setHeader('x-request-id', typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID());
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'strict-origin-when-cross-origin');
    res.setHeader('x-frame-options', 'DENY');
    next();
  });
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs/openapi.json' });
  app.useGlobalFilters(new HttpExceptionFilter());
  await app.listen(config.PORT, config.HOST);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
