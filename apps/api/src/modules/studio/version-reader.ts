import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { CourseLevel, TargetGroup } from '../catalog/course-version.entity';
import type { LessonKind } from '../catalog/lesson.entity';
import { availableLanguages, localize, servedLanguage } from '../catalog/localize';
import type { Changelog, LessonSnapshot, VersionSnapshot } from './changelog';
import type { VersionRow } from './studio-access';
import type { PreviewDto, StudioLessonDto, StudioModuleDto, StudioVersionDto, VersionSummaryDto } from './dto/studio.dto';

interface ModuleRow {
  id: string;
  module_key: string;
  position: number;
  title: string;
  translations: Record<string, { title?: string }>;
}

/** A lesson row as JSON (every column, including ones other modules add, such as media_asset_id). */
type LessonJson = Record<string, unknown> & {
  id: string;
  module_id: string;
  lesson_key: string;
  position: number;
  kind: LessonKind;
  title: string;
  body: string | null;
  estimated_minutes: number;
  completion_percent: number;
  translations: Record<string, { title?: string; body?: string }>;
  media_asset_id?: string | null;
};

export function coverUrl(version: Pick<VersionRow, 'id' | 'cover_image_key'>): string | null {
  if (!version.cover_image_key) return null;
  const file = version.cover_image_key.slice(version.cover_image_key.lastIndexOf('/') + 1);
  return `/api/v1/course-covers/${version.id}/${file}`;
}

export function summaryOf(v: VersionRow): VersionSummaryDto {
  return {
    id: v.id,
    versionNumber: v.version_number,
    status: v.status,
    createdAt: v.created_at.toISOString(),
    submittedAt: v.submitted_at?.toISOString() ?? null,
    publishedAt: v.published_at?.toISOString() ?? null,
  };
}

