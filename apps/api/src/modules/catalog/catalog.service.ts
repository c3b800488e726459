import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CATALOG_SQL, toCourseSummary, type CatalogRow } from './catalog.query';
import type { TargetGroup } from './course-version.entity';
import type { CourseListDto } from './dto/course-summary.dto';
import type { ListCoursesQuery } from './dto/list-courses.query';

@Injectable()
export class CatalogService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The newest published version of each course, in the requested language when translated. */
  async listPublished(query: ListCoursesQuery): Promise<CourseListDto> {
    const lang = query.lang ?? 'vi';
    const rows: CatalogRow[] = await this.dataSource.query(
      CATALOG_SQL,
      [lang, query.targetGroup ?? null, query.limit ?? 50, query.offset ?? 0],
    );
    return {
      total: rows[0]?.total ?? (await this.countPublished(query.targetGroup)),
      items: rows.map(toCourseSummary),
    };
  }

  /** Only needed when the requested page is past the end (no row to carry the window count). */
  private async countPublished(targetGroup: TargetGroup | undefined): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(DISTINCT course_id)::int AS total FROM course_versions
        WHERE status = 'published' AND ($1::text IS NULL OR $1 = ANY (target_groups))`,
      [targetGroup ?? null],
    );
    return (row as { total: number }).total;
  }
}
