import accountEn from './locales/account.en.json';
import accountVi from './locales/account.vi.json';
import adminEn from './locales/admin.en.json';
import adminVi from './locales/admin.vi.json';
import learnEn from './locales/learn.en.json';
import learnVi from './locales/learn.vi.json';
import assessmentEn from './locales/assessment.en.json';
import assessmentVi from './locales/assessment.vi.json';
import archivesEn from './locales/archives.en.json';
import archivesVi from './locales/archives.vi.json';
import en from './locales/en.json';
import vi from './locales/vi.json';

/** The main catalogue and the parts loaded with their areas' pages: [name, vi, en]. */
const CATALOGUES: [string, object, object][] = [
  ['main', vi, en],
  ['account', accountVi, accountEn],
  ['admin', adminVi, adminEn],
  ['learn', learnVi, learnEn],
  ['assessment', assessmentVi, assessmentEn],
  ['archives', archivesVi, archivesEn],
];

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Flattened keys, with plural forms folded into their base key ("a.count_one" → "a.count"). */
function keys(catalogue: object, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = `${prefix}${key.replace(PLURAL_SUFFIX, '')}`;
    if (typeof value === 'object' && value !== null) keys(value, `${path}.`).forEach((k) => out.add(k));
    else out.add(path);
  }
  return out;
}

function leaves(catalogue: object, prefix = ''): [string, unknown][] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? leaves(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value]],
  );
}

describe.each(CATALOGUES)('translation catalogue %s', (_name, vi, en) => {
  it('en has exactly the keys of vi (the source of truth)', () => {
    expect([...keys(en)].sort()).toEqual([...keys(vi)].sort());
  });

  it('every plural key has the "other" form', () => {
    for (const catalogue of [vi, en]) {
      const plurals = leaves(catalogue).map(([k]) => k).filter((k) => PLURAL_SUFFIX.test(k));
      for (const key of plurals) expect(plurals).toContain(key.replace(PLURAL_SUFFIX, '_other'));
    }
  });

  it('has no empty strings and the same interpolation variables in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
    const viByBase = new Map(leaves(vi).map(([k, v]) => [k.replace(PLURAL_SUFFIX, ''), v]));
    for (const [key, value] of [...leaves(vi), ...leaves(en)]) {
      expect(typeof value === 'string' && value.trim().length > 0).toBe(true);
      const viValue = viByBase.get(key.replace(PLURAL_SUFFIX, ''));
      expect({ key, vars: vars(String(value)) }).toEqual({ key, vars: vars(String(viValue)) });
    }
  });
});

describe('translation parts', () => {
  it('never define the same top-level key twice (they share one namespace)', () => {
    const tops = CATALOGUES.flatMap(([, vi]) => Object.keys(vi));
    expect(tops.length).toBe(new Set(tops).size);
  });
});
