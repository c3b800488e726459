import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { Button } from '../../ui/Button';
import { LoadingState } from '../../ui/LoadingState';
import { useQuiz, useQuizLessons, useSaveQuiz, type BlueprintEntry } from './api';

/** The quiz of a quiz lesson: how many items per competency and level, time limit, attempts, pass mark. */
export function BlueprintEditor() {
  const { t } = useTranslation();
  const lessons = useQuizLessons();
  const [lessonId, setLessonId] = useState('');
  const lesson = lessons.data?.find((l) => l.lessonId === lessonId);
  const quiz = useQuiz(lesson?.quizId ?? null);
  const save = useSaveQuiz();
  const [title, setTitle] = useState('');
  const [minutes, setMinutes] = useState('');
  const [maxAttempts, setMaxAttempts] = useState('');
  const [passPercent, setPassPercent] = useState('70');
  const [rows, setRows] = useState<BlueprintEntry[]>([{ competencyRef: '', level: 1, count: 1 }]);

  useEffect(() => {
    const q = quiz.data;
    if (q) {
      setTitle(q.title);
      setMinutes(q.timeLimitSeconds ? String(Math.round(q.timeLimitSeconds / 60)) : '');
      setMaxAttempts(q.maxAttempts ? String(q.maxAttempts) : '');
      setPassPercent(String(q.passPercent));
      setRows(q.blueprint);
    } else if (lesson) {
      setTitle(lesson.lessonTitle);
    }
  }, [quiz.data, lesson]);

  const errors = save.error instanceof ApiError ? save.error.details : [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      lessonId,
      title,
      timeLimitSeconds: minutes.trim() ? Number(minutes) * 60 : null,
      maxAttempts: maxAttempts.trim() ? Number(maxAttempts) : null,
      passPercent: Number(passPercent),
      blueprint: rows.map((r) => ({ competencyRef: r.competencyRef.trim(), level: Number(r.level), count: Number(r.count) })),
    });
  };
  const setRow = (i: number, patch: Partial<BlueprintEntry>) => setRows(rows.map((r, n) => (n === i ? { ...r, ...patch } : r)));

  return (
    <section aria-labelledby="blueprint-title" className="blueprint">
      <h2 id="blueprint-title">{t('assessment.blueprint.title')}</h2>
      {lessons.isPending ? <LoadingState label={t('assessment.bank.loading')} /> : null}
      <div className="field">
        <label className="field__label" htmlFor="bp-lesson">
          {t('assessment.blueprint.lesson')}
        </label>
        <select id="bp-lesson" className="input select" value={lessonId} onChange={(e) => setLessonId(e.target.value)}>
          <option value="">{t('assessment.player.choose')}</option>
          {(lessons.data ?? []).map((l) => (
            <option key={l.lessonId} value={l.lessonId}>
              {l.courseTitle} — {l.lessonTitle} {l.quizId ? `(${t('assessment.blueprint.hasQuiz')})` : ''}
            </option>
          ))}
        </select>
      </div>
      {lessonId ? (
        <form onSubmit={submit} noValidate>
          {save.isError ? (
            <div className="notice notice--warning" role="alert">
              <p>{t('assessment.blueprint.saveError')}</p>
              <ul>
                {errors.map((e, i) => (
                  <li key={i}>
                    {e.field}: {e.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {save.isSuccess ? (
            <p className="notice" role="status">
              {t('assessment.blueprint.saved')}
            </p>
          ) : null}
          <div className="field">
            <label className="field__label" htmlFor="bp-title">
              {t('assessment.blueprint.quizTitle')}
            </label>
            <input id="bp-title" className="input" value={title} onChange={(e) => setTitle(e.target.value)} />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="bp-minutes">
              {t('assessment.blueprint.minutes')}
            </label>
            <input id="bp-minutes" className="input" inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value)} />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="bp-attempts">
              {t('assessment.blueprint.maxAttempts')}
            </label>
            <input id="bp-attempts" className="input" inputMode="numeric" value={maxAttempts} onChange={(e) => setMaxAttempts(e.target.value)} />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="bp-pass">
              {t('assessment.blueprint.passPercent')}
            </label>
            <input id="bp-pass" className="input" inputMode="numeric" value={passPercent} onChange={(e) => setPassPercent(e.target.value)} />
          </div>
          <fieldset>
            <legend>{t('assessment.blueprint.rows')}</legend>
            {rows.map((r, i) => (
              <div key={i} className="blueprint__row">
                <div className="field">
                  <label className="field__label" htmlFor={`bp-ref-${i}`}>
                    {t('assessment.bank.competency')}
                  </label>
                  <input id={`bp-ref-${i}`} className="input" value={r.competencyRef} onChange={(e) => setRow(i, { competencyRef: e.target.value })} />
                </div>
                <div className="field">
                  <label className="field__label" htmlFor={`bp-level-${i}`}>
                    {t('assessment.bank.level')}
                  </label>
                  <input id={`bp-level-${i}`} className="input" inputMode="numeric" value={String(r.level)} onChange={(e) => setRow(i, { level: Number(e.target.value) || 0 })} />
                </div>
                <div className="field">
                  <label className="field__label" htmlFor={`bp-count-${i}`}>
                    {t('assessment.blueprint.count')}
                  </label>
                  <input id={`bp-count-${i}`} className="input" inputMode="numeric" value={String(r.count)} onChange={(e) => setRow(i, { count: Number(e.target.value) || 0 })} />
                </div>
                {r.available !== undefined ? <p className="field__hint">{t('assessment.blueprint.available', { count: r.available })}</p> : null}
                <Button variant="secondary" disabled={rows.length === 1} onClick={() => setRows(rows.filter((_, n) => n !== i))} aria-label={t('assessment.blueprint.removeRow', { number: i + 1 })}>
                  {t('assessment.blueprint.remove')}
                </Button>
              </div>
            ))}
            <Button variant="secondary" onClick={() => setRows([...rows, { competencyRef: '', level: 1, count: 1 }])}>
              {t('assessment.blueprint.addRow')}
            </Button>
          </fieldset>
          <p>
            <Button type="submit" busy={save.isPending} busyLabel={t('assessment.bank.saving')}>
              {t('assessment.blueprint.save')}
            </Button>
          </p>
        </form>
      ) : null}
    </section>
  );
}
