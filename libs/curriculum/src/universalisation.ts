import { findCompetency } from './catalog';
import type { Catalog } from './catalog';
import { translateEvidence } from './crosswalk';
import type { DroppedEvidence } from './crosswalk';
import { computeMastery, masteryFor, masteryPolicy } from './mastery';
import type { CompetencyMastery, IgnoredEvidence, MasteryPolicy, MasteryReport } from './mastery';
import { message } from './messages';
import type { CompetencyRef, Evidence, FrameworkPin, Message, RequiredProfile, Requirement, TargetGroupId } from './types';

export type GapReason = 'no-evidence' | 'level-too-low' | 'evidence-too-old' | 'insufficient-evidence';

/** A requirement that is not met, and why. */
export interface Gap extends Message {
  readonly competency: CompetencyRef;
  readonly required: number;
  readonly achieved: number;
  /**
   * - `no-evidence`: nothing at all on this competency (after crosswalk translation);
   * - `evidence-too-old`: the level would be met if the evidence had not aged;
   * - `insufficient-evidence`: passing results exist at the required level, but too few or too
   *   weak (attendance only, a low score, offset by failures) to reach the threshold;
   * - `level-too-low`: evidence only at lower levels.
   */
  readonly reason: GapReason;
  /** Strength at the required level, and the threshold it must reach. */
  readonly strength: number;
  readonly threshold: number;
}

export interface MetRequirement {
  readonly competency: CompetencyRef;
  readonly required: number;
  readonly achieved: number;
}

export interface UniversalisationDecision {
  /** True iff every requirement of the profile is met. */
  readonly confirmed: boolean;
  readonly targetGroup: TargetGroupId;
  readonly profile: { readonly id: string; readonly version: string };
  readonly framework: FrameworkPin;
  /** ISO date of `now`. */
  readonly decidedAt: string;
  readonly met: readonly MetRequirement[];
  /** In profile order. Empty iff confirmed. */
  readonly gaps: readonly Gap[];
  readonly summary: Message;
  /** Mastery in the profile's framework, after translation of evidence from other frameworks. */
  readonly mastery: MasteryReport;
  /** Evidence from other frameworks with no equivalent in the profile's framework. */
  readonly dropped: readonly DroppedEvidence[];
  readonly ignored: readonly IgnoredEvidence[];
}

export interface DecisionInput {
  readonly profile: RequiredProfile;
  /** Evidence in any framework of the catalog; other frameworks go through crosswalks. */
  readonly evidence: readonly Evidence[];
  readonly now: Date | string;
  readonly catalog: Catalog;
  readonly policy?: Partial<MasteryPolicy>;
}

/** Explains one requirement: `undefined` when met, else the gap. */
export function assessRequirement(
  requirement: Requirement,
  mastery: CompetencyMastery | undefined,
  policy: MasteryPolicy,
): Gap | undefined {
  const required = requirement.minLevel;
  const achieved = mastery?.level ?? 0;
  if (achieved >= required) return undefined;
  const strength = mastery?.levels[required - 1]?.strength ?? 0;
  let reason: GapReason;
  if (!mastery || mastery.evidenceCount === 0) reason = 'no-evidence';
  else if (mastery.levelIgnoringAge >= required) reason = 'evidence-too-old';
  else if (mastery.highestPassedLevel >= required) reason = 'insufficient-evidence';
  else reason = 'level-too-low';
  const m = message(reason, {
    competency: requirement.competency,
    required,
    achieved,
    strength: Math.round(strength * 100) / 100,
    threshold: policy.threshold,
  });
  return { ...m, competency: requirement.competency, required, achieved, reason, strength, threshold: policy.threshold };
}

/**
 * The universalisation decision for a learner and a target group's profile: confirmed iff the
 * mastery (see `computeMastery`) of every required competency reaches its minimum level; else
 * every unmet requirement is a gap with its reason.
 */
