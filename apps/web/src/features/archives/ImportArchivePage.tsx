import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { currentLanguage } from '../../i18n';
import { Button } from '../../ui/Button';
import { usePageTitle } from '../../ui/usePageTitle';
import { useMe } from '../auth/session';
import { ARCHIVE_MAX_BYTES, splitRefusal, useImportArchive } from './api';

/** `/studio/nhap-khoa-hoc`: import a course archive (.zip) from another installation as a new draft course. */
export function ImportArchivePage() {
  const { t } = useTranslation();
  usePageTitle(t('archives.import.title'));
  const id = useId();
  const me = useMe();
  const importer = useImportArchive(me.data?.csrfToken, currentLanguage());
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<{ text: string; code: string | null; requestId?: string } | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  // Focus moves to a refusal once it is on the page (so a screen reader reads it): after React's commit,
  // not on the next animation frame, which under load can come before the refusal is rendered.
  useEffect(() => {
    if (refusal) errorRef.current?.focus();
  }, [refusal]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setRefusal(null);
    importer.reset();
    if (!file) return setProblem(t('archives.import.chooseFile'));
    if (file.size > ARCHIVE_MAX_BYTES) return setProblem(t('archives.import.tooLarge'));
    try {
      await importer.mutateAsync(file);
    } catch (error) {
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
        setRefusal({ ...splitRefusal(error.message), requestId: error.requestId });
      } else {
        setRefusal({ text: t('archives.import.failed'), code: null, requestId: error instanceof ApiError ? error.requestId : undefined });
      }
    }
  };

  const done = importer.data;
  return (
    <>
      <h1>{t('archives.import.title')}</h1>
      <p>{t('archives.import.intro')}</p>
      <form className="archive-import" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} className="visually-hidden">
          {t('archives.import.formTitle')}
        </h2>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-file`}>
            {t('archives.import.file')}
          </label>
          <p id={`${id}-hint`} className="field__hint">
            {t('archives.import.hint')}
          </p>
          <input
            id={`${id}-file`}
            type="file"
            accept=".zip,application/zip"
            aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
            aria-invalid={problem ? true : undefined}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          {problem ? (
            <p id={`${id}-problem`} className="field__error" role="alert">
              {problem}
            </p>
          ) : null}
        </div>
        <Button type="submit" busy={importer.isPending} busyLabel={t('archives.import.busy')}>
          {t('archives.import.submit')}
        </Button>
      </form>
      {refusal ? (
        <div className="archive-import__refusal" role="alert" tabIndex={-1} ref={errorRef}>
          <h2>{t('archives.import.refusedTitle')}</h2>
          <p>{refusal.text}</p>
          <p className="field__hint">{t('archives.import.nothingKept')}</p>
          {refusal.code || refusal.requestId ? (
            <p className="field__hint">
              {refusal.code ? t('archives.import.code', { code: refusal.code }) : null} {refusal.requestId ? t('archives.import.requestId', { id: refusal.requestId }) : null}
            </p>
          ) : null}
        </div>
      ) : null}
      {done ? (
        <div className="archive-import__done" role="status">
          <h2>{t('archives.import.doneTitle')}</h2>
          <p>{t('archives.import.done', { title: done.title, slug: done.slug, lessons: done.lessonCount })}</p>
          {done.videoCount > 0 ? <p>{t('archives.import.videos', { count: done.videoCount })}</p> : null}
        </div>
      ) : null}
    </>
  );
}
