import fc from 'fast-check';
import { competenciesOf, createCatalog } from './catalog';
import { courseCoverage } from './coverage';
import { CROSSWALK_VN_757_DIGCOMP } from './crosswalks/vn-757-2025--digcomp-2.2';
import { translateEvidence, translateMapping, translateTarget } from './crosswalk';
import { defaultCatalog } from './default-catalog';
import { DIGCOMP_2_2 } from './frameworks/digcomp-2.2';
import { VN_757_2025 } from './frameworks/vn-757-2025';
import { VN_MOET_LEARNERS_2025 } from './frameworks/vn-moet-learners-2025';
import { PROFILE_CITIZENS, PROFILE_WORKERS } from './profiles/vn-757-2025';
import type { CompetencyRef, CourseMapping, Crosswalk, Evidence, Framework } from './types';

describe('translateTarget', () => {
  it('keeps a ref already in the target framework', () => {
    expect(translateTarget({ competency: 'vn-757-2025:1.1', level: 2 }, 'vn-757-2025', defaultCatalog)).toEqual({
      translations: [{ competency: 'vn-757-2025:1.1', level: 2, relation: 'exact', via: [] }],
    });
  });

  it('maps national ↔ DigComp through the direct crosswalk, levels included', () => {
    expect(translateTarget({ competency: 'vn-757-2025:4.2', level: 2 }, 'digcomp-2.2', defaultCatalog).translations).toEqual([
      { competency: 'digcomp-2.2:4.2', level: 2, relation: 'close', via: ['vn-757-2025~digcomp-2.2'] },
    ]);
    // backwards: DigComp 5 (Advanced) is above the national scale → L3
    expect(translateTarget({ competency: 'digcomp-2.2:1.1', level: 5 }, 'vn-757-2025', defaultCatalog).translations).toEqual([
      { competency: 'vn-757-2025:1.1', level: 3, relation: 'close', via: ['vn-757-2025~digcomp-2.2'] },
    ]);
  });

  it('composes two crosswalks when there is no direct one (MOET → DigComp → national)', () => {
    expect(translateTarget({ competency: 'vn-moet-learners-2025:2.3', level: 4 }, 'vn-757-2025', defaultCatalog).translations).toEqual([
      { competency: 'vn-757-2025:2.3', level: 3, relation: 'close', via: ['vn-moet-learners-2025~digcomp-2.2', 'vn-757-2025~digcomp-2.2'] },
    ]);
  });

  it('explains why nothing transfers', () => {
    const ai = translateTarget({ competency: 'vn-moet-learners-2025:6.2', level: 2 }, 'vn-757-2025', defaultCatalog);
    expect(ai.translations).toEqual([]);
    expect(ai.reason).toBe('no-equivalent');
    expect(ai.message?.text.en).toBe('vn-moet-learners-2025:6.2 has no equivalent in framework "vn-757-2025".');
    expect(translateTarget({ competency: 'vn-757-2025:0.1', level: 1 }, 'digcomp-2.2', defaultCatalog).reason).toBe('no-equivalent');
    const alone = createCatalog({ frameworks: [VN_757_2025, DIGCOMP_2_2] });
    expect(translateTarget({ competency: 'vn-757-2025:1.1', level: 1 }, 'digcomp-2.2', alone).reason).toBe('no-crosswalk');
    expect(translateTarget({ competency: 'not a ref' as CompetencyRef, level: 1 }, 'digcomp-2.2', alone).translations).toEqual([]);
  });

  it('transfers only exact and close links, and reports a missing level equivalent', () => {
    const cw: Crosswalk = {
      ...CROSSWALK_VN_757_DIGCOMP,
      levels: { forward: [0, 2, 3], backward: [0, 2, 3, 3, 3, 3, 3, 3] },
      links: [
        { from: 'vn-757-2025:1.1', to: 'digcomp-2.2:1.1', relation: 'exact' },
        { from: 'vn-757-2025:2.3', to: 'digcomp-2.2:2.3', relation: 'narrower' },
        { from: 'vn-757-2025:2.6', to: 'digcomp-2.2:2.6', relation: 'broader' },
        { from: 'vn-757-2025:4.2', to: 'digcomp-2.2:4.1', relation: 'related' },
      ],
    };
    const catalog = createCatalog({ frameworks: [VN_757_2025, DIGCOMP_2_2], crosswalks: [cw] });
    expect(translateTarget({ competency: 'vn-757-2025:1.1', level: 2 }, 'digcomp-2.2', catalog).translations[0]?.relation).toBe('exact');
    for (const code of ['2.3', '2.6', '4.2']) {
      expect(translateTarget({ competency: `vn-757-2025:${code}`, level: 2 }, 'digcomp-2.2', catalog).reason).toBe('no-equivalent');
      expect(translateTarget({ competency: `digcomp-2.2:${code}`, level: 2 }, 'vn-757-2025', catalog).reason).toBe('no-equivalent');
    }
    expect(translateTarget({ competency: 'vn-757-2025:1.1', level: 1 }, 'digcomp-2.2', catalog).reason).toBe('no-level-equivalent');
    expect(translateTarget({ competency: 'digcomp-2.2:1.1', level: 1 }, 'vn-757-2025', catalog).reason).toBe('no-level-equivalent');
  });

  it('keeps the best of several routes: direct first, else the highest level, then exact paths', () => {
    const other: Framework = { ...DIGCOMP_2_2, id: 'other', version: '1.0.0' };
    const target: Framework = { ...DIGCOMP_2_2, id: 'target', version: '1.0.0' };
    const pin = (f: Framework) => ({ id: f.id, version: f.version });
    const identity = [1, 2, 3, 4, 5, 6, 7, 8];
    const cw = (id: string, from: Framework, to: Framework, forward: number[], backward: number[], relation: 'exact' | 'close'): Crosswalk => ({
      ...CROSSWALK_VN_757_DIGCOMP,
      id,
      from: pin(from),
      to: pin(to),
      levels: { forward, backward },
      links: [{ from: `${from.id}:1.1` as CompetencyRef, to: `${to.id}:1.1` as CompetencyRef, relation }],
    });
    const toEight = [1, 2, 3, 3, 3, 3, 3, 3];
    const catalog = createCatalog({
      frameworks: [VN_757_2025, DIGCOMP_2_2, other, target],
      crosswalks: [
        cw('n~d', VN_757_2025, DIGCOMP_2_2, [1, 2, 3], toEight, 'exact'),
        cw('n~o', VN_757_2025, other, [1, 1, 2], toEight, 'close'),
        cw('d~t', DIGCOMP_2_2, target, identity, identity, 'exact'),
        cw('o~t', other, target, identity, identity, 'close'),
        cw('o~d', other, DIGCOMP_2_2, identity, identity, 'close'),
      ],
    });
    const t = (level: number, to: string) => translateTarget({ competency: 'vn-757-2025:1.1', level }, to, catalog).translations;
    // a direct crosswalk decides alone
    expect(t(2, 'digcomp-2.2')).toEqual([{ competency: 'digcomp-2.2:1.1', level: 2, relation: 'exact', via: ['n~d'] }]);
    // two routes to "target": the higher level wins…
    expect(t(3, 'target')).toEqual([{ competency: 'target:1.1', level: 3, relation: 'exact', via: ['n~d', 'd~t'] }]);
    // …and at equal levels the exact path wins
    expect(t(1, 'target')).toEqual([{ competency: 'target:1.1', level: 1, relation: 'exact', via: ['n~d', 'd~t'] }]);
  });

  it('never raises a level on a round trip and is monotone in the level (property)', () => {
    const pairs: [Framework, string][] = [
      [VN_757_2025, 'digcomp-2.2'],
      [DIGCOMP_2_2, 'vn-757-2025'],
      [VN_MOET_LEARNERS_2025, 'digcomp-2.2'],
      [VN_MOET_LEARNERS_2025, 'vn-757-2025'],
      [VN_757_2025, 'vn-moet-learners-2025'],
      [DIGCOMP_2_2, 'vn-moet-learners-2025'],
    ];
    const arb = fc.constantFrom(...pairs).chain(([fw, to]) =>
      fc.tuple(fc.constantFrom(...competenciesOf(fw).map((c) => c.ref)), fc.integer({ min: 1, max: fw.levels.length }), fc.constant(fw.id), fc.constant(to)),
    );
    fc.assert(fc.property(arb, ([ref, level, from, to]) => {
      const there = translateTarget({ competency: ref, level }, to, defaultCatalog).translations;
      for (const t of there) {
        const back = translateTarget({ competency: t.competency, level: t.level }, from, defaultCatalog).translations;
        for (const b of back) if (b.competency === ref) expect(b.level).toBeLessThanOrEqual(level);
        if (level > 1) {
          const lower = translateTarget({ competency: ref, level: level - 1 }, to, defaultCatalog).translations;
          for (const l of lower) if (l.competency === t.competency) expect(l.level).toBeLessThanOrEqual(t.level);
        }
      }
    }));
  });
});

