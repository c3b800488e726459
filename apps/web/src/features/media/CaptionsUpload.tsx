import { useId, useState, type FormEvent } from 'react';
import { useMediaT } from './useMediaT';
import { ApiError } from '../../api/errors';
import { Button } from '../../ui/Button';
import { useMe } from '../auth/session';
import { CAPTION_MAX_BYTES, CaptionsRejected, useMediaAsset, usePutCaptions, type CaptionProblem } from './api';

/** Languages offered for captions; Vietnamese and English first, then languages of ethnic communities and neighbours. */
export const CAPTION_LANGUAGES = ['vi', 'en', 'hmn', 'km', 'th', 'zh', 'fr'] as const;

/** Upload WebVTT captions per language; a refused file lists its errors by line. */
export function CaptionsUpload({ assetId }: { assetId: string }) {
  const t = useMediaT();
  const id = useId();
  const me = useMe();
  const asset = useMediaAsset(assetId);
  const put = usePutCaptions(assetId, me.data?.csrfToken);
  const [language, setLanguage] = useState<string>('vi');
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<CaptionProblem[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const languageName = (code: string) => (CAPTION_LANGUAGES as readonly string[]).includes(code) ? t(`media.captions.languages.${code as (typeof CAPTION_LANGUAGES)[number]}`) : code;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblems([]);
    setMessage(null);
    setSaved(null);
    if (!file) return setMessage(t('media.captions.chooseFile'));
    if (file.size > CAPTION_MAX_BYTES) return setMessage(t('media.captions.tooLarge'));
    try {
      await put.mutateAsync({ language, text: await file.text() });
      setSaved(t('media.captions.saved', { language: languageName(language) }));
    } catch (error) {
      if (error instanceof CaptionsRejected) setProblems(error.problems);
      else setMessage(t('media.captions.failed', { message: error instanceof ApiError ? error.message : String(error) }));
    }
  };

  const captions = asset.data?.captions ?? [];
  return (
    <form className="captions-upload" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`}>{t('media.captions.title')}</h3>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-lang`}>
          {t('media.captions.language')}
        </label>
        <select id={`${id}-lang`} className="input" value={language} onChange={(e) => setLanguage(e.target.value)}>
          {CAPTION_LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {languageName(code)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-file`}>
          {t('media.captions.file')}
        </label>
        <p id={`${id}-hint`} className="field__hint">
          {t('media.captions.hint')}
        </p>
        <input id={`${id}-file`} type="file" accept=".vtt,text/vtt" aria-describedby={`${id}-hint`} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      {problems.length > 0 ? (
        <div className="captions-upload__problems" role="alert">
          <p>{t('media.captions.errorsTitle')}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={`${p.line}-${i}`}>{t('media.captions.lineError', { line: p.line, message: p.message })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {message ? (
        <p className="field__error" role="alert">
          {message}
        </p>
      ) : null}
      {saved ? <p role="status">{saved}</p> : null}
      <Button type="submit" busy={put.isPending} busyLabel={t('media.captions.busy')}>
        {t('media.captions.submit')}
      </Button>
      <h4>{t('media.captions.existing')}</h4>
      {captions.length === 0 ? (
        <p>{t('media.captions.none')}</p>
      ) : (
        <ul className="captions-upload__list">
          {captions.map((c) => (
            <li key={c.language}>
              <a href={c.url}>{languageName(c.language)} (.vtt)</a>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
