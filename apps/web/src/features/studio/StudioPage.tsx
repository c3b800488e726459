import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/errors';
import { paths } from '../../app/paths';
import { useLanguage } from '../../i18n';
import { Button } from '../../ui/Button';
import { ErrorState } from '../../ui/ErrorState';
import { SelectField, TextField } from '../../ui/Field';
import { LoadingState } from '../../ui/LoadingState';
import { usePageTitle } from '../../ui/usePageTitle';
import { CONTENT_LANGUAGES, useCreateCourse, useStudioCourses, type ContentLanguage, type CreateCourseBody } from './api';
import { groupName, languageName, statusName, TARGET_GROUP_IDS } from './labels';

/** The author's courses and a form to start a new one. */
export function StudioPage() {
  const { t } = useTranslation();
  usePageTitle(t('studio.title'));
  const courses = useStudioCourses();
  return (
    <>
      <h1>{t('studio.title')}</h1>
      <p className="lead">{t('studio.intro')}</p>
      <p>
        <Link to={paths.studioImport}>{t('archives.import.title')}</Link>
      </p>
      <section aria-labelledby="studio-mine">
        <h2 id="studio-mine">{t('studio.mine')}</h2>
        {courses.data ? (
          courses.data.items.length === 0 ? (
            <p>{t('studio.none')}</p>
          ) : (
            <ul className="studio-list" role="list">
              {courses.data.items.map((course) => {
                const newest = course.versions[0];
                return (
                  <li key={course.id} className="studio-list__item">
                    <Link to={paths.studioCourse(course.id)} className="studio-list__title">
                      {course.title}
                    </Link>
                    <span className="studio-list__meta">
                      {newest ? t('studio.versionStatus', { number: newest.versionNumber, status: statusName(t, newest.status) }) : null}
                      {course.versions.some((v) => v.status === 'published') ? ` · ${t('studio.hasPublished')}` : ''}
                    </span>
                  </li>
                );
              })}
            </ul>
          )
        ) : courses.isError ? (
          <ErrorState title={t('studio.loadError')} error={courses.error} retrying={courses.isFetching} onRetry={() => void courses.refetch()} />
        ) : (
          <LoadingState label={t('studio.loading')} />
        )}
      </section>
      <CreateCourseForm />
    </>
  );
}

function CreateCourseForm() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const create = useCreateCourse();
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [language, setLanguage] = useState<ContentLanguage>('vi');
  const [groups, setGroups] = useState<string[]>([]);
  const [level, setLevel] = useState<CreateCourseBody['level']>('basic');
  const [minutes, setMinutes] = useState('30');
  const [sequential, setSequential] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!title.trim()) return setError(t('studio.create.titleRequired'));
    const estimatedMinutes = Number.parseInt(minutes, 10);
    if (!Number.isInteger(estimatedMinutes) || estimatedMinutes < 1) return setError(t('studio.create.minutesInvalid'));
    create.mutate(
      { title: title.trim(), summary: summary.trim(), language, targetGroups: groups as CreateCourseBody['targetGroups'], level, estimatedMinutes, sequential },
      {
        onSuccess: (version) => void navigate(paths.studioCourse(version.courseId)),
        onError: (e) => setError(e instanceof ApiError ? e.message : t('studio.saveFailed')),
      },
    );
  };

  return (
    <section aria-labelledby="studio-create">
      <h2 id="studio-create">{t('studio.create.title')}</h2>
      <form className="form studio-form" onSubmit={onSubmit} noValidate>
        <TextField id="course-title" label={t('studio.fields.title')} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />
        <div className="field">
          <label className="field__label" htmlFor="course-summary">
            {t('studio.fields.summary')}
          </label>
          <textarea id="course-summary" className="textarea" rows={3} value={summary} maxLength={2000} onChange={(e) => setSummary(e.target.value)} />
        </div>
        <SelectField id="course-language" label={t('studio.fields.language')} value={language} onChange={(e) => setLanguage(e.target.value as ContentLanguage)}>
          {CONTENT_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {languageName(t, l)}
            </option>
          ))}
        </SelectField>
        <fieldset className="field">
          <legend className="field__legend">{t('studio.fields.targetGroups')}</legend>
          <div className="choices">
            {TARGET_GROUP_IDS.map((g) => (
              <label key={g} className="choice">
                <input
                  type="checkbox"
                  checked={groups.includes(g)}
                  onChange={(e) => setGroups(e.target.checked ? [...groups, g] : groups.filter((x) => x !== g))}
                />{' '}
                <span className="choice__label">{groupName(g, lang)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <SelectField id="course-level" label={t('studio.fields.level')} value={level} onChange={(e) => setLevel(e.target.value as CreateCourseBody['level'])}>
          {(['basic', 'intermediate', 'advanced'] as const).map((l) => (
            <option key={l} value={l}>
              {t(`studio.level.${l}`)}
            </option>
          ))}
        </SelectField>
        <TextField id="course-minutes" label={t('studio.fields.minutes')} inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        <label className="choice">
          <input type="checkbox" checked={sequential} onChange={(e) => setSequential(e.target.checked)} /> <span className="choice__label">{t('studio.fields.sequential')}</span>
        </label>
        <p className="form__status" role="alert">
          {error ?? ''}
        </p>
        <div className="form__actions">
          <Button type="submit" busy={create.isPending} busyLabel={t('studio.saving')}>
            {t('studio.create.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
