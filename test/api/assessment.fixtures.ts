import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { cookieName } from '../../apps/api/src/modules/identity/cookies';
import { CSRF_HEADER } from '../../apps/api/src/modules/identity/session.guard';
import { SESSION_COOKIE } from '../../apps/api/src/modules/identity/sessions.service';
import { tag, type TestPerson } from '../support/scope-fixtures';

/** Fixtures of the assessment tests (API and browser): a published course with a quiz lesson, and signed requests. */

export interface QuizCourse {
  slug: string;
  courseId: string;
  versionId: string;
  lessonId: string;
  lessonKey: string;
}

/** A published course whose only lesson is a quiz lesson (written straight to the database). */
export async function createQuizCourse(db: DataSource, title = `Khoá kiểm tra ${tag()}`): Promise<QuizCourse> {
  const slug = `kiem-tra-${tag()}`;
  const [{ id: courseId }] = (await db.query(`INSERT INTO courses (slug) VALUES ($1) RETURNING id`, [slug])) as { id: string }[];
  const [{ id: versionId }] = (await db.query(
    `INSERT INTO course_versions (course_id, version_number, status, language, title, summary, level, estimated_minutes, published_at)
     VALUES ($1, 1, 'published', 'vi', $2, 'Bài kiểm tra', 'basic', 10, now()) RETURNING id`,
    [courseId, title],
  )) as { id: string }[];
  const [{ id: moduleId }] = (await db.query(`INSERT INTO course_modules (version_id, position, title) VALUES ($1, 1, 'Chương 1') RETURNING id`, [versionId])) as { id: string }[];
  const lessonKey = randomUUID();
  const [{ id: lessonId }] = (await db.query(
    `INSERT INTO lessons (module_id, position, kind, title, lesson_key) VALUES ($1, 1, 'quiz', 'Bài kiểm tra cuối chương', $2) RETURNING id`,
    [moduleId, lessonKey],
  )) as { id: string }[];
  return { slug, courseId, versionId, lessonId, lessonKey };
}

/** Enrols a person in the quiz course (its only version), as the course page's button does. */
export async function enrol(db: DataSource, userId: string, course: QuizCourse): Promise<void> {
  await db.query(`INSERT INTO enrolments (user_id, course_id, version_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [userId, course.courseId, course.versionId]);
}

/** supertest requests signed as a person (cookie; CSRF header on changes). */
export function client(url: string, person?: TestPerson) {
  const sign = (test: request.Test, unsafe: boolean): request.Test => {
    if (person?.token) test.set('cookie', `${cookieName(SESSION_COOKIE, false)}=${person.token}`);
    if (unsafe && person?.csrfToken) test.set(CSRF_HEADER, person.csrfToken);
    return test;
  };
  return {
    get: (path: string) => sign(request(url).get(path), false),
    post: (path: string, body?: object) => sign(request(url).post(path), true).send(body ?? {}),
    put: (path: string, body?: object) => sign(request(url).put(path), true).send(body ?? {}),
    delete: (path: string) => sign(request(url).delete(path), true),
  };
}

/** Answers by kind: the right one and a wrong one, for items of {@link itemInputs}. */
export interface KindCase {
  input: Record<string, unknown>;
  right: Record<string, unknown>;
  wrong: Record<string, unknown>;
}

export function itemInputs(competencyRef: string, level: number): Record<string, KindCase> {
  const base = { competencyRef, level, explanation: 'Giải thích sau khi chấm.' };
  return {
    single_choice: {
      input: { ...base, kind: 'single_choice', stem: '<p>Ai được biết mã OTP?</p>', options: [{ id: 'a', text: 'Nhân viên ngân hàng' }, { id: 'b', text: 'Chỉ mình tôi' }, { id: 'c', text: 'Người thân' }], correctOptionIds: ['b'] },
      right: { optionIds: ['b'] },
      wrong: { optionIds: ['a'] },
    },
    multiple_choice: {
      input: { ...base, kind: 'multiple_choice', stem: '<p>Dấu hiệu lừa đảo?</p>', options: [{ id: 'a', text: 'Giục chuyển tiền gấp' }, { id: 'b', text: 'Xin mã OTP' }, { id: 'c', text: 'Chào hỏi lịch sự' }], correctOptionIds: ['a', 'b'] },
      right: { optionIds: ['b', 'a'] },
      wrong: { optionIds: ['a'] },
    },
    true_false: {
      input: { ...base, kind: 'true_false', stem: '<p>Nên dùng chung mật khẩu cho mọi tài khoản.</p>', correctBoolean: false },
      right: { booleanValue: false },
      wrong: { booleanValue: true },
    },
    ordering: {
      input: { ...base, kind: 'ordering', stem: '<p>Sắp xếp các bước gửi ảnh.</p>', options: [{ id: 's1', text: 'Mở Zalo' }, { id: 's2', text: 'Chọn người nhận' }, { id: 's3', text: 'Chọn ảnh và gửi' }] },
      right: { order: ['s1', 's2', 's3'] },
      wrong: { order: ['s2', 's1', 's3'] },
    },
    matching: {
      input: {
        ...base,
        kind: 'matching',
        stem: '<p>Ghép biểu tượng với chức năng.</p>',
        options: [{ id: 'l1', text: 'Kính lúp' }, { id: 'l2', text: 'Bánh răng' }],
        targets: [{ id: 't1', text: 'Tìm kiếm' }, { id: 't2', text: 'Cài đặt' }],
        pairs: [{ optionId: 'l1', targetId: 't1' }, { optionId: 'l2', targetId: 't2' }],
      },
      right: { pairs: [{ optionId: 'l1', targetId: 't1' }, { optionId: 'l2', targetId: 't2' }] },
      wrong: { pairs: [{ optionId: 'l1', targetId: 't2' }, { optionId: 'l2', targetId: 't1' }] },
    },
    short_text: {
      input: { ...base, kind: 'short_text', stem: '<p>Thủ đô của Việt Nam?</p>', acceptedAnswers: ['Hà Nội'], accentInsensitive: true },
      right: { text: '  ha   NOI ' },
      wrong: { text: 'Huế' },
    },
    numeric: {
      input: { ...base, kind: 'numeric', stem: '<p>Mã OTP thường có bao nhiêu chữ số?</p>', numericValue: 6, tolerance: 0 },
      right: { numberValue: 6 },
      wrong: { numberValue: 4 },
    },
  };
}

export const FREE_TEXT_INPUT = (competencyRef: string, level: number) => ({
  kind: 'free_text',
  competencyRef,
  level,
  stem: '<p>Bạn sẽ làm gì khi nhận tin nhắn lạ đòi chuyển tiền?</p>',
  rubric: 'Nêu: không chuyển, gọi lại số chính thức.',
  explanation: 'Không chuyển tiền; gọi lại số chính thức.',
});

/** Field names of answer keys: none may appear in a learner-facing response. */
export const KEY_FIELDS = ['correctOptionIds', 'correctBoolean', 'acceptedAnswers', 'accentInsensitive', 'caseSensitive', 'numericValue', 'tolerance', 'rubric', 'answerKey', 'answer_key'];

export function keyFieldsIn(body: unknown): string[] {
  const text = JSON.stringify(body);
  return KEY_FIELDS.filter((f) => text.includes(`"${f}"`));
}
