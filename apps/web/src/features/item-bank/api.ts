import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Client } from 'openapi-fetch';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { ItemKind } from '../quiz/api';

// The authoring side of the assessment API (authors, reviewers, administrators).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const raw = api as unknown as Client<any>;

export const ITEM_KINDS: readonly ItemKind[] = ['single_choice', 'multiple_choice', 'true_false', 'ordering', 'matching', 'short_text', 'numeric', 'free_text'];

export interface OptionInput {
  id: string;
  text: string;
  mediaUrl?: string | null;
}

export interface ItemInput {
  kind: ItemKind;
  competencyRef: string;
  level: number;
  stem: string;
  mediaUrl?: string | null;
  options?: OptionInput[];
  targets?: OptionInput[];
  correctOptionIds?: string[];
  correctBoolean?: boolean;
  pairs?: { optionId: string; targetId: string }[];
  acceptedAnswers?: string[];
  accentInsensitive?: boolean;
  numericValue?: number;
  tolerance?: number;
  rubric?: string;
  explanation?: string | null;
}

export interface AuthorItem extends ItemInput {
  id: string;
  frameworkVersion: string;
  options: OptionInput[];
  targets: OptionInput[];
  updatedAt: string;
}

export interface BlueprintEntry {
  competencyRef: string;
  level: number;
  count: number;
  available?: number;
}

export interface Quiz {
  id: string;
  lessonKey: string;
  title: string;
  timeLimitSeconds: number | null;
  maxAttempts: number | null;
  passPercent: number;
  blueprint: BlueprintEntry[];
  lessonTitle: string | null;
  courseTitle: string | null;
}

export interface QuizLesson {
  lessonId: string;
  lessonKey: string;
  lessonTitle: string;
  courseTitle: string;
  versionNumber: number;
  versionStatus: string;
  quizId: string | null;
}

export interface ReviewTask {
  attemptId: string;
  itemId: string;
  quizTitle: string;
  stem: string;
  rubric: string | null;
  answer: string;
  submittedAt: string;
}

export function useItems() {
  return useQuery({
    queryKey: ['assessment', 'items'],
    queryFn: async ({ signal }) => ((await unwrap(raw.GET('/api/v1/assessment/items', { signal }))) as { items: AuthorItem[] }).items,
  });
}

export function useSaveItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: ItemInput }) =>
      (id
        ? unwrap(raw.PUT('/api/v1/assessment/items/{id}', { params: { path: { id } }, body: input }))
        : unwrap(raw.POST('/api/v1/assessment/items', { body: input }))) as Promise<AuthorItem>,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['assessment'] }),
  });
}

export function useArchiveItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(raw.DELETE('/api/v1/assessment/items/{id}', { params: { path: { id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['assessment'] }),
  });
}

export function useQuizLessons() {
  return useQuery({
    queryKey: ['assessment', 'quiz-lessons'],
    queryFn: async ({ signal }) => ((await unwrap(raw.GET('/api/v1/assessment/quiz-lessons', { signal }))) as { items: QuizLesson[] }).items,
  });
}

export function useQuiz(id: string | null) {
  return useQuery({
    queryKey: ['assessment', 'quiz', id],
    queryFn: ({ signal }) => unwrap(raw.GET('/api/v1/assessment/quizzes/{id}', { params: { path: { id: id! } }, signal })) as Promise<Quiz>,
    enabled: Boolean(id),
  });
}

export interface QuizInput {
  lessonId: string;
  title: string;
  timeLimitSeconds: number | null;
  maxAttempts: number | null;
  passPercent: number;
  blueprint: BlueprintEntry[];
}

export function useSaveQuiz() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: QuizInput) => unwrap(raw.POST('/api/v1/assessment/quizzes', { body: input })) as Promise<Quiz>,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['assessment'] }),
  });
}

export function useReviewTasks() {
  return useQuery({
    queryKey: ['assessment', 'reviews'],
    queryFn: async ({ signal }) => ((await unwrap(raw.GET('/api/v1/assessment/reviews', { signal }))) as { items: ReviewTask[] }).items,
  });
}

export function useGradeTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ attemptId, itemId, score, feedback }: { attemptId: string; itemId: string; score: number; feedback: string }) =>
      unwrap(raw.PUT('/api/v1/assessment/reviews/{attemptId}/{itemId}', { params: { path: { attemptId, itemId } }, body: { score, feedback: feedback || null } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['assessment', 'reviews'] }),
  });
}
