import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import type { RunningApi } from '../support/app';
import { waitFor } from '../support/app';
import { axeViolations, launchBrowser, overflowsHorizontally } from '../support/browser';
import { createLearningCourse, type LearningCourse } from '../support/learning-fixtures';
import { deleteKeysWithPrefix, ownQueuePrefix } from '../support/redis-keys';
import { DESKTOP, PHONE, randomIp, signUpByApi, startWebApi } from '../support/web';

// Issue 6, "Done when": tried as a new user would in Chromium at 360 px.
jest.setTimeout(240_000);

const prefix = ownQueuePrefix('learn-browser');

interface LessonState {
  id: string;
  state: string;
  positionSeconds: number;
  watchedSeconds: number;
  watchedPercent: number;
}

/** The server's view of the video lesson, asked with the browser's own session. */
async function serverLesson(request: APIRequestContext, api: RunningApi, course: LearningCourse): Promise<LessonState> {
  const res = await request.get(`${api.url}/api/v1/courses/${course.slug}/learn`);
  if (!res.ok()) throw new Error(`learn: ${res.status()} ${await res.text()}`);
  const body = (await res.json()) as { modules: { lessons: LessonState[] }[] };
  return body.modules.flatMap((m) => m.lessons).find((l) => l.id === course.videoLessonId)!;
}

async function csrf(page: Page, api: RunningApi): Promise<string> {
  const me = await page.request.get(`${api.url}/api/v1/auth/me`);
  return ((await me.json()) as { csrfToken: string }).csrfToken;
}

const video = (page: Page) => page.locator('[data-testid="player"] video');
const currentTime = (page: Page) => video(page).evaluate((v: HTMLVideoElement) => v.currentTime);

async function playUntil(page: Page, seconds: number): Promise<number> {
  await page.waitForFunction(
    (s) => {
      const v = document.querySelector<HTMLVideoElement>('[data-testid="player"] video');
      return !!v && v.currentTime >= s;
    },
    seconds,
    { timeout: 40_000 },
  );
  return currentTime(page);
}

async function openLesson(page: Page, api: RunningApi, course: LearningCourse): Promise<void> {
  await page.goto(`${api.url}/hoc/${course.slug}/bai/${course.videoLessonId}`);
  await page.getByRole('heading', { level: 1, name: course.videoLessonTitle }).waitFor();
  await video(page).waitFor({ state: 'attached', timeout: 20_000 });
  await page.waitForFunction(() => (document.querySelector<HTMLVideoElement>('[data-testid="player"] video')?.readyState ?? 0) >= 1, null, { timeout: 20_000 });
}

async function play(page: Page): Promise<void> {
  // The learner presses the big play button (a real click: a user gesture for autoplay rules).
  const big = page.locator('.vjs-big-play-button');
  if (await big.isVisible()) await big.click();
  else await page.locator('.vjs-play-control').click();
}

