import { findCompetency } from './catalog';
import type { Catalog } from './catalog';
import { parseRef } from './refs';
import type { CompetencyRef, Evidence, EvidenceKind, FrameworkPin } from './types';

/**
 * Mastery model — how evidence becomes a demonstrated level.
 *
 * For one competency, each valid evidence item e (level ℓ, kind k, score s ∈ [0,1], date t):
 * - passes if `e.passed === true`, or if `passed` is absent and s ≥ `passScore`;
 * - has an age factor  d(e) = 1 while `now − t ≤ freshDays`, then halves every `halfLifeDays`
 *   (evidence dated after `now` counts as fresh);
 * - a passing item gives credit    c(e) = weight[k] · d(e) · s   to every level ≤ ℓ
 *   (showing level 4 also shows levels 1–3);
 * - a failing item gives a penalty p(e) = penalty[k] · d(e) · (1 − s) to every level ≥ ℓ
 *   (failing level 2 says nothing about level 1, but speaks against 3, 4…).
 *
 * strength(L) = Σ c(e) over passing e with ℓ ≥ L  −  Σ p(e) over failing e with ℓ ≤ L.
 * Level L is demonstrated when strength(L) ≥ `threshold` and at least one passing item with
 * ℓ ≥ L is an assessment (quiz, practice or live quiz: attendance alone never demonstrates).
 * strength is non-increasing in L, so the demonstrated levels are 1..M; M is the mastery level
 * (0 when none).
 *
 * With the default policy: one fresh quiz passed at ≥ 70 % demonstrates its level; a
 * live-quiz alone needs 100 %, two live quizzes at 70 % suffice; a year-and-a-half-old quiz at
 * 100 % (weight ≈ 0.71) still counts, a two-year-old one (0.5) must be backed by fresh evidence.
 *
 * Properties (tested): adding passing evidence never lowers mastery; the order of evidence does
 * not matter; items sharing `id` + competency + level count once (the best of them: passing
 * before failing, then the higher score, then the later date).
 */
export interface MasteryPolicy {
  /** Score at or above which an item without `passed` passes. */
  readonly passScore: number;
  /** Strength needed to demonstrate a level. */
  readonly threshold: number;
  /** Days during which evidence keeps its full weight. */
  readonly freshDays: number;
  /** After `freshDays`, days for the weight to halve. */
  readonly halfLifeDays: number;
  readonly weights: Readonly<Record<EvidenceKind, number>>;
  readonly penalties: Readonly<Record<EvidenceKind, number>>;
}

export const DEFAULT_MASTERY_POLICY: MasteryPolicy = {
  passScore: 0.7,
  threshold: 0.7,
  freshDays: 365,
  halfLifeDays: 365,
  weights: { quiz: 1, practice: 0.8, 'live-quiz': 0.7, attendance: 0.2 },
  penalties: { quiz: 0.5, practice: 0.4, 'live-quiz': 0.3, attendance: 0 },
};

const KINDS: readonly EvidenceKind[] = ['quiz', 'practice', 'attendance', 'live-quiz'];
const DAY_MS = 86_400_000;
/** Tolerance of the threshold comparison, so floating-point rounding never flips a decision. */
const EPSILON = 1e-9;

export type IgnoredReason = 'invalid-ref' | 'invalid-level' | 'invalid-score' | 'invalid-kind' | 'invalid-date' | 'unknown-competency' | 'level-out-of-range';

export interface IgnoredEvidence {
  /** Index in the input array. */
  readonly index: number;
  readonly reason: IgnoredReason;
}

export interface LevelStrength {
  readonly level: number;
  /** With age decay. */
  readonly strength: number;
  /** Without age decay. */
  readonly strengthIgnoringAge: number;
  readonly demonstrated: boolean;
}

export interface CompetencyMastery {
  readonly competency: CompetencyRef;
  /** Highest demonstrated level; 0 = none. */
  readonly level: number;
  /** What the level would be if no evidence had aged: higher than `level` when old evidence lapsed. */
  readonly levelIgnoringAge: number;
  /** Strength per level 1..(highest evidence level), for explanations. */
  readonly levels: readonly LevelStrength[];
  readonly evidenceCount: number;
  readonly passingCount: number;
  readonly failingCount: number;
  /** Highest level among passing items (demonstrated or not). */
  readonly highestPassedLevel: number;
  /** Highest level among passing assessments (quiz, practice, live quiz). */
  readonly highestAssessedLevel: number;
  /** ISO date of the latest evidence. */
  readonly lastEvidenceAt: string;
}

