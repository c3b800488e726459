import { startPdf } from '../../common/pdf';
import { escapeFormula, SUPPRESSED, suppressCount, toCsv } from './cells';
import type { FiguresDto } from './dto/reports.dto';

/** What a periodic report holds: the unit's subtree, each child unit, and each target group of the unit. */
export interface ReportContent {
  unit: { code: string; name: string };
  period: { label: string; from: string; to: string };
  generatedAt: Date;
  issuer: string;
  total: FiguresDto;
  children: { code: string; name: string; figures: FiguresDto }[];
  targetGroups: { name: string; figures: FiguresDto }[];
}

export type Cell = string | number;

/** Column headers (Vietnamese / English). */
export const REPORT_COLUMNS = [
  'Đơn vị / Unit',
  'Mã / Code',
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
  'Buổi học cộng đồng trong kỳ / Class sessions held in period',
  'Lượt tham dự trong kỳ / Attendance in period',
  'Người kèm cặp / Mentors',
  'Người được kèm cặp / Mentees',
] as const;

/**
 * One table row of figures as published: counts 1–4 become "<5" (and so does the coverage of a row
 * whose confirmed count is hidden, since population and coverage would give it away); no personal data.
 */
export function figureCells(name: string, code: string, f: FiguresDto): Cell[] {
  const confirmed = suppressCount(f.confirmed);
  const coverage = f.coverage === null ? '' : confirmed === SUPPRESSED ? SUPPRESSED : Math.round(f.coverage * 1000) / 10;
  return [
    name,
    code,
    suppressCount(f.registered),
    suppressCount(f.newInPeriod.registered),
    suppressCount(f.active30d),
    suppressCount(f.enrolled),
    suppressCount(f.completed),
    suppressCount(f.certified),
    confirmed,
    confirmed === SUPPRESSED ? SUPPRESSED : suppressCount(f.newInPeriod.confirmed),
    f.population ?? '',
    coverage,
    suppressCount(f.householdsCovered),
    f.newInPeriod.classesHeld,
    suppressCount(f.newInPeriod.attendance),
    suppressCount(f.mentors),
    suppressCount(f.mentees),
  ];
}

/** The report as rows of cells (title block, header, the unit, its children, its target groups). Text cells are not escaped yet. */
export function reportRows(c: ReportContent): Cell[][] {
  const rows: Cell[][] = [
    [`Báo cáo phổ cập kỹ năng số / Digital skills report: ${c.unit.name} (${c.unit.code})`],
    [`Kỳ / Period: ${c.period.label} (${c.period.from} – ${c.period.to})`],
    [`Lập lúc / Generated: ${c.generatedAt.toISOString()} — ${c.issuer}`],
    ['Số từ 1 đến 4 được ghi "<5" / Counts from 1 to 4 are shown as "<5"'],
    [],
    [...REPORT_COLUMNS],
    figureCells(c.unit.name, c.unit.code, c.total),
    ...c.children.map((ch) => figureCells(ch.name, ch.code, ch.figures)),
    [],
    ['Theo nhóm đối tượng / By target group'],
    [...REPORT_COLUMNS],
    ...c.targetGroups.map((g) => figureCells(g.name, c.unit.code, g.figures)),
  ];
  return rows;
}

export function renderCsv(c: ReportContent): Buffer {
  return Buffer.from(toCsv(reportRows(c)), 'utf8');
}

export async function renderXlsx(c: ReportContent): Promise<Buffer> {
  // Loaded on the first report (the worker makes them): megabytes the API process need not hold from boot.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require('exceljs') as typeof import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = c.issuer;
  workbook.created = c.generatedAt;
  const sheet = workbook.addWorksheet('Báo cáo');
  for (const row of reportRows(c)) sheet.addRow(row.map((cell) => (typeof cell === 'string' ? escapeFormula(cell) : cell)));
  sheet.getColumn(1).width = 36;
  for (let i = 2; i <= REPORT_COLUMNS.length; i++) sheet.getColumn(i).width = 14;
  sheet.getRow(1).font = { bold: true, size: 13 };
  for (const r of [6, 10 + c.children.length]) sheet.getRow(r).font = { bold: true };
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

/** A4 landscape; DejaVu Sans so that Vietnamese text extracts (pdftotext) as written. */
export async function renderPdf(c: ReportContent): Promise<Buffer> {
  const { doc, done } = await startPdf({ size: 'A4', layout: 'landscape', margin: 28, info: { Title: `Báo cáo ${c.unit.name} ${c.period.label}`, Author: c.issuer, CreationDate: c.generatedAt } });
  const rows = reportRows(c);
  const left = 28;
  const width = doc.page.width - 56;
  // Name, code, then the figures.
  const [first, second] = [110, 58];
  const rest = (width - first - second) / (REPORT_COLUMNS.length - 2);
  const colX = (i: number) => left + (i === 0 ? 0 : i === 1 ? first : first + second + (i - 2) * rest);
  const colW = (i: number) => (i === 0 ? first : i === 1 ? second : rest) - 4;
  let y = 28;
  for (const row of rows) {
    if (row.length === 0) {
      y += 8;
      continue;
    }
    if (row.length === 1) {
      doc.font(y === 28 ? 'bold' : 'regular').fontSize(y === 28 ? 12 : 9).fillColor('#111827');
      doc.text(String(row[0]), left, y, { width });
      y = doc.y + 4;
      continue;
    }
    const header = row[0] === REPORT_COLUMNS[0];
    // Headers: Vietnamese above English.
    const cells = row.map((cell) => (header ? String(cell).replace(' / ', '\n') : String(cell)));
    doc.font(header ? 'bold' : 'regular').fontSize(header ? 6 : 7.5);
    const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: colW(i) }))) + 4;
    if (y + height > doc.page.height - 28) {
      doc.addPage();
      y = 28;
    }
    cells.forEach((cell, i) => doc.text(cell, colX(i), y, { width: colW(i), align: i < 2 ? 'left' : 'right' }));
    y += height;
    doc.moveTo(left, y - 2).lineTo(left + width, y - 2).lineWidth(0.3).strokeColor('#9ca3af').stroke();
  }
  doc.end();
  return done;
}
