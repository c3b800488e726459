import { getDataSourceToken } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { CertificatesService } from '../../apps/api/src/modules/certificates/certificates.service';
import { cookieName } from '../../apps/api/src/modules/identity/cookies';
import { SESSION_COOKIE } from '../../apps/api/src/modules/identity/sessions.service';
import type { RunningApi } from '../support/app';
import { launchBrowser, overflowsHorizontally } from '../support/browser';
import { completeCourse, createPublishedCourse } from '../support/national-id-receiver-fixtures';
import { createPerson } from '../support/scope-fixtures';
import { DESKTOP, expectAccessible, newPage, PHONE, signUpByApi, startWebApi } from '../support/web';

// Sign-up (argon2) and a PDF render on a shared, loaded machine: more than jest's default 30 s per test.
jest.setTimeout(120_000);

describe('certificates in Chromium: my certificates, public verification, delivery log', () => {
  let api: RunningApi;
  let browser: Browser;
  let db: DataSource;

  beforeAll(async () => {
    api = await startWebApi({ CERT_SIGNING_KEYS: JSON.stringify([{ id: 'k1', seed: randomBytes(32).toString('hex') }]), CERT_SWEEP_MINUTES: '0' });
    db = api.app.get<DataSource>(getDataSourceToken());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  async function learnerWithCertificate(page: Page): Promise<{ serial: string; id: string }> {
    const account = await signUpByApi(page, api.url, 'Nguyễn Thị Hồng Nhung');
    const course = await createPublishedCourse(db);
    await completeCourse(db, account.id, course);
    const outcome = await api.app.get(CertificatesService).issue({ userId: account.id, kind: 'course', ref: course.courseId });
    const [row] = (await db.query(`SELECT serial FROM certificates WHERE id = $1`, [outcome.certificateId])) as [{ serial: string }];
    return { serial: row.serial, id: outcome.certificateId! };
  }

  it('a learner on a phone downloads the PDF and the credential, opens the verification page and checks the credential', async () => {
    const page = await newPage(browser, PHONE);
    const { serial, id } = await learnerWithCertificate(page);
    await page.goto(`${api.url}/chung-chi`);
    await page.getByRole('heading', { level: 1, name: 'Chứng chỉ của tôi' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Dùng điện thoại thông minh an toàn' }).waitFor();
    await expectAccessible(page);
    expect(await overflowsHorizontally(page)).toBe(false);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: `Tải bản PDF của chứng chỉ ${serial}` }).click()]);
    expect(download.suggestedFilename()).toBe(`${serial}.pdf`);
    const credentialRes = await page.request.get(`${api.url}/api/v1/me/certificates/${id}/credential`);
    expect(credentialRes.status()).toBe(200);
    const credential = await credentialRes.text();

    await page.getByRole('link', { name: `Trang xác minh của chứng chỉ ${serial}` }).click();
    await page.waitForURL(`**/xac-minh/${serial}`);
    await page.getByRole('heading', { level: 2, name: 'Còn hiệu lực' }).waitFor();
    await expectAccessible(page);
    expect(await overflowsHorizontally(page)).toBe(false);

    await page.getByLabel('Nội dung chứng chỉ số (JSON)').fill(credential);
    await page.getByRole('button', { name: 'Kiểm tra chữ ký' }).click();
    await page.locator('[data-testid="credential-verdict"][data-verified="true"]').waitFor();
    const edited = credential.replace('Nguyễn Thị Hồng Nhung', 'Nguyễn Thị Hồng Nhunq');
    await page.getByLabel('Nội dung chứng chỉ số (JSON)').fill(edited);
    await page.getByRole('button', { name: 'Kiểm tra chữ ký' }).click();
    await page.locator('[data-testid="credential-verdict"][data-verified="false"]').waitFor();
    await page.getByText('Không hợp lệ: chứng chỉ số đã bị sửa').waitFor();
    await expectAccessible(page);
    await page.context().close();
  });

  it('anyone (QR code) sees only name, achievement, date, issuer and status, in English too; a revoked one shows revoked', async () => {
    const owner = await newPage(browser, PHONE);
    const { serial } = await learnerWithCertificate(owner);
    await owner.context().close();

    const page = await newPage(browser, DESKTOP);
    await page.goto(`${api.url}/xac-minh/${serial}`);
    await page.getByRole('heading', { level: 2, name: 'Còn hiệu lực' }).waitFor();
    const facts = await page.locator('.cert-verdict dt').allTextContents();
    expect(facts).toEqual(['Người được cấp', 'Thành tích', 'Ngày cấp', 'Đơn vị cấp', 'Số hiệu', 'Trạng thái']);
    await page.getByText('Nguyễn Thị Hồng Nhung').waitFor();

    // An administrator revokes it from the delivery-log page.
    const admin = await createPerson(db, { roles: [{ role: 'administrator' }] });
    const adminPage = await newPage(browser, PHONE);
    await adminPage.context().addCookies([{ name: cookieName(SESSION_COOKIE, false), value: admin.token!, url: api.url }]);
    await adminPage.goto(`${api.url}/quan-tri/xac-nhan`);
    await adminPage.getByRole('heading', { level: 1, name: 'Xác nhận gửi hệ thống định danh' }).waitFor();
    await expectAccessible(adminPage);
    expect(await overflowsHorizontally(adminPage)).toBe(false);
    await adminPage.getByLabel('Số hiệu chứng chỉ').fill(serial);
    await adminPage.getByLabel('Lý do thu hồi').fill('Cấp nhầm người');
    await adminPage.getByRole('button', { name: 'Thu hồi' }).click();
    await adminPage.getByText(`Đã thu hồi chứng chỉ ${serial}.`).waitFor();
    await adminPage.context().close();

    await page.evaluate(() => window.localStorage.setItem('hocso.lang', 'en'));
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Verify a certificate' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Revoked' }).waitFor();
    await expectAccessible(page);

    await page.goto(`${api.url}/xac-minh/HS-2026-0000-0000`);
    await page.getByText('No certificate has this serial').waitFor();
    await page.context().close();
  });
});
