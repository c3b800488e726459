import { defaultCatalog, validateMapping } from '@hocso/curriculum';
import { roleOfLesson } from '../competencies/curriculum';
import { DEMO_COURSES } from './demo-courses';

describe('DEMO_COURSES', () => {
  it.each(DEMO_COURSES.map((c) => [c.slug, c] as const))('%s maps every lesson to 1–2 competencies the library accepts', (_slug, course) => {
    const lessons = course.modules.flatMap((m) => m.lessons);
    const counts = lessons.map((l) => ({ lesson: l.title, count: l.competencies?.length ?? 0 }));
    expect(counts.filter(({ count }) => count < 1 || count > 2)).toEqual([]);
    const result = validateMapping(
      { courseId: course.slug, items: lessons.map((l, i) => ({ id: String(i), [roleOfLesson(l.kind)]: l.competencies })) },
      defaultCatalog,
    );
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });
});
