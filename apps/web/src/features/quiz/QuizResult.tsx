import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import type { Attempt } from './api';

/** Waiting for the grade (seconds), then the grade with each question's result and explanation. */
export function QuizResult({ attempt, onFinished }: { attempt: Attempt; onFinished?: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [attempt.status]);
  if (attempt.status === 'submitted') {
    return (
      <section className="quiz-result" aria-busy="true">
        <h2 ref={heading} tabIndex={-1}>
          {t('assessment.result.grading')}
        </h2>
        <p role="status">{attempt.closedBy === 'deadline' ? t('assessment.result.closedByDeadline') : t('assessment.result.gradingHint')}</p>
      </section>
    );
  }
  const grade = attempt.grade;
  return (
    <section className="quiz-result">
      <h2 ref={heading} tabIndex={-1}>
        {grade ? t('assessment.result.title') : t('assessment.result.pendingTitle')}
      </h2>
      {grade ? (
        <p className={grade.passed ? 'notice quiz-result__grade quiz-result__grade--passed' : 'notice notice--warning quiz-result__grade'} role="status" data-testid="quiz-grade">
          <strong>{t('assessment.result.percent', { percent: grade.percent })}</strong> —{' '}
          {grade.passed ? t('assessment.result.passed', { pass: attempt.passPercent }) : t('assessment.result.failed', { pass: attempt.passPercent })}
          <br />
          {t('assessment.result.score', { score: grade.score, max: grade.maxScore })}
        </p>
      ) : (
        <p className="notice" role="status">
          {t('assessment.result.pendingReview')}
        </p>
      )}
      {attempt.closedBy === 'deadline' ? <p>{t('assessment.result.closedByDeadline')}</p> : null}
      <ol className="quiz-result__items">
        {attempt.items.map((item) => (
          <li key={item.itemId} className="quiz-result__item">
            <div dangerouslySetInnerHTML={{ __html: item.stem }} />
            <p className="quiz-result__verdict">
              {item.result?.correct === true
                ? `✓ ${t('assessment.result.correct')}`
                : item.result?.correct === false
                  ? `✗ ${t('assessment.result.incorrect')}`
                  : item.result?.score === null
                    ? t('assessment.result.awaitingReview')
                    : t('assessment.result.partly', { percent: Math.round((item.result?.score ?? 0) * 100) })}
            </p>
            {item.result?.explanation ? (
              <p className="quiz-result__explanation">
                <strong>{t('assessment.result.explanation')}</strong> {item.result.explanation}
              </p>
            ) : null}
            {item.result?.feedback ? (
              <p>
                <strong>{t('assessment.result.feedback')}</strong> {item.result.feedback}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      {onFinished ? (
        <p>
          <Button variant="secondary" onClick={onFinished}>
            {t('assessment.result.back')}
          </Button>
        </p>
      ) : null}
    </section>
  );
}
