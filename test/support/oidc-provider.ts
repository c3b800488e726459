import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface TestOidcClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
}

/** A running oidc-provider process (test/support/oidc-provider-server.mjs) and its test controls. */
export interface TestOidcProvider {
  issuer: string;
  /** Registers an account the login form accepts, with its claims (name, birthdate, national_id…). */
  addAccount(sub: string, claims: Record<string, unknown>): Promise<void>;
  /** Shifts the provider's clock: what it issues afterwards carries iat/exp moved by this much. */
  setClockOffset(offsetSeconds: number): Promise<void>;
  /** The next token response's ID token gets these claims (null removes one), re-signed with the provider's key. */
  tamperNextIdToken(claims: Record<string, unknown>): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts a real OpenID Connect provider (oidc-provider 9, ESM-only) as its own Node process on a
 * free loopback port, and waits until it prints its issuer.
 */
export async function startOidcProvider(clients: TestOidcClient[], timeoutMs = 15_000): Promise<TestOidcProvider> {
  const child = spawn(process.execPath, [join(__dirname, 'oidc-provider-server.mjs')], {
    env: { ...process.env, OIDC_TEST_CLIENTS: JSON.stringify(clients), NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const issuer = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`oidc test provider did not start in ${timeoutMs} ms: ${stderr}`)), timeoutMs);
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        resolve((JSON.parse(line) as { issuer: string }).issuer);
      } catch {
        reject(new Error(`unexpected first line from the oidc test provider: ${line}`));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`oidc test provider exited with ${code}: ${stderr}`));
    });
  });

  const control = async (path: string, body: unknown) => {
    const res = await fetch(`${issuer}/__test/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status !== 204) throw new Error(`oidc test provider ${path}: ${res.status} ${await res.text()}`);
  };
  return {
    issuer,
    addAccount: (sub, claims) => control('accounts', { sub, claims }),
    setClockOffset: (offsetSeconds) => control('clock', { offsetSeconds }),
    tamperNextIdToken: (claims) => control('tamper', { claims }),
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
