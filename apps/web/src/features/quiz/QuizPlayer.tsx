import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { attemptQueryKey, submitAttempt, useAttempt, type Answer, type Attempt } from './api';
import { AnswerStore } from './answerStore';
import { QuestionInput } from './QuestionInput';
import { QuizResult } from './QuizResult';
import { QuizTimer } from './QuizTimer';

/** Takes one attempt: one question per screen, answers saved as the learner goes, then the result. */
export function QuizPlayer({ attemptId, onFinished }: { attemptId: string; onFinished?: () => void }) {
  const { t } = useTranslation();
  const attempt = useAttempt(attemptId);
  if (attempt.isError && !attempt.data) {
    return <ErrorState title={t('assessment.player.loadError')} error={attempt.error} onRetry={() => void attempt.refetch()} retrying={attempt.isFetching} />;
  }
  if (!attempt.data) return <LoadingState label={t('assessment.player.loading')} />;
  if (attempt.data.status !== 'in_progress') return <QuizResult attempt={attempt.data} onFinished={onFinished} />;
  return <Questions attempt={attempt.data} />;
}

function useStore(attemptId: string) {
  const store = useMemo(() => new AnswerStore(attemptId), [attemptId]);
  useEffect(() => {
    void store.flush(); // answers left from a closed tab or a lost connection
    const online = () => void store.flush();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      store.dispose();
    };
  }, [store]);
  const state = useSyncExternalStore(
    useCallback((cb) => store.subscribe(cb), [store]),
    () => `${store.state}:${store.pendingCount}`,
  );
  return { store, state: state.split(':')[0] as AnswerStore['state'], pending: store.pendingCount };
}

