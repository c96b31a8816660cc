import fs from 'node:fs';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';
import { fail } from '../../platform/http/errors.js';
import { eventsErrors } from './contract.js';
import { localize, type LocalizedText } from '../../platform/i18n/index.js';

dayjs.extend(utc);
dayjs.extend(timezone);

// iCalendar

/** UTC offset of a zone at an instant, in minutes. */
function offsetAt(tz: string, at: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return Math.round((local - at.getTime()) / 60_000);
}

const fmtOffset = (m: number) =>
  `${m < 0 ? '-' : '+'}${String(Math.floor(Math.abs(m) / 60)).padStart(2, '0')}${String(Math.abs(m) % 60).padStart(2, '0')}`;
const fmtLocal = (d: Date, offset: number) => new Date(d.getTime() + offset * 60_000).toISOString().replace(/[-:]/g, '').slice(0, 15);

/**
 * A VTIMEZONE for an IANA zone, from the platform's own time-zone data
 * (Intl): every offset change in the years around the events, so calendar
 * programs that do not know the zone still place the sessions right.
 */
export function vtimezone(tz: string, years: number[]): string {
  const from = Date.UTC(Math.min(...years) - 1, 0, 1);
  const to = Date.UTC(Math.max(...years) + 2, 0, 1);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${tz}`];
  let prev = offsetAt(tz, new Date(from));
  const changes: Array<{ at: Date; from: number; to: number }> = [];
  for (let t = from; t < to; t += 86_400_000) {
    const o = offsetAt(tz, new Date(t + 86_400_000));
    if (o !== prev) {
      // Narrow the change to the minute.
      let lo = t;
      let hi = t + 86_400_000;
      while (hi - lo > 60_000) {
        const mid = Math.floor((lo + hi) / 2 / 60_000) * 60_000;
        if (offsetAt(tz, new Date(mid)) === prev) lo = mid;
        else hi = mid;
      }
      changes.push({ at: new Date(hi), from: prev, to: o });
      prev = o;
    }
  }
  if (!changes.length) {
    lines.push(
      'BEGIN:STANDARD',
      `DTSTART:${fmtLocal(new Date(from), prev)}`,
      `TZOFFSETFROM:${fmtOffset(prev)}`,
      `TZOFFSETTO:${fmtOffset(prev)}`,
      'END:STANDARD',
    );
  } else {
    for (const c of changes) {
      const kind = c.to > c.from ? 'DAYLIGHT' : 'STANDARD';
      lines.push(
        `BEGIN:${kind}`,
        `DTSTART:${fmtLocal(c.at, c.from)}`,
        `TZOFFSETFROM:${fmtOffset(c.from)}`,
        `TZOFFSETTO:${fmtOffset(c.to)}`,
        `END:${kind}`,
      );
    }
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

export interface IcsSession {
  id: string;
  title: LocalizedText;
  description: LocalizedText;
  startsAt: Date;
  endsAt: Date;
  roomName: LocalizedText | null;
  people: Array<{ name: string; nameLatin: string | null; role: string }>;
  /** Increases each time the session changes, so calendars replace their copy. */
  sequence?: number;
  cancelled?: boolean;
  /** When the session last changed: the entry's DTSTAMP (now, if not given). */
  updatedAt?: Date;
  /** Its event, in a calendar of several events (a person's agenda). */
  eventSlug?: string;
}

export function buildIcs(opts: {
  name: string;
  timeZone: string;
  host: string;
  locale: 'en' | 'zh-Hans' | 'zh-Hant';
  venue: string;
  sessions: Array<IcsSession & { eventName?: string; eventTimeZone?: string }>;
  url: (s: IcsSession) => string;
}) {
  const zones = new Set([opts.timeZone, ...opts.sessions.map((s) => s.eventTimeZone ?? opts.timeZone)]);
  const years = [...new Set(opts.sessions.map((s) => s.startsAt.getUTCFullYear()))];
  const cal = ical({
    name: opts.name,
    method: ICalCalendarMethod.PUBLISH,
    prodId: { company: 'Wuzhen', product: 'events', language: 'EN' },
  });
  // ical-generator takes one generator; we print every zone the calendar uses.
  cal.timezone({
    name: opts.timeZone,
    generator: () => [...zones].map((z) => vtimezone(z, years.length ? years : [new Date().getUTCFullYear()])).join('\r\n'),
  });
  for (const s of opts.sessions) {
    const tz = s.eventTimeZone ?? opts.timeZone;
    const speakers = s.people.map((p) => `${p.name}${p.nameLatin ? ` (${p.nameLatin})` : ''} – ${p.role}`).join('\n');
    cal.createEvent({
      id: `${s.id}@${opts.host}`,
      start: dayjs(s.startsAt).tz(tz),
      end: dayjs(s.endsAt).tz(tz),
      timezone: tz,
      summary: localize(s.title, opts.locale).text,
      description: [localize(s.description, opts.locale).text, speakers].filter(Boolean).join('\n\n'),
      location: [s.roomName ? localize(s.roomName, opts.locale).text : '', opts.venue].filter(Boolean).join(', '),
      url: opts.url(s),
      sequence: s.sequence ?? 0,
      status: s.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      stamp: s.updatedAt ?? new Date(),
    });
  }
  // ical-generator writes DTSTAMP in the calendar's zone without one (floating), which RFC 5545 §3.8.7.2 forbids: write it in UTC.
  const stamps = opts.sessions.map((s) => utcStamp(s.updatedAt ?? new Date()));
  let n = 0;
  // Every content line ends with CRLF, the last one too (§3.1).
  const text = cal.toString().replace(/^DTSTAMP:.*$/gm, () => `DTSTAMP:${stamps[n++]}`);
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

/** A date-time in UTC, RFC 5545 form (20261106T020000Z). */
const utcStamp = (d: Date) => `${d.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;

// PDF

const fontCandidates = [
  ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular'],
  ['/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular'],
  ['/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular'],
  ['/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular'],
] as const;
const fallbackFonts = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf'];

/** Finds the CJK font at run time (Debian: fonts-noto-cjk); PDF_CJK_FONT may point elsewhere. */
export function findCjkFont(): { path: string; family?: string } {
  const env = process.env.PDF_CJK_FONT;
  if (env) {
    if (!fs.existsSync(env)) throw fail(eventsErrors, 'font_missing', `PDF_CJK_FONT points to ${env}, which does not exist.`);
    return { path: env, family: env.endsWith('.ttc') ? 'NotoSansCJKsc-Regular' : undefined };
  }
  for (const [p, family] of fontCandidates) if (fs.existsSync(p)) return { path: p, family };
  throw fail(
    eventsErrors,
    'font_missing',
    'No CJK font for PDFs: install the Noto CJK fonts (Debian/Ubuntu: apt-get install fonts-noto-cjk) or set PDF_CJK_FONT to a .ttf/.otf/.ttc file.',
  );
}

export function newDoc(size: [number, number] | string, margin = 36) {
  const font = findCjkFont();
  const doc = new PDFDocument({ size: size as never, margin, info: { Title: 'Wuzhen', Producer: 'Wuzhen' } });
  doc.registerFont('cjk', font.path, font.family as string);
  const other = fallbackFonts.find((f) => fs.existsSync(f));
  if (other) doc.registerFont('other', other);
  doc.font('cjk');
  return { doc, hasOther: !!other };
}

/** Latin, CJK, Cyrillic and Greek print with Noto CJK; Arabic, Devanagari etc. need the fallback font. */
export const needsOther = (s: string) => /[\u0590-\u08ff\u0900-\u0dff]/.test(s);

export function finish(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export interface VisaLetterData {
  reference: string;
  issued: string;
  name: string;
  nameLatin: string | null;
  nationality: string;
  passportNumber: string;
  passportExpiry: string;
  birthDate: string;
  organization: string | null;
  eventNameEn: string;
  eventNameZh: string;
  cityEn: string;
  cityZh: string;
  startDate: string;
  endDate: string;
  /** The public verification page of this letter, in the letter's language (its reader's). */
  verifyUrl: string;
}

/** A bilingual (Chinese and English) invitation letter for a visa application, with a reference staff and consulates can verify. */
export async function visaLetterPdf(v: VisaLetterData) {
  const { doc, hasOther } = newDoc('A4');
  const latin = v.nameLatin ?? v.name;
  doc.fontSize(16).text('邀请函', { align: 'center' });
  doc.fontSize(13).text('Letter of Invitation', { align: 'center' });
  doc.moveDown();
  doc.fontSize(9).text(`编号 Reference: ${v.reference}`, { align: 'right' });
  doc.text(`日期 Date: ${v.issued}`, { align: 'right' });
  doc.moveDown();
  doc.fontSize(11);
  doc.text('致中华人民共和国驻外使领馆：');
  doc.moveDown(0.5);
  doc
    .text('兹邀请下列人员来华出席', { continued: true })
    .text(`${v.eventNameZh}（${v.cityZh}，${v.startDate}至${v.endDate}）。请惠予办理签证为荷。`);
  doc.moveDown();
  doc.text("To the Embassy or Consulate of the People's Republic of China:");
  doc.moveDown(0.5);
  doc.text(
    `We are pleased to invite the person named below to attend the ${v.eventNameEn} in ${v.cityEn}, from ${v.startDate} to ${v.endDate}. We kindly ask you to grant the visa required.`,
  );
  doc.moveDown();
  const row = (zh: string, en: string, value: string, script = false) => {
    doc.font('cjk').fontSize(10).text(`${zh} ${en}: `, { continued: true });
    doc.font(script && hasOther && needsOther(value) ? 'other' : 'cjk').text(value || '—');
  };
  row('姓名', 'Name', v.name, true);
  row('拉丁字母姓名', 'Name (Latin)', latin);
  row('国籍', 'Nationality', v.nationality);
  row('出生日期', 'Date of birth', v.birthDate);
  row('护照号码', 'Passport number', v.passportNumber);
  row('护照有效期', 'Passport expiry', v.passportExpiry);
  row('工作单位', 'Organization', v.organization ?? '', true);
  doc.moveDown();
  // The link as plain text (an officer may type it), and as a QR code beside it.
  const qrSize = 72;
  const top = doc.y;
  const textWidth = doc.page.width - doc.page.margins.left - doc.page.margins.right - qrSize - 12;
  doc.font('cjk').fontSize(10);
  doc.text('本邀请函的真实性可通过以下网址核验。', { width: textWidth });
  doc.text('The authenticity of this letter can be verified at:', { width: textWidth });
  doc.text(v.verifyUrl, { width: textWidth });
  const qr = await QRCode.toBuffer(v.verifyUrl, { errorCorrectionLevel: 'M', margin: 0, width: 4 * qrSize });
  doc.image(qr, doc.page.width - doc.page.margins.right - qrSize, top, { width: qrSize, height: qrSize });
  doc.x = doc.page.margins.left;
  doc.y = Math.max(doc.y, top + qrSize);
  doc.moveDown(2);
  doc.text('世界互联网大会秘书处');
  doc.text('Secretariat, World Internet Conference');
  return finish(doc);
}
