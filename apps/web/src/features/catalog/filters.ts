import type { CourseLevel, CourseSummary, TargetGroup } from '../../api/client';

export type DurationBand = 'short' | 'medium' | 'long';
export const DURATION_BANDS: readonly DurationBand[] = ['short', 'medium', 'long'];

export interface CatalogFilters {
  q: string;
  group: TargetGroup | '';
  level: CourseLevel | '';
  language: string;
  duration: DurationBand | '';
}

export function durationBand(minutes: number): DurationBand {
  if (minutes <= 30) return 'short';
  if (minutes <= 90) return 'medium';
  return 'long';
}

/** Lower case, without Vietnamese diacritics, so "an toan" finds "an toàn". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/**
 * The courses that match, the learner's own target group first (then the API's order: newest first).
 * The catalog of a movement is small (tens of courses), so it is filtered on the device: no request
 * per keystroke on a slow connection.
 */
export function filterCourses(courses: readonly CourseSummary[], filters: CatalogFilters, ownGroup?: TargetGroup | null): CourseSummary[] {
  const words = fold(filters.q).split(/\s+/).filter(Boolean);
  const matching = courses.filter((course) => {
    if (filters.group && !course.targetGroups.includes(filters.group)) return false;
    if (filters.level && course.level !== filters.level) return false;
    if (filters.language && course.language !== filters.language) return false;
    if (filters.duration && durationBand(course.estimatedMinutes) !== filters.duration) return false;
    if (words.length > 0) {
      const text = fold(`${course.title} ${course.summary}`);
      if (!words.every((w) => text.includes(w))) return false;
    }
    return true;
  });
  if (!ownGroup) return matching;
  const own = (c: CourseSummary) => (c.targetGroups.includes(ownGroup) ? 0 : 1);
  return matching.map((c, i) => [c, i] as const).sort((a, b) => own(a[0]) - own(b[0]) || a[1] - b[1]).map(([c]) => c);
}

export function readFilters(params: URLSearchParams): CatalogFilters {
  return {
    q: params.get('q') ?? '',
    group: (params.get('nhom') ?? '') as CatalogFilters['group'],
    level: (params.get('trinh-do') ?? '') as CatalogFilters['level'],
    language: params.get('ngon-ngu') ?? '',
    duration: (params.get('thoi-luong') ?? '') as CatalogFilters['duration'],
  };
}

export function writeFilters(filters: CatalogFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.group) params.set('nhom', filters.group);
  if (filters.level) params.set('trinh-do', filters.level);
  if (filters.language) params.set('ngon-ngu', filters.language);
  if (filters.duration) params.set('thoi-luong', filters.duration);
  return params;
}
