import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../ui/Field';
import { LoadingState } from '../../ui/LoadingState';
import { MediaStatus } from '../media';
import { CONTENT_LANGUAGES, usePreview, type ContentLanguage, type StudioVersion } from './api';
import { kindName, languageName } from './labels';

/** The version as a learner reads it, in a chosen language (texts without a translation fall back). */
export function PreviewPanel({ version }: { version: StudioVersion }) {
  const { t, i18n } = useTranslation();
  const [lang, setLang] = useState<ContentLanguage>((CONTENT_LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as ContentLanguage) : 'vi');
  const preview = usePreview(version.id, lang);
  return (
    <section aria-labelledby="preview-title">
      <h2 id="preview-title">{t('studio.tabs.xem-truoc')}</h2>
      <SelectField id="preview-language" label={t('studio.preview.language')} value={lang} onChange={(e) => setLang(e.target.value as ContentLanguage)}>
        {CONTENT_LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {languageName(t, l)}
          </option>
        ))}
      </SelectField>
      {preview.data ? (
        <article className="studio-preview" lang={preview.data.language}>
          {preview.data.language !== lang ? <p className="notice">{t('studio.preview.fallback', { language: languageName(t, preview.data.language) })}</p> : null}
          {preview.data.coverImageUrl ? <img src={preview.data.coverImageUrl} alt="" className="studio-cover__image" /> : null}
          <h3>{preview.data.title}</h3>
          <p className="lead">{preview.data.summary}</p>
          {preview.data.modules.map((m) => (
            <section key={m.id} aria-label={m.title}>
              <h4>{m.title}</h4>
              {m.lessons.map((l) => (
                <details key={l.id} className="studio-preview__lesson">
                  <summary>
                    <span className="lesson-kind">{kindName(t, l.kind)}</span> {l.title}
                  </summary>
                  {l.kind === 'video' && l.mediaAssetId ? <MediaStatus assetId={l.mediaAssetId} /> : null}
                  {/* Stored sanitised by the API (an allowlist of text elements). */}
                  {l.body ? <div className="lesson-body" dangerouslySetInnerHTML={{ __html: l.body }} /> : null}
                </details>
              ))}
            </section>
          ))}
        </article>
      ) : preview.isError ? (
        <p role="alert">{preview.error.message}</p>
      ) : (
        <LoadingState label={t('studio.loading')} />
      )}
    </section>
  );
}
