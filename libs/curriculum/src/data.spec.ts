import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  CatalogError,
  checkCatalog,
  competenciesOf,
  createCatalog,
  findCompetency,
  findProfile,
  getFramework,
  maxLevel,
  summarizeFramework,
} from './catalog';
import { CROSSWALK_VN_757_DIGCOMP } from './crosswalks/vn-757-2025--digcomp-2.2';
import { CROSSWALK_VN_MOET_DIGCOMP } from './crosswalks/vn-moet-learners-2025--digcomp-2.2';
import { defaultCatalog } from './default-catalog';
import { DIGCOMP_2_2 } from './frameworks/digcomp-2.2';
import { VN_757_2025 } from './frameworks/vn-757-2025';
import { VN_MOET_LEARNERS_2025 } from './frameworks/vn-moet-learners-2025';
import { message, MESSAGE_TEMPLATES, formatTemplate } from './messages';
import { VN_757_2025_PROFILES } from './profiles/vn-757-2025';
import { AUDIENCES, TARGET_GROUPS, audience, targetGroup } from './target-groups';
import type { Crosswalk, Framework, LocalizedText } from './types';

const FRAMEWORKS: readonly Framework[] = [VN_757_2025, DIGCOMP_2_2, VN_MOET_LEARNERS_2025];

function localizedTexts(value: unknown, path = '', out: { path: string; text: LocalizedText }[] = []): typeof out {
  if (Array.isArray(value)) value.forEach((v, i) => localizedTexts(v, `${path}[${i}]`, out));
  else if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>;
    if (typeof o['vi'] === 'string' && typeof o['en'] === 'string' && Object.keys(o).length === 2) {
      out.push({ path, text: { vi: o['vi'], en: o['en'] } });
    } else for (const k of Object.keys(o)) localizedTexts(o[k], `${path}.${k}`, out);
  }
  return out;
}

