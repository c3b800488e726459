import { ApiError, errorKind, isRetryable, parseRetryAfter, unwrap } from './errors';

const body = { statusCode: 503, error: 'Service Unavailable', message: 'db down', requestId: 'r-1', path: '/api/v1/courses' };

describe('unwrap', () => {
  it('returns the data of a successful call', async () => {
    const response = new Response('{}', { status: 200 });
    await expect(unwrap(Promise.resolve({ data: { total: 0 }, response }))).resolves.toEqual({ total: 0 });
  });

  it('throws an ApiError carrying the error body and its request id', async () => {
    const response = new Response('', { status: 503 });
    const error = await unwrap(Promise.resolve({ error: body, response })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, requestId: 'r-1', message: 'db down', body });
  });

  it('falls back to the x-request-id header when the body is not the API error shape', async () => {
    const response = new Response('', { status: 502, headers: { 'x-request-id': 'h-2' } });
    const error = await unwrap(Promise.resolve({ error: 'Bad Gateway', response })).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, requestId: 'h-2', body: undefined });
  });
});

describe('retry policy', () => {
  it('retries network failures and 5xx/408/429, never other 4xx', () => {
    expect(isRetryable(new TypeError('Failed to fetch'))).toBe(true);
    expect(isRetryable(new ApiError(503, undefined, undefined))).toBe(true);
    expect(isRetryable(new ApiError(429, undefined, undefined))).toBe(true);
    expect(isRetryable(new ApiError(408, undefined, undefined))).toBe(true);
    expect(isRetryable(new ApiError(400, undefined, undefined))).toBe(false);
    expect(isRetryable(new ApiError(404, undefined, undefined))).toBe(false);
    expect(isRetryable(new SyntaxError('Unexpected token <'))).toBe(false);
  });

  it('classifies errors for the learner', () => {
    expect(errorKind(new ApiError(500, undefined, undefined))).toBe('server');
    expect(errorKind(new ApiError(400, undefined, undefined))).toBe('client');
    expect(errorKind(new TypeError('Failed to fetch'))).toBe('network');
  });
});

describe('Retry-After', () => {
  it('is read from seconds or an HTTP date, and kept on the error of a 429', async () => {
    expect(parseRetryAfter('120')).toBe(120);
    expect(parseRetryAfter(new Date(Date.now() + 90_000).toUTCString())).toBeGreaterThanOrEqual(89);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
    const response = new Response('', { status: 429, headers: { 'retry-after': '840' } });
    const error = await unwrap(Promise.resolve({ error: { ...body, statusCode: 429 }, response })).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 840 });
  });
});
