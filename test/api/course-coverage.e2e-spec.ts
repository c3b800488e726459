import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { InvalidCompetencyMappingError } from '../../apps/api/src/modules/competencies/competency-mapping.service';
import { DemoContentService } from '../../apps/api/src/modules/content/demo-content.service';
import { DEMO_COURSES, type DemoCourse, type DemoLesson } from '../../apps/api/src/modules/content/demo-courses';
import { startApi, type RunningApi } from '../support/app';

const lesson = (title: string, competencies: DemoLesson['competencies'], kind: DemoLesson['kind'] = 'text'): DemoLesson => ({
  kind,
  title,
  estimatedMinutes: 5,
  body: '<p>x</p>',
  ...(competencies ? { competencies } : {}),
});

/** A course of this test's own, so the assertions do not depend on other tests' data. */
function uniqueCourse(lessons: DemoLesson[], overrides: Partial<DemoCourse> = {}): DemoCourse {
  const id = randomUUID().slice(0, 8);
  return {
    slug: `coverage-test-${id}`,
    language: 'vi',
    title: `Khoá thử ${id}`,
    summary: 'Tóm tắt',
    translations: {},
    targetGroups: ['citizens'],
    level: 'basic',
    modules: [{ title: 'M1', lessons }],
    ...overrides,
  };
}

interface Requirement {
  competency: string;
  name: { vi: string; en: string };
  status: string;
  reason?: string;
  taughtLevel: number;
  assessedLevel: number;
  sources: { lessonTitle: string; role: string; level: number }[];
}

