import { defaultCatalog, findCompetency } from '@hocso/curriculum';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { useLanguage, type Language } from '../../i18n';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { usePageTitle } from '../../ui/usePageTitle';
import { useMyLearning, type DashboardCompetency } from './api';

function competencyName(c: DashboardCompetency, lang: Language): string {
  const entry = findCompetency(defaultCatalog, c.ref, c.frameworkVersion ?? undefined) ?? findCompetency(defaultCatalog, c.ref);
  if (!entry) return c.ref;
  return `${entry.competency.code} ${entry.competency.name[lang]}`;
}

function formatDate(iso: string, lang: Language): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(new Date(iso));
}

/** "My learning": courses in progress and completed, competencies reached, certificates, time spent. */
export function DashboardPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const learning = useMyLearning(lang);
  usePageTitle(t('learn.dashboard.title'));

  if (!learning.data) {
    if (learning.isError) return <ErrorState title={t('learn.dashboard.loadError')} error={learning.error} onRetry={() => void learning.refetch()} retrying={learning.isFetching} />;
    return <LoadingState label={t('learn.dashboard.loading')} />;
  }
  const d = learning.data;
  const minutes = Math.round(d.timeSpentSeconds / 60);
  const hours = Math.floor(minutes / 60);
  return (
    <>
      <h1>{t('learn.dashboard.title')}</h1>
      <p className="lead">
        {t('learn.dashboard.timeSpent')}{' '}
        <strong>
          {hours > 0 ? t('learn.dashboard.hoursMinutes', { hours, minutes: minutes % 60 }) : t('time.minutes', { count: minutes })}
        </strong>
      </p>

      <section aria-labelledby="dash-progress">
        <h2 id="dash-progress">{t('learn.dashboard.inProgress')}</h2>
        {d.inProgress.length === 0 ? (
          <p>
            {t('learn.dashboard.noneInProgress')} <Link to={paths.catalog}>{t('learn.dashboard.findCourse')}</Link>
          </p>
        ) : (
          <ul className="dash-list" role="list">
            {d.inProgress.map((c) => (
              <li key={c.slug} className="dash-course">
                <h3 className="dash-course__title" lang={c.language}>
                  <Link to={paths.learn(c.slug)}>{c.title}</Link>
                </h3>
                <label className="learn-progress">
                  <span>{t('learn.path.progress', { percent: c.percent })}</span>
                  <progress max={100} value={c.percent} />
                </label>
                {c.nextLesson ? (
                  <p>
                    <Link to={paths.lesson(c.slug, c.nextLesson.id)}>{t('learn.dashboard.next', { title: c.nextLesson.title })}</Link>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="dash-completed">
        <h2 id="dash-completed">{t('learn.dashboard.completed')}</h2>
        {d.completed.length === 0 ? (
          <p>{t('learn.dashboard.noneCompleted')}</p>
        ) : (
          <ul className="dash-list" role="list">
            {d.completed.map((c) => (
              <li key={c.slug}>
                <Link to={paths.learn(c.slug)} lang={c.language}>
                  {c.title}
                </Link>
                {c.completedAt ? ` — ${t('learn.dashboard.completedOn', { date: formatDate(c.completedAt, lang) })}` : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="dash-competencies">
        <h2 id="dash-competencies">{t('learn.dashboard.competencies')}</h2>
        {d.competencies.length === 0 ? (
          <p>{t('learn.dashboard.noneCompetencies')}</p>
        ) : (
          <ul className="dash-list" role="list">
            {d.competencies.map((c) => (
              <li key={`${c.ref}:${c.level ?? ''}`}>
                {competencyName(c, lang)}
                {` — ${c.level ? t('learn.dashboard.level', { level: c.level }) : t('learn.dashboard.practised')}`}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="dash-certificates">
        <h2 id="dash-certificates">{t('learn.dashboard.certificates')}</h2>
        {d.certificates.length === 0 ? (
          <p>{t('learn.dashboard.noneCertificates')}</p>
        ) : (
          <ul className="dash-list" role="list">
            {d.certificates.map((c) => (
              <li key={c.serial}>
                <a href={c.url ?? `/xac-minh/${encodeURIComponent(c.serial)}`}>{c.title}</a>
                {c.issuedAt ? ` — ${formatDate(c.issuedAt, lang)}` : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
