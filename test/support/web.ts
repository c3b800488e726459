import { randomInt } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startApi, type RunningApi } from './app';
import { axeViolations } from './browser';
import { testEnv } from './env';

/** Viewports of the browser tests: a cheap phone and an office PC. */
export const PHONE = { width: 360, height: 800 };
export const DESKTOP = { width: 1280, height: 800 };

/** The API serving the built web app (`npm run build -w apps/web` first; `npm test` does it). */
export function startWebApi(overrides: Record<string, string> = {}): Promise<RunningApi> {
  const webDist = testEnv.webDist();
  if (!webDist) throw new Error('TEST_WEB_DIST is not set: run the browser tests with `npm test`, which builds the web app');
  return startApi({ WEB_DIST: webDist, ...overrides });
}

/** A client address of its own (the API trusts X-Forwarded-For), so per-IP rate limits do not add up across tests. */
export function randomIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

/** A fresh browser context (no cookies, no stored preferences) and a page in it. */
export async function newPage(browser: Browser, viewport = PHONE): Promise<Page> {
  const context: BrowserContext = await browser.newContext({ viewport, extraHTTPHeaders: { 'x-forwarded-for': randomIp() } });
  // Waits, not delays: a step ends as soon as the page is ready. Playwright's 30 s default is too
  // short when another test file shares the two cores (a sign-in hashes with argon2, pages run axe).
  context.setDefaultTimeout(90_000);
  return context.newPage();
}

/** A mobile number nobody else in the run has, as people type it: 09xx xxx xxx. */
export function uniqueMobile(): string {
  const d = String(randomInt(0, 100_000_000)).padStart(8, '0');
  return `09${d.slice(0, 2)} ${d.slice(2, 5)} ${d.slice(5)}`;
}

export const PASSWORD = 'con mèo nhà bà tư ăn cá';

export interface SignedUp {
  id: string;
  displayName: string;
  phone: string;
  password: string;
}

/** Creates an account through the API in the page's context: the session cookie lands in the browser. */
export async function signUpByApi(page: Page, baseUrl: string, displayName = `Người học ${randomInt(1_000_000)}`): Promise<SignedUp> {
  const phone = uniqueMobile();
  const res = await page.request.post(`${baseUrl}/api/v1/auth/sign-up`, {
    data: { identifier: phone, password: PASSWORD, displayName, targetGroup: 'citizens' },
  });
  if (res.status() !== 201) throw new Error(`sign-up failed: ${res.status()} ${await res.text()}`);
  const me = (await res.json()) as { id: string };
  return { id: me.id, displayName, phone, password: PASSWORD };
}

/** Fails with the list of axe-core violations (WCAG 2.x A/AA and best practices), if any. */
export async function expectAccessible(page: Page, where = page.url()): Promise<void> {
  expect({ where, violations: await axeViolations(page) }).toEqual({ where, violations: [] });
}

/** The element that has focus: its tag, id and text, for assertions. */
export function focused(page: Page): Promise<{ tag: string; id: string; text: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName.toLowerCase() ?? '', id: el?.id ?? '', text: (el?.textContent ?? '').trim() };
  });
}