const SKIPPED_VERSION_FIELDS = new Set(['id', 'course_id', 'version_number', 'status', 'published_at', 'submitted_at', 'created_at', 'created_by', 'parent_version_id']);
const SKIPPED_LESSON_FIELDS = new Set(['id', 'module_id', 'lesson_key', 'position', 'title', 'created_at', 'updated_at']);
const camel = (name: string) => name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** Reads course versions in the shapes the studio, the reviewers and the changelog need. */
@Injectable()
export class VersionReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async row(versionId: string, manager: EntityManager = this.dataSource.manager): Promise<VersionRow | undefined> {
    const rows = (await manager.query(`SELECT v.*, c.slug FROM course_versions v JOIN courses c ON c.id = v.course_id WHERE v.id = $1`, [versionId])) as VersionRow[];
    return rows[0];
  }

  private async parts(versionId: string, manager: EntityManager) {
    const modules = (await manager.query(
      `SELECT id, module_key, position, title, translations FROM course_modules WHERE version_id = $1 ORDER BY position`,
      [versionId],
    )) as ModuleRow[];
    const lessons = (
      (await manager.query(
        `SELECT to_jsonb(l) AS row FROM lessons l JOIN course_modules m ON m.id = l.module_id WHERE m.version_id = $1 ORDER BY m.position, l.position`,
        [versionId],
      )) as { row: LessonJson }[]
    ).map((r) => r.row);
    const competencies = (await manager.query(
      `SELECT lc.lesson_id, lc.competency_ref, lc.level, lc.framework_version
         FROM lesson_competencies lc JOIN lessons l ON l.id = lc.lesson_id JOIN course_modules m ON m.id = l.module_id
        WHERE m.version_id = $1 ORDER BY lc.competency_ref`,
      [versionId],
    )) as { lesson_id: string; competency_ref: string; level: number; framework_version: string }[];
    return { modules, lessons, competencies };
  }

  async detail(version: VersionRow, editable: boolean, manager: EntityManager = this.dataSource.manager): Promise<StudioVersionDto> {
    const { modules, lessons, competencies } = await this.parts(version.id, manager);
    const mapped = new Map<string, StudioLessonDto['competencies']>();
    for (const c of competencies) {
      const list = mapped.get(c.lesson_id) ?? [];
      list.push({ competencyRef: c.competency_ref, level: c.level, frameworkVersion: c.framework_version });
      mapped.set(c.lesson_id, list);
    }
    const byModule = new Map<string, StudioLessonDto[]>();
    for (const l of lessons) {
      const list = byModule.get(l.module_id) ?? [];
      list.push({
        id: l.id,
        lessonKey: l.lesson_key,
        position: l.position,
        kind: l.kind,
        title: l.title,
        body: l.body,
        estimatedMinutes: l.estimated_minutes,
        completionPercent: l.completion_percent,
        mediaAssetId: l.media_asset_id ?? null,
        translations: l.translations,
        competencies: mapped.get(l.id) ?? [],
      });
      byModule.set(l.module_id, list);
    }
    const moduleDtos: StudioModuleDto[] = modules.map((m) => ({
      id: m.id,
      moduleKey: m.module_key,
      position: m.position,
      title: m.title,
      translations: m.translations,
      lessons: byModule.get(m.id) ?? [],
    }));
    return {
      ...summaryOf(version),
      courseId: version.course_id,
      slug: version.slug,
      language: version.language,
      title: version.title,
      summary: version.summary,
      translations: version.translations,
      targetGroups: version.target_groups as TargetGroup[],
      level: version.level as CourseLevel,
      estimatedMinutes: version.estimated_minutes,
      sequential: version.sequential,
      coverImageUrl: coverUrl(version),
      parentVersionId: version.parent_version_id,
      editable,
      modules: moduleDtos,
    };
  }

  /** The version as a learner would see it, in `language` when translated (else the course language). */
  async preview(version: VersionRow, language: string | undefined, manager: EntityManager = this.dataSource.manager): Promise<PreviewDto> {
    const { modules, lessons } = await this.parts(version.id, manager);
    const lang = servedLanguage(version.language, version.translations, language);
    const texts = localize({ title: version.title, summary: version.summary }, version.translations, lang, ['title', 'summary']);
    return {
      versionId: version.id,
      language: lang,
      languages: availableLanguages(version.language, version.translations),
      title: texts.title,
      summary: texts.summary,
      coverImageUrl: coverUrl(version),
      estimatedMinutes: version.estimated_minutes,
      sequential: version.sequential,
      modules: modules.map((m) => ({
        id: m.id,
        title: localize({ title: m.title }, m.translations, lang, ['title']).title,
        lessons: lessons
          .filter((l) => l.module_id === m.id)
          .map((l) => {
            const t = localize({ title: l.title, body: l.body }, l.translations, lang, ['title', 'body']);
            return { id: l.id, kind: l.kind, title: t.title, body: t.body, estimatedMinutes: l.estimated_minutes, mediaAssetId: l.media_asset_id ?? null };
          }),
      })),
    };
  }

  /** What the changelog compares; every column counts, so a column added later is compared too. */
  async snapshot(versionId: string | null, manager: EntityManager = this.dataSource.manager): Promise<VersionSnapshot> {
    if (!versionId) return { versionNumber: 0, fields: {}, modules: [], lessons: [] };
    const [{ row: version }] = (await manager.query(`SELECT to_jsonb(v) AS row FROM course_versions v WHERE v.id = $1`, [versionId])) as {
      row: Record<string, unknown>;
    }[];
    const { modules, lessons, competencies } = await this.parts(versionId, manager);
    const keyOfModule = new Map(modules.map((m) => [m.id, m.module_key]));
    const mapped = new Map<string, string[]>();
    for (const c of competencies) mapped.set(c.lesson_id, [...(mapped.get(c.lesson_id) ?? []), `${c.competency_ref}@${c.framework_version}:${c.level}`]);
    const fields: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(version)) if (!SKIPPED_VERSION_FIELDS.has(name)) fields[camel(name)] = value;
    return {
      versionNumber: version.version_number as number,
      fields,
      modules: modules.map((m) => ({ key: m.module_key, title: m.title, position: m.position, translations: m.translations })),
      lessons: lessons.map((l): LessonSnapshot => {
        const rest: Record<string, unknown> = {};
        for (const [name, value] of Object.entries(l)) if (!SKIPPED_LESSON_FIELDS.has(name)) rest[camel(name)] = value;
        rest.competencies = (mapped.get(l.id) ?? []).sort();
        return { key: l.lesson_key, moduleKey: keyOfModule.get(l.module_id)!, title: l.title, position: l.position, fields: rest };
      }),
    };
  }
}

export type { Changelog };
