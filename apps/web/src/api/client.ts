import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

/**
 * The typed HTTP client of the hocso API. Paths, parameters and bodies are checked against
 * `schema.d.ts`, which is generated from apps/api/openapi.json (`npm run openapi -w apps/web`).
 * Same origin: the dev server and `vite preview` proxy /api to the API.
 */
export const api = createClient<paths>({
  baseUrl: '/',
  headers: { Accept: 'application/json' },
});

type Schemas = components['schemas'];
export type CourseList = Schemas['CourseListDto'];
export type CourseSummary = Schemas['CourseSummaryDto'];
export type TargetGroup = Schemas['TargetGroup'];
export type CourseLevel = Schemas['CourseLevel'];
export type ErrorResponse = Schemas['ErrorResponseDto'];
