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

/**
 * Texts of an area that most visitors never open (sign-up and account pages; administration) are
 * kept out of the main catalogue: each area's page chunks load them (see `withMessages`), in the
 * current language, into the same `translation` namespace. Typed keys cover them (i18next.d.ts).
 */
export type MessagePart = 'account' | 'admin' | 'learn' | 'assessment' | 'certificates' | 'media' | 'archives' | 'studio' | 'xapi' | 'reports' | 'community' | 'mentoring';
const partLoaders: Record<MessagePart, Record<Language, () => Promise<{ default: Catalogue }>>> = {
  certificates: { vi: () => import('./locales/certificates.vi.json'), en: () => import('./locales/certificates.en.json') },
  account: { vi: () => import('./locales/account.vi.json'), en: () => import('./locales/account.en.json') },
  admin: { vi: () => import('./locales/admin.vi.json'), en: () => import('./locales/admin.en.json') },
  learn: { vi: () => import('./locales/learn.vi.json'), en: () => import('./locales/learn.en.json') },
  media: { vi: () => import('./locales/media.vi.json'), en: () => import('./locales/media.en.json') },
  assessment: { vi: () => import('./locales/assessment.vi.json'), en: () => import('./locales/assessment.en.json') },
  archives: { vi: () => import('./locales/archives.vi.json'), en: () => import('./locales/archives.en.json') },
  studio: { vi: () => import('./locales/studio.vi.json'), en: () => import('./locales/studio.en.json') },
  xapi: { vi: () => import('./locales/xapi.vi.json'), en: () => import('./locales/xapi.en.json') },
  community: { vi: () => import('./locales/community.vi.json'), en: () => import('./locales/community.en.json') },
  reports: { vi: () => import('./locales/reports.vi.json'), en: () => import('./locales/reports.en.json') },
  mentoring: { vi: () => import('./locales/mentoring.vi.json'), en: () => import('./locales/mentoring.en.json') },
};
const partsInUse = new Set<MessagePart>();
const partsLoaded = new Map<string, Promise<void>>();

function loadPart(part: MessagePart, language: Language): Promise<void> {
  const key = `${part}:${language}`;
  let loading = partsLoaded.get(key);
  if (!loading) {
    loading = partLoaders[part][language]().then((catalogue) => {
      i18n.addResourceBundle(language, 'translation', catalogue.default, true, false);
    });
    loading.catch(() => partsLoaded.delete(key)); // try again next time (flaky network)
    partsLoaded.set(key, loading);
  }
  return loading;
}

/** Loads the texts of an area in the current language (and in any language switched to later). */
export function loadMessages(part: MessagePart): Promise<void> {
  partsInUse.add(part);
  return loadPart(part, currentLanguage());
}

/** A lazy route's component, loaded together with the texts of its area. */
export function withMessages<T>(parts: MessagePart | MessagePart[], load: () => Promise<T>): Promise<T> {
  const all = Array.isArray(parts) ? parts : [parts];
  return Promise.all([load(), ...all.map((part) => loadMessages(part))]).then(([module]) => module);
}

async function ensureLoaded(language: Language): Promise<void> {
  const parts = [...partsInUse].map((part) => loadPart(part, language));
  if (language !== DEFAULT_LANGUAGE && !i18n.hasResourceBundle(language, 'translation')) {
    const catalogue = await loaders[language]();
    i18n.addResourceBundle(language, 'translation', catalogue.default, true, false);
  }
  await Promise.all(parts);
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
