import type { CompetencyRef } from './types';

const FRAMEWORK_ID = /^[a-z0-9][a-z0-9.-]*$/;
const CODE = /^[A-Za-z0-9][A-Za-z0-9.-]*$/;

/** `competencyRef('digcomp-2.2', '1.1')` → `'digcomp-2.2:1.1'`. Throws on an invalid id or code. */
export function competencyRef(frameworkId: string, code: string): CompetencyRef {
  if (!FRAMEWORK_ID.test(frameworkId)) throw new Error(`invalid framework id: ${frameworkId}`);
  if (!CODE.test(code)) throw new Error(`invalid competency code: ${code}`);
  return `${frameworkId}:${code}`;
}

/** True for a well-formed `"<frameworkId>:<code>"` string. */
export function isCompetencyRef(value: unknown): value is CompetencyRef {
  return typeof value === 'string' && parseRef(value) !== undefined;
}

/** Splits a ref into its framework id and code; `undefined` when malformed. */
export function parseRef(ref: string): { frameworkId: string; code: string } | undefined {
  const i = ref.indexOf(':');
  if (i < 0) return undefined;
  const frameworkId = ref.slice(0, i);
  const code = ref.slice(i + 1);
  if (!FRAMEWORK_ID.test(frameworkId) || !CODE.test(code)) return undefined;
  return { frameworkId, code };
}

/** Framework id of a (well-formed) ref. */
export function frameworkIdOf(ref: CompetencyRef): string {
  return ref.slice(0, ref.indexOf(':'));
}

/** Code of a (well-formed) ref. */
export function codeOf(ref: CompetencyRef): string {
  return ref.slice(ref.indexOf(':') + 1);
}

/** Compares dotted numeric codes/versions piecewise (`1.10` after `1.9`); text parts compare as text. */
export function compareCodes(a: string, b: string): number {
  const pa = a.split(/[.-]/);
  const pb = b.split(/[.-]/);
  const n = Math.max(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = Number(x);
    const ny = Number(y);
    const c = Number.isInteger(nx) && Number.isInteger(ny) ? nx - ny : x < y ? -1 : x > y ? 1 : 0;
    if (c !== 0) return c < 0 ? -1 : 1;
  }
  return 0;
}

/** Semver-ish comparison of `major.minor.patch` versions (pre-release tags sort before release). */
export function compareVersions(a: string, b: string): number {
  const [ca = '', pa] = splitPre(a);
  const [cb = '', pb] = splitPre(b);
  const c = compareCodes(ca, cb);
  if (c !== 0) return c;
  if (pa === pb) return 0;
  if (pa === undefined) return 1;
  if (pb === undefined) return -1;
  return compareCodes(pa, pb);
}

function splitPre(v: string): [string, string | undefined] {
  const i = v.indexOf('-');
  return i < 0 ? [v, undefined] : [v.slice(0, i), v.slice(i + 1)];
}