describe('course coverage and lesson competency mappings', () => {
  let api: RunningApi;
  let dataSource: DataSource;
  let demo: DemoContentService;
  beforeAll(async () => {
    api = await startApi();
    dataSource = api.app.get<DataSource>(getDataSourceToken());
    demo = api.app.get(DemoContentService);
  });
  afterAll(() => api.close());

  const coverage = async (slug: string, targetGroup = 'citizens') =>
    (await request(api.url).get(`/api/v1/courses/${slug}/coverage?targetGroup=${targetGroup}`).expect(200)).body as {
      course: { slug: string; versionNumber: number };
      profile: { id: string; framework: { id: string } };
      complete: boolean;
      requirements: Requirement[];
      taught: string[];
      assessed: string[];
      missing: string[];
      untranslated: { lessonTitle: string; competency: string; reason: string; text: { vi: string; en: string } }[];
    };
  const requirement = (report: { requirements: Requirement[] }, ref: string) => report.requirements.find((r) => r.competency === ref)!;

  async function mappingsOf(slug: string) {
    return (await dataSource.query(
      `SELECT l.title, lc.competency_ref AS ref, lc.level, lc.framework_version AS version
         FROM lesson_competencies lc JOIN lessons l ON l.id = lc.lesson_id JOIN course_modules m ON m.id = l.module_id
         JOIN course_versions v ON v.id = m.version_id JOIN courses c ON c.id = v.course_id
        WHERE c.slug = $1 ORDER BY m.position, l.position, lc.competency_ref`,
      [slug],
    )) as { title: string; ref: string; level: number; version: string }[];
  }

  describe('GET /api/v1/courses/:slug/coverage', () => {
    it('counts a course mapped to DigComp toward the national citizens profile through the crosswalk, and names what is missing', async () => {
      const course = uniqueCourse([
        lesson('Bảo vệ thông tin cá nhân', [{ competency: 'digcomp-2.2:4.2', level: 2 }, { competency: 'digcomp-2.2:1.1', level: 2 }]),
        lesson('Kiểm tra: lừa đảo', [{ competency: 'digcomp-2.2:4.2', level: 2 }], 'quiz'),
        lesson('Trí tuệ nhân tạo', [{ competency: 'vn-moet-learners-2025:6.1', level: 2 }]),
        lesson('Bật điện thoại', [{ competency: 'vn-757-2025:0.1', level: 1 }]),
      ]);
      await demo.importDemoCourses([course]);
      const report = await coverage(course.slug);

      expect(report.course).toEqual({ slug: course.slug, versionNumber: 1 });
      expect(report.profile).toMatchObject({ id: 'vn-757-2025/citizens', framework: { id: 'vn-757-2025' } });
      expect(report.complete).toBe(false);
      expect(requirement(report, 'vn-757-2025:4.2')).toMatchObject({
        name: { vi: 'Bảo vệ dữ liệu cá nhân và quyền riêng tư', en: 'Protecting personal data and privacy' },
        status: 'assessed',
        taughtLevel: 2,
        assessedLevel: 2,
        sources: [
          { lessonTitle: 'Bảo vệ thông tin cá nhân', role: 'teaches', level: 2 },
          { lessonTitle: 'Kiểm tra: lừa đảo', role: 'assesses', level: 2 },
        ],
      });
      expect(requirement(report, 'vn-757-2025:1.1')).toMatchObject({ status: 'taught', reason: 'not-assessed' });
      expect(requirement(report, 'vn-757-2025:0.1')).toMatchObject({ status: 'missing', reason: 'covered-below-level', taughtLevel: 1 });
      expect(requirement(report, 'vn-757-2025:0.2')).toMatchObject({
        status: 'missing',
        reason: 'not-mapped',
        name: { vi: 'Sử dụng phần mềm trên thiết bị', en: 'Using software on devices' },
      });
      expect(report.taught).toEqual(['vn-757-2025:1.1', 'vn-757-2025:4.2']);
      expect(report.assessed).toEqual(['vn-757-2025:4.2']);
      expect(report.missing).toEqual(
        ['0.1', '0.2', '1.2', '2.1', '2.3', '2.6', '4.1'].map((code) => `vn-757-2025:${code}`),
      );
      // MOET's AI competencies have no national equivalent: listed, not silently dropped
      expect(report.untranslated).toEqual([
        expect.objectContaining({ lessonTitle: 'Trí tuệ nhân tạo', competency: 'vn-moet-learners-2025:6.1', reason: 'no-equivalent' }),
      ]);
    });

    it('uses the newest published version (never a draft)', async () => {
      const course = uniqueCourse([lesson('L1', [{ competency: 'vn-757-2025:4.2', level: 2 }])]);
      await demo.importDemoCourses([course]);
      expect(requirement(await coverage(course.slug), 'vn-757-2025:4.2').status).toBe('taught');

      const [{ id: courseId }] = await dataSource.query('SELECT id FROM courses WHERE slug = $1', [course.slug]);
      await dataSource.query(
        `INSERT INTO course_versions (course_id, version_number, status, language, title, summary, target_groups, level, estimated_minutes, published_at)
         VALUES ($1, 2, 'published', 'vi', 'Phiên bản 2', 's', '{citizens}', 'basic', 10, now()),
                ($1, 3, 'draft', 'vi', 'Bản nháp 3', 's', '{citizens}', 'basic', 10, NULL)`,
        [courseId],
      );
      const v2 = await coverage(course.slug);
      expect(v2.course.versionNumber).toBe(2);
      expect(v2.taught).toEqual([]);
      expect(requirement(v2, 'vn-757-2025:4.2')).toMatchObject({ status: 'missing', reason: 'not-mapped' });
    });

    it('measures against the profile of the target group asked for', async () => {
      const course = uniqueCourse([lesson('L1', [{ competency: 'vn-757-2025:5.1', level: 2 }])]);
      await demo.importDemoCourses([course]);
      expect((await coverage(course.slug, 'citizens')).requirements.map((r) => r.competency)).not.toContain('vn-757-2025:5.1');
      const workers = await coverage(course.slug, 'workers');
      expect(workers.profile.id).toBe('vn-757-2025/workers');
      expect(requirement(workers, 'vn-757-2025:5.1').status).toBe('taught');
    });

    it('answers 404 for an unknown course and 400 for a missing or unknown target group', async () => {
      const unknown = await request(api.url).get('/api/v1/courses/no-such-course/coverage?targetGroup=citizens').expect(404);
      expect(unknown.body).toMatchObject({ statusCode: 404, message: 'No published course "no-such-course"' });
      const missing = await request(api.url).get('/api/v1/courses/no-such-course/coverage').expect(400);
      expect(missing.body.details.map((d: { field: string }) => d.field)).toEqual(['targetGroup']);
      const wrong = await request(api.url).get('/api/v1/courses/no-such-course/coverage?targetGroup=farmers').expect(400);
      expect(wrong.body.details).toEqual([{ field: 'targetGroup', message: 'targetGroup must be one of: citizens, officials, students, workers' }]);
    });
  });

  describe('demo content import', () => {
    it('maps every demo lesson to 1–2 competencies, pinned to the framework version, and repeats without duplicates', async () => {
      await demo.importDemoCourses();
      await demo.importDemoCourses();
      for (const course of DEMO_COURSES) {
        const rows = await mappingsOf(course.slug);
        const expected = course.modules.flatMap((m) => m.lessons).flatMap((l) => (l.competencies ?? []).map((t) => ({ title: l.title, ref: t.competency, level: t.level })));
        expect(rows.map(({ title, ref, level }) => ({ title, ref, level })).sort((a, b) => `${a.title}${a.ref}`.localeCompare(`${b.title}${b.ref}`))).toEqual(
          expected.sort((a, b) => `${a.title}${a.ref}`.localeCompare(`${b.title}${b.ref}`)),
        );
        for (const row of rows) expect(row.version).toBe({ 'vn-757-2025': '1.0.0', 'digcomp-2.2': '2.2.0', 'vn-moet-learners-2025': '1.0.0' }[row.ref.split(':')[0]!]);
      }
      // the fraud course is mapped to DigComp; it counts toward the national profile
      const fraud = await coverage('nhan-biet-lua-dao-truc-tuyen');
      expect(requirement(fraud, 'vn-757-2025:4.2')).toMatchObject({ status: 'assessed', taughtLevel: 2 }); // taught, and its quiz assesses it
      expect(requirement(fraud, 'vn-757-2025:4.1').status).toBe('taught');
    });

    it('refuses an invalid mapping before writing anything, naming the course, the lesson and the reason', async () => {
      const valid = uniqueCourse([lesson('L1', [{ competency: 'digcomp-2.2:4.2', level: 2 }])]);
      const invalid = uniqueCourse([
        lesson('L1', [{ competency: 'digcomp-2.2:4.2', level: 2 }]),
        lesson('Bài sai', [{ competency: 'digcomp-2.2:4.2', level: 9 }]),
      ]);
      const failure = demo.importDemoCourses([valid, invalid]);
      await expect(failure).rejects.toBeInstanceOf(InvalidCompetencyMappingError);
      await expect(failure).rejects.toThrow(
        `demo course "${invalid.slug}": invalid competency mapping: lesson 1.2 "Bài sai" (items[1]).teaches[0].level: Level 9 is outside the 1–8 scale of framework "digcomp-2.2".`,
      );
      const written = await dataSource.query('SELECT slug FROM courses WHERE slug = ANY($1)', [[valid.slug, invalid.slug]]);
      expect(written).toEqual([]);
    });

    it('leaves no half-written course when writing fails midway (one transaction per course)', async () => {
      const broken = uniqueCourse([
        lesson('L1', [{ competency: 'digcomp-2.2:4.2', level: 2 }]),
        { ...lesson('L2', [{ competency: 'digcomp-2.2:4.1', level: 2 }]), kind: 'hologram' as DemoLesson['kind'] },
      ]);
      await expect(demo.importDemoCourses([broken])).rejects.toThrow(/ck_lessons_kind/);
      expect(await dataSource.query('SELECT slug FROM courses WHERE slug = $1', [broken.slug])).toEqual([]);
    });

    it('adds mappings a published demo version lacks, but never changes one already there', async () => {
      const course = uniqueCourse([lesson('L1', [{ competency: 'digcomp-2.2:4.2', level: 2 }, { competency: 'digcomp-2.2:4.1', level: 2 }])]);
      await demo.importDemoCourses([course]);
      await dataSource.query(
        `DELETE FROM lesson_competencies WHERE competency_ref = 'digcomp-2.2:4.1' AND lesson_id IN (
           SELECT l.id FROM lessons l JOIN course_modules m ON m.id = l.module_id JOIN course_versions v ON v.id = m.version_id
             JOIN courses c ON c.id = v.course_id WHERE c.slug = $1)`,
        [course.slug],
      );
      await dataSource.query(
        `UPDATE lesson_competencies SET level = 3 WHERE competency_ref = 'digcomp-2.2:4.2' AND lesson_id IN (
           SELECT l.id FROM lessons l JOIN course_modules m ON m.id = l.module_id JOIN course_versions v ON v.id = m.version_id
             JOIN courses c ON c.id = v.course_id WHERE c.slug = $1)`,
        [course.slug],
      );
      expect(await demo.importDemoCourses([course])).toEqual({ created: [], unchanged: [course.slug], videos: [], quizzes: [] });
      expect((await mappingsOf(course.slug)).map(({ ref, level }) => ({ ref, level }))).toEqual([
        { ref: 'digcomp-2.2:4.1', level: 2 },
        { ref: 'digcomp-2.2:4.2', level: 3 },
      ]);
    });

    it('deletes a lesson\'s mappings with the lesson', async () => {
      const course = uniqueCourse([lesson('L1', [{ competency: 'digcomp-2.2:4.2', level: 2 }])]);
      await demo.importDemoCourses([course]);
      const lessonIds = (
        await dataSource.query(
          `SELECT lc.lesson_id AS id FROM lesson_competencies lc JOIN lessons l ON l.id = lc.lesson_id JOIN course_modules m ON m.id = l.module_id
             JOIN course_versions v ON v.id = m.version_id JOIN courses c ON c.id = v.course_id WHERE c.slug = $1`,
          [course.slug],
        )
      ).map((r: { id: string }) => r.id);
      expect(lessonIds).toHaveLength(1);
      await dataSource.query('DELETE FROM courses WHERE slug = $1', [course.slug]);
      expect(await dataSource.query('SELECT id FROM lesson_competencies WHERE lesson_id = ANY($1)', [lessonIds])).toEqual([]);
    });
  });
});
