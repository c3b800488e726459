// Typed translation keys: `t('catalog.title')` is checked against the Vietnamese catalogue,
// which is the source of truth (every other language must have the same keys; see locales.spec.ts).
import 'i18next';
import type vi from './locales/vi.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof vi };
  }
}
