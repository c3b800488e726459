import { getDataSourceToken } from '@nestjs/typeorm';
import type { INestApplicationContext } from '@nestjs/common';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { startWorker, type RunningApi } from '../support/app';
import { launchBrowser, overflowsHorizontally } from '../support/browser';
import { deleteKeysWithPrefix, ownQueuePrefix } from '../support/redis-keys';
import request from 'supertest';
import { as, createPerson, tag, type TestPerson } from '../support/scope-fixtures';
import { DESKTOP, expectAccessible, newPage, PHONE, startWebApi } from '../support/web';

jest.setTimeout(240_000);

const prefix = ownQueuePrefix('studio-browser');
const dir = mkdtempSync(join(tmpdir(), 'hocso-studio-'));
const env = { QUEUE_PREFIX: prefix, STORAGE_DIR: join(dir, 'storage'), MEDIA_WORK_DIR: join(dir, 'work') };

describe('the studio in Chromium: an author writes a course, a reviewer publishes it', () => {
  let api: RunningApi;
  let worker: INestApplicationContext;
  let db: DataSource;
  let browser: Browser;
  let page: Page;
  let author: TestPerson;
  let reviewer: TestPerson;
  const clip = join(dir, 'clip.mp4');

  beforeAll(async () => {
    // A real 2-second clip with sound, made by ffmpeg.
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=15', '-f', 'lavfi', '-i', 'sine=frequency=440', '-t', '2', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', clip]);
    api = await startWebApi(env);
    worker = await startWorker(env);
    db = api.app.get<DataSource>(getDataSourceToken());
    const t = tag();
    author = await createPerson(db, { name: `Tác giả ${t}`, roles: [{ role: 'author' }] });
    reviewer = await createPerson(db, { name: `Người duyệt ${t}`, roles: [{ role: 'reviewer' }] });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
    await deleteKeysWithPrefix(prefix);
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => page?.context().close());

  async function pageAs(person: TestPerson, viewport = PHONE): Promise<Page> {
    page = await newPage(browser, viewport);
    await page.context().addCookies([{ name: 'hocso_session', value: person.token!, url: api.url, httpOnly: true, sameSite: 'Lax' }]);
    page.on('dialog', (dialog) => void dialog.accept());
    return page;
  }

  const title = `Nhận biết lừa đảo qua điện thoại ${tag()}`;

  it('creates, writes (text and video), reorders by keyboard, submits; a reviewer publishes; the catalog shows it', async () => {
    // -- the author, on a 360 px phone
    await pageAs(author);
    await page.goto(api.url);
    await page.getByRole('button', { name: /Tài khoản/ }).click();
    await page.getByRole('link', { name: 'Xưởng soạn khoá học' }).click();
    await page.getByRole('heading', { level: 1, name: 'Xưởng soạn khoá học' }).waitFor();
    await expectAccessible(page);
    expect(await overflowsHorizontally(page)).toBe(false);

    await page.getByLabel('Tên khoá học').fill(title);
    await page.getByLabel('Giới thiệu ngắn').fill('Cách nhận ra cuộc gọi và tin nhắn lừa đảo.');
    await page.getByRole('checkbox', { name: 'Người dân' }).check();
    await page.getByRole('button', { name: 'Tạo khoá học' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/studio\/khoa-hoc\/[0-9a-f-]{36}$/);
    await page.getByText('Bản nháp').first().waitFor();
    await expectAccessible(page);

    // -- modules and lessons
    await page.getByRole('link', { name: 'Chương và bài' }).click();
    await page.getByLabel('Tên chương mới').fill('Nhận biết');
    await page.getByRole('button', { name: 'Thêm chương' }).click();
    await page.getByRole('heading', { name: 'Chương 1: Nhận biết' }).waitFor();
    const addTo = page.getByRole('form', { name: 'Thêm bài vào chương Nhận biết' });
    await addTo.getByLabel('Tên bài').fill('Dấu hiệu lừa đảo');
    await addTo.getByRole('button', { name: 'Thêm bài' }).click();
    await page.getByRole('link', { name: 'Dấu hiệu lừa đảo' }).waitFor();
    await addTo.getByLabel('Loại bài').selectOption('video');
    await addTo.getByLabel('Tên bài').fill('Xem một cuộc gọi lừa đảo');
    await addTo.getByRole('button', { name: 'Thêm bài' }).click();
    await page.getByRole('link', { name: 'Xem một cuộc gọi lừa đảo' }).waitFor();

    // keyboard reorder: the video lesson moves up, and the move is announced
    await page.getByRole('button', { name: 'Chuyển “Xem một cuộc gọi lừa đảo” lên' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Đã chuyển bài “Xem một cuộc gọi lừa đảo” đến vị trí 1 của chương “Nhận biết”.').waitFor({ state: 'attached' });
    const lessonTitles = () => page.locator('.studio-lesson__title').allTextContents();
    expect(await lessonTitles()).toEqual(['Xem một cuộc gọi lừa đảo', 'Dấu hiệu lừa đảo']);
    // Now first, its "up" button is disabled: the keyboard stays on the lesson, on its "down" button.
    expect(await page.getByRole('button', { name: 'Chuyển “Xem một cuộc gọi lừa đảo” lên' }).isDisabled()).toBe(true);
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Chuyển “Xem một cuộc gọi lừa đảo” xuống', undefined, { timeout: 5_000 });

    // the text lesson: rich text, stored sanitised
    await page.getByRole('link', { name: 'Dấu hiệu lừa đảo' }).click();
    const editor = page.getByRole('textbox', { name: 'Nội dung bài' });
    await editor.click();
    await page.getByRole('button', { name: 'In đậm' }).click();
    await page.keyboard.type('Không bao giờ');
    await page.getByRole('button', { name: 'In đậm' }).click();
    await page.keyboard.type(' đọc mã OTP cho người lạ.');
    await page.getByRole('button', { name: 'Lưu bài' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu.' }).waitFor();
    const [stored] = (await db.query(`SELECT l.body FROM lessons l WHERE l.title = 'Dấu hiệu lừa đảo' ORDER BY l.id DESC LIMIT 1`)) as { body: string }[];
    expect(stored!.body).toMatch(/<strong>Không bao giờ<\/strong>\s+đọc mã OTP cho người lạ\./);
    await expectAccessible(page);
    expect(await overflowsHorizontally(page)).toBe(false);

    // the video lesson: upload a real clip through the media components, see it transcoded
    await page.getByRole('link', { name: 'Xem một cuộc gọi lừa đảo' }).click();
    await page.getByLabel('Tệp video').setInputFiles(clip);
    await page.getByRole('button', { name: 'Tải lên', exact: true }).click();
    await page.getByText('Đã gắn video vào bài.').waitFor({ timeout: 60_000 });
    await page.getByText(/^Sẵn sàng:/).waitFor({ timeout: 120_000 });
    await expectAccessible(page);

    // captions: a broken file is refused line by line, then a good one is kept
    const badCaptions = join(dir, 'bad.vtt');
    writeFileSync(badCaptions, 'WEBVTT\n\n00:00:01.500 --> 00:00:00.500\nSai thời gian\n');
    await page.getByLabel('Tệp phụ đề .vtt').setInputFiles(badCaptions);
    await page.getByRole('button', { name: 'Tải phụ đề lên' }).click();
    await page.getByText(/^Dòng \d+:/).first().waitFor();
    const goodCaptions = join(dir, 'good.vtt');
    writeFileSync(goodCaptions, 'WEBVTT\n\n00:00:00.000 --> 00:00:01.500\nĐừng đọc mã OTP cho người lạ.\n');
    await page.getByLabel('Tệp phụ đề .vtt').setInputFiles(goodCaptions);
    await page.getByRole('button', { name: 'Tải phụ đề lên' }).click();
    await page.getByText(/^Đã lưu phụ đề/).waitFor();
    const captionRows = (await db.query(
      `SELECT c.language FROM media_captions c JOIN lessons l ON l.media_asset_id = c.asset_id WHERE l.title = 'Xem một cuộc gọi lừa đảo'`,
    )) as { language: string }[];
    expect(captionRows.map((row) => row.language)).toContain('vi');
    await expectAccessible(page);

    // -- submit for review (projector size)
    await page.setViewportSize(DESKTOP);
    await page.getByRole('link', { name: 'Duyệt và phiên bản' }).click();
    await page.getByRole('button', { name: 'Gửi duyệt' }).click();
    await page.getByText('Đã gửi duyệt.').waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Xem như người học' }).click();
    await page.getByRole('heading', { level: 3, name: title }).waitFor();
    await expectAccessible(page);
    await page.context().close();

    // -- the reviewer
    await pageAs(reviewer, PHONE);
    await page.goto(`${api.url}/duyet`);
    await page.getByRole('heading', { level: 1, name: 'Duyệt khoá học' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText('Nội dung phiên bản 1 (phiên bản đầu tiên)').waitFor();
    await expectAccessible(page);
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.getByLabel('Nhận xét cho tác giả').fill('Rõ ràng, dễ hiểu.');
    await page.getByRole('button', { name: 'Duyệt và xuất bản' }).click();
    await page.getByText('Đã xuất bản. Khoá học đã có trong danh mục.').waitFor();

    // -- anyone: the catalog lists it
    await page.goto(api.url);
    await page.getByRole('heading', { name: title }).waitFor();
  });

  it('publishing a second version does not move an enrolled learner until they choose to', async () => {
    const [course] = (await db.query(
      `SELECT c.id, c.slug FROM courses c JOIN course_versions v ON v.course_id = c.id WHERE v.title = $1 AND v.status = 'published'`,
      [title],
    )) as { id: string; slug: string }[];
    expect(course).toBeDefined();
    const learner = await createPerson(db, { name: `Học viên ${tag()}` });
    await as(api.url, learner).post(`/api/v1/courses/${course!.slug}/enrolment`).expect(201);

    // version 2: the text lesson is renamed, then published by the reviewer
    const draft = await as(api.url, author).post(`/api/v1/studio/courses/${course!.id}/drafts`).expect(201);
    const lessons = (draft.body as { modules: { lessons: { id: string; title: string }[] }[] }).modules.flatMap((m) => m.lessons);
    const textLesson = lessons.find((lesson) => lesson.title === 'Dấu hiệu lừa đảo')!;
    await request(api.url)
      .patch(`/api/v1/studio/lessons/${textLesson.id}`)
      .set('cookie', `hocso_session=${author.token}`)
      .set('x-csrf-token', author.csrfToken!)
      .send({ title: 'Năm dấu hiệu lừa đảo' })
      .expect(200);
    const versionId = (draft.body as { id: string }).id;
    await as(api.url, author).post(`/api/v1/studio/versions/${versionId}/submit`).expect((res) => expect(res.status).toBeLessThan(300));
    await as(api.url, reviewer).post(`/api/v1/reviews/${versionId}/approve`, { comment: 'Tốt.' }).expect((res) => expect(res.status).toBeLessThan(300));

    // the learner still sees version 1, and is offered the newer one
    await pageAs(learner, PHONE);
    await page.goto(`${api.url}/hoc/${course!.slug}`);
    await page.getByText('Khoá học đã có phiên bản mới hơn.').waitFor();
    await page.getByText(/^Dấu hiệu lừa đảo/).first().waitFor();
    expect(await page.getByText('Năm dấu hiệu lừa đảo').count()).toBe(0);
    await expectAccessible(page);
    // …until they choose to move
    await page.getByRole('button', { name: 'Chuyển sang phiên bản mới' }).click();
    await page.getByText('Năm dấu hiệu lừa đảo').first().waitFor();
  });
});
