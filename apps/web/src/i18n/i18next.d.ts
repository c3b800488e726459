// Typed translation keys: `t('catalog.title')` is checked against the Vietnamese catalogues,
// which are the source of truth (every other language must have the same keys; see locales.spec.ts).
// The main catalogue and the parts loaded with their areas' pages share one namespace.
import 'i18next';
import type accountVi from './locales/account.vi.json';
import type adminVi from './locales/admin.vi.json';
import type vi from './locales/vi.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof vi & typeof accountVi & typeof adminVi };
  }
}
