import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Client } from 'openapi-fetch';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { Language } from '../../i18n';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const raw = api as unknown as Client<any>;

export interface DashboardCourse {
  slug: string;
  title: string;
  language?: string;
  percent: number;
  nextLesson?: { id: string; title: string } | null;
  completedAt?: string | null;
  enrolledAt?: string | null;
}
export interface DashboardCompetency {
  ref: string;
  level?: number | null;
  frameworkVersion?: string | null;
  achievedAt?: string | null;
}
export interface DashboardCertificate {
  serial: string;
  title: string;
  url?: string | null;
  issuedAt?: string | null;
}
export interface MyLearning {
  inProgress: DashboardCourse[];
  completed: DashboardCourse[];
  competencies: DashboardCompetency[];
  certificates: DashboardCertificate[];
  timeSpentSeconds: number;
}

type Obj = Record<string, unknown>;
const list = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);

function course(c: Obj): DashboardCourse {
  const inner = (c.course ?? {}) as Obj;
  const next = (c.nextLesson ?? null) as Obj | null;
  return {
    slug: String(c.slug ?? inner.slug ?? ''),
    title: String(c.title ?? inner.title ?? ''),
    language: (c.language ?? inner.language) as string | undefined,
    percent: Math.round(Number(c.percent ?? c.progressPercent ?? 0)),
    nextLesson: next ? { id: String(next.id ?? next.lessonId), title: String(next.title ?? '') } : null,
    completedAt: (c.completedAt ?? null) as string | null,
    enrolledAt: (c.enrolledAt ?? null) as string | null,
  };
}

/** Tolerant reading of `GET /api/v1/me/learning` (LEARNING contract). */
export function normaliseMyLearning(data: unknown): MyLearning {
  const d = (data ?? {}) as Obj;
  const time = (d.timeSpent ?? {}) as Obj;
  return {
    inProgress: list(d.inProgress).map(course),
    completed: list(d.completed).map(course),
    competencies: list(d.competencies).map((c) => ({
      ref: String(c.competency ?? c.ref ?? c.competencyRef),
      level: (c.level ?? null) as number | null,
      frameworkVersion: (c.frameworkVersion ?? null) as string | null,
      achievedAt: (c.achievedAt ?? null) as string | null,
    })),
    certificates: list(d.certificates).map((c) => ({
      serial: String(c.serial ?? c.id),
      title: String(c.title ?? c.achievementTitle ?? c.serial ?? ''),
      url: (c.url ?? c.verifyUrl ?? null) as string | null,
      issuedAt: (c.issuedAt ?? null) as string | null,
    })),
    timeSpentSeconds: Number(d.timeSpentSeconds ?? time.totalSeconds ?? (typeof d.timeSpent === 'number' ? d.timeSpent : 0)) || 0,
  };
}

export function myLearningQueryOptions(lang: Language) {
  return queryOptions({
    queryKey: ['me', 'learning', { lang }] as const,
    queryFn: async ({ signal }) => normaliseMyLearning(await unwrap(raw.GET('/api/v1/me/learning', { params: { query: { lang } }, signal }))),
  });
}

export function useMyLearning(lang: Language) {
  return useQuery(myLearningQueryOptions(lang));
}
