import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { generateOpenApiJson } from '../../apps/api/src/openapi-cli';
import { startApi, type RunningApi } from '../support/app';

describe('OpenAPI document', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('is served at /api/docs with the catalog and the error shape', async () => {
    const res = await request(api.url).get('/api/docs/openapi.json').expect(200);
    expect(res.body.paths['/api/v1/courses'].get.operationId).toBe('listCourses');
    expect(Object.keys(res.body.components.schemas)).toEqual(expect.arrayContaining(['CourseListDto', 'CourseSummaryDto', 'ErrorResponseDto']));
    await request(api.url).get('/api/docs').expect(200).expect('content-type', /html/);
  });

  it('committed in apps/api/openapi.json (the web client is typed from it) is up to date: run `npm run openapi -w apps/api`', async () => {
    const committed = readFileSync(join(__dirname, '../../apps/api/openapi.json'), 'utf8');
    expect(JSON.parse(committed)).toEqual(JSON.parse(await generateOpenApiJson()));
  });
});
