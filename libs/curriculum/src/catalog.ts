import { compareVersions, parseRef } from './refs';
import type {
  Area,
  Competency,
  CompetencyRef,
  Crosswalk,
  Framework,
  RequiredProfile,
  TargetGroupId,
  Verification,
} from './types';

/**
 * A set of frameworks (several versions each), crosswalks and required profiles, indexed for
 * look-ups. Every function of this package that needs framework data takes a catalog, so an app
 * ships only the frameworks it puts in it (`createCatalog`), or all of them (`defaultCatalog`).
 */
export interface Catalog {
  readonly frameworks: readonly Framework[];
  readonly crosswalks: readonly Crosswalk[];
  readonly profiles: readonly RequiredProfile[];
  /** Framework id → its versions, newest first. */
  readonly versions: ReadonlyMap<string, readonly Framework[]>;
  /** `id@version` → code → competency entry. */
  readonly index: ReadonlyMap<string, ReadonlyMap<string, CompetencyEntry>>;
}

export interface CatalogInput {
  readonly frameworks: readonly Framework[];
  readonly crosswalks?: readonly Crosswalk[];
  readonly profiles?: readonly RequiredProfile[];
}

/** A competency with its area and framework. */
export interface CompetencyEntry {
  readonly ref: CompetencyRef;
  readonly framework: Framework;
  readonly area: Area;
  readonly competency: Competency;
  /** Effective verification (the competency's, else the framework's). */
  readonly verification: Verification;
}

export class CatalogError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`invalid catalog:\n- ${problems.join('\n- ')}`);
    this.name = 'CatalogError';
    this.problems = problems;
  }
}

const key = (id: string, version: string): string => `${id}@${version}`;

/** Builds and checks a catalog. Throws `CatalogError` listing every problem found. */
export function createCatalog(input: CatalogInput): Catalog {
  const problems = checkCatalog(input);
  if (problems.length > 0) throw new CatalogError(problems);
  return buildCatalog(input);
}

function buildCatalog(input: CatalogInput): Catalog {
  const versions = new Map<string, Framework[]>();
  const index = new Map<string, Map<string, CompetencyEntry>>();
  for (const fw of input.frameworks) {
    const list = versions.get(fw.id) ?? [];
    list.push(fw);
    versions.set(fw.id, list);
    const codes = new Map<string, CompetencyEntry>();
    for (const area of fw.areas) {
      for (const competency of area.competencies) {
        codes.set(competency.code, {
          ref: `${fw.id}:${competency.code}`,
          framework: fw,
          area,
          competency,
          verification: competency.verification ?? fw.verification,
        });
      }
    }
    index.set(key(fw.id, fw.version), codes);
  }
  for (const list of versions.values()) list.sort((a, b) => compareVersions(b.version, a.version));
  return {
    frameworks: input.frameworks,
    crosswalks: input.crosswalks ?? [],
    profiles: input.profiles ?? [],
    versions,
    index,
  };
}

/**
 * Integrity problems of catalog data (empty when sound): duplicate ids/codes, level scales that
 * are not 1..n, crosswalks and profiles pointing at missing frameworks, codes or levels, level
 * maps that are not monotone or that inflate a level on a round trip.
 */
