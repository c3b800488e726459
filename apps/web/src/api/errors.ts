import type { ErrorResponse } from './client';

/** An HTTP error answered by the API (or by a proxy in front of it). */
export class ApiError extends Error {
  readonly status: number;
  /** The API's error body, when the response carried one. */
  readonly body: ErrorResponse | undefined;
  readonly requestId: string | undefined;

  constructor(status: number, body: ErrorResponse | undefined, requestId: string | undefined) {
    super(body?.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
    this.requestId = body?.requestId ?? requestId;
  }
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

type FetchResult<T> =
  | { data: T; error?: never; response: Response }
  | { data?: never; error: unknown; response: Response };

/** Awaits an openapi-fetch call and returns its data, or throws an ApiError. */
export async function unwrap<T>(request: Promise<FetchResult<T>>): Promise<T> {
  const result = await request;
  if (result.error !== undefined || !result.response.ok) {
    const body = isErrorResponse(result.error) ? result.error : undefined;
    throw new ApiError(result.response.status, body, result.response.headers.get('x-request-id') ?? undefined);
  }
  return result.data as T;
}
