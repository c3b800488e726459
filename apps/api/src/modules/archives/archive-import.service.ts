import { frameworkIdOf, type CourseMapping } from '@hocso/curriculum';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import { CompetencyMappingService, InvalidCompetencyMappingError } from '../competencies/competency-mapping.service';
import { roleOfLesson } from '../competencies/curriculum';
import { AppConfig } from '../../config/app-config';
import type { AuthUser } from '../identity/auth-user';
import { OBJECT_STORAGE, type ObjectStorage } from '../media';
import { EXTENSION_OF, MAX_COVER_BYTES, sniffImageType } from '../studio/image';
import { sanitizeLessonHtml } from '../studio/sanitize';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  COURSE_PATH,
  COURSE_SCHEMA,
  DEFAULT_ARCHIVE_LIMITS,
  MANIFEST_PATH,
  MANIFEST_SCHEMA,
  type ArchiveLimits,
  type ArchiveManifest,
  type ArchivedCourse,
  type ArchivedLesson,
} from './archive-format';
import { ARCHIVE_MEDIA, type ArchiveMediaPort } from './archive-media.port';
import { ArchiveRefusal } from './archive-refusal';
import { archiveWorkRoot, QUIZ_ARCHIVER } from './archive-export.service';
import { extractZip, type ExtractedEntry } from './zip-reader';

export interface ImportedCourse {
  courseId: string;
  slug: string;
  versionId: string;
  title: string;
  lessonCount: number;
  videoCount: number;
}

/** Hook for quiz items on import (the assessment module's), inside the import's transaction. */
export interface QuizImporter {
  importQuiz(manager: EntityManager, lesson: { id: string; key: string; title: string }, quiz: NonNullable<ArchivedLesson['quiz']>, ownerId: string): Promise<void>;
}

/**
 * Imports a course archive as a new course (a new slug when the archive's is taken) with one DRAFT
 * version, listing the importer as its author. Everything is checked before anything is written
 * (zip structure, sizes counted while streaming, checksums, JSON Schema, competency mappings,
 * bodies sanitised again, captions, cover type); then media are re-ingested (transcoded again by
 * the media queue) and the rows are written in one transaction. If anything fails, stored media,
 * the cover and the work files are removed: a refused import leaves nothing behind.
 */
@Injectable()
export class ArchiveImportService {
  private readonly logger = new Logger(ArchiveImportService.name);
  limits: ArchiveLimits = { ...DEFAULT_ARCHIVE_LIMITS };
  workRoot: string;
  private readonly validateManifest: ValidateFunction<ArchiveManifest>;
  private readonly validateCourse: ValidateFunction<ArchivedCourse>;

  constructor(
    config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly mappings: CompetencyMappingService,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    @Inject(ARCHIVE_MEDIA) private readonly media: ArchiveMediaPort,
    @Optional() @Inject(QUIZ_ARCHIVER) private readonly quizzes: QuizImporter | null = null,
  ) {
    this.workRoot = archiveWorkRoot(config);
    const ajv = new Ajv({ allErrors: false, strict: false });
    this.validateManifest = ajv.compile<ArchiveManifest>(MANIFEST_SCHEMA);
    this.validateCourse = ajv.compile<ArchivedCourse>(COURSE_SCHEMA);
  }

  /** A work folder for one import (the upload is written there first). */
  async newWorkDir(): Promise<string> {
    await mkdir(this.workRoot, { recursive: true });
    return mkdtemp(join(this.workRoot, 'import-'));
  }