describe('translateMapping and translateEvidence', () => {
  const digcompCourse: CourseMapping = {
    courseId: 'digcomp-basics',
    courseVersion: '1',
    frameworks: [{ id: 'digcomp-2.2', version: '2.2.0' }],
    items: [
      { id: 'l1', kind: 'lesson', teaches: [{ competency: 'digcomp-2.2:4.2', level: 2 }] },
      { id: 'q1', assesses: [{ competency: 'digcomp-2.2:4.2', level: 3 }] },
      { id: 'x', kind: 'note' },
    ],
  };

  it('re-expresses a mapping in another framework and pins it', () => {
    const r = translateMapping(digcompCourse, 'vn-757-2025', defaultCatalog);
    expect(r.untranslated).toEqual([]);
    expect(r.mapping).toEqual({
      courseId: 'digcomp-basics',
      courseVersion: '1',
      frameworks: [{ id: 'vn-757-2025', version: '1.0.0' }],
      items: [
        { id: 'l1', kind: 'lesson', teaches: [{ competency: 'vn-757-2025:4.2', level: 2 }] },
        { id: 'q1', assesses: [{ competency: 'vn-757-2025:4.2', level: 3 }] },
        { id: 'x', kind: 'note' },
      ],
    });
  });

  it('lists the targets that do not translate', () => {
    const moet: CourseMapping = { courseId: 'ai', items: [{ id: 'ai1', teaches: [{ competency: 'vn-moet-learners-2025:6.1', level: 1 }] }] };
    const r = translateMapping(moet, 'vn-757-2025', defaultCatalog);
    expect(r.untranslated.map((u) => [u.itemId, u.role, u.reason])).toEqual([['ai1', 'teaches', 'no-equivalent']]);
    expect(r.mapping.items[0]?.teaches).toEqual([]);
  });

  it('translates evidence, keeping kind, score, date and id', () => {
    const evidence: Evidence[] = [
      { id: 'a1', competency: 'digcomp-2.2:1.1', level: 4, kind: 'quiz', score: 0.9, occurredAt: '2025-06-01' },
      { competency: 'vn-757-2025:0.1', level: 2, kind: 'practice', score: 1, occurredAt: '2025-06-01' },
      { competency: 'vn-moet-learners-2025:6.3', level: 2, kind: 'quiz', score: 1, occurredAt: '2025-06-01' },
      { competency: 'garbage' as CompetencyRef, level: 1, kind: 'quiz', score: 1, occurredAt: '2025-06-01' },
    ];
    const r = translateEvidence(evidence, 'vn-757-2025', defaultCatalog);
    expect(r.evidence).toEqual([
      { id: 'a1', competency: 'vn-757-2025:1.1', level: 3, kind: 'quiz', score: 0.9, occurredAt: '2025-06-01' },
      evidence[1],
      evidence[3],
    ]);
    expect(r.dropped.map((d) => [d.index, d.reason])).toEqual([[2, 'no-equivalent']]);
  });
});

