import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { Language } from '../../i18n';

/** The published courses, with their texts in `lang`. */
export function coursesQueryOptions(lang: Language) {
  return queryOptions({
    queryKey: ['courses', { lang }] as const,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/courses', { params: { query: { lang, limit: 100 } }, signal })),
  });
}

export function useCourses(lang: Language) {
  return useQuery(coursesQueryOptions(lang));
}
