import { getDataSourceToken } from '@nestjs/typeorm';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { RunningApi } from '../support/app';
import { launchBrowser, overflowsHorizontally } from '../support/browser';
import { createPerson, type TestPerson } from '../support/scope-fixtures';
import { DESKTOP, expectAccessible, newPage, PHONE, startWebApi } from '../support/web';
import { basic } from '../support/xapi-fixtures';

describe('LRS credentials page (/quan-tri/xapi) in Chromium', () => {
  let api: RunningApi;
  let db: DataSource;
  let browser: Browser;
  let page: Page;
  let administrator: TestPerson;

  beforeAll(async () => {
    api = await startWebApi();
    db = api.app.get<DataSource>(getDataSourceToken());
    administrator = await createPerson(db, { roles: [{ role: 'administrator' }] });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });
  afterEach(() => page?.context().close());

  async function pageAs(person: TestPerson, viewport = PHONE, lang: 'vi' | 'en' = 'vi'): Promise<Page> {
    page = await newPage(browser, viewport);
    await page.context().addCookies([{ name: 'hocso_session', value: person.token!, url: api.url, httpOnly: true, sameSite: 'Lax' }]);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: api.url });
    if (lang === 'en') await page.addInitScript(() => window.localStorage.setItem('hocso.lang', 'en'));
    return page;
  }

  it('issues credentials (secret shown once, copy button), which work at /xapi, then revokes them — accessible at 360 px', async () => {
    await pageAs(administrator);
    await page.goto(`${api.url}/quan-tri/xapi`);
    await page.getByRole('heading', { level: 1, name: 'Kho dữ liệu học tập (xAPI)' }).waitFor();
    await expectAccessible(page);
    expect(await overflowsHorizontally(page)).toBe(false);

    // Empty name: the error is said and focus goes to the field.
    await page.getByRole('button', { name: 'Cấp tài khoản' }).click();
    await page.getByText('Nhập tên gọi của tài khoản').waitFor();
    const name = `Nội dung H5P ${Date.now()}`;
    await page.getByLabel('Tên gọi').fill(name);
    await page.getByRole('checkbox', { name: 'statements/read', exact: true }).check();
    await page.getByRole('button', { name: 'Cấp tài khoản' }).click();
    await page.getByRole('heading', { name: `Đã cấp tài khoản «${name}»` }).waitFor();
    await expectAccessible(page);
    expect(await overflowsHorizontally(page)).toBe(false);

    const codes = await page.locator('.xapi-credentials code').allTextContents();
    const [, key, secret] = codes;
    expect(key).toMatch(/^hx/);
    await page.getByRole('button', { name: 'Sao chép mật khẩu' }).click();
    await page.getByText('Đã sao chép.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

    // The credentials work at the LRS.
    await request(api.url).get('/xapi/statements?limit=1').set('X-Experience-API-Version', '1.0.3').set('Authorization', basic(key!, secret!)).expect(200);

    await page.getByRole('button', { name: 'Tôi đã lưu mật khẩu' }).click();
    const row = page.locator('tbody tr', { has: page.getByRole('rowheader', { name }) });
    await row.waitFor();
    // The secret is not shown again.
    expect(await page.content()).not.toContain(secret!);

    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: `Thu hồi tài khoản ${name}` }).click();
    await row.getByText(/^Đã thu hồi/).waitFor();
    await request(api.url).get('/xapi/statements?limit=1').set('X-Experience-API-Version', '1.0.3').set('Authorization', basic(key!, secret!)).expect(401);
  }, 150_000);

  it('reads in English on a projector', async () => {
    await pageAs(administrator, DESKTOP, 'en');
    await page.goto(`${api.url}/quan-tri/xapi`);
    await page.getByRole('heading', { level: 1, name: 'Learning record store (xAPI)' }).waitFor();
    await page.getByRole('heading', { name: 'Issue new credentials' }).waitFor();
    await expectAccessible(page);
    await page.setViewportSize({ width: 1920, height: 1080 });
    expect(await overflowsHorizontally(page)).toBe(false);
  }, 90_000);

  it('is for administrators only', async () => {
    const learner = await createPerson(db);
    await pageAs(learner);
    await page.goto(`${api.url}/quan-tri/xapi`);
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('heading', { level: 1, name: 'Kho dữ liệu học tập (xAPI)' }).count()).toBe(0);
  }, 60_000);
});
