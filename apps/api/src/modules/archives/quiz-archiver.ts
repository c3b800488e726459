import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { sanitizeStem } from '../assessment/items.service';
import { ITEM_KINDS } from '../assessment/entities';
import { CompetencyMappingService } from '../competencies/competency-mapping.service';
import type { ArchivedLesson } from './archive-format';
import type { QuizArchiver } from './archive-export.service';
import type { QuizImporter } from './archive-import.service';

interface ItemRow {
  kind: string;
  competency_ref: string;
  level: number;
  framework_version: string;
  stem: string;
  options: unknown;
  targets: unknown;
  answer_key: unknown;
  explanation: string | null;
}

/**
 * Quiz lessons in archives: the quiz's settings and blueprint, and the bank items its blueprint
 * draws from (non-archived items of each competency and level; at most 50 per entry). On import the
 * items are re-validated (kind, competency mapping) and their stems sanitised again, then added to
 * the bank as the importer's, and the quiz is created for the new lesson's key.
 */
@Injectable()
export class QuizArchiverService implements QuizArchiver, QuizImporter {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly mappings: CompetencyMappingService,
  ) {}

  async exportQuiz(lessonId: string): Promise<ArchivedLesson['quiz']> {
    const [quiz] = (await this.db.query(
      `SELECT q.title, q.time_limit_seconds, q.max_attempts, q.pass_percent, q.blueprint
         FROM quizzes q JOIN lessons l ON l.lesson_key = q.lesson_key WHERE l.id = $1`,
      [lessonId],
    )) as { title: string; time_limit_seconds: number | null; max_attempts: number | null; pass_percent: number; blueprint: { competencyRef: string; level: number; count: number }[] }[];
    if (!quiz) return null;
    const items: Record<string, unknown>[] = [];
    for (const entry of quiz.blueprint) {
      const rows = (await this.db.query(
        `SELECT kind, competency_ref, level, framework_version, stem, options, targets, answer_key, explanation
           FROM assessment_items WHERE competency_ref = $1 AND level = $2 AND archived_at IS NULL ORDER BY created_at LIMIT 50`,
        [entry.competencyRef, entry.level],
      )) as ItemRow[];
      for (const r of rows) {
        items.push({
          kind: r.kind,
          competencyRef: r.competency_ref,
          level: r.level,
          frameworkVersion: r.framework_version,
          stem: r.stem,
          options: r.options,
          targets: r.targets,
          answerKey: r.answer_key,
          explanation: r.explanation,
        });
      }
    }
    return {
      items,
      settings: { title: quiz.title, timeLimitSeconds: quiz.time_limit_seconds, maxAttempts: quiz.max_attempts, passPercent: quiz.pass_percent, blueprint: quiz.blueprint },
    };
  }

  async importQuiz(manager: EntityManager, lesson: { id: string; key: string; title: string }, quiz: NonNullable<ArchivedLesson['quiz']>, ownerId: string): Promise<void> {
    const settings = (quiz.settings ?? {}) as { title?: unknown; timeLimitSeconds?: unknown; maxAttempts?: unknown; passPercent?: unknown; blueprint?: unknown };
    const intOrNull = (v: unknown, min: number) => (typeof v === 'number' && Number.isInteger(v) && v >= min ? v : null);
    const blueprint = (Array.isArray(settings.blueprint) ? (settings.blueprint as Record<string, unknown>[]) : [])
      .filter((e) => e && typeof e.competencyRef === 'string' && intOrNull(e.level, 1) !== null && intOrNull(e.count, 1) !== null)
      .slice(0, 50)
      .map((e) => ({ competencyRef: (e.competencyRef as string).slice(0, 100), level: e.level as number, count: e.count as number }));
    for (const [i, raw] of quiz.items.entries()) {
      const item = raw as Record<string, unknown>;
      if (!(ITEM_KINDS as readonly unknown[]).includes(item.kind)) throw new Error(`item ${i + 1}: unknown kind`);
      if (typeof item.stem !== 'string' || typeof item.competencyRef !== 'string' || typeof item.level !== 'number') throw new Error(`item ${i + 1}: stem, competencyRef and level are required`);
      const frameworkId = item.competencyRef.split(':')[0] ?? '';
      const result = this.mappings.validate({
        courseId: 'archive-quiz',
        ...(typeof item.frameworkVersion === 'string' ? { frameworks: [{ id: frameworkId, version: item.frameworkVersion }] } : {}),
        items: [{ id: 'item', kind: 'quiz-item', assesses: [{ competency: item.competencyRef, level: item.level }] }],
      });
      if (!result.valid) throw new Error(`item ${i + 1}: ${result.errors.map((e) => e.text.en).join('; ')}`);
      await manager.query(
        `INSERT INTO assessment_items (kind, competency_ref, level, framework_version, stem, options, targets, answer_key, explanation, author_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          item.kind,
          item.competencyRef,
          item.level,
          typeof item.frameworkVersion === 'string' ? item.frameworkVersion : '',
          sanitizeStem(item.stem),
          JSON.stringify(Array.isArray(item.options) ? item.options : []),
          JSON.stringify(Array.isArray(item.targets) ? item.targets : []),
          JSON.stringify(item.answerKey && typeof item.answerKey === 'object' ? item.answerKey : {}),
          typeof item.explanation === 'string' ? item.explanation.slice(0, 5000) : null,
          ownerId,
        ],
      );
    }
    await manager.query(
      `INSERT INTO quizzes (lesson_key, title, time_limit_seconds, max_attempts, pass_percent, blueprint, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        lesson.key,
        typeof settings.title === 'string' ? settings.title.slice(0, 300) : lesson.title,
        intOrNull(settings.timeLimitSeconds, 30),
        intOrNull(settings.maxAttempts, 1),
        Math.min(100, intOrNull(settings.passPercent, 0) ?? 70),
        JSON.stringify(blueprint),
        ownerId,
      ],
    );
  }
}