function Questions({ attempt }: { attempt: Attempt }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { store, state, pending } = useStore(attempt.id);
  const [answers, setAnswers] = useState<Record<string, Answer | null>>(() => ({
    ...Object.fromEntries(attempt.items.map((i) => [i.itemId, i.response])),
    ...store.pendingAnswers(),
  }));
  const [index, setIndex] = useState(() => {
    const first = attempt.items.findIndex((i) => !answers[i.itemId]);
    return first < 0 ? 0 : first;
  });
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [index]);

  useEffect(() => {
    if (state === 'closed') void queryClient.invalidateQueries({ queryKey: attemptQueryKey(attempt.id) });
  }, [state, attempt.id, queryClient]);

  const item = attempt.items[index]!;
  const total = attempt.items.length;
  const unanswered = attempt.items.filter((i) => !hasAnswer(answers[i.itemId])).length;

  const change = (answer: Answer) => {
    setAnswers((prev) => ({ ...prev, [item.itemId]: answer }));
    store.set(item.itemId, answer);
  };

  const submit = async () => {
    setSubmitting(true);
    setSubmitError(null);
    try {
      await store.flush();
      if (store.pendingCount > 0 && store.state !== 'closed') throw new Error(t('assessment.player.notSavedYet'));
      const result = await submitAttempt(attempt.id);
      queryClient.setQueryData(attemptQueryKey(attempt.id), result);
    } catch (error) {
      setSubmitError(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <section className="quiz" aria-labelledby="quiz-question-heading">
      <div className="quiz__bar">
        <p className="quiz__progress">{t('assessment.player.progress', { current: index + 1, total })}</p>
        {attempt.deadlineAt ? (
          <QuizTimer deadlineAt={attempt.deadlineAt} serverNow={attempt.serverNow} onExpired={() => void queryClient.invalidateQueries({ queryKey: attemptQueryKey(attempt.id) })} />
        ) : null}
        <p className={`sync-status quiz__saved quiz__saved--${state}`} role="status" data-state={state} data-pending={pending}>
          {state === 'saved'
            ? t('assessment.player.saved')
            : state === 'offline'
              ? t('assessment.player.offline', { count: pending })
              : state === 'error'
                ? t('assessment.player.saveError')
                : state === 'closed'
                  ? t('assessment.player.closed')
                  : t('assessment.player.saving')}
        </p>
      </div>

      <h2 id="quiz-question-heading" ref={heading} tabIndex={-1} className="quiz__heading">
        {t('assessment.player.question', { number: index + 1 })}
      </h2>
      <div id={`q-${item.itemId}-stem`} className="quiz__stem" dangerouslySetInnerHTML={{ __html: item.stem }} />
      {item.mediaUrl ? <img className="quiz-media" src={item.mediaUrl} alt="" /> : null}
      {item.kind === 'multiple_choice' ? <p className="field__hint">{t('assessment.player.chooseAll')}</p> : null}
      {item.kind === 'ordering' ? <p className="field__hint">{t('assessment.player.orderHint')}</p> : null}
      <QuestionInput key={item.itemId} item={item} answer={answers[item.itemId] ?? null} onChange={change} />

      <nav className="quiz__nav" aria-label={t('assessment.player.navLabel')}>
        <Button variant="secondary" disabled={index === 0} onClick={() => setIndex(index - 1)}>
          {t('assessment.player.previous')}
        </Button>
        {index < total - 1 ? (
          <Button onClick={() => setIndex(index + 1)}>{t('assessment.player.next')}</Button>
        ) : (
          <Button onClick={() => setConfirming(true)}>{t('assessment.player.finish')}</Button>
        )}
      </nav>

      <details className="quiz__all">
        <summary>{t('assessment.player.allQuestions', { answered: total - unanswered, total })}</summary>
        <ol className="quiz__jump">
          {attempt.items.map((i, n) => (
            <li key={i.itemId}>
              <button type="button" className="button button--link" aria-current={n === index ? 'step' : undefined} onClick={() => setIndex(n)}>
                {t('assessment.player.jump', { number: n + 1 })} — {hasAnswer(answers[i.itemId]) ? t('assessment.player.answered') : t('assessment.player.notAnswered')}
              </button>
            </li>
          ))}
        </ol>
      </details>

      {!confirming ? (
        <p>
          <Button variant="secondary" onClick={() => setConfirming(true)}>
            {t('assessment.player.submit')}
          </Button>
        </p>
      ) : (
        <SubmitConfirm unanswered={unanswered} submitting={submitting} error={submitError} onCancel={() => setConfirming(false)} onConfirm={() => void submit()} />
      )}
    </section>
  );
}

function SubmitConfirm(props: { unanswered: number; submitting: boolean; error: unknown; onCancel: () => void; onConfirm: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="notice notice--warning quiz__confirm" role="alertdialog" aria-labelledby="quiz-confirm-title" aria-describedby="quiz-confirm-text" tabIndex={-1} ref={ref}>
      <h2 id="quiz-confirm-title">{t('assessment.player.confirmTitle')}</h2>
      <p id="quiz-confirm-text">{props.unanswered ? t('assessment.player.confirmUnanswered', { count: props.unanswered }) : t('assessment.player.confirmAll')}</p>
      {props.error ? (
        <p className="field__error" role="alert">
          {props.error instanceof Error ? props.error.message : t('assessment.player.submitError')}
        </p>
      ) : null}
      <p className="button-row">
        <Button onClick={props.onConfirm} busy={props.submitting} busyLabel={t('assessment.player.submitting')}>
          {t('assessment.player.confirmSubmit')}
        </Button>
        <Button variant="secondary" onClick={props.onCancel}>
          {t('assessment.player.cancel')}
        </Button>
      </p>
    </div>
  );
}

function hasAnswer(a: Answer | null | undefined): boolean {
  if (!a) return false;
  if (a.optionIds) return a.optionIds.length > 0;
  if (a.pairs) return a.pairs.length > 0;
  if (a.order) return a.order.length > 0;
  if (a.text !== undefined) return a.text.trim() !== '';
  return a.booleanValue !== undefined || a.numberValue !== undefined;
}
