import type { ErrorResponse, FieldError } from './client';

/** An HTTP error answered by the API (or by a proxy in front of it). */
export class ApiError extends Error {
  readonly status: number;
  /** The API's error body, when the response carried one. */
  readonly body: ErrorResponse | undefined;
  readonly requestId: string | undefined;
  /** For a 429: the seconds to wait, from the Retry-After header. */
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, body: ErrorResponse | undefined, requestId: string | undefined, retryAfterSeconds?: number) {
    super(body?.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
    this.requestId = body?.requestId ?? requestId;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** The fields the API refused (400 `details`), e.g. `[{ field: 'password', message: '…' }]`. */
  get details(): readonly FieldError[] {
    return this.body?.details ?? [];
  }
}

/** Seconds to wait from a Retry-After header (seconds or an HTTP date); undefined when absent. */
export function parseRetryAfter(header: string | null | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

export function isErrorResponse(value: unknown): value is ErrorResponse {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.statusCode === 'number' && typeof v.message === 'string';
}

/** What went wrong, in the terms the UI explains to a learner. */
export type ErrorKind = 'offline' | 'network' | 'server' | 'client';

export function errorKind(error: unknown): ErrorKind {
  if (error instanceof ApiError) return error.status >= 500 ? 'server' : 'client';
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return 'offline';
  // fetch() rejects with a TypeError when the network fails; anything else unexpected
  // (e.g. an HTML page where JSON was expected) is the server's problem.
  return error instanceof TypeError ? 'network' : 'server';
}

/** Worth trying again: network failures, timeouts, rate limits and server errors, not 4xx. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof ApiError) return error.status >= 500 || error.status === 408 || error.status === 429;
  return error instanceof TypeError;
}

type FetchResult = { data?: unknown; error?: unknown; response: Response };
/** The data of a successful answer of an openapi-fetch call (its other branch has no data). */
type SuccessData<R> = R extends { data: infer D } ? D : never;

/** Awaits an openapi-fetch call and returns its data, or throws an ApiError. */
export async function unwrap<R extends FetchResult>(request: Promise<R>): Promise<SuccessData<R>> {
  const result = await request;
  if (result.error !== undefined || !result.response.ok) {
    const body = isErrorResponse(result.error) ? result.error : undefined;
    const { headers } = result.response;
    throw new ApiError(result.response.status, body, headers.get('x-request-id') ?? undefined, parseRetryAfter(headers.get('retry-after')));
  }
  return result.data as SuccessData<R>;
}
