import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RequestValidationException } from '../../common/validation';
import type { AnswerKey, ItemOption } from '../assessment/entities';
import type { AuthUser } from '../identity/auth-user';
import { CLASS_SELECT, NEXT_SESSION_WHERE, pgCode, updatedRows, scheduleOf, SESSION_SELECT, toSessionDto, UNIQUE_VIOLATION, type ClassRow, type SessionRow } from './access';
import { ClassesService, LIVE_EVIDENCE_SQL } from './classes.service';
import { LIVE_KINDS, type AttendeeQuestionDto, type LiveAnswerResultDto, type LiveItemDto, type LiveKind, type LiveOptionDto, type LiveQuestionDto, type LiveTallyDto, type MyClassDto } from './dto/live.dto';
import type { LiveEvent } from './live-hub';
import { LiveHub } from './live-hub';

interface ItemRow {
  id: string;
  kind: LiveKind;
  stem: string;
  media_url: string | null;
  options: ItemOption[];
  answer_key: AnswerKey;
  competency_ref: string;
  level: number;
}

interface QuestionRow {
  id: string;
  class_id: string;
  session_id: string;
  item_id: string;
  kind: LiveKind;
  stem: string;
  media_url: string | null;
  options: LiveOptionDto[];
  correct_option_ids: string[];
  opened_at: Date;
  closed_at: Date | null;
}

const TRUE_FALSE: LiveOptionDto[] = [
  { id: 'true', text: '' },
  { id: 'false', text: '' },
];

/**
 * Live questions: items of the course's quizzes (single/multiple choice, true/false) asked at a
 * session; attendees answer from their phones — the **first answer is kept** (a replay or a change
 * of mind changes nothing, so tallies only grow and a phone's queued answer counts once); the
 * tally goes to the projector over SSE; closing writes practice evidence for account holders.
 */
