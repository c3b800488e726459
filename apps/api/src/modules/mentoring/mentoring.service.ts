import { BadRequestException, ConflictException, HttpException, HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../identity/auth-user';
import { InvalidIdentifierError, parseIdentifier } from '../identity/identifier';
import { pgCode, UNIQUE_VIOLATION } from '../units/csv-import.exception';
import type { UnitScope } from '../units/unit-scope';
import type {
  MenteeCourseDto,
  MenteeDetailDto,
  MenteeListDto,
  MenteeSummaryDto,
  MentorshipDto,
  MyMentoringDto,
  NudgeDto,
  SendNudgeDto,
  UnitMentorsDto,
} from './dto/mentoring.dto';
import type { MentorshipStatus, NudgePreset } from './mentorship.entity';
import { ACTIVE_DAYS, isActiveLearner, MENTEES_MINIMUM, stuckReasons, type MenteeFacts, type StuckReason } from './stuck-rules';

/** The time zone of the "one nudge per mentee per day" calendar day. */
const NUDGE_DAY_ZONE = 'Asia/Ho_Chi_Minh';
const NOT_YOUR_MENTEE = 'No such mentee among the people you follow';

/**
 * The latest learning activity of the user `userColumn` (SQL expression): lesson progress, enrolment,
 * quiz attempt or course completion; NULL when none (GREATEST skips NULLs).
 */
export function lastActivitySql(userColumn: string): string {
  return `GREATEST(
    (SELECT max(lp.updated_at) FROM lesson_progress lp WHERE lp.user_id = ${userColumn}),
    (SELECT max(en.enrolled_at) FROM enrolments en WHERE en.user_id = ${userColumn}),
    (SELECT max(COALESCE(qa.submitted_at, qa.started_at)) FROM quiz_attempts qa WHERE qa.user_id = ${userColumn}),
    (SELECT max(cc.completed_at) FROM course_completions cc WHERE cc.user_id = ${userColumn}))`;
}

/** One mentor of an area, as counted for the unit view and for the reports. */
export interface MentorCount {
  mentorUserId: string;
  displayName: string;
  unitId: string | null;
  unitName: string | null;
  unitPath: string | null;
  /** Active mentorships. */
  totalMentees: number;
  /** Of them, mentees with learning activity within `activeDays`. */
  activeMentees: number;
}

interface MentorshipRow {
  id: string;
  status: MentorshipStatus;
  mentorId: string;
  mentorName: string;
  menteeId: string;
  menteeName: string;
  createdAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
}

const MENTORSHIP_SELECT = `
  SELECT ms.id, ms.status, ms.mentor_user_id AS "mentorId", mr.display_name AS "mentorName",
         ms.mentee_user_id AS "menteeId", me.display_name AS "menteeName",
         ms.created_at AS "createdAt", ms.started_at AS "startedAt", ms.ended_at AS "endedAt"
    FROM mentorships ms JOIN users mr ON mr.id = ms.mentor_user_id JOIN users me ON me.id = ms.mentee_user_id`;

interface NudgeRow {
  id: string;
  clientId: string;
  preset: NudgePreset;
  note: string | null;
  mentorId: string;
  mentorName: string;
  menteeId: string;
  createdAt: Date;
  readAt: Date | null;
}

const NUDGE_SELECT = `
  SELECT n.id, n.client_id AS "clientId", n.preset, n.note, n.mentor_user_id AS "mentorId", mr.display_name AS "mentorName",
         n.mentee_user_id AS "menteeId", n.created_at AS "createdAt", n.read_at AS "readAt"
    FROM mentor_nudges n JOIN users mr ON mr.id = n.mentor_user_id`;

/** A short note as plain text: control characters removed, runs of white space folded, trimmed; empty → null. */
export function plainNote(note: string | undefined): string | null {
  if (note === undefined) return null;
  const text = note.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, ' ').replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/** Seconds until the next midnight in Vietnam (UTC+7, no daylight saving): the Retry-After of a refused nudge. */
export function secondsUntilNextVietnamDay(now: Date): number {
  const offsetMs = 7 * 3600 * 1000;
  const local = now.getTime() + offsetMs;
  const nextMidnight = Math.floor(local / 86_400_000 + 1) * 86_400_000;
  return Math.max(1, Math.ceil((nextMidnight - local) / 1000));
}

/** 429: a nudge to this mentee was already sent today. */
export class NudgedTodayException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super('You already nudged this person today. You can send the next nudge tomorrow.', HttpStatus.TOO_MANY_REQUESTS);
  }
}

