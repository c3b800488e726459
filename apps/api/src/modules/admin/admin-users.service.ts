import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../identity/auth-user';
import { InvalidPhoneError, normaliseVietnamesePhone } from '../identity/phone';
import { SCOPED_ROLES, type Role } from '../identity/role-assignment.entity';
import { pgCode, UNIQUE_VIOLATION } from '../units/csv-import.exception';
import type { UnitRefDto } from '../units/dto/unit.dto';
import { UnitScope } from '../units/unit-scope';
import { UnitsService } from '../units/units.service';
import type { AdminUserDto, AdminUserListDto, GrantRoleDto, ListUsersQuery, RoleAssignmentDto } from './dto/admin-user.dto';
import { refuseRoleChange, type RoleChangeRefusal } from './role-rules';

interface UserRow {
  id: string;
  displayName: string;
  phone: string | null;
  email: string | null;
  targetGroup: string | null;
  createdAt: Date;
  disabledAt: Date | null;
  unitId: string | null;
  unitCode: string | null;
  unitName: string | null;
  unitLevel: UnitRefDto['level'] | null;
  roles: { id: string; role: Role; grantedBy: string | null; createdAt: string; unit: UnitRefDto | null }[];
  total: number;
}

/** The columns of a user with their unit and roles ($n placeholders are added by the callers). */
const USER_SELECT = `
  SELECT us.id, us.display_name AS "displayName", us.phone, us.email, us.target_group AS "targetGroup",
         us.created_at AS "createdAt", us.disabled_at AS "disabledAt",
         u.id AS "unitId", u.code AS "unitCode", u.name AS "unitName", u.level AS "unitLevel",
         COALESCE((SELECT json_agg(json_build_object(
                             'id', r.id, 'role', r.role, 'grantedBy', r.granted_by, 'createdAt', r.created_at,
                             'unit', CASE WHEN ru.id IS NULL THEN NULL
                                          ELSE json_build_object('id', ru.id, 'code', ru.code, 'name', ru.name, 'level', ru.level) END)
                           ORDER BY r.role, ru.name)
                     FROM role_assignments r LEFT JOIN administrative_units ru ON ru.id = r.unit_id
                    WHERE r.user_id = us.id), '[]'::json) AS roles,
         count(*) OVER ()::int AS total
    FROM users us LEFT JOIN administrative_units u ON u.id = us.unit_id`;

/**
 * Administration of users and their roles. Officials see and manage only people living in their
 * subtree (UnitScope, filtered in SQL; 404 outside); administrators see everyone. Phone numbers and
 * email addresses are personal data: each list and read is written to the audit log, and so is
 * every role change (in the same transaction as the change).
 */
