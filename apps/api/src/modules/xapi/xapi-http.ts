import { BadRequestException, RequestMethod } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type XapiMajor } from './xapi-validation';

/** The LRS lives at /xapi (not under the /api prefix): xAPI clients are configured with that endpoint. */
export const XAPI_BASE = '/xapi';
export const XAPI_ROUTES = ['about', 'statements', 'activities', 'activities/state', 'activities/profile', 'agents', 'agents/profile'];

/** For app.setGlobalPrefix('api', { exclude }) in create-app.ts. */
export const XAPI_PREFIX_EXCLUDES: { path: string; method: RequestMethod }[] = XAPI_ROUTES.map((route) => ({ path: `xapi/${route}`, method: RequestMethod.ALL }));

export const SUPPORTED_VERSIONS = ['1.0.3', '2.0.0'];
export const VERSION_HEADER = 'x-experience-api-version';
const VERSION_REQUEST = /^(1\.0(?:\.\d+)?|2\.0(?:\.\d+)?)$/;

/** Largest request body of the LRS (statements with attachments, documents). */
export const XAPI_BODY_LIMIT = 16 * 1024 * 1024;
const DEFAULT_BODY_LIMIT = 1024 * 1024;

export function isXapiUrl(url: string): boolean {
  return url === XAPI_BASE || url.startsWith(`${XAPI_BASE}/`) || url.startsWith(`${XAPI_BASE}?`);
}

/** The major version the request speaks (from X-Experience-API-Version), or null when missing/unsupported. */
export function requestMajor(request: FastifyRequest): XapiMajor | null {
  const header = request.headers[VERSION_HEADER];
  const value = typeof header === 'string' ? header.trim() : undefined;
  if (!value || !VERSION_REQUEST.test(value)) return null;
  return value.startsWith('2.') ? '2.0' : '1.0';
}

/**
 * Request bodies of the LRS are read raw (a Buffer): statements may come as multipart/mixed with
 * attachments, documents have any content type and are stored byte for byte. Other routes keep
 * Fastify's JSON parsing and the 1 MB limit. Called once by create-app.ts before app.init().
 */
export function registerXapiContentParsers(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const defaultJson = fastify.getDefaultJsonParser('error', 'error');
  const tooLarge = () => Object.assign(new Error('Request body is too large'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' });
  // Through Nest, so that it does not add its own JSON parser over this one.
  app.useBodyParser('application/json', { bodyLimit: XAPI_BODY_LIMIT }, (request, body, done) => {
    if (isXapiUrl(request.url)) return done(null, body);
    if (body.length > DEFAULT_BODY_LIMIT) return done(tooLarge(), undefined);
    void defaultJson(request as FastifyRequest, body.toString('utf8'), done);
  });
  app.useBodyParser('text/plain', { bodyLimit: XAPI_BODY_LIMIT }, (request, body, done) => {
    if (isXapiUrl(request.url)) return done(null, body);
    if (body.length > DEFAULT_BODY_LIMIT) return done(tooLarge(), undefined);
    done(null, body.toString('utf8'));
  });
  // Straight on Fastify: any other type, for the LRS only (Nest keeps its own parsers for the types it knows).
  if (!fastify.hasContentTypeParser('*')) {
    fastify.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: XAPI_BODY_LIMIT }, (request, body, done) => {
      if (isXapiUrl(request.url)) return done(null, body);
      done(Object.assign(new Error(`Unsupported Media Type: ${String(request.headers['content-type'])}`), { statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' }), undefined);
    });
  }
}

/** Every response of the LRS names the version it speaks. */
export function registerXapiVersionHeader(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (isXapiUrl(request.url)) void reply.header('X-Experience-API-Version', requestMajor(request) === '1.0' ? '1.0.3' : '2.0.0');
    done(null, payload);
  });
}

/** Query parameters as single strings; unknown or repeated ones are refused (xAPI: 400 for unrecognised parameters). */
export function queryParams(request: FastifyRequest, allowed: readonly string[]): Record<string, string> {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (!allowed.includes(key)) throw new BadRequestException(`Unknown parameter "${key}" (allowed: ${allowed.join(', ')})`);
    if (typeof value !== 'string') throw new BadRequestException(`Parameter "${key}" must be given once`);
    out[key] = value;
  }
  return out;
}

export function parseJsonParameter(name: string, value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    throw new BadRequestException(`Parameter "${name}" must be JSON`);
  }
}

export function parseBoolean(name: string, value: string | undefined): boolean {
  if (value === undefined) return false;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new BadRequestException(`Parameter "${name}" must be true or false`);
}

/** The raw request body as a Buffer (the LRS content parsers keep it raw). */
export function rawBody(request: FastifyRequest): Buffer {
  const body = request.body as unknown;
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body);
  return Buffer.from(JSON.stringify(body));
}
