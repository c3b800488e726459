import { computeMastery, type Evidence, type EvidenceKind } from '@hocso/curriculum';
import { ConflictException, ForbiddenException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { FieldErrorDto } from '../../common/error-response.dto';
import { RequestValidationException } from '../../common/validation';
import type { AuthUser } from '../identity/auth-user';
import { localize } from '../catalog/localize';
import { MediaAsset } from '../media/media-asset.entity';
import { MediaService } from '../media/media.service';
import { CompletionHooks } from './completion-hooks';
import { CourseOutlines, type OutlineLesson } from './course-outline';
import type { EnrolmentDto } from './dto/enrolment.dto';
import type { LearnLessonDto, LearnPathDto, LessonMediaDto } from './dto/learn.dto';
import type { MyLearningDto } from './dto/my-learning.dto';
import type { LessonProgressStateDto, LessonState, ProgressEventDto, ProgressEventsResultDto } from './dto/progress-events.dto';
import { ENROLMENT_BY_SLUG_SQL, toEnrolmentDto, type EnrolmentRow } from './enrolment-view';
import { requiredSeconds, toSecondInterval, watchedPercent } from './intervals';
import { LearningJobs } from './learning-jobs.service';
import { completionRuleOf, LessonDirectory, type LessonMeta } from './lesson-directory';
import { ProgressWriter, recordCourseCompletions, type CompletedCourseRow, type ProgressRow, type ProgressStateRow, type WriteOutcome } from './progress-writer';

/** Seconds a position or interval may pass the known end of a video (players report a little past it). */
const END_TOLERANCE_SECONDS = 1;
/** Positive answers only; a lesson of another version than the cached one re-reads it, so an upgrade elsewhere is seen at once. */
const ENROLMENT_TTL_MS = 300_000;

interface CachedEnrolment {
  enrolmentId: string;
  versionId: string;
  slug: string;
  until: number;
}

interface ProgressRowOfUser {
  lesson_key: string;
  watched_seconds: number;
  position_seconds: number;
  completed_at: Date | null;
  updated_at: Date;
}

@Injectable()
export class LearningService {
  private readonly logger = new Logger(LearningService.name);
  private readonly enrolments = new Map<string, CachedEnrolment>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: LessonDirectory,
    private readonly writer: ProgressWriter,
    private readonly outlines: CourseOutlines,
    private readonly hooks: CompletionHooks,
    private readonly jobs: LearningJobs,
    private readonly media: MediaService,
  ) {}

  // ---- progress events -------------------------------------------------------------------

  async recordEvents(user: AuthUser, events: ProgressEventDto[]): Promise<ProgressEventsResultDto> {
    const metas = await this.directory.lessons(events.map((e) => e.lessonId));
    const problems: FieldErrorDto[] = [];
    const unknown = events.findIndex((e) => !metas.has(e.lessonId));
    if (unknown >= 0) throw new NotFoundException(`events[${unknown}].lessonId: there is no lesson ${events[unknown]!.lessonId}.`);

    // The caller must be enrolled in the version each lesson belongs to.
    const enrolmentOf = new Map<string, CachedEnrolment>();
    for (const courseId of new Set([...metas.values()].map((m) => m.courseId))) {
      const lessonVersions = new Set([...metas.values()].filter((m) => m.courseId === courseId).map((m) => m.versionId));
      const enrolment = await this.enrolment(user.id, courseId, lessonVersions);
      if (!enrolment) {
        const i = events.findIndex((e) => metas.get(e.lessonId)!.courseId === courseId);
        throw new ForbiddenException(`events[${i}].lessonId: you are not enrolled in the course of lesson ${events[i]!.lessonId}. Enrol first (POST /api/v1/courses/{slug}/enrolment).`);
      }
      const wrong = events.findIndex((e) => metas.get(e.lessonId)!.courseId === courseId && metas.get(e.lessonId)!.versionId !== enrolment.versionId);
      if (wrong >= 0) {
        throw new ConflictException(
          `events[${wrong}].lessonId: lesson ${events[wrong]!.lessonId} is not in the version of "${enrolment.slug}" you follow. Reload the course to get its lessons.`,
        );
      }
      enrolmentOf.set(courseId, enrolment);
    }

    const seen = new Set<string>();
    const rows: ProgressRow[] = [];
    events.forEach((e, i) => {
      const meta = metas.get(e.lessonId)!;
      const problem = (field: string, message: string) => problems.push({ field: `events[${i}].${field}`, message });
      const isVideoEvent = e.type === 'video_watched' || e.type === 'video_position';
      if (isVideoEvent && meta.kind !== 'video') problem('type', `${e.type} is only for video lessons; lesson ${e.lessonId} is a ${meta.kind} lesson`);
      if ((e.type === 'text_opened' || e.type === 'text_scrolled') && meta.kind !== 'text') problem('type', `${e.type} is only for text lessons; lesson ${e.lessonId} is a ${meta.kind} lesson`);
      const limit = meta.durationSeconds + END_TOLERANCE_SECONDS;
      if (e.type === 'video_watched') {
        if (e.from === undefined || e.to === undefined) problem('to', 'video_watched needs from and to (seconds)');
        else if (e.to <= e.from) problem('to', 'to must be greater than from');
        else if (e.to > limit) problem('to', `to must be at most the video's length (${Math.round(meta.durationSeconds)} s)`);
      }
      if (e.type === 'video_position' && e.position === undefined) problem('position', 'video_position needs position (seconds)');
      if (isVideoEvent && e.position !== undefined && e.position > limit) problem('position', `position must be at most the video's length (${Math.round(meta.durationSeconds)} s)`);
      const at = new Date(e.at);
      if (Number.isNaN(at.getTime())) problem('at', 'at must be a valid date-time');
      if (seen.has(e.id)) return; // the same event twice in one request: once is enough
      seen.add(e.id);
      const interval = e.type === 'video_watched' && e.from !== undefined && e.to !== undefined ? toSecondInterval(e.from, e.to, meta.durationSeconds) : null;
      rows.push({
        userId: user.id,
        clientEventId: e.id.toLowerCase(),
        courseId: meta.courseId,
        lessonId: meta.id,
        lessonKey: meta.lessonKey,
        versionId: meta.versionId,
        type: e.type,
        from: e.from ?? null,
        to: e.to ?? null,
        position: isVideoEvent ? (e.position ?? (e.type === 'video_watched' ? (e.to ?? null) : null)) : null,
        at,
        secFrom: interval?.[0] ?? null,
        secTo: interval?.[1] ?? null,
        requiredSeconds: meta.kind === 'video' ? requiredSeconds(meta.durationSeconds, meta.completionPercent) : 0,
        rule: completionRuleOf(meta.kind),
      });
    });
    if (problems.length > 0) throw new RequestValidationException(problems);

    const outcome = await this.writer.write(rows);
    const accepted = rows.filter((r) => outcome.inserted.has(`${r.userId}:${r.clientEventId}`)).length;
    const lessons = await this.statesAfter(user.id, [...new Set(events.map((e) => e.lessonId))].map((id) => metas.get(id)!), outcome);
    const mine = outcome.completedCourses.filter((c) => c.user_id === user.id);
    await this.afterCommit(outcome, metas);
    return {
      accepted,
      duplicates: events.length - accepted,
      lessons,
      completedCourses: mine.map((c) => enrolmentOf.get(c.course_id)?.slug ?? c.course_id),
    };
  }

  private async statesAfter(userId: string, lessons: LessonMeta[], outcome: WriteOutcome): Promise<LessonProgressStateDto[]> {
    const byKey = new Map<string, ProgressStateRow>();
    for (const p of outcome.progress) if (p.user_id === userId) byKey.set(`${p.course_id}:${p.lesson_key}`, p);
    const missing = lessons.filter((l) => !byKey.has(`${l.courseId}:${l.lessonKey}`));
    if (missing.length > 0) {
      const rows = (await this.dataSource.query(
        `SELECT lp.user_id, lp.course_id, lp.lesson_key, lp.lesson_id, lp.watched_seconds, lp.position_seconds, lp.completed_at, lp.completion_source, false AS just_completed
           FROM lesson_progress lp JOIN unnest($2::uuid[], $3::uuid[]) AS k(course_id, lesson_key) ON lp.course_id = k.course_id AND lp.lesson_key = k.lesson_key
          WHERE lp.user_id = $1`,
        [userId, missing.map((l) => l.courseId), missing.map((l) => l.lessonKey)],
      )) as ProgressStateRow[];
      for (const r of rows) byKey.set(`${r.course_id}:${r.lesson_key}`, r);
    }
    return lessons.map((l) => {
      const p = byKey.get(`${l.courseId}:${l.lessonKey}`);
      return stateDto(l.id, l.lessonKey, l.kind, l.durationSeconds, p, false);
    });
  }

  /** After the commit: completion listeners (best effort) and the durable CourseCompleted jobs; the xAPI mirror sweep. */
  private async afterCommit(outcome: WriteOutcome, metas: Map<string, LessonMeta>): Promise<void> {
    this.jobs.requestProgressMirror();
    const byKey = new Map([...metas.values()].map((m) => [`${m.courseId}:${m.lessonKey}`, m]));
    const done = outcome.progress.filter((p) => p.just_completed && byKey.has(`${p.course_id}:${p.lesson_key}`));
    if (done.length > 0) {
      void this.hooks.lessonCompleted(
        done.map((p) => ({
          userId: p.user_id,
          courseId: p.course_id,
          lessonId: p.lesson_id,
          lessonKey: p.lesson_key,
          source: p.completion_source ?? byKey.get(`${p.course_id}:${p.lesson_key}`)?.kind ?? 'events',
          sourceId: null,
          completedAt: p.completed_at!,
        })),
      );
    }
    await this.courseCompletedJobs(outcome.completedCourses);
  }

  async courseCompletedJobs(completed: CompletedCourseRow[]): Promise<void> {
    for (const c of completed) {
      try {
        await this.jobs.courseCompleted({ completionId: c.id, userId: c.user_id, courseId: c.course_id, versionId: c.version_id, completedAt: c.completed_at.toISOString() });
      } catch (error) {
        // The completion is committed; the learning sweep re-enqueues it (notified_at is still null).
        this.logger.error({ err: error, userId: c.user_id, courseId: c.course_id }, 'could not enqueue CourseCompleted; the sweep will');
      }
    }
  }

  /**
   * The caller's enrolment in a course, from a 5-minute cache when it matches one of the versions
   * asked about (a mismatch or a miss reads the database: an upgrade on another replica is seen at once).
   */
  private async enrolment(userId: string, courseId: string, versions: Set<string>): Promise<CachedEnrolment | null> {
    const key = `${userId}:${courseId}`;
    const hit = this.enrolments.get(key);
    if (hit && hit.until > Date.now() && versions.has(hit.versionId)) return hit;
    const rows = (await this.dataSource.query(
      `SELECT e.id, e.version_id, c.slug FROM enrolments e JOIN courses c ON c.id = e.course_id WHERE e.user_id = $1 AND e.course_id = $2`,
      [userId, courseId],
    )) as { id: string; version_id: string; slug: string }[];
    const row = rows[0];
    if (!row) {
      this.enrolments.delete(key);
      return null;
    }
    if (this.enrolments.size > 100_000) this.enrolments.clear();
    const entry = { enrolmentId: row.id, versionId: row.version_id, slug: row.slug, until: Date.now() + ENROLMENT_TTL_MS };
    this.enrolments.set(key, entry);
    return entry;
  }

  // ---- enrolment -------------------------------------------------------------------------

  /** One tap: pinned to the newest published version. Idempotent (UNIQUE(user_id, course_id)). */
  async enrol(user: AuthUser, slug: string): Promise<{ created: boolean; enrolment: EnrolmentDto }> {
    const newest = await this.outlines.newestPublished(slug);
    if (!newest) throw new NotFoundException(`There is no published course "${slug}".`);
    const inserted = (await this.dataSource.query(
      `INSERT INTO enrolments (user_id, course_id, version_id) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, course_id) DO NOTHING RETURNING id, enrolled_at`,
      [user.id, newest.courseId, newest.versionId],
    )) as { id: string; enrolled_at: Date }[];
    const row = await this.enrolmentRow(user.id, slug);
    if (!row) throw new NotFoundException(`There is no published course "${slug}".`);
    this.enrolments.delete(`${user.id}:${newest.courseId}`);
    const created = inserted.length > 0;
    if (created) {
      await this.jobs
        .mirror({ kind: 'enrolment', enrolmentId: row.id, userId: user.id, courseId: row.course_id, versionNumber: row.version_number, at: row.enrolled_at.toISOString() })
        .catch((error: unknown) => this.logger.warn({ err: error }, 'could not enqueue the xAPI mirror of an enrolment'));
    }
    return { created, enrolment: toEnrolmentDto(row) };
  }

  /** Moves the caller to the newest published version; progress follows by lesson_key. */
  async upgrade(user: AuthUser, slug: string): Promise<EnrolmentDto> {
    const completed = await this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(
        `SELECT e.id, e.course_id, e.version_id FROM enrolments e JOIN courses c ON c.id = e.course_id
          WHERE e.user_id = $1 AND c.slug = $2 FOR UPDATE OF e`,
        [user.id, slug],
      )) as { id: string; course_id: string; version_id: string }[];
      const enrolment = rows[0];
      if (!enrolment) throw new NotFoundException(`You are not enrolled in "${slug}".`);
      const [newest] = (await manager.query(
        `SELECT id FROM course_versions WHERE course_id = $1 AND status = 'published' ORDER BY version_number DESC LIMIT 1`,
        [enrolment.course_id],
      )) as { id: string }[];
      if (!newest || newest.id === enrolment.version_id) return [];
      await manager.query(`UPDATE enrolments SET version_id = $2 WHERE id = $1`, [enrolment.id, newest.id]);
      this.enrolments.delete(`${user.id}:${enrolment.course_id}`);
      // Lessons already done (by lesson_key) may complete the new version at once.
      return recordCourseCompletions(manager, [{ userId: user.id, courseId: enrolment.course_id }]);
    });
    await this.courseCompletedJobs(completed);
    const row = await this.enrolmentRow(user.id, slug);
    if (!row) throw new NotFoundException(`You are not enrolled in "${slug}".`);
    return toEnrolmentDto(row);
  }

  async enrolmentRow(userId: string, slug: string): Promise<EnrolmentRow | null> {
    const rows = (await this.dataSource.query(ENROLMENT_BY_SLUG_SQL, [userId, slug])) as EnrolmentRow[];
    return rows[0] ?? null;
  }

  // ---- the learning path -----------------------------------------------------------------

  async languageOf(user: AuthUser, wanted: string | undefined): Promise<string> {
    if (wanted) return wanted;
    const rows = (await this.dataSource.query(`SELECT preferences ->> 'language' AS language FROM users WHERE id = $1`, [user.id])) as { language: string | null }[];
    return rows[0]?.language ?? 'vi';
  }

  async learnPath(user: AuthUser, slug: string, wantedLanguage: string | undefined): Promise<LearnPathDto> {
    const enrolmentRow = await this.enrolmentRow(user.id, slug);
    if (!enrolmentRow) throw new NotFoundException(`You are not enrolled in "${slug}": enrol first (POST /api/v1/courses/${slug}/enrolment).`);
    const outline = await this.outlines.byVersion(enrolmentRow.version_id);
    if (!outline) throw new NotFoundException(`The course "${slug}" has no such version.`);
    const language = await this.languageOf(user, wantedLanguage);
    const progress = (await this.dataSource.query(
      `SELECT lesson_key, watched_seconds, position_seconds, completed_at, updated_at FROM lesson_progress WHERE user_id = $1 AND course_id = $2`,
      [user.id, outline.courseId],
    )) as ProgressRowOfUser[];
    const byKey = new Map(progress.map((p) => [p.lesson_key, p]));
    const mediaById = await this.mediaOf(outline.lessons);

    let blocked = false;
    let nextLessonId: string | null = null;
    let completedLessons = 0;
    const lessonDto = (l: OutlineLesson): LearnLessonDto => {
      const p = byKey.get(l.lessonKey);
      const media = l.mediaAssetId ? (mediaById.get(l.mediaAssetId) ?? null) : null;
      const duration = media?.durationSeconds ?? Math.max(1, l.estimatedMinutes) * 60;
      const { lessonId: _id, lessonKey: _key, ...state } = stateDto(l.id, l.lessonKey, l.kind, duration, p, outline.sequential && blocked);
      if (state.state === 'completed') completedLessons++;
      else {
        if (!nextLessonId && state.state !== 'locked') nextLessonId = l.id;
        blocked = true;
      }
      const texts = localize({ title: l.title, body: l.body ?? '' }, l.translations, language, ['title', 'body']);
      const translated = language !== outline.language && !!l.translations?.[language]?.title;
      return {
        id: l.id,
        lessonKey: l.lessonKey,
        position: l.position,
        kind: l.kind,
        title: texts.title,
        body: l.body === null && texts.body === '' ? null : texts.body,
        language: translated ? language : outline.language,
        estimatedMinutes: l.estimatedMinutes,
        completionPercent: l.completionPercent,
        ...state,
        durationSeconds: media?.durationSeconds ?? null,
        media,
      };
    };
    const modules = outline.modules.map((m) => ({
      id: m.id,
      moduleKey: m.moduleKey,
      position: m.position,
      title: localize({ title: m.title }, m.translations, language, ['title']).title,
      lessons: m.lessons.map(lessonDto),
    }));
    const totalLessons = outline.lessons.length;
    const courseTexts = localize({ title: outline.title }, outline.translations, language, ['title']);
    return {
      courseId: outline.courseId,
      slug: outline.slug,
      title: courseTexts.title,
      language: language !== outline.language && outline.translations?.[language]?.title ? language : outline.language,
      sequential: outline.sequential,
      enrolment: toEnrolmentDto(enrolmentRow),
      modules,
      progress: { completedLessons, totalLessons, percent: totalLessons === 0 ? 0 : Math.floor((completedLessons * 100) / totalLessons) },
      nextLessonId,
    };
  }

  private async mediaOf(lessons: OutlineLesson[]): Promise<Map<string, LessonMediaDto>> {
    const ids = [...new Set(lessons.map((l) => l.mediaAssetId).filter((id): id is string => !!id))];
    const out = new Map<string, LessonMediaDto>();
    if (ids.length === 0) return out;
    const assets = await this.dataSource.getRepository(MediaAsset).findBy({ id: In(ids) });
    for (const asset of assets) {
      const view = await this.media.toView(asset);
      out.set(asset.id, {
        assetId: view.id,
        status: view.status,
        hlsUrl: view.hlsUrl,
        audioUrl: view.audioUrl,
        posterUrl: view.posterUrl,
        durationSeconds: view.durationSeconds,
        captions: view.captions,
        renditions: view.renditions,
      });
    }
    return out;
  }

  // ---- my learning -----------------------------------------------------------------------

  async myLearning(user: AuthUser, wantedLanguage: string | undefined): Promise<MyLearningDto> {
    const language = await this.languageOf(user, wantedLanguage);
    const courses = (await this.dataSource.query(
      `SELECT e.course_id, c.slug, v.title, v.translations, e.enrolled_at, e.completed_at,
              (SELECT count(*) FROM course_modules m JOIN lessons le ON le.module_id = m.id WHERE m.version_id = e.version_id)::int AS total,
              (SELECT count(*) FROM course_modules m JOIN lessons le ON le.module_id = m.id
                 JOIN lesson_progress lp ON lp.user_id = e.user_id AND lp.course_id = e.course_id AND lp.lesson_key = le.lesson_key AND lp.completed_at IS NOT NULL
                WHERE m.version_id = e.version_id)::int AS done,
              (SELECT max(lp.updated_at) FROM lesson_progress lp WHERE lp.user_id = e.user_id AND lp.course_id = e.course_id) AS last_activity,
              (SELECT json_build_object('id', le.id, 'title', COALESCE(NULLIF(le.translations -> $2 ->> 'title', ''), le.title), 'kind', le.kind)
                 FROM course_modules m JOIN lessons le ON le.module_id = m.id
                 LEFT JOIN lesson_progress lp ON lp.user_id = e.user_id AND lp.course_id = e.course_id AND lp.lesson_key = le.lesson_key
                WHERE m.version_id = e.version_id AND lp.completed_at IS NULL
                ORDER BY m.position, le.position LIMIT 1) AS next_lesson
         FROM enrolments e JOIN courses c ON c.id = e.course_id JOIN course_versions v ON v.id = e.version_id
        WHERE e.user_id = $1
        ORDER BY last_activity DESC NULLS LAST, e.enrolled_at DESC`,
      [user.id, language],
    )) as {
      course_id: string;
      slug: string;
      title: string;
      translations: Record<string, { title?: string }>;
      enrolled_at: Date;
      completed_at: Date | null;
      total: number;
      done: number;
      last_activity: Date | null;
      next_lesson: { id: string; title: string; kind: LearnLessonDto['kind'] } | null;
    }[];
    const titleOf = (c: (typeof courses)[number]) => localize({ title: c.title }, c.translations, language, ['title']).title;

    const [time] = (await this.dataSource.query(
      `SELECT COALESCE(sum(lp.watched_seconds), 0)::int AS video_seconds,
              COALESCE(sum(CASE WHEN le.kind <> 'video' AND lp.completed_at IS NOT NULL THEN le.estimated_minutes * 60 ELSE 0 END), 0)::int AS other_seconds
         FROM lesson_progress lp LEFT JOIN lessons le ON le.id = lp.lesson_id
        WHERE lp.user_id = $1`,
      [user.id],
    )) as { video_seconds: number; other_seconds: number }[];

    return {
      inProgress: courses
        .filter((c) => !c.completed_at)
        .map((c) => ({
          courseId: c.course_id,
          slug: c.slug,
          title: titleOf(c),
          percent: c.total === 0 ? 0 : Math.floor((c.done * 100) / c.total),
          completedLessons: c.done,
          totalLessons: c.total,
          enrolledAt: c.enrolled_at.toISOString(),
          lastActivityAt: (c.last_activity ?? c.enrolled_at).toISOString(),
          nextLesson: c.next_lesson,
        })),
      completed: courses
        .filter((c) => c.completed_at)
        .map((c) => ({ courseId: c.course_id, slug: c.slug, title: titleOf(c), completedAt: c.completed_at!.toISOString() })),
      competencies: await this.competencies(user.id),
      certificates: await this.certificates(user.id, language),
      timeSpent: {
        totalSeconds: (time?.video_seconds ?? 0) + (time?.other_seconds ?? 0),
        videoSeconds: time?.video_seconds ?? 0,
        otherLessonsSeconds: time?.other_seconds ?? 0,
        method: 'watched-video-seconds+estimated-minutes-of-other-completed-lessons',
      },
    };
  }

  /** Mastery (computeMastery of @hocso/curriculum) over completed lessons' competencies and the assessment's evidence. */
  private async competencies(userId: string): Promise<MyLearningDto['competencies']> {
    const lessonEvidence = (await this.dataSource.query(
      `SELECT lc.competency_ref, lc.level, le.kind, lp.completed_at, lp.lesson_key
         FROM lesson_progress lp JOIN lessons le ON le.id = lp.lesson_id JOIN lesson_competencies lc ON lc.lesson_id = le.id
        WHERE lp.user_id = $1 AND lp.completed_at IS NOT NULL`,
      [userId],
    )) as { competency_ref: string; level: number; kind: string; completed_at: Date; lesson_key: string }[];
    const evidence: Evidence[] = lessonEvidence.map((r) => ({
      id: `lesson:${r.lesson_key}`,
      competency: r.competency_ref as Evidence['competency'],
      level: r.level,
      kind: r.kind === 'practice' ? 'practice' : 'attendance',
      score: 1,
      passed: true,
      occurredAt: r.completed_at,
    }));
    const [{ present }] = (await this.dataSource.query(`SELECT to_regclass('public.competency_evidence') IS NOT NULL AS present`)) as { present: boolean }[];
    if (present) {
      const rows = (await this.dataSource.query(
        `SELECT competency_ref, level, source, source_id, score::float8 AS score, passed, achieved_at FROM competency_evidence WHERE user_id = $1`,
        [userId],
      )) as { competency_ref: string; level: number; source: string; source_id: string; score: number; passed: boolean; achieved_at: Date }[];
      const kinds: readonly EvidenceKind[] = ['quiz', 'practice', 'attendance', 'live-quiz'];
      for (const r of rows) {
        evidence.push({
          id: `${r.source}:${r.source_id}`,
          competency: r.competency_ref as Evidence['competency'],
          level: r.level,
          kind: (kinds as readonly string[]).includes(r.source) ? (r.source as EvidenceKind) : 'quiz',
          score: r.score,
          passed: r.passed,
          occurredAt: r.achieved_at,
        });
      }
    }
    if (evidence.length === 0) return [];
    const report = computeMastery(evidence, { now: new Date() });
    return report.competencies.map((c) => ({
      competency: c.competency,
      level: c.level,
      highestPassedLevel: c.highestPassedLevel,
      evidenceCount: c.evidenceCount,
      lastEvidenceAt: c.lastEvidenceAt,
    }));
  }

  private async certificates(userId: string, language: string): Promise<MyLearningDto['certificates']> {
    const [{ present }] = (await this.dataSource.query(`SELECT to_regclass('public.certificates') IS NOT NULL AS present`)) as { present: boolean }[];
    if (!present) return [];
    const rows = (await this.dataSource.query(
      `SELECT id, serial, achievement_kind, achievement_ref, achievement_name, issued_at FROM certificates
        WHERE user_id = $1 AND revoked_at IS NULL ORDER BY issued_at DESC`,
      [userId],
    )) as { id: string; serial: string; achievement_kind: string; achievement_ref: string; achievement_name: Record<string, string> | null; issued_at: Date }[];
    return rows.map((r) => ({
      id: r.id,
      serial: r.serial,
      kind: r.achievement_kind,
      ref: r.achievement_ref,
      title: r.achievement_name?.[language] ?? r.achievement_name?.vi ?? Object.values(r.achievement_name ?? {})[0] ?? null,
      issuedAt: r.issued_at.toISOString(),
    }));
  }
}

/** A lesson's state for the learner, from its progress row (none: not started). */
export function stateDto(
  lessonId: string,
  lessonKey: string,
  kind: string,
  durationSeconds: number,
  p: Pick<ProgressRowOfUser, 'watched_seconds' | 'position_seconds' | 'completed_at'> | undefined,
  locked: boolean,
): LessonProgressStateDto {
  const completed = !!p?.completed_at;
  const state: LessonState = completed ? 'completed' : locked ? 'locked' : p ? 'in_progress' : 'available';
  const watched = p?.watched_seconds ?? 0;
  return {
    lessonId,
    lessonKey,
    state,
    positionSeconds: p?.position_seconds ?? 0,
    watchedSeconds: watched,
    watchedPercent: kind === 'video' ? watchedPercent(watched, durationSeconds) : completed ? 100 : 0,
    completedAt: p?.completed_at ? p.completed_at.toISOString() : null,
  };
}