  /** Imports the .zip at zipPath (inside workDir, which is removed at the end whatever happens). */
  async importArchive(user: AuthUser, workDir: string, zipPath: string): Promise<ImportedCourse> {
    try {
      const entriesDir = join(workDir, 'entries');
      await mkdir(entriesDir);
      const entries = await extractZip(zipPath, entriesDir, this.limits);
      const { course, files } = await this.checkContent(entries);
      const plan = this.plan(course);
      return await this.write(user, course, plan, files);
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }

  private async readJson(entry: ExtractedEntry | undefined, name: string): Promise<unknown> {
    if (!entry) throw new ArchiveRefusal(name === MANIFEST_PATH ? 'missing_manifest' : 'missing_entry', name);
    if (entry.size > this.limits.maxJsonBytes) throw new ArchiveRefusal('entry_too_large', name, `${this.limits.maxJsonBytes} B`);
    try {
      return JSON.parse(await readFile(entry.diskPath, 'utf8')) as unknown;
    } catch {
      throw new ArchiveRefusal('invalid_json', name);
    }
  }

  /** The manifest's format and checksums, then course.json against its schema. */
  private async checkContent(entries: Map<string, ExtractedEntry>): Promise<{ course: ArchivedCourse; files: Map<string, ExtractedEntry> }> {
    const manifest = await this.readJson(entries.get(MANIFEST_PATH), MANIFEST_PATH);
    const head = (manifest ?? {}) as { format?: unknown; formatVersion?: unknown };
    if (head.format !== ARCHIVE_FORMAT) throw new ArchiveRefusal('unknown_format', MANIFEST_PATH, String(head.format ?? '').slice(0, 60));
    if (head.formatVersion !== ARCHIVE_FORMAT_VERSION) throw new ArchiveRefusal('unsupported_version', MANIFEST_PATH, String(head.formatVersion ?? '').slice(0, 20));
    if (!this.validateManifest(manifest)) throw new ArchiveRefusal('schema_violation', MANIFEST_PATH, describe(this.validateManifest.errors));

    const files = new Map<string, ExtractedEntry>();
    const listed = new Set<string>();
    for (const file of manifest.files) {
      if (listed.has(file.path) || file.path === MANIFEST_PATH) throw new ArchiveRefusal('duplicate_entry', file.path);
      listed.add(file.path);
      const entry = entries.get(file.path);
      if (!entry) throw new ArchiveRefusal('missing_entry', file.path);
      if (entry.size !== file.size || entry.sha256 !== file.sha256) throw new ArchiveRefusal('checksum_mismatch', file.path);
      files.set(file.path, entry);
    }
    for (const name of entries.keys()) {
      if (name !== MANIFEST_PATH && !listed.has(name)) throw new ArchiveRefusal('unlisted_entry', name);
    }

    const course = await this.readJson(files.get(COURSE_PATH), COURSE_PATH);
    if (!this.validateCourse(course)) throw new ArchiveRefusal('schema_violation', COURSE_PATH, describe(this.validateCourse.errors));
    const referenced = [
      course.course.coverImage,
      ...course.modules.flatMap((m) => m.lessons.flatMap((l) => (l.video ? [l.video.file, ...l.video.captions.map((c) => c.file)] : []))),
    ].filter((p): p is string => p !== null);
    for (const path of referenced) if (!files.has(path)) throw new ArchiveRefusal('missing_entry', path);
    return { course, files };
  }

  /** Validated mappings and re-sanitised bodies, before anything is written. */
  private plan(course: ArchivedCourse) {
    const lessons = course.modules.flatMap((m) => m.lessons);
    const pins = new Map<string, string>();
    for (const c of lessons.flatMap((l) => l.competencies)) {
      const id = frameworkIdOf(c.competencyRef as `${string}:${string}`);
      const pinned = pins.get(id);
      if (pinned && pinned !== c.frameworkVersion) {
        throw new ArchiveRefusal('invalid_mapping', '', `framework ${id} is used at versions ${pinned} and ${c.frameworkVersion}`);
      }
      pins.set(id, c.frameworkVersion);
    }
    const mapping: CourseMapping = {
      courseId: course.course.slug,
      frameworks: [...pins].map(([id, version]) => ({ id, version })),
      items: lessons.map((l, i) => ({
        id: String(i),
        kind: l.kind,
        [roleOfLesson(l.kind)]: l.competencies.map((c) => ({ competency: c.competencyRef, level: c.level })),
      })),
    };
    try {
      this.mappings.targetsOf(mapping, 'archive', (path) =>
        path.replace(/^items\[(\d+)\]/, (whole, index: string) => `lesson "${lessons[Number(index)]?.title ?? index}" (${whole})`),
      );
    } catch (error) {
      if (error instanceof InvalidCompetencyMappingError) {
        throw new ArchiveRefusal('invalid_mapping', '', error.message.replace(/^archive: invalid competency mapping: /, ''));
      }
      throw error;
    }
    return {
      modules: course.modules.map((m) => ({
        ...m,
        lessons: m.lessons.map((l) => ({
          ...l,
          body: l.body === null ? null : sanitizeLessonHtml(l.body),
          translations: Object.fromEntries(
            Object.entries(l.translations).map(([lang, t]) => [lang, { ...t, ...(t.body !== undefined ? { body: sanitizeLessonHtml(t.body) } : {}) }]),
          ),
        })),
      })),
    };
  }

  private async write(
    user: AuthUser,
    course: ArchivedCourse,
    plan: ReturnType<ArchiveImportService['plan']>,
    files: Map<string, ExtractedEntry>,
  ): Promise<ImportedCourse> {
    // Checked before any write: cover type and size, captions are text.
    let cover: { entry: ExtractedEntry; ext: string } | null = null;
    if (course.course.coverImage) {
      const entry = files.get(course.course.coverImage)!;
      const type = sniffImageType((await readFile(entry.diskPath)).subarray(0, 16));
      if (!type || entry.size > MAX_COVER_BYTES) throw new ArchiveRefusal('invalid_media', course.course.coverImage, 'not a PNG, JPEG or WebP image under 2 MiB');
      cover = { entry, ext: EXTENSION_OF[type] };
    }
    const captions = new Map<string, string>();
    for (const lesson of plan.modules.flatMap((m) => m.lessons)) {
      if (!lesson.video) continue;
      for (const track of lesson.video.captions) {
        const text = await readFile(files.get(track.file)!.diskPath, 'utf8');
        const problems = this.media.checkCaptions(text);
        if (problems) throw new ArchiveRefusal('invalid_captions', track.file, problems);
        captions.set(track.file, text);
      }
      try {
        await this.media.checkVideo(files.get(lesson.video.file)!.diskPath);
      } catch (error) {
        throw new ArchiveRefusal('invalid_media', lesson.video.file, (error as Error).message);
      }
    }

    const createdAssets: string[] = [];
    let coverKey: string | null = null;
    try {
      if (cover) {
        coverKey = `covers/imported-${randomUUID()}.${cover.ext}`;
        await this.storage.putFile(coverKey, cover.entry.diskPath);
      }
      const assetOf = new Map<ArchivedLesson, string>();
      for (const lesson of plan.modules.flatMap((m) => m.lessons)) {
        if (!lesson.video) continue;
        let assetId: string;
        try {
          assetId = await this.media.ingestVideo(files.get(lesson.video.file)!.diskPath, { ownerId: user.id, filename: lesson.video.filename });
        } catch (error) {
          throw new ArchiveRefusal('invalid_media', lesson.video.file, (error as Error).message);
        }
        createdAssets.push(assetId);
        assetOf.set(lesson, assetId);
        for (const track of lesson.video.captions) {
          try {
            await this.media.putCaptions(assetId, track.language, captions.get(track.file)!);
          } catch (error) {
            throw new ArchiveRefusal('invalid_captions', track.file, (error as Error).message);
          }
        }
      }
      return await this.db.transaction((manager) => this.insertCourse(manager, user, course, plan, assetOf, coverKey));
    } catch (error) {
      for (const assetId of createdAssets) {
        await this.media.deleteAsset(assetId).catch((e: unknown) => this.logger.error({ err: e, assetId }, 'could not remove the media of a failed import'));
      }
      if (coverKey) await this.storage.delete(coverKey).catch(() => undefined);
      throw error;
    }
  }

  private async insertCourse(
    manager: EntityManager,
    user: AuthUser,
    course: ArchivedCourse,
    plan: ReturnType<ArchiveImportService['plan']>,
    assetOf: Map<ArchivedLesson, string>,
    coverKey: string | null,
  ): Promise<ImportedCourse> {
    const c = course.course;
    let courseId: string | undefined;
    let slug = c.slug;
    for (let n = 1; !courseId; n += 1) {
      slug = n === 1 ? c.slug : n < 50 ? `${c.slug.slice(0, 110)}-${n}` : `${c.slug.slice(0, 100)}-${randomUUID().slice(0, 8)}`;
      const rows = (await manager.query(`INSERT INTO courses (slug) VALUES ($1) ON CONFLICT (slug) DO NOTHING RETURNING id`, [slug])) as { id: string }[];
      courseId = rows[0]?.id;
    }
    await manager.query(`INSERT INTO course_authors (course_id, user_id) VALUES ($1, $2)`, [courseId, user.id]);
    const [{ id: versionId }] = (await manager.query(
      `INSERT INTO course_versions (course_id, version_number, status, language, title, summary, translations, target_groups, level,
                                    estimated_minutes, sequential, cover_image_key, created_by)
       VALUES ($1, 1, 'draft', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [courseId, c.language, c.title, c.summary, JSON.stringify(c.translations), c.targetGroups, c.level, c.estimatedMinutes, c.sequential, coverKey, user.id],
    )) as { id: string }[];
    let lessonCount = 0;
    for (const [m, module] of plan.modules.entries()) {
      const [{ id: moduleId }] = (await manager.query(
        `INSERT INTO course_modules (version_id, position, title, translations) VALUES ($1, $2, $3, $4) RETURNING id`,
        [versionId, m + 1, module.title, JSON.stringify(module.translations)],
      )) as { id: string }[];
      for (const [l, lesson] of module.lessons.entries()) {
        const [{ id: lessonId, lesson_key: lessonKey }] = (await manager.query(
          `INSERT INTO lessons (module_id, position, kind, title, body, estimated_minutes, completion_percent, translations, media_asset_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id, lesson_key`,
          [moduleId, l + 1, lesson.kind, lesson.title, lesson.body, lesson.estimatedMinutes, lesson.completionPercent, JSON.stringify(lesson.translations), assetOf.get(lesson) ?? null],
        )) as { id: string; lesson_key: string }[];
        lessonCount += 1;
        for (const target of lesson.competencies) {
          await manager.query(`INSERT INTO lesson_competencies (lesson_id, competency_ref, level, framework_version) VALUES ($1, $2, $3, $4)`, [
            lessonId,
            target.competencyRef,
            target.level,
            target.frameworkVersion,
          ]);
        }
        if (lesson.quiz && this.quizzes) {
          try {
            await this.quizzes.importQuiz(manager, { id: lessonId, key: lessonKey, title: lesson.title }, lesson.quiz, user.id);
          } catch (error) {
            throw new ArchiveRefusal('invalid_quiz', lesson.title, (error as Error).message);
          }
        }
      }
    }
    return { courseId, slug, versionId, title: c.title, lessonCount, videoCount: assetOf.size };
  }
}

function describe(errors: ErrorObject[] | null | undefined): string {
  const first = errors?.[0];
  if (!first) return 'invalid';
  return `${first.instancePath || '/'} ${first.message ?? 'is invalid'}`;
}
