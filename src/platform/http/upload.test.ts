import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, multipart, type Harness, type TestUser } from '../../test/harness.js';

/**
 * Hostile uploads against the real routes: a logo (images only, served inline)
 * and a library file (documents, served as an attachment).
 */
let h: Harness;
let staff: TestUser;
let orgId: string;
let pubId: string;
beforeAll(async () => {
  h = await createHarness({ MAX_UPLOAD_MB: '2' });
  staff = await h.user({ roles: ['secretariat'] });
  orgId = (
    await h.call(staff, {
      method: 'POST',
      url: '/api/v1/directory/organizations',
      payload: { name: { en: 'Upload Org' }, countryCode: 'DE', stakeholderGroup: 'academia' },
    })
  ).json().id;
  pubId = (
    await h.call(staff, {
      method: 'POST',
      url: '/api/v1/library',
      payload: { kind: 'report', year: 2026, title: { en: 'Upload test' }, status: 'published' },
    })
  ).json().id;
});
afterAll(() => h.close());

const gif = Buffer.concat([
  Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'),
  Buffer.from('<html><script>alert(1)</script></html>'),
]);
const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const pdfHtml = Buffer.from('%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n');
const svg = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>');
const html = Buffer.from('<!doctype html><html><script>alert(1)</script></html>');
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

const logo = (name: string, data: Buffer, type = 'image/png') => {
  const up = multipart(name, data, type);
  return h.call(staff, { method: 'PUT', url: `/api/v1/directory/organizations/${orgId}/logo`, payload: up.payload, headers: up.headers });
};
const libFile = (name: string, data: Buffer, type = 'application/pdf') => {
  const up = multipart(name, data, type);
  return h.call(staff, { method: 'PUT', url: `/api/v1/library/${pubId}/files/en`, payload: up.payload, headers: up.headers });
};

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}
function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; json: () => { code?: string } }, status: number) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/application\/problem\+json/);
  expect(res.json().code).toBeTruthy();
}

describe('uploads', () => {
  it('polyglots are stored as what they sniff as, and served with nosniff; SVG, HTML and programs are refused', async () => {
    const g = await logo('logo.gif', gif, 'text/html');
    expect(g.statusCode).toBe(200);
    const served = await h.call(null, { method: 'GET', url: `/api/v1/files/logos/${g.json().fileId}` });
    expect(served.headers['content-type']).toBe('image/gif');
    expect(served.headers['x-content-type-options']).toBe('nosniff');

    const p = await libFile('report.pdf', pdfHtml, 'text/html');
    expect(p.statusCode).toBe(200);
    const dl = await h.call(staff, { method: 'GET', url: `/api/v1/library/${pubId}/files/en` });
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(String(dl.headers['content-disposition'])).toMatch(/^attachment;/);

    for (const [name, data, type] of [
      ['logo.svg', svg, 'image/svg+xml'],
      ['logo.png', svg, 'image/png'], // SVG behind a .png name
      ['logo.png', html, 'image/png'],
      ['logo.gif', exe, 'image/gif'],
      ['logo.png', pdfHtml, 'image/png'], // a PDF is not a logo
    ] as const)
      expectProblem(await logo(name, data, type), 415);
    for (const [name, data] of [
      ['report.pdf', html],
      ['report.pdf', svg],
      ['report.pdf', exe],
      ['report.docx', html],
    ] as const)
      expectProblem(await libFile(name, data), 415);
  });

  it('empty and oversized files get a clean 4xx problem', async () => {
    expectProblem(await logo('empty.png', Buffer.alloc(0)), 400);
    expectProblem(await libFile('big.pdf', Buffer.concat([pdfHtml, Buffer.alloc(3 * 1024 * 1024, 0x20)])), 413);
    expectProblem(await logo('big.png', Buffer.concat([png, Buffer.alloc(6 * 1024 * 1024)])), 413);
    const notMultipart = await h.call(staff, {
      method: 'PUT',
      url: `/api/v1/library/${pubId}/files/en`,
      payload: pdfHtml,
      headers: { 'content-type': 'application/pdf' },
    });
    expect(notMultipart.statusCode).toBeGreaterThanOrEqual(400);
    expect(notMultipart.statusCode).toBeLessThan(500);
  });

  it('odd file names are stored sanitized; nothing is written outside the data directory', async () => {
    const tmpBefore = fs.readdirSync(os.tmpdir()).sort();
    const parent = path.dirname(h.dataDir);
    const siblingsBefore = fs
      .readdirSync(parent)
      .filter((n) => !n.startsWith('wz-'))
      .sort();
    const dataBefore = listFiles(h.dataDir);
    const names = [
      '../../etc/passwd.pdf',
      '..\\..\\x.pdf',
      'a\u0000b.pdf',
      'evil\u202Efdp.exe.pdf',
      `${'x'.repeat(1000)}.pdf`,
      '乌镇报告 2026.pdf',
      '..',
      '"; filename="x.html',
      '\u200F\u2066.pdf',
    ];
    const stored: Array<{ name: string; saved: string; disposition: string }> = [];
    for (const [i, name] of names.entries()) {
      const body = Buffer.concat([pdfHtml, Buffer.from(`%${i}\n`)]); // distinct content each time
      const res = await libFile(name, body);
      if (res.statusCode >= 400) {
        expect(res.statusCode, name).toBeLessThan(500);
        expectProblem(res, res.statusCode);
        continue;
      }
      const { fileId } = res.json() as { fileId: string };
      const [row] = await h.database.rows<{ original_name: string }>(sql`select original_name from files where id = ${fileId}`);
      const dl = await h.call(staff, { method: 'GET', url: `/api/v1/library/${pubId}/files/en` });
      expect(dl.statusCode).toBe(200);
      stored.push({ name, saved: row.original_name, disposition: String(dl.headers['content-disposition']) });
    }
    expect(stored.length).toBeGreaterThan(0);
    for (const s of stored) {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the stored name must hold no control character
      expect(s.saved, s.name).not.toMatch(/[/\\\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
      expect(s.saved, s.name).not.toMatch(/^\.\.?$/);
      expect([...s.saved].length, s.name).toBeLessThanOrEqual(200);
      expect(Buffer.from(s.saved, 'utf8').toString('utf8'), s.name).toBe(s.saved); // no lone surrogates
      expect(s.disposition, s.name).toMatch(/^attachment; /);
      expect(s.disposition, s.name).not.toMatch(/[\r\n]/);
      expect(s.disposition.match(/"/g)?.length ?? 0, s.name).toBeLessThanOrEqual(2); // the quoted name cannot close early
    }
    expect(stored.find((s) => s.name.startsWith('乌镇'))?.saved).toBe('乌镇报告 2026.pdf');
    // Only content-addressed files under the data directory appeared.
    const added = listFiles(h.dataDir).filter((f) => !dataBefore.includes(f));
    expect(added.length).toBe(stored.length);
    for (const f of added)
      expect(path.relative(h.dataDir, f)).toMatch(/^files\/[0-9a-f]{2}\/[0-9a-f]{64}$|^[^/]+\/[0-9a-f]{2}\/[0-9a-f]{64}$/);
    expect(
      fs
        .readdirSync(parent)
        .filter((n) => !n.startsWith('wz-'))
        .sort(),
    ).toEqual(siblingsBefore);
    expect(fs.readdirSync(os.tmpdir()).filter((n) => !tmpBefore.includes(n) && /passwd|x\.pdf|x\.html/.test(n))).toEqual([]);
    console.log(
      `uploads: ${names.length} odd names, ${stored.length} stored sanitized, ${added.length} files added, all under the data dir`,
    );
  });
});
