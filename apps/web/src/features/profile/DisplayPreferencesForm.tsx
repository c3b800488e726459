import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SUPPORTED_LANGUAGES, useLanguage, type Language } from '../../i18n';
import { Button } from '../../ui/Button';
import { CheckboxGroup, RadioGroup } from '../../ui/ChoiceGroup';
import { useDisplayPreferences, type Contrast, type FontSize } from '../../ui/preferences';
import { useMe, useSavePreferences } from '../auth/session';

/**
 * Text size, contrast, motion and language. "Save and apply" applies them to every page at once,
 * remembers them on this device, and saves them to the account of a signed-in person. Nothing
 * changes while choosing (a change of language or size under the finger would be disorienting).
 */
export function DisplayPreferencesForm({ withHeading = true }: { withHeading?: boolean }) {
  const { t } = useTranslation();
  const current = useDisplayPreferences();
  const language = useLanguage();
  const me = useMe();
  const save = useSavePreferences();
  const [fontSize, setFontSize] = useState<FontSize>(current.fontSize);
  const [contrast, setContrast] = useState<Contrast>(current.contrast);
  const [reducedMotion, setReducedMotion] = useState(current.reducedMotion);
  const [lang, setLang] = useState<Language>(language);

  // Changed elsewhere (the account's saved preferences arriving, the header's language buttons):
  // the form shows what is applied.
  useEffect(() => {
    setFontSize(current.fontSize);
    setContrast(current.contrast);
    setReducedMotion(current.reducedMotion);
  }, [current]);
  useEffect(() => setLang(language), [language]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    save.mutate({ fontSize, contrast, reducedMotion, language: lang });
  };

  return (
    // Labelled by its own heading, or by the page's <h1 id="display-title">.
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="display-title">
      {withHeading ? <h2 id="display-title">{t('display.title')}</h2> : null}
      <p>{me.data ? t('display.introSignedIn') : t('display.intro')}</p>
      <RadioGroup<FontSize>
        id="fontSize"
        legend={t('display.fontSize')}
        small
        value={fontSize}
        onChange={setFontSize}
        choices={[
          { value: 'normal', label: t('display.fontSizeNormal') },
          { value: 'large', label: <span className="sample sample--large">{t('display.fontSizeLarge')}</span> },
          { value: 'x-large', label: <span className="sample sample--x-large">{t('display.fontSizeXLarge')}</span> },
        ]}
      />
      <RadioGroup<Contrast>
        id="contrast"
        legend={t('display.contrast')}
        small
        value={contrast}
        onChange={setContrast}
        choices={[
          { value: 'normal', label: t('display.contrastNormal') },
          { value: 'high', label: t('display.contrastHigh') },
        ]}
      />
      <CheckboxGroup<'reduce'>
        id="motion"
        legend={t('display.motion')}
        small
        values={reducedMotion ? ['reduce'] : []}
        onChange={(values) => setReducedMotion(values.includes('reduce'))}
        choices={[{ value: 'reduce', label: t('display.reducedMotion') }]}
      />
      <RadioGroup<Language>
        id="language"
        legend={t('display.language')}
        small
        value={lang}
        onChange={setLang}
        choices={SUPPORTED_LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`), lang: l }))}
      />
      <div className="form__actions">
        <Button type="submit" busy={save.isPending} busyLabel={t('form.saving')}>
          {t('display.save')}
        </Button>
      </div>
      <div role="status" className="form__status">
        {save.isSuccess ? <p className="notice">{t('display.saved')}</p> : null}
        {save.isError ? <p className="notice notice--warning">{t('display.savedLocally')}</p> : null}
      </div>
    </form>
  );
}
