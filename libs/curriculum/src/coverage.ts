import type { Catalog } from './catalog';
import { translateMapping } from './crosswalk';
import type { UntranslatedTarget } from './crosswalk';
import { message } from './messages';
import type { CompetencyRef, CourseMapping, Message, RequiredProfile } from './types';

/** Where a requirement is taught or assessed. */
export interface CoverageSource {
  readonly courseId: string;
  readonly itemId: string;
  readonly role: 'teaches' | 'assesses';
  /** Level in the profile's framework (after translation). */
  readonly level: number;
}

export type CoverageStatus = 'assessed' | 'taught' | 'missing';

export interface RequirementCoverage extends Message {
  readonly competency: CompetencyRef;
  readonly required: number;
  /** Highest level taught / assessed (0 = none), in the profile's framework. */
  readonly taughtLevel: number;
  readonly assessedLevel: number;
  readonly taught: boolean;
  readonly assessed: boolean;
  /**
   * `assessed`: an assessment reaches the required level (taught or not);
   * `taught`: taught at the required level, but not assessed there;
   * `missing`: neither.
   */
  readonly status: CoverageStatus;
  /** For `taught` and `missing`: `not-assessed`, `covered-below-level` or `not-mapped`. */
  readonly reason?: 'not-assessed' | 'covered-below-level' | 'not-mapped';
  readonly sources: readonly CoverageSource[];
}

export interface CoverageReport {
  readonly profile: { readonly id: string; readonly version: string };
  readonly courses: readonly string[];
  /** Every requirement is both taught and assessed at its level. */
  readonly complete: boolean;
  readonly requirements: readonly RequirementCoverage[];
  /** Refs of the requirements taught / assessed at their level, and of the missing ones. */
  readonly taught: readonly CompetencyRef[];
  readonly assessed: readonly CompetencyRef[];
  readonly missing: readonly CompetencyRef[];
  /** Content mapped to other frameworks that does not count toward this profile, and why. */
  readonly untranslated: readonly (UntranslatedTarget & { readonly courseId: string })[];
}

/**
 * Coverage of a course, or of a learning path (several courses), against a required profile.
 * Mappings in other frameworks count through the crosswalks (see `translateTarget`).
 */
export function courseCoverage(
  mappings: CourseMapping | readonly CourseMapping[],
  profile: RequiredProfile,
  catalog: Catalog,
): CoverageReport {
  const list: readonly CourseMapping[] = isList(mappings) ? mappings : [mappings];
  const sources = new Map<string, CoverageSource[]>();
  const untranslated: (UntranslatedTarget & { courseId: string })[] = [];
  for (const mapping of list) {
    const t = translateMapping(mapping, profile.framework.id, catalog);
    for (const u of t.untranslated) untranslated.push({ ...u, courseId: mapping.courseId });
    for (const item of t.mapping.items) {
      for (const role of ['teaches', 'assesses'] as const) {
        for (const target of item[role] ?? []) {
          const s = sources.get(target.competency) ?? [];
          s.push({ courseId: mapping.courseId, itemId: item.id, role, level: target.level });
          sources.set(target.competency, s);
        }
      }
    }
  }
  const requirements = profile.requirements.map((r): RequirementCoverage => {
    const s = sources.get(r.competency) ?? [];
    const taughtLevel = s.filter((x) => x.role === 'teaches').reduce((m, x) => Math.max(m, x.level), 0);
    const assessedLevel = s.filter((x) => x.role === 'assesses').reduce((m, x) => Math.max(m, x.level), 0);
    const taught = taughtLevel >= r.minLevel;
    const assessed = assessedLevel >= r.minLevel;
    const status: CoverageStatus = assessed ? 'assessed' : taught ? 'taught' : 'missing';
    const reason = assessed ? undefined : taught ? 'not-assessed' : s.length > 0 ? 'covered-below-level' : 'not-mapped';
    const params = { competency: r.competency, required: r.minLevel, achieved: Math.max(taughtLevel, assessedLevel) };
    const m = message(reason ?? 'covered', params);
    return {
      ...m,
      competency: r.competency,
      required: r.minLevel,
      taughtLevel,
      assessedLevel,
      taught,
      assessed,
      status,
      ...(reason ? { reason } : {}),
      sources: s,
    };
  });
  return {
    profile: { id: profile.id, version: profile.version },
    courses: list.map((m) => m.courseId),
    complete: requirements.every((r) => r.taught && r.assessed),
    requirements,
    taught: requirements.filter((r) => r.taught).map((r) => r.competency),
    assessed: requirements.filter((r) => r.assessed).map((r) => r.competency),
    missing: requirements.filter((r) => r.status === 'missing').map((r) => r.competency),
    untranslated,
  };
}

function isList(m: CourseMapping | readonly CourseMapping[]): m is readonly CourseMapping[] {
  return Array.isArray(m);
}
