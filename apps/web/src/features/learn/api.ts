import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Client } from 'openapi-fetch';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { Language } from '../../i18n';

/*
 * The learning API (LEARNING contract in coord/CONTRACTS.md). Calls go through the app's
 * openapi-fetch client (same cookie, CSRF middleware, error shape) with the types below.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const raw = api as unknown as Client<any>;

export type LessonState = 'locked' | 'available' | 'in_progress' | 'completed';
export type LessonKind = 'video' | 'text' | 'quiz' | 'practice' | 'resource';

export interface MediaCaption {
  language: string;
  url: string;
  label?: string;
}

export interface MediaInfo {
  /** The media asset (the learn answer calls it assetId, the media API id). */
  id?: string;
  assetId?: string;
  status?: string;
  durationSeconds?: number | null;
  posterUrl?: string | null;
  hlsUrl?: string | null;
  audioUrl?: string | null;
  renditions?: { height: number; bandwidth: number }[];
  captions?: MediaCaption[];
}

export interface LearnLesson {
  id: string;
  lessonKey?: string;
  position?: number;
  kind: LessonKind;
  title: string;
  body?: string | null;
  language?: string;
  estimatedMinutes?: number | null;
  state: LessonState;
  positionSeconds?: number | null;
  watchedPercent?: number | null;
  completionPercent?: number | null;
  completedAt?: string | null;
  media?: MediaInfo | null;
  mediaAssetId?: string | null;
}

export interface LearnModule {
  id: string;
  title: string;
  position?: number;
  lessons: LearnLesson[];
}

export interface LearnPath {
  slug: string;
  courseId?: string;
  title: string;
  summary?: string;
  language?: string;
  sequential?: boolean;
  enrolled?: boolean;
  completedAt?: string | null;
  percent?: number;
  newerVersionAvailable?: boolean;
  nextLessonId?: string | null;
  modules: LearnModule[];
}

export type ProgressEventType = 'video_watched' | 'video_position' | 'text_opened' | 'text_scrolled' | 'lesson_opened';

export interface ProgressEvent {
  id: string;
  lessonId: string;
  type: ProgressEventType;
  from?: number;
  to?: number;
  position?: number;
  at: string;
}

export interface ProgressAnswer {
  accepted: number;
  duplicates: number;
  lessons: (Partial<LearnLesson> & { id?: string; lessonId?: string })[];
}

/** Tolerant reading of the learn answer: whichever of the contract's spellings the API uses. */
export function normalisePath(slug: string, data: unknown): LearnPath {
  const d = (data ?? {}) as Record<string, unknown>;
  const course = (d.course ?? {}) as Record<string, unknown>;
  const pick = <T,>(key: string): T | undefined => (d[key] ?? course[key]) as T | undefined;
  const modules = ((d.modules ?? course.modules ?? []) as Record<string, unknown>[]).map((m) => ({
    id: String(m.id ?? m.moduleKey),
    title: String(m.title ?? ''),
    position: m.position as number | undefined,
    lessons: ((m.lessons ?? []) as Record<string, unknown>[]).map(normaliseLesson),
  }));
  const enrolment = d.enrolment as Record<string, unknown> | null | undefined;
  return {
    slug: pick<string>('slug') ?? slug,
    courseId: pick<string>('courseId') ?? (course.id as string | undefined),
    title: pick<string>('title') ?? '',
    summary: pick<string>('summary'),
    language: pick<string>('language'),
    sequential: pick<boolean>('sequential'),
    enrolled: (d.enrolled as boolean | undefined) ?? (enrolment !== undefined ? enrolment !== null : true),
    completedAt: (d.completedAt ?? enrolment?.completedAt ?? null) as string | null,
    percent: (d.percent ?? (d.progress as Record<string, unknown> | undefined)?.percent) as number | undefined,
    newerVersionAvailable: Boolean(d.newerVersionAvailable ?? enrolment?.newerVersion),
    nextLessonId: (d.nextLessonId ?? null) as string | null,
    modules,
  };
}

export function normaliseLesson(l: Record<string, unknown>): LearnLesson {
  const media = (l.media ?? l.mediaAsset ?? null) as MediaInfo | null;
  return {
    ...(l as unknown as LearnLesson),
    id: String(l.id ?? l.lessonId),
    state: (l.state ?? 'available') as LessonState,
    media,
  };
}

export const learnQueryKey = (slug: string, lang: Language) => ['learn', slug, { lang }] as const;

export function learnQueryOptions(slug: string, lang: Language) {
  return queryOptions({
    queryKey: learnQueryKey(slug, lang),
    queryFn: async ({ signal }) =>
      normalisePath(slug, await unwrap(raw.GET('/api/v1/courses/{slug}/learn', { params: { path: { slug }, query: { lang } }, signal }))),
  });
}

export function useLearnPath(slug: string, lang: Language, enabled = true) {
  return useQuery({ ...learnQueryOptions(slug, lang), enabled });
}

export function useEnrol(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(raw.POST('/api/v1/courses/{slug}/enrolment', { params: { path: { slug } } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['learn', slug] });
      void queryClient.invalidateQueries({ queryKey: ['me', 'learning'] });
    },
  });
}

export function useUpgrade(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(raw.POST('/api/v1/courses/{slug}/enrolment/upgrade', { params: { path: { slug } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['learn', slug] }),
  });
}

/** Sends progress events; `keepalive` when the page is going away (the request outlives it). */
export function postProgressEvents(events: ProgressEvent[], keepalive = false): Promise<ProgressAnswer> {
  return unwrap(raw.POST('/api/v1/progress/events', { body: { events }, keepalive })) as Promise<ProgressAnswer>;
}

/** The media asset of a lesson, when the learn answer carries only its id. */
export function mediaQueryOptions(assetId: string) {
  return queryOptions({
    queryKey: ['media', assetId] as const,
    queryFn: ({ signal }) =>
      unwrap(raw.GET('/api/v1/media/assets/{id}', { params: { path: { id: assetId } }, signal })) as Promise<MediaInfo>,
    staleTime: 5 * 60_000,
  });
}
