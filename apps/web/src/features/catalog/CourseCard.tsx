import { TARGET_GROUPS } from '@hocso/curriculum';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import type { CourseSummary } from '../../api/client';
import { useLanguage } from '../../i18n';
import { formatDuration } from '../../i18n/duration';

export function CourseCard({ course, forYou = false }: { course: CourseSummary; forYou?: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const titleId = useId();
  return (
    <article className="course-card" aria-labelledby={titleId}>
      {/* The course text may be in another language than the UI (no translation yet). */}
      <h2 id={titleId} className="course-card__title" lang={course.language}>
        <Link to={paths.course(course.slug)}>{course.title}</Link>
        {forYou ? <span className="badge" lang={lang}>{t('catalog.filter.forYou')}</span> : null}
      </h2>
      <p className="course-card__summary" lang={course.language}>
        {course.summary}
      </p>
      <dl className="course-card__facts">
        <div className="course-card__fact course-card__fact--wide">
          <dt>{t('catalog.targetGroups')}</dt>
          <dd>
            <ul className="tags" role="list">
              {course.targetGroups.map((group) => (
                <li key={group} className="tag">
                  {/* The names of the movement's target groups come from @hocso/curriculum. */}
                  {TARGET_GROUPS.find((g) => g.id === group)?.name[lang] ?? group}
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div className="course-card__fact">
          <dt>{t('catalog.level')}</dt>
          <dd>{t(`level.${course.level}`)}</dd>
        </div>
        <div className="course-card__fact">
          <dt>{t('catalog.duration')}</dt>
          <dd>{formatDuration(t, course.estimatedMinutes)}</dd>
        </div>
        <div className="course-card__fact">
          <dt>{t('catalog.lessons')}</dt>
          <dd>{t('catalog.lessonCount', { count: course.lessonCount })}</dd>
        </div>
      </dl>
    </article>
  );
}
