import type { CourseSummary } from '../../api/client';
import { filterCourses, fold, readFilters, writeFilters } from './filters';

const course = (slug: string, over: Partial<CourseSummary> = {}): CourseSummary => ({
  id: slug, slug, title: slug, summary: '', language: 'vi', targetGroups: ['citizens'], level: 'basic', estimatedMinutes: 20, lessonCount: 3, publishedAt: '2026-01-01T00:00:00Z', ...over,
});

describe('catalog filters', () => {
  const courses = [
    course('a', { title: 'Dùng điện thoại an toàn', targetGroups: ['citizens'] }),
    course('b', { title: 'Chữ ký số cho cán bộ', targetGroups: ['officials'], level: 'intermediate', estimatedMinutes: 120 }),
    course('c', { title: 'Bán hàng trên mạng', targetGroups: ['workers', 'citizens'], language: 'en', estimatedMinutes: 60 }),
  ];
  const none = { q: '', group: '', level: '', language: '', duration: '' } as const;

  it('searches without diacritics', () => {
    expect(fold('Điện THOẠI')).toBe('dien thoai');
    expect(filterCourses(courses, { ...none, q: 'dien thoai' }).map((c) => c.slug)).toEqual(['a']);
  });

  it('filters by group, level, language and duration', () => {
    expect(filterCourses(courses, { ...none, group: 'citizens' }).map((c) => c.slug)).toEqual(['a', 'c']);
    expect(filterCourses(courses, { ...none, level: 'intermediate' }).map((c) => c.slug)).toEqual(['b']);
    expect(filterCourses(courses, { ...none, language: 'en' }).map((c) => c.slug)).toEqual(['c']);
    expect(filterCourses(courses, { ...none, duration: 'long' }).map((c) => c.slug)).toEqual(['b']);
    expect(filterCourses(courses, { ...none, duration: 'medium' }).map((c) => c.slug)).toEqual(['c']);
  });

  it("puts the learner's own target group first, keeping the order otherwise", () => {
    expect(filterCourses(courses, none, 'officials').map((c) => c.slug)).toEqual(['b', 'a', 'c']);
    expect(filterCourses(courses, none, 'workers').map((c) => c.slug)).toEqual(['c', 'a', 'b']);
  });

  it('round-trips through the address', () => {
    const f = { q: 'an toàn', group: 'citizens', level: 'basic', language: 'vi', duration: 'short' } as const;
    expect(readFilters(writeFilters(f))).toEqual(f);
  });
});
