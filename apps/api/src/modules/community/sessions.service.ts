import { randomBytes } from 'node:crypto';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { RequestValidationException } from '../../common/validation';
import { localize } from '../catalog/localize';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../identity/auth-user';
import { CourseOutlines } from '../learning/course-outline';
import { LearningService } from '../learning/learning.service';
import { MediaAsset } from '../media/media-asset.entity';
import { MediaService } from '../media/media.service';
import { ATTENDEE_SELECT, CLASS_SELECT, CLASS_TIME_ZONE, SESSION_SELECT, toSessionDto, type AttendeeRow, type ClassRow, type SessionRow } from './access';
import { ClassesService, toAttendeeDto } from './classes.service';
import { signCheckInToken, verifyCheckInToken } from './codes';
import { toCsv } from './csv-export';
import type { ClassAttendanceDto, SessionAttendanceDto } from './dto/attendee.dto';
import type { PresentationDto } from './dto/live.dto';
import type { AttendanceMarkDto, CheckInResultDto, CheckInTokenDto, CreateSessionDto, SessionDto, UpdateSessionDto } from './dto/session.dto';
import { LiveHub } from './live-hub';
import { LiveService } from './live.service';
import { splitIntoSlides } from './slides';

const SESSION_NOT_FOUND = 'This session was not found in this class.';
const BAD_CHECK_IN = 'This check-in code is not valid: scan the QR code shown in the class again.';
const EXPIRED_CHECK_IN = 'This check-in code has expired: scan the QR code shown in the class now.';

