import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { USAGE, runCli } from './cli-core';
import { PROFILE_CITIZENS } from './profiles/vn-757-2025';

function run(argv: string[], files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, {
    readFile: (path) => {
      const content = files[path];
      if (content === undefined) throw new Error(`ENOENT: ${path}`);
      return content;
    },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const valid = JSON.stringify({
  courseId: 'c1',
  items: [
    { id: 'l1', teaches: [{ competency: 'vn-757-2025:0.1', level: 2 }] },
    { id: 'q1', assesses: [{ competency: 'digcomp-2.2:4.2', level: 2 }] },
  ],
});
const invalid = JSON.stringify({
  courseId: 'c2',
  items: [{ id: 'q', assesses: [{ competency: 'digcomp-2.2:9.9', level: 1 }, { competency: 'vn-757-2025:0.1', level: 7 }] }],
});

describe('runCli', () => {
  it('prints usage for help and no command', () => {
    expect(run(['--help'])).toEqual({ code: 0, out: USAGE, err: '' });
    expect(run([]).out).toBe(USAGE);
    expect(run(['help']).code).toBe(0);
  });

  it('lists frameworks with version, status and counts', () => {
    const r = run(['list']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^id\s+version\s+status\s+areas\s+competencies\s+levels\s+data\s+name$/);
    expect(lines.find((l) => l.startsWith('digcomp-2.2'))).toMatch(/^digcomp-2\.2\s+2\.2\.0\s+active\s+5\s+21\s+8\s+official\s+Khung năng lực số/);
    expect(lines.find((l) => l.startsWith('vn-moet-learners-2025'))).toMatch(/\s6\s+24\s+8\s/);
    const json = JSON.parse(run(['list', '--json', '--lang', 'en']).out) as { id: string }[];
    expect(json.map((f) => f.id)).toEqual(['vn-757-2025', 'digcomp-2.2', 'vn-moet-learners-2025']);
    expect(run(['list', '--lang=fr'])).toMatchObject({ code: 2, err: '--lang must be vi or en' });
  });

  it('shows a framework as a tree', () => {
    const r = run(['show', 'vn-757-2025', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('vn-757-2025 1.0.0 — Basic digital knowledge and skills framework');
    expect(r.out).toContain('0  Using devices and the software on them');
    expect(r.out).toMatch(/\n {4}0\.1 {3}Using devices \[secondary\]/);
    expect(r.out).toMatch(/\n {4}2\.3 {3}Taking part in society through digital services \[provisional\]/);
    expect(r.out).toContain('Notes:');
    expect(run(['show', 'digcomp-2.2']).out).toContain('    2.5   Nghi thức mạng\n');
    expect(JSON.parse(run(['show', 'digcomp-2.2', '--json']).out)).toMatchObject({ id: 'digcomp-2.2', version: '2.2.0' });
    expect(run(['show', 'digcomp-2.2', '--version', '2.2.0']).code).toBe(0);
    expect(run(['show', 'digcomp-2.2', '--version', '1.0'])).toMatchObject({ code: 2 });
    expect(run(['show', 'nope']).err).toContain('unknown framework nope (known: vn-757-2025, digcomp-2.2, vn-moet-learners-2025)');
    expect(run(['show']).code).toBe(2);
  });

  it('lists the profiles', () => {
    const r = run(['profiles']);
    expect(r.out).toContain('vn-757-2025/citizens 1.0.0 (citizens; vn-757-2025 1.0.0; data: provisional)');
    expect(r.out).toContain('0.1≥2');
    expect(JSON.parse(run(['profiles', '--json']).out)).toHaveLength(4);
  });

  it('validates a mapping file: 0 when valid, 1 with readable errors when invalid', () => {
    const ok = run(['validate', 'ok.json'], { 'ok.json': valid });
    expect(ok).toEqual({ code: 0, out: 'OK ok.json: 2 item(s), 0 warning(s)', err: '' });
    const bad = run(['validate', 'bad.json', '--lang', 'en'], { 'bad.json': invalid });
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('items[0].assesses[0].competency');
    expect(bad.err).toContain('unknown-competency');
    expect(bad.err).toContain('Framework "digcomp-2.2" version 2.2.0 has no competency 9.9.');
    expect(bad.err).toContain('Level 7 is outside the 1–3 scale of framework "vn-757-2025".');
    expect(bad.err).toContain('INVALID bad.json: 2 error(s), 0 warning(s)');
    const json = JSON.parse(run(['validate', 'bad.json', '--json'], { 'bad.json': invalid }).out) as { valid: boolean; errors: { code: string }[] };
    expect(json.valid).toBe(false);
    expect(json.errors.map((e) => e.code)).toEqual(['unknown-competency', 'level-out-of-range']);
  });

  it('reports unreadable or non-JSON files and missing arguments with exit code 2', () => {
    expect(run(['validate', 'missing.json'])).toMatchObject({ code: 2, err: 'cannot read missing.json: ENOENT: missing.json' });
    expect(run(['validate', 'x.json'], { 'x.json': '{oops' }).err).toMatch(/^x\.json is not valid JSON/);
    expect(run(['validate']).code).toBe(2);
    expect(run(['frobnicate']).err).toMatch(/^unknown command: frobnicate/);
  });

  it('computes the coverage of a learning path for a target group', () => {
    const full = JSON.stringify({
      courseId: 'full',
      items: PROFILE_CITIZENS.requirements.map((r, i) => {
        const target = { competency: r.competency, level: r.minLevel };
        return { id: `i${i}`, teaches: [target], assesses: [target] };
      }),
    });
    const r = run(['coverage', 'a.json', 'full.json', '--group', 'citizens'], { 'a.json': valid, 'full.json': full });
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('vn-757-2025/citizens 1.0.0: 9/9 assessed, 9 taught, 0 missing — complete');
    const partial = run(['coverage', 'a.json', '--group=citizens', '--lang', 'en'], { 'a.json': valid });
    expect(partial.out).toContain('taught   vn-757-2025:0.1  ≥2  taught 2  assessed 0  vn-757-2025:0.1 is taught but not assessed at level 2.');
    expect(partial.out).toContain('assessed vn-757-2025:4.2  ≥2  taught 0  assessed 2');
    expect(JSON.parse(run(['coverage', 'a.json', '--group', 'citizens', '--json'], { 'a.json': valid }).out)).toMatchObject({ complete: false });
    expect(run(['coverage', 'a.json'], { 'a.json': valid }).code).toBe(2);
    expect(run(['coverage', 'a.json', '--group', 'aliens'], { 'a.json': valid }).code).toBe(2);
    expect(run(['coverage', 'b.json', '--group', 'citizens'], { 'b.json': invalid }).code).toBe(1);
    expect(run(['coverage', 'nope.json', '--group', 'citizens']).code).toBe(2);
  });
});

// The built CLI (after `npm run build -w libs/curriculum`); skipped when dist/ is absent.
const built = join(__dirname, '..', 'dist', 'cli.js');
(existsSync(built) ? describe : describe.skip)('dist/cli.js', () => {
  it('runs as a node script with exit codes', () => {
    expect(execFileSync(process.execPath, [built, 'list'], { encoding: 'utf8' })).toContain('digcomp-2.2');
    const dir = mkdtempSync(join(tmpdir(), 'hocso-cli-'));
    try {
      const file = join(dir, 'bad.json');
      writeFileSync(file, invalid);
      let status = 0;
      try {
        execFileSync(process.execPath, [built, 'validate', file], { encoding: 'utf8', stdio: 'pipe' });
      } catch (e) {
        status = (e as { status: number }).status;
      }
      expect(status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