export function decideUniversalisation(input: DecisionInput): UniversalisationDecision {
  const { profile, catalog } = input;
  const policy = masteryPolicy(input.policy);
  const translated = translateEvidence(input.evidence, profile.framework.id, catalog);
  const mastery = computeMastery(translated.evidence, { now: input.now, policy, catalog, frameworks: [profile.framework] });
  const met: MetRequirement[] = [];
  const gaps: Gap[] = [];
  for (const r of profile.requirements) {
    const m = masteryFor(mastery, r.competency);
    const gap = assessRequirement(r, m, policy);
    if (gap) gaps.push(gap);
    else met.push({ competency: r.competency, required: r.minLevel, achieved: m?.level ?? 0 });
  }
  const confirmed = gaps.length === 0;
  const summary = message(confirmed ? 'confirmed' : 'not-confirmed', {
    targetGroup: profile.targetGroup,
    met: met.length,
    required: profile.requirements.length,
    missing: gaps.map((g) => g.competency).join(', '),
  });
  return {
    confirmed,
    targetGroup: profile.targetGroup,
    profile: { id: profile.id, version: profile.version },
    framework: profile.framework,
    decidedAt: mastery.now,
    met,
    gaps,
    summary,
    mastery,
    dropped: translated.dropped,
    ignored: mastery.ignored,
  };
}

// ---------------------------------------------------------------------------------------------
// Next steps

export type NextStepWhy = 'foundation' | 'audience-focus' | 'almost-there' | 'refresh';

export interface NextStep {
  readonly competency: CompetencyRef;
  readonly name?: { readonly vi: string; readonly en: string };
  readonly currentLevel: number;
  readonly targetLevel: number;
  readonly reason: GapReason;
  /** Higher first. */
  readonly priority: number;
  readonly why: readonly Message[];
  readonly message: Message;
}

export interface NextStepsInput extends DecisionInput {
  /** Audiences the learner belongs to; their `focus` competencies come first. */
  readonly audiences?: readonly { readonly id: string; readonly name: { readonly vi: string; readonly en: string }; readonly focus: readonly CompetencyRef[] }[];
  /** At most this many steps (default: all). */
  readonly limit?: number;
}

export interface NextSteps {
  readonly confirmed: boolean;
  readonly steps: readonly NextStep[];
  readonly decision: UniversalisationDecision;
}

/**
 * Gap analysis for personalisation and the learning assistant: the unmet requirements of the
 * profile, most useful first. Priority (documented, deterministic):
 * +40 if one of the learner's audiences focuses on it;
 * +30 × the fraction of the threshold already reached at the required level (almost there);
 * +25 if the evidence only needs refreshing (`evidence-too-old`);
 * +30 for the framework's first area (foundation: device and software use), 5 less for each
 *     later area (the framework's order approximates prerequisites);
 * −3 per missing level beyond the first (quick wins first within an area).
 * Ties are broken by the profile's order.
 */
export function nextCompetencies(input: NextStepsInput): NextSteps {
  const decision = decideUniversalisation(input);
  const audiences = input.audiences ?? [];
  const fwVersion = input.profile.framework.version;
  const order = new Map(input.profile.requirements.map((r, i) => [r.competency, i]));
  const steps = decision.gaps.map((gap): NextStep => {
    const entry = findCompetency(input.catalog, gap.competency, fwVersion);
    const why: Message[] = [];
    let priority = 0;
    const areaIndex = entry ? entry.framework.areas.indexOf(entry.area) : -1;
    if (areaIndex >= 0) priority += Math.max(0, 30 - 5 * areaIndex);
    if (areaIndex === 0) why.push(message('foundation'));
    for (const a of audiences) {
      if (a.focus.includes(gap.competency)) {
        priority += 40;
        why.push(message('audience-focus', { audience: a.name.vi, audienceId: a.id }));
        break;
      }
    }
    const progress = gap.threshold > 0 ? Math.min(1, Math.max(0, gap.strength / gap.threshold)) : 0;
    priority += 30 * progress;
    if (progress >= 0.5 && gap.reason !== 'evidence-too-old') why.push(message('almost-there'));
    if (gap.reason === 'evidence-too-old') {
      priority += 25;
      why.push(message('refresh'));
    }
    priority -= 3 * Math.max(0, gap.required - gap.achieved - 1);
    return {
      competency: gap.competency,
      ...(entry ? { name: entry.competency.name } : {}),
      currentLevel: gap.achieved,
      targetLevel: gap.required,
      reason: gap.reason,
      priority: Math.round(priority * 100) / 100,
      why,
      message: message('next-level', { competency: gap.competency, achieved: gap.achieved, required: gap.required }),
    };
  });
  steps.sort((a, b) => b.priority - a.priority || (order.get(a.competency) ?? 0) - (order.get(b.competency) ?? 0));
  const limited = input.limit !== undefined ? steps.slice(0, Math.max(0, input.limit)) : steps;
  return { confirmed: decision.confirmed, steps: limited, decision };
}
