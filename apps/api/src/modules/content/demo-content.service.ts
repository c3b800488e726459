import type { CourseMapping } from '@hocso/curriculum';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CompetencyMappingService, type MappedTarget } from '../competencies/competency-mapping.service';
import { roleOfLesson } from '../competencies/curriculum';
import { DEMO_COURSES, type DemoCourse } from './demo-courses';

export interface DemoImportResult {
  created: string[];
  unchanged: string[];
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
  ) {}

  /**
   * Loads the demo courses as published version 1, with their lessons' competency mappings.
   * Every mapping is validated with @hocso/curriculum first: if one is invalid, nothing at all is
   * written and an InvalidCompetencyMappingError names the course, the lesson and the reason.
   * Idempotent: each course is written in one transaction keyed by unique constraints
   * (courses.slug, course_versions(course_id, version_number), lesson_competencies(lesson_id,
   * competency_ref)), so a repeat, a retry after a crash or two workers at once leave exactly one copy.
   */
  async importDemoCourses(courses: DemoCourse[] = DEMO_COURSES): Promise<DemoImportResult> {
    const planned = courses.map((course) => ({ course, targets: this.lessonTargets(course) }));
    const result: DemoImportResult = { created: [], unchanged: [] };
    for (const { course, targets } of planned) {
      const created = await this.dataSource.transaction((manager) => this.importCourse(manager, course, targets));
      (created ? result.created : result.unchanged).push(course.slug);
    }
    this.logger.log(`demo content: ${result.created.length} course(s) created, ${result.unchanged.length} already present`);
    return result;
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
          `INSERT INTO course_modules (version_id, position, title) VALUES ($1, $2, $3) RETURNING id`,
          [versionId, moduleIndex + 1, module.title],
        )) as { id: string }[];
        for (const [lessonIndex, lesson] of module.lessons.entries()) {
          await manager.query(
            `INSERT INTO lessons (module_id, position, kind, title, body, estimated_minutes) VALUES ($1, $2, $3, $4, $5, $6)`,
            [moduleId, lessonIndex + 1, lesson.kind, lesson.title, lesson.body, lesson.estimatedMinutes],
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
