/**
 * Offline verification of a hocso Open Badges 3.0 credential (eddsa-jcs-2022 Data Integrity proof).
 *
 *   node --import tsx scripts/verify-credential.ts <credential.json> [--issuer <issuer.json>] [--status <status-list.json>]
 *
 * No network: the signing key comes from the proof's did:key; --issuer (the document served at
 * /api/v1/certificates/issuer, downloaded once) checks that the key is the issuer's, including retired keys;
 * --status (the status list credential, downloaded when online) checks revocation.
 * Exit code 0 when verified, 1 when not, 2 on a usage error.
 */
import { readFileSync } from 'node:fs';
import { verifyCredential } from '../apps/api/src/modules/certificates/crypto/verify-credential';

function main(argv: string[]): number {
  const files: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--issuer' || arg === '--status') files[arg.slice(2)] = argv[++i] ?? '';
    else positional.push(arg);
  }
  if (positional.length !== 1) {
    process.stderr.write('usage: verify-credential <credential.json> [--issuer <issuer.json>] [--status <status-list.json>]\n');
    return 2;
  }
  const load = (path: string | undefined): unknown => (path ? JSON.parse(readFileSync(path, 'utf8')) : undefined);
  const result = verifyCredential(load(positional[0]), { issuerDocument: load(files['issuer']), statusListCredential: load(files['status']) });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(result.verified ? 'VERIFIED\n' : 'NOT VERIFIED\n');
  return result.verified ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
