// The CLI's logic, without I/O: `runCli(argv, io)` returns the exit code. `cli.ts` wires it to
// the process; tests call it directly.

import { competenciesOf, findProfile, getFramework, summarizeFramework } from './catalog';
import type { Catalog } from './catalog';
import { courseCoverage } from './coverage';
import { defaultCatalog } from './default-catalog';
import { validateMapping } from './validate';
import type { ValidationIssue } from './validate';
import type { CourseMapping, LocalizedText, TargetGroupId } from './types';

export interface CliIO {
  /** Reads a UTF-8 file; throws when it cannot. */
  readonly readFile: (path: string) => string;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

export const USAGE = `Usage: hocso-curriculum <command> [options]

Commands:
  list                          frameworks with version, status and counts
  show <frameworkId>            a framework as a tree (areas → competencies, levels)
        [--version <v>]
  profiles                      required profiles of the target groups
  validate <mapping.json>       check a course mapping; exit code 1 when invalid
        [--strict]              also fail on warnings (deprecated versions)
  coverage <mapping.json>...    coverage of a course or learning path for a target group
        --group <citizens|officials|students|workers>

Options:
  --lang <vi|en>                language of names (default vi)
  --json                        machine-readable output
  -h, --help                    this help

Exit codes: 0 success, 1 invalid mapping, 2 usage or input error.`;

interface Parsed {
  readonly positional: string[];
  readonly flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set(['--version', '--lang', '--group']);

function parseArgs(argv: readonly string[]): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a.startsWith('-')) {
      const eq = a.indexOf('=');
      if (eq > 0) flags.set(a.slice(0, eq), a.slice(eq + 1));
      else if (VALUE_FLAGS.has(a)) {
        flags.set(a, argv[i + 1] ?? '');
        i++;
      } else flags.set(a, true);
    } else positional.push(a);
  }
  return { positional, flags };
}

const TARGET_GROUP_IDS: readonly TargetGroupId[] = ['citizens', 'officials', 'students', 'workers'];

