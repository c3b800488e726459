import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { cookieName } from '../../apps/api/src/modules/identity/cookies';
import { SESSION_COOKIE } from '../../apps/api/src/modules/identity/sessions.service';
import type { RunningApi } from '../support/app';
import { launchBrowser, overflowsHorizontally } from '../support/browser';
import { createPerson, createTree, tag } from '../support/scope-fixtures';
import { expectAccessible, newPage, PHONE, signUpByApi, startWebApi } from '../support/web';

const PROJECTOR = { width: 1920, height: 1080 };

interface ClassCourse {
  slug: string;
  moduleTitle: string;
  lessonTitle: string;
  stem: string;
}

/**
 * A published course with a text lesson in three sections (slides) and a quiz lesson whose
 * blueprint draws a single-choice item (the live question), written as the studio and the item
 * bank store them.
 */
async function createClassCourse(db: DataSource, authorId: string): Promise<ClassCourse> {
  const t = tag();
  const slug = `lop-cong-dong-${t}`;
  const moduleTitle = 'Phần 1';
  const lessonTitle = `Mật khẩu và mã OTP ${t}`;
  const stem = `Khi có người gọi điện xin mã OTP, bạn làm gì? (${t})`;
  return db.transaction(async (m) => {
    const [{ id: courseId }] = (await m.query(`INSERT INTO courses (slug) VALUES ($1) RETURNING id`, [slug])) as { id: string }[];
    const [{ id: versionId }] = (await m.query(
      `INSERT INTO course_versions (course_id, version_number, status, language, title, summary, translations, target_groups, level, estimated_minutes, published_at)
       VALUES ($1, 1, 'published', 'vi', $2, 'An toàn khi dùng điện thoại.', '{}', $3, 'basic', 30, now()) RETURNING id`,
      [courseId, `An toàn số ${t}`, ['citizens']],
    )) as { id: string }[];
    const [{ id: moduleId }] = (await m.query(`INSERT INTO course_modules (version_id, position, title) VALUES ($1, 1, $2) RETURNING id`, [versionId, moduleTitle])) as { id: string }[];
    const body =
      '<p>Hôm nay chúng ta học cách giữ tài khoản an toàn.</p>' +
      '<h2>Mật khẩu</h2><p>Dùng mật khẩu dài, khó đoán.</p><ul><li>Không dùng ngày sinh.</li><li>Không dùng lại mật khẩu cũ.</li></ul>' +
      '<h2>Mã OTP</h2><p>Mã OTP chỉ dành cho bạn. Ngân hàng không bao giờ hỏi mã OTP.</p>' +
      '<h2>Khi bị lừa</h2><p>Gọi ngay cho ngân hàng để khoá tài khoản.</p>';
    await m.query(`INSERT INTO lessons (module_id, position, kind, title, body, estimated_minutes) VALUES ($1, 1, 'text', $2, $3, 10)`, [moduleId, lessonTitle, body]);
    const [{ lesson_key: quizKey }] = (await m.query(
      `INSERT INTO lessons (module_id, position, kind, title, estimated_minutes) VALUES ($1, 2, 'quiz', 'Kiểm tra nhanh', 5) RETURNING lesson_key`,
      [moduleId],
    )) as { lesson_key: string }[];
    const options = [
      { id: 'a', text: 'Đọc mã cho họ', mediaUrl: null },
      { id: 'b', text: 'Không đọc, gác máy', mediaUrl: null },
      { id: 'c', text: 'Hỏi tên rồi đọc mã', mediaUrl: null },
    ];
    await m.query(
      `INSERT INTO assessment_items (kind, competency_ref, level, framework_version, stem, options, answer_key, author_id)
       VALUES ('single_choice', 'digcomp-2.2:4.2', 2, '2.2.0', $1, $2, $3, $4)`,
      [`<p>${stem}</p>`, JSON.stringify(options), JSON.stringify({ correctOptionIds: ['b'] }), authorId],
    );
    await m.query(`INSERT INTO quizzes (lesson_key, title, pass_percent, blueprint) VALUES ($1, 'Kiểm tra nhanh', 80, $2)`, [
      quizKey,
      JSON.stringify([{ competencyRef: 'digcomp-2.2:4.2', level: 2, count: 1 }]),
    ]);
    return { slug, moduleTitle, lessonTitle, stem };
  });
}

const counter = (page: Page, text: string) => page.locator('[data-testid="slide-counter"]', { hasText: text }).waitFor();

jest.setTimeout(180_000); // three axe-core scans and two browsers on a shared, loaded machine

