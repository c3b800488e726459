import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { paths } from '../../app/paths';
import { useLanguage } from '../../i18n';
import { Button } from '../../ui/Button';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { usePageTitle } from '../../ui/usePageTitle';
import { MediaStatus } from '../media';
import type { StudioVersion } from '../studio/api';
import { ChangelogView } from '../studio/ChangelogView';
import { CommentThread } from '../studio/CommentThread';
import { groupName, kindName, statusName } from '../studio/labels';
import { useDecision, useReviewChangelog, useReviewComment, useReviewComments, useReviewVersion } from './api';

/** One version under review: its content, what changed, the conversation, and the decision. */
export function ReviewPage() {
  const { t } = useTranslation();
  const { versionId = '' } = useParams();
  const version = useReviewVersion(versionId);
  usePageTitle(version.data ? t('studio.review.pageTitle', { title: version.data.title }) : t('studio.reviewQueue.title'));
  return (
    <>
      <p className="breadcrumb">
        <Link to={paths.review}>{t('studio.reviewQueue.title')}</Link>
      </p>
      {version.data ? (
        <Review version={version.data} />
      ) : version.isError ? (
        version.error instanceof ApiError && version.error.status === 404 ? (
          <>
            <h1>{t('studio.reviewQueue.title')}</h1>
            <p>{t('studio.notFound')}</p>
          </>
        ) : (
          <ErrorState title={t('studio.loadError')} error={version.error} retrying={version.isFetching} onRetry={() => void version.refetch()} />
        )
      ) : (
        <LoadingState label={t('studio.loading')} />
      )}
    </>
  );
}

function Review({ version }: { version: StudioVersion }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const changelog = useReviewChangelog(version.id);
  const comments = useReviewComments(version.id);
  const comment = useReviewComment(version.id);
  return (
    <>
      <h1>{version.title}</h1>
      <p className="studio-status">
        <span className={`badge studio-badge studio-badge--${version.status}`}>{statusName(t, version.status)}</span> {t('studio.versionNumber', { number: version.versionNumber })}
      </p>
      <p className="lead">{version.summary}</p>
      <dl className="facts">
        <dt>{t('studio.fields.targetGroups')}</dt>
        <dd>{version.targetGroups.map((g) => groupName(g, lang)).join(', ') || '—'}</dd>
        <dt>{t('studio.fields.level')}</dt>
        <dd>{t(`studio.level.${version.level}`)}</dd>
        <dt>{t('studio.fields.minutes')}</dt>
        <dd>{version.estimatedMinutes}</dd>
      </dl>
      <Decision version={version} />
      {changelog.data ? <ChangelogView changelog={changelog.data} headingLevel={2} /> : null}
      <section aria-labelledby="review-content">
        <h2 id="review-content">{t('studio.review.content')}</h2>
        {version.modules.map((m) => (
          <section key={m.id} aria-label={m.title}>
            <h3>
              {t('studio.content.moduleNumber', { number: m.position })}: {m.title}
            </h3>
            {m.lessons.map((l) => (
              <details key={l.id} className="studio-preview__lesson">
                <summary>
                  <span className="lesson-kind">{kindName(t, l.kind)}</span> {l.title}
                </summary>
                {l.competencies.length > 0 ? <p>{t('studio.review.mapped', { list: l.competencies.map((c) => `${c.competencyRef} (${c.level})`).join(', ') })}</p> : null}
                {l.kind === 'video' ? l.mediaAssetId ? <MediaStatus assetId={l.mediaAssetId} /> : <p>{t('studio.lesson.noVideo')}</p> : null}
                {l.body ? <div className="lesson-body" dangerouslySetInnerHTML={{ __html: l.body }} /> : null}
              </details>
            ))}
          </section>
        ))}
      </section>
      {comments.data ? (
        <CommentThread comments={comments.data.items} posting={comment.isPending} onPost={(body, parentId) => comment.mutateAsync(parentId ? { body, parentId } : { body })} />
      ) : null}
    </>
  );
}

function Decision({ version }: { version: StudioVersion }) {
  const { t } = useTranslation();
  const decide = useDecision(version.id);
  const [text, setText] = useState('');
  const [message, setMessage] = useState('');
  const run = (approve: boolean) => (event?: FormEvent) => {
    event?.preventDefault();
    if (!approve && !text.trim()) return setMessage(t('studio.review.rejectNeedsComment'));
    decide.mutate(
      { approve, comment: text.trim() },
      { onSuccess: () => setMessage(approve ? t('studio.review.approved') : t('studio.review.rejected')), onError: (e) => setMessage(e.message) },
    );
  };
  if (version.status !== 'in_review') {
    return (
      <p role="status" className="form__status">
        {message}
      </p>
    );
  }
  return (
    <section aria-labelledby="decision-title" className="panel">
      <h2 id="decision-title">{t('studio.review.decision')}</h2>
      <form className="form" onSubmit={run(true)} noValidate>
        <div className="field">
          <label className="field__label" htmlFor="decision-comment">
            {t('studio.review.decisionComment')}
          </label>
          <p className="field__hint" id="decision-hint">
            {t('studio.review.decisionHint')}
          </p>
          <textarea id="decision-comment" className="textarea" rows={3} aria-describedby="decision-hint" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className="button-row">
          <Button type="submit" busy={decide.isPending} busyLabel={t('studio.saving')}>
            {t('studio.review.approve')}
          </Button>
          <Button variant="danger" busy={decide.isPending} onClick={() => run(false)()}>
            {t('studio.review.reject')}
          </Button>
        </div>
        <p role="alert" className="form__status">
          {message}
        </p>
      </form>
    </section>
  );
}
