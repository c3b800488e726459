import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { DataSource } from 'typeorm';
import { ZipFile } from 'yazl';
import { AppConfig } from '../../config/app-config';
import type { AuthUser } from '../identity/auth-user';
import { mediaWorkDir } from '../media/storage/storage.factory';
import { OBJECT_STORAGE, type ObjectStorage } from '../media';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  COURSE_PATH,
  MANIFEST_PATH,
  type ArchiveManifest,
  type ArchivedCourse,
  type ArchivedLesson,
  type ManifestFile,
} from './archive-format';
import { assertMayExport } from './course-access';

export interface ExportedArchive {
  path: string;
  filename: string;
  size: number;
  /** Removes the temporary files (call when the response is sent). */
  cleanup: () => Promise<void>;
}

interface VersionRow {
  id: string;
  slug: string;
  version_number: number;
  language: string;
  title: string;
  summary: string;
  translations: ArchivedCourse['course']['translations'];
  target_groups: string[];
  level: ArchivedCourse['course']['level'];
  estimated_minutes: number;
  sequential: boolean;
  cover_image_key: string | null;
}

interface LessonRow {
  id: string;
  module_id: string;
  kind: ArchivedLesson['kind'];
  title: string;
  body: string | null;
  estimated_minutes: number;
  completion_percent: number;
  translations: ArchivedLesson['translations'];
  media_asset_id: string | null;
}

/** Where an archive's work files go (each export and import in its own folder below it): MEDIA_WORK_DIR/archives. */
export function archiveWorkRoot(config: AppConfig): string {
  return join(mediaWorkDir(config), 'archives');
}

/** Hook for quiz items: the assessment module gives a quiz lesson's items as plain data (optional). */
export interface QuizArchiver {
  exportQuiz(lessonId: string): Promise<ArchivedLesson['quiz']>;
}
export const QUIZ_ARCHIVER = Symbol('QUIZ_ARCHIVER');

/**
 * Writes one course version as a .zip: manifest.json (format, version, SHA-256 and size of every
 * other file), course.json (course, modules, lessons with bodies, translations and competency
 * mappings), each video lesson's original upload with its WebVTT captions, and the cover image.
 */
@Injectable()
export class ArchiveExportService {
  workRoot: string;

  constructor(
    config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    @Inject(QUIZ_ARCHIVER) private readonly quizzes: QuizArchiver | null,
  ) {
    this.workRoot = archiveWorkRoot(config);
  }

