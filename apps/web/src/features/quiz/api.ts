import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Client } from 'openapi-fetch';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';

// The assessment API (apps/api/src/modules/assessment). Typed here by hand so this feature does not
// wait for a regenerated schema.d.ts; the shapes are the learner DTOs (they never hold answer keys).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const raw = api as unknown as Client<any>;

export type ItemKind = 'single_choice' | 'multiple_choice' | 'true_false' | 'ordering' | 'matching' | 'short_text' | 'numeric' | 'free_text';
export type AttemptStatus = 'in_progress' | 'submitted' | 'pending_review' | 'graded';

export interface QuizOption {
  id: string;
  text: string;
  mediaUrl: string | null;
}

export interface Answer {
  optionIds?: string[];
  booleanValue?: boolean;
  order?: string[];
  pairs?: { optionId: string; targetId: string }[];
  text?: string;
  numberValue?: number;
}

export interface AttemptItem {
  itemId: string;
  position: number;
  kind: ItemKind;
  stem: string;
  mediaUrl: string | null;
  options: QuizOption[];
  targets: QuizOption[];
  response: Answer | null;
  answeredAt: string | null;
  result: { score: number | null; correct: boolean | null; explanation: string | null; feedback: string | null } | null;
}

export interface Attempt {
  id: string;
  quizId: string;
  lessonId: string;
  title: string;
  attemptNumber: number;
  status: AttemptStatus;
  startedAt: string;
  deadlineAt: string | null;
  serverNow: string;
  submittedAt: string | null;
  closedBy: 'learner' | 'deadline' | null;
  passPercent: number;
  items: AttemptItem[];
  grade: { score: number; maxScore: number; percent: number; passed: boolean; gradedAt: string } | null;
}

export interface LessonQuiz {
  quizId: string;
  lessonId: string;
  title: string;
  itemCount: number;
  timeLimitSeconds: number | null;
  maxAttempts: number | null;
  passPercent: number;
  attemptsUsed: number;
  openAttemptId: string | null;
  attempts: { id: string; attemptNumber: number; status: AttemptStatus; startedAt: string; percent: number | null; passed: boolean | null }[];
}

export const lessonQuizQueryOptions = (lessonId: string) =>
  queryOptions({
    queryKey: ['quiz', 'lesson', lessonId] as const,
    queryFn: ({ signal }) => unwrap(raw.GET('/api/v1/lessons/{lessonId}/quiz', { params: { path: { lessonId } }, signal })) as Promise<LessonQuiz>,
  });

export function useLessonQuiz(lessonId: string) {
  return useQuery(lessonQuizQueryOptions(lessonId));
}

export const attemptQueryKey = (attemptId: string) => ['quiz', 'attempt', attemptId] as const;

export function useAttempt(attemptId: string | null) {
  return useQuery({
    queryKey: attemptQueryKey(attemptId ?? ''),
    queryFn: ({ signal }) => unwrap(raw.GET('/api/v1/attempts/{attemptId}', { params: { path: { attemptId } }, signal })) as Promise<Attempt>,
    enabled: Boolean(attemptId),
    // while grading runs, ask again every second (the worker answers within seconds)
    refetchInterval: (query) => (query.state.data?.status === 'submitted' ? 1000 : false),
    networkMode: 'always',
    retry: (count, error) => count < 2 && !(error instanceof Error && 'status' in error),
  });
}

export function startAttempt(quizId: string, lessonId: string): Promise<Attempt> {
  return unwrap(raw.POST('/api/v1/quizzes/{quizId}/attempts', { params: { path: { quizId } }, body: { lessonId } })) as Promise<Attempt>;
}

export function saveAnswer(attemptId: string, itemId: string, answer: Answer): Promise<{ itemId: string; answeredAt: string }> {
  return unwrap(raw.PUT('/api/v1/attempts/{attemptId}/answers/{itemId}', { params: { path: { attemptId, itemId } }, body: answer })) as Promise<{
    itemId: string;
    answeredAt: string;
  }>;
}

export function submitAttempt(attemptId: string): Promise<Attempt> {
  return unwrap(raw.POST('/api/v1/attempts/{attemptId}/submit', { params: { path: { attemptId } } })) as Promise<Attempt>;
}
