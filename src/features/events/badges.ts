import QRCode from 'qrcode';
import type { BadgeLayout } from './contract.js';
import { finish, needsOther, newDoc } from './documents.js';

export interface BadgeData {
  name: string;
  nameLatin: string | null;
  organization: string | null;
  countryCode: string | null;
  category: string;
  categoryName: string;
  color: string;
  eventName: string;
  eventDates: string;
  token: string;
}

type Doc = PDFKit.PDFDocument;

/** A text box on a badge: where it sits (relative to the badge), and the sizes its text may take. */
interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  max: number;
  min: number;
}

/** Where each part of a badge goes, for a badge of the given size. */
interface Frame {
  band: number;
  footer: number;
  event: Box;
  dates: Box;
  name: Box;
  latin: Box;
  organization: Box;
  country: Box;
  category: Box;
  qr: { x: number; y: number; size: number };
}

const A6: [number, number] = [297.64, 419.53];
const A4: [number, number] = [595.28, 841.89];
/** The sheet: 10 mm margins (what office printers can reach), 2 × 4 badges, no gutter (one cut between neighbours). */
const sheetMargin = 28.35;
const columns = 2;
const rows = 4;
const perSheet = columns * rows;

function portrait(w: number, h: number): Frame {
  const pad = 16;
  const inner = w - 2 * pad;
  return {
    band: 64,
    footer: 44,
    event: { x: pad, y: 8, w: inner, h: 34, max: 12, min: 6 },
    dates: { x: pad, y: 44, w: inner, h: 14, max: 9, min: 6 },
    name: { x: pad, y: 72, w: inner, h: 62, max: 24, min: 8 },
    latin: { x: pad, y: 136, w: inner, h: 32, max: 14, min: 6 },
    organization: { x: pad, y: 170, w: inner, h: 38, max: 11, min: 6 },
    country: { x: pad, y: 209, w: inner, h: 13, max: 9, min: 6 },
    qr: { x: (w - 116) / 2, y: 236, size: 116 },
    category: { x: pad, y: h - 36, w: inner, h: 28, max: 16, min: 7 },
  };
}

function landscape(w: number, h: number): Frame {
  const pad = 12;
  const qr = 84;
  const text = w - 2 * pad - qr - 8;
  return {
    band: 40,
    footer: 26,
    event: { x: pad, y: 4, w: w - 2 * pad, h: 22, max: 10, min: 5 },
    dates: { x: pad, y: 27, w: w - 2 * pad, h: 10, max: 7, min: 5 },
    name: { x: pad, y: 46, w: text, h: 46, max: 20, min: 7 },
    latin: { x: pad, y: 93, w: text, h: 24, max: 11, min: 5 },
    organization: { x: pad, y: 118, w: text, h: 30, max: 9, min: 5 },
    country: { x: pad, y: 149, w: text, h: 11, max: 8, min: 5 },
    qr: { x: w - pad - qr, y: 50, size: qr },
    category: { x: pad, y: h - 21, w: w - 2 * pad, h: 17, max: 12, min: 5 },
  };
}

/**
 * Writes a text into its box: the largest size (from max down to min) at which
 * the wrapped text fits the box's height. A text too long even at the smallest
 * size is cut with an ellipsis inside the box: it never spills over the next one.
 */
function fitText(doc: Doc, text: string, font: string, box: Box, ox: number, oy: number) {
  if (!text) return;
  doc.font(font);
  let size = box.max;
  for (; size > box.min; size -= 0.5) {
    doc.fontSize(size);
    if (doc.heightOfString(text, { width: box.w, lineGap: 0 }) <= box.h) break;
  }
  doc.fontSize(Math.max(size, box.min));
  // Centre vertically in the box, so short texts do not float at its top.
  const used = Math.min(doc.heightOfString(text, { width: box.w, lineGap: 0 }), box.h);
  doc.text(text, ox + box.x, oy + box.y + (box.h - used) / 2, {
    width: box.w,
    height: box.h,
    align: 'center',
    lineGap: 0,
    ellipsis: true,
  });
}

