import { ConflictException, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../identity/auth-user';
import type { CourseVersionStatus } from '../catalog/course-version.entity';

/** A course version row with its course's slug, as the studio reads it. */
export interface VersionRow {
  id: string;
  course_id: string;
  slug: string;
  version_number: number;
  status: CourseVersionStatus;
  language: string;
  title: string;
  summary: string;
  translations: Record<string, { title?: string; summary?: string }>;
  target_groups: string[];
  level: string;
  estimated_minutes: number;
  sequential: boolean;
  published_at: Date | null;
  submitted_at: Date | null;
  created_at: Date;
  cover_image_key: string | null;
  parent_version_id: string | null;
  created_by: string | null;
}

export const NOT_YOURS = 'No such course version, or it is not one of your courses';

export function isAdministrator(user: AuthUser): boolean {
  return user.roles.some((r) => r.role === 'administrator');
}

/**
 * SQL condition (on alias `v` of course_versions) limiting rows to the courses the user authors
 * (creator or co-author); administrators see every course. Parameters: $admin, $user.
 */
export function authoredBy(adminParam: string, userParam: string, courseColumn = 'v.course_id'): string {
  return `(${adminParam}::boolean OR EXISTS (SELECT 1 FROM course_authors ca WHERE ca.course_id = ${courseColumn} AND ca.user_id = ${userParam}))`;
}

/** A version of one of the user's courses (locked for update when asked), or 404. */
export async function authoredVersion(manager: EntityManager, user: AuthUser, versionId: string, lock = false): Promise<VersionRow> {
  const rows = (await manager.query(
    `SELECT v.*, c.slug FROM course_versions v JOIN courses c ON c.id = v.course_id
      WHERE v.id = $1 AND ${authoredBy('$2', '$3')} ${lock ? 'FOR UPDATE OF v' : ''}`,
    [versionId, isAdministrator(user), user.id],
  )) as VersionRow[];
  if (!rows[0]) throw new NotFoundException(NOT_YOURS);
  return rows[0];
}

/** Only a draft may change: a published version is immutable, one in review is frozen. */
export function assertEditable(version: Pick<VersionRow, 'status' | 'version_number'>): void {
  if (version.status === 'draft') return;
  if (version.status === 'in_review') {
    throw new ConflictException(`Version ${version.version_number} is in review and cannot be changed. Withdraw it from review first.`);
  }
  throw new ConflictException(
    `Version ${version.version_number} is ${version.status === 'published' ? 'published' : 'archived'} and cannot be changed. Start a new draft to edit the course.`,
  );
}

/** A draft of one of the user's courses, locked for the rest of the transaction; 404 or 409 otherwise. */
export async function editableVersion(manager: EntityManager, user: AuthUser, versionId: string): Promise<VersionRow> {
  const version = await authoredVersion(manager, user, versionId, true);
  assertEditable(version);
  return version;
}

/** The version a module belongs to (of the user's courses), or 404. */
export async function versionOfModule(manager: EntityManager, user: AuthUser, moduleId: string): Promise<string> {
  const rows = (await manager.query(
    `SELECT m.version_id FROM course_modules m JOIN course_versions v ON v.id = m.version_id
      WHERE m.id = $1 AND ${authoredBy('$2', '$3')}`,
    [moduleId, isAdministrator(user), user.id],
  )) as { version_id: string }[];
  if (!rows[0]) throw new NotFoundException('No such module, or it is not in one of your courses');
  return rows[0].version_id;
}

/** The version and module of a lesson (of the user's courses), or 404. */
export async function versionOfLesson(
  manager: EntityManager,
  user: AuthUser,
  lessonId: string,
): Promise<{ versionId: string; moduleId: string; kind: string }> {
  const rows = (await manager.query(
    `SELECT m.version_id, l.module_id, l.kind FROM lessons l JOIN course_modules m ON m.id = l.module_id JOIN course_versions v ON v.id = m.version_id
      WHERE l.id = $1 AND ${authoredBy('$2', '$3')}`,
    [lessonId, isAdministrator(user), user.id],
  )) as { version_id: string; module_id: string; kind: string }[];
  if (!rows[0]) throw new NotFoundException('No such lesson, or it is not in one of your courses');
  return { versionId: rows[0].version_id, moduleId: rows[0].module_id, kind: rows[0].kind };
}
