import fc from 'fast-check';
import { defaultCatalog } from './default-catalog';
import { DEFAULT_MASTERY_POLICY, ageFactor, computeMastery, masteryFor, masteryPolicy, toTime } from './mastery';
import type { CompetencyRef, Evidence, EvidenceKind } from './types';

const NOW = '2026-01-01T00:00:00.000Z';
const DAY = 86_400_000;
const daysAgo = (d: number): string => new Date(Date.parse(NOW) - d * DAY).toISOString();
const C: CompetencyRef = 'vn-757-2025:1.1';
const ev = (level: number, over: Partial<Evidence> = {}): Evidence => ({
  competency: C, level, kind: 'quiz', score: 1, occurredAt: daysAgo(10), ...over,
});
const level = (evidence: readonly Evidence[], now: string | Date = NOW): number =>
  masteryFor(computeMastery(evidence, { now }), C)?.level ?? 0;

describe('computeMastery — rules', () => {
  it('one fresh passed quiz demonstrates its level and all levels below', () => {
    const report = computeMastery([ev(2, { score: 0.7 })], { now: NOW });
    const m = masteryFor(report, C);
    expect(m).toMatchObject({ level: 2, levelIgnoringAge: 2, evidenceCount: 1, passingCount: 1, highestPassedLevel: 2, highestAssessedLevel: 2 });
    expect(m?.levels.map((l) => l.demonstrated)).toEqual([true, true]);
    expect(report.now).toBe(NOW);
  });

  it('a quiz below the pass score does not demonstrate; an explicit `passed` overrides the score', () => {
    expect(level([ev(2, { score: 0.6 })])).toBe(0);
    expect(level([ev(2, { score: 0.95, passed: false })])).toBe(0);
    expect(level([ev(2, { score: 0.7, passed: true })])).toBe(2);
    expect(level([ev(2, { score: 0.5, passed: true })])).toBe(0); // passed, but too weak alone
  });

  it('attendance alone never demonstrates a level, however much of it', () => {
    const attendance = Array.from({ length: 20 }, (_, i) => ev(1, { kind: 'attendance', occurredAt: daysAgo(i) }));
    expect(level(attendance)).toBe(0);
    // …but it adds to an assessment that is not enough on its own
    const liveQuiz = ev(1, { kind: 'live-quiz', score: 0.8 }); // 0.7 · 0.8 = 0.56
    expect(level([liveQuiz])).toBe(0);
    expect(level([liveQuiz, attendance[0]!])).toBe(1); // 0.56 + 0.2
  });

  it('repeated weaker evidence adds up', () => {
    expect(level([ev(1, { kind: 'live-quiz', score: 0.7 })])).toBe(0); // 0.49
    expect(level([ev(1, { kind: 'live-quiz', score: 0.7 }), ev(1, { kind: 'live-quiz', score: 0.7, occurredAt: daysAgo(3) })])).toBe(1);
    expect(level([ev(3, { kind: 'practice', score: 0.9 })])).toBe(3); // 0.72
  });

  it('old evidence weighs less: full weight for a year, then halves every year', () => {
    const p = DEFAULT_MASTERY_POLICY;
    const now = Date.parse(NOW);
    expect(ageFactor(now - 365 * DAY, now)).toBe(1);
    expect(ageFactor(now - 730 * DAY, now)).toBeCloseTo(0.5, 10);
    expect(ageFactor(now + 5 * DAY, now)).toBe(1); // clock skew of offline devices
    expect(ageFactor(now - 730 * DAY, now, { ...p, halfLifeDays: 182.5 })).toBeCloseTo(0.25, 10);
    expect(level([ev(2, { occurredAt: daysAgo(500) })])).toBe(2); // ≈ 0.77
    const old = masteryFor(computeMastery([ev(2, { occurredAt: daysAgo(800) })], { now: NOW }), C);
    expect(old).toMatchObject({ level: 0, levelIgnoringAge: 2 });
    // the same evidence seen from an earlier `now` still counts
    expect(level([ev(2, { occurredAt: daysAgo(800) })], new Date(Date.parse(NOW) - 500 * DAY))).toBe(2);
  });

  it('failures count against their level and the levels above, not below', () => {
    const pass3 = ev(3, { score: 0.75 });
    expect(level([pass3])).toBe(3);
    const m = masteryFor(computeMastery([pass3, ev(2, { score: 0.2 })], { now: NOW }), C);
    // penalty 0.5 · 0.8 = 0.4 on levels ≥ 2: 0.75 − 0.4 < 0.7
    expect(m?.level).toBe(1);
    expect(m?.failingCount).toBe(1);
    expect(m?.levels.map((l) => l.strength)).toEqual([0.75, 0.35, 0.35]);
    // failing attendance (absence) is no evidence against a competency
    expect(level([pass3, ev(1, { kind: 'attendance', score: 0 })])).toBe(3);
  });

  it('counts evidence sharing id, competency and level once — the best of them', () => {
    const a = ev(2, { id: 'attempt-1', score: 0.75, kind: 'live-quiz' }); // 0.525
    expect(level([a, a, a])).toBe(0);
    expect(masteryFor(computeMastery([a, a], { now: NOW }), C)?.evidenceCount).toBe(1);
    expect(level([ev(2, { id: 'x', score: 0.3 }), ev(2, { id: 'x', score: 0.9 })])).toBe(2);
    // different levels under one id are different evidence
    expect(masteryFor(computeMastery([ev(1, { id: 'x' }), ev(2, { id: 'x' })], { now: NOW }), C)?.evidenceCount).toBe(2);
  });

  it('ignores invalid evidence and says why', () => {
    const bad = [
      ev(1, { competency: 'nope' as CompetencyRef }),
      ev(0),
      ev(1.5),
      ev(1, { score: 1.2 }),
      ev(1, { score: Number.NaN }),
      ev(1, { kind: 'exam' as EvidenceKind }),
      ev(1, { occurredAt: 'yesterday' }),
      ev(1, { competency: 'vn-757-2025:9.9' }),
      ev(4),
      ev(1),
    ];
    const r = computeMastery(bad, { now: NOW, catalog: defaultCatalog });
    expect(r.ignored).toEqual([
      { index: 0, reason: 'invalid-ref' },
      { index: 1, reason: 'invalid-level' },
      { index: 2, reason: 'invalid-level' },
      { index: 3, reason: 'invalid-score' },
      { index: 4, reason: 'invalid-score' },
      { index: 5, reason: 'invalid-kind' },
      { index: 6, reason: 'invalid-date' },
      { index: 7, reason: 'unknown-competency' },
      { index: 8, reason: 'level-out-of-range' },
    ]);
    expect(r.competencies.map((c) => [c.competency, c.level])).toEqual([[C, 1]]);
    // codes and levels are checked against the pinned version when one is given
    expect(computeMastery([ev(1)], { now: NOW, catalog: defaultCatalog, frameworks: [{ id: 'vn-757-2025', version: '0.1.0' }] }).ignored).toEqual([
      { index: 0, reason: 'unknown-competency' },
    ]);
    // without a catalog, levels are not bounded
    expect(computeMastery([ev(4)], { now: NOW }).competencies[0]?.level).toBe(4);
  });

  it('is pure: takes `now` as a parameter and never reads the clock', () => {
    const spy = jest.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('Date.now must not be called');
    });
    try {
      const a = computeMastery([ev(2, { occurredAt: new Date(Date.parse(daysAgo(3))) })], { now: new Date(Date.parse(NOW)) });
      const b = computeMastery([ev(2, { occurredAt: daysAgo(3) })], { now: NOW });
      expect(a).toEqual(b);
    } finally {
      spy.mockRestore();
    }
    expect(() => computeMastery([], { now: 'not a date' })).toThrow('options.now');
    expect(toTime(42 as unknown as string)).toBeNaN();
  });

  it('accepts a partial policy', () => {
    const p = masteryPolicy({ threshold: 1.5, weights: { quiz: 2 } as Record<EvidenceKind, number> });
    expect(p.weights).toEqual({ ...DEFAULT_MASTERY_POLICY.weights, quiz: 2 });
    expect(masteryFor(computeMastery([ev(1, { score: 0.7 })], { now: NOW, policy: { threshold: 1.5 } }), C)?.level).toBe(0);
    expect(masteryFor(computeMastery([ev(1, { score: 0.8 })], { now: NOW, policy: p }), C)?.level).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const REFS: CompetencyRef[] = ['vn-757-2025:0.1', 'vn-757-2025:1.1', 'digcomp-2.2:4.2'];
const KINDS: EvidenceKind[] = ['quiz', 'practice', 'attendance', 'live-quiz'];
const NOW_MS = Date.parse(NOW);

const evidenceArb = (opts: { passing?: boolean } = {}): fc.Arbitrary<Evidence> =>
  fc.record({
    id: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined }),
    competency: fc.constantFrom(...REFS),
    level: fc.integer({ min: 1, max: 3 }),
    kind: fc.constantFrom(...KINDS),
    score: fc.double({ min: 0, max: 1, noNaN: true }),
    passed: opts.passing === true ? fc.constant(true) : fc.option(fc.boolean(), { nil: undefined }),
    occurredAt: fc.integer({ min: NOW_MS - 4 * 365 * DAY, max: NOW_MS + 30 * DAY }).map((t) => new Date(t).toISOString()),
  }).map((e) => {
    // drop undefined optional fields, as JSON would
    const out: { -readonly [K in keyof Evidence]: Evidence[K] } = { competency: e.competency, level: e.level, kind: e.kind, score: e.score, occurredAt: e.occurredAt };
    if (e.id !== undefined) out.id = e.id;
    if (e.passed !== undefined) out.passed = e.passed;
    return out;
  });

