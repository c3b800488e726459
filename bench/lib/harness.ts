/**
 * The benchmark harness: load with autocannon, peak memory of a server process, child processes
 * that are always stopped, and a table printer. Benchmarks print figures; they are not tests.
 *
 * Settings (flags win over environment variables):
 *   --duration=10     BENCH_DURATION     seconds measured per server
 *   --connections=50  BENCH_CONNECTIONS  concurrent HTTP connections (no pipelining)
 *   --warmup=2        BENCH_WARMUP       seconds of load before the measurement, not counted
 *   --rounds=1        BENCH_ROUNDS       rounds over all servers; the table shows each server's median round
 *   --only=a,b        BENCH_ONLY         run only the servers with these names
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';

export interface BenchSettings {
  durationSec: number;
  connections: number;
  warmupSec: number;
  rounds: number;
  only: string[] | undefined;
}

export function readSettings(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): BenchSettings {
  const flag = (name: string): string | undefined => {
    const prefix = `--${name}=`;
    return argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
  };
  const positive = (name: string, value: string | undefined, fallback: number, allowZero = false): number => {
    if (value === undefined || value === '') return fallback;
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0 || (!allowZero && n === 0)) throw new Error(`${name} must be a ${allowZero ? 'non-negative' : 'positive'} number, got "${value}"`);
    return n;
  };
  const only = flag('only') ?? env.BENCH_ONLY;
  return {
    durationSec: positive('duration', flag('duration') ?? env.BENCH_DURATION, 10),
    connections: Math.round(positive('connections', flag('connections') ?? env.BENCH_CONNECTIONS, 50)),
    warmupSec: positive('warmup', flag('warmup') ?? env.BENCH_WARMUP, 2, true),
    rounds: Math.max(1, Math.round(positive('rounds', flag('rounds') ?? env.BENCH_ROUNDS, 1))),
    only: only ? only.split(',').map((s) => s.trim()).filter(Boolean) : undefined,
  };
}

export interface LoadResult {
  /** Mean of the per-second request counts (2xx and others alike). */
  requestsPerSec: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  /** Connection errors and timeouts. */
  errors: number;
  /** Responses whose status was not 2xx. */
  non2xx: number;
  totalRequests: number;
}

/** Runs autocannon against one URL (GET, no pipelining) and keeps the figures that matter. */
export async function runLoad(url: string, options: { durationSec: number; connections: number }): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.durationSec,
    pipelining: 1,
    timeout: 10,
    headers: { accept: 'application/json' },
  });
  return {
    requestsPerSec: result.requests.mean,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    errors: result.errors,
    non2xx: result.non2xx,
    totalRequests: result.requests.total,
  };
}

/**
 * Peak resident memory of a process, in bytes: VmHWM ("high water mark") of /proc/<pid>/status,
 * which the Linux kernel keeps as the largest RSS the process ever had. Read it before the process
 * ends. Undefined where there is no /proc (macOS) or the process is gone.
 */
export function peakRssBytes(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status);
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Resets a process's peak resident memory (VmHWM) to its current size (`5` into /proc/<pid>/clear_refs,
 * Linux ≥ 4.0; needs the right to write there), so that {@link peakRssBytes} tells the peak of what follows.
 * False when it could not.
 */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; undefined without /proc. */
export function cpuSecondsOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds used so far by every process with this command name (e.g. `postgres`: the server and its
 * backends), counting the children they have reaped (cutime/cstime), so a backend that exited still counts.
 */
export function cpuSecondsOfCommand(command: string): number | undefined {
  try {
    let total = 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue; // exited meanwhile
      }
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== command) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / 100;
    }
    return total;
  } catch {
    return undefined;
  }
}

/** The machine's load average (1, 5, 15 minutes) and its CPU count, for the line above the figures. */
export function loadLine(): string {
  return `load average ${loadavg().map((l) => l.toFixed(2)).join(', ')} on ${cpus().length} CPU(s)`;
}

