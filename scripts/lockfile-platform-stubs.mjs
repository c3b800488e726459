// Records, in package-lock.json, the platform-specific optional packages (other OSes and CPUs) that
// the npm registry mirror of our build machines does not serve. `npm install` leaves them out when it
// cannot fetch them, and `npm ci` then refuses the lock file as out of sync. Each entry carries its
// os/cpu/libc, so npm skips it on every other platform without fetching it.
// Run after `npm install` changes the lock file: node scripts/lockfile-platform-stubs.mjs
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const lockPath = new URL('../package-lock.json', import.meta.url);
let missing;
try {
  execSync('npm ci --dry-run --no-audit --no-fund', { stdio: 'pipe' });
  missing = [];
} catch (error) {
  missing = [...String(error.stderr).matchAll(/Missing: (\S+?)@\S* from lock file/g)].map((m) => m[1]);
}
if (missing.length === 0) {
  console.log('package-lock.json is complete for npm ci');
  process.exit(0);
}
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const platform = (name) => {
  const os = ['darwin', 'win32', 'linux', 'android', 'freebsd', 'openharmony'].find((o) => name.includes(`-${o}-`));
  const cpu = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64'].find((c) =>
    new RegExp(`-${c}(-|$)`).test(name.replace(/-(gnueabihf|musleabihf|eabi)/, '')),
  );
  const libc = /-musl/.test(name) ? ['musl'] : /-gnu/.test(name) ? ['glibc'] : undefined;
  return { os: os ? [os] : undefined, cpu: cpu ? [cpu === 'arm' ? 'arm' : cpu] : undefined, libc };
};
for (const name of missing) {
  const parent = Object.entries(lock.packages).find(([, p]) => p.optionalDependencies?.[name]);
  if (!parent) throw new Error(`no package in the lock file wants ${name}`);
  const [, parentEntry] = parent;
  const { os, cpu, libc } = platform(name);
  if (!os || !cpu) throw new Error(`cannot tell the platform of ${name}`);
  lock.packages[`node_modules/${name}`] = {
    version: parentEntry.optionalDependencies[name],
    ...(parentEntry.dev ? { dev: true } : {}),
    optional: true,
    os,
    cpu,
    ...(libc ? { libc } : {}),
  };
  console.log(`recorded ${name}@${parentEntry.optionalDependencies[name]} (${os}/${cpu}${libc ? `/${libc}` : ''})`);
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
