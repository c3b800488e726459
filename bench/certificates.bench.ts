/**
 * Certificate benchmark, in one process, no database: how many certificates per second this machine
 * issues (Open Badges credential signed with Ed25519 / eddsa-jcs-2022 + PDF with embedded Vietnamese font
 * and QR code), and how many credentials per second it verifies offline (JCS + SHA-256 + Ed25519, with
 * and without the 131,072-bit status list).
 *
 *   npx tsx bench/certificates.bench.ts [--duration=5] [--warmup=1]
 *
 * The job adds to "issue" one PostgreSQL transaction and one object-storage write per certificate.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { renderCertificatePdf } from '../apps/api/src/modules/certificates/certificate-pdf';
import { verifyCredential } from '../apps/api/src/modules/certificates/crypto/verify-credential';
import { buildCredential, buildStatusListCredential, issuerDocument, IssuerUrls } from '../apps/api/src/modules/certificates/open-badge';
import { newSerial } from '../apps/api/src/modules/certificates/serial';
import { parseSigningKeys } from '../apps/api/src/modules/certificates/signing-keys';
import { machineLine, readSettings } from './lib/harness';

const settings = readSettings();
const durationSec = process.argv.some((a) => a.startsWith('--duration=')) || process.env.BENCH_DURATION ? settings.durationSec : 5;
const warmupSec = process.argv.some((a) => a.startsWith('--warmup=')) || process.env.BENCH_WARMUP ? settings.warmupSec : 1;

const { keys } = parseSigningKeys(JSON.stringify([{ id: 'bench', seed: randomBytes(32).toString('hex') }]), 'bench');
const key = keys[0]!;
const urls = new IssuerUrls('https://hocso.example.vn');
const issuerName = 'Học số — Bình dân học vụ số';
const name = { vi: 'Phổ cập kỹ năng số cơ bản — Người dân', en: 'Basic digital skills — Citizens' };

function credentialFor(i: number) {
  return buildCredential(
    { id: randomUUID(), serial: newSerial(2026), recipientName: `Nguyễn Thị Hồng Nhung ${i}`, achievementKind: 'universalisation', achievementRef: 'citizens', achievementName: name, issuedAt: new Date(), statusIndex: i % 131_072, issuerName },
    urls,
    key,
  );
}

async function issueOne(i: number): Promise<number> {
  const credential = credentialFor(i);
  const serial = (credential['evidence'] as { name: string }[])[0]!.name;
  const pdf = await renderCertificatePdf({ serial, recipientName: `Nguyễn Thị Hồng Nhung ${i}`, achievementKind: 'universalisation', achievementName: name, issuedAt: new Date(), issuerName, verifyUrl: urls.verifyPage(serial) });
  return pdf.length;
}

/** Wall-clock rate, and the rate per second of CPU this process got (the fairer figure on a shared, loaded machine). */
async function measure(label: string, op: (i: number) => unknown): Promise<{ label: string; perSec: number; perCpuSec: number; meanMs: number; n: number }> {
  const run = async (seconds: number) => {
    const end = performance.now() + seconds * 1000;
    let n = 0;
    const started = performance.now();
    const cpu = process.cpuUsage();
    while (performance.now() < end) await op(n++);
    const used = process.cpuUsage(cpu);
    return { n, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
  };
  if (warmupSec > 0) await run(warmupSec);
  const { n, ms, cpuMs } = await run(durationSec);
  return { label, perSec: (n / ms) * 1000, perCpuSec: (n / cpuMs) * 1000, meanMs: ms / n, n };
}

async function main(): Promise<void> {
  console.log(`certificates: ${machineLine()}; ${durationSec} s per row after ${warmupSec} s warm-up, one core (one Node thread)`);
  const doc = issuerDocument(urls, issuerName, keys, key.id);
  const revoked = Array.from({ length: 1000 }, (_, i) => 50_000 + i * 67);
  const statusList = buildStatusListCredential(revoked, urls, issuerName, key);
  const samples = Array.from({ length: 64 }, (_, i) => credentialFor(i));
  let pdfBytes = 0;
  const rows = [
    await measure('issue: credential + PDF + QR', async (i) => {
      pdfBytes = await issueOne(i);
    }),
    await measure('sign credential only', (i) => credentialFor(i)),
    await measure('verify (signature + issuer key)', (i) => {
      if (!verifyCredential(samples[i % samples.length], { issuerDocument: doc }).verified) throw new Error('did not verify');
    }),
    await measure('verify + status list (1,000 revoked)', (i) => {
      if (!verifyCredential(samples[i % samples.length], { issuerDocument: doc, statusListCredential: statusList }).verified) throw new Error('did not verify');
    }),
    await measure('re-sign status list', () => buildStatusListCredential(revoked, urls, issuerName, key)),
  ];
  const header = ['operation', 'per second', 'per CPU-second', 'mean ms', 'count'];
  const body = rows.map((r) => [r.label, r.perSec.toFixed(1), r.perCpuSec.toFixed(1), r.meanMs.toFixed(2), String(r.n)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(line(header));
  console.log(`| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`);
  for (const b of body) console.log(line(b));
  console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`PDF size: ${(pdfBytes / 1024).toFixed(1)} KiB (DejaVu Sans subset embedded)`);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
