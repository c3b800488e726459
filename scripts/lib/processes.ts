import { spawn, type ChildProcess } from 'node:child_process';

const LEVELS: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

/** Prints a child's JSON log lines as short readable lines (set LOG_FORMAT=json to keep the raw JSON). */
function relay(prefix: string, chunk: Buffer, out: NodeJS.WriteStream): void {
  for (const line of chunk.toString().split('\n')) {
    if (!line.trim()) continue;
    if (process.env.LOG_FORMAT === 'json') {
      out.write(`${line}\n`);
      continue;
    }
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string; context?: string; err?: { stack?: string }; req?: { method?: string; url?: string }; res?: { statusCode?: number } };
      const level = LEVELS[entry.level ?? 30] ?? 'info';
      // Per-request lines and Nest's module wiring are noise on a terminal.
      if (entry.req || entry.res || (level === 'info' && ['InstanceLoader', 'RoutesResolver', 'RouterExplorer'].includes(entry.context ?? ''))) continue;
      const context = entry.context ? `${entry.context}: ` : '';
      out.write(`[${prefix}] ${level === 'info' ? '' : `${level.toUpperCase()} `}${context}${entry.msg ?? ''}${entry.err?.stack ? `\n${entry.err.stack}` : ''}\n`);
    } catch {
      out.write(`[${prefix}] ${line}\n`);
    }
  }
}

export interface Child {
  name: string;
  process: ChildProcess;
  exited: Promise<number | null>;
}

export function startChild(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Child {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => relay(name, chunk, process.stdout));
  child.stderr?.on('data', (chunk: Buffer) => relay(name, chunk, process.stderr));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { name, process: child, exited };
}

/** SIGTERM, then SIGKILL after a grace period. */
export async function stopChild(child: Child, graceMs = 10_000): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), graceMs);
  await child.exited;
  clearTimeout(timer);
}

export async function waitForHttp(url: string, timeoutMs: number, isAlive: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`stopped before ${url} answered`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}