@Injectable()
export class AdminUsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly units: UnitsService,
    private readonly audit: AuditService,
  ) {}

  async list(actor: AuthUser, query: ListUsersQuery, requestId: string): Promise<AdminUserListDto> {
    const search = searchOf(query.q);
    let unitPath: string | null = null;
    if (query.unitId) unitPath = (await this.units.get(actor, query.unitId)).path;
    const params: unknown[] = [unitPath, search.phone, search.email, search.name, query.role ?? null, query.limit ?? 50, query.offset ?? 0];
    const scope = UnitScope.of(actor).where('u.path', params);
    const sql = `${USER_SELECT}
        WHERE ${scope}
          AND ($1::text IS NULL OR u.path LIKE $1 || '%')
          AND ($2::text IS NULL OR us.phone = $2)
          AND ($3::text IS NULL OR us.email = $3)
          AND ($4::text IS NULL OR us.display_name ILIKE '%' || replace(replace(replace($4, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%')
          AND ($5::text IS NULL OR $5 = 'learner' OR EXISTS (SELECT 1 FROM role_assignments rf WHERE rf.user_id = us.id AND rf.role = $5))
        ORDER BY us.display_name, us.id
        LIMIT $6 OFFSET $7`;
    const rows = (await this.dataSource.query(sql, params)) as UserRow[];
    let total = rows[0]?.total;
    // Past the end no row carries the window count: take it from the first page.
    if (total === undefined && (query.offset ?? 0) > 0) total = ((await this.dataSource.query(sql, [...params.slice(0, 5), 1, 0, ...params.slice(7)])) as UserRow[])[0]?.total;
    const items = rows.map(toDto);
    // Who saw whose contact details: the ids listed, never the search text (it may be a phone number).
    await this.audit.record({
      actorId: actor.id,
      action: 'user.list',
      subjectType: 'user',
      details: { userIds: items.map((u) => u.id), total: total ?? 0, search: search.kind, unitId: query.unitId ?? null, role: query.role ?? null, offset: query.offset ?? 0 },
      requestId,
    });
    return { items, total: total ?? 0 };
  }

  /** One user in the caller's scope; 404 when they do not exist or live outside it. */
  async get(actor: AuthUser, id: string, requestId: string): Promise<AdminUserDto> {
    const user = await this.findInScope(actor, id);
    await this.audit.record({ actorId: actor.id, action: 'user.read', subjectType: 'user', subjectId: id, requestId });
    return user;
  }

  /**
   * Grants a role. An administrator grants any role anywhere; an official grants facilitator (in a
   * unit of their subtree) and mentor, to people living in their subtree; nobody grants themselves.
   */
  async grant(actor: AuthUser, targetId: string, dto: GrantRoleDto, requestId: string): Promise<RoleAssignmentDto> {
    refuse(refuseRoleChange(actor, targetId, dto.role, dto.unitId !== undefined, 'grant'));
    await this.findInScope(actor, targetId);
    const unit = dto.unitId ? await this.units.get(actor, dto.unitId) : null;
    return this.dataSource.transaction(async (manager) => {
      let row: { id: string; createdAt: Date } | undefined;
      try {
        [row] = (await manager.query(
          `INSERT INTO role_assignments (user_id, role, unit_id, granted_by) VALUES ($1, $2, $3, $4) RETURNING id, created_at AS "createdAt"`,
          [targetId, dto.role, unit?.id ?? null, actor.id],
        )) as { id: string; createdAt: Date }[];
      } catch (error) {
        if (pgCode(error) === UNIQUE_VIOLATION) throw new ConflictException(`The user holds this role${unit ? ` for ${unit.name}` : ''} already`);
        throw error;
      }
      await this.audit.record(
        { actorId: actor.id, action: 'role.grant', subjectType: 'user', subjectId: targetId, details: { assignmentId: row!.id, role: dto.role, unitId: unit?.id ?? null, unitCode: unit?.code ?? null }, requestId },
        manager,
      );
      return {
        id: row!.id,
        role: dto.role,
        unit: unit ? { id: unit.id, code: unit.code, name: unit.name, level: unit.level } : null,
        grantedBy: actor.id,
        createdAt: row!.createdAt.toISOString(),
      };
    });
  }

  /** Revokes a role assignment of a user in scope, under the same rules as granting it. */
  async revoke(actor: AuthUser, targetId: string, assignmentId: string, requestId: string): Promise<void> {
    if (actor.id === targetId) throw new ForbiddenException('Nobody grants or revokes roles of their own');
    await this.findInScope(actor, targetId);
    await this.dataSource.transaction(async (manager) => {
      const [assignment] = (await manager.query(
        `SELECT r.role, r.unit_id AS "unitId", u.path AS "unitPath", u.code AS "unitCode"
           FROM role_assignments r LEFT JOIN administrative_units u ON u.id = r.unit_id
          WHERE r.id = $1 AND r.user_id = $2 FOR UPDATE OF r`,
        [assignmentId, targetId],
      )) as { role: Role; unitId: string | null; unitPath: string | null; unitCode: string | null }[];
      if (!assignment) throw new NotFoundException('This user has no such role assignment');
      refuse(refuseRoleChange(actor, targetId, assignment.role, assignment.unitId !== null, 'revoke'));
      if (SCOPED_ROLES.includes(assignment.role) && !UnitScope.of(actor).covers(assignment.unitPath)) {
        throw new ForbiddenException('This role covers a unit outside your area');
      }
      await manager.query(`DELETE FROM role_assignments WHERE id = $1`, [assignmentId]);
      await this.audit.record(
        { actorId: actor.id, action: 'role.revoke', subjectType: 'user', subjectId: targetId, details: { assignmentId, role: assignment.role, unitId: assignment.unitId, unitCode: assignment.unitCode }, requestId },
        manager,
      );
    });
  }

  private async findInScope(actor: AuthUser, id: string): Promise<AdminUserDto> {
    const params: unknown[] = [id];
    const scope = UnitScope.of(actor).where('u.path', params);
    const [row] = (await this.dataSource.query(`${USER_SELECT} WHERE us.id = $1 AND ${scope}`, params)) as UserRow[];
    if (!row) throw new NotFoundException('No such user');
    return toDto(row);
  }
}

function refuse(refusal: RoleChangeRefusal | undefined): void {
  if (!refusal) return;
  throw refusal.status === 403 ? new ForbiddenException(refusal.message) : new BadRequestException(refusal.message);
}

/** What a search text is: a phone number (any usual spelling), an email address, or part of a name. */
export function searchOf(q: string | undefined): { kind: 'phone' | 'email' | 'name' | null; phone: string | null; email: string | null; name: string | null } {
  const text = q?.trim() ?? '';
  if (text === '') return { kind: null, phone: null, email: null, name: null };
  if (text.includes('@')) return { kind: 'email', phone: null, email: text.toLowerCase(), name: null };
  if (/^[+\d\s.()-]+$/.test(text)) {
    try {
      return { kind: 'phone', phone: normaliseVietnamesePhone(text), email: null, name: null };
    } catch (error) {
      if (!(error instanceof InvalidPhoneError)) throw error;
    }
  }
  return { kind: 'name', phone: null, email: null, name: text };
}

function toDto(row: UserRow): AdminUserDto {
  return {
    id: row.id,
    displayName: row.displayName,
    phone: row.phone,
    email: row.email,
    unit: row.unitId ? { id: row.unitId, code: row.unitCode!, name: row.unitName!, level: row.unitLevel! } : null,
    targetGroup: row.targetGroup,
    roles: row.roles.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() })),
    createdAt: row.createdAt.toISOString(),
    disabledAt: row.disabledAt ? row.disabledAt.toISOString() : null,
  };
}
