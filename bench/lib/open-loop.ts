/**
 * An open-loop load generator: requests leave at a constant rate whatever the server's answers, over at
 * most `connections` keep-alive connections, and each latency is counted from the moment its request
 * was due (as wrk2 does), so a server that falls behind shows it in the percentiles instead of slowing
 * the generator down ("coordinated omission").
 *
 * autocannon's `overallRate` is not that: each connection sends its share of a second back to back
 * when the second starts, so 200 connections make one burst per second and the latency measured is
 * the burst's queue.
 *
 * It speaks HTTP/1.1 on plain sockets (one request at a time per connection, answers framed by
 * Content-Length or chunked): it shares the CPUs with the server it measures, and Node's HTTP client
 * took about twice its CPU per request — CPU taken from the server, and delay in its own event loop
 * counted as the server's latency.
 */
import { connect, type Socket } from 'node:net';

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

const HEADER_END = Buffer.from('\r\n\r\n');
/** The last chunk of a chunked body, with the line end before it. */
const CHUNKED_END = Buffer.from('\n0\r\n\r\n');

/** One keep-alive connection carrying one request at a time. */
class Connection {
  private socket: Socket | undefined;
  private received: Buffer[] = [];
  private receivedBytes = 0;
  /** When the request in flight was due (performance.now()), undefined when idle. */
  dueAt: number | undefined;

  /** Set by the run using the connection. */
  onAnswer: (connection: Connection, dueAt: number, status: number) => void = () => undefined;
  onFailure: (connection: Connection, dueAt: number) => void = () => undefined;

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  send(dueAt: number, raw: string): void {
    this.dueAt = dueAt;
    this.received = [];
    this.receivedBytes = 0;
    if (!this.socket || this.socket.destroyed) this.open();
    this.socket!.write(raw);
  }

  /** Gives up on the request in flight (timeout): the connection is closed and reopened on next use. */
  abandon(): void {
    const due = this.dueAt;
    this.dueAt = undefined;
    this.socket?.destroy();
    this.socket = undefined;
    if (due !== undefined) this.onFailure(this, due);
  }

  close(): void {
    this.socket?.destroy();
    this.socket = undefined;
  }

  private open(): void {
    const socket = connect({ host: this.host, port: this.port, noDelay: true });
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    const fail = () => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      const due = this.dueAt;
      this.dueAt = undefined;
      if (due !== undefined) this.onFailure(this, due);
    };
    socket.on('error', fail);
    socket.on('close', fail);
  }

  private onData(chunk: Buffer): void {
    if (this.dueAt === undefined) return;
    this.received.push(chunk);
    this.receivedBytes += chunk.length;
    const all = this.received.length === 1 ? chunk : Buffer.concat(this.received, this.receivedBytes);
    this.received = [all];
    const headerEnd = all.indexOf(HEADER_END);
    if (headerEnd < 0) return;
    const head = all.toString('latin1', 0, headerEnd).toLowerCase();
    const bodyStart = headerEnd + HEADER_END.length;
    const length = /\r\ncontent-length:\s*(\d+)/.exec(head);
    let complete: boolean;
    if (length) complete = all.length - bodyStart >= Number(length[1]);
    else if (/\r\ntransfer-encoding:\s*chunked/.test(head)) complete = all.length - bodyStart >= 5 && all.subarray(all.length - CHUNKED_END.length).equals(CHUNKED_END);
    else complete = true; // no body (204, 304)
    if (!complete) return;
    const status = Number(all.toString('latin1', 9, 12));
    const due = this.dueAt;
    this.dueAt = undefined;
    this.received = [];
    this.receivedBytes = 0;
    if (/\r\nconnection:\s*close/.test(head)) this.close();
    this.onAnswer(this, due, status);
  }
}

/**
 * Keep-alive connections that outlive one run: a warm-up and the measurement after it use the same ones,
 * so the measurement does not start with 200 TCP handshakes and the server's per-connection setup.
 */
