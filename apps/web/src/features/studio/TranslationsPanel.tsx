import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import { CONTENT_LANGUAGES, studioApi, useVersionMutation, type ContentLanguage, type StudioVersion, type TranslationBody } from './api';
import { languageName } from './labels';
import { RichTextEditor } from './RichTextEditor';

type Draft = { title: string; summary: string; modules: Record<string, string>; lessons: Record<string, { title: string; body: string }> };

function draftOf(version: StudioVersion, lang: ContentLanguage): Draft {
  return {
    title: version.translations[lang]?.title ?? '',
    summary: version.translations[lang]?.summary ?? '',
    modules: Object.fromEntries(version.modules.map((m) => [m.id, m.translations[lang]?.title ?? ''])),
    lessons: Object.fromEntries(
      version.modules.flatMap((m) => m.lessons).map((l) => [l.id, { title: l.translations[lang]?.title ?? '', body: l.translations[lang]?.body ?? '' }]),
    ),
  };
}

/** The course's texts in another language: each text beside the original; empty ones fall back to the original. */
export function TranslationsPanel({ version }: { version: StudioVersion }) {
  const { t } = useTranslation();
  const others = CONTENT_LANGUAGES.filter((l) => l !== version.language);
  const [lang, setLang] = useState<ContentLanguage>(others[0] ?? 'en');
  const [draft, setDraft] = useState(() => draftOf(version, lang));
  const [status, setStatus] = useState('');
  useEffect(() => setDraft(draftOf(version, lang)), [version, lang]);
  const save = useVersionMutation(version.id, (body: TranslationBody) => studioApi.setTranslation(version.id, lang, body));
  const ro = !version.editable;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        title: draft.title,
        summary: draft.summary,
        modules: Object.entries(draft.modules).map(([id, title]) => ({ id, title })),
        lessons: Object.entries(draft.lessons).map(([id, l]) => ({ id, title: l.title, ...(l.body ? { body: l.body } : { body: '' }) })),
      },
      { onSuccess: () => setStatus(t('studio.saved')), onError: (e) => setStatus(e.message) },
    );
  };

  return (
    <section aria-labelledby="translations-title">
      <h2 id="translations-title">{t('studio.tabs.ban-dich')}</h2>
      <p>{t('studio.translations.intro', { language: languageName(t, version.language) })}</p>
      <SelectField id="translation-language" label={t('studio.translations.language')} value={lang} onChange={(e) => setLang(e.target.value as ContentLanguage)}>
        {others.map((l) => (
          <option key={l} value={l}>
            {languageName(t, l)}
          </option>
        ))}
      </SelectField>
      <form className="form studio-form" onSubmit={onSubmit} noValidate lang={lang}>
        <fieldset disabled={ro} className="studio-fieldset">
          <TextField id="tr-title" label={t('studio.fields.title')} hint={t('studio.translations.original', { text: version.title })} value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} />
          <div className="field">
            <label className="field__label" htmlFor="tr-summary">
              {t('studio.fields.summary')}
            </label>
            <p className="field__hint" id="tr-summary-hint">
              {t('studio.translations.original', { text: version.summary })}
            </p>
            <textarea id="tr-summary" className="textarea" rows={3} aria-describedby="tr-summary-hint" value={draft.summary} onChange={(e) => setDraft({ ...draft, summary: e.target.value })} />
          </div>
          {version.modules.map((m) => (
            <fieldset key={m.id} className="studio-translation-module">
              <legend>{t('studio.content.moduleNumber', { number: m.position })}</legend>
              <TextField
                id={`tr-m-${m.id}`}
                label={t('studio.content.moduleTitle')}
                hint={t('studio.translations.original', { text: m.title })}
                value={draft.modules[m.id] ?? ''}
                onChange={(e) => setDraft({ ...draft, modules: { ...draft.modules, [m.id]: e.target.value } })}
              />
              {m.lessons.map((l) => (
                <div key={l.id} className="studio-translation-lesson">
                  <TextField
                    id={`tr-l-${l.id}`}
                    label={t('studio.content.lessonTitle')}
                    hint={t('studio.translations.original', { text: l.title })}
                    value={draft.lessons[l.id]?.title ?? ''}
                    onChange={(e) => setDraft({ ...draft, lessons: { ...draft.lessons, [l.id]: { ...draft.lessons[l.id]!, title: e.target.value } } })}
                  />
                  {l.kind !== 'video' ? (
                    <RichTextEditor
                      id={`tr-b-${l.id}`}
                      label={t('studio.translations.body', { title: l.title })}
                      value={draft.lessons[l.id]?.body ?? ''}
                      onChange={(html) => setDraft((d) => ({ ...d, lessons: { ...d.lessons, [l.id]: { ...d.lessons[l.id]!, body: html } } }))}
                      readOnly={ro}
                    />
                  ) : null}
                </div>
              ))}
            </fieldset>
          ))}
        </fieldset>
        <p className="form__status" role="status">
          {status}
        </p>
        {ro ? null : (
          <div className="form__actions">
            <Button type="submit" busy={save.isPending} busyLabel={t('studio.saving')}>
              {t('studio.translations.save', { language: languageName(t, lang) })}
            </Button>
          </div>
        )}
      </form>
    </section>
  );
}