describe('framework data', () => {
  it('is a sound catalog', () => {
    expect(
      checkCatalog({
        frameworks: FRAMEWORKS,
        crosswalks: [CROSSWALK_VN_757_DIGCOMP, CROSSWALK_VN_MOET_DIGCOMP],
        profiles: VN_757_2025_PROFILES,
      }),
    ).toEqual([]);
    expect(defaultCatalog.frameworks).toHaveLength(3);
  });

  it('has DigComp 2.2 with its exact 5 areas, 21 competences and 8 levels', () => {
    expect(summarizeFramework(DIGCOMP_2_2)).toMatchObject({ id: 'digcomp-2.2', version: '2.2.0', areas: 5, competencies: 21, levels: 8 });
    expect(DIGCOMP_2_2.areas.map((a) => a.name.en)).toEqual([
      'Information and data literacy',
      'Communication and collaboration',
      'Digital content creation',
      'Safety',
      'Problem solving',
    ]);
    expect(competenciesOf(DIGCOMP_2_2).map((c) => `${c.competency.code} ${c.competency.name.en}`)).toEqual([
      '1.1 Browsing, searching and filtering data, information and digital content',
      '1.2 Evaluating data, information and digital content',
      '1.3 Managing data, information and digital content',
      '2.1 Interacting through digital technologies',
      '2.2 Sharing through digital technologies',
      '2.3 Engaging citizenship through digital technologies',
      '2.4 Collaborating through digital technologies',
      '2.5 Netiquette',
      '2.6 Managing digital identity',
      '3.1 Developing digital content',
      '3.2 Integrating and re-elaborating digital content',
      '3.3 Copyright and licences',
      '3.4 Programming',
      '4.1 Protecting devices',
      '4.2 Protecting personal data and privacy',
      '4.3 Protecting health and well-being',
      '4.4 Protecting the environment',
      '5.1 Solving technical problems',
      '5.2 Identifying needs and technological responses',
      '5.3 Creatively using digital technologies',
      '5.4 Identifying digital competence gaps',
    ]);
    expect(DIGCOMP_2_2.levels.map((l) => l.band?.en)).toEqual([
      'Foundation', 'Foundation', 'Intermediate', 'Intermediate', 'Advanced', 'Advanced', 'Highly specialised', 'Highly specialised',
    ]);
  });

  it('has the MOET learners framework with 6 domains (AI included), 24 components, 4 stages in 8 levels', () => {
    expect(summarizeFramework(VN_MOET_LEARNERS_2025)).toMatchObject({ areas: 6, competencies: 24, levels: 8 });
    const ai = VN_MOET_LEARNERS_2025.areas.find((a) => a.code === '6');
    expect(ai?.name.vi).toBe('Ứng dụng trí tuệ nhân tạo');
    expect(new Set(VN_MOET_LEARNERS_2025.levels.map((l) => l.band?.vi))).toEqual(new Set(['Cơ bản', 'Trung cấp', 'Nâng cao', 'Chuyên sâu']));
    expect(VN_MOET_LEARNERS_2025.source.reference).toBe('02/2025/TT-BGDĐT');
  });

  it('has the national 757 framework with its verified groups 0–1 and its four target groups', () => {
    expect(VN_757_2025.source.reference).toBe('757/QĐ-BKHCN');
    expect(VN_757_2025.targetGroups).toEqual(['citizens', 'officials', 'students', 'workers']);
    const secondary = competenciesOf(VN_757_2025).filter((c) => c.verification === 'secondary').map((c) => c.competency.code);
    expect(secondary).toEqual(['0.1', '0.2', '1.1', '1.2', '1.3']);
    expect(findCompetency(defaultCatalog, 'vn-757-2025:1.1')?.competency.name.vi).toBe('Tìm kiếm và lựa chọn thông tin trên Internet');
  });

  it('says what is not verified in notes wherever data is not official', () => {
    for (const fw of FRAMEWORKS) {
      expect(fw.notes.length).toBeGreaterThan(0);
      const nonOfficial = competenciesOf(fw).some((c) => c.verification !== 'official') || fw.verification !== 'official';
      if (nonOfficial) expect(fw.notes.join(' ')).toMatch(/[Nn]ot verified/);
    }
    for (const p of VN_757_2025_PROFILES) expect(p.notes.join(' ')).toMatch(/not verified/);
  });

  it('has every name and description in Vietnamese (with diacritics) and English', () => {
    const texts = [FRAMEWORKS, TARGET_GROUPS, AUDIENCES, VN_757_2025_PROFILES].flatMap((d) => localizedTexts(d));
    expect(texts.length).toBeGreaterThan(200);
    for (const { path, text } of texts) {
      expect({ path, vi: text.vi.trim().length > 0, en: text.en.trim().length > 0 }).toEqual({ path, vi: true, en: true });
    }
    // Vietnamese names are written with diacritics (not "ky nang so")
    const names = texts.filter((t) => t.path.endsWith('.name') && t.text.vi.length > 12);
    for (const { path, text } of names) expect({ path, ok: /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i.test(text.vi) }).toEqual({ path, ok: true });
  });

  it('lists the four target groups and the audiences, with 4T pillars', () => {
    expect(TARGET_GROUPS.map((g) => g.id)).toEqual(['citizens', 'officials', 'students', 'workers']);
    expect(targetGroup('workers').name.vi).toBe('Người lao động trong doanh nghiệp');
    expect(() => targetGroup('nobody' as never)).toThrow('unknown target group');
    expect(AUDIENCES.map((a) => a.id)).toEqual(['elderly', 'disability', 'ethnic-minority', '4t-traders-farmers']);
    expect(audience('4t-traders-farmers').pillars?.map((p) => p.name.vi)).toEqual([
      'Tiểu thương', 'Thương mại điện tử', 'Thanh toán không dùng tiền mặt', 'Tiết kiệm số',
    ]);
    expect(() => audience('nobody' as never)).toThrow('unknown audience');
    for (const a of AUDIENCES) for (const ref of a.focus) expect(findCompetency(defaultCatalog, ref)).toBeDefined();
  });

  it('has one versioned profile per target group, tied to the national framework', () => {
    for (const g of TARGET_GROUPS) {
      const p = findProfile(defaultCatalog, g.id);
      expect(p?.framework).toEqual({ id: 'vn-757-2025', version: '1.0.0' });
      expect(p?.requirements.length).toBeGreaterThan(5);
    }
    expect(findProfile(defaultCatalog, 'citizens', 'digcomp-2.2')).toBeUndefined();
  });
});

