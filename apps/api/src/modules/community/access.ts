import type { AuthUser } from '../identity/auth-user';
import type { Role } from '../identity/role-assignment.entity';
import { UnitScope } from '../units/unit-scope';
import type { ClassScheduleDto } from './dto/class.dto';
import type { SessionDto } from './dto/session.dto';
import type { ClassStatus, SessionStatus } from './entities';

/** Local time of schedules (Viet Nam has no daylight saving time). */
export const CLASS_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Roles that manage classes: facilitators and officials of the class's unit (or above), administrators. */
export const MANAGING_ROLES: Role[] = ['facilitator', 'official', 'administrator'];

/** The units whose classes the caller manages (administrators: all). */
export function manageScope(user: AuthUser): UnitScope {
  return UnitScope.of(user, ['facilitator', 'official']);
}

/** A class row with what every answer about it needs. */
export interface ClassRow {
  id: string;
  unit_id: string;
  unit_name: string;
  unit_path: string;
  course_id: string;
  course_slug: string;
  course_title: string | null;
  title: string;
  place: string;
  weekday: number;
  start_time: string;
  duration_minutes: number;
  first_date: string;
  end_date: string | null;
  join_code: string;
  status: ClassStatus;
  created_at: Date;
}

export const CLASS_SELECT = `
  SELECT c.id, c.unit_id, u.name AS unit_name, u.path AS unit_path, c.course_id, co.slug AS course_slug,
         (SELECT v.title FROM course_versions v WHERE v.course_id = c.course_id AND v.status = 'published'
           ORDER BY v.version_number DESC LIMIT 1) AS course_title,
         c.title, c.place, c.weekday, to_char(c.start_time, 'HH24:MI') AS start_time, c.duration_minutes,
         to_char(c.first_date, 'YYYY-MM-DD') AS first_date, to_char(c.end_date, 'YYYY-MM-DD') AS end_date,
         c.join_code, c.status, c.created_at
    FROM community_classes c
    JOIN administrative_units u ON u.id = c.unit_id
    JOIN courses co ON co.id = c.course_id`;

export function scheduleOf(row: ClassRow): ClassScheduleDto {
  return { weekday: row.weekday, startTime: row.start_time, durationMinutes: row.duration_minutes, firstDate: row.first_date, endDate: row.end_date };
}

export interface SessionRow {
  id: string;
  class_id: string;
  starts_at: Date;
  ends_at: Date;
  status: SessionStatus;
  lesson_key: string | null;
  lesson_title: string | null;
  started_at: Date | null;
  ended_at: Date | null;
  ad_hoc: boolean;
}

/** Sessions with the title of their lesson in the newest published version of the class's course. */
export const SESSION_SELECT = `
  SELECT s.id, s.class_id, s.starts_at, s.ends_at, s.status, s.lesson_key, s.started_at, s.ended_at, s.ad_hoc,
         (SELECT l.title FROM lessons l JOIN course_modules m ON m.id = l.module_id JOIN course_versions v ON v.id = m.version_id
           WHERE l.lesson_key = s.lesson_key AND v.course_id = c.course_id AND v.status = 'published'
           ORDER BY v.version_number DESC LIMIT 1) AS lesson_title
    FROM class_sessions s JOIN community_classes c ON c.id = s.class_id`;

export function toSessionDto(r: SessionRow): SessionDto {
  return {
    id: r.id,
    classId: r.class_id,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    status: r.status,
    lessonKey: r.lesson_key,
    lessonTitle: r.lesson_title,
    startedAt: r.started_at?.toISOString() ?? null,
    endedAt: r.ended_at?.toISOString() ?? null,
    adHoc: r.ad_hoc,
  };
}

/** The next session of a class that is neither over nor cancelled. */
export const NEXT_SESSION_WHERE = `s.status IN ('scheduled', 'live') AND s.ends_at > now()`;

export const ATTENDEE_SELECT = `
  SELECT a.id, a.class_id, a.user_id, COALESCE(us.display_name, a.name) AS name, a.birth_year, a.walk_in, a.joined_at, a.linked_at
    FROM class_attendees a LEFT JOIN users us ON us.id = a.user_id`;

export interface AttendeeRow {
  id: string;
  class_id: string;
  user_id: string | null;
  name: string;
  birth_year: number | null;
  walk_in: boolean;
  joined_at: Date;
  linked_at: Date | null;
}

/** What the code of another module needs to act for a person who is not the caller (enrolment). */
export function actingAs(userId: string): AuthUser {
  return { id: userId, displayName: '', roles: [], sessionId: '' };
}

/** PostgreSQL's error code of a failed query, if any. */
export function pgCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown; driverError?: { code?: unknown } } | null)?.driverError?.code ?? (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
export const UNIQUE_VIOLATION = '23505';

/** Rows of an UPDATE … RETURNING through TypeORM's query(), which answers [rows, count] for UPDATE. */
export function updatedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
