import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LearnLesson } from './api';
import type { LessonRecorder } from './recorder';

/**
 * A text lesson, at the reader's chosen size (rem units follow the display preferences). Opening it
 * sends text_opened; reaching its end (a sentinel after the last line comes into view) text_scrolled.
 */
export function TextLesson({ lesson, recorder }: { lesson: LearnLesson; recorder: LessonRecorder }) {
  const { t } = useTranslation();
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    recorder.record('text_opened');
    const sentinel = end.current;
    if (!sentinel) return;
    let sent = false;
    const reached = () => {
      if (sent) return;
      sent = true;
      recorder.record('text_scrolled');
    };
    if (typeof IntersectionObserver === 'undefined') {
      reached();
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        reached();
        observer.disconnect();
      }
    });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [recorder]);

  return (
    <article className="lesson-text" lang={lesson.language}>
      {/* The body is sanitised HTML from the API (the studio cleans it on save). */}
      <div dangerouslySetInnerHTML={{ __html: lesson.body ?? '' }} />
      <div ref={end} className="lesson-text__end" data-testid="text-end">
        <p>{t('learn.lesson.textEnd')}</p>
      </div>
    </article>
  );
}
