import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { paths } from '../../app/paths';
import { Button } from '../../ui/Button';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { usePageTitle } from '../../ui/usePageTitle';
import { currentVersionOf, useStartDraft, useStudioCourse, useVersion, type StudioCourse, type StudioVersion } from './api';
import { ContentPanel } from './ContentPanel';
import { DetailsPanel } from './DetailsPanel';
import { statusName } from './labels';
import { PreviewPanel } from './PreviewPanel';
import { TranslationsPanel } from './TranslationsPanel';
import { VersionsPanel } from './VersionsPanel';

export const TABS = ['chi-tiet', 'noi-dung', 'ban-dich', 'duyet', 'xem-truoc'] as const;
export type Tab = (typeof TABS)[number];
const TAB_PARAM = 'muc';
const VERSION_PARAM = 'phien-ban';

/** The course editor: details, modules and lessons, translations, review and versions, preview. */
export function CourseEditorPage() {
  const { t } = useTranslation();
  const { courseId = '' } = useParams();
  const course = useStudioCourse(courseId);
  usePageTitle(course.data?.title ?? t('studio.editor.title'));
  if (course.data) return <Editor course={course.data} />;
  if (course.isError) {
    const notFound = course.error instanceof ApiError && course.error.status === 404;
    return (
      <>
        <h1>{t('studio.editor.title')}</h1>
        {notFound ? <p>{t('studio.notFound')}</p> : <ErrorState title={t('studio.loadError')} error={course.error} onRetry={() => void course.refetch()} retrying={course.isFetching} />}
        <p>
          <Link to={paths.studio}>{t('studio.backToList')}</Link>
        </p>
      </>
    );
  }
  return <LoadingState label={t('studio.loading')} />;
}

function Editor({ course }: { course: StudioCourse }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get(TAB_PARAM) ?? '') ? (params.get(TAB_PARAM) as Tab) : 'chi-tiet';
  const chosen = course.versions.find((v) => v.id === params.get(VERSION_PARAM)) ?? currentVersionOf(course);
  const version = useVersion(chosen?.id);
  const link = (next: Partial<{ tab: Tab; version: string }>) => {
    const q = new URLSearchParams(params);
    if (next.tab) q.set(TAB_PARAM, next.tab);
    if (next.version) q.set(VERSION_PARAM, next.version);
    return `?${q.toString()}`;
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to={paths.studio}>{t('studio.title')}</Link>
      </p>
      <h1>{version.data?.title ?? course.title}</h1>
      {chosen ? (
        <p className="studio-status">
          <span className={`badge studio-badge studio-badge--${chosen.status}`}>{statusName(t, chosen.status)}</span>{' '}
          {t('studio.versionNumber', { number: chosen.versionNumber })}
        </p>
      ) : null}
      <nav className="sub-nav studio-tabs" aria-label={t('studio.editor.sections')}>
        <ul role="list">
          {TABS.map((name) => (
            <li key={name}>
              <Link to={link({ tab: name })} aria-current={tab === name ? 'page' : undefined}>
                {t(`studio.tabs.${name}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {version.data ? (
        <>
          <ReadOnlyNotice course={course} version={version.data} />
          <TabPanel tab={tab} course={course} version={version.data} versionLink={(id) => link({ version: id, tab: 'duyet' })} />
        </>
      ) : version.isError ? (
        <ErrorState title={t('studio.loadError')} error={version.error} onRetry={() => void version.refetch()} retrying={version.isFetching} />
      ) : (
        <LoadingState label={t('studio.loading')} />
      )}
    </>
  );
}

function TabPanel({ tab, course, version, versionLink }: { tab: Tab; course: StudioCourse; version: StudioVersion; versionLink: (id: string) => string }) {
  switch (tab) {
    case 'noi-dung':
      return <ContentPanel version={version} />;
    case 'ban-dich':
      return <TranslationsPanel version={version} />;
    case 'duyet':
      return <VersionsPanel course={course} version={version} versionLink={versionLink} />;
    case 'xem-truoc':
      return <PreviewPanel version={version} />;
    default:
      return <DetailsPanel version={version} />;
  }
}

/** A published or in-review version cannot change: say so, and offer the way to edit. */
function ReadOnlyNotice({ course, version }: { course: StudioCourse; version: StudioVersion }) {
  const { t } = useTranslation();
  const startDraft = useStartDraft(course.id);
  const [, setParams] = useSearchParams();
  if (version.editable) return null;
  const open = course.versions.some((v) => v.status === 'draft' || v.status === 'in_review');
  return (
    <div className="notice" role="note">
      <p>{version.status === 'in_review' ? t('studio.readOnly.inReview') : t('studio.readOnly.published')}</p>
      {version.status === 'published' && !open ? (
        <Button
          busy={startDraft.isPending}
          busyLabel={t('studio.saving')}
          onClick={() =>
            startDraft.mutate(undefined, {
              onSuccess: (draft) =>
                setParams((p) => {
                  p.set(VERSION_PARAM, draft.id);
                  return p;
                }),
            })
          }
        >
          {t('studio.newDraft')}
        </Button>
      ) : null}
      <p role="alert">{startDraft.isError ? startDraft.error.message : ''}</p>
    </div>
  );
}
