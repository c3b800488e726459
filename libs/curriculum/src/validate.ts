import { getFramework } from './catalog';
import type { Catalog } from './catalog';
import { message } from './messages';
import { parseRef } from './refs';
import type { CompetencyRef, CompetencyTarget, CourseMapping, Framework, FrameworkPin, MappingItem, Message } from './types';

export type ValidationCode =
  | 'invalid-shape'
  | 'invalid-ref'
  | 'unknown-framework'
  | 'unknown-version'
  | 'unknown-competency'
  | 'level-out-of-range'
  | 'deprecated-version'
  | 'duplicate-item';

export interface ValidationIssue extends Message {
  readonly code: ValidationCode;
  readonly severity: 'error' | 'warning';
  /** Where in the mapping, e.g. `items[2].assesses[0].level`. */
  readonly path: string;
  /** Same as `text.en`, for logs. */
  readonly message: string;
}

export interface MappingValidation {
  /** No issue of severity `error`. */
  readonly valid: boolean;
  readonly errors: readonly ValidationIssue[];
  readonly warnings: readonly ValidationIssue[];
  /** The input, typed, when valid. */
  readonly mapping?: CourseMapping;
}

export interface ValidateOptions {
  /** Treat deprecated framework versions as errors instead of warnings. */
  readonly deprecatedAsError?: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a course mapping (typically parsed JSON): its structure, that every ref is well formed
 * and names a competency of a known framework version, that levels are within the framework's
 * scale, that item ids are unique; deprecated framework versions give warnings (or errors with
 * `deprecatedAsError`).
 */
export function validateMapping(input: unknown, catalog: Catalog, options: ValidateOptions = {}): MappingValidation {
  const issues: ValidationIssue[] = [];
  const add = (severity: 'error' | 'warning', code: ValidationCode, path: string, params: Record<string, string | number>): void => {
    const m = message(code, params);
    issues.push({ code, severity, path, params: m.params, text: m.text, message: m.text.en });
  };
  const shape = (path: string, expected: string): void => add('error', 'invalid-shape', path, { expected });

  if (!isObject(input)) {
    shape('', 'an object with courseId and items');
    return done(issues);
  }
  if (typeof input['courseId'] !== 'string' || input['courseId'] === '') shape('courseId', 'a non-empty string');
  if (input['courseVersion'] !== undefined && typeof input['courseVersion'] !== 'string') shape('courseVersion', 'a string');

  // framework versions in use: pinned ones, else the catalog's current
  const pinned = new Map<string, Framework | null>();
  const pins = input['frameworks'];
  if (pins !== undefined) {
    if (!Array.isArray(pins)) shape('frameworks', 'an array of { id, version }');
    else {
      pins.forEach((pin: unknown, i) => {
        const path = `frameworks[${i}]`;
        if (!isObject(pin) || typeof pin['id'] !== 'string' || typeof pin['version'] !== 'string') {
          shape(path, '{ id, version }');
          return;
        }
        const id = pin['id'];
        const version = pin['version'];
        if (!getFramework(catalog, id)) {
          add('error', 'unknown-framework', `${path}.id`, { frameworkId: id });
          pinned.set(id, null);
          return;
        }
        const fw = getFramework(catalog, id, version);
        if (!fw) {
          add('error', 'unknown-version', `${path}.version`, { frameworkId: id, version });
          pinned.set(id, null);
          return;
        }
        pinned.set(id, fw);
        if (fw.status === 'deprecated') {
          add(options.deprecatedAsError ? 'error' : 'warning', 'deprecated-version', `${path}.version`, {
            frameworkId: id,
            version,
            replacement: latestVersion(catalog, id, version),
          });
        }
      });
    }
  }
  const frameworkFor = (id: string): Framework | null | undefined => (pinned.has(id) ? pinned.get(id) : getFramework(catalog, id));

  const checkTarget = (t: unknown, path: string): void => {
    if (!isObject(t)) {
      shape(path, '{ competency, level }');
      return;
    }
    const ref = t['competency'];
    const level = t['level'];
    if (typeof ref !== 'string') shape(`${path}.competency`, 'a string "<framework>:<code>"');
    if (typeof level !== 'number' || !Number.isFinite(level)) shape(`${path}.level`, 'a number');
    if (typeof ref !== 'string') return;
    const parsed = parseRef(ref);
    if (!parsed) {
      add('error', 'invalid-ref', `${path}.competency`, { value: ref });
      return;
    }
    const fw = frameworkFor(parsed.frameworkId);
    if (fw === null) return; // already reported on the pin
    if (fw === undefined) {
      add('error', 'unknown-framework', `${path}.competency`, { frameworkId: parsed.frameworkId });
      return;
    }
    if (!catalog.index.get(`${fw.id}@${fw.version}`)?.has(parsed.code)) {
      add('error', 'unknown-competency', `${path}.competency`, { frameworkId: fw.id, version: fw.version, code: parsed.code });
    }
    if (typeof level === 'number' && Number.isFinite(level) && (!Number.isInteger(level) || level < 1 || level > fw.levels.length)) {
      add('error', 'level-out-of-range', `${path}.level`, { frameworkId: fw.id, level, max: fw.levels.length });
    }
  };

  const items = input['items'];
  if (!Array.isArray(items)) shape('items', 'an array');
  else {
    const ids = new Set<string>();
    items.forEach((item: unknown, i) => {
      const path = `items[${i}]`;
      if (!isObject(item)) {
        shape(path, '{ id, teaches?, assesses? }');
        return;
      }
      const id = item['id'];
      if (typeof id !== 'string' || id === '') shape(`${path}.id`, 'a non-empty string');
      else {
        if (ids.has(id)) add('error', 'duplicate-item', `${path}.id`, { itemId: id });
        ids.add(id);
      }
      if (item['kind'] !== undefined && typeof item['kind'] !== 'string') shape(`${path}.kind`, 'a string');
      for (const role of ['teaches', 'assesses'] as const) {
        const targets = item[role];
        if (targets === undefined) continue;
        if (!Array.isArray(targets)) {
          shape(`${path}.${role}`, 'an array of { competency, level }');
          continue;
        }
        targets.forEach((t: unknown, j) => checkTarget(t, `${path}.${role}[${j}]`));
      }
    });
  }
  return done(issues, input);
}

function done(issues: ValidationIssue[], input?: Record<string, unknown>): MappingValidation {
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  const valid = errors.length === 0;
  return valid && input ? { valid, errors, warnings, mapping: input as unknown as CourseMapping } : { valid, errors, warnings };
}

/** End of the `supersededBy` chain from a version (or the current version). */
function latestVersion(catalog: Catalog, id: string, version: string): string {
  let fw = getFramework(catalog, id, version);
  const seen = new Set<string>();
  while (fw && fw.supersededBy !== undefined && !seen.has(fw.version)) {
    seen.add(fw.version);
    const next = getFramework(catalog, id, fw.supersededBy);
    if (!next) break;
    fw = next;
  }
  return fw && fw.version !== version ? fw.version : (getFramework(catalog, id)?.version ?? version);
}

export interface MappingChange {
  readonly path: string;
  readonly from: string;
  readonly to: string;
}

export interface UpgradeResult {
  readonly mapping: CourseMapping;
  /** Pins moved to a newer version and codes renamed through `replaces`. */
  readonly changes: readonly MappingChange[];
  /** Targets that could not be carried over (code gone, level beyond the new scale). */
  readonly unresolved: readonly { readonly path: string; readonly competency: CompetencyRef; readonly reason: 'unknown-competency' | 'level-out-of-range' }[];
}

/**
 * Moves a (valid) mapping off deprecated framework versions: each deprecated pin goes to the end
 * of its `supersededBy` chain; codes that no longer exist are replaced by the new competency
 * that lists them in `replaces`. Targets that cannot be carried over are left as they are and
 * listed in `unresolved`.
 */
export function upgradeMapping(mapping: CourseMapping, catalog: Catalog): UpgradeResult {
  const changes: MappingChange[] = [];
  const unresolved: { path: string; competency: CompetencyRef; reason: 'unknown-competency' | 'level-out-of-range' }[] = [];
  const upgraded = new Map<string, Framework>();
  const frameworks: FrameworkPin[] = (mapping.frameworks ?? []).map((pin, i) => {
    const fw = getFramework(catalog, pin.id, pin.version);
    if (!fw || fw.status !== 'deprecated') return pin;
    const to = getFramework(catalog, pin.id, latestVersion(catalog, pin.id, pin.version));
    if (!to || to.version === pin.version) return pin;
    upgraded.set(pin.id, to);
    changes.push({ path: `frameworks[${i}].version`, from: pin.version, to: to.version });
    return { id: pin.id, version: to.version };
  });
  const move = (t: CompetencyTarget, path: string): CompetencyTarget => {
    const parsed = parseRef(t.competency);
    const to = parsed ? upgraded.get(parsed.frameworkId) : undefined;
    if (!parsed || !to) return t;
    const codes = catalog.index.get(`${to.id}@${to.version}`);
    let code = parsed.code;
    if (!codes?.has(code)) {
      const replacement = to.areas.flatMap((a) => a.competencies).find((c) => c.replaces?.includes(code));
      if (!replacement) {
        unresolved.push({ path: `${path}.competency`, competency: t.competency, reason: 'unknown-competency' });
        return t;
      }
      code = replacement.code;
    }
    const competency: CompetencyRef = `${to.id}:${code}`;
    if (competency !== t.competency) changes.push({ path: `${path}.competency`, from: t.competency, to: competency });
    if (t.level > to.levels.length) unresolved.push({ path: `${path}.level`, competency, reason: 'level-out-of-range' });
    return { competency, level: t.level };
  };
  const items = mapping.items.map((item, i): MappingItem => ({
    ...item,
    ...(item.teaches ? { teaches: item.teaches.map((t, j) => move(t, `items[${i}].teaches[${j}]`)) } : {}),
    ...(item.assesses ? { assesses: item.assesses.map((t, j) => move(t, `items[${i}].assesses[${j}]`)) } : {}),
  }));
  return { mapping: { ...mapping, frameworks, items }, changes, unresolved };
}
