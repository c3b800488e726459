import { DIGCOMP_2_2 } from '@hocso/curriculum';
import type { Browser, Page } from 'playwright-core';
import { startApi, type RunningApi } from '../support/app';
import { axeViolations, launchBrowser, overflowsHorizontally } from '../support/browser';
import { testEnv } from '../support/env';

describe('competency frameworks page in Chromium', () => {
  let api: RunningApi;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    api = await startApi({ WEB_DIST: testEnv.webDist()! });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });
  beforeEach(async () => {
    page = await (await browser.newContext({ viewport: { width: 360, height: 800 } })).newPage();
  });
  afterEach(() => page.context().close());

  it('is reached from the header and names the frameworks from libs/curriculum in Vietnamese, then English', async () => {
    await page.goto(api.url);
    await page.getByRole('navigation').getByRole('link', { name: 'Khung năng lực số' }).click();
    await page.getByRole('heading', { level: 1, name: 'Khung năng lực số' }).waitFor();
    await page.getByRole('heading', { name: DIGCOMP_2_2.name.vi }).first().waitFor();
    expect(await page.getByText(DIGCOMP_2_2.areas[0]!.competencies[0]!.name.vi).count()).toBeGreaterThan(0);
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: DIGCOMP_2_2.name.en }).first().waitFor();
    expect(await page.getByText(DIGCOMP_2_2.areas[0]!.competencies[0]!.name.en).count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});
