import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type BadgeData, badgesPdf } from './badges.js';
import type { BadgeLayout } from './contract.js';

/**
 * Badges read back as a printer sees them: page count from the PDF itself,
 * every line of text with its box (pdftotext -bbox-layout), for names in
 * Latin, Chinese and Cyrillic script from 2 to 80 characters.
 */

interface Line {
  page: number;
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function readPdf(pdf: Buffer) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wz-badge-'));
  const file = path.join(dir, 'badges.pdf');
  fs.writeFileSync(file, pdf);
  const html = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  fs.rmSync(dir, { recursive: true, force: true });
  const pages: Array<{ width: number; height: number }> = [];
  const lines: Line[] = [];
  const unescapeXml = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  for (const page of html.split('<page ').slice(1)) {
    const [, width, height] = /width="([\d.]+)" height="([\d.]+)"/.exec(page)!;
    pages.push({ width: +width, height: +height });
    for (const m of page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      const words = [...m[5].matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => unescapeXml(w[1]));
      lines.push({ page: pages.length, text: words.join(' '), x0: +m[1], y0: +m[2], x1: +m[3], y1: +m[4] });
    }
  }
  return { pages, lines };
}

/** Pairs of lines on one page whose boxes overlap (more than a hair: glyph boxes may touch). */
function overlaps(lines: Line[]) {
  const out: string[] = [];
  const slack = 0.5;
  for (let i = 0; i < lines.length; i++)
    for (let j = i + 1; j < lines.length; j++) {
      const a = lines[i];
      const b = lines[j];
      if (a.page !== b.page) continue;
      const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (w > slack && h > slack) out.push(`page ${a.page}: "${a.text}" overlaps "${b.text}"`);
    }
  return out;
}

const compact = (s: string) => s.replace(/\s+/g, '');

const latin = (n: number) => 'Maximilian Alexander von Hohenzollern-Sigmaringen Bartholomew Featherstonehaugh'.padEnd(n, 'x').slice(0, n);
const chinese = (n: number) => '欧阳明华司马相如诸葛孔明上官婉儿慕容复东方不败令狐冲任盈盈岳不群宁中则'.repeat(4).slice(0, n);
const cyrillic = (n: number) => 'Александр Сергеевич Пушкин-Бестужев Константинопольский Рюрикович'.padEnd(n, 'я').slice(0, n);

function badge(name: string, i: number, over: Partial<BadgeData> = {}): BadgeData {
  return {
    name,
    nameLatin: null,
    organization: 'Internet Society',
    countryCode: 'CN',
    category: 'delegate',
    categoryName: 'Delegate',
    color: '#1d4ed8',
    eventName: '2026 World Internet Conference Wuzhen Summit (sample)',
    eventDates: '2026-11-06 – 2026-11-08',
    token: `token-${i}-${'x'.repeat(40)}`,
    ...over,
  };
}

/** Every length from 2 to 80 in each script, with long organizations and Latin forms beside the Chinese names. */
const cases: BadgeData[] = [2, 4, 12, 30, 55, 80].flatMap((n, i) => [
  badge(latin(n), i, { organization: latin(Math.min(80, n + 10)) }),
  badge(chinese(n), i, {
    nameLatin: n === 4 ? 'OUYANG Minghua' : latin(Math.min(80, n)),
    organization: chinese(Math.min(80, n + 10)),
    categoryName: '代表',
  }),
  badge(cyrillic(n), i, { organization: cyrillic(Math.min(80, n + 10)), categoryName: 'Делегат', countryCode: 'RU' }),
]);

describe.each<BadgeLayout>(['single', 'sheet'])('badges, %s layout', (layout) => {
  it('never overprints, never leaves the page, and prints every name in full', async () => {
    const { pages, lines } = readPdf(await badgesPdf(cases, layout));
    expect(pages).toHaveLength(layout === 'single' ? cases.length : Math.ceil(cases.length / 8));
    expect(overlaps(lines)).toEqual([]);
    for (const l of lines) {
      const p = pages[l.page - 1];
      expect(l.x0, l.text).toBeGreaterThanOrEqual(0);
      expect(l.y0, l.text).toBeGreaterThanOrEqual(0);
      expect(l.x1, l.text).toBeLessThanOrEqual(p.width);
      expect(l.y1, l.text).toBeLessThanOrEqual(p.height);
    }
    const all = compact(lines.map((l) => l.text).join(''));
    for (const b of cases) {
      expect(all, b.name).toContain(compact(b.name));
      expect(all, b.organization!).toContain(compact(b.organization!));
      if (b.nameLatin) expect(all, b.nameLatin).toContain(compact(b.nameLatin));
    }
    // The event's dates are printed clear of its (long) name on every badge.
    expect(lines.filter((l) => l.text.includes('2026-11-06'))).toHaveLength(cases.length);
  });

  it('gives one page per badge (single) or one A4 sheet per eight badges', async () => {
    const twenty = Array.from({ length: 20 }, (_, i) => badge(i % 2 ? chinese(4) : latin(20), i));
    const { pages } = readPdf(await badgesPdf(twenty, layout));
    expect(pages).toHaveLength(layout === 'single' ? 20 : 3);
    const one = readPdf(await badgesPdf([badge('Ada Lovelace', 1)], layout));
    expect(one.pages).toHaveLength(1);
  });
});
