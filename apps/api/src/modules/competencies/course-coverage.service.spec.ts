import { courseCoverage, defaultCatalog, PROFILE_CITIZENS } from '@hocso/curriculum';
import { courseMappingsOf, type LessonMappingRow } from './course-coverage.service';

const row = (lessonId: string, lessonKind: LessonMappingRow['lessonKind'], competencyRef: string, level: number, frameworkVersion: string): LessonMappingRow => ({
  lessonId,
  lessonTitle: lessonId,
  lessonKind,
  competencyRef,
  level,
  frameworkVersion,
});

describe('courseMappingsOf', () => {
  it('makes one mapping per framework version; quiz and practice lessons assess, others teach', () => {
    const mappings = courseMappingsOf('course', '2', [
      row('l1', 'text', 'digcomp-2.2:4.2', 2, '2.2.0'),
      row('l1', 'text', 'vn-757-2025:0.1', 2, '1.0.0'),
      row('q1', 'quiz', 'digcomp-2.2:4.2', 2, '2.2.0'),
      row('p1', 'practice', 'digcomp-2.2:1.1', 1, '2.2.0'),
    ]);
    expect(mappings).toEqual([
      {
        courseId: 'course',
        courseVersion: '2',
        frameworks: [{ id: 'digcomp-2.2', version: '2.2.0' }],
        items: [
          { id: 'l1', kind: 'text', teaches: [{ competency: 'digcomp-2.2:4.2', level: 2 }] },
          { id: 'q1', kind: 'quiz', assesses: [{ competency: 'digcomp-2.2:4.2', level: 2 }] },
          { id: 'p1', kind: 'practice', assesses: [{ competency: 'digcomp-2.2:1.1', level: 1 }] },
        ],
      },
      {
        courseId: 'course',
        courseVersion: '2',
        frameworks: [{ id: 'vn-757-2025', version: '1.0.0' }],
        items: [{ id: 'l1', kind: 'text', teaches: [{ competency: 'vn-757-2025:0.1', level: 2 }] }],
      },
    ]);
    const report = courseCoverage(mappings, PROFILE_CITIZENS, defaultCatalog);
    expect(report.assessed).toEqual(['vn-757-2025:4.2']);
    expect(report.taught).toEqual(['vn-757-2025:0.1', 'vn-757-2025:4.2']);
  });

  it('gives no mapping for a course without mapped lessons (everything is then "not-mapped")', () => {
    expect(courseMappingsOf('c', '1', [])).toEqual([]);
    expect(courseCoverage([], PROFILE_CITIZENS, defaultCatalog).missing).toHaveLength(PROFILE_CITIZENS.requirements.length);
  });
});
