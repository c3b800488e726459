import type { TFunction } from 'i18next';
import { TARGET_GROUPS } from '@hocso/curriculum';
import type { Language } from '../../i18n';
import type { LessonKind, VersionStatus } from './api';

export function statusName(t: TFunction, status: VersionStatus): string {
  return t(`studio.status.${status}`);
}

export function kindName(t: TFunction, kind: LessonKind): string {
  return t(`studio.kind.${kind}`);
}

export function languageName(t: TFunction, lang: string): string {
  return lang === 'vi' || lang === 'en' ? t(`studio.language.${lang}`) : lang;
}

export function groupName(id: string, lang: Language): string {
  return TARGET_GROUPS.find((g) => g.id === id)?.name[lang] ?? id;
}

export const TARGET_GROUP_IDS = TARGET_GROUPS.map((g) => g.id);
