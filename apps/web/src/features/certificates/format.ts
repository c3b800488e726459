import type { Language } from '../../i18n';
import type { LocalizedName } from './api';

export const formatDate = (iso: string, lang: Language): string => new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(new Date(iso));
export const nameIn = (name: LocalizedName, lang: Language): string => name[lang] || name.vi;
