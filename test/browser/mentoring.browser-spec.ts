import { getDataSourceToken } from '@nestjs/typeorm';
import type { Browser, Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { cookieName } from '../../apps/api/src/modules/identity/cookies';
import { SESSION_COOKIE } from '../../apps/api/src/modules/identity/sessions.service';
import { activeMentorship, enrol, lessonProgress, mentoringCourse, quizAttempts } from '../api/mentoring.fixtures';
import { waitFor, type RunningApi } from '../support/app';
import { launchBrowser, overflowsHorizontally } from '../support/browser';
import { createPerson, createTree, type TestPerson } from '../support/scope-fixtures';
import { DESKTOP, expectAccessible, newPage, PHONE, startWebApi } from '../support/web';

jest.setTimeout(180_000);

describe('Digital Ambassadors in Chromium: a mentor nudges a stuck mentee, who reads it; the unit view', () => {
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

  async function signedIn(person: TestPerson, viewport = PHONE): Promise<Page> {
    const page = await newPage(browser, viewport);
    await page.context().addCookies([{ name: cookieName(SESSION_COOKIE, false), value: person.token!, url: api.url }]);
    return page;
  }

  it('the mentor sees where the mentee is stuck and nudges by keyboard; the mentee sees the nudge; the official sees the mentor', async () => {
    const tree = await createTree(db);
    const course = await mentoringCourse(db);
    const mentor = await createPerson(db, { name: `Đại sứ Hà ${tree.tag}`, unit: tree.villageA1, roles: [{ role: 'mentor' }] });
    const mentee = await createPerson(db, { name: `Bà Lò Thị Xuân ${tree.tag}`, unit: tree.villageA1 });
    const official = await createPerson(db, { name: `Cán bộ ${tree.tag}`, unit: tree.communeA, roles: [{ role: 'official', unit: tree.communeA }] });
    await activeMentorship(db, mentor.id, mentee.id, 20);
    await enrol(db, mentee.id, course, 12);
    await lessonProgress(db, mentee.id, course, 0, 11, 10);
    await lessonProgress(db, mentee.id, course, 1, 9);
    await quizAttempts(db, mentee.id, course, [false, false], 9);

    // The mentor, on a phone.
    const page = await signedIn(mentor);
    await page.goto(`${api.url}/dai-su-so`);
    await page.getByRole('heading', { level: 1, name: 'Đại sứ số: người tôi kèm cặp' }).waitFor();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: mentee.displayName }) });
    await card.getByText('Không học 9 ngày').waitFor();
    await card.getByText('Bỏ dở bài “Dùng Zalo an toàn”').waitFor();
    await card.getByText('Làm bài kiểm tra “Bài kiểm tra cuối”').waitFor();
    await page.getByText('1/5 người đang học tích cực').waitFor();
    await expectAccessible(page);
    expect(await overflowsHorizontally(page)).toBe(false);

    await page.getByRole('link', { name: `Xem chi tiết và gửi lời nhắc cho ${mentee.displayName}` }).click();
    await page.getByRole('heading', { level: 1, name: mentee.displayName }).waitFor();
    await page.getByText('1/3 bài (33%)').waitFor();
    await expectAccessible(page);
    expect(await overflowsHorizontally(page)).toBe(false);

    // Keyboard only: choose a message, write a note, send.
    await page.getByLabel('Bạn sắp xong bài rồi, dành chút thời gian học nốt nhé.').focus();
    await page.keyboard.press('Space');
    await page.getByLabel('Thêm vài lời của bạn (không bắt buộc)').focus();
    await page.keyboard.type('Chiều nay cháu qua giúp bà nhé');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Đã gửi lời nhắc.').waitFor();
    await page.getByText('Chiều nay cháu qua giúp bà nhé').waitFor(); // in "nudges sent"
    await page.getByText('Hôm nay bạn đã nhắc người này rồi.').first().waitFor();
    await expectAccessible(page);

    // The mentee, on a phone: the nudge, marked new, then read.
    const menteePage = await signedIn(mentee);
    await menteePage.goto(`${api.url}/nguoi-kem-cap`);
    await menteePage.getByRole('heading', { level: 1, name: 'Người kèm cặp tôi' }).waitFor();
    await menteePage.getByText(`Đại sứ số của bạn: ${mentor.displayName}`).waitFor();
    const nudge = menteePage.getByRole('listitem').filter({ hasText: 'Bạn sắp xong bài rồi, dành chút thời gian học nốt nhé.' });
    await nudge.getByText('Chiều nay cháu qua giúp bà nhé').waitFor();
    await nudge.getByText('Mới').waitFor();
    await expectAccessible(menteePage);
    expect(await overflowsHorizontally(menteePage)).toBe(false);
    await waitFor(async () => ((await db.query(`SELECT read_at FROM mentor_nudges WHERE mentee_user_id = $1`, [mentee.id]))[0].read_at as Date | null) ?? undefined, 'the nudge marked read');

    // The official of the commune, on a PC: the mentor has 1 active mentee of 5.
    const officialPage = await signedIn(official, DESKTOP);
    await officialPage.goto(`${api.url}/quan-tri/dai-su-so`);
    await officialPage.getByRole('heading', { level: 1, name: 'Đại sứ số trong địa bàn' }).waitFor();
    const row = officialPage.getByRole('row').filter({ has: officialPage.getByRole('rowheader', { name: mentor.displayName }) });
    await row.getByRole('cell', { name: '1/5' }).waitFor();
    await expectAccessible(officialPage);

    // …and pairs the mentor with another learner of the commune, by phone numbers.
    const learner = await createPerson(db, { name: `Anh Quàng Văn Tú ${tree.tag}`, unit: tree.villageA2, signedIn: false });
    await officialPage.getByLabel('Số điện thoại hoặc email của Đại sứ số').fill(mentor.phone!);
    await officialPage.getByLabel('Số điện thoại hoặc email của người học').fill(learner.phone!);
    await officialPage.getByRole('button', { name: 'Ghép', exact: true }).click();
    await officialPage.getByRole('status').getByText(`Đã ghép: ${mentor.displayName} kèm cặp ${learner.displayName}.`).waitFor();
    await officialPage.getByLabel('Hiện tất cả Đại sứ số').check();
    await row.getByRole('cell', { name: '2', exact: true }).waitFor();
  });
});