export interface MasteryReport {
  /** ISO date the report is computed for. */
  readonly now: string;
  /** Sorted by competency ref. */
  readonly competencies: readonly CompetencyMastery[];
  readonly ignored: readonly IgnoredEvidence[];
}

export interface MasteryOptions {
  /** The moment the mastery is computed for (never read from the clock). */
  readonly now: Date | string;
  readonly policy?: Partial<MasteryPolicy>;
  /** When given, evidence on unknown competencies or out-of-scale levels is ignored. */
  readonly catalog?: Catalog;
  /** Framework versions to check codes and levels against (default: the catalog's current). */
  readonly frameworks?: readonly FrameworkPin[];
}

/** Merges a partial policy into the default one. */
export function masteryPolicy(policy: Partial<MasteryPolicy> = {}): MasteryPolicy {
  return {
    ...DEFAULT_MASTERY_POLICY,
    ...policy,
    weights: { ...DEFAULT_MASTERY_POLICY.weights, ...policy.weights },
    penalties: { ...DEFAULT_MASTERY_POLICY.penalties, ...policy.penalties },
  };
}

/** Milliseconds since epoch of an ISO string or Date; NaN when invalid. */
export function toTime(value: Date | string): number {
  return value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : NaN;
}

interface Valid {
  readonly e: Evidence;
  readonly time: number;
  readonly pass: boolean;
  readonly score: number;
}

function validate(evidence: readonly Evidence[], policy: MasteryPolicy, options: MasteryOptions): { valid: Valid[]; ignored: IgnoredEvidence[] } {
  const valid: Valid[] = [];
  const ignored: IgnoredEvidence[] = [];
  evidence.forEach((e, index) => {
    const reason = invalidReason(e, options);
    if (reason) {
      ignored.push({ index, reason });
      return;
    }
    const score = e.score;
    valid.push({ e, time: toTime(e.occurredAt), score, pass: e.passed ?? score >= policy.passScore });
  });
  return { valid, ignored };
}

function invalidReason(e: Evidence, { catalog, frameworks }: MasteryOptions): IgnoredReason | undefined {
  if (typeof e.competency !== 'string' || parseRef(e.competency) === undefined) return 'invalid-ref';
  if (typeof e.level !== 'number' || !Number.isInteger(e.level) || e.level < 1) return 'invalid-level';
  if (typeof e.score !== 'number' || !Number.isFinite(e.score) || e.score < 0 || e.score > 1) return 'invalid-score';
  if (!KINDS.includes(e.kind)) return 'invalid-kind';
  if (!Number.isFinite(toTime(e.occurredAt))) return 'invalid-date';
  if (catalog) {
    const frameworkId = e.competency.slice(0, e.competency.indexOf(':'));
    const entry = findCompetency(catalog, e.competency, frameworks?.find((f) => f.id === frameworkId)?.version);
    if (!entry) return 'unknown-competency';
    if (e.level > entry.framework.levels.length) return 'level-out-of-range';
  }
  return undefined;
}