/** A port that was free a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A child process whose last output lines are kept (printed when it fails to start). */
export interface Child {
  name: string;
  process: ChildProcess;
  pid: number;
  output(): string;
  exited(): boolean;
  stop(): Promise<void>;
}

const running = new Set<Child>();

/** Starts `node <args>` (plain Node, so the pid is the server itself and its memory is its own). */
export function startNode(name: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Child {
  const proc = spawn(process.execPath, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  // BENCH_CHILD_LOG_DIR=<folder>: all of the child's output also goes to <folder>/<name>-<pid>.log (e.g. with --trace-gc).
  const logDir = process.env.BENCH_CHILD_LOG_DIR;
  const keep = (chunk: Buffer) => {
    if (logDir) appendFileSync(join(logDir, `${name.replace(/\W+/g, '-')}-${proc.pid}.log`), chunk);
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 60) lines.splice(0, lines.length - 60);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  let exitedFlag = false;
  const exit = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  void exit.then(() => (exitedFlag = true));
  if (proc.pid === undefined) throw new Error(`could not start ${name}`);
  const child: Child = {
    name,
    process: proc,
    pid: proc.pid,
    output: () => lines.join('\n'),
    exited: () => exitedFlag || proc.exitCode !== null || proc.signalCode !== null,
    stop: async () => {
      running.delete(child);
      if (child.exited()) return;
      proc.kill('SIGTERM');
      const killed = await Promise.race([exit.then(() => true), sleep(5000).then(() => false)]);
      if (!killed) {
        proc.kill('SIGKILL');
        await exit;
      }
    },
  };
  running.add(child);
  return child;
}

/** Stops every child still running (used on exit and on Ctrl-C). */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...running].map((c) => c.stop().catch(() => undefined)));
}

/** Polls a URL until `accept` says yes; fails early when the child exits, with its last output. */
export async function waitFor(
  url: string,
  child: Child | undefined,
  accept: (status: number, body: string) => boolean,
  what: string,
  timeoutMs = 90_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (child?.exited()) throw new Error(`${child.name} exited while waiting for ${what}:\n${child.output()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
      const body = await response.text();
      if (accept(response.status, body)) return body;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${what} (${last})${child ? `; last output of ${child.name}:\n${child.output()}` : ''}`);
}

/** The repository root: the nearest folder above this file whose package.json is named "hocso". */
export function repoRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'hocso') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no hocso package.json above ${from}`);
    dir = parent;
  }
}

export interface Row {
  server: string;
  load?: LoadResult;
  peakRss?: number;
  note?: string;
}

/** The run with the median requests/s (the lower middle one for an even count). */
export function medianRun(runs: LoadResult[]): LoadResult | undefined {
  const sorted = [...runs].sort((a, b) => a.requestsPerSec - b.requestsPerSec);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

const fixed = (n: number, digits: number) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

/** Prints one Markdown table (so it can be pasted into bench/README.md as it is). */
export function printTable(rows: Row[]): void {
  const header = ['server', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'errors', 'non-2xx', 'peak RSS MB'];
  const body = rows.map((r) =>
    r.load
      ? [
          r.server,
          fixed(r.load.requestsPerSec, 0),
          fixed(r.load.latencyMs.p50, 1),
          fixed(r.load.latencyMs.p90, 1),
          fixed(r.load.latencyMs.p99, 1),
          String(r.load.errors),
          String(r.load.non2xx),
          r.peakRss === undefined ? '-' : fixed(r.peakRss / 1024 / 1024, 0),
        ]
      : [r.server, `failed: ${r.note ?? 'unknown error'}`, '', '', '', '', '', ''],
  );
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(line(header));
  console.log(`| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`);
  for (const row of body) console.log(line(row));
}

/** One line about the machine, printed above the figures. */
export function machineLine(): string {
  const list = cpus();
  return `${list.length} CPU(s) ${list[0]?.model.trim() ?? ''}, Node ${process.version}, ${process.platform}/${process.arch}`;
}
