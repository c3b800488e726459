import type { Catalog } from './catalog';
import { message } from './messages';
import { frameworkIdOf, parseRef } from './refs';
import type {
  CompetencyRef,
  CompetencyTarget,
  CourseMapping,
  Crosswalk,
  CrosswalkRelation,
  Evidence,
  MappingItem,
  Message,
} from './types';

/**
 * Translation rules (crosswalks):
 * - only `exact` and `close` links transfer credit; `narrower`, `broader` and `related` are
 *   informative (a lesson on part of a competency does not teach all of it);
 * - levels go through the crosswalk's level map (0 = no equivalent level: nothing transfers);
 * - a crosswalk can be used in both directions (relations and level maps are inverted);
 * - when a crosswalk links the two frameworks directly, it alone decides; otherwise paths
 *   through one intermediate framework are composed (`exact`∘`exact` = `exact`, else `close`),
 *   and the highest resulting level per target competency is kept.
 */
export type TransferRelation = 'exact' | 'close';

export interface Translation {
  readonly competency: CompetencyRef;
  readonly level: number;
  readonly relation: TransferRelation;
  /** Ids of the crosswalks used, in order. */
  readonly via: readonly string[];
}

export type UntranslatedReason = 'no-crosswalk' | 'no-equivalent' | 'no-level-equivalent';

export interface TranslateResult {
  /** Empty when nothing transfers; then `reason` says why. */
  readonly translations: readonly Translation[];
  readonly reason?: UntranslatedReason;
  readonly message?: Message;
}

interface Edge {
  readonly crosswalk: Crosswalk;
  readonly forward: boolean;
  readonly target: string;
}

const INVERSE: Readonly<Record<CrosswalkRelation, CrosswalkRelation>> = {
  exact: 'exact',
  close: 'close',
  narrower: 'broader',
  broader: 'narrower',
  related: 'related',
};

function edgesFrom(catalog: Catalog, frameworkId: string): Edge[] {
  const edges: Edge[] = [];
  for (const cw of catalog.crosswalks) {
    if (cw.from.id === frameworkId) edges.push({ crosswalk: cw, forward: true, target: cw.to.id });
    if (cw.to.id === frameworkId) edges.push({ crosswalk: cw, forward: false, target: cw.from.id });
  }
  return edges;
}

/**
 * One hop: competencies linked to `ref` by a transferring relation, with the mapped level
 * (`step`), and every linked competency whatever the level (`linked`).
 */
function hop(edge: Edge, ref: CompetencyRef, level: number): { step: Translation[]; linked: CompetencyRef[] } {
  const { crosswalk, forward } = edge;
  const map = forward ? crosswalk.levels.forward : crosswalk.levels.backward;
  const mapped = Number.isInteger(level) && level >= 1 ? (map[level - 1] ?? 0) : 0;
  const step: Translation[] = [];
  const linked: CompetencyRef[] = [];
  for (const link of crosswalk.links) {
    const source = forward ? link.from : link.to;
    if (source !== ref) continue;
    const relation = forward ? link.relation : INVERSE[link.relation];
    if (relation !== 'exact' && relation !== 'close') continue;
    const target = forward ? link.to : link.from;
    linked.push(target);
    if (mapped > 0) step.push({ competency: target, level: mapped, relation, via: [crosswalk.id] });
  }
  return { step, linked };
}

function keepBest(list: readonly Translation[]): Translation[] {
  const best = new Map<string, Translation>();
  for (const t of list) {
    const current = best.get(t.competency);
    if (
      !current ||
      t.level > current.level ||
      (t.level === current.level && t.via.length < current.via.length) ||
      (t.level === current.level && t.via.length === current.via.length && t.relation === 'exact' && current.relation !== 'exact')
    ) {
      best.set(t.competency, t);
    }
  }
  return [...best.values()].sort((a, b) => (a.competency < b.competency ? -1 : a.competency > b.competency ? 1 : 0));
}

/**
 * Translates a competency at a level into `toFrameworkId`. A ref already in that framework is
 * returned unchanged.
 */
