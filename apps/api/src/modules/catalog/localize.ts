/**
 * Picking a learner's language for course texts, with a fallback to the course's own language.
 * Course versions, modules and lessons keep their texts in the course language and, in
 * `translations`, the same fields in other languages (`{ en: { title, summary } }`). Each field
 * falls back on its own: a translation without a body still gives the translated title.
 */
export type Translations<F extends string> = Record<string, Partial<Record<F, string | null | undefined>>> | null | undefined;

/** `base` with every field that `translations[language]` has (non-empty) replaced by it. */
export function localize<T extends Record<string, unknown>, F extends keyof T & string>(
  base: T,
  translations: Translations<F>,
  language: string | null | undefined,
  fields: readonly F[],
): T {
  const own = language ? translations?.[language] : undefined;
  if (!own) return base;
  const result: Record<string, unknown> = { ...base };
  for (const field of fields) {
    const value = own[field];
    if (typeof value === 'string' && value.trim() !== '') result[field] = value;
  }
  return result as T;
}

/**
 * The language the texts will be in: the wanted one when the course has it (as its own language or
 * with a translated title), otherwise the course's own language.
 */
export function servedLanguage(courseLanguage: string, translations: Translations<'title'>, wanted: string | null | undefined): string {
  if (!wanted || wanted === courseLanguage) return courseLanguage;
  const title = translations?.[wanted]?.title;
  return typeof title === 'string' && title.trim() !== '' ? wanted : courseLanguage;
}

/** The languages a version has texts in: its own first, then its translations, sorted. */
export function availableLanguages(courseLanguage: string, translations: Translations<string>): string[] {
  const others = Object.keys(translations ?? {}).filter((lang) => lang !== courseLanguage).sort();
  return [courseLanguage, ...others];
}
