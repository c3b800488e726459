import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../../app/paths';
import { ApiError } from '../../api/errors';
import { useLanguage } from '../../i18n';
import { Button } from '../../ui/Button';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { usePageTitle } from '../../ui/usePageTitle';
import { useMe } from '../auth/session';
import { useLearnPath, useUpgrade } from './api';
import { LessonKindLabel, LessonStateLabel } from './labels';
import { percentDone, resumeLesson } from './pathUtils';
import { progressQueueFor } from './progressQueue';
import { SyncStatus } from './SyncStatus';
import { useProgressAnswers } from './useProgressAnswers';

/** The learning path of a course with the learner's state on every lesson. */
export function LearnPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { slug = '' } = useParams();
  const me = useMe();
  const path = useLearnPath(slug, lang);
  const upgrade = useUpgrade(slug);
  const queue = me.data ? progressQueueFor(me.data.id) : null;
  useProgressAnswers(queue, slug, lang);
  usePageTitle(path.data?.title ?? t('learn.path.title'));

  if (!path.data) {
    if (path.error instanceof ApiError && [403, 404].includes(path.error.status)) {
      return (
        <>
          <h1>{t('learn.path.notEnrolledTitle')}</h1>
          <p>{t('learn.path.notEnrolledMessage')}</p>
          <p>
            <Link to={paths.course(slug)}>{t('learn.path.toCourse')}</Link>
          </p>
        </>
      );
    }
    if (path.isError) return <ErrorState title={t('learn.path.loadError')} error={path.error} onRetry={() => void path.refetch()} retrying={path.isFetching} />;
    return <LoadingState label={t('learn.path.loading')} />;
  }

  const data = path.data;
  const percent = percentDone(data);
  const resume = resumeLesson(data);
  return (
    <>
      <p className="breadcrumb">
        <Link to={paths.myLearning}>{t('learn.dashboard.title')}</Link>
      </p>
      <h1 lang={data.language}>{data.title}</h1>
      <div className="learn-summary">
        <label className="learn-progress">
          <span>{t('learn.path.progress', { percent })}</span>
          <progress max={100} value={percent} />
        </label>
        {queue ? <SyncStatus queue={queue} /> : null}
      </div>
      {data.completedAt ? <p className="notice">{t('learn.path.completed')}</p> : null}
      {data.newerVersionAvailable ? (
        <div className="notice">
          <p>{t('learn.path.newerVersion')}</p>
          <Button variant="secondary" busy={upgrade.isPending} onClick={() => upgrade.mutate()}>
            {t('learn.path.upgrade')}
          </Button>
        </div>
      ) : null}
      {resume ? (
        <p>
          <Link className="button" to={paths.lesson(slug, resume.id)}>
            {resume.state === 'in_progress' ? t('learn.path.continueWith', { title: resume.title }) : t('learn.path.startWith', { title: resume.title })}
          </Link>
        </p>
      ) : null}
      {data.sequential ? <p>{t('learn.path.sequential')}</p> : null}
      {data.modules.map((module, index) => (
        <section key={module.id} className="learn-module" aria-labelledby={`module-${module.id}`}>
          <h2 id={`module-${module.id}`}>{t('learn.path.module', { number: index + 1, title: module.title })}</h2>
          <ol className="lesson-list" role="list">
            {module.lessons.map((lesson) => (
              <li key={lesson.id} className={`lesson-item lesson-item--${lesson.state}`}>
                {lesson.state === 'locked' ? (
                  <span className="lesson-item__title" aria-disabled="true">
                    {lesson.title}
                  </span>
                ) : (
                  <Link className="lesson-item__title" to={paths.lesson(slug, lesson.id)}>
                    {lesson.title}
                  </Link>
                )}
                <span className="lesson-item__meta">
                  <LessonKindLabel kind={lesson.kind} minutes={lesson.estimatedMinutes} /> <LessonStateLabel state={lesson.state} percent={lesson.watchedPercent} />
                </span>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}
