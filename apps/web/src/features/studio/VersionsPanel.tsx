import { ExportArchiveButton } from '../archives/ExportArchiveButton';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage } from '../../i18n';
import { Button } from '../../ui/Button';
import {
  studioApi,
  useAuthorChangelog,
  useAuthorComment,
  useAuthorComments,
  useStartDraft,
  useVersionMutation,
  type StudioCourse,
  type StudioVersion,
} from './api';
import { ChangelogView } from './ChangelogView';
import { CommentThread } from './CommentThread';
import { statusName } from './labels';

/** Review and versions: submit or withdraw, the versions of the course, the review conversation, the changelog. */
export function VersionsPanel({ course, version, versionLink }: { course: StudioCourse; version: StudioVersion; versionLink: (id: string) => string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [message, setMessage] = useState('');
  const [note, setNote] = useState('');
  const submit = useVersionMutation(version.id, (comment: string) => studioApi.submit(version.id, comment || undefined));
  const withdraw = useVersionMutation(version.id, () => studioApi.withdraw(version.id));
  const startDraft = useStartDraft(course.id);
  const comments = useAuthorComments(version.id);
  const comment = useAuthorComment(version.id);
  const changelog = useAuthorChangelog(version.id, true);
  const open = course.versions.some((v) => v.status === 'draft' || v.status === 'in_review');
  const date = (iso: string | null) => (iso ? new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(new Date(iso)) : '—');

  return (
    <section aria-labelledby="versions-title">
      <h2 id="versions-title">{t('studio.tabs.duyet')}</h2>
      {version.status === 'draft' ? (
        <form
          className="form studio-form"
          onSubmit={(e) => {
            e.preventDefault();
            submit.mutate(note, { onSuccess: () => { setMessage(t('studio.review.submitted')); setNote(''); }, onError: (err) => setMessage(err.message) });
          }}
        >
          <p>{t('studio.review.submitIntro')}</p>
          <div className="field">
            <label className="field__label" htmlFor="submit-note">
              {t('studio.review.note')}
            </label>
            <textarea id="submit-note" className="textarea" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <Button type="submit" busy={submit.isPending} busyLabel={t('studio.saving')}>
            {t('studio.review.submit')}
          </Button>
        </form>
      ) : version.status === 'in_review' ? (
        <div>
          <p>{t('studio.review.waiting')}</p>
          <Button variant="secondary" busy={withdraw.isPending} onClick={() => withdraw.mutate(undefined, { onSuccess: () => setMessage(t('studio.review.withdrawn')), onError: (e) => setMessage(e.message) })}>
            {t('studio.review.withdraw')}
          </Button>
        </div>
      ) : !open ? (
        <Button busy={startDraft.isPending} onClick={() => startDraft.mutate(undefined, { onError: (e) => setMessage(e.message) })}>
          {t('studio.newDraft')}
        </Button>
      ) : null}
      <p role="status" className="form__status">
        {message}
      </p>

      <h3>{t('studio.versions.title')}</h3>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t('studio.versions.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('studio.versions.number')}</th>
              <th scope="col">{t('studio.versions.status')}</th>
              <th scope="col">{t('studio.versions.created')}</th>
              <th scope="col">{t('studio.versions.published')}</th>
            </tr>
          </thead>
          <tbody>
            {course.versions.map((v) => (
              <tr key={v.id}>
                <th scope="row">
                  {v.id === version.id ? (
                    <span aria-current="true">{t('studio.versionNumber', { number: v.versionNumber })}</span>
                  ) : (
                    <Link to={versionLink(v.id)}>{t('studio.versionNumber', { number: v.versionNumber })}</Link>
                  )}
                </th>
                <td>{statusName(t, v.status)}</td>
                <td>{date(v.createdAt)}</td>
                <td>{date(v.publishedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ExportArchiveButton courseId={course.id} version={version.versionNumber} />
      {changelog.data ? <ChangelogView changelog={changelog.data} /> : null}
      {comments.data ? (
        <CommentThread comments={comments.data.items} posting={comment.isPending} onPost={(body, parentId) => comment.mutateAsync(parentId ? { body, parentId } : { body })} />
      ) : null}
    </section>
  );
}
