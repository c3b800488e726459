import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SUPPORTED_LANGUAGES, setLanguage, useLanguage, type Language } from '../i18n';

/**
 * One toggle button per language; the choice is remembered on this device (and, through `onChoose`,
 * saved to the account of a signed-in person).
 */
export function LanguageSwitcher({ onChoose }: { onChoose?: (language: Language) => void }) {
  const { t } = useTranslation();
  const current = useLanguage();
  const labelId = useId();
  return (
    <div className="lang-switcher" role="group" aria-labelledby={labelId}>
      <span id={labelId} className="visually-hidden">
        {t('language.label')}
      </span>
      {SUPPORTED_LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          className="lang-switcher__button"
          lang={language}
          aria-pressed={current === language}
          onClick={() => {
            if (onChoose) return onChoose(language);
            // If the catalogue cannot be fetched the page simply stays in the current language.
            setLanguage(language).catch(() => undefined);
          }}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
