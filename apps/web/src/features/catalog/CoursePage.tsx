import { TARGET_GROUPS } from '@hocso/curriculum';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { paths, signInPath } from '../../app/paths';
import { ApiError } from '../../api/errors';
import { useLanguage } from '../../i18n';
import { formatDuration } from '../../i18n/duration';
import { Button } from '../../ui/Button';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { usePageTitle } from '../../ui/usePageTitle';
import { useMe } from '../auth/session';
import { useEnrol, useLearnPath } from '../learn/api';
import { LessonKindLabel } from '../learn/labels';
import { useCourses } from './useCourses';

/** A course: what it teaches, for whom, how long, its outline, and the one-tap enrolment. */
export function CoursePage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { slug = '' } = useParams();
  const courses = useCourses(lang);
  const me = useMe();
  const signedIn = Boolean(me.data);
  const path = useLearnPath(slug, lang, signedIn);
  const enrol = useEnrol(slug);
  const navigate = useNavigate();
  const course = courses.data?.items.find((c) => c.slug === slug);
  usePageTitle(course?.title ?? path.data?.title ?? t('learn.course.title'));

  if (!course) {
    if (courses.isError) return <ErrorState title={t('learn.course.loadError')} error={courses.error} onRetry={() => void courses.refetch()} retrying={courses.isFetching} />;
    if (courses.isPending) return <LoadingState label={t('learn.course.loading')} />;
    return (
      <>
        <h1>{t('learn.course.notFoundTitle')}</h1>
        <p>{t('learn.course.notFoundMessage')}</p>
        <p>
          <Link to={paths.catalog}>{t('learn.course.backToCatalog')}</Link>
        </p>
      </>
    );
  }

  const notEnrolled = path.error instanceof ApiError && [403, 404].includes(path.error.status);
  const enrolled = Boolean(path.data && path.data.enrolled !== false) && !notEnrolled;
  const onEnrol = () =>
    enrol.mutate(undefined, {
      onSuccess: () => void navigate(paths.learn(slug)),
    });

  return (
    <>
      <p className="breadcrumb">
        <Link to={paths.catalog}>{t('nav.catalog')}</Link>
      </p>
      <h1 lang={course.language}>{course.title}</h1>
      <p className="lead" lang={course.language}>
        {course.summary}
      </p>
      <dl className="facts">
        <div>
          <dt>{t('catalog.level')}</dt>
          <dd>{t(`level.${course.level}`)}</dd>
        </div>
        <div>
          <dt>{t('catalog.duration')}</dt>
          <dd>{formatDuration(t, course.estimatedMinutes)}</dd>
        </div>
        <div>
          <dt>{t('catalog.lessons')}</dt>
          <dd>{t('catalog.lessonCount', { count: course.lessonCount })}</dd>
        </div>
        <div>
          <dt>{t('catalog.targetGroups')}</dt>
          <dd>
            <ul className="tags" role="list">
              {course.targetGroups.map((group) => (
                <li key={group} className="tag">
                  {TARGET_GROUPS.find((g) => g.id === group)?.name[lang] ?? group}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
      <div className="course-actions">
        {!signedIn ? (
          <>
            <Link className="button" to={signInPath(paths.course(slug))}>
              {t('learn.course.signInToEnrol')}
            </Link>
            <p>{t('learn.course.signInHint')}</p>
          </>
        ) : enrolled ? (
          <Link className="button" to={paths.learn(slug)}>
            {path.data?.completedAt ? t('learn.course.review') : t('learn.course.continue')}
          </Link>
        ) : (
          <Button busy={enrol.isPending} busyLabel={t('learn.course.enrolling')} onClick={onEnrol}>
            {t('learn.course.enrol')}
          </Button>
        )}
        {enrol.isError ? (
          <p className="field__error" role="alert">
            {t('learn.course.enrolFailed')}
          </p>
        ) : null}
      </div>
      {path.data && path.data.modules.length > 0 ? (
        <section aria-labelledby="outline-title">
          <h2 id="outline-title">{t('learn.course.outline')}</h2>
          <ol className="outline" role="list">
            {path.data.modules.map((module, index) => (
              <li key={module.id}>
                <h3 className="outline__module">{t('learn.path.module', { number: index + 1, title: module.title })}</h3>
                <ol className="outline__lessons">
                  {module.lessons.map((lesson) => (
                    <li key={lesson.id}>
                      {lesson.title} <LessonKindLabel kind={lesson.kind} minutes={lesson.estimatedMinutes} />
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}
