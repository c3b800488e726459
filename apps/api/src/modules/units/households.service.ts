import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { RequestValidationException } from '../../common/validation';
import type { AuthUser } from '../identity/auth-user';
import { FOREIGN_KEY_VIOLATION, pgCode, UNIQUE_VIOLATION } from './csv-import.exception';
import type {
  AddHouseholdMemberDto,
  CreateHouseholdDto,
  HouseholdCountsDto,
  HouseholdCoverageDto,
  HouseholdDto,
  HouseholdListDto,
  JoinHouseholdDto,
  ListHouseholdsQuery,
} from './dto/household.dto';
import { InvalidPhoneError, normaliseVietnamesePhone } from '../identity/phone';
import { UnitScope } from './unit-scope';
import { UnitsService } from './units.service';

/** Letters and digits a person reads off a screen without confusing them (no 0/O, 1/I/L). */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 8;

export function newJoinCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** "k7mx-3qhp" → "K7MX3QHP" (people type codes with spaces, dashes and in any case). */
export function normalizeJoinCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

/**
 * SQL: the user (an expression giving users.id) counts as learning. For now: signed in within the
 * last 30 days (sessions.last_seen_at, also of sessions since ended). When courses have enrolments
 * and learning events, "enrolled in a course and active" joins here, in this one place.
 */
export const IS_LEARNING = (userId: string) =>
  `EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = ${userId} AND s.last_seen_at > now() - interval '30 days')`;
/** SQL: the household (an expression giving households.id) is covered: at least one member is learning. */
export const IS_COVERED = (householdId: string) =>
  `EXISTS (SELECT 1 FROM household_members cm WHERE cm.household_id = ${householdId} AND ${IS_LEARNING('cm.user_id')})`;

interface HouseholdRow {
  id: string;
  name: string;
  joinCode: string;
  createdBy: string | null;
  createdAt: Date;
  covered: boolean;
  unitId: string;
  unitCode: string;
  unitName: string;
  unitLevel: HouseholdDto['unit']['level'];
}

/**
 * "Digital Family" households. A person belongs to at most one (primary key on
 * household_members.user_id: a second one is a 409 whatever the race). Members manage their own
 * household; officials read counts and lists of households within their scope.
 */