async function drawBadge(doc: Doc, b: BadgeData, hasOther: boolean, ox: number, oy: number, w: number, h: number, f: Frame) {
  const fontFor = (s: string) => (hasOther && needsOther(s) ? 'other' : 'cjk');
  doc.save();
  doc.rect(ox, oy, w, f.band).fill(b.color);
  doc.rect(ox, oy + h - f.footer, w, f.footer).fill(b.color);
  doc.restore();
  doc.fillColor('#ffffff');
  fitText(doc, b.eventName, fontFor(b.eventName), f.event, ox, oy);
  fitText(doc, b.eventDates, 'cjk', f.dates, ox, oy);
  fitText(doc, b.categoryName.toLocaleUpperCase(), fontFor(b.categoryName), f.category, ox, oy);
  doc.fillColor('#000000');
  fitText(doc, b.name, fontFor(b.name), f.name, ox, oy);
  if (b.nameLatin && b.nameLatin !== b.name) fitText(doc, b.nameLatin, fontFor(b.nameLatin), f.latin, ox, oy);
  if (b.organization) fitText(doc, b.organization, fontFor(b.organization), f.organization, ox, oy);
  if (b.countryCode) {
    doc.fillColor('#444444');
    fitText(doc, b.countryCode, 'cjk', f.country, ox, oy);
    doc.fillColor('#000000');
  }
  const qr = await QRCode.toBuffer(b.token, { errorCorrectionLevel: 'M', margin: 1, width: 4 * f.qr.size });
  doc.image(qr, ox + f.qr.x, oy + f.qr.y, { width: f.qr.size, height: f.qr.size });
}

/** Short marks in the sheet's margins where the cuts between badges go. */
function cutMarks(doc: Doc, cellW: number, cellH: number) {
  const [W, H] = A4;
  const len = 14;
  doc.save().lineWidth(0.5).strokeColor('#000000');
  for (let c = 0; c <= columns; c++) {
    const x = sheetMargin + c * cellW;
    doc
      .moveTo(x, sheetMargin - 4 - len)
      .lineTo(x, sheetMargin - 4)
      .stroke();
    doc
      .moveTo(x, H - sheetMargin + 4)
      .lineTo(x, H - sheetMargin + 4 + len)
      .stroke();
  }
  for (let r = 0; r <= rows; r++) {
    const y = sheetMargin + r * cellH;
    doc
      .moveTo(sheetMargin - 4 - len, y)
      .lineTo(sheetMargin - 4, y)
      .stroke();
    doc
      .moveTo(W - sheetMargin + 4, y)
      .lineTo(W - sheetMargin + 4 + len, y)
      .stroke();
  }
  doc.restore();
}

/** Badges in the category's colour with a QR code of the signed token: one per A6 page, or eight per A4 sheet. */
export async function badgesPdf(badges: BadgeData[], layout: BadgeLayout = 'single') {
  // No margins: every text sits in a box of its own, so nothing triggers a page break.
  const { doc, hasOther } = newDoc(layout === 'single' ? A6 : A4, 0);
  if (layout === 'single') {
    const [w, h] = A6;
    for (const [i, b] of badges.entries()) {
      if (i > 0) doc.addPage();
      await drawBadge(doc, b, hasOther, 0, 0, w, h, portrait(w, h));
    }
  } else {
    const cellW = (A4[0] - 2 * sheetMargin) / columns;
    const cellH = (A4[1] - 2 * sheetMargin) / rows;
    const frame = landscape(cellW, cellH);
    for (const [i, b] of badges.entries()) {
      const slot = i % perSheet;
      if (i > 0 && slot === 0) doc.addPage();
      if (slot === 0) cutMarks(doc, cellW, cellH);
      const x = sheetMargin + (slot % columns) * cellW;
      const y = sheetMargin + Math.floor(slot / columns) * cellH;
      await drawBadge(doc, b, hasOther, x, y, cellW, cellH, frame);
    }
  }
  if (!badges.length) doc.fontSize(12).text('—', 36, 36);
  return finish(doc);
}
