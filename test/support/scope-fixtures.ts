import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { UnitLevel } from '../../apps/api/src/modules/units/administrative-unit.entity';
import type { Role } from '../../apps/api/src/modules/identity/role-assignment.entity';
import { cookieName } from '../../apps/api/src/modules/identity/cookies';
import { SESSION_COOKIE } from '../../apps/api/src/modules/identity/sessions.service';
import { CSRF_HEADER } from '../../apps/api/src/modules/identity/session.guard';

/**
 * Fixtures for the scope tests: a fresh administrative tree and people with roles and live
 * sessions, written straight to the database (unique codes and phone numbers per call), and an
 * HTTP client that signs requests with a person's session cookie and CSRF token.
 */

export interface TestUnit {
  id: string;
  code: string;
  name: string;
  level: UnitLevel;
  parentId: string | null;
  path: string;
}

/** A short random tag for unique codes and names. */
export function tag(): string {
  return randomBytes(4).toString('hex');
}

export async function createUnit(db: DataSource, parent: TestUnit | null, level: UnitLevel, code: string, name = code): Promise<TestUnit> {
  const id = randomUUID();
  const unit: TestUnit = { id, code, name, level, parentId: parent?.id ?? null, path: `${parent?.path ?? '/'}${id}/` };
  await db.query(`INSERT INTO administrative_units (id, code, name, level, parent_id, path) VALUES ($1, $2, $3, $4, $5, $6)`, [
    unit.id,
    unit.code,
    unit.name,
    unit.level,
    unit.parentId,
    unit.path,
  ]);
  return unit;
}

export interface TestTree {
  tag: string;
  country: TestUnit;
  province: TestUnit;
  communeA: TestUnit;
  communeB: TestUnit;
  villageA1: TestUnit;
  villageA2: TestUnit;
  villageB1: TestUnit;
}

/** country → province → communes A and B; A has villages A1 and A2, B has B1. */
export async function createTree(db: DataSource): Promise<TestTree> {
  const t = tag();
  const country = await createUnit(db, null, 'country', `T${t}`, `Quốc gia thử ${t}`);
  const province = await createUnit(db, country, 'province', `T${t}-P`, `Tỉnh thử ${t}`);
  const communeA = await createUnit(db, province, 'commune', `T${t}-A`, `Xã A ${t}`);
  const communeB = await createUnit(db, province, 'commune', `T${t}-B`, `Xã B ${t}`);
  const villageA1 = await createUnit(db, communeA, 'village', `T${t}-A1`, `Bản A1 ${t}`);
  const villageA2 = await createUnit(db, communeA, 'village', `T${t}-A2`, `Bản A2 ${t}`);
  const villageB1 = await createUnit(db, communeB, 'village', `T${t}-B1`, `Bản B1 ${t}`);
  return { tag: t, country, province, communeA, communeB, villageA1, villageA2, villageB1 };
}

/** A Vietnamese mobile number nobody else in the run has (+849 and 8 random digits). */
export function uniquePhone(): string {
  return `+849${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
}

export interface PersonOptions {
  name?: string;
  unit?: TestUnit | null;
  phone?: string | null;
  email?: string | null;
  roles?: { role: Role; unit?: TestUnit }[];
  /** Give the person a live session (default true). */
  signedIn?: boolean;
}

export interface TestPerson {
  id: string;
  displayName: string;
  phone: string | null;
  /** Session cookie value and CSRF token (when signed in). */
  token?: string;
  csrfToken?: string;
}

export async function createPerson(db: DataSource, options: PersonOptions = {}): Promise<TestPerson> {
  const displayName = options.name ?? `Người thử ${tag()}`;
  const phone = options.phone === undefined ? uniquePhone() : options.phone;
  const [{ id }] = (await db.query(`INSERT INTO users (display_name, phone, email, unit_id) VALUES ($1, $2, $3, $4) RETURNING id`, [
    displayName,
    phone,
    options.email ?? null,
    options.unit?.id ?? null,
  ])) as { id: string }[];
  for (const { role, unit } of options.roles ?? []) {
    await db.query(`INSERT INTO role_assignments (user_id, role, unit_id) VALUES ($1, $2, $3)`, [id, role, unit?.id ?? null]);
  }
  const person: TestPerson = { id, displayName, phone };
  if (options.signedIn ?? true) Object.assign(person, await startSession(db, id));
  return person;
}

/** A live session as the identity module makes them: only the SHA-256 of the cookie token is stored. */
export async function startSession(db: DataSource, userId: string, lastSeenDaysAgo = 0): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await db.query(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, last_seen_at, expires_at)
     VALUES ($1, $2, $3, now() - make_interval(days => $4), now() + interval '1 day')`,
    [createHash('sha256').update(token).digest('hex'), userId, csrfToken, lastSeenDaysAgo],
  );
  return { token, csrfToken };
}

/** supertest requests as a person (or anonymous), with the session cookie and, for changes, the CSRF header. */
export function as(url: string, person?: TestPerson) {
  const sign = (test: request.Test, unsafe: boolean): request.Test => {
    if (person?.token) test.set('cookie', `${cookieName(SESSION_COOKIE, false)}=${person.token}`);
    if (unsafe && person?.csrfToken) test.set(CSRF_HEADER, person.csrfToken);
    return test;
  };
  return {
    get: (path: string) => sign(request(url).get(path), false),
    post: (path: string, body?: object) => sign(request(url).post(path), true).send(body ?? {}),
    delete: (path: string) => sign(request(url).delete(path), true),
    csv: (path: string, text: string) => sign(request(url).post(path), true).set('content-type', 'text/csv; charset=utf-8').send(text),
  };
}

/** Audit entries of an action by an actor, oldest first. */
export async function auditOf(db: DataSource, actorId: string, action: string): Promise<{ subjectId: string | null; details: Record<string, unknown>; requestId: string | null }[]> {
  return db.query(`SELECT subject_id AS "subjectId", details, request_id AS "requestId" FROM audit_log WHERE actor_id = $1 AND action = $2 ORDER BY id`, [actorId, action]);
}
