import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Browser, Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { startWorker, waitFor, type RunningApi } from '../support/app';
import { launchBrowser, overflowsHorizontally } from '../support/browser';
import { deleteKeysWithPrefix, ownQueuePrefix } from '../support/redis-keys';
import { cookieName } from '../../apps/api/src/modules/identity/cookies';
import { SESSION_COOKIE } from '../../apps/api/src/modules/identity/sessions.service';
import { createPerson } from '../support/scope-fixtures';
import { expectAccessible, newPage, PHONE, signUpByApi, startWebApi } from '../support/web';
import { client, createQuizCourse, enrol, itemInputs, type QuizCourse } from '../api/assessment.fixtures';

const REF = 'digcomp-2.2:5.1';
const KINDS = ['single_choice', 'true_false', 'ordering', 'matching', 'short_text'] as const;
type Kind = (typeof KINDS)[number];

/** Answers the question on screen, through the UI (keyboard-usable controls only). */
async function answer(page: Page, kind: Kind): Promise<void> {
  switch (kind) {
    case 'single_choice':
      await page.getByRole('radio', { name: 'Chỉ mình tôi' }).check();
      return;
    case 'true_false':
      await page.getByRole('radio', { name: 'Sai' }).check();
      return;
    case 'ordering': {
      const wanted = ['Mở Zalo', 'Chọn người nhận', 'Chọn ảnh và gửi'];
      for (let i = 0; i < wanted.length; i++) {
        for (;;) {
          const rows = await page.locator('.quiz-order__text').allTextContents();
          const at = rows.indexOf(wanted[i]!);
          if (at <= i) break;
          // keyboard: focus the "move up" button and press Enter
          await page.getByRole('button', { name: `Chuyển lên: ${wanted[i]}` }).focus();
          await page.keyboard.press('Enter');
        }
      }
      return;
    }
    case 'matching':
      await page.getByLabel('Kính lúp').selectOption({ label: 'Tìm kiếm' });
      await page.getByLabel('Bánh răng').selectOption({ label: 'Cài đặt' });
      return;
    case 'short_text':
      await page.getByLabel('Câu trả lời của bạn').fill('  ha noi ');
      await page.keyboard.press('Tab');
      return;
  }
}

