import { ConflictException, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RequestValidationException } from '../../common/validation';
import type { AuthUser } from './auth-user';
import type { MeDto } from './dto/me.dto';
import type { SignUpDto } from './dto/sign-up.dto';
import type { UpdateProfileDto } from './dto/update-profile.dto';
import { InvalidIdentifierError, parseIdentifier, type Identifier } from './identifier';
import { PasswordHasher } from './password/password-hasher';
import { passwordProblem } from './password/password-policy';
import { phoneSpellings } from './phone';
import { RATE_LIMITS } from './rate-limit/rate-limit';
import { RateLimiter } from './rate-limit/rate-limiter';
import { SessionsService, type StartedSession } from './sessions.service';
import { User } from './user.entity';

/** The one answer to a failed sign-in, whether the account exists or not. */
export const WRONG_CREDENTIALS = 'Wrong phone number/email or password.';

/** Who is asking, for rate limits and the audit log. */
export interface RequestMeta {
  ip: string;
  requestId: string;
  /** The token of the session cookie the browser already had, if any (replaced at sign-in). */
  previousSessionToken?: string;
}

export interface SignedIn {
  session: StartedSession;
  me: MeDto;
}

/** Accounts: sign-up, sign-in with phone/email and password, the owner's profile. */
@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly limiter: RateLimiter,
  ) {}

  async signUp(dto: SignUpDto, meta: RequestMeta): Promise<SignedIn> {
    const identifier = this.parse(dto.identifier);
    await this.limiter.consume([
      { rule: RATE_LIMITS.signUpPerIp, subject: meta.ip },
      { rule: RATE_LIMITS.signUpPerAccount, subject: identifier.value },
    ]);
    const problem = passwordProblem(dto.password, identifierSpellings(identifier));
    if (problem) throw fieldError('password', problem);
    if (dto.birthYear !== undefined) this.checkBirthYear(dto.birthYear);
    if (dto.unitId !== undefined) await this.checkUnit(dto.unitId);

    const passwordHash = await this.hasher.hash(dto.password);
    const userId = await this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(
        `INSERT INTO users (display_name, phone, email, password_hash, birth_year, unit_id, target_group, audiences)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT DO NOTHING
         RETURNING id`,
        [
          dto.displayName,
          identifier.kind === 'phone' ? identifier.value : null,
          identifier.kind === 'email' ? identifier.value : null,
          passwordHash,
          dto.birthYear ?? null,
          dto.unitId ?? null,
          dto.targetGroup ?? null,
          dto.audiences ?? [],
        ],
      )) as { id: string }[];
      return rows[0]?.id;
    });
    if (!userId) {
      throw new ConflictException(
        identifier.kind === 'phone'
          ? 'An account with this phone number already exists. Sign in, or reset the password if it is forgotten.'
          : 'An account with this email address already exists. Sign in, or reset the password if it is forgotten.',
      );
    }
    return this.startSession(userId, meta);
  }

  /**
   * Same answer and similar time for an unknown account, an account without a password and a wrong
   * password: a dummy hash is verified when there is no real one.
   */
  async signIn(identifierText: string, password: string, meta: RequestMeta): Promise<SignedIn> {
    const identifier = this.parse(identifierText);
    await this.limiter.consume([
      { rule: RATE_LIMITS.signInPerAccount, subject: identifier.value },
      { rule: RATE_LIMITS.signInPerIp, subject: meta.ip },
    ]);
    const rows = (await this.dataSource.query(`SELECT id, password_hash, disabled_at FROM users WHERE ${identifier.kind} = $1`, [identifier.value])) as {
      id: string;
      password_hash: string | null;
      disabled_at: Date | null;
    }[];
    const user = rows[0];
    const ok = user?.password_hash ? await this.hasher.verify(user.password_hash, password) : await this.hasher.verifyDummy(password);
    if (!user || !ok) throw new UnauthorizedException(WRONG_CREDENTIALS);
    if (user.disabled_at) throw new ForbiddenException('This account is disabled. Please contact the administrator of your commune.');
    if (this.hasher.needsRehash(user.password_hash!)) {
      await this.dataSource.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [user.id, await this.hasher.hash(password)]);
    }
    return this.startSession(user.id, meta);
  }

  /** Ends the session (server-side: the token is revoked, not only the cookie dropped). */
  async signOut(user: AuthUser): Promise<void> {
    await this.sessions.revoke(user.sessionId);
  }

  async me(user: AuthUser): Promise<MeDto> {
    const csrfToken = await this.sessions.csrfTokenOf(user.sessionId);
    return this.profile(user.id, csrfToken ?? '');
  }

  async updateProfile(user: AuthUser, dto: UpdateProfileDto): Promise<MeDto> {
    if (dto.birthYear !== undefined && dto.birthYear !== null) this.checkBirthYear(dto.birthYear);
    if (dto.unitId !== undefined && dto.unitId !== null) await this.checkUnit(dto.unitId);
    const sets: string[] = [];
    const params: unknown[] = [user.id];
    const set = (column: string, value: unknown, cast = '') => {
      params.push(value);
      sets.push(`${column} = $${params.length}${cast}`);
    };
    if (dto.displayName !== undefined) set('display_name', dto.displayName);
    if (dto.birthYear !== undefined) set('birth_year', dto.birthYear);
    if (dto.unitId !== undefined) set('unit_id', dto.unitId);
    if (dto.targetGroup !== undefined) set('target_group', dto.targetGroup);
    if (dto.audiences !== undefined) set('audiences', dto.audiences);
    if (dto.preferences !== undefined) {
      params.push(JSON.stringify(dto.preferences));
      sets.push(`preferences = preferences || $${params.length}::jsonb`);
    }
    if (sets.length > 0) await this.dataSource.query(`UPDATE users SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
    return this.me(user);
  }

  private async startSession(userId: string, meta: RequestMeta): Promise<SignedIn> {
    // A new session id at each sign-in; the one the browser had before is revoked.
    if (meta.previousSessionToken) await this.sessions.revokeToken(meta.previousSessionToken);
    const session = await this.sessions.start(userId);
    return { session, me: await this.profile(userId, session.csrfToken) };
  }

  async profile(userId: string, csrfToken: string): Promise<MeDto> {
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: userId })
      .getOneOrFail();
    const extra = (await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM oidc_identities WHERE user_id = $1) AS linked,
              COALESCE((SELECT json_agg(json_build_object('role', role, 'unitId', unit_id) ORDER BY role, unit_id)
                          FROM role_assignments WHERE user_id = $1), '[]'::json) AS roles`,
      [userId],
    )) as { linked: boolean; roles: MeDto['roles'] }[];
    const roles = extra[0]?.roles ?? [];
    return {
      id: user.id,
      displayName: user.displayName,
      phone: user.phone,
      email: user.email,
      birthYear: user.birthYear,
      unitId: user.unitId,
      unit: user.unitId ? await this.unitOf(user.unitId) : null,
      targetGroup: user.targetGroup as MeDto['targetGroup'],
      audiences: user.audiences as MeDto['audiences'],
      preferences: user.preferences,
      roles: roles.some((r) => r.role === 'learner') ? roles : [{ role: 'learner', unitId: null }, ...roles],
      hasPassword: user.passwordHash !== null,
      nationalIdLinked: extra[0]?.linked ?? false,
      csrfToken,
    };
  }

  /** A unit named, with its commune (the unit itself, or the parent of a village). */
  private async unitOf(unitId: string): Promise<MeDto['unit']> {
    const [unit] = (await this.dataSource.query(
      `SELECT u.id, u.name, u.level,
              CASE u.level WHEN 'commune' THEN u.id WHEN 'village' THEN p.id END AS "communeId",
              CASE u.level WHEN 'commune' THEN u.name WHEN 'village' THEN p.name END AS "communeName"
         FROM administrative_units u LEFT JOIN administrative_units p ON p.id = u.parent_id
        WHERE u.id = $1`,
      [unitId],
    )) as NonNullable<MeDto['unit']>[];
    return unit ?? null;
  }

  private parse(text: string): Identifier {
    try {
      return parseIdentifier(text);
    } catch (error) {
      if (error instanceof InvalidIdentifierError) throw fieldError('identifier', error.message);
      throw error;
    }
  }

  private checkBirthYear(year: number): void {
    if (year > new Date().getUTCFullYear()) throw fieldError('birthYear', 'birthYear must not be in the future');
  }

  private async checkUnit(unitId: string): Promise<void> {
    const rows = (await this.dataSource.query(`SELECT 1 FROM administrative_units WHERE id = $1`, [unitId])) as unknown[];
    if (rows.length === 0) throw fieldError('unitId', 'unitId is not a known administrative unit');
  }
}

/** The spellings of a person's own phone number or email, refused as their password. */
export function identifierSpellings(identifier: { kind: 'phone' | 'email'; value: string } | { phone: string | null; email: string | null }): string[] {
  if ('kind' in identifier) return identifier.kind === 'phone' ? phoneSpellings(identifier.value) : [identifier.value];
  return [...(identifier.phone ? phoneSpellings(identifier.phone) : []), ...(identifier.email ? [identifier.email] : [])];
}

/** A 400 in the shape of validation errors, naming the field. */
export function fieldError(field: string, message: string): RequestValidationException {
  return new RequestValidationException([{ field, message }]);
}
