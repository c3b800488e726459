import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { as, createPerson } from '../support/scope-fixtures';
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

  it('opens to a signed-in administrator without the password, and not to anyone else', async () => {
    const db = api.app.get<DataSource>(getDataSourceToken());
    const admin = await createPerson(db, { roles: [{ role: 'administrator' }] });
    const learner = await createPerson(db);
    const res = await as(api.url, admin).get('/api/admin/queues/api/queues').expect(200);
    expect((res.body.queues as { name: string }[]).map((q) => q.name)).toContain('content');
    await as(api.url, learner).get('/api/admin/queues/api/queues').expect(401);
    // A cross-site request riding on the administrator's cookie is refused.
    await request(api.url)
      .put('/api/admin/queues/api/queues/content/retry/failed')
      .set('cookie', `hocso_session=${admin.token}`)
      .set('origin', 'https://evil.example')
      .expect(401);
    await request(api.url).put('/api/admin/queues/api/queues/content/retry/failed').set('cookie', `hocso_session=${admin.token}`).expect(200);
  });
});
