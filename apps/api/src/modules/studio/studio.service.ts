import type { CompetencyRef, CourseMapping } from '@hocso/curriculum';
import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { TargetGroup } from '../catalog/course-version.entity';
import type { SupportedLanguage } from '../catalog/dto/list-courses.query';
import { CompetencyMappingService } from '../competencies/competency-mapping.service';
import { CourseCoverageService } from '../competencies/course-coverage.service';
import { roleOfLesson } from '../competencies/curriculum';
import type { CourseCoverageDto } from '../competencies/dto/course-coverage.dto';
import type { AuthUser } from '../identity/auth-user';
import { OBJECT_STORAGE, type ObjectStorage } from '../media';
import type {
  CourseAuthorListDto,
  CreateCourseDto,
  CreateLessonDto,
  CreateModuleDto,
  LessonCompetenciesDto,
  PreviewDto,
  ReorderDto,
  StudioCourseDto,
  StudioCourseListDto,
  StudioVersionDto,
  UpdateLessonDto,
  UpdateModuleDto,
  UpdateVersionDto,
  VersionTranslationDto,
} from './dto/studio.dto';
import { EXTENSION_OF, MAX_COVER_BYTES, sniffImageType } from './image';
import { sanitizeLessonHtml } from './sanitize';
import {
  assertEditable,
  authoredBy,
  authoredVersion,
  editableVersion,
  isAdministrator,
  versionOfLesson,
  versionOfModule,
  type VersionRow,
} from './studio-access';
import { summaryOf, VersionReader } from './version-reader';

/** A URL-safe slug from a Vietnamese title (diacritics removed) and a random suffix. */
export function slugOf(title: string): string {
  const base = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `${base || 'khoa-hoc'}-${randomBytes(3).toString('hex')}`;
}

/**
 * Authoring: courses, their draft versions, modules, lessons, competency mappings, translations
 * and cover images. Every query is limited to the caller's courses (creator or co-author; an
 * administrator sees all): anything else is a 404. Only drafts change (409 otherwise).
 */
