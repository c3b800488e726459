import { PROFILE_CITIZENS } from '@hocso/curriculum';
import { createHmac, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { tag } from './scope-fixtures';

/** Fixtures of the certificates and confirmations tests (rows other modules make in the real flow). */

/** A published course with one version; returns the course id. */
export async function createPublishedCourse(db: DataSource, title = 'Dùng điện thoại thông minh an toàn', titleEn = 'Using a smartphone safely'): Promise<{ courseId: string; versionId: string }> {
  const [{ id: courseId }] = (await db.query(`INSERT INTO courses (slug) VALUES ($1) RETURNING id`, [`cert-${tag()}`])) as [{ id: string }];
  const [{ id: versionId }] = (await db.query(
    `INSERT INTO course_versions (course_id, version_number, status, language, title, summary, translations, level, estimated_minutes, published_at)
     VALUES ($1, 1, 'published', 'vi', $2, 'Tóm tắt', $3, 'basic', 30, now()) RETURNING id`,
    [courseId, title, JSON.stringify({ en: { title: titleEn } })],
  )) as [{ id: string }];
  return { courseId, versionId };
}

/** What the learning module records when a learner completes a course. */
export async function completeCourse(db: DataSource, userId: string, course: { courseId: string; versionId: string }): Promise<void> {
  await db.query(`INSERT INTO course_completions (user_id, course_id, version_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [userId, course.courseId, course.versionId]);
}

/** Evidence (as the assessment module writes it) meeting every requirement of the citizens' profile; sets the target group. */
export async function confirmCitizen(db: DataSource, userId: string): Promise<void> {
  await db.query(`UPDATE users SET target_group = 'citizens' WHERE id = $1`, [userId]);
  const attempt = randomUUID();
  for (const r of PROFILE_CITIZENS.requirements) {
    await db.query(
      `INSERT INTO competency_evidence (user_id, competency_ref, level, source, source_id, score, passed, achieved_at) VALUES ($1, $2, $3, 'quiz', $4, 0.95, true, now() - interval '1 day')`,
      [userId, r.competency, r.minLevel, attempt],
    );
  }
}

/** Links the account to the national digital ID as the OIDC sign-in does (issuer + subject, HMAC of the number). */
export async function linkNationalId(db: DataSource, userId: string, nationalIdNumber: string): Promise<{ issuer: string; subject: string; nationalIdHmac: string }> {
  const identity = { issuer: 'https://vneid.test', subject: `sub-${tag()}`, nationalIdHmac: createHmac('sha256', 'test-hmac-key-of-at-least-32-characters!').update(nationalIdNumber).digest('hex') };
  await db.query(`INSERT INTO oidc_identities (user_id, issuer, subject, national_id_hmac) VALUES ($1, $2, $3, $4)`, [userId, identity.issuer, identity.subject, identity.nationalIdHmac]);
  return identity;
}
