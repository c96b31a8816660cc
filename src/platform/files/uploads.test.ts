import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo.js';
import { createHarness, multipart, type Harness, type TestUser } from '../../test/harness.js';

// Hostile uploads, through a real upload route (membership application documents) and back out.

let h: Harness;
let applicant: TestUser;
let applicationId: string;
const pdf = (body = '') => Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n${body}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
const png = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000100ffff03000006000557bfabd40000000049454e44ae426082',
  'hex',
);

/** Every file under a directory, relative to it. */
function tree(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? tree(path.join(dir, e.name)).map((f) => path.join(e.name, f)) : [e.name]));
}

beforeAll(async () => {
  h = await createHarness({ MAX_UPLOAD_MB: '1' });
  await seedDemo(h.ctx); // membership categories
  applicant = await h.user();
  const res = await h.call(applicant, {
    method: 'POST',
    url: '/api/v1/membership/applications',
    payload: {
      categoryKey: 'individual',
      data: { individual: { name: 'Upload Tester', countryCode: 'BR' }, motivation: 'Testing uploads.' },
    },
  });
  expect(res.statusCode).toBe(201);
  applicationId = res.json().id;
});
afterAll(() => h.close());

const upload = (name: string, data: Buffer | string, type = 'application/pdf') =>
  h.call(applicant, {
    method: 'POST',
    url: `/api/v1/membership/applications/${applicationId}/documents`,
    ...multipart(name, data, type, { docKey: 'other' }),
  });

describe('hostile uploads', () => {
  it('refuses what is not what it claims to be, cleanly, and writes nothing', async () => {
    const before = tree(h.dataDir);
    const refused: Array<[string, Buffer | string, string, number]> = [
      ['report.pdf', '<html><script>alert(1)</script></html>', 'application/pdf', 415], // HTML behind a PDF name and type
      ['photo.png', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>', 'image/png', 415], // SVG with script
      ['logo.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'image/svg+xml', 415],
      ['setup.exe.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]), 'application/pdf', 415], // a Windows executable
      ['page.html', '<!doctype html><h1>hi</h1>', 'text/html', 415],
      ['animation.gif', Buffer.concat([Buffer.from('GIF89a'), Buffer.from('<script>alert(1)</script>')]), 'image/gif', 415], // GIF/HTML polyglot, and GIF is not a document type
      ['empty.pdf', Buffer.alloc(0), 'application/pdf', 400],
      ['big.pdf', Buffer.concat([pdf(), Buffer.alloc(1024 * 1024 + 10, 0x20)]), 'application/pdf', 413],
    ];
    for (const [name, data, type, status] of refused) {
      const res = await upload(name, data, type);
      expect(res.statusCode, name).toBe(status);
      expect(res.headers['content-type'], name).toContain('application/problem+json');
      expect(res.json().errors?.[0]?.path, name).toBe('file');
    }
    expect(tree(h.dataDir)).toEqual(before);
  });

  it('accepts real files under hostile names, keeps a safe name, and stores them by content inside the data directory', async () => {
    const outside = path.dirname(h.dataDir);
    const outsideBefore = fs.readdirSync(outside);
    const names = [
      '../../etc/passwd.pdf',
      '..\\..\\windows\\system.ini.pdf',
      'a\u0000b.pdf',
      '\u202Efdp.exe',
      `${'x'.repeat(1000)}.pdf`,
      '会议纪要（草案）.pdf',
      '"; filename="evil.html',
      'CON.pdf',
      '   .pdf',
    ];
    const kept: string[] = [];
    for (const [i, name] of names.entries()) {
      const res = await upload(name, pdf(`% ${i}`));
      expect(res.statusCode, JSON.stringify(name)).toBe(201);
      const doc = res.json();
      const stored = doc.filename as string;
      expect(stored, JSON.stringify(name)).toBeTruthy();
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the stored name must hold no control character
      expect(stored).not.toMatch(/[/\\\u0000-\u001f\u202a-\u202e\u2066-\u2069]/);
      expect(stored.length).toBeLessThanOrEqual(200);
      kept.push(stored);

      // Served back as an attachment of its sniffed type, never sniffed by the browser.
      const dl = await h.call(applicant, { method: 'GET', url: `/api/v1/membership/applications/${applicationId}/documents/${doc.id}` });
      expect(dl.statusCode).toBe(200);
      expect(dl.headers['content-type']).toBe('application/pdf');
      expect(dl.headers['x-content-type-options']).toBe('nosniff');
      // A quoted ASCII name (quotes and backslashes escaped), and the UTF-8 form beside it when the name is not ASCII.
      expect(String(dl.headers['content-disposition'])).toMatch(
        /^attachment; filename="(?:[\x20-\x21\x23-\x5b\x5d-\x7e]|\\["\\])*"(?:; filename\*=UTF-8''[A-Za-z0-9%._~!*'()-]+)?$/,
      );
    }
    expect(kept).toContain('会议纪要（草案）.pdf');
    expect(kept).toContain('passwd.pdf');
    // Files live only as <2 hex>/<64 hex> under DATA_DIR/files; nothing appeared next to the data directory.
    for (const f of tree(path.join(h.dataDir, 'files'))) expect(f).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{64}$/);
    expect(fs.readdirSync(outside).filter((f) => !outsideBefore.includes(f) && /passwd|system\.ini|evil/.test(f))).toEqual([]);
  });

  it('stores a PDF/HTML polyglot as a PDF and serves it as one', async () => {
    const res = await upload('notes.pdf', pdf('<html><body><script>alert(document.cookie)</script></body></html>'));
    expect(res.statusCode).toBe(201);
    const dl = await h.call(applicant, {
      method: 'GET',
      url: `/api/v1/membership/applications/${applicationId}/documents/${res.json().id}`,
    });
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(String(dl.headers['content-disposition'])).toMatch(/^attachment;/);
  });

  it('accepts an image where images belong, by its content, whatever its name says', async () => {
    const res = await upload('scan.pdf', png, 'application/pdf');
    expect(res.statusCode).toBe(201);
    const dl = await h.call(applicant, {
      method: 'GET',
      url: `/api/v1/membership/applications/${applicationId}/documents/${res.json().id}`,
    });
    expect(dl.headers['content-type']).toBe('image/png');
  });
});