/** Runs the CLI. `argv` excludes `node` and the script path. Returns the exit code. */
export function runCli(argv: readonly string[], io: CliIO, catalog: Catalog = defaultCatalog): number {
  const { positional, flags } = parseArgs(argv);
  const [command, ...args] = positional;
  const json = flags.has('--json');
  const langFlag = flags.get('--lang');
  const lang: keyof LocalizedText = langFlag === 'en' ? 'en' : 'vi';
  if (langFlag !== undefined && langFlag !== 'en' && langFlag !== 'vi') {
    io.err(`--lang must be vi or en`);
    return 2;
  }
  if (flags.has('-h') || flags.has('--help') || command === 'help') {
    io.out(USAGE);
    return 0;
  }
  const print = (value: unknown): void => io.out(JSON.stringify(value, null, 2));

  switch (command) {
    case 'list': {
      const rows = catalog.frameworks.map(summarizeFramework);
      if (json) {
        print(rows);
        return 0;
      }
      io.out(table(
        ['id', 'version', 'status', 'areas', 'competencies', 'levels', 'data', 'name'],
        rows.map((r) => [r.id, r.version, r.status, String(r.areas), String(r.competencies), String(r.levels), r.verification, r.name[lang]]),
      ));
      return 0;
    }
    case 'show': {
      const id = args[0];
      if (!id) {
        io.err('show: missing <frameworkId>\n\n' + USAGE);
        return 2;
      }
      const version = flags.get('--version');
      const fw = getFramework(catalog, id, typeof version === 'string' ? version : undefined);
      if (!fw) {
        const known = [...catalog.versions.keys()].join(', ');
        io.err(`show: unknown framework ${id}${typeof version === 'string' ? ` version ${version}` : ''} (known: ${known})`);
        return 2;
      }
      if (json) {
        print(fw);
        return 0;
      }
      const lines: string[] = [];
      lines.push(`${fw.id} ${fw.version} — ${fw.name[lang]} [${fw.status}; data: ${fw.verification}]`);
      lines.push(`${fw.source.reference} (${fw.source.issued}) — ${fw.source.issuer[lang]}`);
      lines.push(`Levels: ${fw.levels.map((l) => `${l.level}=${l.code} ${l.name[lang]}`).join(' · ')}`);
      for (const area of fw.areas) {
        lines.push(`${area.code}  ${area.name[lang]}`);
        for (const c of competenciesOf(fw).filter((e) => e.area === area)) {
          lines.push(`    ${c.competency.code.padEnd(5)} ${c.competency.name[lang]}${c.verification !== 'official' ? ` [${c.verification}]` : ''}`);
        }
      }
      if (fw.notes.length > 0) {
        lines.push('Notes:');
        for (const n of fw.notes) lines.push(`  - ${n}`);
      }
      io.out(lines.join('\n'));
      return 0;
    }
    case 'profiles': {
      if (json) {
        print(catalog.profiles);
        return 0;
      }
      for (const p of catalog.profiles) {
        io.out(`${p.id} ${p.version} (${p.targetGroup}; ${p.framework.id} ${p.framework.version}; data: ${p.verification})`);
        io.out(`    ${p.requirements.map((r) => `${r.competency.slice(p.framework.id.length + 1)}≥${r.minLevel}`).join('  ')}`);
      }
      return 0;
    }
    case 'validate': {
      const file = args[0];
      if (!file) {
        io.err('validate: missing <mapping.json>\n\n' + USAGE);
        return 2;
      }
      const loaded = load(file, io);
      if (!loaded.ok) return 2;
      const result = validateMapping(loaded.value, catalog, { deprecatedAsError: flags.has('--strict') });
      if (json) {
        print({ file, valid: result.valid, errors: result.errors, warnings: result.warnings });
      } else {
        for (const e of result.errors) io.err(formatIssue(e, lang));
        for (const w of result.warnings) io.err(formatIssue(w, lang));
        const items = result.mapping?.items.length ?? 0;
        if (result.valid) io.out(`OK ${file}: ${items} item(s), ${result.warnings.length} warning(s)`);
        else io.err(`INVALID ${file}: ${result.errors.length} error(s), ${result.warnings.length} warning(s)`);
      }
      return result.valid ? 0 : 1;
    }
    case 'coverage': {
      const group = flags.get('--group');
      if (args.length === 0 || typeof group !== 'string' || !isTargetGroup(group)) {
        io.err(`coverage: needs <mapping.json>... and --group ${TARGET_GROUP_IDS.join('|')}\n\n${USAGE}`);
        return 2;
      }
      const profile = findProfile(catalog, group);
      if (!profile) {
        io.err(`coverage: no profile for ${group}`);
        return 2;
      }
      const mappings: CourseMapping[] = [];
      for (const file of args) {
        const loaded = load(file, io);
        if (!loaded.ok) return 2;
        const v = validateMapping(loaded.value, catalog);
        if (!v.mapping) {
          for (const e of v.errors) io.err(`${file}: ${formatIssue(e, lang)}`);
          return 1;
        }
        mappings.push(v.mapping);
      }
      const report = courseCoverage(mappings, profile, catalog);
      if (json) {
        print(report);
        return 0;
      }
      io.out(`${profile.id} ${profile.version}: ${report.assessed.length}/${profile.requirements.length} assessed, ${report.taught.length} taught, ${report.missing.length} missing${report.complete ? ' — complete' : ''}`);
      for (const r of report.requirements) {
        io.out(`  ${r.status.padEnd(8)} ${r.competency.padEnd(16)} ≥${r.required}  taught ${r.taughtLevel}  assessed ${r.assessedLevel}${r.status !== 'assessed' ? `  ${r.text[lang]}` : ''}`);
      }
      for (const u of report.untranslated) io.out(`  not counted: ${u.courseId}/${u.itemId} ${u.competency} — ${u.message.text[lang]}`);
      return 0;
    }
    case undefined:
      io.out(USAGE);
      return 0;
    default:
      io.err(`unknown command: ${command}\n\n${USAGE}`);
      return 2;
  }
}

function isTargetGroup(value: string): value is TargetGroupId {
  return (TARGET_GROUP_IDS as readonly string[]).includes(value);
}

function load(file: string, io: CliIO): { ok: true; value: unknown } | { ok: false } {
  let text: string;
  try {
    text = io.readFile(file);
  } catch (e) {
    io.err(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
    return { ok: false };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    io.err(`${file} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
    return { ok: false };
  }
}

function formatIssue(issue: ValidationIssue, lang: keyof LocalizedText): string {
  return `${issue.severity.padEnd(7)} ${(issue.path || '(root)').padEnd(32)} ${issue.code.padEnd(20)} ${issue.text[lang]}`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}