describe('learning a course in Chromium (issue 6)', () => {
  let api: RunningApi;
  let browser: Browser;
  let course: LearningCourse;

  beforeAll(async () => {
    api = await startWebApi({ QUEUE_PREFIX: prefix });
    course = await createLearningCourse(api.app, { clipSeconds: 20, completionPercent: 90 });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await deleteKeysWithPrefix(prefix);
  });

  it('enrol, watch, close the tab and resume at the same second; offline then online; skipping to the end does not complete', async () => {
    const context: BrowserContext = await browser.newContext({ viewport: PHONE, extraHTTPHeaders: { 'x-forwarded-for': randomIp() } });
    let page = await context.newPage();
    try {
      await signUpByApi(page, api.url);

      // The course page: one tap to enrol, then the learning path.
      await page.goto(`${api.url}/khoa-hoc/${course.slug}`);
      await page.getByRole('heading', { level: 1, name: course.title }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Đăng ký học' }).click();
      await page.waitForURL(`**/hoc/${course.slug}`);
      await page.getByRole('link', { name: course.videoLessonTitle, exact: true }).waitFor();
      expect(await page.getByText('Chưa học').count()).toBeGreaterThan(0);
      expect(await overflowsHorizontally(page)).toBe(false);
      expect(await axeViolations(page)).toEqual([]);

      // Watch part of the video.
      await page.getByRole('link', { name: course.videoLessonTitle, exact: true }).click();
      await openLesson(page, api, course).catch(async () => openLesson(page, api, course));
      expect(await overflowsHorizontally(page)).toBe(false);
      expect(await axeViolations(page)).toEqual([]);
      await play(page);
      await playUntil(page, 5);
      const closedAt = await currentTime(page);

      // Close the tab (the page sends its last events with keepalive) and come back.
      await page.close({ runBeforeUnload: true });
      await waitFor(async () => {
        const s = await serverLesson(context.request, api, course);
        return Math.abs(s.positionSeconds - closedAt) <= 1.5 ? s : undefined;
      }, 'the position to reach the server', 15_000);
      page = await context.newPage();
      await openLesson(page, api, course);
      await page.waitForFunction(() => (document.querySelector<HTMLVideoElement>('[data-testid="player"] video')?.currentTime ?? 0) > 0.5, null, { timeout: 10_000 });
      const resumedAt = await currentTime(page);
      expect(Math.abs(resumedAt - closedAt)).toBeLessThanOrEqual(1);
      const before = await serverLesson(context.request, api, course);
      expect(before.state).toBe('in_progress');

      // Go offline and keep watching: the events wait on the device.
      await context.setOffline(true);
      await play(page);
      await playUntil(page, resumedAt + 4);
      await page.locator('.vjs-play-control').click(); // pause: the watched stretch is queued
      const status = page.locator('.sync-status');
      await page.waitForFunction(() => document.querySelector('.sync-status')?.getAttribute('data-state') === 'offline', null, { timeout: 10_000 });
      expect(Number(await status.getAttribute('data-pending'))).toBeGreaterThan(0);
      expect(await status.textContent()).toContain('Chờ đồng bộ');

      // Back online: the progress arrives and the status says it is saved.
      await context.setOffline(false);
      await page.waitForFunction(() => document.querySelector('.sync-status')?.getAttribute('data-state') === 'saved', null, { timeout: 20_000 });
      expect(await status.textContent()).toContain('Đã lưu tiến độ');
      const after = await serverLesson(context.request, api, course);
      expect(after.watchedSeconds).toBeGreaterThan(before.watchedSeconds + 2);

      // Skip to the end: the video ends, but the lesson is not completed (skipped seconds do not count).
      await page.locator('[data-testid="player"] .video-js').focus();
      await video(page).evaluate((v: HTMLVideoElement) => {
        v.currentTime = Math.max(0, v.duration - 1.5);
      });
      await play(page).catch(() => undefined);
      await page.waitForFunction(() => document.querySelector<HTMLVideoElement>('[data-testid="player"] video')?.ended === true, null, { timeout: 20_000 });
      await page.getByText('Đã xem đến cuối video').waitFor();
      await page.waitForFunction(() => document.querySelector('.sync-status')?.getAttribute('data-state') === 'saved', null, { timeout: 20_000 });
      const end = await serverLesson(context.request, api, course);
      expect(end.state).toBe('in_progress');
      expect(end.watchedPercent).toBeLessThan(90);
      expect(await page.locator('.lesson-meta').textContent()).not.toContain('Đã học xong');
    } finally {
      await context.close();
    }
  });

  it('the player works by keyboard, shows captions in the learner\'s language and offers data saver and audio only', async () => {
    const captioned = await createLearningCourse(api.app, {
      clipSeconds: 20,
      captionsVtt: 'WEBVTT\n\n00:00:00.000 --> 00:00:19.000\nXin chào, đây là phụ đề tiếng Việt.\n',
    });
    const context = await browser.newContext({ viewport: PHONE, extraHTTPHeaders: { 'x-forwarded-for': randomIp() } });
    const page = await context.newPage();
    try {
      await signUpByApi(page, api.url);
      const enrolled = await page.request.post(`${api.url}/api/v1/courses/${captioned.slug}/enrolment`, { headers: { 'x-csrf-token': await csrf(page, api) } });
      expect(enrolled.status()).toBe(201);
      await openLesson(page, api, captioned);

      // Captions in the learner's language are on by default.
      await page.waitForFunction(() => {
        const v = document.querySelector<HTMLVideoElement>('[data-testid="player"] video');
        const player = v?.closest('.video-js') as (HTMLElement & { player?: { textTracks(): ArrayLike<{ language: string; mode: string }> } }) | null;
        const tracks = player?.player?.textTracks();
        return !!tracks && Array.from(tracks).some((t) => t.language === 'vi' && t.mode === 'showing');
      }, null, { timeout: 10_000 });

      // Keyboard: k plays, → seeks 5 s, m mutes, c turns captions off.
      await page.locator('[data-testid="player"] .video-js').focus();
      await page.keyboard.press('k');
      await playUntil(page, 1);
      const t0 = await currentTime(page);
      await page.keyboard.press('ArrowRight');
      expect(await currentTime(page)).toBeGreaterThanOrEqual(t0 + 4);
      await page.keyboard.press('m');
      expect(await video(page).evaluate((v: HTMLVideoElement) => v.muted)).toBe(true);
      await page.keyboard.press('c');
      const captionsShowing = await page.evaluate(() => {
        const player = document.querySelector('[data-testid="player"] .video-js') as (HTMLElement & { player?: { textTracks(): ArrayLike<{ mode: string }> } }) | null;
        return Array.from(player!.player!.textTracks()).some((t) => t.mode === 'showing');
      });
      expect(captionsShowing).toBe(false);
      await page.keyboard.press('k');
      expect(await video(page).evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);

      // Quality: automatic, data saver, each rendition, audio only.
      const quality = page.getByRole('combobox', { name: 'Chất lượng video' });
      const options = await quality.locator('option').allTextContents();
      expect(options).toEqual(expect.arrayContaining(['Tự động', 'Tiết kiệm dữ liệu', 'Chỉ nghe tiếng']));
      expect(options.some((o) => /^\d+p$/.test(o))).toBe(true);
      await quality.selectOption({ label: 'Chỉ nghe tiếng' });
      await page.waitForFunction(() => document.querySelector('[data-testid="player"] .video-js')?.classList.contains('vjs-audio-only-mode') ?? false, null, { timeout: 10_000 });
      await page.getByRole('combobox', { name: 'Tốc độ phát' }).selectOption('1.5');
      expect(await video(page).evaluate((v: HTMLVideoElement) => v.playbackRate)).toBe(1.5);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the catalog, course, learning path, lesson and "My learning" pages are axe-clean at 360 px and 1280 px, and the text lesson reports reading to the end', async () => {
    for (const viewport of [PHONE, DESKTOP]) {
      const context = await browser.newContext({ viewport, extraHTTPHeaders: { 'x-forwarded-for': randomIp() } });
      const page = await context.newPage();
      try {
        await signUpByApi(page, api.url);
        await page.goto(`${api.url}/`);
        await page.getByRole('heading', { level: 2, name: course.title }).waitFor();
        expect({ viewport, where: 'catalog', v: await axeViolations(page) }).toEqual({ viewport, where: 'catalog', v: [] });
        // Search finds the course without diacritics.
        await page.getByRole('searchbox', { name: 'Tìm khoá học' }).fill('hoc thu video');
        await page.getByRole('button', { name: 'Tìm', exact: true }).click();
        await page.getByRole('heading', { level: 2, name: course.title }).waitFor();
        expect(await overflowsHorizontally(page)).toBe(false);

        await page.getByRole('link', { name: course.title }).click();
        await page.getByRole('button', { name: 'Đăng ký học' }).click();
        await page.waitForURL(`**/hoc/${course.slug}`);
        await page.getByRole('link', { name: course.textLessonTitle, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: course.textLessonTitle }).waitFor();
        expect({ viewport, where: 'text lesson', v: await axeViolations(page) }).toEqual({ viewport, where: 'text lesson', v: [] });
        await page.getByTestId('text-end').scrollIntoViewIfNeeded();
        await page.waitForFunction(() => document.querySelector('.sync-status')?.getAttribute('data-state') === 'saved', null, { timeout: 15_000 });
        await waitFor(async () => {
          const res = await page.request.get(`${api.url}/api/v1/courses/${course.slug}/learn`);
          const body = (await res.json()) as { modules: { lessons: { id: string; state: string }[] }[] };
          return body.modules[0]!.lessons.find((l) => l.id === course.textLessonId)?.state === 'completed' ? true : undefined;
        }, 'the text lesson to be completed');

        await page.goto(`${api.url}/hoc-cua-toi`);
        await page.getByRole('heading', { level: 1, name: 'Việc học của tôi' }).waitFor();
        await page.getByRole('link', { name: course.title }).waitFor();
        expect(await overflowsHorizontally(page)).toBe(false);
        expect({ viewport, where: 'dashboard', v: await axeViolations(page) }).toEqual({ viewport, where: 'dashboard', v: [] });
      } finally {
        await context.close();
      }
    }
  });
});
