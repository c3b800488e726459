import AxeBuilder from '@axe-core/playwright';
import { AUDIENCES } from '@hocso/curriculum';
import type { Browser, Page } from 'playwright-core';
import { waitFor, type RunningApi } from '../support/app';
import { launchBrowser, overflowsHorizontally } from '../support/browser';
import { DESKTOP, expectAccessible, newPage, PASSWORD, PHONE, signUpByApi, startWebApi, uniqueMobile } from '../support/web';

/** What the page shows: the <html> attributes of the preferences, its language and its computed sizes and colours. */
function display(page: Page) {
  return page.evaluate(() => {
    const html = document.documentElement;
    const body = getComputedStyle(document.body);
    const spinnerless = document.createElement('div');
    spinnerless.className = 'nav-progress nav-progress--active';
    document.body.append(spinnerless);
    const animation = getComputedStyle(spinnerless).animationName;
    spinnerless.remove();
    return {
      fontSize: html.dataset.fontSize,
      contrast: html.dataset.contrast,
      reducedMotion: html.dataset.reducedMotion,
      lang: html.lang,
      rootPx: parseFloat(getComputedStyle(html).fontSize),
      text: body.color,
      background: body.backgroundColor,
      animation,
    };
  });
}

async function me(page: Page, baseUrl: string): Promise<{ preferences: Record<string, unknown>; displayName: string; birthYear: number | null; audiences: string[] }> {
  const res = await page.request.get(`${baseUrl}/api/v1/auth/me`);
  expect(res.status()).toBe(200);
  return res.json();
}