describe('README', () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');

  it('shows the structure of every framework as it is in the data', () => {
    for (const fw of FRAMEWORKS) {
      for (const area of fw.areas) {
        expect(readme).toContain(`| **${area.code}** | **${area.name.vi}** | **${area.name.en}** | ${area.verification ?? fw.verification} |`);
        for (const c of area.competencies) {
          expect(readme).toContain(`| ${c.code} | ${c.name.vi} | ${c.name.en} | ${c.verification ?? fw.verification} |`);
        }
      }
    }
  });

  it('lists every profile as it is in the data', () => {
    for (const p of VN_757_2025_PROFILES) {
      const line = p.requirements.map((r) => `${r.competency.slice(p.framework.id.length + 1)}≥${r.minLevel}`).join(' ');
      expect(readme).toContain(`| \`${p.targetGroup}\` | ${line} |`);
    }
  });
});

describe('catalog look-ups', () => {
  const v1 = { ...VN_757_2025, status: 'deprecated' as const, supersededBy: '1.1.0' };
  const v11 = { ...VN_757_2025, version: '1.1.0' };
  const catalog = createCatalog({ frameworks: [v1, v11, DIGCOMP_2_2] });

  it('returns the newest active version by default, a given version on request', () => {
    expect(getFramework(catalog, 'vn-757-2025')?.version).toBe('1.1.0');
    expect(getFramework(catalog, 'vn-757-2025', '1.0.0')?.status).toBe('deprecated');
    expect(getFramework(catalog, 'vn-757-2025', '9.9.9')).toBeUndefined();
    expect(getFramework(catalog, 'nope')).toBeUndefined();
    expect(maxLevel(DIGCOMP_2_2)).toBe(8);
  });

  it('falls back to the newest deprecated version when none is active', () => {
    const onlyOld = createCatalog({ frameworks: [v1, { ...v11, status: 'deprecated', supersededBy: '1.0.0' }] });
    expect(getFramework(onlyOld, 'vn-757-2025')?.version).toBe('1.1.0');
  });

  it('finds competencies by ref', () => {
    const entry = findCompetency(catalog, 'digcomp-2.2:4.2');
    expect(entry?.area.code).toBe('4');
    expect(entry?.verification).toBe('official');
    expect(findCompetency(catalog, 'digcomp-2.2:9.9')).toBeUndefined();
    expect(findCompetency(catalog, 'nope:1.1')).toBeUndefined();
    expect(findCompetency(catalog, 'not a ref')).toBeUndefined();
  });
});

