/**
 * An open-loop load generator: requests leave at a constant rate whatever the server's answers, over at
 * most `connections` keep-alive connections, and each latency is counted from the moment its request
 * was due (as wrk2 does), so a server that falls behind shows it in the percentiles instead of slowing
 * the generator down ("coordinated omission").
 *
 * autocannon's `overallRate` is not that: each connection sends its share of a second back to back
 * when the second starts, so 200 connections make one burst per second and the latency measured is
 * the burst's queue.
 */
import { Agent, request } from 'node:http';

export interface OpenLoopRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface OpenLoopResult {
  /** Answered requests per second, from the first request to the last answer. */
  requestsPerSec: number;
  /** From the first request to the last answer (longer than the sending window when the server fell behind). */
  elapsedSec: number;
  sent: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Requests not answered: connection errors and timeouts. */
  errors: number;
  non2xx: number;
}

export async function openLoop(options: {
  port: number;
  host?: string;
  connections: number;
  ratePerSec: number;
  durationSec: number;
  timeoutMs?: number;
  next: () => OpenLoopRequest;
}): Promise<OpenLoopResult> {
  const { port, connections, ratePerSec, durationSec } = options;
  const host = options.host ?? '127.0.0.1';
  const timeoutMs = options.timeoutMs ?? 10_000;
  const agent = new Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  const latencies: number[] = [];
  let non2xx = 0;
  let sent = 0;
  let outstanding = 0;
  let lastAnswer = 0;
  const trace: [number, number][] | undefined = process.env.BENCH_LATENCY_TRACE ? [] : undefined;
  const started = performance.now();
  const total = Math.floor(ratePerSec * durationSec);

  const send = (dueAt: number) => {
    const r = options.next();
    outstanding++;
    const req = request({ host, port, method: r.method, path: r.path, headers: r.body === undefined ? r.headers : { ...r.headers, 'content-length': String(Buffer.byteLength(r.body)) }, agent, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => {
        outstanding--;
        lastAnswer = performance.now();
        latencies.push(lastAnswer - dueAt);
        if (trace) trace.push([dueAt - started, lastAnswer - dueAt]);
        if (!res.statusCode || res.statusCode < 200 || res.statusCode >= 300) non2xx++;
      });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => outstanding--);
    req.end(r.body);
  };

  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      // Every request whose time has come, each with its own due time.
      while (sent < total && started + (sent * 1000) / ratePerSec <= now) {
        send(started + (sent * 1000) / ratePerSec);
        sent++;
      }
      if (sent >= total) return resolve();
      setTimeout(tick, 1);
    };
    tick();
  });
  const sendingEnded = performance.now();
  const deadline = sendingEnded + timeoutMs + 1000;
  while (outstanding > 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  agent.destroy();

  if (trace) {
    // Per 100 ms of due time: requests and the slowest; printed where something took over 100 ms.
    const slots = new Map<number, { n: number; max: number }>();
    for (const [at, ms] of trace) {
      const slot = slots.get(Math.floor(at / 100)) ?? { n: 0, max: 0 };
      slot.n++;
      slot.max = Math.max(slot.max, ms);
      slots.set(Math.floor(at / 100), slot);
    }
    const slow = [...slots].filter(([, v]) => v.max > 100).map(([k, v]) => `${(k / 10).toFixed(1)}s:${v.max.toFixed(0)}ms`);
    console.log(`  slow 100-ms slots (${slow.length} of ${slots.size}): ${slow.join(' ')}`);
  }
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => (latencies.length === 0 ? NaN : latencies[Math.min(latencies.length - 1, Math.floor((latencies.length * p) / 100))]!);
  const elapsedSec = (Math.max(lastAnswer, sendingEnded) - started) / 1000;
  return {
    requestsPerSec: latencies.length / Math.max(elapsedSec, 1e-9),
    elapsedSec,
    sent,
    p50: round(pct(50)),
    p90: round(pct(90)),
    p99: round(pct(99)),
    max: round(latencies.at(-1) ?? NaN),
    errors: sent - latencies.length, // refused, reset, timed out or never answered
    non2xx,
  };
}

const round = (ms: number) => Math.round(ms * 10) / 10;
