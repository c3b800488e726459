/**
 * `npm run bench`: runs every benchmark of bench/ (files named *.bench.ts), one after the other,
 * each in its own process. Arguments are passed on, so settings apply to all of them; a bare word
 * picks benchmarks by name:
 *
 *   npm run bench                          all, with the defaults (10 s, 50 connections, 2 s warm-up)
 *   npm run bench -- catalog --duration=5  only bench/catalog.bench.ts, 5 s per server
 *   npm run bench -- progress --events=10,50  the progress-events endpoint (200 connections) beside a pgbench upsert baseline
 *   npm run bench -- transcode             only bench/transcode.bench.ts (60 s 720p clip to the HLS ladder)
 *   npm run bench -- province              bench/province/dashboard.bench.ts: reports dashboards on a generated 1M-learner
 *                                          province (only when named: generating it takes many minutes)
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const benchDir = __dirname;
const args = process.argv.slice(2);
const names = args.filter((a) => !a.startsWith('-'));
const flags = args.filter((a) => a.startsWith('-'));
// tsx as a loader inside one node process (not tsx's CLI, which wraps a second process and may
// SIGKILL a busy child on Ctrl-C before it has stopped its servers and dropped its database).
const tsxLoader = pathToFileURL(require.resolve('tsx')).href;

/** Benchmarks in sub-folders, run only when named (`npm run bench -- province`). */
const NAMED_ONLY = [{ name: 'province', file: 'province/dashboard.bench.ts' }];

function runOne(file: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', tsxLoader, join(benchDir, file), ...flags], { stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<void> {
  const all = [...readdirSync(benchDir).filter((f) => f.endsWith('.bench.ts')).sort(), ...NAMED_ONLY.map((b) => b.file)];
  const named = (f: string) => names.includes(f.replace(/\.bench\.ts$/, '')) || NAMED_ONLY.some((b) => b.file === f && names.includes(b.name));
  const chosen = names.length > 0 ? all.filter(named) : all.filter((f) => !NAMED_ONLY.some((b) => b.file === f));
  if (chosen.length === 0) {
    console.error(`No benchmark named ${names.join(', ')}; there are: ${[...all.filter((f) => !f.includes('/')).map((f) => f.replace(/\.bench\.ts$/, '')), ...NAMED_ONLY.map((b) => b.name)].join(', ')}`);
    process.exitCode = 1;
    return;
  }
  let failed = 0;
  for (const file of chosen) {
    console.log(`\n=== ${file} ===`);
    if ((await runOne(file)) !== 0) failed++;
  }
  if (failed > 0) process.exitCode = 1;
}

// Ctrl-C goes to the whole process group: the benchmark cleans up itself; this runner just waits for it.
process.on('SIGINT', () => undefined);
void main();