describe('taking a quiz on a phone in Chromium: offline, resume, submit, grade', () => {
  const prefix = ownQueuePrefix('quiz-browser');
  let api: RunningApi;
  let worker: INestApplicationContext;
  let browser: Browser;
  let db: DataSource;
  let course: QuizCourse;
  const kindOf = new Map<string, Kind>();

  beforeAll(async () => {
    api = await startWebApi({ QUEUE_PREFIX: prefix });
    worker = await startWorker({ QUEUE_PREFIX: prefix });
    browser = await launchBrowser();
    db = api.app.get<DataSource>(getDataSourceToken());
    const author = await createPerson(db, { roles: [{ role: 'author' }] });
    const inputs = itemInputs(REF, 1);
    for (const kind of KINDS) {
      const res = await client(api.url, author).post('/api/v1/assessment/items', inputs[kind]!.input);
      expect(res.status).toBe(201);
      kindOf.set(res.body.id, kind);
    }
    course = await createQuizCourse(db);
    const quiz = await client(api.url, author).post('/api/v1/assessment/quizzes', {
      lessonId: course.lessonId,
      title: 'Kiểm tra an toàn trên mạng',
      passPercent: 60,
      timeLimitSeconds: 1200,
      maxAttempts: 2,
      blueprint: [{ competencyRef: REF, level: 1, count: KINDS.length }],
    });
    expect(quiz.status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
    await deleteKeysWithPrefix(prefix);
  });

  it('answers with a lost connection, resumes after a reload, submits with confirmation and sees the grade', async () => {
    const page = await newPage(browser, PHONE);
    const learner = await signUpByApi(page, api.url);
    await enrol(db, learner.id, course);
    await page.goto(`${api.url}/hoc/${course.slug}/kiem-tra/${course.lessonId}`);
    await page.getByRole('heading', { level: 2, name: 'Kiểm tra an toàn trên mạng' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
    await page.getByRole('heading', { name: `Câu 1` }).waitFor();
    expect(page.url()).toContain('luot=');
    expect(await page.getByRole('timer').textContent()).toMatch(/Thời gian còn lại: (19|20):\d\d/);

    const status = page.locator('.quiz__saved');
    const currentKind = async (): Promise<Kind> => {
      const id = await page.locator('.quiz__stem').getAttribute('id');
      return kindOf.get(id!.replace(/^q-/, '').replace(/-stem$/, ''))!;
    };

    for (let n = 1; n <= KINDS.length; n++) {
      await page.getByRole('heading', { name: `Câu ${n}` }).waitFor();
      if (n === 3) {
        await waitFor(async () => ((await status.getAttribute('data-state')) === 'saved' ? true : undefined), 'the answers so far to be saved');
        await page.context().setOffline(true);
      }
      await answer(page, await currentKind());
      if (n === 1) {
        await waitFor(async () => ((await status.getAttribute('data-state')) === 'saved' ? true : undefined), 'the first answer to be saved');
        expect(await status.textContent()).toBe('Đã lưu câu trả lời');
        await expectAccessible(page);
        expect(await overflowsHorizontally(page)).toBe(false);
      }
      if (n >= 3) {
        await waitFor(async () => ((await status.getAttribute('data-state')) === 'offline' ? true : undefined), 'the offline status');
      }
      if (n < KINDS.length) await page.getByRole('button', { name: 'Câu tiếp' }).click();
    }
    // The status was "offline" already before the last answer: wait until that answer is kept too.
    await waitFor(async () => (/Mất mạng: 3 câu trả lời được giữ trên máy/.test((await status.textContent()) ?? '') ? true : undefined), 'the three answers given offline to be kept');
    expect(await overflowsHorizontally(page)).toBe(false);

    // back online: the kept answers are sent
    await page.context().setOffline(false);
    await waitFor(async () => ((await status.getAttribute('data-state')) === 'saved' ? true : undefined), 'the kept answers to be sent', 20_000);

    // reload: the same attempt, with its answers
    await page.reload();
    await page.getByRole('heading', { name: /^Câu \d$/ }).waitFor();
    await page.getByText('Tất cả câu hỏi (đã trả lời 5/5)').waitFor();
    await page.getByText('Tất cả câu hỏi (đã trả lời 5/5)').click();
    await page.getByRole('button', { name: /Câu 5 — đã trả lời/ }).click();
    await page.getByRole('heading', { name: 'Câu 5' }).waitFor();

    await page.getByRole('button', { name: 'Xem lại và nộp bài' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Nộp bài?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Bạn đã trả lời mọi câu');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Nộp bài' }).click();

    const grade = page.getByTestId('quiz-grade');
    await grade.waitFor({ timeout: 20_000 });
    expect(await grade.textContent()).toContain('100%');
    expect(await grade.textContent()).toContain('Đạt');
    expect(await page.getByText('Giải thích sau khi chấm.').count()).toBe(KINDS.length);
    await expectAccessible(page);
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.context().close();
  }, 90_000);

  it('authors: the item bank with its editor and the grading queue are usable at 360 px and axe-clean', async () => {
    const author = await createPerson(db, { roles: [{ role: 'author' }] });
    const page = await newPage(browser, PHONE);
    await page.context().addCookies([{ name: cookieName(SESSION_COOKIE, false), value: author.token!, url: api.url }]);
    await page.goto(`${api.url}/studio/ngan-hang-cau-hoi`);
    await page.getByRole('heading', { level: 1, name: 'Ngân hàng câu hỏi' }).waitFor();
    await page.getByRole('button', { name: 'Thêm câu hỏi' }).click();
    await page.getByRole('heading', { name: 'Câu hỏi mới' }).waitFor();
    await page.getByLabel('Loại câu hỏi').selectOption('true_false');
    await page.getByLabel('Năng lực (mã)').fill(REF);
    await page.getByLabel('Câu hỏi', { exact: true }).fill('Nên bật xác thực hai lớp.');
    await expectAccessible(page);
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.getByRole('button', { name: 'Lưu câu hỏi' }).click();
    await page.getByText('Nên bật xác thực hai lớp.').waitFor();
    await page.getByLabel('Bài học kiểm tra').selectOption(course.lessonId);
    await page.getByLabel('Tên bài kiểm tra').waitFor();
    await expectAccessible(page);
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.goto(`${api.url}/cham-bai`);
    await page.getByRole('heading', { level: 1, name: 'Chấm bài tự luận' }).waitFor();
    await expectAccessible(page);
    await page.context().close();
  }, 60_000);
});
