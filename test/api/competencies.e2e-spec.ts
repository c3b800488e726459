import request from 'supertest';
import { startApi, type RunningApi } from '../support/app';

interface FieldError {
  field: string;
  message: string;
}

describe('frameworks and competency mappings (@hocso/curriculum through the API)', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  describe('GET /api/v1/frameworks', () => {
    it('lists every framework with its names in Vietnamese and English, counts and status', async () => {
      const res = await request(api.url).get('/api/v1/frameworks').expect(200);
      const ids = (res.body.items as { id: string }[]).map((f) => f.id);
      expect(ids).toEqual(expect.arrayContaining(['vn-757-2025', 'digcomp-2.2', 'vn-moet-learners-2025']));
      const national = res.body.items.find((f: { id: string }) => f.id === 'vn-757-2025');
      expect(national).toMatchObject({
        version: '1.0.0',
        status: 'active',
        reference: '757/QĐ-BKHCN',
        counts: { areas: 6, competencies: 23, levels: 3 },
        targetGroups: expect.arrayContaining(['citizens']),
      });
      expect(national.name.vi).toMatch(/kỹ năng số cơ bản/);
      expect(national.name.en).toMatch(/digital/i);
      const digcomp = res.body.items.find((f: { id: string }) => f.id === 'digcomp-2.2');
      expect(digcomp).toMatchObject({ version: '2.2.0', verification: 'official', counts: { areas: 5, competencies: 21, levels: 8 } });
    });
  });

  describe('GET /api/v1/frameworks/:id', () => {
    it('gives areas, competencies and levels, each named in both languages', async () => {
      const res = await request(api.url).get('/api/v1/frameworks/vn-757-2025').expect(200);
      expect(res.body).toMatchObject({ id: 'vn-757-2025', version: '1.0.0', counts: { areas: 6, competencies: 23, levels: 3 } });
      expect(res.body.levels.map((l: { code: string }) => l.code)).toEqual(['L1', 'L2', 'L3']);
      expect(res.body.levels[1].name).toEqual({ vi: 'Tự thực hiện', en: 'Independent' });
      const safety = res.body.areas.find((a: { code: string }) => a.code === '4');
      expect(safety.name).toEqual({ vi: 'An toàn trên môi trường số', en: 'Safety in the digital environment' });
      expect(safety.competencies.find((c: { code: string }) => c.code === '4.2')).toEqual({
        code: '4.2',
        ref: 'vn-757-2025:4.2',
        name: { vi: 'Bảo vệ dữ liệu cá nhân và quyền riêng tư', en: 'Protecting personal data and privacy' },
        description: { vi: expect.stringMatching(/lừa đảo/), en: expect.stringMatching(/scams/) },
        verification: 'provisional',
      });
      expect(res.body.source).toMatchObject({ reference: '757/QĐ-BKHCN', issued: '2025-04-29' });
    });

    it('gives a named version, and 404 in the standard shape for an unknown framework or version', async () => {
      await request(api.url).get('/api/v1/frameworks/digcomp-2.2?version=2.2.0').expect(200);
      const unknown = await request(api.url).get('/api/v1/frameworks/digcomp-9').expect(404);
      expect(unknown.body).toMatchObject({ statusCode: 404, error: 'Not Found', message: 'Unknown framework "digcomp-9".', path: '/api/v1/frameworks/digcomp-9' });
      expect(unknown.body.requestId).toBeTruthy();
      const version = await request(api.url).get('/api/v1/frameworks/digcomp-2.2?version=9.9.9').expect(404);
      expect(version.body.message).toBe('Framework "digcomp-2.2" has no version 9.9.9.');
      const malformed = await request(api.url).get('/api/v1/frameworks/digcomp-2.2?version=latest').expect(400);
      expect(malformed.body.details).toEqual([{ field: 'version', message: 'version must be a version number like 1.0.0' }]);
    });
  });

  describe('POST /api/v1/competency-mappings/validate', () => {
    const validate = (body: unknown, query = '') => request(api.url).post(`/api/v1/competency-mappings/validate${query}`).send(body as object);

    it('accepts a valid mapping of lessons and quiz items across frameworks', async () => {
      const res = await validate({
        courseId: 'ky-nang-so-co-ban',
        courseVersion: '3',
        frameworks: [{ id: 'vn-757-2025', version: '1.0.0' }],
        items: [
          { id: 'lesson-1', kind: 'video', teaches: [{ competency: 'vn-757-2025:0.1', level: 2 }] },
          { id: 'quiz-1-q3', kind: 'quiz-item', assesses: [{ competency: 'digcomp-2.2:4.2', level: 2 }] },
        ],
      }).expect(200);
      expect(res.body).toEqual({ valid: true, errors: [], warnings: [] });
    });

    it('refuses an unknown competency with a 400 naming the field, in Vietnamese by default', async () => {
      const res = await validate({ courseId: 'c', items: [{ id: 'l1', teaches: [{ competency: 'digcomp-2.2:9.9', level: 2 }] }] }).expect(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        message: 'The request has invalid fields: items[0].teaches[0].competency',
        path: '/api/v1/competency-mappings/validate',
      });
      expect(res.body.details).toEqual([
        { field: 'items[0].teaches[0].competency', message: 'Khung "digcomp-2.2" phiên bản 2.2.0 không có năng lực mã 9.9.' },
      ]);
    });

    it('refuses a level out of the framework\'s scale, with the message in English on request', async () => {
      const res = await validate(
        { courseId: 'c', items: [{ id: 'l1' }, { id: 'q1', assesses: [{ competency: 'vn-757-2025:4.2', level: 2 }, { competency: 'vn-757-2025:4.2', level: 4 }] }] },
        '?lang=en',
      ).expect(400);
      expect(res.body.details).toEqual([
        { field: 'items[1].assesses[1].level', message: 'Level 4 is outside the 1–3 scale of framework "vn-757-2025".' },
      ]);
    });

    it('refuses an unknown framework, in a ref or in a pin', async () => {
      const res = await validate(
        {
          courseId: 'c',
          frameworks: [{ id: 'vn-999', version: '1.0.0' }, { id: 'digcomp-2.2', version: '3.0.0' }],
          items: [{ id: 'l1', teaches: [{ competency: 'no-such-framework:1.1', level: 1 }] }],
        },
        '?lang=en',
      ).expect(400);
      expect(res.body.details).toEqual([
        { field: 'frameworks[0].id', message: 'Unknown framework "vn-999".' },
        { field: 'frameworks[1].version', message: 'Framework "digcomp-2.2" has no version 3.0.0.' },
        { field: 'items[0].teaches[0].competency', message: 'Unknown framework "no-such-framework".' },
      ]);
    });

    it('refuses a malformed ref and a repeated item id', async () => {
      const res = await validate(
        { courseId: 'c', items: [{ id: 'l1', teaches: [{ competency: '4.2', level: 1 }] }, { id: 'l1' }] },
        '?lang=en',
      ).expect(400);
      expect((res.body.details as FieldError[]).map((d) => d.field)).toEqual(['items[0].teaches[0].competency', 'items[1].id']);
    });

    it('checks the shape first (whitelisted DTO): wrong types and unknown fields, named by the same kind of path', async () => {
      const res = await validate({ courseId: 'c', items: [{ id: 'l1', teaches: [{ competency: 'digcomp-2.2:1.1', level: 'two', extra: 1 }] }] }).expect(400);
      expect(res.body.details).toEqual(
        expect.arrayContaining([
          { field: 'items[0].teaches[0].level', message: 'level must be an integer number' },
          { field: 'items[0].teaches[0].extra', message: 'property extra should not exist' },
        ]),
      );
      const missing = await validate({ items: [] }).expect(400);
      expect((missing.body.details as FieldError[]).map((d) => d.field)).toContain('courseId');
      const badLang = await validate({ courseId: 'c', items: [] }, '?lang=fr').expect(400);
      expect(badLang.body.details).toEqual([{ field: 'lang', message: 'lang must be one of: vi, en' }]);
    });
  });
});
