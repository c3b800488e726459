import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type * as Fontkit from 'fontkit';

/** DejaVu Sans covers every precomposed Vietnamese letter; pdfkit embeds the used glyphs with a ToUnicode map, so text extracts correctly. */
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export interface PdfKit {
  PDFDocument: typeof import('pdfkit');
  /** Parsed once per process (fontkit caches glyphs and layout): ~4× faster than letting pdfkit parse the files per document. */
  fonts: { regular: Fontkit.Font; bold: Fontkit.Font };
}

let loading: Promise<PdfKit> | undefined;

/**
 * pdfkit, fontkit and the fonts, loaded on the first document: they are a few megabytes of code and
 * data that the API process (which answers progress events, not PDFs, most of the time) should not
 * keep resident from boot.
 */
export function loadPdfKit(): Promise<PdfKit> {
  loading ??= (async () => {
    /* eslint-disable @typescript-eslint/no-require-imports -- required on first use, not at boot */
    const PDFDocument = require('pdfkit') as typeof import('pdfkit');
    const fontkit = require('fontkit') as typeof import('fontkit');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const open = async (file: string) => fontkit.create(await readFile(join(FONT_DIR, file))) as Fontkit.Font;
    const [regular, bold] = await Promise.all([open('DejaVuSans.ttf'), open('DejaVuSans-Bold.ttf')]);
    return { PDFDocument, fonts: { regular, bold } };
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}

/** Starts a document with the two DejaVu faces registered as 'regular' and 'bold'; `done` resolves with the bytes after `doc.end()`. */
export async function startPdf(options: PDFKit.PDFDocumentOptions): Promise<{ doc: PDFKit.PDFDocument; done: Promise<Buffer> }> {
  const { PDFDocument, fonts } = await loadPdfKit();
  const doc = new PDFDocument(options);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // pdfkit takes a fontkit font object too (its types say only path or buffer).
  doc.registerFont('regular', fonts.regular as unknown as Buffer);
  doc.registerFont('bold', fonts.bold as unknown as Buffer);
  return { doc, done };
}
