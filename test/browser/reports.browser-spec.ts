import { getDataSourceToken } from '@nestjs/typeorm';
import type { INestApplicationContext } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { ReportsRollupService } from '../../apps/api/src/modules/reports/rollup.service';
import { startWorker, type RunningApi } from '../support/app';
import { launchBrowser, overflowsHorizontally } from '../support/browser';
import { createPublishedCourse } from '../support/national-id-receiver-fixtures';
import { deleteKeysWithPrefix, ownQueuePrefix } from '../support/redis-keys';
import { createPerson, createTree, type TestPerson, type TestTree, type TestUnit } from '../support/scope-fixtures';
import { DESKTOP, expectAccessible, newPage, PHONE, startWebApi } from '../support/web';

/**
 * Reports for officials, tried in Chromium: a province official drills down from the province to a
 * commune, a commune official sees only theirs (another commune's report answers 403), targets are
 * entered and imported, and a quarterly report made by the real worker downloads with the figures
 * computed here straight from the raw rows the test wrote.
 */
describe('reports for officials in Chromium', () => {
  const prefix = ownQueuePrefix('reports-browser');
  let api: RunningApi;
  let worker: INestApplicationContext;
  let db: DataSource;
  let browser: Browser;
  let page: Page;
  let tree: TestTree;
  let provinceOfficial: TestPerson;
  let communeOfficial: TestPerson;

  // Vietnam's calendar: the quarter a report of "now" covers.
  const vnNow = new Date(Date.now() + 7 * 3_600_000);
  const year = vnNow.getUTCFullYear();
  const quarter = Math.floor(vnNow.getUTCMonth() / 3) + 1;
  const quarterEnd = new Date(Date.UTC(year, quarter * 3, 0)).toISOString().slice(0, 10);
  const quarterStart = `${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01`;

  interface Learner {
    unit: TestUnit;
    /** Days ago the account was made (some before the quarter). */
    age: number;
    enrolled?: boolean;
    completed?: boolean;
    certified?: boolean;
    confirmed?: boolean;
    active?: boolean;
    household?: string;
  }

  /** Raw rows as the identity, learning, certificates and household modules write them. */
  async function seedLearners(learners: Learner[]): Promise<void> {
    const course = await createPublishedCourse(db);
    const households = new Map<string, string>();
    for (const [i, l] of learners.entries()) {
      const [{ id }] = (await db.query(
        `INSERT INTO users (display_name, unit_id, target_group, created_at) VALUES ($1, $2, 'citizens', now() - make_interval(days => $3)) RETURNING id`,
        [`Người học ${tree.tag} ${i}`, l.unit.id, l.age],
      )) as [{ id: string }];
      if (l.enrolled) await db.query(`INSERT INTO enrolments (user_id, course_id, version_id, enrolled_at) VALUES ($1, $2, $3, now() - interval '2 hours')`, [id, course.courseId, course.versionId]);
      if (l.completed) await db.query(`INSERT INTO course_completions (user_id, course_id, version_id, completed_at, notified_at) VALUES ($1, $2, $3, now() - interval '1 hour', now())`, [id, course.courseId, course.versionId]);
      for (const [kind, wanted, ref] of [['course', l.certified, course.courseId], ['universalisation', l.confirmed, 'citizens']] as const) {
        if (!wanted) continue;
        await db.query(
          `INSERT INTO certificates (id, serial, user_id, achievement_kind, achievement_ref, achievement_name, recipient_name, issued_at, status_index, key_id, credential, pdf_key)
           VALUES ($1, $2, $3, $4, $5, '{"vi":"Phổ cập","en":"Coverage"}', $6, now() - interval '30 minutes', $7, 'k1', '{}', 'none')`,
          [randomUUID(), `T-${randomBytes(6).toString('hex')}`.slice(0, 20), id, kind, ref, `Người học ${i}`, randomInt(1_000_000_000, 2_000_000_000)],
        );
      }
      if (l.active) {
        await db.query(
          `INSERT INTO progress_events (user_id, client_event_id, course_id, lesson_id, lesson_key, type, occurred_at) VALUES ($1, $2, $3, $4, $5, 'lesson_opened', now() - interval '3 hours')`,
          [id, randomUUID(), course.courseId, randomUUID(), randomUUID()],
        );
      }
      if (l.household) {
        let household = households.get(l.household);
        if (!household) {
          [{ id: household }] = (await db.query(`INSERT INTO households (unit_id, name, join_code) VALUES ($1, $2, $3) RETURNING id`, [l.unit.id, `Hộ ${l.household}`, randomBytes(5).toString('hex')])) as [{ id: string }];
          households.set(l.household, household);
        }
        await db.query(`INSERT INTO household_members (user_id, household_id) VALUES ($1, $2)`, [id, household]);
      }
    }
  }

  /**
   * The figures of a unit's subtree at the end of the quarter, straight from the raw tables (the
   * definitions of /work/coord/reports-api.md), in the report's columns from "Đăng ký" on.
   */
  async function expectedRow(unit: TestUnit): Promise<(number | string)[]> {
    const day = (column: string) => `(${column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
    const [f] = (await db.query(
      `WITH people AS (SELECT u.* FROM users u JOIN administrative_units au ON au.id = u.unit_id WHERE au.path LIKE $1 || '%'),
            as_of AS (SELECT least($3::date, ${day('now()')}) AS d)
       SELECT
         (SELECT count(*) FROM people WHERE ${day('created_at')} <= $3)::int AS registered,
         (SELECT count(*) FROM people WHERE ${day('created_at')} BETWEEN $2 AND $3)::int AS new_registered,
         (SELECT count(DISTINCT p.id) FROM people p JOIN progress_events e ON e.user_id = p.id
           WHERE ${day('least(e.occurred_at, e.received_at)')} BETWEEN (SELECT d FROM as_of) - 29 AND (SELECT d FROM as_of))::int AS active,
         (SELECT count(DISTINCT p.id) FROM people p JOIN enrolments e ON e.user_id = p.id WHERE ${day('e.enrolled_at')} <= $3)::int AS enrolled,
         (SELECT count(DISTINCT p.id) FROM people p JOIN course_completions c ON c.user_id = p.id WHERE ${day('c.completed_at')} <= $3)::int AS completed,
         (SELECT count(DISTINCT p.id) FROM people p JOIN certificates c ON c.user_id = p.id WHERE c.revoked_at IS NULL AND ${day('c.issued_at')} <= $3)::int AS certified,
         (SELECT count(DISTINCT p.id) FROM people p JOIN certificates c ON c.user_id = p.id
           WHERE c.revoked_at IS NULL AND c.achievement_kind = 'universalisation' AND ${day('c.issued_at')} <= $3)::int AS confirmed,
         (SELECT count(DISTINCT p.id) FROM people p JOIN certificates c ON c.user_id = p.id
           WHERE c.revoked_at IS NULL AND c.achievement_kind = 'universalisation' AND ${day('c.issued_at')} BETWEEN $2 AND $3)::int AS new_confirmed,
         (SELECT sum(population) FROM unit_populations up JOIN administrative_units au ON au.id = up.unit_id WHERE au.path LIKE $1 || '%' AND up.year = $4)::int AS population,
         (SELECT count(DISTINCT h.id) FROM households h JOIN administrative_units au ON au.id = h.unit_id
            JOIN household_members m ON m.household_id = h.id JOIN enrolments e ON e.user_id = m.user_id
           WHERE au.path LIKE $1 || '%' AND ${day('e.enrolled_at')} <= $3)::int AS households`,
      [unit.path, quarterStart, quarterEnd, year],
    )) as [Record<string, number>];
    const shown = (n: number) => (n > 0 && n < 5 ? '<5' : n);
    const confirmed = shown(f.confirmed!);
    const coverage = confirmed === '<5' ? '<5' : Math.round((f.confirmed! / f.population!) * 1000) / 10;
    return [
      shown(f.registered!),
      shown(f.new_registered!),
      shown(f.active!),
      shown(f.enrolled!),
      shown(f.completed!),
      shown(f.certified!),
      confirmed,
      confirmed === '<5' ? '<5' : shown(f.new_confirmed!),
      f.population!,
      coverage,
      shown(f.households!),
    ];
  }

  beforeAll(async () => {
    api = await startWebApi({ QUEUE_PREFIX: prefix });
    worker = await startWorker({ QUEUE_PREFIX: prefix });
    db = api.app.get<DataSource>(getDataSourceToken());
    tree = await createTree(db);
    provinceOfficial = await createPerson(db, { name: `Cán bộ tỉnh ${tree.tag}`, roles: [{ role: 'official', unit: tree.province }] });
    communeOfficial = await createPerson(db, { name: `Cán bộ xã A ${tree.tag}`, roles: [{ role: 'official', unit: tree.communeA }] });
    for (const [unit, population] of [
      [tree.communeA, 40],
      [tree.communeB, 30],
    ] as const) {
      await db.query(`INSERT INTO unit_populations (unit_id, target_group, year, population) VALUES ($1, 'citizens', $2, $3)`, [unit.id, year, population]);
    }
    const full = { enrolled: true, completed: true, certified: true, confirmed: true, active: true };
    const { villageA1: a1, villageA2: a2, villageB1: b1 } = tree;
    await seedLearners([
      // Commune A: 9 people (two registered long before this quarter), 6 confirmed.
      { unit: a1, age: 200, ...full, household: 'a' },
      { unit: a1, age: 120, ...full, household: 'a' },
      { unit: a1, age: 0, ...full, household: 'b' },
      { unit: a1, age: 0, ...full },
      { unit: a2, age: 0, ...full },
      { unit: a2, age: 0, ...full },
      { unit: a2, age: 0, enrolled: true, completed: true, active: true },
      { unit: a2, age: 0, enrolled: true },
      { unit: tree.communeA, age: 0 },
      // Commune B: 6 people, 1 confirmed (a small count, hidden in the files).
      { unit: b1, age: 0, ...full, household: 'c' },
      { unit: b1, age: 0, enrolled: true, active: true },
      { unit: b1, age: 0, enrolled: true },
      { unit: b1, age: 0 },
      { unit: b1, age: 0 },
      { unit: tree.communeB, age: 0 },
    ]);
    // What the rollup job does every few minutes.
    await api.app.get(ReportsRollupService).refresh();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
    await deleteKeysWithPrefix(prefix);
  });

  afterEach(() => page?.context().close());

  async function pageAs(person: TestPerson, viewport = PHONE): Promise<Page> {
    page = await newPage(browser, viewport);
    await page.context().addCookies([{ name: 'hocso_session', value: person.token!, url: api.url, httpOnly: true, sameSite: 'Lax' }]);
    return page;
  }

  const percent = (share: number) => new Intl.NumberFormat('vi', { style: 'percent', maximumFractionDigits: 1 }).format(share);
  const ranking = (name: string) => page.getByRole('table', { name: `Các đơn vị trực thuộc ${name}, xếp theo tỉ lệ phổ cập (cao nhất trước)` });
  const rowNames = (name: string) => ranking(name).locator('tbody th[scope="row"]').allTextContents();

  it('a province official sees every commune ranked by coverage and drills down to a commune and back', async () => {
    await pageAs(provinceOfficial, DESKTOP);
    await page.goto(`${api.url}/quan-tri`);
    await page.getByRole('navigation', { name: 'Các mục quản trị' }).getByRole('link', { name: 'Báo cáo' }).click();
    await page.getByRole('heading', { level: 1, name: tree.province.name }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/quan-tri/bao-cao/${tree.province.id}`);
    expect(await rowNames(tree.province.name)).toEqual([tree.communeA.name, tree.communeB.name]);
    const rowA = ranking(tree.province.name).getByRole('row').filter({ has: page.getByRole('rowheader', { name: tree.communeA.name }) });
    expect(await rowA.getByRole('cell').allTextContents()).toEqual(['Hạng1', `Tỉ lệ phổ cập${percent(6 / 40)}`, 'Được xác nhận phổ cập6', 'Hoàn thành khoá học7', 'Người đăng ký9']);
    const figures = page.getByTestId('key-figures');
    expect(await figures.locator('div', { hasText: 'Người đăng ký' }).locator('dd').textContent()).toBe('15');
    expect(await figures.locator('div', { hasText: 'Tỉ lệ phổ cập' }).locator('dd').textContent()).toBe(percent(7 / 70));
    // The trend chart: an image with a summary, and its figures as a table on request.
    const trend = page.getByRole('img', { name: /^Người đăng ký: từ/ });
    expect(await trend.getAttribute('aria-label')).toContain('Được xác nhận phổ cập: từ');
    await page.getByRole('button', { name: 'Xem số liệu dạng bảng' }).first().click();
    const hide = page.getByRole('button', { name: 'Ẩn bảng số liệu' });
    expect(await hide.getAttribute('aria-expanded')).toBe('true');
    const trendTable = page.locator(`[id="${await hide.getAttribute('aria-controls')}"] table`);
    expect(await trendTable.isVisible()).toBe(true);
    expect(await trendTable.locator('thead th').allTextContents()).toEqual(['Kỳ', 'Người đăng ký', 'Hoàn thành khoá học', 'Được xác nhận phổ cập']);
    await expectAccessible(page, 'dashboard province desktop');

    await page.setViewportSize(PHONE);
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectAccessible(page, 'dashboard province 360px');

    await ranking(tree.province.name).getByRole('link', { name: tree.communeA.name }).click();
    await page.getByRole('heading', { level: 1, name: tree.communeA.name }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/quan-tri/bao-cao/${tree.communeA.id}`);
    expect((await rowNames(tree.communeA.name)).sort()).toEqual([tree.villageA1.name, tree.villageA2.name].sort());
    await ranking(tree.communeA.name).getByRole('link', { name: tree.villageA1.name }).click();
    await page.getByRole('heading', { level: 1, name: tree.villageA1.name }).waitFor();
    const breadcrumb = page.getByRole('navigation', { name: 'Vị trí của đơn vị' });
    expect(await breadcrumb.getByRole('link').allTextContents()).toEqual(['Tất cả', tree.province.name, tree.communeA.name]);
    await breadcrumb.getByRole('link', { name: tree.province.name }).click();
    await page.getByRole('heading', { level: 1, name: tree.province.name }).waitFor();
  });

  it('a commune official sees only their commune; another commune answers “not in your area”, and its report 403', async () => {
    // A report of commune B, requested by the province official.
    const asProvince = await pageAs(provinceOfficial, PHONE);
    const created = await asProvince.request.post(`${api.url}/api/v1/reports/jobs`, {
      data: { unitId: tree.communeB.id, kind: 'quarter', year, part: quarter },
      headers: { 'x-csrf-token': provinceOfficial.csrfToken! },
    });
    expect(created.status()).toBeLessThan(300);
    const jobB = (await created.json()) as { id: string };
    await asProvince.context().close();

    await pageAs(communeOfficial, PHONE);
    await page.goto(`${api.url}/quan-tri/bao-cao`);
    await page.getByRole('heading', { level: 1, name: tree.communeA.name }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/quan-tri/bao-cao/${tree.communeA.id}`);
    expect(await page.getByRole('navigation', { name: 'Vị trí của đơn vị' }).getByRole('link').allTextContents()).toEqual(['Tất cả']);
    expect((await rowNames(tree.communeA.name)).sort()).toEqual([tree.villageA1.name, tree.villageA2.name].sort());
    expect(await overflowsHorizontally(page)).toBe(false);

    await page.goto(`${api.url}/quan-tri/bao-cao/${tree.communeB.id}`);
    await page.getByText('Không tìm thấy, hoặc nằm ngoài phạm vi của bạn.').waitFor();
    // With the commune official's cookie: commune B's report and its file are refused.
    for (const path of [`/api/v1/reports/jobs/${jobB.id}`, `/api/v1/reports/jobs/${jobB.id}/file.csv`]) {
      const res = await page.request.get(`${api.url}${path}`);
      expect({ path, status: res.status() }).toEqual({ path, status: 403 });
    }
    expect((await page.request.get(`${api.url}/api/v1/reports/units/${tree.communeB.id}/dashboard`)).status()).toBe(404);
  });

  it('enters a target and imports targets from CSV, showing the faulty lines; the dashboard shows target vs actual', async () => {
    await pageAs(provinceOfficial, PHONE);
    await page.goto(`${api.url}/quan-tri/chi-tieu?don-vi=${tree.communeA.id}&nam=${year}`);
    await page.getByRole('heading', { level: 1, name: 'Chỉ tiêu' }).waitFor();
    await page.getByText('Chưa có chỉ tiêu nào.').waitFor();
    await page.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
    await page.locator('.error-summary').getByRole('link', { name: 'Hãy chọn nhóm đối tượng' }).waitFor();
    await page.getByLabel('Nhóm đối tượng').selectOption('all');
    await page.getByLabel('Loại số liệu').selectOption('coverage_percent');
    await page.getByLabel('Chỉ tiêu', { exact: true }).fill('50');
    await page.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
    await page.getByText(`Đã lưu chỉ tiêu: Tỉ lệ phổ cập (%), Mọi nhóm đối tượng, năm ${year} — ${percent(0.5)}.`).waitFor();
    await page.getByRole('table', { name: `Chỉ tiêu năm ${year} của ${tree.communeA.name}` }).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectAccessible(page, 'targets 360px');

    const file = page.locator('input[type="file"]#targets-file');
    await file.setInputFiles({
      name: 'chi-tieu.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`unit_code,target_group,year,metric,value\n${tree.communeA.code},citizens,${year},confirmed_count,20\n${tree.communeA.code},citizens,${year},confirmed_count,-3\nKHONG-CO,all,${year},confirmed_count,5\n`),
    });
    await page.getByRole('button', { name: 'Nhập chỉ tiêu' }).click();
    await page.locator('.error-summary').getByText('Tệp có lỗi nên chưa nhập dòng nào.', { exact: false }).waitFor();
    const lines = await page.locator('.line-errors li').allTextContents();
    expect(lines.some((l) => l.startsWith('Dòng 3'))).toBe(true);
    expect(lines.some((l) => l.startsWith('Dòng 4'))).toBe(true);
    await page.setViewportSize(DESKTOP);
    await expectAccessible(page, 'targets with line errors desktop');
    await file.setInputFiles({
      name: 'chi-tieu.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`unit_code,target_group,year,metric,value\n${tree.communeA.code},citizens,${year},confirmed_count,20\n`),
    });
    await page.getByRole('button', { name: 'Nhập chỉ tiêu' }).click();
    await page.getByText('Đã nhập: 1 chỉ tiêu mới', { exact: false }).waitFor();

    await page.goto(`${api.url}/quan-tri/bao-cao/${tree.communeA.id}?nam=${year}`);
    const targets = page.locator('.target-list');
    await targets.waitFor();
    const coverage = targets.locator('li', { hasText: 'Tỉ lệ phổ cập (%) — Mọi nhóm đối tượng' });
    expect(await coverage.locator('.target-row__numbers').textContent()).toBe(`${percent(0.15)} / ${percent(0.5)} (${percent(0.3)})`);
    const confirmed = targets.locator('li', { hasText: 'Số người được xác nhận phổ cập — Người dân' });
    expect(await confirmed.locator('.target-row__numbers').textContent()).toBe(`6 / 20 (${percent(0.3)})`);
  });

  it('requests a quarterly report that the worker makes; the downloads hold the figures computed from the raw rows', async () => {
    await pageAs(provinceOfficial, DESKTOP);
    await page.goto(`${api.url}/quan-tri/bao-cao-dinh-ky`);
    await page.getByRole('heading', { level: 1, name: 'Báo cáo định kỳ' }).waitFor();
    await page.getByLabel('Đơn vị').selectOption(tree.province.id);
    await page.getByLabel('Báo cáo quý').check();
    await page.getByLabel('Năm', { exact: true }).selectOption(String(year));
    await page.getByLabel('Quý', { exact: true }).selectOption(String(quarter));
    await page.getByRole('button', { name: 'Yêu cầu báo cáo' }).click();
    const name = `Quý ${quarter}/${year} — ${tree.province.name}`;
    await page.getByText(`Đã nhận yêu cầu: ${name}.`).waitFor();
    const csvLink = page.getByRole('link', { name: `Tải CSV của ${name}` });
    await csvLink.waitFor({ timeout: 60_000 }); // made by the worker; the list polls
    await expectAccessible(page, 'periodic reports desktop');

    const [download] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`\\.csv$`));
    const csv = parseCsv((await readFile((await download.path())!, 'utf8')).replace(/^\ufeff/, ''));
    const header = csv.find((row) => row[0] === 'Đơn vị / Unit')!;
    const at = COLUMNS.map((name) => header.indexOf(name));
    expect(at).not.toContain(-1);
    const row = (unit: TestUnit) => at.map((i) => csv.find((r) => r[1] === unit.code)![i]!).map((cell) => (cell === '<5' || cell === '' ? cell : Number(cell)));
    for (const unit of [tree.province, tree.communeA, tree.communeB]) {
      expect({ unit: unit.name, row: row(unit) }).toEqual({ unit: unit.name, row: await expectedRow(unit) });
    }
    // Sanity of the raw data itself: the small counts of commune B are hidden, commune A's are not.
    expect(row(tree.communeB)[6]).toBe('<5');
    expect(row(tree.communeA)[6]).toBe(6);
    expect(row(tree.province)[9]).toBe(10); // 7 confirmed of 70 people

    const xlsxHref = await page.getByRole('link', { name: `Tải XLSX của ${name}` }).getAttribute('href');
    const xlsx = await page.request.get(`${api.url}${xlsxHref}`);
    expect(xlsx.status()).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.body()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    let sheetRow: (string | number)[] | undefined;
    sheet.eachRow((r) => {
      const values = (r.values as (string | number)[]).slice(1);
      if (values[1] === tree.communeA.code && !sheetRow) sheetRow = at.map((i) => values[i]!);
    });
    expect(sheetRow).toEqual(await expectedRow(tree.communeA));
    const pdfHref = await page.getByRole('link', { name: `Tải PDF của ${name}` }).getAttribute('href');
    const pdf = await page.request.get(`${api.url}${pdfHref}`);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    await page.setViewportSize(PHONE);
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectAccessible(page, 'periodic reports 360px');
  });
});

/** The report's columns whose figures the test recomputes from the raw rows (in this order). */
const COLUMNS = [
  'Đăng ký / Registered',
  'Đăng ký mới trong kỳ / New registrations',
  'Hoạt động 30 ngày / Active 30 days',
  'Ghi danh / Enrolled',
  'Hoàn thành / Completed',
  'Có chứng chỉ / Certified',
  'Đã xác nhận / Confirmed',
  'Xác nhận mới trong kỳ / Newly confirmed',
  'Dân số / Population',
  'Độ bao phủ (%) / Coverage (%)',
  'Hộ gia đình / Households covered',
];

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}
