import type { Browser, Page } from 'playwright-core';
import { DemoContentService } from '../../apps/api/src/modules/content/demo-content.service';
import { DEMO_COURSES } from '../../apps/api/src/modules/content/demo-courses';
import { startApi, type RunningApi } from '../support/app';
import { axeViolations, launchBrowser, overflowsHorizontally } from '../support/browser';
import { testEnv } from '../support/env';

const [phoneCourse] = DEMO_COURSES;

// Browser steps with axe are slow on a shared 2-core machine.
jest.setTimeout(90_000);

describe('course catalog in Chromium', () => {
  let api: RunningApi;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const webDist = testEnv.webDist();
    if (!webDist) throw new Error('TEST_WEB_DIST is not set: run the browser tests with `npm test`, which builds the web app');
    api = await startApi({ WEB_DIST: webDist });
    await api.app.get(DemoContentService).importDemoCourses();
    browser = await launchBrowser();
  }, 180_000); // the demo import makes its videos with ffmpeg
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });
  beforeEach(async () => {
    // A fresh context per test (no stored language choice); axe needs pages made from a context.
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } }); // a cheap phone
    page = await context.newPage();
  });
  afterEach(() => page.context().close());

  it('shows the demo courses in Vietnamese on a 360 px phone, with no accessibility violation', async () => {
    await page.goto(api.url);
    await page.getByRole('heading', { level: 1, name: 'Khoá học' }).waitFor();
    await page.getByRole('heading', { level: 2, name: phoneCourse!.title }).first().waitFor(); // other test files add copies of it
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await page.title()).toContain('Khoá học');
    const titles = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(titles).toEqual(expect.arrayContaining(DEMO_COURSES.map((c) => c.title)));
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('switches to English, keeps the choice after a reload, and stays accessible', async () => {
    await page.goto(api.url);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Courses' }).waitFor();
    await page.getByRole('heading', { level: 2, name: phoneCourse!.translations.en!.title! }).first().waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await axeViolations(page)).toEqual([]);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Courses' }).waitFor();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Khoá học' }).waitFor();
  });

  it('works by keyboard: the first Tab reaches the skip link, which moves focus to the main content', async () => {
    await page.goto(api.url);
    await page.getByRole('heading', { level: 1, name: 'Khoá học' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bỏ qua, đến nội dung chính');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
  });

  it('is readable on a projector (1920×1080) and at 200% zoom without sideways scrolling', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(api.url);
    await page.getByRole('heading', { level: 2, name: phoneCourse!.title }).first().waitFor(); // other test files add copies of it
    expect(await axeViolations(page)).toEqual([]);
    const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(18);

    // 200% zoom of a 1280 px screen is the same CSS layout as a 640 px viewport.
    await page.setViewportSize({ width: 640, height: 360 });
    expect(await overflowsHorizontally(page)).toBe(false);
  });

  it('answers an unknown address with the translated not-found page (a client-side route)', async () => {
    await page.goto(`${api.url}/khong-co-trang-nay`);
    await page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('serving the web app', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi({ WEB_DIST: testEnv.webDist()! });
  });
  afterAll(() => api.close());

  it('sends hashed assets brotli-compressed with a one-year immutable cache, and index.html uncached', async () => {
    const html = await fetch(api.url).then(async (r) => ({ cache: r.headers.get('cache-control'), text: await r.text() }));
    expect(html.cache).toBe('no-cache');
    const script = /src="(\/assets\/index-[^"]+\.js)"/.exec(html.text)?.[1];
    expect(script).toBeDefined();
    const res = await fetch(`${api.url}${script}`, { headers: { 'accept-encoding': 'br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toContain('createRoot'); // fetch decodes brotli: the real script arrived
  });

  it('answers client-side routes with index.html but unknown API routes with a JSON 404', async () => {
    const page = await fetch(`${api.url}/hoc/khoa-hoc-bat-ky`);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const apiMiss = await fetch(`${api.url}/api/v1/khong-co`);
    expect(apiMiss.status).toBe(404);
    expect(await apiMiss.json()).toMatchObject({ statusCode: 404, path: '/api/v1/khong-co' });
    const missingAsset = await fetch(`${api.url}/assets/khong-co.js`);
    expect(missingAsset.status).toBe(404);
  });
});
