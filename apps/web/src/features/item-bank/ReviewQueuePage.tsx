import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { usePageTitle } from '../../ui/usePageTitle';
import { useGradeTask, useReviewTasks, type ReviewTask } from './api';

/** `/cham-bai`: free-text answers waiting for a person, oldest first (learners are not named). */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  usePageTitle(t('assessment.review.title'));
  const tasks = useReviewTasks();
  return (
    <>
      <h1>{t('assessment.review.title')}</h1>
      {tasks.isError ? <ErrorState title={t('assessment.review.loadError')} error={tasks.error} onRetry={() => void tasks.refetch()} retrying={tasks.isFetching} /> : null}
      {tasks.isPending ? <LoadingState label={t('assessment.bank.loading')} /> : null}
      {tasks.data && !tasks.data.length ? <EmptyState title={t('assessment.review.empty')} message={t('assessment.review.emptyHint')} /> : null}
      <ol className="review-list">
        {(tasks.data ?? []).map((task) => (
          <li key={`${task.attemptId}:${task.itemId}`}>
            <ReviewCard task={task} />
          </li>
        ))}
      </ol>
    </>
  );
}

function ReviewCard({ task }: { task: ReviewTask }) {
  const { t } = useTranslation();
  const grade = useGradeTask();
  const [score, setScore] = useState<string>('');
  const [feedback, setFeedback] = useState('');
  const id = `${task.attemptId}-${task.itemId}`;
  return (
    <article className="review-card" aria-labelledby={`rv-${id}`}>
      <h2 id={`rv-${id}`}>{task.quizTitle}</h2>
      <div dangerouslySetInnerHTML={{ __html: task.stem }} />
      {task.rubric ? (
        <p>
          <strong>{t('assessment.review.rubric')}</strong> {task.rubric}
        </p>
      ) : null}
      <blockquote className="review-card__answer">{task.answer}</blockquote>
      <fieldset>
        <legend>{t('assessment.review.score')}</legend>
        {[
          ['1', t('assessment.review.full')],
          ['0.5', t('assessment.review.half')],
          ['0', t('assessment.review.none')],
        ].map(([value, label]) => (
          <label key={value} className="quiz-choice">
            <input type="radio" name={`score-${id}`} value={value} checked={score === value} onChange={() => setScore(value!)} />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label className="field__label" htmlFor={`fb-${id}`}>
          {t('assessment.review.feedback')}
        </label>
        <textarea id={`fb-${id}`} className="input" rows={2} value={feedback} onChange={(e) => setFeedback(e.target.value)} />
      </div>
      {grade.isError ? (
        <p className="field__error" role="alert">
          {t('assessment.review.error')}
        </p>
      ) : null}
      <Button
        disabled={score === ''}
        busy={grade.isPending}
        busyLabel={t('assessment.bank.saving')}
        onClick={() => grade.mutate({ attemptId: task.attemptId, itemId: task.itemId, score: Number(score), feedback })}
      >
        {t('assessment.review.submit')}
      </Button>
    </article>
  );
}