describe('profile and display preferences in Chromium', () => {
  let api: RunningApi;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    api = await startWebApi();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });
  beforeEach(async () => {
    page = await newPage(browser, PHONE);
  });
  afterEach(() => page.context().close());

  it('applies text size, contrast, motion and language chosen in the profile, after a reload, and on another device', async () => {
    const account = await signUpByApi(page, api.url);
    await page.goto(`${api.url}/tai-khoan`);
    await page.getByRole('heading', { level: 1, name: 'Tài khoản của tôi' }).waitFor();
    const before = await display(page);
    expect(before).toMatchObject({ fontSize: 'normal', contrast: 'normal', reducedMotion: 'false', lang: 'vi', rootPx: 18, text: 'rgb(27, 31, 36)' });
    expect(before.animation).toBe('nav-progress');

    await page.getByRole('radio', { name: 'Rất lớn' }).check();
    await page.getByRole('radio', { name: 'Tương phản cao: chữ đen trên nền trắng' }).check();
    await page.getByRole('checkbox', { name: 'Giảm chuyển động trên màn hình' }).check();
    await page.getByRole('radio', { name: 'English' }).check();
    // Nothing changes while choosing …
    expect(await display(page)).toMatchObject({ fontSize: 'normal', lang: 'vi' });
    await page.getByRole('button', { name: 'Lưu và áp dụng' }).click();
    // … everything at once when saved.
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await page.getByText('The display you chose is applied.').waitFor();
    const after = await display(page);
    expect(after).toMatchObject({ fontSize: 'x-large', contrast: 'high', reducedMotion: 'true', lang: 'en', rootPx: 27, text: 'rgb(0, 0, 0)', background: 'rgb(255, 255, 255)', animation: 'none' });
    expect(await page.title()).toBe('My account · hocso');
    expect((await me(page, api.url)).preferences).toEqual({ fontSize: 'x-large', contrast: 'high', reducedMotion: true, language: 'en' });

    // High contrast: axe-clean, and every text at least 7:1 (WCAG AAA's enhanced contrast).
    await expectAccessible(page);
    const enhanced = await new AxeBuilder({ page }).withRules(['color-contrast-enhanced']).analyze();
    expect(enhanced.violations.map((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`)).flat()).toEqual([]);
    expect(await overflowsHorizontally(page)).toBe(false);

    // After a reload: on <html> before the app has drawn anything (no flash), and still there after.
    await page.reload({ waitUntil: 'domcontentloaded' });
    expect(await page.evaluate(() => ({ ...document.documentElement.dataset }))).toEqual({ fontSize: 'x-large', contrast: 'high', reducedMotion: 'true' });
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    expect(await display(page)).toMatchObject({ rootPx: 27, lang: 'en' });

    // Another phone (nothing stored on it): signing in brings the account's preferences.
    const other = await newPage(browser, PHONE);
    await other.goto(`${api.url}/dang-nhap`);
    expect(await display(other)).toMatchObject({ fontSize: 'normal', lang: 'vi' });
    await other.getByLabel('Số điện thoại hoặc email').fill(account.phone);
    await other.getByLabel('Mật khẩu', { exact: true }).fill(account.password);
    await other.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await other.getByRole('heading', { level: 1, name: 'Courses' }).waitFor();
    expect(await display(other)).toMatchObject({ fontSize: 'x-large', contrast: 'high', reducedMotion: 'true', lang: 'en', rootPx: 27 });
    await other.context().close();

    // Opening the profile straight away with a session but nothing stored: the form shows what the account saved.
    const third = await newPage(browser, DESKTOP);
    await third.context().addCookies(await page.context().cookies());
    await third.goto(`${api.url}/tai-khoan`);
    await third.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await waitFor(async () => ((await third.getByRole('radio', { name: 'Extra large' }).isChecked()) ? true : undefined), 'the saved text size in the form');
    expect(await third.getByRole('radio', { name: 'High contrast: black text on white' }).isChecked()).toBe(true);
    expect(await third.getByRole('radio', { name: 'English' }).isChecked()).toBe(true);
    await third.context().close();
  });

  it('lets a visitor who is not signed in pick a larger text, keeps it on the device, and saves it to the account made afterwards', async () => {
    await page.goto(api.url);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Cỡ chữ và màu' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cỡ chữ, màu và ngôn ngữ' }).waitFor();
    await page.getByText('Lựa chọn được dùng cho mọi trang trên thiết bị này.', { exact: false }).waitFor();
    await page.getByRole('radio', { name: 'Lớn', exact: true }).check();
    await page.getByRole('button', { name: 'Lưu và áp dụng' }).click();
    await page.getByText('Đã áp dụng cách hiển thị bạn chọn.').waitFor();
    expect(await display(page)).toMatchObject({ fontSize: 'large', rootPx: 22.5 });
    await expectAccessible(page);

    await page.goto(api.url);
    await page.getByRole('heading', { level: 1, name: 'Khoá học' }).waitFor();
    expect(await display(page)).toMatchObject({ fontSize: 'large', rootPx: 22.5 });

    // Signing up keeps it, and saves it to the new account.
    await page.goto(`${api.url}/dang-ky`);
    await page.getByRole('textbox', { name: 'Số điện thoại' }).fill(uniqueMobile());
    await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Họ và tên').fill('Ông Ba');
    await page.getByRole('radio', { name: 'Người dân' }).check();
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    await page.getByRole('banner').getByRole('button', { name: 'Tài khoản: Ông Ba' }).waitFor();
    expect(await display(page)).toMatchObject({ fontSize: 'large', rootPx: 22.5 });
    expect((await me(page, api.url)).preferences).toMatchObject({ fontSize: 'large', contrast: 'normal', language: 'vi' });
  });

  it('saves the language chosen with the header buttons to the account of a signed-in person', async () => {
    await signUpByApi(page, api.url);
    await page.goto(api.url);
    await page.getByRole('banner').getByRole('button', { name: /^Tài khoản: / }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Courses' }).waitFor();
    await waitFor(async () => ((await me(page, api.url)).preferences.language === 'en' ? true : undefined), 'the language saved to the account');
  });

  it('changes the details of the account, with errors next to the fields and the name updated in the header', async () => {
    await signUpByApi(page, api.url, 'Lò Thị Hoa');
    await page.goto(`${api.url}/tai-khoan`);
    await page.getByRole('heading', { level: 1, name: 'Tài khoản của tôi' }).waitFor();
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Lò Thị Hoa');
    await page.getByLabel('Họ và tên').fill('Lò Thị Hoa Mai');
    await page.getByLabel(/^Năm sinh/).fill('19');
    await page.getByRole('button', { name: 'Lưu thông tin' }).click();
    const summary = page.locator('.error-summary');
    await summary.getByRole('link', { name: 'Hãy nhập năm sinh bằng 4 chữ số, ví dụ 1960' }).waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible(page);

    await page.getByLabel(/^Năm sinh/).fill('1959');
    const elderly = AUDIENCES.find((a) => a.id === 'elderly')!;
    await page.getByRole('checkbox', { name: elderly.name.vi }).check();
    await page.getByRole('button', { name: 'Lưu thông tin' }).click();
    await page.getByText('Đã lưu thông tin của bạn.').waitFor();
    expect(await summary.count()).toBe(0);
    await page.getByRole('banner').getByRole('button', { name: 'Tài khoản: Lò Thị Hoa Mai' }).waitFor();
    expect(await me(page, api.url)).toMatchObject({ displayName: 'Lò Thị Hoa Mai', birthYear: 1959, audiences: ['elderly'] });
  });

  it('signs out from the profile page', async () => {
    await signUpByApi(page, api.url);
    await page.goto(`${api.url}/tai-khoan`);
    await page.getByRole('region', { name: 'Đăng xuất' }).getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { level: 1, name: 'Khoá học' }).waitFor();
    await page.getByRole('banner').getByRole('link', { name: 'Đăng nhập' }).waitFor();
    expect((await page.request.get(`${api.url}/api/v1/auth/me`)).status()).toBe(401);
  });

  // English at phone width only: axe's rules do not depend on the language, and longer English texts
  // overflow first on a phone (each scan costs seconds on two shared cores).
  it.each([
    ['vi', PHONE],
    ['en', PHONE],
    ['vi', DESKTOP],
  ] as const)('has no accessibility violation on the profile page (%s, %o)', async (lang, viewport) => {
    await page.setViewportSize(viewport);
    if (lang === 'en') await page.addInitScript(() => window.localStorage.setItem('hocso.lang', 'en'));
    await signUpByApi(page, api.url);
    await page.goto(`${api.url}/tai-khoan`);
    await page.getByRole('heading', { level: 1, name: lang === 'vi' ? 'Tài khoản của tôi' : 'My account' }).waitFor();
    await page.getByRole('button', { name: lang === 'vi' ? 'Lưu thông tin' : 'Save my details' }).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectAccessible(page);
    // Extra-large text at 200% zoom (a 640 px layout): still no sideways scrolling.
    await page.evaluate(() => (document.documentElement.dataset.fontSize = 'x-large'));
    await page.setViewportSize({ width: 640, height: 400 });
    expect(await overflowsHorizontally(page)).toBe(false);
  });
});
