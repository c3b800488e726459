import {
  courseCoverage,
  findCompetency,
  findProfile,
  frameworkIdOf,
  type Catalog,
  type CompetencyRef,
  type CompetencyTarget,
  type CourseMapping,
  type FrameworkPin,
} from '@hocso/curriculum';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { LessonKind } from '../catalog/lesson.entity';
import type { TargetGroup } from '../catalog/course-version.entity';
import { CURRICULUM_CATALOG, roleOfLesson } from './curriculum';
import type { CourseCoverageDto } from './dto/course-coverage.dto';

/** A stored lesson mapping, with what coverage needs to know about its lesson. */
export interface LessonMappingRow {
  lessonId: string;
  lessonTitle: string;
  lessonKind: LessonKind;
  competencyRef: string;
  level: number;
  frameworkVersion: string;
}

/**
 * The library's mappings for a course's stored lesson mappings: one per framework version
 * (a mapping pins one version per framework, and a course may have been mapped against two).
 */
export function courseMappingsOf(courseId: string, courseVersion: string, rows: readonly LessonMappingRow[]): CourseMapping[] {
  interface ItemDraft {
    id: string;
    kind: LessonKind;
    teaches: CompetencyTarget[];
    assesses: CompetencyTarget[];
  }
  const groups = new Map<string, { pin: FrameworkPin; items: Map<string, ItemDraft> }>();
  for (const row of rows) {
    const competency = row.competencyRef as CompetencyRef;
    const pin = { id: frameworkIdOf(competency), version: row.frameworkVersion };
    const key = `${pin.id}@${pin.version}`;
    const group = groups.get(key) ?? { pin, items: new Map<string, ItemDraft>() };
    groups.set(key, group);
    const item = group.items.get(row.lessonId) ?? { id: row.lessonId, kind: row.lessonKind, teaches: [], assesses: [] };
    group.items.set(row.lessonId, item);
    item[roleOfLesson(row.lessonKind)].push({ competency, level: row.level });
  }
  return [...groups.values()].map(({ pin, items }) => ({
    courseId,
    courseVersion,
    frameworks: [pin],
    items: [...items.values()].map(({ id, kind, teaches, assesses }) => ({
      id,
      kind,
      ...(teaches.length > 0 ? { teaches } : {}),
      ...(assesses.length > 0 ? { assesses } : {}),
    })),
  }));
}

@Injectable()
export class CourseCoverageService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CURRICULUM_CATALOG) private readonly catalog: Catalog,
  ) {}

  /**
   * Coverage of the newest published version of a course against the required profile of a
   * target group, from its lessons' competency mappings (other frameworks count through crosswalks).
   */
  async forCourse(slug: string, targetGroup: TargetGroup): Promise<CourseCoverageDto> {
    const [version] = (await this.dataSource.query(
      `SELECT v.id, v.version_number
         FROM course_versions v JOIN courses c ON c.id = v.course_id
        WHERE c.slug = $1 AND v.status = 'published'
        ORDER BY v.version_number DESC
        LIMIT 1`,
      [slug],
    )) as { id: string; version_number: number }[];
    if (!version) throw new NotFoundException(`No published course "${slug}"`);
    return this.forVersion(version.id, slug, version.version_number, targetGroup);
  }

  /**
   * Coverage of one version (a draft too: the studio shows it while the course is written). The
   * caller checks that the version may be read.
   */
  async forVersion(versionId: string, slug: string, versionNumber: number, targetGroup: TargetGroup): Promise<CourseCoverageDto> {
    const version = { id: versionId, version_number: versionNumber };
    const profile = findProfile(this.catalog, targetGroup);
    if (!profile) throw new NotFoundException(`No required profile for target group "${targetGroup}"`);

    const rows = (await this.dataSource.query(
      `SELECT l.id AS "lessonId", l.title AS "lessonTitle", l.kind AS "lessonKind",
              lc.competency_ref AS "competencyRef", lc.level, lc.framework_version AS "frameworkVersion"
         FROM lesson_competencies lc
         JOIN lessons l ON l.id = lc.lesson_id
         JOIN course_modules m ON m.id = l.module_id
        WHERE m.version_id = $1
        ORDER BY m.position, l.position, lc.competency_ref`,
      [version.id],
    )) as LessonMappingRow[];
    const titles = new Map(rows.map((r) => [r.lessonId, r.lessonTitle]));
    const report = courseCoverage(courseMappingsOf(slug, String(version.version_number), rows), profile, this.catalog);

    return {
      course: { slug, versionNumber: version.version_number },
      targetGroup,
      profile: { id: profile.id, version: profile.version, framework: { ...profile.framework }, verification: profile.verification },
      complete: report.complete,
      requirements: report.requirements.map((r) => {
        const competency = findCompetency(this.catalog, r.competency, profile.framework.version)?.competency;
        return {
          competency: r.competency,
          name: competency?.name ?? { vi: r.competency, en: r.competency },
          required: r.required,
          taughtLevel: r.taughtLevel,
          assessedLevel: r.assessedLevel,
          status: r.status,
          ...(r.reason ? { reason: r.reason } : {}),
          text: r.text,
          sources: r.sources.map((s) => ({ lessonId: s.itemId, lessonTitle: titles.get(s.itemId) ?? '', role: s.role, level: s.level })),
        };
      }),
      taught: [...report.taught],
      assessed: [...report.assessed],
      missing: [...report.missing],
      untranslated: report.untranslated.map((u) => ({
        lessonId: u.itemId,
        lessonTitle: titles.get(u.itemId) ?? '',
        role: u.role,
        competency: u.competency,
        level: u.level,
        reason: u.reason,
        text: u.message.text,
      })),
    };
  }
}
