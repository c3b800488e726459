import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

/**
 * The typed HTTP client of the hocso API. Paths, parameters and bodies are checked against
 * `schema.d.ts`, which is generated from apps/api/openapi.json (`npm run openapi -w apps/web`).
 * Same origin: the dev server and `vite preview` proxy /api to the API. The session is an HttpOnly
 * cookie, sent by the browser (credentials: same-origin); scripts never see it.
 */
export const api = createClient<paths>({
  baseUrl: '/',
  headers: { Accept: 'application/json' },
  credentials: 'same-origin',
});

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// The CSRF token of the current session, from GET /api/v1/auth/me (or the sign-in answer).
let csrfToken: string | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Every state-changing request of a session carries its CSRF token (the API refuses it otherwise). */
export const csrfMiddleware: Middleware = {
  onRequest({ request }) {
    if (csrfToken && !SAFE_METHODS.has(request.method.toUpperCase())) request.headers.set(CSRF_HEADER, csrfToken);
    return request;
  },
};

api.use(csrfMiddleware);

type Schemas = components['schemas'];
export type CourseList = Schemas['CourseListDto'];
export type CourseSummary = Schemas['CourseSummaryDto'];
export type TargetGroup = Schemas['TargetGroup'];
export type CourseLevel = Schemas['CourseLevel'];
export type ErrorResponse = Schemas['ErrorResponseDto'];
export type FieldError = Schemas['FieldErrorDto'];

// Accounts and sessions
export type Me = Schemas['MeDto'];
export type Role = Schemas['Role'];
export type Audience = Schemas['Audience'];
export type Preferences = Schemas['PreferencesDto'];
export type SignUpBody = Schemas['SignUpDto'];
export type UpdateProfileBody = Schemas['UpdateProfileDto'];
export type AuthProviders = Schemas['AuthProvidersDto'];

// Administration
export type Unit = Schemas['UnitDto'];
export type UnitLevel = Schemas['UnitLevel'];
export type UnitRef = Schemas['UnitRefDto'];
export type AdminUser = Schemas['AdminUserDto'];
export type AdminUserList = Schemas['AdminUserListDto'];
export type RoleAssignment = Schemas['RoleAssignmentDto'];
export type ImportResult = Schemas['ImportResultDto'];
export type HouseholdCoverage = Schemas['HouseholdCoverageDto'];