  async exportCourse(user: AuthUser, courseId: string, versionNumber?: number): Promise<ExportedArchive> {
    await assertMayExport(this.db, user, courseId);
    const version = await this.findVersion(courseId, versionNumber);
    await mkdir(this.workRoot, { recursive: true });
    const dir = await mkdtemp(join(this.workRoot, 'export-'));
    const cleanup = () => rm(dir, { recursive: true, force: true });
    try {
      const files: { path: string; diskPath: string; compress: boolean }[] = [];
      const fetch = async (key: string, archivePath: string, compress: boolean) => {
        const diskPath = join(dir, `${files.length + 1}.bin`);
        await pipeline(await this.storage.read(key), createWriteStream(diskPath));
        files.push({ path: archivePath, diskPath, compress });
      };

      const modules = (await this.db.query(
        `SELECT id, title, translations FROM course_modules WHERE version_id = $1 ORDER BY position`,
        [version.id],
      )) as { id: string; title: string; translations: Record<string, { title?: string }> }[];
      const lessons = (await this.db.query(
        `SELECT l.id, l.module_id, l.kind, l.title, l.body, l.estimated_minutes, l.completion_percent, l.translations, l.media_asset_id
           FROM lessons l JOIN course_modules m ON m.id = l.module_id WHERE m.version_id = $1 ORDER BY m.position, l.position`,
        [version.id],
      )) as LessonRow[];
      const lessonIds = lessons.map((l) => l.id);
      const competencies = (await this.db.query(
        `SELECT lesson_id, competency_ref, level, framework_version FROM lesson_competencies WHERE lesson_id = ANY($1) ORDER BY competency_ref`,
        [lessonIds],
      )) as { lesson_id: string; competency_ref: string; level: number; framework_version: string }[];
      const assetIds = lessons.map((l) => l.media_asset_id).filter((id): id is string => id !== null);
      const assets = (await this.db.query(`SELECT id, source_key, original_filename FROM media_assets WHERE id = ANY($1)`, [assetIds])) as {
        id: string;
        source_key: string | null;
        original_filename: string | null;
      }[];
      const captions = (await this.db.query(
        `SELECT asset_id, language, storage_key FROM media_captions WHERE asset_id = ANY($1) ORDER BY language`,
        [assetIds],
      )) as { asset_id: string; language: string; storage_key: string }[];

      let coverImage: string | null = null;
      if (version.cover_image_key) {
        coverImage = `cover${safeExtension(version.cover_image_key, '.jpg')}`;
        await fetch(version.cover_image_key, coverImage, false);
      }

      const archivedModules: ArchivedCourse['modules'] = [];
      for (const [m, module] of modules.entries()) {
        const archivedLessons: ArchivedLesson[] = [];
        for (const [l, lesson] of lessons.filter((x) => x.module_id === module.id).entries()) {
          const folder = `lessons/${m + 1}-${l + 1}`;
          let video: ArchivedLesson['video'] = null;
          const asset = assets.find((a) => a.id === lesson.media_asset_id);
          if (asset?.source_key) {
            const file = `${folder}/video${safeExtension(asset.original_filename ?? asset.source_key, '.mp4')}`;
            await fetch(asset.source_key, file, false);
            const tracks = [];
            for (const caption of captions.filter((c) => c.asset_id === asset.id)) {
              const captionFile = `${folder}/captions-${caption.language.replace(/[^a-z0-9-]/gi, '')}.vtt`;
              await fetch(caption.storage_key, captionFile, true);
              tracks.push({ language: caption.language, file: captionFile });
            }
            video = { file, filename: (asset.original_filename ?? 'video.mp4').slice(0, 255), captions: tracks };
          }
          const archived: ArchivedLesson = {
            kind: lesson.kind,
            title: lesson.title,
            body: lesson.body,
            estimatedMinutes: lesson.estimated_minutes,
            completionPercent: lesson.completion_percent,
            translations: lesson.translations ?? {},
            competencies: competencies
              .filter((c) => c.lesson_id === lesson.id)
              .map((c) => ({ competencyRef: c.competency_ref, level: c.level, frameworkVersion: c.framework_version })),
            video,
          };
          if (lesson.kind === 'quiz' && this.quizzes) archived.quiz = (await this.quizzes.exportQuiz(lesson.id)) ?? null;
          archivedLessons.push(archived);
        }
        archivedModules.push({ title: module.title, translations: module.translations ?? {}, lessons: archivedLessons });
      }

      const course: ArchivedCourse = {
        course: {
          slug: version.slug,
          language: version.language,
          title: version.title,
          summary: version.summary,
          translations: version.translations ?? {},
          targetGroups: version.target_groups,
          level: version.level,
          estimatedMinutes: version.estimated_minutes,
          sequential: version.sequential,
          sourceVersionNumber: version.version_number,
          coverImage,
        },
        modules: archivedModules,
      };
      const coursePath = join(dir, 'course.json');
      await writeFile(coursePath, JSON.stringify(course, null, 2));
      files.unshift({ path: COURSE_PATH, diskPath: coursePath, compress: true });

      const listed: ManifestFile[] = [];
      for (const file of files) listed.push({ path: file.path, ...(await digest(file.diskPath)) });
      const manifest: ArchiveManifest = {
        format: ARCHIVE_FORMAT,
        formatVersion: ARCHIVE_FORMAT_VERSION,
        createdAt: new Date().toISOString(),
        generator: 'hocso',
        files: listed,
      };

      const zipPath = join(dir, 'archive.zip');
      const zip = new ZipFile();
      zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), MANIFEST_PATH, { mode: 0o100644 });
      for (const file of files) zip.addFile(file.diskPath, file.path, { compress: file.compress, mode: 0o100644 });
      zip.end();
      await pipeline(zip.outputStream, createWriteStream(zipPath));
      const size = (await digest(zipPath)).size;
      return { path: zipPath, filename: `${version.slug}-v${version.version_number}.zip`, size, cleanup };
    } catch (error) {
      await cleanup();
      throw error;
    }
  }

  /** The asked version, else the newest published one, else the newest. */
  private async findVersion(courseId: string, versionNumber?: number): Promise<VersionRow> {
    const rows = (await this.db.query(
      `SELECT v.id, c.slug, v.version_number, v.language, v.title, v.summary, v.translations, v.target_groups, v.level,
              v.estimated_minutes, v.sequential, v.cover_image_key
         FROM course_versions v JOIN courses c ON c.id = v.course_id
        WHERE v.course_id = $1 AND ($2::int IS NULL OR v.version_number = $2)
        ORDER BY (v.status = 'published') DESC, v.version_number DESC LIMIT 1`,
      [courseId, versionNumber ?? null],
    )) as VersionRow[];
    if (!rows[0]) throw new NotFoundException(versionNumber ? `The course has no version ${versionNumber}` : 'No such course');
    return rows[0];
  }
}

async function digest(path: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    size += (chunk as Buffer).length;
    hash.update(chunk as Buffer);
  }
  return { size, sha256: hash.digest('hex') };
}

function safeExtension(name: string, fallback: string): string {
  const ext = extname(name).toLowerCase();
  return /^\.[a-z0-9]{1,5}$/.test(ext) ? ext : fallback;
}
