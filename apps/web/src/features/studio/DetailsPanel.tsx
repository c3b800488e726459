import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import { CONTENT_LANGUAGES, studioApi, useVersionMutation, type ContentLanguage, type StudioVersion, type UpdateVersionBody } from './api';
import { CoveragePanel } from './CoveragePanel';
import { groupName, languageName, TARGET_GROUP_IDS } from './labels';

const MAX_COVER = 2 * 1024 * 1024;

export function DetailsPanel({ version }: { version: StudioVersion }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const save = useVersionMutation(version.id, (body: UpdateVersionBody) => studioApi.updateVersion(version.id, body));
  const [form, setForm] = useState(() => fromVersion(version));
  const [status, setStatus] = useState('');
  useEffect(() => setForm(fromVersion(version)), [version]);
  const ro = !version.editable;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const estimatedMinutes = Number.parseInt(form.minutes, 10);
    if (!form.title.trim()) return setStatus(t('studio.create.titleRequired'));
    if (!Number.isInteger(estimatedMinutes) || estimatedMinutes < 1) return setStatus(t('studio.create.minutesInvalid'));
    save.mutate(
      {
        title: form.title,
        summary: form.summary,
        language: form.language,
        targetGroups: form.groups as UpdateVersionBody['targetGroups'],
        level: form.level,
        estimatedMinutes,
        sequential: form.sequential,
      },
      { onSuccess: () => setStatus(t('studio.saved')), onError: (e) => setStatus(e.message) },
    );
  };

  return (
    <section aria-labelledby="details-title">
      <h2 id="details-title">{t('studio.tabs.chi-tiet')}</h2>
      <form className="form studio-form" onSubmit={onSubmit} noValidate>
        <fieldset disabled={ro} className="studio-fieldset">
          <TextField id="v-title" label={t('studio.fields.title')} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} maxLength={200} />
          <div className="field">
            <label className="field__label" htmlFor="v-summary">
              {t('studio.fields.summary')}
            </label>
            <textarea id="v-summary" className="textarea" rows={3} value={form.summary} onChange={(e) => setForm({ ...form, summary: e.target.value })} />
          </div>
          <SelectField id="v-language" label={t('studio.fields.language')} value={form.language} onChange={(e) => setForm({ ...form, language: e.target.value as ContentLanguage })}>
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
                    checked={form.groups.includes(g)}
                    onChange={(e) => setForm({ ...form, groups: e.target.checked ? [...form.groups, g] : form.groups.filter((x) => x !== g) })}
                  />{' '}
                  <span className="choice__label">{groupName(g, lang)}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <SelectField id="v-level" label={t('studio.fields.level')} value={form.level} onChange={(e) => setForm({ ...form, level: e.target.value as StudioVersion['level'] })}>
            {(['basic', 'intermediate', 'advanced'] as const).map((l) => (
              <option key={l} value={l}>
                {t(`studio.level.${l}`)}
              </option>
            ))}
          </SelectField>
          <TextField id="v-minutes" label={t('studio.fields.minutes')} inputMode="numeric" value={form.minutes} onChange={(e) => setForm({ ...form, minutes: e.target.value })} />
          <label className="choice">
            <input type="checkbox" checked={form.sequential} onChange={(e) => setForm({ ...form, sequential: e.target.checked })} />{' '}
            <span className="choice__label">{t('studio.fields.sequential')}</span>
          </label>
        </fieldset>
        <p className="form__status" role="status">
          {status}
        </p>
        {ro ? null : (
          <div className="form__actions">
            <Button type="submit" busy={save.isPending} busyLabel={t('studio.saving')}>
              {t('studio.save')}
            </Button>
          </div>
        )}
      </form>
      <CoverImage version={version} />
      <CoveragePanel version={version} />
    </section>
  );
}

function fromVersion(v: StudioVersion) {
  return {
    title: v.title,
    summary: v.summary,
    language: (v.language === 'en' ? 'en' : 'vi') as ContentLanguage,
    groups: [...v.targetGroups] as string[],
    level: v.level,
    minutes: String(v.estimatedMinutes),
    sequential: v.sequential,
  };
}

function CoverImage({ version }: { version: StudioVersion }) {
  const { t } = useTranslation();
  const upload = useVersionMutation(version.id, (file: File) => studioApi.setCover(version.id, file));
  const [message, setMessage] = useState('');
  return (
    <section aria-labelledby="cover-title" className="studio-cover">
      <h3 id="cover-title">{t('studio.cover.title')}</h3>
      {version.coverImageUrl ? <img src={version.coverImageUrl} alt={t('studio.cover.alt')} className="studio-cover__image" /> : <p>{t('studio.cover.none')}</p>}
      {version.editable ? (
        <div className="field">
          <label className="field__label" htmlFor="cover-file">
            {t('studio.cover.choose')}
          </label>
          <p className="field__hint" id="cover-hint">
            {t('studio.cover.hint')}
          </p>
          <input
            id="cover-file"
            type="file"
            accept="image/png,image/jpeg,image/webp"
            aria-describedby="cover-hint"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              if (file.size > MAX_COVER) return setMessage(t('studio.cover.tooLarge'));
              setMessage(t('studio.cover.uploading'));
              upload.mutate(file, { onSuccess: () => setMessage(t('studio.cover.saved')), onError: (err) => setMessage(err.message) });
            }}
          />
        </div>
      ) : null}
      <p role="status">{message}</p>
    </section>
  );
}
