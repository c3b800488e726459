import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { Button } from '../../ui/Button';
import type { ReviewComment } from './api';

interface CommentThreadProps {
  comments: ReviewComment[];
  onPost: (body: string, parentId?: string) => Promise<unknown>;
  posting: boolean;
}

/** The review conversation of a version: comments with their replies, a reply form per comment. */
export function CommentThread({ comments, onPost, posting }: CommentThreadProps) {
  const { t } = useTranslation();
  const roots = comments.filter((c) => !c.parentId || !comments.some((p) => p.id === c.parentId));
  return (
    <section className="studio-thread" aria-labelledby="thread-title">
      <h3 id="thread-title">{t('studio.comments.title')}</h3>
      {comments.length === 0 ? <p>{t('studio.comments.none')}</p> : null}
      <ol className="studio-thread__list" role="list">
        {roots.map((c) => (
          <CommentItem key={c.id} comment={c} all={comments} onPost={onPost} posting={posting} />
        ))}
      </ol>
      <CommentForm id="comment-new" label={t('studio.comments.new')} onPost={(body) => onPost(body)} posting={posting} />
    </section>
  );
}

function CommentItem({ comment, all, onPost, posting }: { comment: ReviewComment; all: ReviewComment[]; onPost: CommentThreadProps['onPost']; posting: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [replying, setReplying] = useState(false);
  const replies = all.filter((c) => c.parentId === comment.id);
  const when = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(comment.createdAt));
  return (
    <li className={`studio-comment studio-comment--${comment.kind}`}>
      <p className="studio-comment__meta">
        <strong>{comment.authorName ?? t('studio.comments.someone')}</strong> · {t(`studio.commentKind.${comment.kind}`)} · <time dateTime={comment.createdAt}>{when}</time>
      </p>
      {comment.body ? <p className="studio-comment__body">{comment.body}</p> : null}
      {replying ? (
        <CommentForm id={`reply-${comment.id}`} label={t('studio.comments.reply')} onPost={(body) => onPost(body, comment.id).then(() => setReplying(false))} posting={posting} />
      ) : (
        <Button variant="link" onClick={() => setReplying(true)}>
          {t('studio.comments.reply')}
        </Button>
      )}
      {replies.length > 0 ? (
        <ol className="studio-thread__list" role="list">
          {replies.map((r) => (
            <CommentItem key={r.id} comment={r} all={all} onPost={onPost} posting={posting} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

function CommentForm({ id, label, onPost, posting }: { id: string; label: string; onPost: (body: string) => Promise<unknown>; posting: boolean }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [error, setError] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return setError(t('studio.comments.empty'));
    setError('');
    onPost(body.trim()).then(
      () => setBody(''),
      (e: Error) => setError(e.message),
    );
  };
  return (
    <form className="form studio-comment-form" onSubmit={submit} noValidate>
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
        <textarea id={id} className="textarea" rows={3} value={body} onChange={(e) => setBody(e.target.value)} maxLength={5000} />
      </div>
      <p role="alert" className="form__status">
        {error}
      </p>
      <Button type="submit" variant="secondary" busy={posting} busyLabel={t('studio.saving')}>
        {t('studio.comments.send')}
      </Button>
    </form>
  );
}