@Injectable()
export class LiveService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly classes: ClassesService,
    private readonly hub: LiveHub,
  ) {}

  // ---- items ------------------------------------------------------------------------------

  private async itemRowsOfCourse(courseId: string, itemId?: string): Promise<ItemRow[]> {
    const params: unknown[] = [courseId, [...LIVE_KINDS]];
    if (itemId) params.push(itemId);
    return (await this.db.query(
      `SELECT DISTINCT ON (i.id) i.id, i.kind, i.stem, i.media_url, i.options, i.answer_key, i.competency_ref, i.level, i.created_at
         FROM course_versions v
         JOIN course_modules m ON m.version_id = v.id
         JOIN lessons l ON l.module_id = m.id AND l.kind = 'quiz'
         JOIN quizzes q ON q.lesson_key = l.lesson_key
         CROSS JOIN LATERAL jsonb_to_recordset(q.blueprint) AS b("competencyRef" text, level int)
         JOIN assessment_items i ON i.competency_ref = b."competencyRef" AND i.level = b.level AND i.archived_at IS NULL
        WHERE v.id = (SELECT id FROM course_versions WHERE course_id = $1 AND status = 'published' ORDER BY version_number DESC LIMIT 1)
          AND i.kind = ANY($2)${itemId ? ' AND i.id = $3' : ''}
        ORDER BY i.id
        LIMIT 300`,
      params,
    )) as ItemRow[];
  }

  /** Items usable live, for the facilitator and the projector: never the answer key. */
  async itemsOfCourse(courseId: string): Promise<LiveItemDto[]> {
    const rows = await this.itemRowsOfCourse(courseId);
    rows.sort((a, b) => a.competency_ref.localeCompare(b.competency_ref) || a.level - b.level || a.id.localeCompare(b.id));
    return rows.map((r) => ({
      itemId: r.id,
      kind: r.kind,
      stem: r.stem,
      mediaUrl: r.media_url,
      options: liveOptions(r),
      competencyRef: r.competency_ref,
      level: r.level,
    }));
  }

  async items(user: AuthUser, classId: string): Promise<LiveItemDto[]> {
    const cls = await this.classes.managed(user, classId);
    return this.itemsOfCourse(cls.course_id);
  }

  // ---- questions (facilitator) ------------------------------------------------------------

  async launch(user: AuthUser, classId: string, sessionId: string, itemId: string, clientId: string): Promise<{ created: boolean; question: LiveQuestionDto }> {
    const cls = await this.classes.managed(user, classId);
    const [session] = (await this.db.query(`SELECT id, status FROM class_sessions WHERE id = $1 AND class_id = $2`, [sessionId, cls.id])) as { id: string; status: string }[];
    if (!session) throw new NotFoundException('This session was not found in this class.');
    const [existing] = (await this.db.query(`SELECT * FROM live_questions WHERE session_id = $1 AND client_id = $2`, [session.id, clientId])) as QuestionRow[];
    if (existing) return { created: false, question: await this.toDto(existing) };
    if (session.status === 'cancelled' || session.status === 'ended') throw new ConflictException('This session is over: questions can only be asked during a session.');
    const [item] = await this.itemRowsOfCourse(cls.course_id, itemId);
    if (!item) throw new NotFoundException('This question is not among the quiz questions of the class’s course that can be asked live.');
    const correct = item.kind === 'true_false' ? [String(item.answer_key.correctBoolean === true)] : (item.answer_key.correctOptionIds ?? []);
    await this.closeOpen(cls.id);
    let question: QuestionRow | undefined;
    try {
      [question] = (await this.db.query(
        `INSERT INTO live_questions (class_id, session_id, item_id, client_id, kind, stem, media_url, options, correct_option_ids, competency_ref, level)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (session_id, client_id) DO NOTHING RETURNING *`,
        [cls.id, session.id, item.id, clientId, item.kind, item.stem, item.media_url, JSON.stringify(liveOptions(item)), JSON.stringify(correct), item.competency_ref, item.level],
      )) as QuestionRow[];
    } catch (error) {
      if (pgCode(error) === UNIQUE_VIOLATION) throw new ConflictException('Another question was opened at the same moment: close it first.');
      throw error;
    }
    if (!question) {
      const [again] = (await this.db.query(`SELECT * FROM live_questions WHERE session_id = $1 AND client_id = $2`, [session.id, clientId])) as QuestionRow[];
      return { created: false, question: await this.toDto(again!) };
    }
    const dto = await this.toDto(question);
    await this.hub.publish(cls.id, ['projector'], 'question', dto);
    await this.hub.publish(cls.id, ['phones'], 'question', toAttendeeQuestion(question, null));
    return { created: true, question: dto };
  }

  async questions(user: AuthUser, classId: string, sessionId: string): Promise<LiveQuestionDto[]> {
    const cls = await this.classes.managed(user, classId);
    const rows = (await this.db.query(`SELECT * FROM live_questions WHERE class_id = $1 AND session_id = $2 ORDER BY opened_at`, [cls.id, sessionId])) as QuestionRow[];
    return Promise.all(rows.map((r) => this.toDto(r)));
  }

  async close(user: AuthUser, classId: string, questionId: string): Promise<LiveQuestionDto> {
    const cls = await this.classes.managed(user, classId);
    const [question] = (await this.db.query(`SELECT * FROM live_questions WHERE id = $1 AND class_id = $2`, [questionId, cls.id])) as QuestionRow[];
    if (!question) throw new NotFoundException('This question was not found in this class.');
    await this.closeWhere(cls.id, `id = $2`, [question.id]);
    // A replayed close finds it closed already; the evidence insert is idempotent, so it runs again harmlessly.
    await this.db.query(LIVE_EVIDENCE_SQL('la.question_id = $1'), [question.id]);
    const [closed] = (await this.db.query(`SELECT * FROM live_questions WHERE id = $1`, [question.id])) as QuestionRow[];
    return this.toDto(closed!);
  }

  /** Closes the open question of a class (of one session, when given): evidence, then events. */
  async closeOpen(classId: string, sessionId?: string): Promise<void> {
    await this.closeWhere(classId, sessionId ? 'session_id = $2' : 'TRUE', sessionId ? [sessionId] : []);
  }

  private async closeWhere(classId: string, condition: string, params: unknown[]): Promise<void> {
    const closed = (await this.db.transaction(async (m) => {
      // The row lock waits for answers being written (they hold FOR SHARE), so evidence sees them all.
      const list = updatedRows<QuestionRow>(await m.query(`UPDATE live_questions SET closed_at = now() WHERE class_id = $1 AND closed_at IS NULL AND ${condition} RETURNING *`, [classId, ...params]));
      if (list.length > 0) await m.query(LIVE_EVIDENCE_SQL('la.question_id = ANY($1)'), [list.map((q) => q.id)]);
      return list;
    })) as QuestionRow[];
    for (const q of closed) {
      await this.hub.publish(classId, ['projector'], 'closed', await this.toDto(q));
      await this.hub.publish(classId, ['phones'], 'closed', { questionId: q.id });
    }
  }

  async tally(question: Pick<QuestionRow, 'id' | 'options'>): Promise<LiveTallyDto> {
    const [{ total }] = (await this.db.query(`SELECT count(*)::int AS total FROM live_answers WHERE question_id = $1`, [question.id])) as { total: number }[];
    const rows = (await this.db.query(
      `SELECT x AS option_id, count(*)::int AS n FROM live_answers la, jsonb_array_elements_text(la.option_ids) AS x WHERE la.question_id = $1 GROUP BY x`,
      [question.id],
    )) as { option_id: string; n: number }[];
    const counts = new Map(rows.map((r) => [r.option_id, r.n]));
    return { questionId: question.id, total, counts: question.options.map((o) => ({ optionId: o.id, count: counts.get(o.id) ?? 0 })) };
  }

  private async toDto(q: QuestionRow): Promise<LiveQuestionDto> {
    return {
      id: q.id,
      sessionId: q.session_id,
      itemId: q.item_id,
      kind: q.kind,
      stem: q.stem,
      mediaUrl: q.media_url,
      options: q.options,
      openedAt: q.opened_at.toISOString(),
      closedAt: q.closed_at?.toISOString() ?? null,
      tally: await this.tally(q),
      correctOptionIds: q.closed_at ? q.correct_option_ids : null,
    };
  }

  // ---- attendees --------------------------------------------------------------------------

  /** The caller's attendee row in a class (404 when they are not in it). */
  private async myAttendee(user: AuthUser, classId: string): Promise<{ cls: ClassRow; attendeeId: string }> {
    const [row] = (await this.db.query(`${CLASS_SELECT} JOIN class_attendees a ON a.class_id = c.id WHERE c.id = $1 AND a.user_id = $2`, [classId, user.id])) as (ClassRow & {
      attendee_id?: string;
    })[];
    if (!row) throw new NotFoundException('You are not in this class: join it with its code first.');
    const [a] = (await this.db.query(`SELECT id FROM class_attendees WHERE class_id = $1 AND user_id = $2`, [classId, user.id])) as { id: string }[];
    return { cls: row, attendeeId: a!.id };
  }

  async answer(user: AuthUser, classId: string, questionId: string, optionIds: string[], clientId: string): Promise<{ created: boolean; result: LiveAnswerResultDto }> {
    const { cls, attendeeId } = await this.myAttendee(user, classId);
    const outcome = await this.db.transaction(async (m) => {
      const [q] = (await m.query(`SELECT * FROM live_questions WHERE id = $1 AND class_id = $2 FOR SHARE`, [questionId, cls.id])) as QuestionRow[];
      if (!q) throw new NotFoundException('This question was not found in your class.');
      const [kept] = (await m.query(`SELECT option_ids, answered_at FROM live_answers WHERE question_id = $1 AND attendee_id = $2`, [q.id, attendeeId])) as {
        option_ids: string[];
        answered_at: Date;
      }[];
      if (kept) return { q, created: false, optionIds: kept.option_ids, answeredAt: kept.answered_at };
      if (q.closed_at) throw new ConflictException('This question is closed: your answer was not counted. Wait for the next question.');
      const chosen = [...new Set(optionIds)];
      const valid = new Set(q.options.map((o) => o.id));
      if (chosen.some((id) => !valid.has(id))) throw new RequestValidationException([{ field: 'optionIds', message: 'choose among the options of this question' }]);
      if (q.kind !== 'multiple_choice' && chosen.length !== 1) throw new RequestValidationException([{ field: 'optionIds', message: 'choose exactly one answer' }]);
      const correct = sameSet(chosen, q.correct_option_ids);
      const [row] = (await m.query(
        `INSERT INTO live_answers (question_id, attendee_id, id, option_ids, correct, client_id) VALUES ($1, $2, gen_random_uuid(), $3, $4, $5)
         ON CONFLICT (question_id, attendee_id) DO NOTHING RETURNING option_ids, answered_at`,
        [q.id, attendeeId, JSON.stringify(chosen), correct, clientId],
      )) as { option_ids: string[]; answered_at: Date }[];
      if (row) return { q, created: true, optionIds: row.option_ids, answeredAt: row.answered_at };
      const [other] = (await m.query(`SELECT option_ids, answered_at FROM live_answers WHERE question_id = $1 AND attendee_id = $2`, [q.id, attendeeId])) as {
        option_ids: string[];
        answered_at: Date;
      }[];
      return { q, created: false, optionIds: other!.option_ids, answeredAt: other!.answered_at };
    });
    if (outcome.created) await this.hub.publish(cls.id, ['projector'], 'tally', await this.tally(outcome.q));
    return {
      created: outcome.created,
      result: { questionId: outcome.q.id, optionIds: outcome.optionIds, answeredAt: outcome.answeredAt.toISOString(), firstAnswer: outcome.created },
    };
  }

  private async openQuestionFor(classId: string, attendeeId: string): Promise<AttendeeQuestionDto | null> {
    const [q] = (await this.db.query(`SELECT * FROM live_questions WHERE class_id = $1 AND closed_at IS NULL`, [classId])) as QuestionRow[];
    if (!q) return null;
    const [mine] = (await this.db.query(`SELECT option_ids FROM live_answers WHERE question_id = $1 AND attendee_id = $2`, [q.id, attendeeId])) as { option_ids: string[] }[];
    return toAttendeeQuestion(q, mine?.option_ids ?? null);
  }

  async myClasses(user: AuthUser): Promise<MyClassDto[]> {
    const rows = (await this.db.query(
      `${CLASS_SELECT} JOIN class_attendees a ON a.class_id = c.id WHERE a.user_id = $1 ORDER BY c.status, a.joined_at DESC LIMIT 200`,
      [user.id],
    )) as ClassRow[];
    return Promise.all(rows.map((r) => this.myClassDto(user, r)));
  }

  async myClass(user: AuthUser, classId: string): Promise<MyClassDto> {
    const { cls } = await this.myAttendee(user, classId);
    return this.myClassDto(user, cls);
  }

  private async myClassDto(user: AuthUser, r: ClassRow): Promise<MyClassDto> {
    const [a] = (await this.db.query(`SELECT id FROM class_attendees WHERE class_id = $1 AND user_id = $2`, [r.id, user.id])) as { id: string }[];
    const [next] = (await this.db.query(`${SESSION_SELECT} WHERE s.class_id = $1 AND ${NEXT_SESSION_WHERE} ORDER BY s.starts_at LIMIT 1`, [r.id])) as SessionRow[];
    return {
      classId: r.id,
      title: r.title,
      place: r.place,
      unitName: r.unit_name,
      courseSlug: r.course_slug,
      courseTitle: r.course_title ?? r.course_slug,
      schedule: scheduleOf(r),
      status: r.status,
      attendeeId: a!.id,
      nextSession: next ? toSessionDto(next) : null,
      openQuestion: await this.openQuestionFor(r.id, a!.id),
    };
  }

  // ---- live streams -----------------------------------------------------------------------

  /** The projector's state on (re)connect: the open question with its tally. */
  async projectorSnapshot(classId: string): Promise<LiveEvent[]> {
    const [q] = (await this.db.query(`SELECT * FROM live_questions WHERE class_id = $1 AND closed_at IS NULL`, [classId])) as QuestionRow[];
    return q ? [{ event: 'question', data: await this.toDto(q) }] : [];
  }

  async phoneSnapshot(user: AuthUser, classId: string): Promise<LiveEvent[]> {
    const { attendeeId } = await this.myAttendee(user, classId);
    const q = await this.openQuestionFor(classId, attendeeId);
    return q ? [{ event: 'question', data: q }] : [];
  }

  /** Checks the caller may follow the class on a phone (before the stream starts, so a refusal is a normal 404). */
  async assertAttendee(user: AuthUser, classId: string): Promise<void> {
    await this.myAttendee(user, classId);
  }
}

/** Tallies of concurrent answers may be published out of order; a stream drops one smaller than what it sent (answers are never removed). */
export function monotonicTallies(): (e: LiveEvent) => LiveEvent | null {
  const seen = new Map<string, number>();
  return (e) => {
    if (e.event !== 'tally') return e;
    const t = e.data as LiveTallyDto;
    if ((seen.get(t.questionId) ?? -1) > t.total) return null;
    seen.set(t.questionId, t.total);
    return e;
  };
}

function liveOptions(item: Pick<ItemRow, 'kind' | 'options'>): LiveOptionDto[] {
  return item.kind === 'true_false' ? TRUE_FALSE : item.options.map((o) => ({ id: o.id, text: o.text }));
}

function toAttendeeQuestion(q: QuestionRow, mine: string[] | null): AttendeeQuestionDto {
  return { id: q.id, kind: q.kind, stem: q.stem, mediaUrl: q.media_url, options: q.options, openedAt: q.opened_at.toISOString(), closedAt: q.closed_at?.toISOString() ?? null, myAnswer: mine };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sb = new Set(b);
  return a.length === sb.size && a.every((x) => sb.has(x));
}