export class OpenLoopConnections {
  readonly all: Connection[];

  constructor(
    readonly host: string,
    readonly port: number,
    count: number,
  ) {
    this.all = Array.from({ length: count }, () => new Connection(host, port));
  }

  close(): void {
    for (const connection of this.all) connection.close();
  }
}

export async function openLoop(options: {
  port: number;
  host?: string;
  connections: number;
  /** Connections of an earlier run to reuse (then left open); otherwise `connections` new ones, closed at the end. */
  reuse?: OpenLoopConnections;
  ratePerSec: number;
  durationSec: number;
  timeoutMs?: number;
  next: () => OpenLoopRequest;
}): Promise<OpenLoopResult> {
  const { ratePerSec, durationSec } = options;
  const pool = options.reuse ?? new OpenLoopConnections(options.host ?? '127.0.0.1', options.port, options.connections);
  const { host, port } = pool;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  let sent = 0;
  let outstanding = 0;
  let lastAnswer = 0;
  const trace: [number, number][] | undefined = process.env.BENCH_LATENCY_TRACE ? [] : undefined;
  const started = performance.now();
  const total = Math.floor(ratePerSec * durationSec);

  const raw = (r: OpenLoopRequest): string => {
    let text = `${r.method} ${r.path} HTTP/1.1\r\nhost: ${host}:${port}\r\n`;
    for (const [name, value] of Object.entries(r.headers)) text += `${name}: ${value}\r\n`;
    if (r.body !== undefined) text += `content-length: ${Buffer.byteLength(r.body)}\r\n`;
    return `${text}\r\n${r.body ?? ''}`;
  };

  const idle: Connection[] = [];
  /** Due times of requests waiting for a free connection (all `connections` busy): they wait, their clock runs. */
  const waiting: number[] = [];
  let waitingHead = 0;
  const all = pool.all;
  const dispatch = (connection: Connection) => {
    if (waitingHead < waiting.length) connection.send(waiting[waitingHead++]!, raw(options.next()));
    else idle.push(connection);
  };
  const onAnswer = (connection: Connection, dueAt: number, status: number) => {
    outstanding--;
    lastAnswer = performance.now();
    latencies.push(lastAnswer - dueAt);
    if (trace) trace.push([dueAt - started, lastAnswer - dueAt]);
    if (status < 200 || status >= 300) non2xx++;
    dispatch(connection);
  };
  const onFailure = (connection: Connection, _dueAt: number) => {
    outstanding--;
    errors++;
    dispatch(connection);
  };
  for (const connection of all) {
    connection.onAnswer = onAnswer;
    connection.onFailure = onFailure;
    idle.push(connection);
  }

  const send = (dueAt: number) => {
    outstanding++;
    // The connection idle the longest, so each carries about rate ÷ connections requests/s (as wrk2 schedules them).
    const connection = idle.shift();
    if (connection) connection.send(dueAt, raw(options.next()));
    else waiting.push(dueAt);
  };
  const abandonLate = (now: number) => {
    for (const connection of all) if (connection.dueAt !== undefined && now - connection.dueAt > timeoutMs) connection.abandon();
  };

  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      // Every request whose time has come, each with its own due time.
      while (sent < total && started + (sent * 1000) / ratePerSec <= now) {
        send(started + (sent * 1000) / ratePerSec);
        sent++;
      }
      abandonLate(now);
      if (sent >= total) return resolve();
      setTimeout(tick, 1);
    };
    tick();
  });
  const sendingEnded = performance.now();
  const deadline = sendingEnded + timeoutMs + 1000;
  while (outstanding > 0 && performance.now() < deadline) {
    abandonLate(performance.now());
    await new Promise((r) => setTimeout(r, 10));
  }
  if (!options.reuse) pool.close();
  // Requests still waiting for a connection when the deadline passed were never answered.
  errors += waiting.length - waitingHead;

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
    errors,
    non2xx,
  };
}

const round = (ms: number) => Math.round(ms * 10) / 10;
