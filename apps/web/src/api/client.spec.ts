import { csrfMiddleware, CSRF_HEADER, setCsrfToken } from './client';

async function headerOf(method: string): Promise<string | null> {
  const request = new Request('http://hocso.test/api/v1/me', { method });
  const result = await csrfMiddleware.onRequest!({ request, schemaPath: '/api/v1/me', params: {}, options: {} as never, id: '1' });
  return (result as Request).headers.get(CSRF_HEADER);
}

describe('CSRF header', () => {
  afterEach(() => setCsrfToken(undefined));

  it('goes on every state-changing request of a session, never on reads', async () => {
    setCsrfToken('token-of-the-session');
    for (const method of ['POST', 'PATCH', 'PUT', 'DELETE']) expect(await headerOf(method)).toBe('token-of-the-session');
    for (const method of ['GET', 'HEAD']) expect(await headerOf(method)).toBeNull();
  });

  it('is not sent without a session', async () => {
    expect(await headerOf('POST')).toBeNull();
  });
});
