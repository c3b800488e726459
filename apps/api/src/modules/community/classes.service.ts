import { ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { RequestValidationException } from '../../common/validation';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../identity/auth-user';
import { InvalidPhoneError, normaliseVietnamesePhone } from '../identity/phone';
import { CourseOutlines } from '../learning/course-outline';
import { LearningService } from '../learning/learning.service';
import {
  actingAs,
  ATTENDEE_SELECT,
  CLASS_SELECT,
  manageScope,
  NEXT_SESSION_WHERE,
  pgCode,
  scheduleOf,
  SESSION_SELECT,
  toSessionDto,
  UNIQUE_VIOLATION,
  updatedRows,
  type AttendeeRow,
  type ClassRow,
  type SessionRow,
} from './access';
import { CLAIM_CODE_LENGTH, isCode, JOIN_CODE_LENGTH, newCode, normaliseCode } from './codes';
import type { AddWalkInDto, AttendeeDto, ClaimCodeDto } from './dto/attendee.dto';
import type { ClassDto, ClassLessonsDto, ClassScheduleDto, CommunityUnitListDto, CreateClassDto, JoinPreviewDto, UpdateClassDto } from './dto/class.dto';

const JOIN_CODE_NOT_FOUND = 'No class has this code. Check the code shown in the class (6 letters and digits) or ask the facilitator.';
const CLASS_NOT_FOUND = 'This class was not found among the classes you manage.';
const CLAIM_DAYS = 7;

export function toAttendeeDto(r: AttendeeRow): AttendeeDto {
  return {
    id: r.id,
    name: r.name,
    birthYear: r.birth_year,
    hasAccount: r.user_id !== null,
    walkIn: r.walk_in,
    joinedAt: r.joined_at.toISOString(),
    linkedAt: r.linked_at?.toISOString() ?? null,
  };
}

/** Classes, their attendees (joins, walk-ins, links and claims); every facilitator query is scoped. */
@Injectable()
export class ClassesService {
  private readonly logger = new Logger(ClassesService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly outlines: CourseOutlines,
    private readonly learning: LearningService,
    private readonly audit: AuditService,
  ) {}

  joinUrl(code: string): string {
    return new URL(`/tham-gia/${code}`, this.config.PUBLIC_URL).toString();
  }

  // ---- scope ------------------------------------------------------------------------------

  /** The class if the caller manages it; 404 otherwise (as if it did not exist). */
  async managed(user: AuthUser, classId: string, manager: EntityManager = this.db.manager): Promise<ClassRow> {
    const params: unknown[] = [classId];
    const where = manageScope(user).where('u.path', params);
    const [row] = (await manager.query(`${CLASS_SELECT} WHERE c.id = $1 AND ${where}`, params)) as ClassRow[];
    if (!row) throw new NotFoundException(CLASS_NOT_FOUND);
    return row;
  }

  async units(user: AuthUser, q: string | undefined): Promise<CommunityUnitListDto> {
    const params: unknown[] = [];
    const where = manageScope(user).where('path', params);
    let search = '';
    if (q?.trim()) {
      params.push(`%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      search = ` AND name ILIKE $${params.length}`;
    }
    const rows = (await this.db.query(`SELECT id, name, level, path FROM administrative_units WHERE ${where}${search} ORDER BY path LIMIT 200`, params)) as CommunityUnitListDto['units'];
    return { units: rows.map((r) => ({ id: r.id, name: r.name, level: r.level, path: r.path })) };
  }

  // ---- classes ----------------------------------------------------------------------------

  async create(user: AuthUser, dto: CreateClassDto): Promise<ClassDto> {
    checkSchedule(dto.schedule);
    const params: unknown[] = [dto.unitId];
    const where = manageScope(user).where('path', params);
    const [unit] = (await this.db.query(`SELECT id FROM administrative_units WHERE id = $1 AND ${where}`, params)) as { id: string }[];
    if (!unit) throw new NotFoundException('This unit was not found among the units where you may run classes.');
    const course = await this.outlines.newestPublished(dto.courseSlug);
    if (!course) throw new RequestValidationException([{ field: 'courseSlug', message: `There is no published course "${dto.courseSlug}".` }]);
    const s = dto.schedule;
    for (let attempt = 1; ; attempt++) {
      const rows = (await this.db.query(
        `INSERT INTO community_classes (unit_id, course_id, title, place, weekday, start_time, duration_minutes, first_date, end_date, join_code, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (join_code) DO NOTHING RETURNING id`,
        [unit.id, course.courseId, dto.title, dto.place, s.weekday, s.startTime, s.durationMinutes, s.firstDate, s.endDate ?? null, newCode(JOIN_CODE_LENGTH), user.id],
      )) as { id: string }[];
      if (rows[0]) return this.get(user, rows[0].id);
      // A code taken already (31^6 ≈ 887 million codes: rare) is drawn again.
      if (attempt === 8) throw new Error('could not draw a free class join code');
    }
  }

  async list(user: AuthUser, status: 'active' | 'archived' | 'all' = 'active'): Promise<ClassDto[]> {
    const params: unknown[] = [];
    const where = manageScope(user).where('u.path', params);
    const statusWhere = status === 'all' ? '' : ` AND c.status = '${status === 'archived' ? 'archived' : 'active'}'`;
    const rows = (await this.db.query(`${CLASS_SELECT} WHERE ${where}${statusWhere} ORDER BY c.created_at DESC LIMIT 500`, params)) as ClassRow[];
    return this.toDtos(rows);
  }

  async get(user: AuthUser, classId: string): Promise<ClassDto> {
    const [dto] = await this.toDtos([await this.managed(user, classId)]);
    return dto!;
  }

  async update(user: AuthUser, classId: string, dto: UpdateClassDto): Promise<ClassDto> {
    const row = await this.managed(user, classId);
    if (dto.schedule) checkSchedule(dto.schedule);
    const s = dto.schedule ?? scheduleOf(row);
    await this.db.query(
      `UPDATE community_classes SET title = $2, place = $3, weekday = $4, start_time = $5, duration_minutes = $6, first_date = $7, end_date = $8, updated_at = now()
        WHERE id = $1`,
      [row.id, dto.title ?? row.title, dto.place ?? row.place, s.weekday, s.startTime, s.durationMinutes, s.firstDate, s.endDate ?? null],
    );
    return this.get(user, classId);
  }

  async archive(user: AuthUser, classId: string): Promise<ClassDto> {
    const row = await this.managed(user, classId);
    await this.db.query(`UPDATE community_classes SET status = 'archived', archived_at = COALESCE(archived_at, now()), updated_at = now() WHERE id = $1`, [row.id]);
    return this.get(user, classId);
  }

  async lessons(user: AuthUser, classId: string): Promise<ClassLessonsDto> {
    const row = await this.managed(user, classId);
    const outline = await this.outlines.newestPublished(row.course_slug);
    if (!outline) return { courseTitle: row.course_title ?? row.course_slug, modules: [] };
    return {
      courseTitle: outline.title,
      modules: outline.modules.map((m) => ({ title: m.title, lessons: m.lessons.map((l) => ({ lessonKey: l.lessonKey, kind: l.kind, title: l.title })) })),
    };
  }

  private async toDtos(rows: ClassRow[]): Promise<ClassDto[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const counts = (await this.db.query(`SELECT class_id, count(*)::int AS n FROM class_attendees WHERE class_id = ANY($1) GROUP BY class_id`, [ids])) as { class_id: string; n: number }[];
    const next = (await this.db.query(
      `SELECT DISTINCT ON (s.class_id) x.* FROM (${SESSION_SELECT} WHERE s.class_id = ANY($1) AND ${NEXT_SESSION_WHERE}) x
         JOIN class_sessions s ON s.id = x.id ORDER BY s.class_id, x.starts_at`,
      [ids],
    )) as SessionRow[];
    const countOf = new Map(counts.map((c) => [c.class_id, c.n]));
    const nextOf = new Map(next.map((n) => [n.class_id, n]));
    return rows.map((r) => {
      const n = nextOf.get(r.id);
      return {
        id: r.id,
        title: r.title,
        place: r.place,
        status: r.status,
        unit: { id: r.unit_id, name: r.unit_name },
        course: { id: r.course_id, slug: r.course_slug, title: r.course_title ?? r.course_slug },
        schedule: scheduleOf(r),
        joinCode: r.join_code,
        joinUrl: this.joinUrl(r.join_code),
        attendeeCount: countOf.get(r.id) ?? 0,
        nextSession: n ? toSessionDto(n) : null,
        createdAt: r.created_at.toISOString(),
      };
    });
  }

  // ---- attendees (facilitator) ------------------------------------------------------------

  async attendees(user: AuthUser, classId: string): Promise<AttendeeDto[]> {
    const row = await this.managed(user, classId);
    const rows = (await this.db.query(`${ATTENDEE_SELECT} WHERE a.class_id = $1 ORDER BY lower(COALESCE(us.display_name, a.name)), a.joined_at`, [row.id])) as AttendeeRow[];
    return rows.map(toAttendeeDto);
  }

  /** Adds a walk-in (no account); the same clientId again returns the same person ({created: false}). */
  async addWalkIn(user: AuthUser, classId: string, dto: AddWalkInDto): Promise<{ created: boolean; attendee: AttendeeDto }> {
    const row = await this.managed(user, classId);
    const inserted = (await this.db.query(
      `INSERT INTO class_attendees (class_id, name, birth_year, walk_in, client_id) VALUES ($1, $2, $3, true, $4)
       ON CONFLICT (class_id, client_id) WHERE client_id IS NOT NULL DO NOTHING RETURNING id`,
      [row.id, dto.name, dto.birthYear, dto.clientId],
    )) as { id: string }[];
    const [attendee] = (await this.db.query(`${ATTENDEE_SELECT} WHERE a.class_id = $1 AND a.client_id = $2`, [row.id, dto.clientId])) as AttendeeRow[];
    return { created: inserted.length > 0, attendee: toAttendeeDto(attendee!) };
  }

  private async managedAttendee(user: AuthUser, classId: string, attendeeId: string): Promise<{ cls: ClassRow; attendee: AttendeeRow }> {
    const cls = await this.managed(user, classId);
    const [attendee] = (await this.db.query(`${ATTENDEE_SELECT} WHERE a.class_id = $1 AND a.id = $2`, [cls.id, attendeeId])) as AttendeeRow[];
    if (!attendee) throw new NotFoundException('This person is not an attendee of this class.');
    return { cls, attendee };
  }

  /** Links a walk-in to the account with this phone number; attendance and answers stay (same attendee row). */
  async link(user: AuthUser, classId: string, attendeeId: string, phoneInput: string): Promise<AttendeeDto> {
    const { cls, attendee } = await this.managedAttendee(user, classId, attendeeId);
    if (attendee.user_id) throw new ConflictException('This attendee is linked to an account already.');
    let phone: string;
    try {
      phone = normaliseVietnamesePhone(phoneInput);
    } catch (error) {
      if (error instanceof InvalidPhoneError) throw new RequestValidationException([{ field: 'phone', message: error.message }]);
      throw error;
    }
    const [person] = (await this.db.query(`SELECT id FROM users WHERE phone = $1 AND disabled_at IS NULL`, [phone])) as { id: string }[];
    if (!person) throw new NotFoundException('No account has this phone number: ask the person to sign up first, or give them a claim code.');
    await this.linkTo(cls, attendee.id, person.id, user.id, 'facilitator');
    const [linked] = (await this.db.query(`${ATTENDEE_SELECT} WHERE a.id = $1`, [attendee.id])) as AttendeeRow[];
    return toAttendeeDto(linked!);
  }

  async claimCode(user: AuthUser, classId: string, attendeeId: string): Promise<ClaimCodeDto> {
    const { attendee } = await this.managedAttendee(user, classId, attendeeId);
    if (attendee.user_id) throw new ConflictException('This attendee is linked to an account already.');
    for (let attempt = 1; ; attempt++) {
      try {
        const [row] = updatedRows<{ claim_code: string; claim_expires_at: Date }>(await this.db.query(
          `UPDATE class_attendees SET claim_code = $2, claim_expires_at = now() + make_interval(days => $3) WHERE id = $1 RETURNING claim_code, claim_expires_at`,
          [attendee.id, newCode(CLAIM_CODE_LENGTH), CLAIM_DAYS],
        ));
        return { claimCode: row!.claim_code, expiresAt: row!.claim_expires_at.toISOString() };
      } catch (error) {
        if (attempt < 5 && pgCode(error) === UNIQUE_VIOLATION) continue;
        throw error;
      }
    }
  }

  /** The caller takes over a walk-in record with the claim code the facilitator gave them. */
  async claim(user: AuthUser, input: string): Promise<string> {
    const code = normaliseCode(input);
    const notFound = 'This claim code is not valid or has expired: ask the facilitator for a new one.';
    if (!isCode(code, CLAIM_CODE_LENGTH)) throw new NotFoundException(notFound);
    const [row] = (await this.db.query(
      `${CLASS_SELECT} JOIN class_attendees a ON a.class_id = c.id WHERE a.claim_code = $1 AND a.claim_expires_at > now() AND a.user_id IS NULL`,
      [code],
    )) as ClassRow[];
    const [attendee] = (await this.db.query(`SELECT id FROM class_attendees WHERE claim_code = $1`, [code])) as { id: string }[];
    if (!row || !attendee) throw new NotFoundException(notFound);
    await this.linkTo(row, attendee.id, user.id, user.id, 'claim');
    return row.id;
  }

  /**
   * Gives a walk-in record to an account (one transaction): when the account already attends the
   * class under another record, that record's attendance and answers move over first (kept where the
   * walk-in has none), then it is removed. Evidence of answers to closed questions is written for the
   * account (idempotent), and the account is enrolled in the course.
   */
  private async linkTo(cls: ClassRow, attendeeId: string, userId: string, actorId: string, how: 'facilitator' | 'claim'): Promise<void> {
    await this.db.transaction(async (m) => {
      const [locked] = (await m.query(`SELECT user_id FROM class_attendees WHERE id = $1 FOR UPDATE`, [attendeeId])) as { user_id: string | null }[];
      if (!locked || locked.user_id) throw new ConflictException('This attendee is linked to an account already.');
      const [other] = (await m.query(`SELECT id FROM class_attendees WHERE class_id = $1 AND user_id = $2 FOR UPDATE`, [cls.id, userId])) as { id: string }[];
      if (other) {
        await m.query(
          `UPDATE class_attendance SET attendee_id = $2
            WHERE attendee_id = $1 AND session_id NOT IN (SELECT session_id FROM class_attendance WHERE attendee_id = $2)`,
          [other.id, attendeeId],
        );
        await m.query(
          `UPDATE live_answers SET attendee_id = $2
            WHERE attendee_id = $1 AND question_id NOT IN (SELECT question_id FROM live_answers WHERE attendee_id = $2)`,
          [other.id, attendeeId],
        );
        await m.query(`DELETE FROM class_attendees WHERE id = $1`, [other.id]);
      }
      await m.query(`UPDATE class_attendees SET user_id = $2, linked_at = now(), claim_code = NULL, claim_expires_at = NULL WHERE id = $1`, [attendeeId, userId]);
      await m.query(LIVE_EVIDENCE_SQL('la.attendee_id = $1'), [attendeeId]);
      await this.audit.record({ actorId, action: 'class.attendee.link', subjectType: 'class_attendee', subjectId: attendeeId, details: { classId: cls.id, userId, how, merged: !!other } }, m);
    });
    await this.enrol(userId, cls.course_slug);
  }

  // ---- learners ---------------------------------------------------------------------------

  /** A class by its join code (public: the join page shows what one joins). */
  async preview(user: AuthUser | null, input: string): Promise<JoinPreviewDto> {
    const row = await this.byJoinCode(input);
    let joined = false;
    if (user) {
      const rows = (await this.db.query(`SELECT 1 FROM class_attendees WHERE class_id = $1 AND user_id = $2`, [row.id, user.id])) as unknown[];
      joined = rows.length > 0;
    }
    return {
      classId: row.id,
      title: row.title,
      place: row.place,
      unitName: row.unit_name,
      courseSlug: row.course_slug,
      courseTitle: row.course_title ?? row.course_slug,
      schedule: scheduleOf(row),
      joined,
    };
  }

  async byJoinCode(input: string): Promise<ClassRow> {
    const code = normaliseCode(input);
    if (!isCode(code, JOIN_CODE_LENGTH)) throw new NotFoundException(JOIN_CODE_NOT_FOUND);
    const [row] = (await this.db.query(`${CLASS_SELECT} WHERE c.join_code = $1 AND c.status = 'active'`, [code])) as ClassRow[];
    if (!row) throw new NotFoundException(JOIN_CODE_NOT_FOUND);
    return row;
  }

  /** Joins the class (idempotent) and enrols the learner in its course. */
  async join(user: AuthUser, input: string): Promise<{ created: boolean; classId: string }> {
    const row = await this.byJoinCode(input);
    const created = await this.ensureAttendee(row, user);
    return { created, classId: row.id };
  }

  /** The caller as an attendee of the class: added when missing (true), and enrolled in the course. */
  async ensureAttendee(row: ClassRow, user: AuthUser): Promise<boolean> {
    const inserted = (await this.db.query(
      `INSERT INTO class_attendees (class_id, user_id, name) SELECT $1, id, display_name FROM users WHERE id = $2
       ON CONFLICT (class_id, user_id) WHERE user_id IS NOT NULL DO NOTHING RETURNING id`,
      [row.id, user.id],
    )) as { id: string }[];
    if (inserted.length > 0) await this.enrol(user.id, row.course_slug);
    return inserted.length > 0;
  }

  private async enrol(userId: string, slug: string): Promise<void> {
    try {
      await this.learning.enrol(actingAs(userId), slug);
    } catch (error) {
      // The class stays joined; the learner can still enrol from the course page.
      this.logger.warn({ err: error, userId, slug }, 'could not enrol a class attendee in the course');
    }
  }
}

/**
 * Practice evidence of live answers (source 'live-quiz', one row per answer: source_id is the
 * answer's id, UNIQUE(source, source_id, competency_ref) keeps a replay from doubling it), for
 * answers of closed questions by attendees with an account. `$1` is used by the given condition.
 */
export function LIVE_EVIDENCE_SQL(condition: string): string {
  return `INSERT INTO competency_evidence (user_id, competency_ref, level, source, source_id, score, passed, achieved_at)
          SELECT a.user_id, q.competency_ref, q.level, 'live-quiz', la.id, CASE WHEN la.correct THEN 1 ELSE 0 END, la.correct, la.answered_at
            FROM live_answers la JOIN live_questions q ON q.id = la.question_id JOIN class_attendees a ON a.id = la.attendee_id
           WHERE ${condition} AND a.user_id IS NOT NULL AND q.closed_at IS NOT NULL
          ON CONFLICT (source, source_id, competency_ref) DO NOTHING`;
}

function checkSchedule(s: ClassScheduleDto): void {
  if (s.endDate && s.endDate < s.firstDate) throw new RequestValidationException([{ field: 'schedule.endDate', message: 'endDate must not be before firstDate' }]);
}
