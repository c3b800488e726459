import fc from 'fast-check';
import { competenciesOf, createCatalog } from './catalog';
import { defaultCatalog } from './default-catalog';
import { DIGCOMP_2_2 } from './frameworks/digcomp-2.2';
import { VN_757_2025 } from './frameworks/vn-757-2025';
import { upgradeMapping, validateMapping } from './validate';
import type { CompetencyRef, CourseMapping, Framework } from './types';

const good: CourseMapping = {
  courseId: 'kỹ-năng-số-cơ-bản',
  courseVersion: '3',
  frameworks: [{ id: 'vn-757-2025', version: '1.0.0' }],
  items: [
    { id: 'l1', kind: 'video', teaches: [{ competency: 'vn-757-2025:0.1', level: 2 }] },
    { id: 'q1', kind: 'quiz-item', assesses: [{ competency: 'vn-757-2025:0.1', level: 2 }, { competency: 'digcomp-2.2:4.2', level: 3 }] },
  ],
};

describe('validateMapping', () => {
  it('accepts a well-formed mapping and returns it typed', () => {
    const r = validateMapping(good, defaultCatalog);
    expect(r).toMatchObject({ valid: true, errors: [], warnings: [] });
    expect(r.mapping).toBe(good);
  });

  it('accepts a mapping without pinned frameworks (current versions are used)', () => {
    const { frameworks: _ignored, ...unpinned } = good;
    expect(validateMapping(unpinned, defaultCatalog).valid).toBe(true);
  });

  it('reports unknown frameworks, versions and competencies, and levels out of range, with paths', () => {
    const r = validateMapping(
      {
        courseId: 'c',
        frameworks: [{ id: 'vn-757-2025', version: '0.9.0' }, { id: 'ghost', version: '1.0.0' }],
        items: [
          {
            id: 'a',
            teaches: [
              { competency: 'digcomp-2.2:9.9', level: 1 },
              { competency: 'digcomp-2.2:1.1', level: 9 },
              { competency: 'digcomp-2.2:1.1', level: 1.5 },
              { competency: 'nowhere:1.1', level: 1 },
              { competency: 'vn-757-2025:0.1', level: 1 },
              { competency: 'ghost:1', level: 1 },
              { competency: 'digcomp 2.2 1.1', level: 1 },
            ],
          },
        ],
      },
      defaultCatalog,
    );
    expect(r.valid).toBe(false);
    expect(r.mapping).toBeUndefined();
    expect(r.errors.map((e) => [e.path, e.code])).toEqual([
      ['frameworks[0].version', 'unknown-version'],
      ['frameworks[1].id', 'unknown-framework'],
      ['items[0].teaches[0].competency', 'unknown-competency'],
      ['items[0].teaches[1].level', 'level-out-of-range'],
      ['items[0].teaches[2].level', 'level-out-of-range'],
      ['items[0].teaches[3].competency', 'unknown-framework'],
      ['items[0].teaches[6].competency', 'invalid-ref'],
    ]);
    const outOfRange = r.errors[3];
    expect(outOfRange?.params).toEqual({ frameworkId: 'digcomp-2.2', level: 9, max: 8 });
    expect(outOfRange?.text.vi).toBe('Mức 9 nằm ngoài thang 1–8 của khung "digcomp-2.2".');
    expect(outOfRange?.message).toBe(outOfRange?.text.en);
  });

  it('reports structural problems and duplicate items', () => {
    expect(validateMapping(null, defaultCatalog).errors.map((e) => e.code)).toEqual(['invalid-shape']);
    expect(validateMapping([], defaultCatalog).valid).toBe(false);
    const r = validateMapping(
      {
        courseId: '',
        courseVersion: 3,
        frameworks: {},
        items: [
          'x',
          { id: 'a', kind: 1, teaches: 'nope' },
          { id: 'a', assesses: [null, { competency: 7, level: 'high' }] },
          { teaches: [] },
        ],
      },
      defaultCatalog,
    );
    expect(r.errors.map((e) => `${e.path} ${e.code}`)).toEqual([
      'courseId invalid-shape',
      'courseVersion invalid-shape',
      'frameworks invalid-shape',
      'items[0] invalid-shape',
      'items[1].kind invalid-shape',
      'items[1].teaches invalid-shape',
      'items[2].id duplicate-item',
      'items[2].assesses[0] invalid-shape',
      'items[2].assesses[1].competency invalid-shape',
      'items[2].assesses[1].level invalid-shape',
      'items[3].id invalid-shape',
    ]);
    expect(validateMapping({ courseId: 'c', items: {} }, defaultCatalog).errors[0]?.path).toBe('items');
    expect(validateMapping({ courseId: 'c', items: [], frameworks: [{ id: 1 }] }, defaultCatalog).errors[0]?.path).toBe('frameworks[0]');
  });

  describe('deprecated versions', () => {
    const v1: Framework = { ...VN_757_2025, status: 'deprecated', supersededBy: '2.0.0' };
    const v2: Framework = {
      ...VN_757_2025,
      version: '2.0.0',
      areas: VN_757_2025.areas.map((a) =>
        a.code !== '4' ? a : { ...a, competencies: a.competencies.map((c) => (c.code === '4.2' ? { ...c, code: '4.5', replaces: ['4.2'] } : c)) },
      ),
      levels: VN_757_2025.levels.slice(0, 2),
    };
    const catalog = createCatalog({ frameworks: [v1, v2, DIGCOMP_2_2] });
    const old: CourseMapping = {
      courseId: 'c',
      frameworks: [{ id: 'vn-757-2025', version: '1.0.0' }, { id: 'digcomp-2.2', version: '2.2.0' }],
      items: [
        {
          id: 'a',
          teaches: [{ competency: 'vn-757-2025:4.2', level: 1 }, { competency: 'vn-757-2025:0.1', level: 3 }],
          assesses: [{ competency: 'digcomp-2.2:1.1', level: 2 }],
        },
      ],
    };

    it('warns by default and fails with deprecatedAsError', () => {
      const r = validateMapping(old, catalog);
      expect(r.valid).toBe(true);
      expect(r.warnings.map((w) => [w.path, w.code, w.params['replacement']])).toEqual([['frameworks[0].version', 'deprecated-version', '2.0.0']]);
      const strict = validateMapping(old, catalog, { deprecatedAsError: true });
      expect(strict.valid).toBe(false);
      expect(strict.errors[0]?.code).toBe('deprecated-version');
    });

    it('checks codes against the pinned version, not the newest', () => {
      const current = { ...old, frameworks: [{ id: 'vn-757-2025', version: '2.0.0' }] };
      expect(validateMapping(current, catalog).errors.map((e) => e.code)).toEqual(['unknown-competency', 'level-out-of-range']);
    });

    it('upgradeMapping moves pins, renames replaced codes and lists what cannot move', () => {
      const r = upgradeMapping(old, catalog);
      expect(r.mapping.frameworks).toEqual([{ id: 'vn-757-2025', version: '2.0.0' }, { id: 'digcomp-2.2', version: '2.2.0' }]);
      expect(r.changes).toEqual([
        { path: 'frameworks[0].version', from: '1.0.0', to: '2.0.0' },
        { path: 'items[0].teaches[0].competency', from: 'vn-757-2025:4.2', to: 'vn-757-2025:4.5' },
      ]);
      expect(r.unresolved).toEqual([{ path: 'items[0].teaches[1].level', competency: 'vn-757-2025:0.1', reason: 'level-out-of-range' }]);
      expect(r.mapping.items[0]?.assesses).toEqual([{ competency: 'digcomp-2.2:1.1', level: 2 }]);
      // a code removed without replacement cannot move
      const gone = upgradeMapping({ ...old, items: [{ id: 'b', teaches: [{ competency: 'vn-757-2025:9.9', level: 1 }] }] }, catalog);
      expect(gone.unresolved).toEqual([{ path: 'items[0].teaches[0].competency', competency: 'vn-757-2025:9.9', reason: 'unknown-competency' }]);
      // nothing to do on current versions
      expect(upgradeMapping(good, defaultCatalog).changes).toEqual([]);
    });
  });

  it('accepts any mapping of existing codes at in-range levels, and flags any out-of-range level (property)', () => {
    const all = defaultCatalog.frameworks.flatMap((fw) => competenciesOf(fw).map((c) => ({ ref: c.ref, max: fw.levels.length })));
    const target = fc.constantFrom(...all).chain((c) =>
      fc.record({ competency: fc.constant<CompetencyRef>(c.ref), level: fc.integer({ min: 1, max: c.max }) }),
    );
    const item = fc.record({ teaches: fc.array(target, { maxLength: 4 }), assesses: fc.array(target, { maxLength: 4 }) });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 9, max: 100 }), (items, which, badLevel) => {
        const mapping: CourseMapping = { courseId: 'p', items: items.map((it, i) => ({ id: `i${i}`, ...it })) };
        expect(validateMapping(mapping, defaultCatalog).valid).toBe(true);
        const k = which % items.length;
        const broken: CourseMapping = {
          ...mapping,
          items: mapping.items.map((it, i) =>
            i === k ? { ...it, teaches: [...(it.teaches ?? []), { competency: 'digcomp-2.2:1.1', level: badLevel }] } : it,
          ),
        };
        const r = validateMapping(broken, defaultCatalog);
        expect(r.valid).toBe(false);
        expect(r.errors.map((e) => e.code)).toEqual(['level-out-of-range']);
        expect(r.errors[0]?.path).toBe(`items[${k}].teaches[${(items[k]?.teaches.length ?? 0)}].level`);
      }),
    );
  });
});
