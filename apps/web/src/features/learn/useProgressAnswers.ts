import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Language } from '../../i18n';
import { learnQueryKey, normaliseLesson, type LearnPath } from './api';
import type { ProgressQueue } from './progressQueue';

/**
 * Keeps the learn page's data in step with the server's answers to progress events: lesson states
 * are merged in place; when a lesson becomes completed, the path is fetched again (the next lesson
 * may unlock, the course may complete).
 */
export function useProgressAnswers(queue: ProgressQueue | null, slug: string, lang: Language): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!queue) return;
    return queue.onAnswer((answer) => {
      const key = learnQueryKey(slug, lang);
      let completedNow = false;
      queryClient.setQueryData<LearnPath>(key, (path) => {
        if (!path) return path;
        const updates = new Map(
          (answer.lessons ?? []).map((raw) => {
            const lesson = normaliseLesson(raw as Record<string, unknown>);
            return [lesson.id, raw] as const;
          }),
        );
        if (updates.size === 0) return path;
        return {
          ...path,
          modules: path.modules.map((m) => ({
            ...m,
            lessons: m.lessons.map((l) => {
              const u = updates.get(l.id);
              if (!u) return l;
              if (u.state === 'completed' && l.state !== 'completed') completedNow = true;
              return { ...l, ...Object.fromEntries(Object.entries(u).filter(([k, v]) => v !== undefined && !['id', 'lessonId', 'title', 'body'].includes(k))) };
            }),
          })),
        };
      });
      if (completedNow) {
        void queryClient.invalidateQueries({ queryKey: ['learn', slug] });
        void queryClient.invalidateQueries({ queryKey: ['me', 'learning'] });
      }
    });
  }, [queue, queryClient, slug, lang]);
}
