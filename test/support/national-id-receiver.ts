import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface ReceivedConfirmation {
  key: string;
  payload: Record<string, unknown>;
  at: string;
}

export interface ReceiverState {
  deliveries: ReceivedConfirmation[];
  requests: number;
  duplicates: number;
  rejected: number;
}

export interface NationalIdReceiver {
  /** The endpoint to set as NATIONAL_ID_CONFIRMATION_URL. */
  url: string;
  /** Fail the next `count` requests with 500: before recording them, or after (the answer is lost). */
  fail(count: number, mode?: 'before' | 'after'): Promise<void>;
  state(): Promise<ReceiverState>;
  close(): Promise<void>;
}

/** Starts the receiver (test/support/national-id-receiver-server.mjs) as a child process: a real HTTP server checking signatures. */
export function startNationalIdReceiver(secret: string): Promise<NationalIdReceiver> {
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'national-id-receiver-server.mjs')], {
    env: { ...process.env, RECEIVER_SECRET: secret, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`receiver exited (${code})`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (\d+)/.exec(out);
      if (!match) return;
      const base = `http://127.0.0.1:${match[1]}`;
      resolve({
        url: `${base}/confirmations`,
        async fail(count, mode = 'before') {
          await fetch(`${base}/_control/fail`, { method: 'POST', body: JSON.stringify({ count, mode }) });
        },
        async state() {
          return (await (await fetch(`${base}/_control/state`)).json()) as ReceiverState;
        },
        close: () =>
          new Promise<void>((done) => {
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