const levels = (evidence: readonly Evidence[]): Record<string, number> =>
  Object.fromEntries(computeMastery(evidence, { now: NOW }).competencies.map((c) => [c.competency, c.level]));

describe('computeMastery — invariants (property-based)', () => {
  it('adding passing evidence never lowers mastery of any competency', () => {
    fc.assert(
      fc.property(fc.array(evidenceArb(), { maxLength: 25 }), fc.array(evidenceArb({ passing: true }), { minLength: 1, maxLength: 5 }), (base, extra) => {
        const before = levels(base);
        const after = levels([...base, ...extra]);
        for (const ref of Object.keys(before)) expect(after[ref] ?? 0).toBeGreaterThanOrEqual(before[ref] ?? 0);
      }),
      { numRuns: 300 },
    );
  });

  it('adding a passing result with a higher score under an existing id never lowers mastery', () => {
    fc.assert(
      fc.property(fc.array(evidenceArb(), { minLength: 1, maxLength: 15 }), fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), (base, i, bump) => {
        const e = base[i % base.length]!;
        const better: Evidence = { ...e, id: e.id ?? 'z', passed: true, score: Math.min(1, e.score + bump) };
        const before = levels(base);
        const after = levels([...base, better]);
        for (const ref of Object.keys(before)) expect(after[ref] ?? 0).toBeGreaterThanOrEqual(before[ref] ?? 0);
      }),
    );
  });

  it('does not depend on the order of evidence', () => {
    fc.assert(
      fc.property(fc.array(evidenceArb(), { maxLength: 20 }).chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }))), ([list, shuffled]) => {
        expect(computeMastery(shuffled, { now: NOW })).toEqual(computeMastery(list, { now: NOW }));
      }),
    );
  });

  it('demonstrated levels form a prefix 1..M, each backed by a passing assessment at or above it', () => {
    fc.assert(
      fc.property(fc.array(evidenceArb(), { maxLength: 20 }), (list) => {
        for (const m of computeMastery(list, { now: NOW }).competencies) {
          m.levels.forEach((l) => expect(l.demonstrated).toBe(l.level <= m.level));
          expect(m.highestAssessedLevel).toBeGreaterThanOrEqual(m.level);
          expect(m.levelIgnoringAge).toBeGreaterThanOrEqual(m.level);
        }
      }),
    );
  });

  it('with passing evidence only, a later `now` never raises mastery (evidence only ages)', () => {
    // (with failures it can: an old failure fades faster than a recent pass)
    fc.assert(
      fc.property(fc.array(evidenceArb({ passing: true }), { maxLength: 20 }), fc.integer({ min: 0, max: 3 * 365 }), (list, later) => {
        const a = levels(list);
        const b = Object.fromEntries(
          computeMastery(list, { now: new Date(NOW_MS + later * DAY) }).competencies.map((c) => [c.competency, c.level]),
        );
        for (const ref of Object.keys(a)) expect(b[ref] ?? 0).toBeLessThanOrEqual(a[ref] ?? 0);
      }),
    );
  });
});