@Injectable()
export class StudioService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reader: VersionReader,
    private readonly mappings: CompetencyMappingService,
    private readonly coverage: CourseCoverageService,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  // ---------------------------------------------------------------------------------------------
  // Courses

  async listCourses(user: AuthUser): Promise<StudioCourseListDto> {
    const versions = (await this.dataSource.query(
      `SELECT v.*, c.slug, c.created_at AS course_created_at FROM course_versions v JOIN courses c ON c.id = v.course_id
        WHERE ${authoredBy('$1', '$2')}
        ORDER BY c.created_at DESC, v.course_id, v.version_number DESC`,
      [isAdministrator(user), user.id],
    )) as (VersionRow & { course_created_at: Date })[];
    const courses = new Map<string, StudioCourseDto>();
    for (const v of versions) {
      let course = courses.get(v.course_id);
      if (!course) {
        course = { id: v.course_id, slug: v.slug, title: v.title, createdAt: v.course_created_at.toISOString(), versions: [] };
        courses.set(v.course_id, course);
      }
      course.versions.push(summaryOf(v));
    }
    return { items: [...courses.values()] };
  }

  async getCourse(user: AuthUser, courseId: string): Promise<StudioCourseDto> {
    const versions = (await this.dataSource.query(
      `SELECT v.*, c.slug, c.created_at AS course_created_at FROM course_versions v JOIN courses c ON c.id = v.course_id
        WHERE c.id = $3 AND ${authoredBy('$1', '$2')} ORDER BY v.version_number DESC`,
      [isAdministrator(user), user.id, courseId],
    )) as (VersionRow & { course_created_at: Date })[];
    const newest = versions[0];
    if (!newest) throw new NotFoundException('No such course, or it is not one of your courses');
    return { id: courseId, slug: newest.slug, title: newest.title, createdAt: newest.course_created_at.toISOString(), versions: versions.map(summaryOf) };
  }

  async createCourse(user: AuthUser, body: CreateCourseDto): Promise<StudioVersionDto> {
    return this.dataSource.transaction(async (manager) => {
      const [{ id: courseId }] = (await manager.query(`INSERT INTO courses (slug, created_by) VALUES ($1, $2) RETURNING id`, [slugOf(body.title), user.id])) as {
        id: string;
      }[];
      await manager.query(`INSERT INTO course_authors (course_id, user_id) VALUES ($1, $2)`, [courseId, user.id]);
      const [{ id }] = (await manager.query(
        `INSERT INTO course_versions (course_id, version_number, status, language, title, summary, target_groups, level, estimated_minutes, sequential, created_by)
         VALUES ($1, 1, 'draft', $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [courseId, body.language, body.title.trim(), body.summary.trim(), body.targetGroups, body.level, body.estimatedMinutes, body.sequential ?? false, user.id],
      )) as { id: string }[];
      return this.reader.detail((await this.reader.row(id, manager))!, true, manager);
    });
  }

  /** Deletes a course that was never published (its drafts, modules and lessons go with it). */
  async deleteCourse(user: AuthUser, courseId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(
        `SELECT c.id, bool_or(v.status IN ('published', 'archived')) AS published
           FROM courses c JOIN course_versions v ON v.course_id = c.id
          WHERE c.id = $3 AND ${authoredBy('$1', '$2', 'c.id')} GROUP BY c.id`,
        [isAdministrator(user), user.id, courseId],
      )) as { id: string; published: boolean }[];
      if (!rows[0]) throw new NotFoundException('No such course, or it is not one of your courses');
      if (rows[0].published) throw new ConflictException('This course has been published: learners may be enrolled in it, so it cannot be deleted.');
      await manager.query(`DELETE FROM courses WHERE id = $1`, [courseId]);
    });
  }

  /** Adds a co-author (a user holding the author role); they then see and edit the course like its creator. */
  async addAuthor(user: AuthUser, courseId: string, userId: string): Promise<CourseAuthorListDto> {
    await this.getCourse(user, courseId);
    const authors = (await this.dataSource.query(`SELECT 1 FROM role_assignments WHERE user_id = $1 AND role = 'author'`, [userId])) as unknown[];
    if (authors.length === 0) throw new BadRequestException('This person does not hold the author role: an administrator must grant it first.');
    await this.dataSource.query(`INSERT INTO course_authors (course_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [courseId, userId]);
    return this.authors(user, courseId);
  }

  async authors(user: AuthUser, courseId: string): Promise<CourseAuthorListDto> {
    await this.getCourse(user, courseId);
    const rows = (await this.dataSource.query(
      `SELECT u.id AS "userId", u.display_name AS "displayName" FROM course_authors ca JOIN users u ON u.id = ca.user_id WHERE ca.course_id = $1 ORDER BY ca.added_at, u.id`,
      [courseId],
    )) as { userId: string; displayName: string }[];
    return { items: rows };
  }

  // ---------------------------------------------------------------------------------------------
  // Versions

  async getVersion(user: AuthUser, versionId: string): Promise<StudioVersionDto> {
    const version = await authoredVersion(this.dataSource.manager, user, versionId);
    return this.reader.detail(version, version.status === 'draft');
  }

  async updateVersion(user: AuthUser, versionId: string, body: UpdateVersionDto): Promise<StudioVersionDto> {
    return this.dataSource.transaction(async (manager) => {
      await editableVersion(manager, user, versionId);
      const sets: string[] = [];
      const values: unknown[] = [];
      const set = (column: string, value: unknown) => {
        values.push(value);
        sets.push(`${column} = $${values.length + 1}`);
      };
      if (body.title !== undefined) set('title', body.title.trim());
      if (body.summary !== undefined) set('summary', body.summary.trim());
      if (body.language !== undefined) set('language', body.language);
      if (body.targetGroups !== undefined) set('target_groups', body.targetGroups);
      if (body.level !== undefined) set('level', body.level);
      if (body.estimatedMinutes !== undefined) set('estimated_minutes', body.estimatedMinutes);
      if (body.sequential !== undefined) set('sequential', body.sequential);
      if (sets.length > 0) await manager.query(`UPDATE course_versions SET ${sets.join(', ')} WHERE id = $1`, [versionId, ...values]);
      return this.reader.detail((await this.reader.row(versionId, manager))!, true, manager);
    });
  }

  /** Discards a draft of a course that has other versions (the first one: delete the course). */
  async deleteDraft(user: AuthUser, versionId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const version = await editableVersion(manager, user, versionId);
      const [{ count }] = (await manager.query(`SELECT count(*)::int AS count FROM course_versions WHERE course_id = $1`, [version.course_id])) as { count: number }[];
      if (count <= 1) throw new ConflictException('This is the only version of the course: delete the course instead.');
      await manager.query(`DELETE FROM course_versions WHERE id = $1`, [versionId]);
    });
  }

  async preview(user: AuthUser, versionId: string, lang: SupportedLanguage | undefined): Promise<PreviewDto> {
    return this.reader.preview(await authoredVersion(this.dataSource.manager, user, versionId), lang);
  }

  async coverageOf(user: AuthUser, versionId: string, targetGroup: TargetGroup): Promise<CourseCoverageDto> {
    const version = await authoredVersion(this.dataSource.manager, user, versionId);
    return this.coverage.forVersion(version.id, version.slug, version.version_number, targetGroup);
  }

  async setCover(user: AuthUser, versionId: string, body: unknown): Promise<StudioVersionDto> {
    if (!Buffer.isBuffer(body)) throw new UnsupportedMediaTypeException('Send the image as the request body with Content-Type image/png, image/jpeg or image/webp.');
    if (body.length > MAX_COVER_BYTES) throw new PayloadTooLargeException('The cover image is larger than 2 MB.');
    const type = sniffImageType(body);
    if (!type) throw new UnsupportedMediaTypeException('The file is not a PNG, JPEG or WebP image.');
    assertEditable(await authoredVersion(this.dataSource.manager, user, versionId));
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
    const key = `covers/${versionId}/${hash}.${EXTENSION_OF[type]}`;
    await this.storage.put(key, body, { contentType: type });
    return this.dataSource.transaction(async (manager) => {
      await editableVersion(manager, user, versionId);
      await manager.query(`UPDATE course_versions SET cover_image_key = $2 WHERE id = $1`, [versionId, key]);
      return this.reader.detail((await this.reader.row(versionId, manager))!, true, manager);
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Modules and lessons

  async addModule(user: AuthUser, versionId: string, body: CreateModuleDto): Promise<StudioVersionDto> {
    return this.dataSource.transaction(async (manager) => {
      await editableVersion(manager, user, versionId);
      await manager.query(
        `INSERT INTO course_modules (version_id, position, title)
         VALUES ($1, (SELECT coalesce(max(position), 0) + 1 FROM course_modules WHERE version_id = $1), $2)`,
        [versionId, body.title.trim()],
      );
      return this.reader.detail((await this.reader.row(versionId, manager))!, true, manager);
    });
  }

  async updateModule(user: AuthUser, moduleId: string, body: UpdateModuleDto): Promise<StudioVersionDto> {
    return this.dataSource.transaction(async (manager) => {
      const versionId = await versionOfModule(manager, user, moduleId);
      await editableVersion(manager, user, versionId);
      await manager.query(`UPDATE course_modules SET title = $2 WHERE id = $1`, [moduleId, body.title.trim()]);
      return this.reader.detail((await this.reader.row(versionId, manager))!, true, manager);
    });
  }

  async deleteModule(user: AuthUser, moduleId: string): Promise<StudioVersionDto> {
    return this.dataSource.transaction(async (manager) => {
      const versionId = await versionOfModule(manager, user, moduleId);
      await editableVersion(manager, user, versionId);
      await manager.query(`DELETE FROM course_modules WHERE id = $1`, [moduleId]);
      await renumberModules(manager, versionId);
      return this.reader.detail((await this.reader.row(versionId, manager))!, true, manager);
    });
  }

  async addLesson(user: AuthUser, moduleId: string, body: CreateLessonDto): Promise<StudioVersionDto> {
    return this.dataSource.transaction(async (manager) => {
      const versionId = await versionOfModule(manager, user, moduleId);
      await editableVersion(manager, user, versionId);
      await manager.query(
        `INSERT INTO lessons (module_id, position, kind, title, body, estimated_minutes)
         VALUES ($1, (SELECT coalesce(max(position), 0) + 1 FROM lessons WHERE module_id = $1), $2, $3, $4, $5)`,
        [moduleId, body.kind, body.title.trim(), body.body === undefined ? null : sanitizeLessonHtml(body.body), body.estimatedMinutes ?? 5],
      );
      return this.reader.detail((await this.reader.row(versionId, manager))!, true, manager);
    });
  }

  async updateLesson(user: AuthUser, lessonId: string, body: UpdateLessonDto): Promise<StudioVersionDto> {
    return this.dataSource.transaction(async (manager) => {
      const lesson = await versionOfLesson(manager, user, lessonId);
      await editableVersion(manager, user, lesson.versionId);
      const sets: string[] = [];
      const values: unknown[] = [];
      const set = (column: string, value: unknown) => {
        values.push(value);
        sets.push(`${column} = $${values.length + 1}`);
      };
      if (body.title !== undefined) set('title', body.title.trim());
      if (body.body !== undefined) set('body', body.body === null ? null : sanitizeLessonHtml(body.body));
      if (body.estimatedMinutes !== undefined) set('estimated_minutes', body.estimatedMinutes);
      if (body.completionPercent !== undefined) set('completion_percent', body.completionPercent);
      if (body.mediaAssetId !== undefined) {
        if (body.mediaAssetId !== null && lesson.kind !== 'video') {
          throw new BadRequestException('Only a video lesson can have a video (mediaAssetId).');
        }
        if (body.mediaAssetId !== null) {
          const found = (await manager.query(`SELECT 1 FROM media_assets WHERE id = $1`, [body.mediaAssetId])) as unknown[];
          if (found.length === 0) throw new BadRequestException('No such media asset: upload the video first.');
        }
        set('media_asset_id', body.mediaAssetId);
      }
      if (sets.length > 0) await manager.query(`UPDATE lessons SET ${sets.join(', ')} WHERE id = $1`, [lessonId, ...values]);
      return this.reader.detail((await this.reader.row(lesson.versionId, manager))!, true, manager);
    });
  }

  async deleteLesson(user: AuthUser, lessonId: string): Promise<StudioVersionDto> {
    return this.dataSource.transaction(async (manager) => {
      const lesson = await versionOfLesson(manager, user, lessonId);
      await editableVersion(manager, user, lesson.versionId);
      await manager.query(`DELETE FROM lessons WHERE id = $1`, [lessonId]);
      await renumberLessons(manager, [lesson.moduleId]);
      return this.reader.detail((await this.reader.row(lesson.versionId, manager))!, true, manager);
    });
  }

  /** Applies a complete new order of the version's modules and of the lessons in each (lessons may change module). */
  async reorder(user: AuthUser, versionId: string, body: ReorderDto): Promise<StudioVersionDto> {
    return this.dataSource.transaction(async (manager) => {
      await editableVersion(manager, user, versionId);
      const modules = (await manager.query(`SELECT id FROM course_modules WHERE version_id = $1`, [versionId])) as { id: string }[];
      const lessons = (await manager.query(
        `SELECT l.id FROM lessons l JOIN course_modules m ON m.id = l.module_id WHERE m.version_id = $1`,
        [versionId],
      )) as { id: string }[];
      const sameSet = (a: string[], b: string[]) => a.length === b.length && new Set(a).size === a.length && a.every((id) => b.includes(id));
      const givenModules = body.modules.map((m) => m.id);
      const givenLessons = body.modules.flatMap((m) => m.lessons);
      if (!sameSet(givenModules, modules.map((m) => m.id)) || !sameSet(givenLessons, lessons.map((l) => l.id))) {
        throw new BadRequestException('The new order must list every module of this version once, and every one of its lessons once.');
      }
      // Two steps, because positions are unique within a version (modules) and a module (lessons).
      await manager.query(`UPDATE course_modules SET position = -position WHERE version_id = $1`, [versionId]);
      await manager.query(`UPDATE lessons SET position = -position WHERE module_id = ANY ($1::uuid[])`, [givenModules]);
      for (const [m, module] of body.modules.entries()) {
        await manager.query(`UPDATE course_modules SET position = $2 WHERE id = $1`, [module.id, m + 1]);
        for (const [l, lessonId] of module.lessons.entries()) {
          await manager.query(`UPDATE lessons SET module_id = $2, position = $3 WHERE id = $1`, [lessonId, module.id, l + 1]);
        }
      }
      return this.reader.detail((await this.reader.row(versionId, manager))!, true, manager);
    });
  }

  /** Replaces a lesson's competencies after checking them with @hocso/curriculum (400 names each error). */
  async setCompetencies(user: AuthUser, lessonId: string, body: LessonCompetenciesDto, lang: SupportedLanguage): Promise<StudioVersionDto> {
    return this.dataSource.transaction(async (manager) => {
      const lesson = await versionOfLesson(manager, user, lessonId);
      const version = await editableVersion(manager, user, lesson.versionId);
      const mapping: CourseMapping = {
        courseId: version.slug,
        courseVersion: String(version.version_number),
        ...(body.frameworks ? { frameworks: body.frameworks } : {}),
        items: [{ id: lessonId, kind: lesson.kind, [roleOfLesson(lesson.kind as never)]: body.competencies.map((c) => ({ competency: c.competency as CompetencyRef, level: c.level })) }],
      };
      this.mappings.validateForRequest(mapping, lang);
      const targets = this.mappings.targetsOf(mapping, version.slug);
      await manager.query(`DELETE FROM lesson_competencies WHERE lesson_id = $1`, [lessonId]);
      for (const t of targets) {
        await manager.query(`INSERT INTO lesson_competencies (lesson_id, competency_ref, level, framework_version) VALUES ($1, $2, $3, $4)`, [
          lessonId,
          t.competencyRef,
          t.level,
          t.frameworkVersion,
        ]);
      }
      return this.reader.detail((await this.reader.row(lesson.versionId, manager))!, true, manager);
    });
  }

  /**
   * Saves the texts of one language other than the course's own: course title and summary, module
   * titles, lesson titles and bodies (sanitised). Empty strings remove a text (the course language
   * shows instead).
   */
  async setTranslation(user: AuthUser, versionId: string, language: SupportedLanguage, body: VersionTranslationDto): Promise<StudioVersionDto> {
    return this.dataSource.transaction(async (manager) => {
      const version = await editableVersion(manager, user, versionId);
      if (language === version.language) {
        throw new BadRequestException(`The course is written in "${language}": edit its texts directly, translations are for other languages.`);
      }
      const clean = (value: Record<string, string | undefined>) =>
        Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string' && v.trim() !== '').map(([k, v]) => [k, v!.trim()]));
      const own = clean({ title: body.title, summary: body.summary });
      await manager.query(
        `UPDATE course_versions SET translations = CASE WHEN $3::jsonb = '{}'::jsonb THEN translations - $2 ELSE jsonb_set(translations, ARRAY[$2], $3::jsonb) END WHERE id = $1`,
        [versionId, language, JSON.stringify(own)],
      );
      const moduleIds = new Set(((await manager.query(`SELECT id FROM course_modules WHERE version_id = $1`, [versionId])) as { id: string }[]).map((m) => m.id));
      for (const m of body.modules ?? []) {
        if (!moduleIds.has(m.id)) throw new BadRequestException(`Module ${m.id} is not in this version.`);
        await manager.query(
          `UPDATE course_modules SET translations = CASE WHEN $3::jsonb = '{}'::jsonb THEN translations - $2 ELSE jsonb_set(translations, ARRAY[$2], $3::jsonb) END WHERE id = $1`,
          [m.id, language, JSON.stringify(clean({ title: m.title }))],
        );
      }
      const lessonIds = new Set(
        ((await manager.query(`SELECT l.id FROM lessons l JOIN course_modules m ON m.id = l.module_id WHERE m.version_id = $1`, [versionId])) as { id: string }[]).map((l) => l.id),
      );
      for (const l of body.lessons ?? []) {
        if (!lessonIds.has(l.id)) throw new BadRequestException(`Lesson ${l.id} is not in this version.`);
        const text = clean({ title: l.title, body: l.body === undefined ? undefined : sanitizeLessonHtml(l.body) });
        await manager.query(
          `UPDATE lessons SET translations = CASE WHEN $3::jsonb = '{}'::jsonb THEN translations - $2 ELSE jsonb_set(translations, ARRAY[$2], $3::jsonb) END WHERE id = $1`,
          [l.id, language, JSON.stringify(text)],
        );
      }
      return this.reader.detail((await this.reader.row(versionId, manager))!, true, manager);
    });
  }
}

async function renumberModules(manager: EntityManager, versionId: string): Promise<void> {
  await manager.query(`UPDATE course_modules SET position = -position WHERE version_id = $1`, [versionId]);
  await manager.query(
    `UPDATE course_modules m SET position = o.n FROM (SELECT id, row_number() OVER (ORDER BY position DESC) AS n FROM course_modules WHERE version_id = $1) o WHERE m.id = o.id`,
    [versionId],
  );
}

async function renumberLessons(manager: EntityManager, moduleIds: string[]): Promise<void> {
  await manager.query(`UPDATE lessons SET position = -position WHERE module_id = ANY ($1::uuid[])`, [moduleIds]);
  await manager.query(
    `UPDATE lessons l SET position = o.n
       FROM (SELECT id, row_number() OVER (PARTITION BY module_id ORDER BY position DESC) AS n FROM lessons WHERE module_id = ANY ($1::uuid[])) o
      WHERE l.id = o.id`,
    [moduleIds],
  );
}