describe('community class in Chromium: projector and phone, live question, offline presenter', () => {
  let api: RunningApi;
  let browser: Browser;
  let db: DataSource;

  beforeAll(async () => {
    api = await startWebApi();
    db = api.app.get<DataSource>(getDataSourceToken());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('runs a session on the projector, a phone joins, checks in and answers; the presenter survives a network cut and syncs once', async () => {
    const tree = await createTree(db);
    const facilitator = await createPerson(db, { name: 'Phạm Văn Hướng', unit: tree.communeA, roles: [{ role: 'facilitator', unit: tree.communeA }] });
    const course = await createClassCourse(db, facilitator.id);

    // The projector's laptop: the facilitator is signed in.
    const projector = await newPage(browser, PROJECTOR);
    const projectorContext = projector.context();
    await projectorContext.addCookies([{ name: cookieName(SESSION_COOKIE, false), value: facilitator.token!, url: api.url }]);
    const headers = { 'x-csrf-token': facilitator.csrfToken! };
    const title = `Lớp kỹ năng số thôn Đông ${tag()}`;
    const created = await projector.request.post(`${api.url}/api/v1/community/classes`, {
      headers,
      data: {
        unitId: tree.communeA.id,
        courseSlug: course.slug,
        title,
        place: 'Nhà văn hoá thôn Đông',
        schedule: { weekday: 3, startTime: '19:00', durationMinutes: 90, firstDate: new Date().toISOString().slice(0, 10) },
      },
    });
    expect(created.status()).toBe(201);
    const klass = (await created.json()) as { id: string; joinCode: string };
    // Someone without a phone, added before the session (marked present later, offline).
    const walkIn = await projector.request.post(`${api.url}/api/v1/community/classes/${klass.id}/attendees`, {
      headers,
      data: { name: 'Trần Văn Bảy', birthYear: 1948, clientId: randomUUID() },
    });
    expect(walkIn.status()).toBe(201);
    const walkInId = ((await walkIn.json()) as { id: string }).id;

    // The facilitator opens the class and starts a session with the lesson.
    await projector.goto(`${api.url}/lop-hoc`);
    await projector.getByRole('link', { name: title }).click();
    await projector.getByRole('heading', { level: 1, name: title }).waitFor();
    await projector.getByText(klass.joinCode, { exact: true }).waitFor();
    await projector.getByLabel('Bài học sẽ trình chiếu').selectOption({ label: `${course.moduleTitle} — ${course.lessonTitle}` });
    await projector.getByRole('button', { name: 'Bắt đầu buổi học ngay' }).click();
    await projector.waitForURL(/\/trinh-chieu\/[0-9a-f-]+$/);
    const sessionId = projector.url().split('/').pop()!;

    // Presenter: slides, keyboard and clicker keys, blank screen, join code and QR.
    await counter(projector, 'Trang 1 / 4');
    await projector.getByTestId('join-code').filter({ hasText: klass.joinCode }).waitFor();
    await expectAccessible(projector);
    expect(await overflowsHorizontally(projector)).toBe(false);
    await projector.keyboard.press('ArrowRight');
    await counter(projector, 'Trang 2 / 4');
    await projector.getByRole('heading', { level: 2, name: 'Mật khẩu' }).waitFor();
    await projector.keyboard.press('PageDown');
    await counter(projector, 'Trang 3 / 4');
    await projector.keyboard.press('PageUp');
    await counter(projector, 'Trang 2 / 4');
    await projector.keyboard.press('b');
    await projector.locator('[data-testid="presenter"][data-blank]').waitFor();
    expect(await projector.locator('.presenter__blank').isVisible()).toBe(true);
    await projector.keyboard.press('.');
    await projector.locator('[data-testid="presenter"]:not([data-blank])').waitFor();
    await projector.setViewportSize({ width: 1280, height: 720 });
    expect(await overflowsHorizontally(projector)).toBe(false);
    const code720 = await projector.getByTestId('join-code').boundingBox();
    expect(code720 && code720.y + code720.height <= 720 - 100).toBe(true); // above the footer, not scrolled away
    await projector.setViewportSize(PROJECTOR);

    // A learner's phone: types the code (as people do, lower case with a space), joins.
    const phone = await newPage(browser, PHONE);
    await signUpByApi(phone, api.url, 'Lê Thị Hoa');
    await phone.goto(`${api.url}/tham-gia`);
    await phone.getByRole('heading', { level: 1, name: 'Tham gia lớp học' }).waitFor();
    await phone.getByLabel('Mã lớp').fill(`${klass.joinCode.slice(0, 3)} ${klass.joinCode.slice(3)}`.toLowerCase());
    await phone.getByRole('button', { name: 'Tìm lớp' }).click();
    await phone.getByRole('heading', { level: 2, name: title }).waitFor();
    await expectAccessible(phone);
    expect(await overflowsHorizontally(phone)).toBe(false);
    await phone.getByRole('button', { name: 'Tham gia lớp' }).click();
    await phone.waitForURL(/\/lop-cua-toi\//);

    // Then scans the QR code on the projector: checked in; the projector counts them.
    const qrValue = await projector.locator('.presenter__qr[data-value*="diem-danh"]').getAttribute('data-value');
    await projector.locator('.presenter__qr svg').waitFor();
    const checkInUrl = new URL(qrValue!);
    expect(checkInUrl.pathname).toMatch(new RegExp(`/diem-danh/${sessionId}$`));
    await phone.goto(`${api.url}${checkInUrl.pathname}${checkInUrl.search}`);
    await phone.getByTestId('checked-in').filter({ hasText: title }).waitFor();
    await projector.getByText('Có mặt: 1', { exact: true }).waitFor();

    // A live question from the presenter; the phone answers; the tally changes on the projector.
    await projector.getByRole('button', { name: 'Câu hỏi trực tiếp' }).click();
    await projector.getByRole('button', { name: `Hỏi câu: ${course.stem}` }).click();
    await projector.locator('[data-testid="live-tally"][data-total="0"]').waitFor();
    await phone.getByText(course.stem).waitFor();
    await phone.getByRole('button', { name: 'Phương án B: Không đọc, gác máy' }).click();
    await phone.locator('[data-testid="answer-status"][data-recorded]').filter({ hasText: 'Đã ghi nhận câu trả lời.' }).waitFor();
    await projector.locator('[data-testid="live-tally"][data-total="1"]').waitFor();
    expect(await projector.locator('[data-testid="live-tally"] [data-option="b"]').getAttribute('data-count')).toBe('1');
    await projector.getByText('1 người đã trả lời').waitFor();
    await projector.getByRole('button', { name: 'Đóng câu hỏi và xem đáp án' }).click();
    await projector.getByText('— đáp án đúng').waitFor();
    await projector.getByRole('button', { name: 'Về trang chiếu' }).first().click();
    await counter(projector, 'Trang 2 / 4');

    // The hall's network drops: the slides go on, a mark is kept and counted as waiting.
    await projector.getByRole('button', { name: 'Điểm danh' }).click();
    await projector.getByRole('heading', { level: 2, name: 'Danh sách điểm danh' }).waitFor();
    await projectorContext.setOffline(true);
    await projector.keyboard.press('ArrowRight');
    await counter(projector, 'Trang 3 / 4');
    await projector.getByRole('heading', { level: 2, name: 'Mã OTP' }).waitFor();
    await projector.getByLabel('Trần Văn Bảy (1948)').check();
    await projector.locator('[data-testid="community-sync"][data-state="offline"][data-pending="1"]').waitFor();
    await projector.getByText('Mất mạng — 1 việc chờ đồng bộ', { exact: false }).waitFor();
    await projector.getByText('Mất mạng — trang chiếu vẫn chạy.').waitFor();
    await projector.keyboard.press('PageDown');
    await counter(projector, 'Trang 4 / 4');
    expect(await db.query(`SELECT 1 FROM class_attendance WHERE session_id = $1 AND attendee_id = $2`, [sessionId, walkInId])).toEqual([]);

    // Back online: the mark goes out once.
    await projectorContext.setOffline(false);
    await projector.locator('[data-testid="community-sync"][data-state="saved"]').waitFor();
    await projector.getByTestId('present-count').filter({ hasText: 'Có mặt: 2 / 2' }).waitFor();
    const marks = (await db.query(`SELECT present, method, marked_by FROM class_attendance WHERE session_id = $1 AND attendee_id = $2`, [sessionId, walkInId])) as unknown[];
    expect(marks).toEqual([{ present: true, method: 'checklist', marked_by: facilitator.id }]);
    const answers = (await db.query(
      `SELECT a.option_ids FROM live_answers a JOIN live_questions q ON q.id = a.question_id WHERE q.session_id = $1`,
      [sessionId],
    )) as { option_ids: string[] }[];
    expect(answers).toEqual([{ option_ids: ['b'] }]);

    // The attendance page of the session: the QR check-in and the offline mark.
    await projector.goto(`${api.url}/lop-hoc/${klass.id}/diem-danh/${sessionId}`);
    await projector.getByRole('heading', { level: 1, name: 'Điểm danh' }).waitFor();
    await projector.getByTestId('present-count').filter({ hasText: 'Có mặt: 2 / 2' }).waitFor();
    await expectAccessible(projector);

    await phone.context().close();
    await projectorContext.close();
  });
});
