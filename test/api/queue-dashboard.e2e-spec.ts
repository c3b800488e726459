import request from 'supertest';
import { startApi, type RunningApi } from '../support/app';

describe('queue dashboard', () => {
  const password = 'dashboard-secret-123';
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi({ QUEUE_DASHBOARD_PASSWORD: password });
  });
  afterAll(() => api.close());

  it('asks for the administrator password and refuses a wrong one', async () => {
    const res = await request(api.url).get('/api/admin/queues').expect(401);
    expect(res.headers['www-authenticate']).toMatch(/^Basic/);
    expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    await request(api.url).get('/api/admin/queues/api/queues').auth('admin', 'wrong-password-x').expect(401);
  });

  it('shows the queues, with their jobs, to the administrator', async () => {
    await request(api.url).get('/api/admin/queues').auth('admin', password).expect(200).expect('content-type', /html/);
    const res = await request(api.url).get('/api/admin/queues/api/queues').auth('admin', password).expect(200);
    expect((res.body.queues as { name: string }[]).map((q) => q.name)).toContain('content');
  });

  it('is not there at all when no password is configured', async () => {
    const plain = await startApi();
    try {
      await request(plain.url).get('/api/admin/queues').expect(404);
    } finally {
      await plain.close();
    }
  });
});