describe('courseCoverage', () => {
  const national: CourseMapping = {
    courseId: 'ky-nang-so',
    items: [
      { id: 'v1', teaches: [{ competency: 'vn-757-2025:0.1', level: 2 }, { competency: 'vn-757-2025:0.2', level: 2 }] },
      { id: 'q1', assesses: [{ competency: 'vn-757-2025:0.1', level: 2 }] },
      { id: 'v2', teaches: [{ competency: 'vn-757-2025:1.1', level: 1 }] },
      { id: 'q2', assesses: [{ competency: 'vn-757-2025:4.1', level: 3 }] },
    ],
  };

  it('sorts the requirements into assessed, taught and missing, with reasons', () => {
    const r = courseCoverage(national, PROFILE_CITIZENS, defaultCatalog);
    const by = Object.fromEntries(r.requirements.map((x) => [x.competency, [x.status, x.reason ?? null, x.taughtLevel, x.assessedLevel]]));
    expect(by).toMatchObject({
      'vn-757-2025:0.1': ['assessed', null, 2, 2],
      'vn-757-2025:0.2': ['taught', 'not-assessed', 2, 0],
      'vn-757-2025:1.1': ['missing', 'covered-below-level', 1, 0],
      'vn-757-2025:4.1': ['assessed', null, 0, 3],
      'vn-757-2025:4.2': ['missing', 'not-mapped', 0, 0],
    });
    expect(r.assessed).toEqual(['vn-757-2025:0.1', 'vn-757-2025:4.1']);
    expect(r.taught).toEqual(['vn-757-2025:0.1', 'vn-757-2025:0.2']);
    expect(r.missing).toContain('vn-757-2025:4.2');
    expect(r.complete).toBe(false);
    const missing = r.requirements.find((x) => x.competency === 'vn-757-2025:4.2');
    expect(missing?.text.en).toBe('No lesson or assessment is mapped to vn-757-2025:4.2.');
    expect(r.requirements[0]?.sources).toEqual([
      { courseId: 'ky-nang-so', itemId: 'v1', role: 'teaches', level: 2 },
      { courseId: 'ky-nang-so', itemId: 'q1', role: 'assesses', level: 2 },
    ]);
  });

  it('counts a course mapped to DigComp toward the national profile through the crosswalk', () => {
    const digcomp: CourseMapping = {
      courseId: 'digcomp-safety',
      items: [
        { id: 'l', teaches: [{ competency: 'digcomp-2.2:4.2', level: 2 }, { competency: 'digcomp-2.2:4.1', level: 1 }] },
        { id: 'q', assesses: [{ competency: 'digcomp-2.2:4.2', level: 4 }] },
      ],
    };
    const r = courseCoverage(digcomp, PROFILE_CITIZENS, defaultCatalog);
    const safety = r.requirements.find((x) => x.competency === 'vn-757-2025:4.2');
    expect(safety).toMatchObject({ status: 'assessed', taughtLevel: 2, assessedLevel: 3 });
  });

  it('unions a learning path and reports what does not count', () => {
    const full: CourseMapping = {
      courseId: 'rest',
      items: PROFILE_WORKERS.requirements.map((req, i) => ({
        id: `i${i}`,
        teaches: [{ competency: req.competency, level: req.minLevel }],
        assesses: [{ competency: req.competency, level: req.minLevel }],
      })),
    };
    const ai: CourseMapping = { courseId: 'ai', items: [{ id: 'a', teaches: [{ competency: 'vn-moet-learners-2025:6.2', level: 3 }] }] };
    const r = courseCoverage([national, full, ai], PROFILE_WORKERS, defaultCatalog);
    expect(r.courses).toEqual(['ky-nang-so', 'rest', 'ai']);
    expect(r.complete).toBe(true);
    expect(r.missing).toEqual([]);
    expect(r.untranslated).toMatchObject([{ courseId: 'ai', itemId: 'a', reason: 'no-equivalent' }]);
  });

  it('is monotone: adding courses to a path never loses coverage (property)', () => {
    const refs = competenciesOf(VN_757_2025).map((c) => c.ref).concat(competenciesOf(DIGCOMP_2_2).map((c) => c.ref));
    const target = fc.record({ competency: fc.constantFrom(...refs), level: fc.integer({ min: 1, max: 3 }) });
    const course = fc
      .tuple(fc.nat(), fc.array(fc.record({ teaches: fc.array(target, { maxLength: 3 }), assesses: fc.array(target, { maxLength: 3 }) }), { maxLength: 5 }))
      .map(([n, items]): CourseMapping => ({ courseId: `c${n}`, items: items.map((it, i) => ({ id: `i${i}`, ...it })) }));
    fc.assert(fc.property(fc.array(course, { maxLength: 3 }), course, (path, extra) => {
      const before = courseCoverage(path, PROFILE_CITIZENS, defaultCatalog);
      const after = courseCoverage([...path, extra], PROFILE_CITIZENS, defaultCatalog);
      for (const ref of before.assessed) expect(after.assessed).toContain(ref);
      for (const ref of before.taught) expect(after.taught).toContain(ref);
    }));
  });
});
