import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { usePageTitle } from '../../ui/usePageTitle';
import { CourseCard } from './CourseCard';
import { useCourses } from './useCourses';

export function CatalogPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const courses = useCourses(lang);
  usePageTitle(t('catalog.title'));

  // Data first: if a background refetch fails, learners keep the list they already have.
  const { data } = courses;
  let body;
  if (data) {
    body =
      data.items.length === 0 ? (
        <EmptyState title={t('catalog.emptyTitle')} message={t('catalog.emptyMessage')} />
      ) : (
        <>
          <p className="catalog__count">{t('catalog.count', { count: data.total })}</p>
          <ul className="course-list" role="list">
            {data.items.map((course) => (
              <li key={course.id}>
                <CourseCard course={course} />
              </li>
            ))}
          </ul>
        </>
      );
  } else if (courses.isError) {
    body = (
      <ErrorState
        title={t('catalog.errorTitle')}
        error={courses.error}
        retrying={courses.isFetching}
        onRetry={() => void courses.refetch()}
      />
    );
  } else {
    body = <LoadingState label={t('catalog.loading')} />;
  }

  return (
    <>
      <h1>{t('catalog.title')}</h1>
      <p className="lead">{t('catalog.intro')}</p>
      {body}
    </>
  );
}
