import { NotFoundException } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../identity/auth-user';

export function isAdministrator(user: AuthUser): boolean {
  return user.roles.some((r) => r.role === 'administrator');
}

/** An author listed on the course (course_authors) or an administrator; anyone else gets the 404 of a missing course. */
export async function assertMayExport(db: DataSource, user: AuthUser, courseId: string): Promise<void> {
  const rows = (await db.query(
    `SELECT c.id, EXISTS (SELECT 1 FROM course_authors a WHERE a.course_id = c.id AND a.user_id = $2) AS author
       FROM courses c WHERE c.id = $1`,
    [courseId, user.id],
  )) as { id: string; author: boolean }[];
  if (!rows[0] || (!rows[0].author && !isAdministrator(user))) throw new NotFoundException('No such course');
}
