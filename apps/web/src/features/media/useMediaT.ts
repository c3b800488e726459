import { useTranslation } from 'react-i18next';
import type mediaVi from '../../i18n/locales/media.vi.json';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Keys of the `media` message part (i18n/locales/media.vi.json). */
export type MediaKey = Leaves<typeof mediaVi>;

/**
 * `t` for the media part's keys, typed against media.vi.json. The part is kept out of the global
 * typed resources (i18next.d.ts): one more part there makes TypeScript give up on template-literal
 * keys elsewhere (TS2589 in admin/UserPage.tsx).
 */
export function useMediaT(): (key: MediaKey, options?: Record<string, unknown>) => string {
  const { t } = useTranslation();
  return t as unknown as (key: MediaKey, options?: Record<string, unknown>) => string;
}
