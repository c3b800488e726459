import request from 'supertest';
import { startApi, type RunningApi } from '../support/app';

describe('HTTP errors share one shape', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('refuses an unknown query field with a 400 that names it', async () => {
    const res = await request(api.url).get('/api/v1/courses?colour=red').expect(400);
    expect(res.body).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      message: 'The request has invalid fields: colour',
      details: [{ field: 'colour', message: 'property colour should not exist' }],
      path: '/api/v1/courses',
    });
    expect(res.body.requestId).toEqual(res.headers['x-request-id']);
  });

  it('refuses a value of the wrong type with a 400 that names the field', async () => {
    const res = await request(api.url).get('/api/v1/courses?limit=many&lang=fr').expect(400);
    const fields = (res.body.details as { field: string; message: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['limit', 'lang']));
    expect(res.body.details).toEqual(expect.arrayContaining([{ field: 'lang', message: 'lang must be one of: vi, en' }]));
    expect(res.body.message).toMatch(/limit/);
  });

  it('answers an unknown API route with a 404 in the same shape', async () => {
    const res = await request(api.url).get('/api/v1/no-such-thing').expect(404);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found', path: '/api/v1/no-such-thing' });
    expect(typeof res.body.message).toBe('string');
    expect(res.body.requestId).toBeTruthy();
  });

  it('refuses an unknown field in a JSON body, also a nested one, naming each', async () => {
    const res = await request(api.url)
      .post('/api/v1/competency-mappings/validate')
      .send({ courseId: 'c', items: [{ id: 'l1', teaches: [{ competency: 'digcomp-2.2:1.1', level: 1, score: 100 }] }], role: 'admin' })
      .expect(400);
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        { field: 'role', message: 'property role should not exist' },
        expect.objectContaining({ field: 'items[0].teaches[0].score', message: expect.stringContaining('score should not exist') }),
      ]),
    );
  });

  it('answers malformed JSON with a 400 in the same shape', async () => {
    const res = await request(api.url).post('/api/v1/competency-mappings/validate').set('content-type', 'application/json').send('{"courseId":').expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', path: '/api/v1/competency-mappings/validate' });
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  });

  it('keeps a sane caller request id and replaces a hostile one', async () => {
    const kept = await request(api.url).get('/api/health/live').set('x-request-id', 'trace-abc-12345').expect(200);
    expect(kept.headers['x-request-id']).toBe('trace-abc-12345');
    const replaced = await request(api.url).get('/api/health/live').set('x-request-id', '<script>').expect(200);
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