export function checkCatalog(input: CatalogInput): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const fw of input.frameworks) {
    const k = key(fw.id, fw.version);
    if (seen.has(k)) problems.push(`duplicate framework ${k}`);
    seen.add(k);
    if (parseRef(`${fw.id}:x`) === undefined) problems.push(`${k}: invalid framework id`);
    fw.levels.forEach((l, i) => {
      if (l.level !== i + 1) problems.push(`${k}: levels must be numbered 1..n in order (found ${l.level} at ${i + 1})`);
    });
    if (fw.levels.length === 0) problems.push(`${k}: no levels`);
    const codes = new Set<string>();
    for (const area of fw.areas) {
      for (const c of area.competencies) {
        if (codes.has(c.code)) problems.push(`${k}: duplicate competency code ${c.code}`);
        codes.add(c.code);
        if (parseRef(`${fw.id}:${c.code}`) === undefined) problems.push(`${k}: invalid competency code ${c.code}`);
      }
    }
    if (fw.status === 'deprecated' && fw.supersededBy === undefined) {
      problems.push(`${k}: deprecated without supersededBy`);
    }
  }
  const catalog = buildCatalog({ frameworks: input.frameworks });
  for (const fw of input.frameworks) {
    if (fw.supersededBy !== undefined && !catalog.index.has(key(fw.id, fw.supersededBy))) {
      problems.push(`${key(fw.id, fw.version)}: supersededBy ${fw.supersededBy} is not in the catalog`);
    }
  }
  const levelsOf = (id: string, version: string): number | undefined =>
    getFramework(catalog, id, version)?.levels.length;
  const hasCode = (ref: string, id: string, version: string): boolean => {
    const parsed = parseRef(ref);
    return parsed !== undefined && parsed.frameworkId === id && (catalog.index.get(key(id, version))?.has(parsed.code) ?? false);
  };

  for (const cw of input.crosswalks ?? []) {
    const nFrom = levelsOf(cw.from.id, cw.from.version);
    const nTo = levelsOf(cw.to.id, cw.to.version);
    if (nFrom === undefined) problems.push(`${cw.id}: framework ${key(cw.from.id, cw.from.version)} missing`);
    if (nTo === undefined) problems.push(`${cw.id}: framework ${key(cw.to.id, cw.to.version)} missing`);
    if (nFrom === undefined || nTo === undefined) continue;
    const { forward, backward } = cw.levels;
    if (forward.length !== nFrom) problems.push(`${cw.id}: levels.forward must have ${nFrom} entries`);
    if (backward.length !== nTo) problems.push(`${cw.id}: levels.backward must have ${nTo} entries`);
    checkLevelMap(cw.id, 'forward', forward, nTo, problems);
    checkLevelMap(cw.id, 'backward', backward, nFrom, problems);
    forward.forEach((to, i) => {
      const back = to > 0 ? (backward[to - 1] ?? 0) : 0;
      if (back > i + 1) problems.push(`${cw.id}: round trip raises level ${i + 1} to ${back}`);
    });
    backward.forEach((from, j) => {
      const fwd = from > 0 ? (forward[from - 1] ?? 0) : 0;
      if (fwd > j + 1) problems.push(`${cw.id}: reverse round trip raises level ${j + 1} to ${fwd}`);
    });
    for (const link of cw.links) {
      if (!hasCode(link.from, cw.from.id, cw.from.version)) problems.push(`${cw.id}: unknown from ${link.from}`);
      if (!hasCode(link.to, cw.to.id, cw.to.version)) problems.push(`${cw.id}: unknown to ${link.to}`);
    }
  }

  const profileKeys = new Set<string>();
  for (const p of input.profiles ?? []) {
    const pk = key(p.id, p.version);
    if (profileKeys.has(pk)) problems.push(`duplicate profile ${pk}`);
    profileKeys.add(pk);
    const n = levelsOf(p.framework.id, p.framework.version);
    if (n === undefined) {
      problems.push(`${pk}: framework ${key(p.framework.id, p.framework.version)} missing`);
      continue;
    }
    const refs = new Set<string>();
    for (const r of p.requirements) {
      if (refs.has(r.competency)) problems.push(`${pk}: duplicate requirement ${r.competency}`);
      refs.add(r.competency);
      if (!hasCode(r.competency, p.framework.id, p.framework.version)) problems.push(`${pk}: unknown ${r.competency}`);
      if (!Number.isInteger(r.minLevel) || r.minLevel < 1 || r.minLevel > n) {
        problems.push(`${pk}: ${r.competency} minLevel ${r.minLevel} outside 1..${n}`);
      }
    }
  }
  return problems;
}

function checkLevelMap(id: string, name: string, map: readonly number[], max: number, problems: string[]): void {
  let previous = 0;
  map.forEach((v, i) => {
    if (!Number.isInteger(v) || v < 0 || v > max) problems.push(`${id}: levels.${name}[${i}] = ${v} outside 0..${max}`);
    if (v < previous) problems.push(`${id}: levels.${name} must be non-decreasing`);
    previous = Math.max(previous, v);
  });
}

/**
 * A framework by id: the given version, or without one the newest `active` version (the newest
 * deprecated one if none is active).
 */
export function getFramework(catalog: Catalog, id: string, version?: string): Framework | undefined {
  const list = catalog.versions.get(id);
  if (!list) return undefined;
  if (version !== undefined) return list.find((f) => f.version === version);
  return list.find((f) => f.status === 'active') ?? list[0];
}

/** The competency a ref names, in the given framework version (default: current). */
export function findCompetency(catalog: Catalog, ref: string, version?: string): CompetencyEntry | undefined {
  const parsed = parseRef(ref);
  if (!parsed) return undefined;
  const fw = getFramework(catalog, parsed.frameworkId, version);
  if (!fw) return undefined;
  return catalog.index.get(key(fw.id, fw.version))?.get(parsed.code);
}

/** All competencies of a framework, in document order. */
export function competenciesOf(framework: Framework): CompetencyEntry[] {
  const out: CompetencyEntry[] = [];
  for (const area of framework.areas) {
    for (const competency of area.competencies) {
      out.push({
        ref: `${framework.id}:${competency.code}`,
        framework,
        area,
        competency,
        verification: competency.verification ?? framework.verification,
      });
    }
  }
  return out;
}

/** The number of proficiency levels of a framework (its maximum level). */
export function maxLevel(framework: Framework): number {
  return framework.levels.length;
}

export interface FrameworkSummary {
  readonly id: string;
  readonly version: string;
  readonly status: Framework['status'];
  readonly name: Framework['name'];
  readonly areas: number;
  readonly competencies: number;
  readonly levels: number;
  readonly verification: Verification;
}

/** Counts of a framework's areas, competencies and levels. */
export function summarizeFramework(framework: Framework): FrameworkSummary {
  return {
    id: framework.id,
    version: framework.version,
    status: framework.status,
    name: framework.name,
    areas: framework.areas.length,
    competencies: framework.areas.reduce((n, a) => n + a.competencies.length, 0),
    levels: framework.levels.length,
    verification: framework.verification,
  };
}

/**
 * The required profile for a target group: the newest version, of the given framework if any
 * (default: any framework, preferring the newest profile).
 */
export function findProfile(
  catalog: Catalog,
  targetGroup: TargetGroupId,
  frameworkId?: string,
): RequiredProfile | undefined {
  const candidates = catalog.profiles.filter(
    (p) => p.targetGroup === targetGroup && (frameworkId === undefined || p.framework.id === frameworkId),
  );
  candidates.sort((a, b) => compareVersions(b.version, a.version));
  return candidates[0];
}
