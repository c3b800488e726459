import type QRCodeModule from 'qrcode';
import { startPdf } from '../../common/pdf';
import type { LocalizedName } from './certificate.entity';

export interface CertificatePdfInput {
  serial: string;
  recipientName: string;
  achievementKind: 'course' | 'universalisation';
  achievementName: LocalizedName;
  issuedAt: Date;
  issuerName: string;
  verifyUrl: string;
}

const formatDate = (d: Date) => `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;

/** The QR code as vector squares (crisp at any print size; no PNG to encode and decode): one rectangle per run of dark modules in a row. */
function drawQr(doc: PDFKit.PDFDocument, modules: QRCodeModule.BitMatrix, x: number, y: number, size: number): void {
  const quiet = 2;
  const cell = size / (modules.size + 2 * quiet);
  doc.rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      doc.rect(x + (start + quiet) * cell, y + (row + quiet) * cell, (col - start) * cell, cell);
    }
  }
  doc.fill('#000000');
}

/** The printable certificate: A4 landscape, Vietnamese with English below, a QR code to the verification page. */
export async function renderCertificatePdf(input: CertificatePdfInput): Promise<Buffer> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- required on first use, not at boot
  const QRCode = require('qrcode') as typeof QRCodeModule;
  const qr = QRCode.create(input.verifyUrl, { errorCorrectionLevel: 'M' }).modules;
  const { doc, done } = await startPdf({
    size: 'A4',
    layout: 'landscape',
    margin: 48,
    info: { Title: `Chứng chỉ ${input.serial}`, Author: input.issuerName, Subject: input.achievementName.vi, CreationDate: input.issuedAt },
  });
  const { width, height } = doc.page;
  doc.lineWidth(3).strokeColor('#1d4ed8').rect(24, 24, width - 48, height - 48).stroke();
  const text = width - 96 - 150;
  const name = input.recipientName.normalize('NFC');
  doc.font('bold').fontSize(14).fillColor('#1d4ed8').text(input.issuerName.normalize('NFC'), 48, 56, { width: text });
  doc.moveDown(1.2);
  const title = input.achievementKind === 'universalisation' ? 'GIẤY CHỨNG NHẬN HOÀN THÀNH PHỔ CẬP KỸ NĂNG SỐ' : 'CHỨNG CHỈ HOÀN THÀNH KHÓA HỌC';
  const titleEn = input.achievementKind === 'universalisation' ? 'Certificate of basic digital skills' : 'Certificate of course completion';
  doc.font('bold').fontSize(22).fillColor('#111827').text(title, { width: text });
  doc.font('regular').fontSize(12).fillColor('#374151').text(titleEn, { width: text });
  doc.moveDown(1.5);
  doc.font('regular').fontSize(13).fillColor('#111827').text('Chứng nhận / This certifies that', { width: text });
  doc.font('bold').fontSize(28).text(name, { width: text });
  doc.moveDown(0.6);
  doc.font('regular').fontSize(13).text(input.achievementKind === 'universalisation' ? 'đã đạt yêu cầu / has met the requirements of' : 'đã hoàn thành / has completed', { width: text });
  doc.font('bold').fontSize(18).text(input.achievementName.vi.normalize('NFC'), { width: text });
  if (input.achievementName.en && input.achievementName.en !== input.achievementName.vi) doc.font('regular').fontSize(12).fillColor('#374151').text(input.achievementName.en, { width: text });
  doc.moveDown(1.5);
  doc.font('regular').fontSize(12).fillColor('#111827').text(`Ngày cấp / Issued: ${formatDate(input.issuedAt)}`, { width: text });
  doc.text(`Số hiệu / Serial: ${input.serial}`, { width: text });
  drawQr(doc, qr, width - 48 - 150, height - 48 - 190, 150);
  doc.font('regular').fontSize(8).fillColor('#374151').text('Quét để xác minh / Scan to verify', width - 48 - 150, height - 48 - 36, { width: 150, align: 'center' });
  doc.fontSize(8).text(input.verifyUrl, 48, height - 48 - 12, { width: text, lineBreak: false });
  doc.end();
  return done;
}
