import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { Button } from '../../ui/Button';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { attemptQueryKey, lessonQuizQueryOptions, startAttempt, useLessonQuiz } from './api';
import { QuizPlayer } from './QuizPlayer';

/** The query parameter naming the attempt on screen, so a reload comes back to it. */
export const ATTEMPT_PARAM = 'luot';

/**
 * The quiz of a quiz lesson: its rules and the learner's attempts, then the player. The lesson view
 * of the learn feature renders it for quiz lessons (`<QuizLesson lessonId>`); it also has its own page.
 */
export function QuizLesson({ lessonId }: { lessonId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const quiz = useLessonQuiz(lessonId);
  const [params, setParams] = useSearchParams();
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<unknown>(null);
  const shown = params.get(ATTEMPT_PARAM) ?? quiz.data?.openAttemptId ?? null;

  const show = (attemptId: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (attemptId) next.set(ATTEMPT_PARAM, attemptId);
        else next.delete(ATTEMPT_PARAM);
        return next;
      },
      { replace: false },
    );

  if (quiz.isError) {
    if (quiz.error instanceof ApiError && quiz.error.status === 404) return <p className="notice">{t('assessment.lesson.noQuiz')}</p>;
    return <ErrorState title={t('assessment.lesson.loadError')} error={quiz.error} onRetry={() => void quiz.refetch()} retrying={quiz.isFetching} />;
  }
  if (!quiz.data) return <LoadingState label={t('assessment.player.loading')} />;
  const q = quiz.data;

  if (shown) {
    return (
      <QuizPlayer
        attemptId={shown}
        onFinished={() => {
          void queryClient.invalidateQueries({ queryKey: lessonQuizQueryOptions(lessonId).queryKey });
          show(null);
        }}
      />
    );
  }

  const left = q.maxAttempts === null ? null : Math.max(0, q.maxAttempts - q.attemptsUsed);
  const start = async () => {
    setStarting(true);
    setStartError(null);
    try {
      const attempt = await startAttempt(q.quizId, lessonId);
      queryClient.setQueryData(attemptQueryKey(attempt.id), attempt);
      void queryClient.invalidateQueries({ queryKey: lessonQuizQueryOptions(lessonId).queryKey });
      show(attempt.id);
    } catch (error) {
      setStartError(error);
    } finally {
      setStarting(false);
    }
  };
  const best = q.attempts.reduce<number | null>((b, a) => (a.percent !== null && (b === null || a.percent > b) ? a.percent : b), null);
  return (
    <section className="quiz-intro" aria-labelledby="quiz-intro-title">
      <h2 id="quiz-intro-title">{q.title}</h2>
      <ul className="quiz-intro__rules">
        <li>{t('assessment.lesson.items', { count: q.itemCount })}</li>
        <li>{q.timeLimitSeconds ? t('assessment.lesson.timeLimit', { count: Math.round(q.timeLimitSeconds / 60) }) : t('assessment.lesson.noTimeLimit')}</li>
        <li>{t('assessment.lesson.passMark', { percent: q.passPercent })}</li>
        <li>{left === null ? t('assessment.lesson.unlimited') : t('assessment.lesson.attemptsLeft', { count: left })}</li>
      </ul>
      {best !== null ? <p>{t('assessment.lesson.best', { percent: best })}</p> : null}
      {q.attempts.length ? (
        <ul className="quiz-intro__attempts">
          {q.attempts.map((a) => (
            <li key={a.id}>
              <button type="button" className="button button--link" onClick={() => show(a.id)}>
                {t('assessment.lesson.attempt', { number: a.attemptNumber })}
                {': '}
                {a.percent !== null ? t('assessment.result.percent', { percent: a.percent }) : t(`assessment.status.${a.status}`)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {startError ? (
        <p className="field__error" role="alert">
          {startError instanceof ApiError && startError.status === 409
            ? t('assessment.lesson.noAttemptsLeft')
            : startError instanceof ApiError && startError.status === 403
              ? t('assessment.lesson.notEnrolled')
              : t('assessment.lesson.startError')}
        </p>
      ) : null}
      {left !== 0 ? (
        <p>
          <Button onClick={() => void start()} busy={starting} busyLabel={t('assessment.lesson.starting')}>
            {q.attemptsUsed ? t('assessment.lesson.startAgain') : t('assessment.lesson.start')}
          </Button>
        </p>
      ) : (
        <p className="notice">{t('assessment.lesson.noAttemptsLeft')}</p>
      )}
    </section>
  );
}
