import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import vi from './locales/vi.json';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from './languages';

export { DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, isLanguage, type Language } from './languages';

const STORAGE_KEY = 'hocso.lang';

// Vietnamese (the default) ships inside the main bundle; every other language is its own
// small chunk, fetched only by those who choose it.
type Catalogue = Record<string, unknown>;
const loaders: Record<Exclude<Language, typeof DEFAULT_LANGUAGE>, () => Promise<{ default: Catalogue }>> = {
  en: () => import('./locales/en.json'),
};

function readStoredLanguage(): Language | null {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null; // storage disabled (private mode, some WebViews)
  }
}

function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // not persisted; the choice still holds for this visit
  }
}

async function ensureLoaded(language: Language): Promise<void> {
  if (language === DEFAULT_LANGUAGE || i18n.hasResourceBundle(language, 'translation')) return;
  const catalogue = await loaders[language]();
  i18n.addResourceBundle(language, 'translation', catalogue.default);
}

/** Switches the UI language, remembers it on this device and updates `<html lang>`. */
export async function setLanguage(language: Language): Promise<void> {
  await ensureLoaded(language);
  await i18n.changeLanguage(language);
  storeLanguage(language);
}

/** Resolves once the catalogue of the language to show first is loaded. */
export async function initI18n(): Promise<typeof i18n> {
  i18n.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  await i18n.use(initReactI18next).init({
    resources: { [DEFAULT_LANGUAGE]: { translation: vi } },
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: ['vi', 'en'],
    load: 'languageOnly',
    partialBundledLanguages: true,
    returnEmptyString: false,
    interpolation: { escapeValue: false }, // React escapes
    react: { useSuspense: false },
  });
  const stored = readStoredLanguage();
  if (stored && stored !== DEFAULT_LANGUAGE) {
    try {
      await setLanguage(stored);
    } catch {
      // the catalogue could not be fetched (slow or no network): stay in Vietnamese
    }
  }
  return i18n;
}

/**
 * The language the UI shows, or will show once initI18n() resolves (so route loaders that run
 * before that can already fetch content in the right language).
 */
export function currentLanguage(): Language {
  const resolved = i18n.resolvedLanguage;
  if (i18n.isInitialized && isLanguage(resolved)) return resolved;
  return readStoredLanguage() ?? DEFAULT_LANGUAGE;
}

/** The current UI language, always one of SUPPORTED_LANGUAGES. */
export function useLanguage(): Language {
  const { i18n: instance } = useTranslation();
  const current = instance.resolvedLanguage ?? instance.language;
  return isLanguage(current) ? current : DEFAULT_LANGUAGE;
}

export { i18n };
