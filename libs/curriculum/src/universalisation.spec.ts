import fc from 'fast-check';
import { defaultCatalog } from './default-catalog';
import { DEFAULT_MASTERY_POLICY } from './mastery';
import { PROFILE_CITIZENS, VN_757_2025_PROFILES } from './profiles/vn-757-2025';
import { AUDIENCES, audience } from './target-groups';
import { assessRequirement, decideUniversalisation, nextCompetencies } from './universalisation';
import type { CompetencyRef, Evidence, RequiredProfile } from './types';

const NOW = '2026-01-01T00:00:00.000Z';
const DAY = 86_400_000;
const NOW_MS = Date.parse(NOW);
const daysAgo = (d: number): string => new Date(NOW_MS - d * DAY).toISOString();
const quiz = (competency: CompetencyRef, level: number, over: Partial<Evidence> = {}): Evidence => ({
  competency, level, kind: 'quiz', score: 0.9, occurredAt: daysAgo(5), ...over,
});
/** Evidence meeting every requirement of a profile exactly. */
const meetAll = (p: RequiredProfile): Evidence[] => p.requirements.map((r) => quiz(r.competency, r.minLevel));
const decide = (evidence: readonly Evidence[], profile: RequiredProfile = PROFILE_CITIZENS) =>
  decideUniversalisation({ profile, evidence, now: NOW, catalog: defaultCatalog });

describe('decideUniversalisation', () => {
  it('confirms a learner who meets every requirement, with an explanation', () => {
    const d = decide(meetAll(PROFILE_CITIZENS));
    expect(d.confirmed).toBe(true);
    expect(d.gaps).toEqual([]);
    expect(d.met).toHaveLength(PROFILE_CITIZENS.requirements.length);
    expect(d).toMatchObject({ targetGroup: 'citizens', profile: { id: 'vn-757-2025/citizens', version: '1.0.0' }, decidedAt: NOW });
    expect(d.summary.code).toBe('confirmed');
    expect(d.summary.text.vi).toContain('xác nhận hoàn thành phổ cập kỹ năng số cơ bản');
  });

  it('names each unmet requirement with its reason', () => {
    const evidence: Evidence[] = [
      ...meetAll(PROFILE_CITIZENS).filter((e) => !['vn-757-2025:0.2', 'vn-757-2025:1.1', 'vn-757-2025:2.1', 'vn-757-2025:2.3', 'vn-757-2025:4.2'].includes(e.competency)),
      // 0.2: nothing at all → no-evidence
      // 1.1: only level 1 → level-too-low
      quiz('vn-757-2025:1.1', 1),
      // 2.1: passed at level 2 long ago → evidence-too-old
      quiz('vn-757-2025:2.1', 2, { score: 1, occurredAt: daysAgo(1000) }),
      // 2.3: attended a class at level 2 but no assessment → insufficient-evidence
      quiz('vn-757-2025:2.3', 2, { kind: 'attendance', score: 1 }),
      // 4.2: failed → level-too-low (no passing result at level 2)
      quiz('vn-757-2025:4.2', 2, { score: 0.3 }),
    ];
    const d = decide(evidence);
    expect(d.confirmed).toBe(false);
    expect(d.gaps.map((g) => [g.competency, g.reason, g.required, g.achieved])).toEqual([
      ['vn-757-2025:0.2', 'no-evidence', 2, 0],
      ['vn-757-2025:1.1', 'level-too-low', 2, 1],
      ['vn-757-2025:2.1', 'evidence-too-old', 2, 0],
      ['vn-757-2025:2.3', 'insufficient-evidence', 2, 0],
      ['vn-757-2025:4.2', 'level-too-low', 2, 0],
    ]);
    const old = d.gaps[2];
    expect(old?.text.en).toBe('The evidence for vn-757-2025:2.1 at level 2 is too old; it needs to be assessed again.');
    expect(d.gaps[3]).toMatchObject({ strength: 0.2, threshold: DEFAULT_MASTERY_POLICY.threshold });
    expect(d.summary.code).toBe('not-confirmed');
    expect(d.summary.params['missing']).toBe('vn-757-2025:0.2, vn-757-2025:1.1, vn-757-2025:2.1, vn-757-2025:2.3, vn-757-2025:4.2');
  });

  it('counts evidence from DigComp and MOET through the crosswalks, and reports what does not count', () => {
    const evidence = PROFILE_CITIZENS.requirements.map((r) =>
      r.competency.startsWith('vn-757-2025:0.') ? quiz(r.competency, r.minLevel) : quiz(r.competency.replace('vn-757-2025', 'digcomp-2.2') as CompetencyRef, r.minLevel + 2),
    );
    evidence.push(quiz('vn-moet-learners-2025:6.2', 3));
    const d = decide(evidence);
    expect(d.confirmed).toBe(true);
    expect(d.dropped).toMatchObject([{ index: evidence.length - 1, competency: 'vn-moet-learners-2025:6.2', reason: 'no-equivalent' }]);
  });

  it('counts one quiz item mapped to two frameworks once (shared evidence id)', () => {
    // a live quiz at 0.75 gives 0.525 — below the threshold; seen twice through two frameworks it
    // must still count once
    const twice = [
      quiz('vn-757-2025:4.2', 2, { id: 'attempt-7', kind: 'live-quiz', score: 0.75 }),
      quiz('digcomp-2.2:4.2', 2, { id: 'attempt-7', kind: 'live-quiz', score: 0.75 }),
    ];
    const gap = decide(twice).gaps.find((g) => g.competency === 'vn-757-2025:4.2');
    expect(gap?.reason).toBe('insufficient-evidence');
  });

  it('assessRequirement explains a single requirement', () => {
    const r = { competency: 'vn-757-2025:0.1' as CompetencyRef, minLevel: 2 };
    expect(assessRequirement(r, undefined, DEFAULT_MASTERY_POLICY)?.reason).toBe('no-evidence');
  });
});

