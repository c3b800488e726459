import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { ErrorResponseDto } from './error-response.dto';
import { RequestValidationException } from './validation';

/** Optional hook that answers a 404 differently (the web app's client-side routes). */
export type NotFoundFallback = (request: FastifyRequest, reply: FastifyReply) => boolean;

/**
 * Gives every error the same body ({@link ErrorResponseDto}). Unexpected errors are logged with the
 * request id and answered with a generic 500, so no internals reach the client.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  constructor(private readonly notFoundFallback?: NotFoundFallback) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const status = exception instanceof HttpException ? exception.getStatus() : statusOfFastifyError(exception);

    if (status === HttpStatus.NOT_FOUND && this.notFoundFallback?.(request, reply)) return;

    const body: ErrorResponseDto = {
      statusCode: status,
      error: STATUS_CODES[status] ?? 'Error',
      message: messageOf(exception, status),
      requestId: String(request.id),
      path: request.url.split('?')[0] ?? request.url,
    };
    if (exception instanceof RequestValidationException) body.details = exception.details;
    // A 429 that knows when to come back says so (sign-in attempts, the daily nudge), as Retry-After.
    const retryAfter = (exception as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
    if (status === HttpStatus.TOO_MANY_REQUESTS && typeof retryAfter === 'number') void reply.header('retry-after', String(Math.max(0, Math.ceil(retryAfter))));
    if (status >= 500) this.logger.error({ err: exception, requestId: request.id }, 'request failed');
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}

function statusOfFastifyError(exception: unknown): number {
  // Fastify's own errors (malformed JSON, body too large, wrong content type) carry a 4xx statusCode.
  const code = (exception as { statusCode?: unknown } | null)?.statusCode;
  return typeof code === 'number' && code >= 400 && code < 500 ? code : HttpStatus.INTERNAL_SERVER_ERROR;
}

function messageOf(exception: unknown, status: number): string {
  if (status >= 500) return 'Something went wrong on our side. Please try again; if it keeps happening, report the request id.';
  if (exception instanceof HttpException) {
    const response = exception.getResponse();
    if (typeof response === 'string') return response;
    const message = (response as { message?: unknown }).message;
    if (Array.isArray(message)) return message.join('; ');
    if (typeof message === 'string') return message;
  }
  if (exception instanceof Error) return exception.message;
  return STATUS_CODES[status] ?? 'Error';
}
