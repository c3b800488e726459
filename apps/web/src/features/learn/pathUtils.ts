import type { LearnLesson, LearnPath } from './api';

export function allLessons(path: LearnPath): LearnLesson[] {
  return path.modules.flatMap((m) => m.lessons);
}

/** The lesson after `lessonId` in the course's order, if any. */
export function nextLesson(path: LearnPath, lessonId: string): LearnLesson | undefined {
  const lessons = allLessons(path);
  const index = lessons.findIndex((l) => l.id === lessonId);
  return index >= 0 ? lessons[index + 1] : undefined;
}

/** Where to continue: the first lesson in progress, else the first one not completed and not locked. */
export function resumeLesson(path: LearnPath): LearnLesson | undefined {
  const lessons = allLessons(path);
  if (path.nextLessonId) {
    const next = lessons.find((l) => l.id === path.nextLessonId);
    if (next) return next;
  }
  return lessons.find((l) => l.state === 'in_progress') ?? lessons.find((l) => l.state === 'available') ?? undefined;
}

export function percentDone(path: LearnPath): number {
  if (typeof path.percent === 'number') return Math.round(path.percent);
  const lessons = allLessons(path);
  if (lessons.length === 0) return 0;
  return Math.round((lessons.filter((l) => l.state === 'completed').length / lessons.length) * 100);
}
