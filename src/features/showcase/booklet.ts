import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { fail } from '../../platform/http/errors.js';
import { showcaseErrors } from './contract.js';
import type { Locale } from '../../platform/i18n/index.js';
import type { ShowcaseEntry } from './service.js';

/** Debian's fonts-noto-cjk (installed by .ci/run); override with CJK_FONT_PATH. */
export const cjkFontPath = () => process.env.CJK_FONT_PATH ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const cjkFontName = 'NotoSansCJKsc-Regular';

const labels: Record<Locale, { contents: string; collection: string }> = {
  en: { contents: 'Contents', collection: 'Collection of selected entries' },
  'zh-Hans': { contents: '目录', collection: '入选成果集' },
  'zh-Hant': { contents: '目錄', collection: '入選成果集' },
};

/** The year's collection: cover, table of contents, one entry per page, the CJK font embedded (subset). */
export async function bookletPdf(title: string, year: number, entries: ShowcaseEntry[], locale: Locale): Promise<Buffer> {
  const font = cjkFontPath();
  if (!fs.existsSync(font)) {
    throw fail(
      showcaseErrors,
      'cjk_font_missing',
      `The booklet needs a CJK font at ${font} (Debian package fonts-noto-cjk, or set CJK_FONT_PATH). Install it and try again.`,
    );
  }
  const doc = new PDFDocument({ size: 'A4', margin: 60, bufferPages: true, info: { Title: `${title} ${year}` } });
  doc.registerFont('cjk', font, cjkFontName);
  doc.font('cjk');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const L = labels[locale];

  // Cover
  doc.moveDown(8).fontSize(28).text(title, { align: 'center' });
  doc.moveDown(1).fontSize(18).text(`${L.collection} · ${year}`, { align: 'center' });
  doc.moveDown(1).fontSize(12).text(`${entries.length}`, { align: 'center' });

  // Contents: entry i is on page i + 3 (cover, contents, then one page each).
  doc.addPage().fontSize(20).text(L.contents);
  doc.moveDown();
  entries.forEach((e, i) => {
    doc.fontSize(11).text(`${e.code}  ${e.title.text}${e.categoryLabel ? ` — ${e.categoryLabel}` : ''}  ……  ${i + 3}`);
  });

  for (const e of entries) {
    doc.addPage();
    doc
      .fontSize(10)
      .fillColor('#666')
      .text(`${e.code} · ${e.categoryLabel ?? ''} · ${e.country ?? e.countryCode ?? ''}`);
    doc.moveDown(0.5).fontSize(18).fillColor('#000').text(e.title.text);
    for (const f of e.fields) {
      doc.moveDown(0.6).fontSize(11).fillColor('#444').text(f.label);
      doc.fontSize(10).fillColor('#000').text(f.text.slice(0, 1800), { align: 'justify' });
    }
  }
  doc.end();
  return done;
}