describe('checkCatalog', () => {
  const cw = (over: Partial<Crosswalk>): Crosswalk => ({ ...CROSSWALK_VN_757_DIGCOMP, ...over });
  const base = { frameworks: [VN_757_2025, DIGCOMP_2_2] };

  it('reports duplicates, bad levels and bad deprecations', () => {
    const broken: Framework = {
      ...DIGCOMP_2_2,
      id: 'broken',
      status: 'deprecated',
      levels: [DIGCOMP_2_2.levels[1] ?? DIGCOMP_2_2.levels[0]!],
      areas: [...DIGCOMP_2_2.areas, { code: 'X', name: { vi: 'x', en: 'x' }, competencies: [{ code: '1.1', name: { vi: 'x', en: 'x' } }] }],
    };
    const problems = checkCatalog({ frameworks: [DIGCOMP_2_2, DIGCOMP_2_2, broken, { ...broken, id: 'none', levels: [], status: 'active' }] });
    expect(problems).toEqual(expect.arrayContaining([
      'duplicate framework digcomp-2.2@2.2.0',
      'broken@2.2.0: levels must be numbered 1..n in order (found 2 at 1)',
      'broken@2.2.0: duplicate competency code 1.1',
      'broken@2.2.0: deprecated without supersededBy',
      'none@2.2.0: no levels',
    ]));
    expect(() => createCatalog({ frameworks: [DIGCOMP_2_2, DIGCOMP_2_2] })).toThrow(CatalogError);
    expect(checkCatalog({ frameworks: [{ ...DIGCOMP_2_2, supersededBy: '9.0.0' }] })).toEqual([
      'digcomp-2.2@2.2.0: supersededBy 9.0.0 is not in the catalog',
    ]);
  });

  it('reports crosswalk problems: missing frameworks or codes, bad or inflating level maps', () => {
    expect(checkCatalog({ frameworks: [VN_757_2025], crosswalks: [CROSSWALK_VN_757_DIGCOMP] })).toEqual([
      'vn-757-2025~digcomp-2.2: framework digcomp-2.2@2.2.0 missing',
    ]);
    const problems = checkCatalog({
      ...base,
      crosswalks: [
        cw({ levels: { forward: [1, 2], backward: [1, 2, 3, 3, 3, 3, 3, 3] } }),
        cw({ id: 'dec', levels: { forward: [2, 1, 3], backward: [1, 2, 3, 3, 3, 3, 3, 9] } }),
        cw({ id: 'inflate', levels: { forward: [2, 3, 4], backward: [1, 2, 3, 3, 3, 3, 3, 3] } }),
        cw({ id: 'codes', links: [{ from: 'vn-757-2025:9.9', to: 'digcomp-2.2:0.1', relation: 'close' }] }),
      ],
    });
    expect(problems).toEqual(expect.arrayContaining([
      'vn-757-2025~digcomp-2.2: levels.forward must have 3 entries',
      'dec: levels.forward must be non-decreasing',
      'dec: levels.backward[7] = 9 outside 0..3',
      'inflate: round trip raises level 1 to 2',
      'codes: unknown from vn-757-2025:9.9',
      'codes: unknown to digcomp-2.2:0.1',
    ]));
  });

  it('reports profile problems', () => {
    const p = VN_757_2025_PROFILES[0]!;
    const problems = checkCatalog({
      ...base,
      profiles: [
        p,
        p,
        { ...p, id: 'x', requirements: [{ competency: 'vn-757-2025:9.9', minLevel: 1 }, { competency: 'vn-757-2025:0.1', minLevel: 4 }, { competency: 'vn-757-2025:0.1', minLevel: 1 }] },
        { ...p, id: 'y', framework: { id: 'vn-757-2025', version: '0.0.1' } },
      ],
    });
    expect(problems).toEqual([
      'duplicate profile vn-757-2025/citizens@1.0.0',
      'x@1.0.0: unknown vn-757-2025:9.9',
      'x@1.0.0: vn-757-2025:0.1 minLevel 4 outside 1..3',
      'x@1.0.0: duplicate requirement vn-757-2025:0.1',
      'y@1.0.0: framework vn-757-2025@0.0.1 missing',
    ]);
  });

  it('never accepts a crosswalk whose round trip raises a level (property)', () => {
    // random non-decreasing maps between a 3-level and an 8-level scale
    const map = (n: number, max: number) =>
      fc.array(fc.integer({ min: 0, max }), { minLength: n, maxLength: n }).map((a) => [...a].sort((x, y) => x - y));
    fc.assert(fc.property(map(3, 8), map(8, 3), (forward, backward) => {
      const problems = checkCatalog({ ...base, crosswalks: [cw({ levels: { forward, backward } })] });
      const inflates =
        forward.some((to, i) => to > 0 && (backward[to - 1] ?? 0) > i + 1) ||
        backward.some((from, j) => from > 0 && (forward[from - 1] ?? 0) > j + 1);
      expect(problems.some((p) => p.includes('round trip'))).toBe(inflates);
    }));
  });
});

describe('messages', () => {
  it('fills placeholders in both languages and keeps unknown ones', () => {
    const m = message('level-too-low', { competency: 'vn-757-2025:1.1', achieved: 1, required: 2 });
    expect(m.text.vi).toBe('Năng lực vn-757-2025:1.1 mới đạt mức 1, cần mức 2.');
    expect(m.text.en).toBe('vn-757-2025:1.1 is at level 1; level 2 is required.');
    expect(formatTemplate('{a} {b}', { a: 1 })).toBe('1 {b}');
    expect(message('no-such-code').text).toEqual({ vi: 'no-such-code', en: 'no-such-code' });
    for (const code of Object.keys(MESSAGE_TEMPLATES)) expect(message(code).code).toBe(code);
  });
});
