/**
 * What changed between two versions of a course, matched by module_key and lesson_key (stable
 * across versions), so renamed or moved items are "changed", not "removed and added".
 */
export interface ModuleSnapshot {
  key: string;
  title: string;
  position: number;
  translations: unknown;
}

export interface LessonSnapshot {
  key: string;
  moduleKey: string;
  title: string;
  position: number;
  /** Every other compared field (kind, body, estimatedMinutes, completionPercent, translations, mediaAssetId, competencies…). */
  fields: Record<string, unknown>;
}

export interface VersionSnapshot {
  versionNumber: number;
  /** Course-level fields (title, summary, language, targetGroups, level, …). */
  fields: Record<string, unknown>;
  modules: ModuleSnapshot[];
  lessons: LessonSnapshot[];
}

export interface ChangedItem {
  key: string;
  title: string;
  /** For lessons: the key of the module it is in (in the newer version; the older for removed ones). */
  moduleKey?: string;
  /** Names of the fields that differ (for changed items). */
  fields?: string[];
}

export interface Changelog {
  fromVersion: number;
  toVersion: number;
  courseFields: string[];
  modules: { added: ChangedItem[]; removed: ChangedItem[]; changed: ChangedItem[] };
  lessons: { added: ChangedItem[]; removed: ChangedItem[]; changed: ChangedItem[] };
}

/** A stable comparison of JSON values (object key order does not matter). */
function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

function differing(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return names.filter((name) => !same(a[name], b[name]));
}

export function changelogBetween(from: VersionSnapshot, to: VersionSnapshot): Changelog {
  const oldModules = new Map(from.modules.map((m) => [m.key, m]));
  const newModules = new Map(to.modules.map((m) => [m.key, m]));
  const oldLessons = new Map(from.lessons.map((l) => [l.key, l]));
  const newLessons = new Map(to.lessons.map((l) => [l.key, l]));

  const modules: Changelog['modules'] = { added: [], removed: [], changed: [] };
  for (const m of to.modules) {
    const old = oldModules.get(m.key);
    if (!old) {
      modules.added.push({ key: m.key, title: m.title });
      continue;
    }
    const fields = differing(
      { title: old.title, position: old.position, translations: old.translations },
      { title: m.title, position: m.position, translations: m.translations },
    );
    if (fields.length > 0) modules.changed.push({ key: m.key, title: m.title, fields });
  }
  for (const m of from.modules) if (!newModules.has(m.key)) modules.removed.push({ key: m.key, title: m.title });

  const lessons: Changelog['lessons'] = { added: [], removed: [], changed: [] };
  for (const l of to.lessons) {
    const old = oldLessons.get(l.key);
    if (!old) {
      lessons.added.push({ key: l.key, title: l.title, moduleKey: l.moduleKey });
      continue;
    }
    const fields = differing(
      { title: old.title, position: old.position, module: old.moduleKey, ...old.fields },
      { title: l.title, position: l.position, module: l.moduleKey, ...l.fields },
    );
    if (fields.length > 0) lessons.changed.push({ key: l.key, title: l.title, moduleKey: l.moduleKey, fields });
  }
  for (const l of from.lessons) if (!newLessons.has(l.key)) lessons.removed.push({ key: l.key, title: l.title, moduleKey: l.moduleKey });

  return {
    fromVersion: from.versionNumber,
    toVersion: to.versionNumber,
    courseFields: differing(from.fields, to.fields),
    modules,
    lessons,
  };
}
