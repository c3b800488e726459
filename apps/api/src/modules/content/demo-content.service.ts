import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DEMO_COURSES, type DemoCourse } from './demo-courses';

export interface DemoImportResult {
  created: string[];
  unchanged: string[];
}

@Injectable()
export class DemoContentService {
  private readonly logger = new Logger(DemoContentService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Loads the demo courses as published version 1. Idempotent: each course is written in one
   * transaction keyed by unique constraints (courses.slug, course_versions(course_id, version_number)),
   * so a repeat, a retry after a crash or two workers at once leave exactly one copy.
   */
  async importDemoCourses(courses: DemoCourse[] = DEMO_COURSES): Promise<DemoImportResult> {
    const result: DemoImportResult = { created: [], unchanged: [] };
    for (const course of courses) {
      const created = await this.dataSource.transaction((manager) => this.importCourse(manager, course));
      (created ? result.created : result.unchanged).push(course.slug);
    }
    this.logger.log(`demo content: ${result.created.length} course(s) created, ${result.unchanged.length} already present`);
    return result;
  }

  private async importCourse(manager: EntityManager, course: DemoCourse): Promise<boolean> {
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
    if (!versionId) return false; // a published version is immutable: never rewritten

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
    return true;
  }
}
