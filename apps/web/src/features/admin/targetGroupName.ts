import { TARGET_GROUPS } from '@hocso/curriculum';
import type { Language } from '../../i18n';

/** The name of a target group of @hocso/curriculum in the UI language ("—" for none). */
export function targetGroupName(id: string | null, lang: Language): string {
  if (!id) return '—';
  return TARGET_GROUPS.find((g) => g.id === id)?.name[lang] ?? id;
}
