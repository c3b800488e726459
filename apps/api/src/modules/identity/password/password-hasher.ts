import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { normalisePassword } from './password-policy';

/** argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): ~20-40 ms on a server core. */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes and verifies passwords (argon2id, NFC-normalised). */
@Injectable()
export class PasswordHasher {
  private dummy?: Promise<string>;

  hash(password: string): Promise<string> {
    return argon2.hash(normalisePassword(password), OPTIONS);
  }

  /** True when the password matches; false for a wrong password or an unreadable hash. */
  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, normalisePassword(password));
    } catch {
      return false;
    }
  }

  /**
   * Spends the same time as verifying a real password, for accounts that do not exist (or have no
   * password), so the answer time does not tell whether an account exists.
   */
  async verifyDummy(password: string): Promise<false> {
    this.dummy ??= argon2.hash('hocso-dummy-password-for-timing', OPTIONS);
    await this.verify(await this.dummy, password);
    return false;
  }

  /** True when the hash was made with weaker parameters than today's (rehash it at the next sign-in). */
  needsRehash(hash: string): boolean {
    try {
      return argon2.needsRehash(hash, OPTIONS);
    } catch {
      return true;
    }
  }
}
