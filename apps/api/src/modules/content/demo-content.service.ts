import type { CourseMapping } from '@hocso/curriculum';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource, type EntityManager } from 'typeorm';
import { sanitizeStem } from '../assessment/items.service';
import { CompetencyMappingService, type MappedTarget } from '../competencies/competency-mapping.service';
import { roleOfLesson } from '../competencies/curriculum';
import { OBJECT_STORAGE, type ObjectStorage } from '../media';
import { MediaService } from '../media/media.service';
import { DEMO_COURSES, type DemoCourse, type DemoLesson } from './demo-courses';
import { DEMO_QUIZZES } from './demo-quizzes';
import { demoCaptions, renderDemoVideo } from './demo-video';

export interface DemoImportResult {
  created: string[];
  unchanged: string[];
  /** Video lessons that got their video (made with ffmpeg, queued for transcoding) in this run. */
  videos: string[];
  /** Quiz lessons that got their quiz and items in this run. */
  quizzes: string[];
}

/** A lesson's competency, located by the positions and title of its lesson in version 1. */
interface LessonTarget extends MappedTarget {
  modulePosition: number;
  lessonPosition: number;
  lessonTitle: string;
}

@Injectable()
export class DemoContentService {
  private readonly logger = new Logger(DemoContentService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mappings: CompetencyMappingService,
    private readonly media: MediaService,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  /**
   * Loads the demo courses as published version 1, with their lessons' competency mappings.
   * Every mapping is validated with @hocso/curriculum first: if one is invalid, nothing at all is
   * written and an InvalidCompetencyMappingError names the course, the lesson and the reason.
   * Idempotent: each course is written in one transaction keyed by unique constraints
   * (courses.slug, course_versions(course_id, version_number), lesson_competencies(lesson_id,
   * competency_ref)), so a repeat, a retry after a crash or two workers at once leave exactly one copy.
   * Then each video lesson without a video gets one (a few seconds of title cards made with ffmpeg,
   * ingested by the media module, which transcodes it in its own queue, plus vi/en captions), linked
   * only if the lesson still has none (a concurrent run's extra asset is deleted); and each quiz
   * lesson without a quiz gets its items and quiz, keyed by quizzes.lesson_key.
   */
  async importDemoCourses(courses: DemoCourse[] = DEMO_COURSES): Promise<DemoImportResult> {
    const planned = courses.map((course) => ({ course, targets: this.lessonTargets(course) }));
    const result: DemoImportResult = { created: [], unchanged: [], videos: [], quizzes: [] };
    for (const { course, targets } of planned) {
      const created = await this.dataSource.transaction((manager) => this.importCourse(manager, course, targets));
      (created ? result.created : result.unchanged).push(course.slug);
    }
    for (const { course } of planned) {
      result.videos.push(...(await this.attachVideos(course)));
      result.quizzes.push(...(await this.attachQuizzes(course)));
    }
    this.logger.log(
      `demo content: ${result.created.length} course(s) created, ${result.unchanged.length} already present, ` +
        `${result.videos.length} video(s) and ${result.quizzes.length} quiz(zes) added`,
    );
    return result;
  }

  /** Lessons of the course's version 1 that are the demo's lesson (same positions and title). */
  private async findLessons(course: DemoCourse, kind: DemoLesson['kind']) {
    const wanted = course.modules.flatMap((module, m) =>
      module.lessons.flatMap((lesson, l) => (lesson.kind === kind ? [{ lesson, modulePosition: m + 1, lessonPosition: l + 1 }] : [])),
    );
    const found = [];
    for (const w of wanted) {
      const rows = (await this.dataSource.query(
        `SELECT l.id, l.lesson_key, l.media_asset_id FROM lessons l
           JOIN course_modules m ON m.id = l.module_id
           JOIN course_versions v ON v.id = m.version_id AND v.version_number = 1
           JOIN courses c ON c.id = v.course_id AND c.slug = $1
          WHERE m.position = $2 AND l.position = $3 AND l.title = $4 AND l.kind = $5`,
        [course.slug, w.modulePosition, w.lessonPosition, w.lesson.title, kind],
      )) as { id: string; lesson_key: string; media_asset_id: string | null }[];
      if (rows[0]) found.push({ ...w, row: rows[0] });
    }
    return found;
  }

  private async attachVideos(course: DemoCourse): Promise<string[]> {
    const attached: string[] = [];
    for (const { lesson, row } of await this.findLessons(course, 'video')) {
      if (row.media_asset_id || !lesson.cards?.length) continue;
      await mkdir(this.media.workDir, { recursive: true });
      const dir = await mkdtemp(join(this.media.workDir, 'demo-video-'));
      let assetId: string | null = null;
      try {
        const video = await renderDemoVideo(lesson.cards, dir);
        assetId = await this.media.ingestLocalFile(video, { ownerId: null, filename: `${course.slug}.mp4` });
        await this.media.putCaptions(assetId, 'vi', demoCaptions(lesson.cards, 'vi'));
        await this.media.putCaptions(assetId, 'en', demoCaptions(lesson.cards, 'en'));
        const linked = (await this.dataSource.query(`UPDATE lessons SET media_asset_id = $1 WHERE id = $2 AND media_asset_id IS NULL RETURNING id`, [
          assetId,
          row.id,
        ])) as unknown[];
        if (linked.length === 0) {
          // Another run linked its video first: this one is not needed.
          await this.deleteAsset(assetId);
        } else {
          attached.push(`${course.slug}: ${lesson.title}`);
        }
        assetId = null;
      } finally {
        if (assetId) await this.deleteAsset(assetId).catch(() => undefined);
        await rm(dir, { recursive: true, force: true });
      }
    }
    return attached;
  }

  private async deleteAsset(assetId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM media_assets WHERE id = $1`, [assetId]);
    await this.storage.deletePrefix(`media/${assetId}/`);
  }

  /**
   * The quiz of each quiz lesson: its items in the assessment item bank (validated and sanitised
   * like authored ones) and a quiz drawing all of them, written in one transaction that starts by
   * claiming quizzes.lesson_key; a lesson that has its quiz is left alone.
   */
  private async attachQuizzes(course: DemoCourse): Promise<string[]> {
    const items = DEMO_QUIZZES[course.slug] ?? [];
    const attached: string[] = [];
    if (items.length === 0) return attached;
    const mapping: CourseMapping = {
      courseId: `${course.slug}-quiz`,
      items: items.map((item, i) => ({ id: String(i), kind: 'quiz-item', assesses: [{ competency: item.competency, level: item.level }] })),
    };
    const targets = this.mappings.targetsOf(mapping, `demo quiz of "${course.slug}"`);
    const blueprint = new Map<string, { competencyRef: string; level: number; count: number }>();
    for (const item of items) {
      const key = `${item.competency}@${item.level}`;
      const entry = blueprint.get(key) ?? { competencyRef: item.competency, level: item.level, count: 0 };
      entry.count += 1;
      blueprint.set(key, entry);
    }
    for (const { lesson, row } of await this.findLessons(course, 'quiz')) {
      const added = await this.dataSource.transaction(async (manager) => {
        const claimed = (await manager.query(
          `INSERT INTO quizzes (lesson_key, title, pass_percent, blueprint) VALUES ($1, $2, 70, $3)
           ON CONFLICT (lesson_key) DO NOTHING RETURNING id`,
          [row.lesson_key, lesson.title, JSON.stringify([...blueprint.values()])],
        )) as unknown[];
        if (claimed.length === 0) return false;
        for (const [i, item] of items.entries()) {
          const answerKey = item.kind === 'single_choice' ? { correctOptionIds: item.correctOptionIds } : { correctBoolean: item.correctBoolean };
          await manager.query(
            `INSERT INTO assessment_items (kind, competency_ref, level, framework_version, stem, options, targets, answer_key, explanation)
             VALUES ($1, $2, $3, $4, $5, $6, '[]', $7, $8)`,
            [
              item.kind,
              item.competency,
              item.level,
              targets.find((t) => t.itemId === String(i))!.frameworkVersion,
              sanitizeStem(item.stem),
              JSON.stringify((item.options ?? []).map((o) => ({ ...o, mediaUrl: null }))),
              JSON.stringify(answerKey),
              item.explanation,
            ],
          );
        }
        return true;
      });
      if (added) attached.push(`${course.slug}: ${lesson.title}`);
    }
    return attached;
  }

  /** The course's lesson mappings, validated (throws InvalidCompetencyMappingError). */
  private lessonTargets(course: DemoCourse): LessonTarget[] {
    const lessons = course.modules.flatMap((module, m) =>
      module.lessons.map((lesson, l) => ({ lesson, id: `${m + 1}.${l + 1}`, modulePosition: m + 1, lessonPosition: l + 1 })),
    );
    const mapping: CourseMapping = {
      courseId: course.slug,
      courseVersion: '1',
      ...(course.frameworks ? { frameworks: course.frameworks } : {}),
      items: lessons.map(({ lesson, id }) => ({ id, kind: lesson.kind, [roleOfLesson(lesson.kind)]: lesson.competencies ?? [] })),
    };
    const describe = (path: string): string =>
      path.replace(/^items\[(\d+)\]/, (whole, index: string) => {
        const found = lessons[Number(index)];
        return found ? `lesson ${found.id} "${found.lesson.title}" (${whole})` : whole;
      });
    const byId = new Map(lessons.map((l) => [l.id, l]));
    return this.mappings.targetsOf(mapping, `demo course "${course.slug}"`, describe).map((target) => {
      const { lesson, modulePosition, lessonPosition } = byId.get(target.itemId)!;
      return { ...target, modulePosition, lessonPosition, lessonTitle: lesson.title };
    });
  }

  private async importCourse(manager: EntityManager, course: DemoCourse, targets: LessonTarget[]): Promise<boolean> {
    await manager.query(`INSERT INTO courses (slug) VALUES ($1) ON CONFLICT (slug) DO NOTHING`, [course.slug]);
    const [{ id: courseId }] = (await manager.query(`SELECT id FROM courses WHERE slug = $1`, [course.slug])) as { id: string }[];
    const estimatedMinutes = course.modules.flatMap((m) => m.lessons).reduce((sum, l) => sum + l.estimatedMinutes, 0);
    const inserted = (await manager.query(
      `INSERT INTO course_versions (course_id, version_number, status, language, title, summary, translations, target_groups, level, estimated_minutes, published_at)
       VALUES ($1, 1, 'published', $2, $3, $4, $5, $6, $7, $8, now())
       ON CONFLICT (course_id, version_number) DO NOTHING
       RETURNING id`,
      [courseId, course.language, course.title, course.summary, JSON.stringify(course.translations), course.targetGroups, course.level, estimatedMinutes],
    )) as { id: string }[];
    const versionId = inserted[0]?.id;

    if (versionId) {
      for (const [moduleIndex, module] of course.modules.entries()) {
        const [{ id: moduleId }] = (await manager.query(
          `INSERT INTO course_modules (version_id, position, title, translations) VALUES ($1, $2, $3, $4) RETURNING id`,
          [versionId, moduleIndex + 1, module.title, JSON.stringify(module.titleEn ? { en: { title: module.titleEn } } : {})],
        )) as { id: string }[];
        for (const [lessonIndex, lesson] of module.lessons.entries()) {
          await manager.query(
            `INSERT INTO lessons (module_id, position, kind, title, body, estimated_minutes, translations) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [moduleId, lessonIndex + 1, lesson.kind, lesson.title, lesson.body, lesson.estimatedMinutes, JSON.stringify(lesson.titleEn ? { en: { title: lesson.titleEn } } : {})],
          );
        }
      }
    }
    // A published version's lessons are never rewritten, but mappings it lacks are added (an
    // install that imported the demo before lessons were mapped): only to the same lesson
    // (positions and title), and never changing a mapping already there.
    await manager.query(
      `INSERT INTO lesson_competencies (lesson_id, competency_ref, level, framework_version)
       SELECT l.id, t."competencyRef", t.level, t."frameworkVersion"
         FROM jsonb_to_recordset($2::jsonb) AS t("modulePosition" int, "lessonPosition" int, "lessonTitle" text,
                                                "competencyRef" text, level int, "frameworkVersion" text)
         JOIN course_versions v ON v.course_id = $1 AND v.version_number = 1
         JOIN course_modules m ON m.version_id = v.id AND m.position = t."modulePosition"
         JOIN lessons l ON l.module_id = m.id AND l.position = t."lessonPosition" AND l.title = t."lessonTitle"
       ON CONFLICT (lesson_id, competency_ref) DO NOTHING`,
      [courseId, JSON.stringify(targets)],
    );
    return versionId !== undefined;
  }
}