export function translateTarget(target: CompetencyTarget, toFrameworkId: string, catalog: Catalog): TranslateResult {
  const { competency, level } = target;
  const parsed = parseRef(competency);
  if (!parsed) return { translations: [] };
  const from = parsed.frameworkId;
  if (from === toFrameworkId) return { translations: [{ competency, level, relation: 'exact', via: [] }] };
  const params = { competency, level, frameworkId: toFrameworkId, from };

  const direct = edgesFrom(catalog, from).filter((e) => e.target === toFrameworkId);
  let found: Translation[] = [];
  let linked = false; // a chain of transferring links exists, whatever the levels
  if (direct.length > 0) {
    for (const edge of direct) {
      const r = hop(edge, competency, level);
      linked = linked || r.linked.length > 0;
      found = found.concat(r.step);
    }
  } else {
    let anyPath = false;
    for (const first of edgesFrom(catalog, from)) {
      if (first.target === toFrameworkId) continue;
      const seconds = edgesFrom(catalog, first.target).filter((e) => e.target === toFrameworkId);
      if (seconds.length === 0) continue;
      anyPath = true;
      const r1 = hop(first, competency, level);
      for (const second of seconds) {
        for (const mid of r1.linked) {
          if (hop(second, mid, 1).linked.length > 0) linked = true;
        }
        for (const mid of r1.step) {
          for (const t of hop(second, mid.competency, mid.level).step) {
            found.push({
              competency: t.competency,
              level: t.level,
              relation: mid.relation === 'exact' && t.relation === 'exact' ? 'exact' : 'close',
              via: [...mid.via, ...t.via],
            });
          }
        }
      }
    }
    if (!anyPath) return { translations: [], reason: 'no-crosswalk', message: message('no-crosswalk', params) };
  }
  if (found.length > 0) return { translations: keepBest(found) };
  const reason: UntranslatedReason = linked ? 'no-level-equivalent' : 'no-equivalent';
  return { translations: [], reason, message: message(reason, params) };
}

export interface UntranslatedTarget {
  readonly itemId: string;
  readonly role: 'teaches' | 'assesses';
  readonly competency: CompetencyRef;
  readonly level: number;
  readonly reason: UntranslatedReason;
  readonly message: Message;
}

/**
 * Re-expresses a course mapping in another framework: every taught/assessed target is
 * translated (targets already in that framework are kept). Untranslatable targets are listed.
 */
export function translateMapping(
  mapping: CourseMapping,
  toFrameworkId: string,
  catalog: Catalog,
): { mapping: CourseMapping; untranslated: UntranslatedTarget[] } {
  const untranslated: UntranslatedTarget[] = [];
  const convert = (item: MappingItem, role: 'teaches' | 'assesses', targets: readonly CompetencyTarget[] | undefined): CompetencyTarget[] | undefined => {
    if (!targets) return undefined;
    const out: CompetencyTarget[] = [];
    for (const t of targets) {
      const r = translateTarget(t, toFrameworkId, catalog);
      if (r.translations.length === 0) {
        untranslated.push({
          itemId: item.id,
          role,
          competency: t.competency,
          level: t.level,
          reason: r.reason ?? 'no-equivalent',
          message: r.message ?? message('no-equivalent', { competency: t.competency, frameworkId: toFrameworkId }),
        });
      }
      for (const x of r.translations) out.push({ competency: x.competency, level: x.level });
    }
    return out;
  };
  const items = mapping.items.map((item): MappingItem => {
    const teaches = convert(item, 'teaches', item.teaches);
    const assesses = convert(item, 'assesses', item.assesses);
    return {
      id: item.id,
      ...(item.kind !== undefined ? { kind: item.kind } : {}),
      ...(teaches ? { teaches } : {}),
      ...(assesses ? { assesses } : {}),
    };
  });
  const fw = catalog.versions.get(toFrameworkId)?.find((f) => f.status === 'active') ?? catalog.versions.get(toFrameworkId)?.[0];
  const frameworks = [
    ...(mapping.frameworks ?? []).filter((p) => p.id === toFrameworkId),
    ...(fw && !(mapping.frameworks ?? []).some((p) => p.id === toFrameworkId) ? [{ id: fw.id, version: fw.version }] : []),
  ];
  return {
    mapping: {
      courseId: mapping.courseId,
      ...(mapping.courseVersion !== undefined ? { courseVersion: mapping.courseVersion } : {}),
      frameworks,
      items,
    },
    untranslated,
  };
}

export interface DroppedEvidence {
  /** Index in the input array. */
  readonly index: number;
  readonly competency: CompetencyRef;
  readonly reason: UntranslatedReason;
  readonly message: Message;
}

/**
 * Re-expresses evidence in another framework: items already in it are kept as they are; others
 * are translated (same kind, score, pass, date and id; mapped competency and level) or dropped.
 */
export function translateEvidence(
  evidence: readonly Evidence[],
  toFrameworkId: string,
  catalog: Catalog,
): { evidence: Evidence[]; dropped: DroppedEvidence[] } {
  const out: Evidence[] = [];
  const dropped: DroppedEvidence[] = [];
  evidence.forEach((e, index) => {
    if (typeof e.competency !== 'string' || parseRef(e.competency) === undefined) {
      out.push(e); // left for computeMastery to reject with a precise reason
      return;
    }
    if (frameworkIdOf(e.competency) === toFrameworkId) {
      out.push(e);
      return;
    }
    const r = translateTarget({ competency: e.competency, level: e.level }, toFrameworkId, catalog);
    if (r.translations.length === 0) {
      const reason = r.reason ?? 'no-equivalent';
      dropped.push({ index, competency: e.competency, reason, message: r.message ?? message(reason, { competency: e.competency, frameworkId: toFrameworkId }) });
      return;
    }
    for (const t of r.translations) out.push({ ...e, competency: t.competency, level: t.level });
  });
  return { evidence: out, dropped };
}
