/**
 * `npm test`: every test of the project on real PostgreSQL, Redis, Chromium and ffmpeg.
 *   1. finds Chromium, ffmpeg and poppler's pdftotext (certificate tests read the PDFs), installing them from Debian's packages when it can (root + apt-get);
 *   2. finds PostgreSQL and Redis like `npm start` (env URLs, local servers, or embedded/child ones);
 *   3. builds the library, the API and the web app, type-checks and lints everything;
 *   4. runs jest (unit, API end-to-end, browser); extra arguments go to jest (`npm test -- test/api`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InfraError, provideInfra, TEST_PORTS } from './lib/infra';

const root = resolve(__dirname, '..');

function has(command: string): boolean {
  return !spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status;
}

function chromiumPath(): string | undefined {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p));
}

function ensureSystemTools(): string {
  const missing = [...(chromiumPath() ? [] : ['chromium']), ...(has('ffmpeg') && has('ffprobe') ? [] : ['ffmpeg']), ...(has('pdftotext') ? [] : ['poppler-utils'])];
  if (missing.length > 0) {
    const canInstall = process.getuid?.() === 0 && has('apt-get');
    if (!canInstall) {
      throw new InfraError(
        `The tests need ${missing.join(' and ')}. Install with your system's packages, e.g. \`sudo apt-get install -y ${missing.join(' ')}\` (Debian/Ubuntu), or set CHROMIUM_PATH.`,
      );
    }
    console.log(`Installing ${missing.join(' ')} from Debian's packages…`);
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { DEBIAN_FRONTEND: 'noninteractive' });
  }
  const chromium = chromiumPath();
  if (!chromium) throw new InfraError('Chromium is still missing after installing it: set CHROMIUM_PATH to its executable.');
  return chromium;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new InfraError(`\`${command} ${args.join(' ')}\` failed (exit code ${result.status ?? result.signal}).`);
}

async function main(): Promise<number> {
  const chromium = ensureSystemTools();
  const infra = await provideInfra(join(root, '.data/test'), TEST_PORTS);
  try {
    for (const note of infra.notes) console.log(`• ${note}`);
    const skipChecks = process.env.TEST_SKIP_CHECKS === '1';
    // The built API is tested too (its entry points as `npm start` and Docker run them), and the
    // browser tests use the built web app.
    run('npm', ['run', 'build']);
    if (!skipChecks) {
      console.log('Type-checking…');
      run('npm', ['run', 'typecheck']);
      console.log('Linting…');
      run('npm', ['run', 'lint']);
    }
    const jest = spawnSync(process.execPath, [join(root, 'node_modules/jest/bin/jest.js'), ...process.argv.slice(2)], {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        TEST_PG_ADMIN_URL: infra.postgresAdminUrl,
        TEST_REDIS_URL: infra.redisUrl,
        TEST_WEB_DIST: join(root, 'apps/web/dist'),
        CHROMIUM_PATH: chromium,
      },
    });
    return jest.status ?? 1;
  } finally {
    await infra.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof InfraError ? error.message : error);
    process.exit(1);
  },
);