@Injectable()
export class HouseholdsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly units: UnitsService,
  ) {}

  /** The caller's household with its members; 404 when they belong to none. */
  async mine(user: AuthUser): Promise<HouseholdDto> {
    const id = await this.householdIdOf(this.dataSource.manager, user.id);
    if (!id) throw new NotFoundException('You do not belong to a household');
    return this.load(id);
  }

  /** A new household in the caller's own unit, with the caller as its first member. */
  async create(user: AuthUser, dto: CreateHouseholdDto): Promise<HouseholdDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const [me] = (await manager.query(`SELECT unit_id AS "unitId" FROM users WHERE id = $1`, [user.id])) as { unitId: string | null }[];
      if (!me?.unitId) throw new ConflictException('Your account has no place of living (commune or village) yet: set it in your profile first');
      if (await this.householdIdOf(manager, user.id)) throw new ConflictException('You already belong to a household: leave it first');
      // A join code taken already (31^8 codes: rare) is drawn again.
      let created: { id: string } | undefined;
      for (let attempt = 0; !created; attempt += 1) {
        if (attempt === 5) throw new Error('could not draw a free household join code');
        [created] = (await manager.query(
          `INSERT INTO households (unit_id, name, join_code, created_by) VALUES ($1, $2, $3, $4)
           ON CONFLICT (join_code) DO NOTHING RETURNING id`,
          [me.unitId, dto.name.trim(), newJoinCode(), user.id],
        )) as { id: string }[];
      }
      await this.addMemberRow(manager, created.id, user.id, dto.relation, 'You already belong to a household: leave it first');
      return created.id;
    });
    return this.load(id);
  }

  /** Adds the person with an account under this phone number to the caller's household. */
  async addByPhone(user: AuthUser, dto: AddHouseholdMemberDto): Promise<HouseholdDto> {
    const householdId = await this.requireMembership(user);
    let phone: string;
    try {
      phone = normaliseVietnamesePhone(dto.phone);
    } catch (error) {
      if (error instanceof InvalidPhoneError) throw new RequestValidationException([{ field: 'phone', message: error.message }]);
      throw error;
    }
    const [person] = (await this.dataSource.query(`SELECT id FROM users WHERE phone = $1 AND disabled_at IS NULL`, [phone])) as { id: string }[];
    if (!person) throw new NotFoundException('No account has this phone number: ask them to sign up, or to join with the household code');
    await this.addMemberRow(this.dataSource.manager, householdId, person.id, dto.relation, 'This person already belongs to a household');
    return this.load(householdId);
  }

  /** Joins the household whose code the caller typed. */
  async join(user: AuthUser, dto: JoinHouseholdDto): Promise<HouseholdDto> {
    const [household] = (await this.dataSource.query(`SELECT id FROM households WHERE join_code = $1`, [normalizeJoinCode(dto.code)])) as { id: string }[];
    if (!household) throw new NotFoundException('No household has this code');
    await this.addMemberRow(this.dataSource.manager, household.id, user.id, dto.relation, 'You already belong to a household: leave it first');
    return this.load(household.id);
  }

  /** The caller leaves their household; a household left without members is deleted. */
  async leave(user: AuthUser): Promise<void> {
    const householdId = await this.requireMembership(user);
    await this.removeMember(householdId, user.id);
  }

  /** The household's creator removes another member (to leave oneself: leave). */
  async remove(user: AuthUser, memberId: string): Promise<HouseholdDto> {
    const householdId = await this.requireMembership(user);
    if (memberId === user.id) throw new BadRequestException('To leave your household, use POST /api/v1/households/mine/leave');
    const [household] = (await this.dataSource.query(`SELECT created_by AS "createdBy" FROM households WHERE id = $1`, [householdId])) as { createdBy: string | null }[];
    const [member] = (await this.dataSource.query(`SELECT 1 FROM household_members WHERE household_id = $1 AND user_id = $2`, [householdId, memberId])) as unknown[];
    if (!member) throw new NotFoundException('This person is not a member of your household');
    if (household?.createdBy !== user.id) throw new ForbiddenException('Only the member who created the household removes others');
    await this.removeMember(householdId, memberId);
    return this.load(householdId);
  }

  /** Replaces the household's code (the old one stops working). */
  async newCode(user: AuthUser): Promise<HouseholdDto> {
    const householdId = await this.requireMembership(user);
    for (let attempt = 0; ; attempt += 1) {
      try {
        await this.dataSource.query(`UPDATE households SET join_code = $2 WHERE id = $1`, [householdId, newJoinCode()]);
        return this.load(householdId);
      } catch (error) {
        if (attempt < 3 && pgCode(error) === UNIQUE_VIOLATION && isJoinCodeClash(error)) continue;
        throw error;
      }
    }
  }

  /** Households in the caller's scope (optionally below one unit of it), newest first. */
  async listInScope(user: AuthUser, query: ListHouseholdsQuery): Promise<HouseholdListDto> {
    let rootPath: string | null = null;
    if (query.unitId) rootPath = (await this.units.get(user, query.unitId)).path;
    const params: unknown[] = [rootPath, query.limit ?? 100, query.offset ?? 0];
    const scope = UnitScope.of(user).where('u.path', params);
    const sql = `SELECT h.id, h.name, h.created_at AS "createdAt", u.id AS "unitId", u.code AS "unitCode", u.name AS "unitName", u.level AS "unitLevel",
              (SELECT count(*)::int FROM household_members m WHERE m.household_id = h.id) AS "memberCount",
              ${IS_COVERED('h.id')} AS covered, count(*) OVER ()::int AS total
         FROM households h JOIN administrative_units u ON u.id = h.unit_id
        WHERE ${scope} AND ($1::text IS NULL OR u.path LIKE $1 || '%')
        ORDER BY h.created_at DESC, h.id
        LIMIT $2 OFFSET $3`;
    type Listed = HouseholdRow & { memberCount: number; total: number };
    const rows = (await this.dataSource.query(sql, params)) as Listed[];
    let total = rows[0]?.total;
    // Past the end no row carries the window count: take it from the first page.
    if (total === undefined && (query.offset ?? 0) > 0) total = ((await this.dataSource.query(sql, [params[0], 1, 0, ...params.slice(3)])) as Listed[])[0]?.total;
    return {
      total: total ?? 0,
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        unit: { id: r.unitId, code: r.unitCode, name: r.unitName, level: r.unitLevel },
        memberCount: r.memberCount,
        covered: r.covered,
        createdAt: r.createdAt.toISOString(),
      })),
    };
  }

  /** Households and covered households of a unit in scope (its whole subtree) and of each of its children. */
  async coverage(user: AuthUser, unitId: string): Promise<HouseholdCoverageDto> {
    const unit = await this.units.get(user, unitId);
    const rows = (await this.dataSource.query(
      `WITH hh AS (
         SELECT u.path, ${IS_COVERED('h.id')} AS covered
           FROM households h JOIN administrative_units u ON u.id = h.unit_id
          WHERE u.path LIKE $1 || '%'
       )
       SELECT c.id, c.code, c.name, c.level, c.id = $2 AS "isRoot",
              count(hh.path)::int AS households, count(hh.path) FILTER (WHERE hh.covered)::int AS covered
         FROM administrative_units c
         LEFT JOIN hh ON hh.path LIKE c.path || '%'
        WHERE c.id = $2 OR c.parent_id = $2
        GROUP BY c.id
        ORDER BY c.id = $2 DESC, c.name, c.code`,
      [unit.path, unit.id],
    )) as (HouseholdCountsDto['unit'] & { isRoot: boolean; households: number; covered: number })[];
    const counts = (r: (typeof rows)[number]): HouseholdCountsDto => ({
      unit: { id: r.id, code: r.code, name: r.name, level: r.level },
      households: r.households,
      covered: r.covered,
    });
    const [root, ...children] = rows;
    return { ...counts(root!), children: children.map(counts) };
  }

  private async householdIdOf(manager: EntityManager, userId: string): Promise<string | undefined> {
    const [row] = (await manager.query(`SELECT household_id AS "householdId" FROM household_members WHERE user_id = $1`, [userId])) as { householdId: string }[];
    return row?.householdId;
  }

  private async requireMembership(user: AuthUser): Promise<string> {
    const id = await this.householdIdOf(this.dataSource.manager, user.id);
    if (!id) throw new NotFoundException('You do not belong to a household');
    return id;
  }

  /** The primary key on user_id is the rule "at most one household per person", race included. */
  private async addMemberRow(manager: EntityManager, householdId: string, userId: string, relation: string | undefined, taken: string): Promise<void> {
    try {
      await manager.query(`INSERT INTO household_members (user_id, household_id, relation) VALUES ($1, $2, $3)`, [userId, householdId, relation?.trim() || null]);
    } catch (error) {
      if (pgCode(error) === UNIQUE_VIOLATION) throw new ConflictException(taken);
      if (pgCode(error) === FOREIGN_KEY_VIOLATION) throw new NotFoundException('This household no longer exists');
      throw error;
    }
  }

  /**
   * Removes a member; the last one out deletes the household (a creator leaving hands over). The household row is locked first,
   * so a person joining at that moment waits and then finds it gone (404) instead of being
   * deleted along with it.
   */
  private async removeMember(householdId: string, userId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT id FROM households WHERE id = $1 FOR UPDATE`, [householdId]);
      await manager.query(`DELETE FROM household_members WHERE household_id = $1 AND user_id = $2`, [householdId, userId]);
      // When its creator leaves, the member there longest manages the household.
      await manager.query(
        `UPDATE households SET created_by = (SELECT m.user_id FROM household_members m WHERE m.household_id = $1 ORDER BY m.joined_at, m.user_id LIMIT 1)
          WHERE id = $1 AND created_by = $2`,
        [householdId, userId],
      );
      await manager.query(`DELETE FROM households h WHERE h.id = $1 AND NOT EXISTS (SELECT 1 FROM household_members m WHERE m.household_id = h.id)`, [householdId]);
    });
  }

  private async load(id: string): Promise<HouseholdDto> {
    const [h] = (await this.dataSource.query(
      `SELECT h.id, h.name, h.join_code AS "joinCode", h.created_by AS "createdBy", h.created_at AS "createdAt", ${IS_COVERED('h.id')} AS covered,
              u.id AS "unitId", u.code AS "unitCode", u.name AS "unitName", u.level AS "unitLevel"
         FROM households h JOIN administrative_units u ON u.id = h.unit_id WHERE h.id = $1`,
      [id],
    )) as HouseholdRow[];
    if (!h) throw new NotFoundException('This household no longer exists');
    const members = (await this.dataSource.query(
      `SELECT m.user_id AS "userId", us.display_name AS "displayName", m.relation, m.joined_at AS "joinedAt", ${IS_LEARNING('m.user_id')} AS learning
         FROM household_members m JOIN users us ON us.id = m.user_id
        WHERE m.household_id = $1 ORDER BY m.joined_at, us.display_name`,
      [id],
    )) as { userId: string; displayName: string; relation: string | null; joinedAt: Date; learning: boolean }[];
    return {
      id: h.id,
      name: h.name,
      unit: { id: h.unitId, code: h.unitCode, name: h.unitName, level: h.unitLevel },
      joinCode: h.joinCode,
      createdBy: h.createdBy,
      createdAt: h.createdAt.toISOString(),
      covered: h.covered,
      members: members.map((m) => ({ ...m, joinedAt: m.joinedAt.toISOString() })),
    };
  }
}

function isJoinCodeClash(error: unknown): boolean {
  const e = error as { constraint?: unknown; driverError?: { constraint?: unknown } };
  return (e.constraint ?? e.driverError?.constraint) === 'uq_households_join_code';
}

