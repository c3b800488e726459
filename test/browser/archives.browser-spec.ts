import { getDataSourceToken } from '@nestjs/typeorm';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { ZipFile } from 'yazl';
import type { RunningApi } from '../support/app';
import { launchBrowser, overflowsHorizontally } from '../support/browser';
import { createPerson, type TestPerson } from '../support/scope-fixtures';
import { DESKTOP, expectAccessible, newPage, PHONE, startWebApi } from '../support/web';

function zipOf(entries: { name: string; data: string; mode?: number }[]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const e of entries) zip.addBuffer(Buffer.from(e.data), e.name, { mode: e.mode ?? 0o100644 });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

describe('course archive import page in Chromium', () => {
  let api: RunningApi;
  let db: DataSource;
  let browser: Browser;
  let page: Page;
  let author: TestPerson;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hocso-archives-browser-'));
    api = await startWebApi({ MEDIA_WORK_DIR: dir, STORAGE_DIR: join(dir, 'storage') });
    db = api.app.get<DataSource>(getDataSourceToken());
    author = await createPerson(db, { roles: [{ role: 'author' }] });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await rm(dir, { recursive: true, force: true });
  });
  afterEach(() => page?.context().close());

  async function pageAs(person: TestPerson, viewport = PHONE, lang: 'vi' | 'en' = 'vi'): Promise<Page> {
    page = await newPage(browser, viewport);
    await page.context().addCookies([{ name: 'hocso_session', value: person.token!, url: api.url, httpOnly: true, sameSite: 'Lax' }]);
    if (lang === 'en') await page.addInitScript(() => window.localStorage.setItem('hocso.lang', 'en'));
    return page;
  }

  it('shows why a hostile archive is refused (Vietnamese, 360 px, axe-clean), and that nothing was kept', async () => {
    const file = join(dir, 'symlink.zip');
    await writeFile(file, await zipOf([{ name: 'manifest.json', data: '{}' }, { name: 'link', data: '/etc/passwd', mode: 0o120777 }]));
    await pageAs(author);
    await page.goto(`${api.url}/studio/nhap-khoa-hoc`);
    await page.getByRole('heading', { level: 1, name: 'Nhập khoá học từ tệp lưu trữ' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Nhập khoá học' }).click();
    await page.getByText('Hãy chọn một tệp .zip.').waitFor();
    await page.getByLabel('Tệp lưu trữ (.zip)').setInputFiles(file);
    await page.getByRole('button', { name: 'Nhập khoá học' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Tệp lưu trữ bị từ chối' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Mục "link" là liên kết (symlink), không được phép.');
    expect(await alert.textContent()).toContain('Mã lý do: symlink.');
    // Focus moves to the refusal once it is rendered (so a screen reader reads it).
    await page.waitForFunction(() => document.activeElement?.classList.contains('archive-import__refusal'), undefined, { timeout: 5000 });
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectAccessible(page);
  }, 120_000);

  it('imports a valid archive as a draft, in English on a projector-sized screen', async () => {
    const course = JSON.stringify({
      course: {
        slug: `trinh-duyet-${Date.now()}`,
        language: 'vi',
        title: 'Khoá nhập từ trình duyệt',
        summary: 'Tóm tắt',
        translations: {},
        targetGroups: ['citizens'],
        level: 'basic',
        estimatedMinutes: 5,
        sequential: false,
        sourceVersionNumber: 1,
        coverImage: null,
      },
      modules: [
        {
          title: 'Chương 1',
          translations: {},
          lessons: [{ kind: 'text', title: 'Bài 1', body: '<p>Xin chào</p>', estimatedMinutes: 5, completionPercent: 90, translations: {}, competencies: [], video: null }],
        },
      ],
    });
    const { createHash } = await import('node:crypto');
    const manifest = JSON.stringify({
      format: 'hocso-course-archive',
      formatVersion: 1,
      createdAt: new Date().toISOString(),
      generator: 'test',
      files: [{ path: 'course.json', size: Buffer.byteLength(course), sha256: createHash('sha256').update(course).digest('hex') }],
    });
    const file = join(dir, 'valid.zip');
    await writeFile(file, await zipOf([{ name: 'manifest.json', data: manifest }, { name: 'course.json', data: course }]));
    await pageAs(author, DESKTOP, 'en');
    await page.goto(`${api.url}/studio/nhap-khoa-hoc`);
    await page.getByRole('heading', { level: 1, name: 'Import a course from an archive' }).waitFor();
    await page.getByLabel('Archive file (.zip)').setInputFiles(file);
    await page.getByRole('button', { name: 'Import course' }).click();
    await page.getByRole('heading', { name: 'Course imported' }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Course imported' }).textContent()).toContain('"Khoá nhập từ trình duyệt" was created as a draft');
    await expectAccessible(page);
  }, 120_000);
});
