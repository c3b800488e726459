import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { AppModule } from '../app.module';
import { AppConfig } from '../config/app-config';
import { HttpExceptionFilter, type NotFoundFallback } from '../common/http-exception.filter';
import { createRootLogger, PinoNestLogger } from '../common/logger';
import { createValidationPipe } from '../common/validation';
import { buildOpenApiDocument } from './openapi';
import { mountQueueDashboard } from './queue-dashboard';
import { serveWebApp } from './web-static';
import { registerXapiContentParsers, XAPI_PREFIX_EXCLUDES } from '../modules/xapi/xapi-http';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/**
 * Builds the HTTP application exactly as it runs in production (used by main.ts, the tests and the
 * benchmarks): Fastify, /api prefix, validation, one error shape, request ids, OpenAPI, static web.
 */
export async function createHttpApp(config: AppConfig): Promise<NestFastifyApplication> {
  const logger = createRootLogger(config.LOG_LEVEL, 'hocso-api');
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    // Keep a caller's request id when it looks sane, so logs can be followed across services.
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // Only the proxies in front of us may say who the client is (rate limits key on the client IP).
    trustProxy: (_address: string, hop: number) => hop < config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config), adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  // Exit through process.exit so the JSON logger flushes its last lines (Nest would re-raise the signal).
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  // The learning record store answers at /xapi (the address xAPI clients are configured with), outside /api.
  app.setGlobalPrefix('api', { exclude: XAPI_PREFIX_EXCLUDES });
  app.useGlobalPipes(createValidationPipe());

  const fastify = app.getHttpAdapter().getInstance();
  registerXapiContentParsers(app);
  // A callback hook, not an async one: it runs on every response, and a promise per response is GC work on the progress path.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', request.id);
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'strict-origin-when-cross-origin');
    void reply.header('x-frame-options', 'DENY');
    done(null, payload);
  });

  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs/openapi.json' });
  await mountQueueDashboard(app, config.QUEUE_DASHBOARD_PASSWORD);
  let fallback: NotFoundFallback | undefined;
  if (config.WEB_DIST) fallback = await serveWebApp(app, config.WEB_DIST);
  app.useGlobalFilters(new HttpExceptionFilter(fallback));

  await app.init();
  await fastify.ready();
  return app;
}
