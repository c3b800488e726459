import { getDataSourceToken } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import type { RunningApi } from '../support/app';
import { launchBrowser, overflowsHorizontally } from '../support/browser';
import { createPerson, createTree, type TestPerson, type TestTree, type TestUnit } from '../support/scope-fixtures';
import { DESKTOP, expectAccessible, focused, newPage, PHONE, startWebApi } from '../support/web';

describe('administration in Chromium', () => {
  let api: RunningApi;
  let db: DataSource;
  let browser: Browser;
  let page: Page;
  let tree: TestTree;
  let official: TestPerson;
  let administrator: TestPerson;
  let learnerA1: TestPerson;
  let learnerA2: TestPerson;
  let learnerB1: TestPerson;

  /** A "Digital Family" of these members, in a unit. */
  async function household(unit: TestUnit, members: TestPerson[]): Promise<void> {
    const [{ id }] = (await db.query(`INSERT INTO households (unit_id, name, join_code) VALUES ($1, $2, $3) RETURNING id`, [
      unit.id,
      `Gia đình ${members[0]!.displayName}`,
      randomBytes(6).toString('hex').slice(0, 10),
    ])) as { id: string }[];
    for (const member of members) await db.query(`INSERT INTO household_members (user_id, household_id) VALUES ($1, $2)`, [member.id, id]);
  }

  beforeAll(async () => {
    api = await startWebApi();
    db = api.app.get<DataSource>(getDataSourceToken());
    tree = await createTree(db);
    official = await createPerson(db, { name: `Cán bộ xã A ${tree.tag}`, roles: [{ role: 'official', unit: tree.communeA }] });
    administrator = await createPerson(db, { name: `Quản trị ${tree.tag}`, roles: [{ role: 'administrator' }] });
    learnerA1 = await createPerson(db, { name: `Lò Văn Páo ${tree.tag}`, unit: tree.villageA1 });
    learnerA2 = await createPerson(db, { name: `Lò Thị Mai ${tree.tag}`, unit: tree.communeA, signedIn: false });
    learnerB1 = await createPerson(db, { name: `Vàng A Dính ${tree.tag}`, unit: tree.villageB1 });
    await household(tree.villageA1, [learnerA1]); // covered: its member has a recent session
    await household(tree.villageA2, [learnerA2]);
    await household(tree.villageB1, [learnerB1]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });
  afterEach(() => page?.context().close());

  /** A browser signed in as `person` (their session cookie, as the API sets it). */
  async function pageAs(person: TestPerson, viewport = PHONE, lang: 'vi' | 'en' = 'vi'): Promise<Page> {
    page = await newPage(browser, viewport);
    await page.context().addCookies([{ name: 'hocso_session', value: person.token!, url: api.url, httpOnly: true, sameSite: 'Lax' }]);
    if (lang === 'en') await page.addInitScript(() => window.localStorage.setItem('hocso.lang', 'en'));
    return page;
  }

  const rowNames = () => page.locator('table tbody th[scope="row"]').allTextContents();

  it('shows an official the users of their commune only, as cards on a 360 px phone', async () => {
    await pageAs(official);
    await page.goto(api.url);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Quản trị' }).click();
    await page.getByRole('heading', { level: 1, name: 'Người dùng' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/quan-tri/nguoi-dung');
    expect(await focused(page)).toMatchObject({ tag: 'h1' });
    await page.getByText(`Phạm vi của bạn: ${tree.communeA.name}`).waitFor();
    const table = page.getByRole('table', { name: /^Người dùng trong phạm vi của bạn/ });
    await table.waitFor();
    expect((await rowNames()).sort()).toEqual([learnerA1.displayName, learnerA2.displayName].sort());
    expect(await table.locator('caption').textContent()).toBe('Người dùng trong phạm vi của bạn (2 người)');
    // Cards on a phone: rows are blocks, and each value shows its column name.
    expect(await table.locator('tbody tr').first().evaluate((el) => getComputedStyle(el).display)).toBe('block');
    expect(await table.locator('tbody tr').first().locator('.cell-label').first().isVisible()).toBe(true);
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectAccessible(page);

    await page.setViewportSize(DESKTOP);
    expect(await table.locator('tbody tr').first().evaluate((el) => getComputedStyle(el).display)).toBe('table-row');
    expect(await table.locator('tbody tr').first().locator('.cell-label').first().isVisible()).toBe(false);
    await expectAccessible(page);

    // Search by name, then by phone number.
    await page.getByRole('searchbox', { name: 'Tìm theo tên, số điện thoại hoặc email' }).fill('Páo');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByRole('table', { name: /^Người dùng khớp với “Páo”/ }).waitFor();
    expect(await rowNames()).toEqual([learnerA1.displayName]);
    await page.getByRole('searchbox').fill(learnerB1.phone!);
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByText('Không tìm thấy người dùng nào.').waitFor();
  });

  it('pages through a long list of users, 20 at a time, keeping the place of focus', async () => {
    const officialB = await createPerson(db, { name: `Cán bộ xã B ${tree.tag}`, roles: [{ role: 'official', unit: tree.communeB }] });
    for (let i = 0; i < 21; i++) await createPerson(db, { name: `Người dân B ${String(i).padStart(2, '0')} ${tree.tag}`, unit: tree.villageB1, signedIn: false });
    await pageAs(officialB, DESKTOP);
    await page.goto(`${api.url}/quan-tri/nguoi-dung`);
    const table = page.getByRole('table', { name: 'Người dùng trong phạm vi của bạn (22 người)' });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(20);
    const pager = page.getByRole('navigation', { name: 'Chuyển trang' });
    expect(await pager.textContent()).toBe('Trang 1 / 2Trang sau');
    await pager.getByRole('link', { name: 'Trang sau' }).click();
    await page.getByText('Trang 2 / 2').waitFor();
    expect(await table.locator('tbody tr').count()).toBe(2);
    expect(new URL(page.url()).searchParams.get('trang')).toBe('2');
    expect(await page.evaluate(() => document.activeElement?.querySelector('table') !== null)).toBe(true);
    await expectAccessible(page);
    await pager.getByRole('link', { name: 'Trang trước' }).click();
    await page.getByText('Trang 1 / 2').waitFor();
  });

  it('lets an official grant and revoke the Digital Ambassador role, and keeps people of other communes out of reach', async () => {
    await pageAs(official, DESKTOP);
    await page.goto(`${api.url}/quan-tri/nguoi-dung`);
    await page.getByRole('link', { name: learnerA1.displayName }).click();
    await page.getByRole('heading', { level: 1, name: learnerA1.displayName }).waitFor();
    await page.getByText('Người học (như mọi người dùng). Chưa có vai trò nào khác.').waitFor();
    await expectAccessible(page);

    // An official may grant only facilitator and mentor.
    const roleSelect = page.getByRole('combobox', { name: 'Vai trò', exact: true });
    expect(await roleSelect.locator('option').allTextContents()).toEqual(['Chọn vai trò', 'Người hướng dẫn lớp học cộng đồng', 'Đại sứ số (kèm cặp người học)']);
    await page.getByRole('button', { name: 'Giao vai trò', exact: true }).click();
    await page.locator('.error-summary').getByRole('link', { name: 'Hãy chọn vai trò' }).waitFor();
    await roleSelect.selectOption('mentor');
    await page.getByRole('button', { name: 'Giao vai trò', exact: true }).click();
    await page.getByText('Đã giao vai trò Đại sứ số (kèm cặp người học).').waitFor();
    const roles = page.getByRole('region', { name: 'Vai trò', exact: true });
    await roles.getByText('Đại sứ số (kèm cặp người học)', { exact: true }).waitFor();

    // A facilitator covers a unit of the official's area.
    await roleSelect.selectOption('facilitator');
    const unitSelect = page.getByLabel('Đơn vị mà vai trò phụ trách');
    await unitSelect.locator('option', { hasText: tree.communeA.name }).waitFor({ state: 'attached' });
    expect(await unitSelect.locator('option', { hasText: tree.communeB.name }).count()).toBe(0);
    await unitSelect.selectOption({ label: `${tree.communeA.name} (Xã, phường)` });
    await page.getByRole('button', { name: 'Giao vai trò', exact: true }).click();
    await roles.getByText(`Người hướng dẫn lớp học cộng đồng — ${tree.communeA.name}`, { exact: true }).waitFor();
    await expectAccessible(page);

    await roles.getByRole('button', { name: 'Thu hồi vai trò Đại sứ số (kèm cặp người học)' }).click();
    await page.getByText('Đã thu hồi vai trò Đại sứ số (kèm cặp người học).').waitFor();
    expect(await roles.getByText('Đại sứ số (kèm cặp người học)', { exact: true }).count()).toBe(0);
    const held = (await db.query(`SELECT role FROM role_assignments WHERE user_id = $1 ORDER BY role`, [learnerA1.id])) as { role: string }[];
    expect(held.map((r) => r.role)).toEqual(['facilitator']);

    // Someone of commune B, opened by address: the same answer as for an unknown id.
    await page.goto(`${api.url}/quan-tri/nguoi-dung/${learnerB1.id}`);
    await page.getByText('Không tìm thấy, hoặc nằm ngoài phạm vi của bạn.').waitFor();
  });

  it('browses the unit tree of the official’s area with a breadcrumb, and adds a village', async () => {
    await pageAs(official);
    await page.goto(`${api.url}/quan-tri/don-vi`);
    await page.getByRole('heading', { level: 1, name: 'Đơn vị hành chính' }).waitFor();
    const roots = page.getByRole('table', { name: 'Đơn vị cao nhất trong phạm vi của bạn' });
    await roots.waitFor();
    expect(await rowNames()).toEqual([tree.communeA.name]);
    expect(await page.getByRole('heading', { name: 'Nhập danh sách đơn vị từ tệp CSV' }).count()).toBe(0); // administrators only
    await roots.getByRole('link', { name: tree.communeA.name }).click();
    await page.getByRole('heading', { level: 1, name: tree.communeA.name }).waitFor();
    const breadcrumb = page.getByRole('navigation', { name: 'Vị trí của đơn vị' });
    await breadcrumb.getByText(tree.communeA.name).waitFor();
    // Units above the official's area are named, not linked.
    expect(await breadcrumb.getByRole('link').allTextContents()).toEqual(['Tất cả']);
    expect(await breadcrumb.textContent()).toContain(tree.province.name);
    const children = page.getByRole('table', { name: `Các đơn vị trực thuộc ${tree.communeA.name}` });
    await children.waitFor();
    expect((await rowNames()).sort()).toEqual([tree.villageA1.name, tree.villageA2.name].sort());
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
    await page.locator('.error-summary').getByRole('link', { name: 'Hãy nhập mã đơn vị' }).waitFor();
    await page.getByLabel('Mã đơn vị').fill(tree.villageA1.code); // taken
    await page.getByLabel('Tên đơn vị').fill(`Bản A3 ${tree.tag}`);
    await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
    await page.locator('.error-summary').getByRole('link', { name: 'Mã này đã được dùng cho đơn vị khác' }).waitFor();
    await page.getByLabel('Mã đơn vị').fill(`T${tree.tag}-A3`);
    await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
    await page.getByText(`Đã thêm Bản A3 ${tree.tag}.`).waitFor();
    await children.getByRole('link', { name: `Bản A3 ${tree.tag}` }).waitFor();
  });

  it('counts households by unit, drilling down from the official’s commune', async () => {
    await pageAs(official);
    await page.goto(`${api.url}/quan-tri/ho-gia-dinh`);
    await page.getByRole('heading', { level: 1, name: 'Hộ gia đình số' }).waitFor();
    const table = page.getByRole('table', { name: `Hộ gia đình trong ${tree.communeA.name}, theo đơn vị trực thuộc` });
    await table.waitFor();
    const cells = async (name: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) }).getByRole('cell').allTextContents();
    expect(await cells(tree.villageA1.name)).toEqual(['Số hộ1', 'Số hộ có người học1', 'Tỉ lệ100%']);
    expect(await cells(tree.villageA2.name)).toEqual(['Số hộ1', 'Số hộ có người học0', 'Tỉ lệ0%']);
    expect(await cells(`Cả ${tree.communeA.name}`)).toEqual(['Số hộ2', 'Số hộ có người học1', 'Tỉ lệ50%']);
    expect(await table.textContent()).not.toContain(tree.villageB1.name);
    await expectAccessible(page);
  });

  it('imports units from CSV for an administrator, listing the faulty lines of a refused file', async () => {
    await pageAs(administrator, DESKTOP);
    await page.goto(`${api.url}/quan-tri/don-vi`);
    await page.getByRole('heading', { name: 'Nhập danh sách đơn vị từ tệp CSV' }).waitFor();
    const file = page.locator('input[type="file"]#units-file');
    const code = `T${tree.tag}-C`;
    await file.setInputFiles({
      name: 'don-vi.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`code,name,level,parent_code\n${code},Xã C ${tree.tag},commune,${tree.province.code}\n${code}1,Bản C1,village,KHONG-CO\n${code}2,Bản C2,hamlet,${code}\n`),
    });
    await page.getByRole('button', { name: 'Nhập danh sách' }).click();
    const summary = page.locator('.error-summary');
    await summary.getByText('Tệp có lỗi nên chưa nhập dòng nào.', { exact: false }).waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    const lines = await page.locator('.line-errors li').allTextContents();
    expect(lines.some((l) => l.startsWith('Dòng 3'))).toBe(true);
    expect(lines.some((l) => l.startsWith('Dòng 4'))).toBe(true);
    await expectAccessible(page);
    expect(((await db.query(`SELECT count(*)::int AS n FROM administrative_units WHERE code = $1`, [code])) as { n: number }[])[0]!.n).toBe(0);

    await file.setInputFiles({
      name: 'don-vi.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`code,name,level,parent_code\n${code},Xã C ${tree.tag},commune,${tree.province.code}\n${code}1,Bản C1 ${tree.tag},village,${code}\n`),
    });
    await page.getByRole('button', { name: 'Nhập danh sách' }).click();
    await page.getByText('Đã nhập: 2 đơn vị mới, 0 đơn vị được cập nhật, 0 đơn vị không đổi.').waitFor();
    expect(await page.locator('.line-errors').count()).toBe(0);
  });

  it('shows the 403 page to a learner and sends a visitor who is not signed in to sign in', async () => {
    await pageAs(learnerA1);
    await page.goto(`${api.url}/quan-tri/don-vi`);
    await page.getByRole('heading', { level: 1, name: 'Bạn không có quyền xem trang này' }).waitFor();
    await page.context().clearCookies();
    await page.goto(`${api.url}/quan-tri/ho-gia-dinh`);
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/quan-tri/ho-gia-dinh');
  });

  it('never scrolls sideways on a 360 px phone with extra-large text', async () => {
    await pageAs(administrator, PHONE);
    await page.addInitScript(() => window.localStorage.setItem('hocso.display', JSON.stringify({ fontSize: 'x-large', contrast: 'high', reducedMotion: true })));
    for (const path of [
      '/quan-tri/nguoi-dung',
      `/quan-tri/nguoi-dung/${learnerA1.id}`,
      '/quan-tri/don-vi',
      `/quan-tri/don-vi/${tree.communeA.id}`,
      `/quan-tri/ho-gia-dinh?don-vi=${tree.communeA.id}`,
    ]) {
      await page.goto(`${api.url}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.locator('table, form').first().waitFor();
      await page.locator('.state--loading').first().waitFor({ state: 'detached' });
      expect({ path, overflows: await overflowsHorizontally(page) }).toEqual({ path, overflows: false });
    }
  });

  // English at phone width only: axe's rules do not depend on the language, and longer English texts
  // overflow first on a phone (each scan costs seconds on two shared cores).
  it.each([
    ['vi', PHONE],
    ['en', PHONE],
    ['vi', DESKTOP],
  ] as const)('has no accessibility violation on any administration page (%s, %o)', async (lang, viewport) => {
    await pageAs(administrator, viewport, lang);
    const en = lang === 'en';
    const pages: [string, string][] = [
      ['/quan-tri/nguoi-dung', en ? 'Users' : 'Người dùng'],
      [`/quan-tri/nguoi-dung/${learnerA1.id}`, learnerA1.displayName],
      ['/quan-tri/don-vi', en ? 'Administrative units' : 'Đơn vị hành chính'],
      [`/quan-tri/don-vi/${tree.communeA.id}`, tree.communeA.name],
      [`/quan-tri/ho-gia-dinh?don-vi=${tree.communeA.id}`, en ? 'Digital Family households' : 'Hộ gia đình số'],
    ];
    for (const [path, title] of pages) {
      await page.goto(`${api.url}${path}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.locator('.state--loading').first().waitFor({ state: 'detached' });
      await page.locator('table, form').first().waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await overflowsHorizontally(page)).toBe(false);
      await expectAccessible(page, `${path} ${lang} ${viewport.width}px`);
    }
    await page.setViewportSize({ width: 640, height: 400 }); // 200% zoom of 1280 px
    expect(await overflowsHorizontally(page)).toBe(false);
  });
});
