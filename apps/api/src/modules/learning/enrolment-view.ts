import type { EnrolmentDto } from './dto/enrolment.dto';

/** The SQL columns that make an EnrolmentDto (see ENROLMENT_SELECT). */
export interface EnrolmentRow {
  id: string;
  user_id: string;
  course_id: string;
  slug: string;
  version_id: string;
  version_number: number;
  version_published_at: Date | null;
  enrolled_at: Date;
  completed_at: Date | null;
  newest_id: string | null;
  newest_number: number | null;
  newest_published_at: Date | null;
}

/**
 * An enrolment with its pinned version and the newest published one; parameters $1 user id, $2 slug.
 * Used by the catalog's course page and the learning module alike.
 */
export const ENROLMENT_BY_SLUG_SQL = `
SELECT e.id, e.user_id, e.course_id, c.slug, e.version_id, v.version_number, v.published_at AS version_published_at,
       e.enrolled_at, e.completed_at, n.id AS newest_id, n.version_number AS newest_number, n.published_at AS newest_published_at
  FROM courses c
  JOIN enrolments e ON e.course_id = c.id AND e.user_id = $1
  JOIN course_versions v ON v.id = e.version_id
  LEFT JOIN LATERAL (
    SELECT nv.id, nv.version_number, nv.published_at FROM course_versions nv
     WHERE nv.course_id = c.id AND nv.status = 'published' ORDER BY nv.version_number DESC LIMIT 1
  ) n ON true
 WHERE c.slug = $2`;

export function toEnrolmentDto(r: EnrolmentRow): EnrolmentDto {
  const newer = r.newest_id && r.newest_id !== r.version_id && (r.newest_number ?? 0) > r.version_number;
  return {
    courseId: r.course_id,
    slug: r.slug,
    version: { id: r.version_id, versionNumber: r.version_number, publishedAt: r.version_published_at?.toISOString() ?? null },
    enrolledAt: r.enrolled_at.toISOString(),
    completedAt: r.completed_at?.toISOString() ?? null,
    newerVersion: newer ? { id: r.newest_id!, versionNumber: r.newest_number!, publishedAt: r.newest_published_at?.toISOString() ?? null } : null,
  };
}
