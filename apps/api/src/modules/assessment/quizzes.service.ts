import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RequestValidationException } from '../../common/validation';
import { Quiz, type BlueprintEntry } from './entities';
import type { QuizDto, QuizInputDto, QuizLessonDto } from './dto/quiz.dto';

/** Quizzes of quiz lessons (authors and administrators), keyed by lesson_key. */
@Injectable()
export class QuizzesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Quiz lessons of the newest version of every course, with their quiz when there is one. */
  async quizLessons(): Promise<QuizLessonDto[]> {
    return this.db.query(
      `SELECT DISTINCT ON (l.lesson_key) l.id AS "lessonId", l.lesson_key AS "lessonKey", l.title AS "lessonTitle", v.title AS "courseTitle",
              v.version_number AS "versionNumber", v.status AS "versionStatus", q.id AS "quizId"
         FROM lessons l JOIN course_modules m ON m.id = l.module_id JOIN course_versions v ON v.id = m.version_id
         LEFT JOIN quizzes q ON q.lesson_key = l.lesson_key
        WHERE l.kind = 'quiz'
        ORDER BY l.lesson_key, v.version_number DESC
        LIMIT 1000`,
    );
  }

  async list(): Promise<QuizDto[]> {
    const quizzes = await this.db.getRepository(Quiz).find({ order: { updatedAt: 'DESC' }, take: 500 });
    return Promise.all(quizzes.map((q) => this.toDto(q)));
  }

  async get(id: string): Promise<QuizDto> {
    const quiz = await this.db.getRepository(Quiz).findOneBy({ id });
    if (!quiz) throw new NotFoundException('No such quiz');
    return this.toDto(quiz);
  }

  /** Creates the lesson's quiz, or replaces its settings when it has one (one quiz per lesson_key). */
  async save(userId: string, input: QuizInputDto, id?: string): Promise<QuizDto> {
    const [lesson] = (await this.db.query(`SELECT lesson_key AS "lessonKey", kind FROM lessons WHERE id = $1`, [input.lessonId])) as { lessonKey: string; kind: string }[];
    if (!lesson) throw new RequestValidationException([{ field: 'lessonId', message: 'no such lesson' }]);
    if (lesson.kind !== 'quiz') throw new RequestValidationException([{ field: 'lessonId', message: 'the lesson is not a quiz lesson' }]);
    const blueprint = mergeBlueprint(input.blueprint);
    const available = await this.availability(blueprint);
    const short = blueprint
      .map((entry, index) => ({ entry, index, available: available[index]! }))
      .filter((b) => b.available < b.entry.count)
      .map((b) => ({ field: `blueprint[${b.index}].count`, message: `only ${b.available} item(s) of ${b.entry.competencyRef} at level ${b.entry.level} in the bank` }));
    if (short.length) throw new RequestValidationException(short);
    const values = {
      lessonKey: lesson.lessonKey,
      title: input.title.trim(),
      timeLimitSeconds: input.timeLimitSeconds ?? null,
      maxAttempts: input.maxAttempts ?? null,
      passPercent: input.passPercent,
      blueprint,
    };
    const repo = this.db.getRepository(Quiz);
    if (id) {
      const quiz = await repo.findOneBy({ id });
      if (!quiz) throw new NotFoundException('No such quiz');
      await repo.update({ id }, values);
      return this.get(id);
    }
    const rows = (await this.db.query(
      `INSERT INTO quizzes (lesson_key, title, time_limit_seconds, max_attempts, pass_percent, blueprint, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (lesson_key) DO UPDATE SET title = EXCLUDED.title, time_limit_seconds = EXCLUDED.time_limit_seconds,
         max_attempts = EXCLUDED.max_attempts, pass_percent = EXCLUDED.pass_percent, blueprint = EXCLUDED.blueprint, updated_at = now()
       RETURNING id`,
      [values.lessonKey, values.title, values.timeLimitSeconds, values.maxAttempts, values.passPercent, JSON.stringify(blueprint), userId],
    )) as { id: string }[];
    return this.get(rows[0]!.id);
  }

  async availability(blueprint: readonly BlueprintEntry[]): Promise<number[]> {
    if (!blueprint.length) return [];
    const rows = (await this.db.query(
      `SELECT b.ord::int AS ord, (SELECT count(*) FROM assessment_items i WHERE i.archived_at IS NULL AND i.competency_ref = b.ref AND i.level = b.level)::int AS n
         FROM unnest($1::text[], $2::int[]) WITH ORDINALITY AS b(ref, level, ord)`,
      [blueprint.map((b) => b.competencyRef), blueprint.map((b) => b.level)],
    )) as { ord: number; n: number }[];
    return rows.sort((a, b) => a.ord - b.ord).map((r) => r.n);
  }

  private async toDto(quiz: Quiz): Promise<QuizDto> {
    const available = await this.availability(quiz.blueprint);
    const [lesson] = (await this.db.query(
      `SELECT l.title AS "lessonTitle", v.title AS "courseTitle" FROM lessons l JOIN course_modules m ON m.id = l.module_id
         JOIN course_versions v ON v.id = m.version_id WHERE l.lesson_key = $1 ORDER BY v.version_number DESC LIMIT 1`,
      [quiz.lessonKey],
    )) as { lessonTitle: string; courseTitle: string }[];
    return {
      id: quiz.id,
      lessonKey: quiz.lessonKey,
      title: quiz.title,
      timeLimitSeconds: quiz.timeLimitSeconds,
      maxAttempts: quiz.maxAttempts,
      passPercent: quiz.passPercent,
      blueprint: quiz.blueprint.map((b, i) => ({ ...b, available: available[i] ?? 0 })),
      lessonTitle: lesson?.lessonTitle ?? null,
      courseTitle: lesson?.courseTitle ?? null,
    };
  }
}

/** One entry per competency and level (counts added). */
export function mergeBlueprint(entries: readonly BlueprintEntry[]): BlueprintEntry[] {
  const byKey = new Map<string, BlueprintEntry>();
  for (const e of entries) {
    const key = `${e.competencyRef}\u0000${e.level}`;
    const prev = byKey.get(key);
    byKey.set(key, prev ? { ...prev, count: prev.count + e.count } : { competencyRef: e.competencyRef, level: e.level, count: e.count });
  }
  return [...byKey.values()];
}
