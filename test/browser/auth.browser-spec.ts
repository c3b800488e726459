import { TARGET_GROUPS } from '@hocso/curriculum';
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createServer } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { createHttpApp } from '../../apps/api/src/bootstrap/create-app';
import { NotificationChannel, type Notification } from '../../apps/api/src/modules/notifications/notification-channel';
import { startWorker, testConfig, waitFor, type RunningApi } from '../support/app';
import { launchBrowser, overflowsHorizontally } from '../support/browser';
import { testEnv } from '../support/env';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider';
import { deleteKeysWithPrefix, ownQueuePrefix } from '../support/redis-keys';
import { createTree, type TestTree } from '../support/scope-fixtures';
import { DESKTOP, expectAccessible, focused, newPage, PASSWORD, PHONE, signUpByApi, uniqueMobile } from '../support/web';

const citizens = TARGET_GROUPS.find((g) => g.id === 'citizens')!;

describe('sign-up, sign-in and password reset in Chromium', () => {
  const prefix = ownQueuePrefix('web-auth');
  let api: RunningApi;
  let worker: INestApplicationContext;
  let browser: Browser;
  let page: Page;
  let tree: TestTree;
  const sent: Notification[] = [];

  beforeAll(async () => {
    api = await startWebApiWith({ QUEUE_PREFIX: prefix });
    // Communes and villages for the pickers of where one lives.
    tree = await createTree(api.app.get<DataSource>(getDataSourceToken()));
    // The worker sends the reset links; the test reads them from its notification channel.
    worker = await startWorker({ QUEUE_PREFIX: prefix });
    jest.spyOn(worker.get(NotificationChannel), 'send').mockImplementation((notification) => {
      sent.push(notification);
      return Promise.resolve();
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
    await deleteKeysWithPrefix(prefix);
  });
  beforeEach(async () => {
    page = await newPage(browser, PHONE);
  });
  afterEach(() => page.context().close());

  const header = () => page.getByRole('banner');
  const accountButton = () => header().getByRole('button', { name: /^Tài khoản: / });

  it('signs up on a 360 px phone, shows the name in the header, signs out and signs in again', async () => {
    const phone = uniqueMobile();
    const name = `Bà Tư ${phone.slice(-3)}`;
    await page.goto(api.url);
    await header().getByRole('link', { name: 'Đăng ký' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng ký tài khoản' }).waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'h1' }); // focus moved to the new page's heading
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectAccessible(page);

    // The phone's own keyboards and autofill: tel, new-password, name, bday-year (a number, not a date picker).
    const phoneField = page.getByRole('textbox', { name: 'Số điện thoại' });
    expect(await phoneField.evaluate((el: HTMLInputElement) => [el.type, el.autocomplete, el.inputMode])).toEqual(['tel', 'tel', 'tel']);
    const password = page.getByLabel('Mật khẩu', { exact: true });
    expect(await password.getAttribute('autocomplete')).toBe('new-password');
    expect(await page.getByLabel('Họ và tên').getAttribute('autocomplete')).toBe('name');
    const year = page.getByLabel(/^Năm sinh/);
    expect(await year.evaluate((el: HTMLInputElement) => [el.type, el.autocomplete, el.inputMode])).toEqual(['text', 'bday-year', 'numeric']);
    expect(await page.getByText('Ít nhất 8 ký tự. Một câu ngắn là dễ nhớ nhất').count()).toBe(1);

    await phoneField.fill(phone);
    await password.fill(PASSWORD);
    // Show / hide: the value stays, only the type changes.
    await page.getByRole('button', { name: 'Hiện mật khẩu' }).click();
    expect(await password.evaluate((el: HTMLInputElement) => [el.type, el.value])).toEqual(['text', PASSWORD]);
    await page.getByRole('button', { name: 'Hiện mật khẩu' }).click();
    expect(await password.getAttribute('type')).toBe('password');
    await page.getByLabel('Họ và tên').fill(name);
    await year.fill('1956');
    // Where one lives: the commune (the list comes from the public units API), then its village.
    const commune = page.getByLabel(/^Xã, phường nơi bạn ở/);
    await commune.locator(`option[value="${tree.communeA.id}"]`).waitFor({ state: 'attached' });
    await commune.selectOption({ label: tree.communeA.name });
    const village = page.getByLabel(/^Thôn, bản, tổ dân phố/);
    await village.locator(`option[value="${tree.villageA2.id}"]`).waitFor({ state: 'attached' });
    expect(await village.locator('option').allTextContents()).toEqual(['Chọn thôn, bản, tổ dân phố', tree.villageA1.name, tree.villageA2.name]);
    await village.selectOption({ label: tree.villageA2.name });
    await page.getByRole('radio', { name: citizens.name.vi }).check();
    await page.getByRole('button', { name: 'Đăng ký' }).click();

    await page.getByRole('heading', { level: 1, name: 'Khoá học' }).waitFor();
    await accountButton().waitFor();
    expect(await accountButton().textContent()).toContain(name);

    // The profile shows the place and has the pickers preselected.
    await page.goto(`${api.url}/tai-khoan`);
    await page.getByText(`${tree.villageA2.name}, ${tree.communeA.name}`).waitFor();
    await page.getByLabel(/^Thôn, bản, tổ dân phố/).locator(`option[value="${tree.villageA2.id}"]`).waitFor({ state: 'attached' });
    expect(await page.getByLabel(/^Xã, phường nơi bạn ở/).inputValue()).toBe(tree.communeA.id);
    expect(await page.getByLabel(/^Thôn, bản, tổ dân phố/).inputValue()).toBe(tree.villageA2.id);
    await expectAccessible(page);
    await page.goto(api.url);
    expect(await header().getByRole('link', { name: 'Đăng nhập' }).count()).toBe(0);

    await accountButton().click();
    await header().getByRole('button', { name: 'Đăng xuất' }).click();
    await header().getByRole('link', { name: 'Đăng nhập' }).waitFor();
    expect(await accountButton().count()).toBe(0);

    await header().getByRole('link', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await expectAccessible(page);
    await page.getByLabel('Số điện thoại hoặc email').fill(phone);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await accountButton().waitFor();
    expect(await accountButton().textContent()).toContain(name);
  });

  it('says when the password is wrong, keeps what was typed, and moves focus to the message', async () => {
    const account = await signUpByApi(await newPage(browser), api.url);
    await page.goto(`${api.url}/dang-nhap`);
    await page.getByLabel('Số điện thoại hoặc email').fill(account.phone);
    await page.getByLabel('Mật khẩu', { exact: true }).fill('not the right password');
    await page.getByLabel('Mật khẩu', { exact: true }).press('Enter');
    const summary = page.locator('.error-summary');
    await summary.getByText('Số điện thoại, email hoặc mật khẩu chưa đúng. Hãy kiểm tra rồi thử lại.').waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByLabel('Số điện thoại hoặc email').inputValue()).toBe(account.phone);
    expect(await page.getByLabel('Mật khẩu', { exact: true }).inputValue()).toBe('not the right password');
    await expectAccessible(page);
    expect(await accountButton().count()).toBe(0);
  });

  it('shows sign-up errors next to the fields and in a summary that links to them, keeping what was typed', async () => {
    await page.goto(`${api.url}/dang-ky`);
    await page.getByLabel('Họ và tên').fill('Lò Văn Páo');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('short');
    await page.getByLabel(/^Năm sinh/).fill('58');
    await page.getByRole('button', { name: 'Đăng ký' }).click();

    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Hãy nhập số điện thoại',
      'Mật khẩu cần ít nhất 8 ký tự',
      'Hãy nhập năm sinh bằng 4 chữ số, ví dụ 1960',
      'Hãy chọn nhóm của bạn',
    ]);
    // Next to the field, and announced with it (aria-describedby), marked invalid.
    const phoneField = page.getByRole('textbox', { name: 'Số điện thoại' });
    expect(await phoneField.getAttribute('aria-invalid')).toBe('true');
    expect(await phoneField.evaluate((el) => el.getAttribute('aria-describedby')?.split(' ').map((id) => document.getElementById(id)?.textContent))).toEqual([
      'Ví dụ: 0912 345 678',
      'Lỗi: Hãy nhập số điện thoại',
    ]);
    await expectAccessible(page);

    // A link of the summary moves focus to its field.
    await summary.getByRole('link', { name: 'Mật khẩu cần ít nhất 8 ký tự' }).click();
    expect(await focused(page)).toMatchObject({ id: 'password' });
    await summary.getByRole('link', { name: 'Hãy chọn nhóm của bạn' }).click();
    expect(await focused(page)).toMatchObject({ id: 'targetGroup-0' });
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Lò Văn Páo');
    expect(await page.getByLabel('Mật khẩu', { exact: true }).inputValue()).toBe('short');

    // The API's refusals land on their fields too: a phone number that has an account already (409).
    const taken = await signUpByApi(await newPage(browser), api.url);
    await page.getByRole('textbox', { name: 'Số điện thoại' }).fill(taken.phone);
    await page.getByLabel('Mật khẩu', { exact: true }).fill('mẹ tôi trồng rau muống');
    await page.getByLabel(/^Năm sinh/).fill('1958');
    await page.getByRole('radio', { name: citizens.name.vi }).check();
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    await summary.getByRole('link', { name: /^Số điện thoại này đã có tài khoản/ }).waitFor();
    expect(await page.locator('#phone-error').textContent()).toContain('Số điện thoại này đã có tài khoản');

    // … and one the API alone knows: a very common password.
    await page.getByRole('textbox', { name: 'Số điện thoại' }).fill(uniqueMobile());
    await page.getByLabel('Mật khẩu', { exact: true }).fill('12345678');
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    await summary.getByRole('link', { name: /^Mật khẩu này quá phổ biến/ }).waitFor();
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Lò Văn Páo');
  });

  it('tells how long to wait after too many attempts (429 with Retry-After)', async () => {
    const account = await signUpByApi(await newPage(browser), api.url);
    // The per-account limit is 10 attempts in 15 minutes.
    for (let i = 0; i < 10; i++) {
      await page.request.post(`${api.url}/api/v1/auth/sign-in`, { data: { identifier: account.phone, password: `wrong ${i} password` } });
    }
    await page.goto(`${api.url}/dang-nhap`);
    await page.getByLabel('Số điện thoại hoặc email').fill(account.phone);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(account.password);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.locator('.error-summary').getByText(/^Bạn đã thử quá nhiều lần\. Hãy đợi \d+ phút rồi thử lại\.$/).waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.locator('.error-summary').getByText(/^Too many attempts\. Please wait \d+ minutes and try again\.$/).waitFor();
  });

  it('sends a signed-out visitor of a private page to sign in, then back to that page', async () => {
    const account = await signUpByApi(await newPage(browser), api.url);
    await page.goto(`${api.url}/tai-khoan`);
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/dang-nhap?next=%2Ftai-khoan');
    await page.getByText('Hãy đăng nhập để mở trang này.').waitFor();
    await page.getByLabel('Số điện thoại hoặc email').fill(account.phone);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(account.password);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Tài khoản của tôi' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/tai-khoan');
    // A learner is not allowed in the administration: a clear page, not a blank one.
    await page.goto(`${api.url}/quan-tri`);
    await page.getByRole('heading', { level: 1, name: 'Bạn không có quyền xem trang này' }).waitFor();
    await expectAccessible(page);
    expect(await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Quản trị' }).count()).toBe(0);
  });

  it('opens the account menu by keyboard: Enter opens, Tab walks its links, Escape closes and returns to the button', async () => {
    const account = await signUpByApi(page, api.url);
    await page.goto(api.url);
    await accountButton().waitFor();
    await accountButton().focus();
    await page.keyboard.press('Enter');
    expect(await accountButton().getAttribute('aria-expanded')).toBe('true');
    await expectAccessible(page);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'a', text: 'Tài khoản của tôi' });
    await page.keyboard.press('Escape');
    expect(await accountButton().getAttribute('aria-expanded')).toBe('false');
    expect(await focused(page)).toMatchObject({ tag: 'button', text: `Tài khoản: ${account.displayName}` });
    // Enter on the link goes to the profile; focus lands on its heading.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Tài khoản của tôi' }).waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'h1' });
    expect(await accountButton().getAttribute('aria-expanded')).toBe('false');
  });

  it('resets a forgotten password with the link sent by the worker, then signs in with the new one', async () => {
    const account = await signUpByApi(await newPage(browser), api.url);
    await page.goto(`${api.url}/dang-nhap`);
    await page.getByRole('link', { name: 'Quên mật khẩu?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quên mật khẩu' }).waitFor();
    await expectAccessible(page);
    await page.getByLabel('Số điện thoại hoặc email').fill(account.phone);
    await page.getByRole('button', { name: 'Gửi đường liên kết' }).click();
    await page.getByRole('heading', { level: 2, name: 'Hãy xem tin nhắn hoặc hộp thư' }).waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'h2' });
    await expectAccessible(page);

    const e164 = `+84${account.phone.replace(/\s/g, '').slice(1)}`;
    const link = await waitFor(async () => sent.find((n) => n.to.phone === e164)?.link, 'the reset link');
    const { pathname, hash } = new URL(link);
    expect(pathname).toBe('/dat-lai-mat-khau');
    await page.goto(`${api.url}${pathname}${hash}`);
    await page.getByRole('heading', { level: 1, name: 'Đặt mật khẩu mới' }).waitFor();
    expect(new URL(page.url()).hash).toBe(''); // the token does not stay in the address bar
    await expectAccessible(page);
    const newPassword = 'bà tư trồng cà chua đỏ';
    await page.getByLabel('Mật khẩu mới').fill('short');
    await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
    await page.locator('.error-summary').getByRole('link', { name: 'Mật khẩu cần ít nhất 8 ký tự' }).waitFor();
    await page.getByLabel('Mật khẩu mới').fill(newPassword);
    await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();

    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await page.getByText('Đã đặt mật khẩu mới. Hãy đăng nhập bằng mật khẩu mới.').waitFor();
    await page.getByLabel('Số điện thoại hoặc email').fill(account.phone);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(newPassword);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await accountButton().waitFor();

    // The link works once.
    await page.goto(`${api.url}${pathname}${hash}`);
    await page.getByLabel('Mật khẩu mới').fill('một mật khẩu khác nữa');
    await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
    await page.getByText('Đường liên kết này không dùng được nữa').waitFor();
    await page.getByRole('link', { name: 'Yêu cầu đường liên kết mới' }).waitFor();
  });

  it('loads the account pages without any code or text of the administration', async () => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    for (const [path, title] of [
      ['/dang-ky', 'Đăng ký tài khoản'],
      ['/dang-nhap', 'Đăng nhập'],
      ['/quen-mat-khau', 'Quên mật khẩu'],
      ['/hien-thi', 'Cỡ chữ, màu và ngôn ngữ'],
    ]) {
      await page.goto(`${api.url}${path}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
    }
    expect(scripts.some((s) => /SignUpPage|account\.vi/.test(s))).toBe(true);
    expect(scripts.filter((s) => /Admin|UsersPage|UserPage|UnitsPage|HouseholdsPage|admin\./.test(s))).toEqual([]);
  });

  it('never scrolls sideways on a 360 px phone with extra-large text, errors shown or not', async () => {
    await page.addInitScript(() => window.localStorage.setItem('hocso.display', JSON.stringify({ fontSize: 'x-large', contrast: 'high', reducedMotion: true })));
    for (const [path, submit] of [
      ['/dang-ky', 'Đăng ký'],
      ['/dang-nhap', 'Đăng nhập'],
      ['/quen-mat-khau', 'Gửi đường liên kết'],
      ['/dat-lai-mat-khau#token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'Lưu mật khẩu mới'],
      ['/hien-thi', 'Lưu và áp dụng'],
    ]) {
      await page.goto(`${api.url}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('27px');
      expect({ path, overflows: await overflowsHorizontally(page) }).toEqual({ path, overflows: false });
      if (path === '/hien-thi') continue;
      await page.getByRole('main').getByRole('button', { name: submit, exact: true }).click();
      await page.locator('.error-summary').waitFor();
      expect({ path, withErrors: true, overflows: await overflowsHorizontally(page) }).toEqual({ path, withErrors: true, overflows: false });
    }
  });

  // English at phone width only: axe's rules do not depend on the language, and longer English texts
  // overflow first on a phone (each scan costs seconds on two shared cores).
  it.each([
    ['vi', PHONE],
    ['en', PHONE],
    ['vi', DESKTOP],
  ] as const)('has no accessibility violation on any account page (%s, %o)', async (lang, viewport) => {
    await page.setViewportSize(viewport);
    if (lang === 'en') await page.addInitScript(() => window.localStorage.setItem('hocso.lang', 'en'));
    const pages: [string, string][] = [
      ['/dang-ky', lang === 'vi' ? 'Đăng ký tài khoản' : 'Create an account'],
      ['/dang-nhap', lang === 'vi' ? 'Đăng nhập' : 'Sign in'],
      ['/quen-mat-khau', lang === 'vi' ? 'Quên mật khẩu' : 'Forgot your password'],
      ['/dat-lai-mat-khau', lang === 'vi' ? 'Đặt mật khẩu mới' : 'Set a new password'],
      ['/dat-lai-mat-khau#token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', lang === 'vi' ? 'Đặt mật khẩu mới' : 'Set a new password'],
      ['/hien-thi', lang === 'vi' ? 'Cỡ chữ, màu và ngôn ngữ' : 'Text size, colours and language'],
    ];
    for (const [path, title] of pages) {
      await page.goto(`${api.url}${path}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await overflowsHorizontally(page)).toBe(false);
      await expectAccessible(page, `${path} ${lang} ${viewport.width}px`);
    }
    // With errors shown, too.
    await page.goto(`${api.url}/dang-ky`);
    await page.getByRole('button', { name: lang === 'vi' ? 'Đăng ký' : 'Sign up', exact: true }).click();
    await page.locator('.error-summary').waitFor();
    await expectAccessible(page, `/dang-ky with errors ${lang} ${viewport.width}px`);
    // 200% zoom of a 1280 px screen is a 640 px layout: nothing scrolls sideways.
    await page.setViewportSize({ width: 640, height: 400 });
    expect(await overflowsHorizontally(page)).toBe(false);
  });
});

describe('sign-in with the national digital ID in Chromium (real OpenID Connect provider)', () => {
  const prefix = ownQueuePrefix('web-oidc');
  let provider: TestOidcProvider;
  let api: RunningApi;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // The provider sends the browser back to PUBLIC_URL, so the API listens on a port chosen first.
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    const client = { client_id: 'hocso-web', client_secret: 'hocso-web-test-secret', redirect_uris: [`${publicUrl}/api/v1/auth/oidc/callback`] };
    provider = await startOidcProvider([client]);
    api = await startWebApiWith(
      {
        QUEUE_PREFIX: prefix,
        PUBLIC_URL: publicUrl,
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: client.client_id,
        OIDC_CLIENT_SECRET: client.client_secret,
        OIDC_SCOPES: 'openid profile national_id',
        NATIONAL_ID_HMAC_KEY: 'test-national-id-hmac-key-0123456789abcdef',
      },
      port,
    );
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await provider?.stop();
    await deleteKeysWithPrefix(prefix);
  });
  beforeEach(async () => {
    page = await newPage(browser, PHONE);
  });
  afterEach(() => page.context().close());

  /** The test provider's login form: the account id, then its button. */
  async function loginAtProvider(sub: string): Promise<void> {
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.locator('input[name="login"]').fill(sub);
    await page.locator('button').click();
  }

  it('signs in through the provider from the VNeID button and comes back to the page the person came from', async () => {
    const sub = `vneid-${Date.now()}`;
    await provider.addAccount(sub, { name: 'Lò Thị Mai', birthdate: '1961-05-02', national_id: `0${Date.now()}`.slice(0, 12) });
    await page.goto(`${api.url}/tai-khoan`);
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    const button = page.getByRole('link', { name: 'Đăng nhập bằng VNeID / tài khoản định danh điện tử' });
    await button.waitFor();
    await expectAccessible(page);
    await button.click();
    await loginAtProvider(sub);

    await page.getByRole('heading', { level: 1, name: 'Tài khoản của tôi' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/tai-khoan');
    await page.getByRole('banner').getByRole('button', { name: 'Tài khoản: Lò Thị Mai' }).waitFor();
    await page.getByText('Tài khoản của bạn đã được liên kết với tài khoản định danh điện tử (VNeID).').waitFor();
    await expectAccessible(page);
  });

  it('links the national digital ID to an account made with a phone number, from the profile', async () => {
    const sub = `vneid-link-${Date.now()}`;
    await provider.addAccount(sub, { name: 'Lò Văn Páo', national_id: `1${Date.now()}`.slice(0, 12) });
    await signUpByApi(page, api.url, 'Ông Páo');
    await page.goto(`${api.url}/tai-khoan`);
    const link = page.getByRole('link', { name: 'Liên kết tài khoản định danh điện tử (VNeID)' });
    await link.click();
    await loginAtProvider(sub);
    await page.getByText('Tài khoản của bạn đã được liên kết với tài khoản định danh điện tử (VNeID).').waitFor();
    expect(new URL(page.url()).pathname).toBe('/tai-khoan');
    expect(await page.getByRole('link', { name: 'Liên kết tài khoản định danh điện tử (VNeID)' }).count()).toBe(0);
  });

  it('explains a cancelled or failed national-ID sign-in on the sign-in page', async () => {
    await page.goto(`${api.url}/dang-nhap?oidcError=cancelled`);
    await page.getByRole('alert').getByText('Bạn đã huỷ đăng nhập bằng VNeID.').waitFor();
    await page.goto(`${api.url}/dang-nhap?oidcError=something_new`);
    await page.getByRole('alert').getByText('Chưa đăng nhập được bằng tài khoản định danh điện tử.', { exact: false }).waitFor();
    await expectAccessible(page);
  });
});

/** The API serving the built web app, on `port` when given (it must be known before, e.g. for PUBLIC_URL). */
async function startWebApiWith(overrides: Record<string, string>, port = 0): Promise<RunningApi> {
  const webDist = testEnv.webDist();
  if (!webDist) throw new Error('TEST_WEB_DIST is not set: run the browser tests with `npm test`, which builds the web app');
  const app = await createHttpApp(testConfig({ WEB_DIST: webDist, ...overrides }));
  await app.listen({ port, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return { app, url: `http://127.0.0.1:${actual}`, close: () => app.close() };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