/** Total order used to make sums independent of input order. */
function compareValid(a: Valid, b: Valid): number {
  return (
    a.time - b.time ||
    a.e.level - b.e.level ||
    (a.pass === b.pass ? 0 : a.pass ? 1 : -1) ||
    a.score - b.score ||
    cmp(a.e.kind, b.e.kind) ||
    cmp(a.e.id ?? '', b.e.id ?? '')
  );
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Keeps one item per id + competency + level: passing first, then higher score, then later. */
function dedupe(items: readonly Valid[]): Valid[] {
  const out: Valid[] = [];
  const byKey = new Map<string, number>();
  for (const v of items) {
    if (v.e.id === undefined) {
      out.push(v);
      continue;
    }
    const k = `${v.e.id}\u0000${v.e.competency}\u0000${v.e.level}`;
    const i = byKey.get(k);
    if (i === undefined) {
      byKey.set(k, out.length);
      out.push(v);
      continue;
    }
    const current = out[i];
    if (current && better(v, current)) out[i] = v;
  }
  return out;
}

/** Strict preference between two items of the same key (total, so the input order is irrelevant). */
function better(a: Valid, b: Valid): boolean {
  if (a.pass !== b.pass) return a.pass;
  if (a.score !== b.score) return a.score > b.score;
  if (a.time !== b.time) return a.time > b.time;
  return cmp(a.e.kind, b.e.kind) > 0;
}

/** Age factor of evidence at `time` seen from `now` (both ms). */
export function ageFactor(time: number, now: number, policy: MasteryPolicy = DEFAULT_MASTERY_POLICY): number {
  const ageDays = (now - time) / DAY_MS;
  if (ageDays <= policy.freshDays) return 1;
  return Math.pow(0.5, (ageDays - policy.freshDays) / policy.halfLifeDays);
}

function masteryOf(ref: CompetencyRef, items: readonly Valid[], now: number, policy: MasteryPolicy): CompetencyMastery {
  const sorted = dedupe(items).sort(compareValid);
  const top = sorted.reduce((m, v) => Math.max(m, v.e.level), 0);
  const levels: LevelStrength[] = [];
  let level = 0;
  let levelIgnoringAge = 0;
  for (let L = 1; L <= top; L++) {
    let credit = 0;
    let creditFresh = 0;
    let penalty = 0;
    let penaltyFresh = 0;
    let assessed = false;
    for (const v of sorted) {
      const d = ageFactor(v.time, now, policy);
      if (v.pass && v.e.level >= L) {
        credit += policy.weights[v.e.kind] * d * v.score;
        creditFresh += policy.weights[v.e.kind] * v.score;
        if (v.e.kind !== 'attendance') assessed = true;
      } else if (!v.pass && v.e.level <= L) {
        penalty += policy.penalties[v.e.kind] * d * (1 - v.score);
        penaltyFresh += policy.penalties[v.e.kind] * (1 - v.score);
      }
    }
    const strength = credit - penalty;
    const strengthIgnoringAge = creditFresh - penaltyFresh;
    const demonstrated = assessed && strength >= policy.threshold - EPSILON;
    if (demonstrated && level === L - 1) level = L;
    if (assessed && strengthIgnoringAge >= policy.threshold - EPSILON && levelIgnoringAge === L - 1) levelIgnoringAge = L;
    levels.push({ level: L, strength: round(strength), strengthIgnoringAge: round(strengthIgnoringAge), demonstrated });
  }
  const passing = sorted.filter((v) => v.pass);
  const last = sorted.reduce((m, v) => Math.max(m, v.time), -Infinity);
  return {
    competency: ref,
    level,
    levelIgnoringAge: Math.max(level, levelIgnoringAge),
    levels,
    evidenceCount: sorted.length,
    passingCount: passing.length,
    failingCount: sorted.length - passing.length,
    highestPassedLevel: passing.reduce((m, v) => Math.max(m, v.e.level), 0),
    highestAssessedLevel: passing.filter((v) => v.e.kind !== 'attendance').reduce((m, v) => Math.max(m, v.e.level), 0),
    lastEvidenceAt: new Date(last).toISOString(),
  };
}

/** Rounds for display only (decisions use the unrounded values). */
const round = (x: number): number => Math.round(x * 1e4) / 1e4;

/**
 * Mastery per competency from evidence. Pure: the same evidence, `now` and policy always give
 * the same report. Invalid evidence is ignored and listed in `ignored`.
 */
export function computeMastery(evidence: readonly Evidence[], options: MasteryOptions): MasteryReport {
  const now = toTime(options.now);
  if (!Number.isFinite(now)) throw new Error('computeMastery: options.now is not a valid date');
  const policy = masteryPolicy(options.policy);
  const { valid, ignored } = validate(evidence, policy, options);
  const groups = new Map<CompetencyRef, Valid[]>();
  for (const v of valid) {
    const list = groups.get(v.e.competency) ?? [];
    list.push(v);
    groups.set(v.e.competency, list);
  }
  const refs = [...groups.keys()].sort(cmp);
  return {
    now: new Date(now).toISOString(),
    competencies: refs.map((ref) => masteryOf(ref, groups.get(ref) ?? [], now, policy)),
    ignored,
  };
}

/** The mastery of one competency in a report (level 0 and no evidence when absent). */
export function masteryFor(report: MasteryReport, competency: CompetencyRef): CompetencyMastery | undefined {
  return report.competencies.find((c) => c.competency === competency);
}