describe('decideUniversalisation — invariants (property-based)', () => {
  const profileArb = fc.constantFrom(...VN_757_2025_PROFILES);
  const extraArb = fc.array(
    fc.record({
      code: fc.constantFrom('0.1', '1.1', '2.3', '3.4', '4.2', '5.3'),
      level: fc.integer({ min: 1, max: 3 }),
      score: fc.double({ min: 0, max: 1, noNaN: true }),
      kind: fc.constantFrom('quiz' as const, 'practice' as const, 'attendance' as const, 'live-quiz' as const),
      days: fc.integer({ min: 0, max: 1500 }),
    }),
    { maxLength: 10 },
  );

  it('a learner who meets every required level is confirmed; one who misses any is not, and that competency is named in the gap', () => {
    fc.assert(
      fc.property(profileArb, fc.nat(), fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 20, maxLength: 20 }), (profile, pick, bonus) => {
        // meet every requirement, sometimes above the minimum, with fresh passing quizzes
        const evidence = profile.requirements.map((r, i) =>
          quiz(r.competency, Math.min(3, r.minLevel + (bonus[i] ?? 0)), { score: 0.7 + 0.3 * ((bonus[i] ?? 0) / 2) }),
        );
        expect(decide(evidence, profile).confirmed).toBe(true);
        // now remove all evidence of one required competency, or cap it below the minimum
        const missed = profile.requirements[pick % profile.requirements.length]!;
        const without = evidence.filter((e) => e.competency !== missed.competency);
        const below = missed.minLevel > 1 ? [...without, quiz(missed.competency, missed.minLevel - 1, { score: 1 })] : without;
        for (const variant of [without, below]) {
          const d = decide(variant, profile);
          expect(d.confirmed).toBe(false);
          expect(d.gaps.map((g) => g.competency)).toEqual([missed.competency]);
          expect(d.gaps[0]?.required).toBe(missed.minLevel);
          expect(d.gaps[0]?.achieved).toBeLessThan(missed.minLevel);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('confirmed ⇔ no gaps ⇔ every requirement met, whatever the evidence', () => {
    fc.assert(
      fc.property(profileArb, extraArb, (profile, extra) => {
        const evidence = extra.map((x) => quiz(`vn-757-2025:${x.code}`, x.level, { score: x.score, kind: x.kind, occurredAt: daysAgo(x.days) }));
        const d = decide(evidence, profile);
        expect(d.confirmed).toBe(d.gaps.length === 0);
        expect(d.met.length + d.gaps.length).toBe(profile.requirements.length);
        for (const m of d.met) expect(m.achieved).toBeGreaterThanOrEqual(m.required);
        for (const g of d.gaps) expect(g.achieved).toBeLessThan(g.required);
      }),
    );
  });

  it('adding passing evidence never turns a confirmed learner into an unconfirmed one, nor adds gaps', () => {
    fc.assert(
      fc.property(profileArb, extraArb, extraArb, (profile, base, extra) => {
        const toEvidence = (list: typeof base, passing: boolean) =>
          list.map((x) => quiz(`vn-757-2025:${x.code}`, x.level, { score: x.score, kind: x.kind, occurredAt: daysAgo(x.days), ...(passing ? { passed: true } : {}) }));
        const before = decide([...meetAll(profile).slice(1), ...toEvidence(base, false)], profile);
        const after = decide([...meetAll(profile).slice(1), ...toEvidence(base, false), ...toEvidence(extra, true)], profile);
        if (before.confirmed) expect(after.confirmed).toBe(true);
        for (const g of after.gaps) expect(before.gaps.map((x) => x.competency)).toContain(g.competency);
      }),
    );
  });
});

describe('nextCompetencies', () => {
  const input = (evidence: readonly Evidence[], extra: Partial<Parameters<typeof nextCompetencies>[0]> = {}) =>
    nextCompetencies({ profile: PROFILE_CITIZENS, evidence, now: NOW, catalog: defaultCatalog, ...extra });

  it('returns nothing to do for a confirmed learner', () => {
    expect(input(meetAll(PROFILE_CITIZENS))).toMatchObject({ confirmed: true, steps: [] });
  });

  it('puts foundation skills first for a beginner, then follows the framework order', () => {
    const r = input([]);
    expect(r.confirmed).toBe(false);
    expect(r.steps.map((s) => s.competency)).toEqual([
      'vn-757-2025:0.1', 'vn-757-2025:0.2', 'vn-757-2025:1.2', 'vn-757-2025:1.1', 'vn-757-2025:2.6', 'vn-757-2025:2.1', 'vn-757-2025:2.3', 'vn-757-2025:4.1', 'vn-757-2025:4.2',
    ]);
    expect(r.steps[0]).toMatchObject({ currentLevel: 0, targetLevel: 2, reason: 'no-evidence', name: { vi: 'Sử dụng thiết bị' } });
    expect(r.steps[0]?.why.map((w) => w.code)).toEqual(['foundation']);
    expect(r.steps[0]?.message.text.en).toBe('Learn vn-757-2025:0.1 from level 0 up to level 2.');
  });

  it('brings an audience\'s focus forward, and refreshing or nearly-met competencies', () => {
    const traders = input([], { audiences: [audience('4t-traders-farmers')] });
    expect(traders.steps[0]?.competency).toBe('vn-757-2025:2.3');
    expect(traders.steps[0]?.why.map((w) => w.code)).toEqual(['audience-focus']);
    const elderly = input([], { audiences: AUDIENCES.filter((a) => a.id === 'elderly'), limit: 3 });
    expect(elderly.steps.map((s) => s.competency)).toEqual(['vn-757-2025:0.1', 'vn-757-2025:0.2', 'vn-757-2025:2.1']);

    const refresh = input([...meetAll(PROFILE_CITIZENS).filter((e) => e.competency !== 'vn-757-2025:4.2'), quiz('vn-757-2025:4.2', 2, { occurredAt: daysAgo(1200) })]);
    expect(refresh.steps.map((s) => [s.competency, s.reason])).toEqual([['vn-757-2025:4.2', 'evidence-too-old']]);
    expect(refresh.steps[0]?.why.map((w) => w.code)).toEqual(['refresh']);

    const almost = input([quiz('vn-757-2025:4.2', 2, { kind: 'live-quiz', score: 0.8 })], { limit: 1 });
    expect(almost.steps[0]).toMatchObject({ competency: 'vn-757-2025:4.2', reason: 'insufficient-evidence' });
    expect(almost.steps[0]?.why.map((w) => w.code)).toEqual(['almost-there']);
  });

  it('lists exactly the gaps of the decision, highest priority first (property)', () => {
    const arb = fc.array(
      fc.record({ i: fc.nat(), level: fc.integer({ min: 1, max: 3 }), score: fc.double({ min: 0, max: 1, noNaN: true }) }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(arb, fc.subarray([...AUDIENCES]), (list, audiences) => {
        const evidence = list.map((x) => quiz(PROFILE_CITIZENS.requirements[x.i % PROFILE_CITIZENS.requirements.length]!.competency, x.level, { score: x.score }));
        const r = input(evidence, { audiences });
        expect(new Set(r.steps.map((s) => s.competency))).toEqual(new Set(r.decision.gaps.map((g) => g.competency)));
        for (let i = 1; i < r.steps.length; i++) expect(r.steps[i - 1]!.priority).toBeGreaterThanOrEqual(r.steps[i]!.priority);
      }),
    );
  });
});