/**
 * Digital Ambassadors. A mentor invites an existing learner by phone number or email; the learner
 * accepts (or declines) in their own page. A mentor sees only their active mentees (every query
 * carries `mentor_user_id = caller`; anything else answers 404), their progress from the learning
 * tables and where they are stuck (`stuck-rules.ts`), and nudges them (idempotent by client id, one
 * per mentee per Vietnamese calendar day, enforced by unique constraints). Officials see, for their
 * subtree, the mentors living there with their counts of active mentees.
 */
@Injectable()
export class MentoringService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  // ---- invitations ---------------------------------------------------------------------------

  async invite(mentor: AuthUser, identifierText: string, requestId: string): Promise<MentorshipDto> {
    let identifier;
    try {
      identifier = parseIdentifier(identifierText);
    } catch (error) {
      if (error instanceof InvalidIdentifierError) throw new BadRequestException(`identifier: ${error.message}`);
      throw error;
    }
    const column = identifier.kind === 'phone' ? 'phone' : 'email';
    const [target] = (await this.dataSource.query(`SELECT id FROM users WHERE ${column} = $1 AND disabled_at IS NULL`, [identifier.value])) as { id: string }[];
    if (!target) throw new NotFoundException('No account has this phone number or email. Ask the person to sign up first.');
    if (target.id === mentor.id) throw new BadRequestException('You cannot follow yourself');
    return this.dataSource.transaction(async (manager) => {
      const [other] = (await manager.query(`SELECT 1 FROM mentorships WHERE mentee_user_id = $1 AND status = 'active' AND mentor_user_id <> $2`, [target.id, mentor.id])) as unknown[];
      if (other) throw new ConflictException('This person already has a mentor');
      const inserted = (await manager.query(
        `INSERT INTO mentorships (mentor_user_id, mentee_user_id, status, created_by) VALUES ($1, $2, 'invited', $1)
         ON CONFLICT DO NOTHING RETURNING id`,
        [mentor.id, target.id],
      )) as { id: string }[];
      if (inserted.length === 0) throw new ConflictException('You already follow or invited this person');
      await this.audit.record({ actorId: mentor.id, action: 'mentorship.invite', subjectType: 'mentorship', subjectId: inserted[0].id, details: { menteeId: target.id }, requestId }, manager);
      return this.mentorshipById(manager, inserted[0].id);
    });
  }

  /**
   * An official pairs a mentor and a learner who both live in their area (scope in the query: either
   * outside it is a 404 like an unknown account); the mentorship is active at once (an open
   * invitation of the same pair becomes active). 409 when the learner has another mentor.
   */
  async assign(official: AuthUser, scope: UnitScope, mentorText: string, menteeText: string, requestId: string): Promise<MentorshipDto> {
    const mentorId = await this.findInScope(scope, mentorText, 'mentor', true);
    const menteeId = await this.findInScope(scope, menteeText, 'mentee', false);
    if (mentorId === menteeId) throw new BadRequestException('A mentor cannot mentor themselves');
    try {
      return await this.dataSource.transaction(async (manager) => {
        const [promoted] = (await manager.query(
          `UPDATE mentorships SET status = 'active', started_at = now() WHERE mentor_user_id = $1 AND mentee_user_id = $2 AND status = 'invited' RETURNING id`,
          [mentorId, menteeId],
        )) as [{ id: string }[], number];
        let id = promoted[0]?.id;
        if (!id) {
          const inserted = (await manager.query(
            `INSERT INTO mentorships (mentor_user_id, mentee_user_id, status, created_by, started_at) VALUES ($1, $2, 'active', $3, now())
             ON CONFLICT DO NOTHING RETURNING id`,
            [mentorId, menteeId, official.id],
          )) as { id: string }[];
          if (inserted.length === 0) throw new ConflictException('This mentor already follows this person');
          id = inserted[0].id;
        }
        await this.audit.record({ actorId: official.id, action: 'mentorship.assign', subjectType: 'mentorship', subjectId: id, details: { mentorId, menteeId }, requestId }, manager);
        return this.mentorshipById(manager, id);
      });
    } catch (error) {
      if (pgCode(error) === UNIQUE_VIOLATION) throw new ConflictException('This person already has a mentor');
      throw error;
    }
  }

  private async findInScope(scope: UnitScope, text: string, field: 'mentor' | 'mentee', mustBeMentor: boolean): Promise<string> {
    let identifier;
    try {
      identifier = parseIdentifier(text);
    } catch (error) {
      if (error instanceof InvalidIdentifierError) throw new BadRequestException(`${field}: ${error.message}`);
      throw error;
    }
    const params: unknown[] = [identifier.value];
    const where = scope.where('au.path', params);
    const [row] = (await this.dataSource.query(
      `SELECT us.id, EXISTS (SELECT 1 FROM role_assignments r WHERE r.user_id = us.id AND r.role = 'mentor') AS "isMentor"
         FROM users us LEFT JOIN administrative_units au ON au.id = us.unit_id
        WHERE us.${identifier.kind === 'phone' ? 'phone' : 'email'} = $1 AND us.disabled_at IS NULL AND ${where}`,
      params,
    )) as { id: string; isMentor: boolean }[];
    if (!row) throw new NotFoundException(`${field}: no account with this phone number or email lives in your area`);
    if (mustBeMentor && !row.isMentor) throw new BadRequestException('mentor: this person does not hold the role mentor (grant it in Users first)');
    return row.id;
  }

  /** The mentee accepts an invitation addressed to them; 409 when they have a mentor already. */
  async accept(mentee: AuthUser, mentorshipId: string, requestId: string): Promise<MentorshipDto> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const updated = (await manager.query(
          `UPDATE mentorships ms SET status = 'active', started_at = now()
            WHERE ms.id = $1 AND ms.mentee_user_id = $2 AND ms.status = 'invited'
              AND EXISTS (SELECT 1 FROM role_assignments r WHERE r.user_id = ms.mentor_user_id AND r.role = 'mentor')
            RETURNING ms.id`,
          [mentorshipId, mentee.id],
        )) as [{ id: string }[], number];
        if (updated[0].length === 0) throw new NotFoundException('No such invitation for you');
        await this.audit.record({ actorId: mentee.id, action: 'mentorship.accept', subjectType: 'mentorship', subjectId: mentorshipId, requestId }, manager);
        return this.mentorshipById(manager, mentorshipId);
      });
    } catch (error) {
      if (pgCode(error) === UNIQUE_VIOLATION) throw new ConflictException('You already have a mentor. End that first to accept another one.');
      throw error;
    }
  }

  async decline(mentee: AuthUser, mentorshipId: string, requestId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(
        `UPDATE mentorships SET status = 'declined', ended_at = now() WHERE id = $1 AND mentee_user_id = $2 AND status = 'invited' RETURNING id`,
        [mentorshipId, mentee.id],
      )) as [{ id: string }[], number];
      if (rows.length === 0) throw new NotFoundException('No such invitation for you');
      await this.audit.record({ actorId: mentee.id, action: 'mentorship.decline', subjectType: 'mentorship', subjectId: mentorshipId, requestId }, manager);
    });
  }

  /** Ends the caller's mentorship (or withdraws an invitation) with this mentee, as the mentor. */
  async endAsMentor(mentor: AuthUser, menteeId: string, requestId: string): Promise<void> {
    await this.end(mentor.id, `mentor_user_id = $1 AND mentee_user_id = $2`, [mentor.id, menteeId], NOT_YOUR_MENTEE, requestId);
  }

  /** Ends the caller's mentorship as the mentee. */
  async endAsMentee(mentee: AuthUser, requestId: string): Promise<void> {
    await this.end(mentee.id, `mentee_user_id = $1 AND status = 'active'`, [mentee.id], 'You have no mentor', requestId);
  }

  private async end(actorId: string, where: string, params: unknown[], notFound: string, requestId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(
        `UPDATE mentorships SET status = CASE WHEN status = 'invited' THEN 'declined' ELSE 'ended' END, ended_at = now()
          WHERE ${where} AND ended_at IS NULL RETURNING id`,
        params,
      )) as [{ id: string }[], number];
      if (rows.length === 0) throw new NotFoundException(notFound);
      for (const row of rows) await this.audit.record({ actorId, action: 'mentorship.end', subjectType: 'mentorship', subjectId: row.id, requestId }, manager);
    });
  }

  // ---- the mentor's dashboard ----------------------------------------------------------------

  async mentees(mentor: AuthUser, language: string, now = new Date()): Promise<MenteeListDto> {
    const active = (await this.dataSource.query(`${MENTORSHIP_SELECT} WHERE ms.mentor_user_id = $1 AND ms.status = 'active' ORDER BY me.display_name, ms.id`, [
      mentor.id,
    ])) as MentorshipRow[];
    const invitations = (await this.dataSource.query(`${MENTORSHIP_SELECT} WHERE ms.mentor_user_id = $1 AND ms.status = 'invited' ORDER BY ms.created_at DESC`, [
      mentor.id,
    ])) as MentorshipRow[];
    const summaries = await this.summaries(mentor.id, active, language, now);
    return {
      minimum: MENTEES_MINIMUM,
      activeDays: ACTIVE_DAYS,
      activeMentees: summaries.filter((s) => s.active).length,
      mentees: summaries.map((s) => s.summary),
      invitations: invitations.map(toMentorshipDto),
    };
  }

  /** One active mentee of the caller, with courses and nudges; 404 for anyone else. */
  async mentee(mentor: AuthUser, menteeId: string, language: string, now = new Date()): Promise<MenteeDetailDto> {
    const rows = (await this.dataSource.query(`${MENTORSHIP_SELECT} WHERE ms.mentor_user_id = $1 AND ms.mentee_user_id = $2 AND ms.status = 'active'`, [
      mentor.id,
      menteeId,
    ])) as MentorshipRow[];
    if (rows.length === 0) throw new NotFoundException(NOT_YOUR_MENTEE);
    const [{ summary, courses }] = await this.summaries(mentor.id, rows, language, now);
    const nudges = (await this.dataSource.query(`${NUDGE_SELECT} WHERE n.mentor_user_id = $1 AND n.mentee_user_id = $2 ORDER BY n.created_at DESC LIMIT 20`, [
      mentor.id,
      menteeId,
    ])) as NudgeRow[];
    return { ...summary, courses, nudges: nudges.map(toNudgeDto) };
  }

  /** Facts of the learning tables for the mentees of these mentorships, batched, folded into summaries. */
  private async summaries(mentorId: string, mentorships: MentorshipRow[], language: string, now: Date) {
    if (mentorships.length === 0) return [];
    const ids = mentorships.map((m) => m.menteeId);
    const [people, courses, openLessons, quizzes, nudges] = await Promise.all([
      this.dataSource.query(
        `SELECT u.id, ${lastActivitySql('u.id')} AS "lastActivityAt",
                (SELECT count(*) FROM certificates c WHERE c.user_id = u.id AND c.revoked_at IS NULL)::int AS certificates
           FROM users u WHERE u.id = ANY($1::uuid[])`,
        [ids],
      ) as Promise<{ id: string; lastActivityAt: Date | null; certificates: number }[]>,
      this.dataSource.query(
        `SELECT e.user_id AS "userId", e.course_id AS "courseId", c.slug,
                COALESCE(NULLIF(v.translations -> $2 ->> 'title', ''), v.title) AS title,
                e.enrolled_at AS "enrolledAt", e.completed_at AS "completedAt",
                (SELECT count(*) FROM course_modules m JOIN lessons le ON le.module_id = m.id WHERE m.version_id = e.version_id)::int AS total,
                (SELECT count(*) FROM course_modules m JOIN lessons le ON le.module_id = m.id
                   JOIN lesson_progress lp ON lp.user_id = e.user_id AND lp.course_id = e.course_id AND lp.lesson_key = le.lesson_key AND lp.completed_at IS NOT NULL
                  WHERE m.version_id = e.version_id)::int AS done,
                (SELECT max(lp.updated_at) FROM lesson_progress lp WHERE lp.user_id = e.user_id AND lp.course_id = e.course_id) AS "lastActivityAt"
           FROM enrolments e JOIN courses c ON c.id = e.course_id JOIN course_versions v ON v.id = e.version_id
          WHERE e.user_id = ANY($1::uuid[])
          ORDER BY e.completed_at IS NOT NULL, e.enrolled_at DESC`,
        [ids, language],
      ) as Promise<{ userId: string; courseId: string; slug: string; title: string; enrolledAt: Date; completedAt: Date | null; total: number; done: number; lastActivityAt: Date | null }[]>,
      this.dataSource.query(
        `SELECT lp.user_id AS "userId",
                COALESCE(NULLIF(v.translations -> $2 ->> 'title', ''), v.title) AS "courseTitle",
                COALESCE(NULLIF(le.translations -> $2 ->> 'title', ''), le.title) AS "lessonTitle",
                COALESCE(lp.opened_at, lp.position_at, lp.updated_at) AS "openedAt",
                (e.completed_at IS NOT NULL) AS "courseCompleted"
           FROM lesson_progress lp
           JOIN lessons le ON le.id = lp.lesson_id
           JOIN enrolments e ON e.user_id = lp.user_id AND e.course_id = lp.course_id
           JOIN course_versions v ON v.id = e.version_id
          WHERE lp.user_id = ANY($1::uuid[]) AND lp.completed_at IS NULL`,
        [ids, language],
      ) as Promise<{ userId: string; courseTitle: string; lessonTitle: string; openedAt: Date; courseCompleted: boolean }[]>,
      this.dataSource.query(
        `SELECT qa.user_id AS "userId", qa.quiz_id AS "quizId",
                min(COALESCE(NULLIF(v.translations -> $2 ->> 'title', ''), v.title)) AS "courseTitle",
                min(COALESCE(NULLIF(le.translations -> $2 ->> 'title', ''), le.title)) AS "lessonTitle",
                count(*) FILTER (WHERE NOT g.passed)::int AS "failedAttempts",
                bool_or(g.passed) AS passed
           FROM quiz_attempts qa
           JOIN grades g ON g.attempt_id = qa.id
           JOIN lessons le ON le.id = qa.lesson_id
           JOIN course_modules m ON m.id = le.module_id
           JOIN course_versions v ON v.id = m.version_id
          WHERE qa.user_id = ANY($1::uuid[])
          GROUP BY qa.user_id, qa.quiz_id`,
        [ids, language],
      ) as Promise<{ userId: string; quizId: string; courseTitle: string; lessonTitle: string; failedAttempts: number; passed: boolean }[]>,
      this.dataSource.query(
        `SELECT n.mentee_user_id AS "menteeId", max(n.created_at) AS "lastNudgeAt",
                bool_or(n.sent_on = (now() AT TIME ZONE '${NUDGE_DAY_ZONE}')::date) AS today
           FROM mentor_nudges n WHERE n.mentor_user_id = $1 AND n.mentee_user_id = ANY($2::uuid[])
          GROUP BY n.mentee_user_id`,
        [mentorId, ids],
      ) as Promise<{ menteeId: string; lastNudgeAt: Date; today: boolean }[]>,
    ]);

    return mentorships.map((ms) => {
      const person = people.find((p) => p.id === ms.menteeId);
      const own = courses.filter((c) => c.userId === ms.menteeId);
      const lastActivityAt = person?.lastActivityAt ? new Date(person.lastActivityAt) : null;
      const facts: MenteeFacts = {
        followedSince: new Date(ms.startedAt ?? ms.createdAt),
        lastActivityAt,
        enrolments: own.length,
        openLessons: openLessons.filter((l) => l.userId === ms.menteeId).map((l) => ({ ...l, openedAt: new Date(l.openedAt) })),
        quizzes: quizzes.filter((q) => q.userId === ms.menteeId),
      };
      const nudge = nudges.find((n) => n.menteeId === ms.menteeId);
      const active = isActiveLearner(lastActivityAt, now);
      const summary: MenteeSummaryDto = {
        mentorshipId: ms.id,
        mentee: { id: ms.menteeId, displayName: ms.menteeName },
        followedSince: facts.followedSince.toISOString(),
        lastActivityAt: iso(lastActivityAt),
        active,
        coursesInProgress: own.filter((c) => !c.completedAt).length,
        coursesCompleted: own.filter((c) => c.completedAt).length,
        certificates: person?.certificates ?? 0,
        stuck: stuckReasons(facts, now).map(toStuckDto),
        lastNudgeAt: iso(nudge?.lastNudgeAt ?? null),
        nudgedToday: nudge?.today ?? false,
      };
      const courseDtos: MenteeCourseDto[] = own.map((c) => ({
        courseId: c.courseId,
        slug: c.slug,
        title: c.title,
        percent: c.total === 0 ? 0 : Math.floor((c.done * 100) / c.total),
        completedLessons: c.done,
        totalLessons: c.total,
        enrolledAt: new Date(c.enrolledAt).toISOString(),
        completedAt: iso(c.completedAt),
        lastActivityAt: iso(c.lastActivityAt),
      }));
      return { summary, courses: courseDtos, active };
    });
  }

  // ---- nudges --------------------------------------------------------------------------------

  /**
   * Sends a nudge to an active mentee of the caller. Idempotent by `clientId` (a repeat answers the
   * stored nudge, `created: false`); a second nudge to the same mentee on the same Vietnamese day is
   * refused with 429. Both are unique constraints, so concurrent requests cannot beat them.
   */
  async nudge(mentor: AuthUser, menteeId: string, body: SendNudgeDto, now = new Date()): Promise<{ nudge: NudgeDto; created: boolean }> {
    const [mentorship] = (await this.dataSource.query(`SELECT id FROM mentorships WHERE mentor_user_id = $1 AND mentee_user_id = $2 AND status = 'active'`, [
      mentor.id,
      menteeId,
    ])) as { id: string }[];
    // A repeat of a nudge already stored answers it, even if the mentorship ended since.
    const existing = await this.nudgeByClientId(mentor.id, body.clientId);
    if (existing) return this.repeat(existing, menteeId);
    if (!mentorship) throw new NotFoundException(NOT_YOUR_MENTEE);
    const inserted = (await this.dataSource.query(
      `INSERT INTO mentor_nudges (mentorship_id, mentor_user_id, mentee_user_id, client_id, preset, note, sent_on)
       VALUES ($1, $2, $3, $4, $5, $6, ($7::timestamptz AT TIME ZONE '${NUDGE_DAY_ZONE}')::date)
       ON CONFLICT DO NOTHING RETURNING id`,
      [mentorship.id, mentor.id, menteeId, body.clientId, body.preset, plainNote(body.note), now.toISOString()],
    )) as { id: string }[];
    if (inserted.length === 0) {
      const raced = await this.nudgeByClientId(mentor.id, body.clientId);
      if (raced) return this.repeat(raced, menteeId);
      throw new NudgedTodayException(secondsUntilNextVietnamDay(now));
    }
    const [row] = (await this.dataSource.query(`${NUDGE_SELECT} WHERE n.id = $1`, [inserted[0].id])) as NudgeRow[];
    return { nudge: toNudgeDto(row), created: true };
  }

  private repeat(existing: NudgeRow, menteeId: string): { nudge: NudgeDto; created: boolean } {
    if (existing.menteeId !== menteeId) throw new ConflictException('This clientId was already used for a nudge to someone else');
    return { nudge: toNudgeDto(existing), created: false };
  }

  private async nudgeByClientId(mentorId: string, clientId: string): Promise<NudgeRow | undefined> {
    const rows = (await this.dataSource.query(`${NUDGE_SELECT} WHERE n.mentor_user_id = $1 AND n.client_id = $2`, [mentorId, clientId])) as NudgeRow[];
    return rows[0];
  }

  // ---- the mentee's side ---------------------------------------------------------------------

  async myMentoring(user: AuthUser): Promise<MyMentoringDto> {
    const [mine, invitations, nudges, [{ unread }]] = await Promise.all([
      this.dataSource.query(`${MENTORSHIP_SELECT} WHERE ms.mentee_user_id = $1 AND ms.status = 'active'`, [user.id]) as Promise<MentorshipRow[]>,
      this.dataSource.query(`${MENTORSHIP_SELECT} WHERE ms.mentee_user_id = $1 AND ms.status = 'invited' ORDER BY ms.created_at DESC`, [user.id]) as Promise<MentorshipRow[]>,
      this.dataSource.query(`${NUDGE_SELECT} WHERE n.mentee_user_id = $1 ORDER BY n.created_at DESC LIMIT 20`, [user.id]) as Promise<NudgeRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS unread FROM mentor_nudges WHERE mentee_user_id = $1 AND read_at IS NULL`, [user.id]) as Promise<{ unread: number }[]>,
    ]);
    const active = mine[0];
    return {
      mentor: active ? { mentorshipId: active.id, mentor: { id: active.mentorId, displayName: active.mentorName }, since: new Date(active.startedAt ?? active.createdAt).toISOString() } : null,
      invitations: invitations.map(toMentorshipDto),
      nudges: nudges.map(toNudgeDto),
      unread,
    };
  }

  /** Marks a nudge to the caller as read (idempotent); 404 for a nudge to someone else. */
  async markRead(user: AuthUser, nudgeId: string): Promise<void> {
    const [rows] = (await this.dataSource.query(`UPDATE mentor_nudges SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND mentee_user_id = $2 RETURNING id`, [
      nudgeId,
      user.id,
    ])) as [{ id: string }[], number];
    if (rows.length === 0) throw new NotFoundException('No such nudge for you');
  }

  // ---- the unit view -------------------------------------------------------------------------

  /**
   * Every user holding the role mentor who lives in the scope (users.unit_id in the subtree), with
   * their active mentorships and, of those, the mentees active in the last `activeDays` days.
   * Reused by the reports ("mentors and their mentees").
   */
  async mentorCounts(scope: UnitScope, options: { activeDays?: number; asOf?: Date } = {}): Promise<MentorCount[]> {
    const params: unknown[] = [options.activeDays ?? ACTIVE_DAYS, (options.asOf ?? new Date()).toISOString()];
    const where = scope.where('u.path', params);
    const rows = (await this.dataSource.query(
      `SELECT mr.id AS "mentorUserId", mr.display_name AS "displayName", u.id AS "unitId", u.name AS "unitName", u.path AS "unitPath",
              count(ms.id)::int AS "totalMentees",
              count(ms.id) FILTER (WHERE act.last_at > $2::timestamptz - make_interval(days => $1::int) AND act.last_at <= $2::timestamptz)::int AS "activeMentees"
         FROM users mr
         LEFT JOIN administrative_units u ON u.id = mr.unit_id
         LEFT JOIN mentorships ms ON ms.mentor_user_id = mr.id AND ms.status = 'active'
         LEFT JOIN LATERAL (SELECT ${lastActivitySql('ms.mentee_user_id')} AS last_at) act ON ms.id IS NOT NULL
        WHERE EXISTS (SELECT 1 FROM role_assignments r WHERE r.user_id = mr.id AND r.role = 'mentor')
          AND mr.disabled_at IS NULL
          AND ${where}
        GROUP BY mr.id, u.id
        ORDER BY "activeMentees", mr.display_name, mr.id`,
      params,
    )) as MentorCount[];
    return rows;
  }

  async unitMentors(scope: UnitScope, all: boolean): Promise<UnitMentorsDto> {
    const counts = await this.mentorCounts(scope);
    const under = counts.filter((c) => c.activeMentees < MENTEES_MINIMUM);
    return {
      minimum: MENTEES_MINIMUM,
      activeDays: ACTIVE_DAYS,
      mentorsTotal: counts.length,
      mentorsUnderMinimum: under.length,
      mentors: (all ? counts : under).map((c) => ({
        mentorUserId: c.mentorUserId,
        displayName: c.displayName,
        unit: c.unitId && c.unitName ? { id: c.unitId, name: c.unitName } : null,
        totalMentees: c.totalMentees,
        activeMentees: c.activeMentees,
      })),
    };
  }

  private async mentorshipById(manager: EntityManager, id: string): Promise<MentorshipDto> {
    const [row] = (await manager.query(`${MENTORSHIP_SELECT} WHERE ms.id = $1`, [id])) as MentorshipRow[];
    return toMentorshipDto(row);
  }
}

function iso(value: Date | string | null | undefined): string | null {
  return value ? new Date(value).toISOString() : null;
}

function toMentorshipDto(row: MentorshipRow): MentorshipDto {
  return {
    id: row.id,
    status: row.status,
    mentor: { id: row.mentorId, displayName: row.mentorName },
    mentee: { id: row.menteeId, displayName: row.menteeName },
    createdAt: new Date(row.createdAt).toISOString(),
    startedAt: iso(row.startedAt),
    endedAt: iso(row.endedAt),
  };
}

function toNudgeDto(row: NudgeRow): NudgeDto {
  return {
    id: row.id,
    clientId: row.clientId,
    preset: row.preset,
    note: row.note,
    mentor: { id: row.mentorId, displayName: row.mentorName },
    createdAt: new Date(row.createdAt).toISOString(),
    readAt: iso(row.readAt),
  };
}

function toStuckDto(reason: StuckReason) {
  return { ...reason };
}
