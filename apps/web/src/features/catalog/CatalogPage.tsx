import { TARGET_GROUPS } from '@hocso/curriculum';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMe } from '../auth/session';
import { SUPPORTED_LANGUAGES, useLanguage } from '../../i18n';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { SelectField, TextField } from '../../ui/Field';
import { LoadingState } from '../../ui/LoadingState';
import { usePageTitle } from '../../ui/usePageTitle';
import { CourseCard } from './CourseCard';
import { DURATION_BANDS, filterCourses, readFilters, writeFilters, type CatalogFilters } from './filters';
import { useCourses } from './useCourses';

const LEVELS = ['basic', 'intermediate', 'advanced'] as const;

export function CatalogPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const courses = useCourses(lang);
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const [query, setQuery] = useState(filters.q);
  usePageTitle(t('catalog.title'));

  const update = (next: Partial<CatalogFilters>) => setParams(writeFilters({ ...filters, ...next }), { replace: true, preventScrollReset: true });
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    update({ q: query });
  };
  const ownGroup = me.data?.targetGroup ?? null;
  const filtered = writeFilters(filters).toString() !== '';

  // Data first: if a background refetch fails, learners keep the list they already have.
  const { data } = courses;
  let body;
  if (data) {
    const shown = filterCourses(data.items, filters, ownGroup);
    body =
      data.items.length === 0 ? (
        <EmptyState title={t('catalog.emptyTitle')} message={t('catalog.emptyMessage')} />
      ) : (
        <>
          <p className="catalog__count" role="status">
            {filtered ? t('catalog.filter.matching', { count: shown.length }) : t('catalog.count', { count: data.total })}
          </p>
          {shown.length === 0 ? (
            <div className="state state--empty">
              <h2 className="state__title">{t('catalog.filter.noneTitle')}</h2>
              <p>{t('catalog.filter.noneMessage')}</p>
              <Button variant="secondary" onClick={() => {
                setQuery('');
                setParams(new URLSearchParams(), { replace: true });
              }}>
                {t('catalog.filter.clear')}
              </Button>
            </div>
          ) : (
            <ul className="course-list" role="list">
              {shown.map((course) => (
                <li key={course.id}>
                  <CourseCard course={course} forYou={ownGroup ? course.targetGroups.includes(ownGroup) : false} />
                </li>
              ))}
            </ul>
          )}
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
      <form className="search" role="search" onSubmit={onSearch}>
        <TextField id="catalog-q" type="search" label={t('catalog.filter.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
        <Button type="submit">{t('catalog.filter.searchSubmit')}</Button>
      </form>
      <details className="catalog-filters" open={filters.group || filters.level || filters.language || filters.duration ? true : undefined}>
        <summary>{t('catalog.filter.title')}</summary>
        <div className="catalog-filters__fields">
          <SelectField id="catalog-group" label={t('catalog.targetGroups')} value={filters.group} onChange={(e) => update({ group: e.target.value as CatalogFilters['group'] })}>
            <option value="">{t('catalog.filter.anyGroup')}</option>
            {[...TARGET_GROUPS]
              .sort((a, b) => (a.id === ownGroup ? -1 : b.id === ownGroup ? 1 : 0))
              .map((group) => (
                <option key={group.id} value={group.id}>
                  {group.name[lang]}
                  {group.id === ownGroup ? ` (${t('catalog.filter.yourGroup')})` : ''}
                </option>
              ))}
          </SelectField>
          <SelectField id="catalog-level" label={t('catalog.level')} value={filters.level} onChange={(e) => update({ level: e.target.value as CatalogFilters['level'] })}>
            <option value="">{t('catalog.filter.anyLevel')}</option>
            {LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(`level.${level}`)}
              </option>
            ))}
          </SelectField>
          <SelectField id="catalog-language" label={t('catalog.filter.language')} value={filters.language} onChange={(e) => update({ language: e.target.value })}>
            <option value="">{t('catalog.filter.anyLanguage')}</option>
            {SUPPORTED_LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {t(`language.${language}`)}
              </option>
            ))}
          </SelectField>
          <SelectField id="catalog-duration" label={t('catalog.duration')} value={filters.duration} onChange={(e) => update({ duration: e.target.value as CatalogFilters['duration'] })}>
            <option value="">{t('catalog.filter.anyDuration')}</option>
            {DURATION_BANDS.map((band) => (
              <option key={band} value={band}>
                {t(`catalog.filter.duration.${band}`)}
              </option>
            ))}
          </SelectField>
        </div>
      </details>
      {body}
    </>
  );
}