/** Sessions (from the schedule or ad hoc), check-in tokens, attendance and the presenter's content. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly classes: ClassesService,
    private readonly outlines: CourseOutlines,
    private readonly learning: LearningService,
    private readonly media: MediaService,
    private readonly live: LiveService,
    private readonly hub: LiveHub,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, classId: string): Promise<SessionDto[]> {
    const cls = await this.classes.managed(user, classId);
    const rows = (await this.db.query(`${SESSION_SELECT} WHERE s.class_id = $1 ORDER BY s.starts_at, s.created_at`, [cls.id])) as SessionRow[];
    return rows.map(toSessionDto);
  }

  /** Sessions of the weekly schedule from today for `weeks` weeks (within the class's dates); existing ones are kept. */
  async generate(user: AuthUser, classId: string, weeks = 8): Promise<SessionDto[]> {
    const cls = await this.classes.managed(user, classId);
    if (cls.status !== 'active') throw new ConflictException('This class is archived: it has no new sessions.');
    await this.db.query(
      `WITH c AS (SELECT * FROM community_classes WHERE id = $1),
            days AS (
              SELECT d::date AS day FROM c,
                generate_series(GREATEST(c.first_date, (now() AT TIME ZONE '${CLASS_TIME_ZONE}')::date)::timestamp,
                                LEAST(COALESCE(c.end_date, 'infinity'::date), (now() AT TIME ZONE '${CLASS_TIME_ZONE}')::date + $2::int * 7)::timestamp,
                                interval '1 day') AS d
               WHERE extract(isodow FROM d) = c.weekday)
       INSERT INTO class_sessions (class_id, starts_at, ends_at, checkin_secret)
       SELECT c.id, (days.day + c.start_time) AT TIME ZONE '${CLASS_TIME_ZONE}',
              (days.day + c.start_time) AT TIME ZONE '${CLASS_TIME_ZONE}' + make_interval(mins => c.duration_minutes),
              uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid())
         FROM c, days
       ON CONFLICT (class_id, starts_at) WHERE ad_hoc = false DO NOTHING`,
      [cls.id, weeks],
    );
    return this.list(user, classId);
  }

  async createAdHoc(user: AuthUser, classId: string, dto: CreateSessionDto): Promise<{ created: boolean; session: SessionDto }> {
    const cls = await this.classes.managed(user, classId);
    if (cls.status !== 'active') throw new ConflictException('This class is archived: it has no new sessions.');
    if (dto.lessonKey) await this.checkLesson(cls, dto.lessonKey);
    const inserted = (await this.db.query(
      `INSERT INTO class_sessions (class_id, starts_at, ends_at, ad_hoc, client_id, lesson_key, checkin_secret)
       VALUES ($1, $2, $2::timestamptz + make_interval(mins => $3), true, $4, $5, $6)
       ON CONFLICT (class_id, client_id) WHERE client_id IS NOT NULL DO NOTHING RETURNING id`,
      [cls.id, dto.startsAt, dto.durationMinutes ?? cls.duration_minutes, dto.clientId, dto.lessonKey ?? null, randomBytes(32)],
    )) as { id: string }[];
    const [row] = (await this.db.query(`${SESSION_SELECT} WHERE s.class_id = $1 AND s.client_id = $2`, [cls.id, dto.clientId])) as SessionRow[];
    return { created: inserted.length > 0, session: toSessionDto(row!) };
  }

  /** The session if the caller manages its class; 404 otherwise. */
  async managed(user: AuthUser, classId: string, sessionId: string): Promise<{ cls: ClassRow; session: SessionRow }> {
    const cls = await this.classes.managed(user, classId);
    const [session] = (await this.db.query(`${SESSION_SELECT} WHERE s.class_id = $1 AND s.id = $2`, [cls.id, sessionId])) as SessionRow[];
    if (!session) throw new NotFoundException(SESSION_NOT_FOUND);
    return { cls, session };
  }

  async update(user: AuthUser, classId: string, sessionId: string, dto: UpdateSessionDto): Promise<SessionDto> {
    const { cls, session } = await this.managed(user, classId, sessionId);
    if (dto.lessonKey) await this.checkLesson(cls, dto.lessonKey);
    const startsAt = dto.startsAt ? new Date(dto.startsAt) : session.starts_at;
    const minutes = dto.durationMinutes ?? Math.round((session.ends_at.getTime() - session.starts_at.getTime()) / 60_000);
    let status = session.status;
    if (dto.cancelled === true) {
      if (session.status === 'live' || session.status === 'ended') throw new ConflictException('A session that has started cannot be cancelled.');
      status = 'cancelled';
    } else if (dto.cancelled === false && session.status === 'cancelled') status = 'scheduled';
    await this.db.query(
      `UPDATE class_sessions SET lesson_key = $2, starts_at = $3, ends_at = $3::timestamptz + make_interval(mins => $4), status = $5 WHERE id = $1`,
      [session.id, dto.lessonKey === undefined ? session.lesson_key : dto.lessonKey, startsAt.toISOString(), minutes, status],
    );
    return this.one(session.id);
  }

  async start(user: AuthUser, classId: string, sessionId: string): Promise<SessionDto> {
    const { session } = await this.managed(user, classId, sessionId);
    if (session.status === 'cancelled') throw new ConflictException('This session is cancelled: un-cancel it first.');
    await this.db.query(`UPDATE class_sessions SET status = 'live', started_at = COALESCE(started_at, now()) WHERE id = $1 AND status = 'scheduled'`, [session.id]);
    return this.one(session.id);
  }

  async end(user: AuthUser, classId: string, sessionId: string): Promise<SessionDto> {
    const { cls, session } = await this.managed(user, classId, sessionId);
    await this.db.query(
      `UPDATE class_sessions SET status = 'ended', started_at = COALESCE(started_at, now()), ended_at = COALESCE(ended_at, now()) WHERE id = $1 AND status IN ('scheduled', 'live')`,
      [session.id],
    );
    await this.live.closeOpen(cls.id, session.id);
    return this.one(session.id);
  }

  private async one(sessionId: string): Promise<SessionDto> {
    const [row] = (await this.db.query(`${SESSION_SELECT} WHERE s.id = $1`, [sessionId])) as SessionRow[];
    return toSessionDto(row!);
  }

  private async checkLesson(cls: ClassRow, lessonKey: string): Promise<void> {
    const rows = (await this.db.query(
      `SELECT 1 FROM lessons l JOIN course_modules m ON m.id = l.module_id JOIN course_versions v ON v.id = m.version_id
        WHERE l.lesson_key = $1 AND v.course_id = $2 AND v.status = 'published' LIMIT 1`,
      [lessonKey, cls.course_id],
    )) as unknown[];
    if (rows.length === 0) throw new RequestValidationException([{ field: 'lessonKey', message: 'This lesson is not in the class’s course.' }]);
  }

  // ---- check-in ---------------------------------------------------------------------------

  async checkInToken(user: AuthUser, classId: string, sessionId: string, ttlMinutes = 20): Promise<CheckInTokenDto> {
    const { session } = await this.managed(user, classId, sessionId);
    if (session.status === 'cancelled') throw new ConflictException('This session is cancelled.');
    const [{ checkin_secret: secret }] = (await this.db.query(`SELECT checkin_secret FROM class_sessions WHERE id = $1`, [session.id])) as { checkin_secret: Buffer }[];
    const expiresAt = new Date(Date.now() + ttlMinutes * 60_000);
    const token = signCheckInToken(secret, session.id, expiresAt);
    const url = new URL(`/diem-danh/${session.id}`, this.config.PUBLIC_URL);
    url.searchParams.set('t', token);
    return { token, url: url.toString(), expiresAt: new Date(Math.floor(expiresAt.getTime() / 1000) * 1000).toISOString() };
  }

  /** A learner scanned the session's QR: they join the class if needed, and are marked present (replays change nothing). */
  async checkIn(user: AuthUser, sessionId: string, token: string, clientId: string): Promise<CheckInResultDto> {
    const [found] = (await this.db.query(
      `SELECT s.id, s.class_id, s.status, s.checkin_secret FROM class_sessions s JOIN community_classes c ON c.id = s.class_id
        WHERE s.id = $1 AND c.status = 'active'`,
      [sessionId],
    )) as { id: string; class_id: string; status: string; checkin_secret: Buffer }[];
    if (!found) throw new NotFoundException(BAD_CHECK_IN);
    // A queued check-in resent after the server stored it (the answer was lost) is answered as done, even with an expired token.
    const [stored] = (await this.db.query(
      `SELECT c.title FROM class_attendance ca JOIN class_attendees a ON a.id = ca.attendee_id JOIN community_classes c ON c.id = a.class_id
        WHERE ca.session_id = $1 AND ca.client_id = $2 AND a.user_id = $3`,
      [found.id, clientId, user.id],
    )) as { title: string }[];
    if (stored) return { classId: found.class_id, classTitle: stored.title, sessionId: found.id, present: true, alreadyCheckedIn: true };
    if (found.status === 'cancelled') throw new NotFoundException(BAD_CHECK_IN);
    const verdict = verifyCheckInToken(found.checkin_secret, found.id, token);
    if (verdict === 'invalid') throw new NotFoundException(BAD_CHECK_IN);
    if (verdict === 'expired') throw new NotFoundException(EXPIRED_CHECK_IN);
    const [cls] = (await this.db.query(`${CLASS_SELECT} WHERE c.id = $1`, [found.class_id])) as ClassRow[];
    await this.classes.ensureAttendee(cls!, user);
    const [attendee] = (await this.db.query(`SELECT id FROM class_attendees WHERE class_id = $1 AND user_id = $2`, [cls!.id, user.id])) as { id: string }[];
    const [before] = (await this.db.query(`SELECT present FROM class_attendance WHERE session_id = $1 AND attendee_id = $2`, [found.id, attendee!.id])) as { present: boolean }[];
    await this.mark(found.id, [{ attendeeId: attendee!.id, present: true, clientId }], 'qr', user.id);
    await this.publishCount(cls!.id, found.id);
    return { classId: cls!.id, classTitle: cls!.title, sessionId: found.id, present: true, alreadyCheckedIn: before?.present === true };
  }

  // ---- attendance -------------------------------------------------------------------------

  /**
   * Applies marks with last-writer-wins by the time they were made: a mark replaces the stored one
   * only when it is another write (client id) made at the same time or later. A queued write sent
   * twice, or an old one arriving after a newer one, changes nothing.
   */
  private async mark(sessionId: string, marks: AttendanceMarkDto[], method: 'qr' | 'checklist', by: string): Promise<void> {
    await this.db.query(
      `INSERT INTO class_attendance (session_id, attendee_id, present, method, marked_at, client_id, marked_by)
       SELECT $1, m.attendee_id, m.present, $2, LEAST(COALESCE(m.at, now()), now()), m.client_id, $3
         FROM unnest($4::uuid[], $5::boolean[], $6::uuid[], $7::timestamptz[]) AS m(attendee_id, present, client_id, at)
       ON CONFLICT (session_id, attendee_id) DO UPDATE
          SET present = EXCLUDED.present, method = EXCLUDED.method, marked_at = EXCLUDED.marked_at,
              client_id = EXCLUDED.client_id, marked_by = EXCLUDED.marked_by, updated_at = now()
        WHERE class_attendance.client_id <> EXCLUDED.client_id AND class_attendance.marked_at <= EXCLUDED.marked_at`,
      [sessionId, method, by, marks.map((m) => m.attendeeId), marks.map((m) => m.present), marks.map((m) => m.clientId), marks.map((m) => m.at ?? null)],
    );
  }

  async setAttendance(user: AuthUser, classId: string, sessionId: string, marks: AttendanceMarkDto[]): Promise<SessionAttendanceDto> {
    const { cls, session } = await this.managed(user, classId, sessionId);
    if (session.status === 'cancelled') throw new ConflictException('This session is cancelled: attendance cannot be taken.');
    const ids = [...new Set(marks.map((m) => m.attendeeId))];
    if (ids.length !== marks.length) throw new RequestValidationException([{ field: 'marks', message: 'each attendee may appear once' }]);
    const known = (await this.db.query(`SELECT id FROM class_attendees WHERE class_id = $1 AND id = ANY($2)`, [cls.id, ids])) as { id: string }[];
    if (known.length !== ids.length) throw new NotFoundException('Some of these people are not attendees of this class: reload the list.');
    await this.mark(session.id, marks, 'checklist', user.id);
    await this.publishCount(cls.id, session.id);
    return this.sessionAttendance(user, classId, sessionId);
  }

  private async publishCount(classId: string, sessionId: string): Promise<void> {
    const [{ n }] = (await this.db.query(`SELECT count(*)::int AS n FROM class_attendance WHERE session_id = $1 AND present`, [sessionId])) as { n: number }[];
    await this.hub.publish(classId, ['projector'], 'attendance', { sessionId, presentCount: n });
  }

  async sessionAttendance(user: AuthUser, classId: string, sessionId: string): Promise<SessionAttendanceDto> {
    const { cls, session } = await this.managed(user, classId, sessionId);
    const rows = (await this.db.query(
      `SELECT x.*, ca.present, ca.method, ca.marked_at FROM (${ATTENDEE_SELECT} WHERE a.class_id = $1) x
         LEFT JOIN class_attendance ca ON ca.attendee_id = x.id AND ca.session_id = $2
        ORDER BY lower(x.name), x.joined_at`,
      [cls.id, session.id],
    )) as (AttendeeRow & { present: boolean | null; method: 'qr' | 'checklist' | null; marked_at: Date | null })[];
    return {
      session: toSessionDto(session),
      presentCount: rows.filter((r) => r.present === true).length,
      rows: rows.map((r) => ({ attendee: toAttendeeDto(r), present: r.present, method: r.method, markedAt: r.marked_at?.toISOString() ?? null })),
    };
  }

  async classAttendance(user: AuthUser, classId: string): Promise<ClassAttendanceDto> {
    const cls = await this.classes.managed(user, classId);
    const sessions = (await this.db.query(`${SESSION_SELECT} WHERE s.class_id = $1 AND s.status <> 'cancelled' ORDER BY s.starts_at, s.created_at`, [cls.id])) as SessionRow[];
    const attendees = (await this.db.query(`${ATTENDEE_SELECT} WHERE a.class_id = $1 ORDER BY lower(COALESCE(us.display_name, a.name)), a.joined_at`, [cls.id])) as AttendeeRow[];
    const marks = (await this.db.query(
      `SELECT ca.session_id, ca.attendee_id, ca.present FROM class_attendance ca JOIN class_sessions s ON s.id = ca.session_id WHERE s.class_id = $1`,
      [cls.id],
    )) as { session_id: string; attendee_id: string; present: boolean }[];
    const byKey = new Map(marks.map((m) => [`${m.attendee_id}:${m.session_id}`, m.present]));
    return {
      sessions: sessions.map(toSessionDto),
      rows: attendees.map((a) => {
        const row = sessions.map((s) => byKey.get(`${a.id}:${s.id}`) ?? null);
        return { attendee: toAttendeeDto(a), presentCount: row.filter((p) => p === true).length, marks: row };
      }),
    };
  }

  /** The class's attendance as CSV: name, year of birth, account yes/no, one column per session (local date), sessions present. */
  async attendanceCsv(user: AuthUser, classId: string): Promise<{ filename: string; csv: string }> {
    const view = await this.classAttendance(user, classId);
    const local = (iso: string) =>
      new Intl.DateTimeFormat('sv-SE', { timeZone: CLASS_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
    const header = ['Họ tên / Name', 'Năm sinh / Birth year', 'Có tài khoản / Has account', ...view.sessions.map((s) => local(s.startsAt)), 'Số buổi có mặt / Sessions present'];
    const rows = view.rows.map((r) => [
      r.attendee.name,
      r.attendee.birthYear,
      r.attendee.hasAccount ? 'x' : '',
      ...r.marks.map((m) => (m === null ? '' : m ? 'x' : '0')),
      r.presentCount,
    ]);
    await this.audit.record({ actorId: user.id, action: 'class.attendance.export', subjectType: 'community_class', subjectId: classId, details: { rows: rows.length } });
    const date = new Date().toISOString().slice(0, 10);
    return { filename: `diem-danh-${classId.slice(0, 8)}-${date}.csv`, csv: toCsv([header, ...rows]) };
  }

  // ---- presenter --------------------------------------------------------------------------

  /** What the projector shows: the lesson's text as slides, its video with captions, the items for live questions. */
  async presentation(user: AuthUser, classId: string, sessionId: string, lang: string | undefined): Promise<PresentationDto> {
    const { cls, session } = await this.managed(user, classId, sessionId);
    const language = await this.learning.languageOf(user, lang);
    const outline = await this.outlines.newestPublished(cls.course_slug);
    const lesson = session.lesson_key ? outline?.lessons.find((l) => l.lessonKey === session.lesson_key) : undefined;
    let presentedLesson: PresentationDto['lesson'] = null;
    let slides: PresentationDto['slides'] = [];
    let video: PresentationDto['video'] = null;
    if (lesson && outline) {
      const texts = localize({ title: lesson.title, body: lesson.body ?? '' }, lesson.translations, language, ['title', 'body']);
      const translated = language !== outline.language && !!lesson.translations?.[language]?.title;
      presentedLesson = { lessonKey: lesson.lessonKey, kind: lesson.kind, title: texts.title, language: translated ? language : outline.language };
      slides = splitIntoSlides(texts.title, texts.body || null);
      if (lesson.mediaAssetId) {
        const [asset] = await this.db.getRepository(MediaAsset).findBy({ id: In([lesson.mediaAssetId]) });
        if (asset) {
          const view = await this.media.toView(asset);
          video = { hlsUrl: view.hlsUrl, posterUrl: view.posterUrl, durationSeconds: view.durationSeconds, captions: view.captions };
        }
      }
    }
    return {
      session: toSessionDto(session),
      classTitle: cls.title,
      joinCode: cls.join_code,
      joinUrl: this.classes.joinUrl(cls.join_code),
      lesson: presentedLesson,
      slides,
      video,
      liveItems: await this.live.itemsOfCourse(cls.course_id),
    };
  }
}
