import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo.js';
import { createHarness, multipart, type Harness, type TestUser } from '../../test/harness.js';

/**
 * Every route that takes a file, from the route table, gets the same hostile
 * set: wrong type behind a right name, polyglots, empty and oversized files,
 * two files, no file, no multipart at all, and names that try to escape.
 * A refusal is a 4xx problem+json naming `file` that writes nothing; a stored
 * file has a safe name and lives under the data directory.
 */
type Kind = 'document' | 'image' | 'table';
interface Target {
  kind: Kind;
  as: 'staff' | 'applicant';
  url: () => string;
  fields?: Record<string, string>;
}

let h: Harness;
let staff: TestUser;
let applicant: TestUser;
const ids: Record<string, string> = {};

const targets: Record<string, Target> = {
  'PUT /api/v1/library/:id/files/:lang': { kind: 'document', as: 'staff', url: () => `/api/v1/library/${ids.publication}/files/en` },
  'PUT /api/v1/library/:id/cover': { kind: 'image', as: 'staff', url: () => `/api/v1/library/${ids.publication}/cover` },
  'POST /api/v1/submissions/:id/files': { kind: 'document', as: 'applicant', url: () => `/api/v1/submissions/${ids.submission}/files` },
  'PUT /api/v1/directory/organizations/:id/logo': {
    kind: 'image',
    as: 'staff',
    url: () => `/api/v1/directory/organizations/${ids.organization}/logo`,
  },
  'PUT /api/v1/groups/:id/meetings/:meetingId/minutes': {
    kind: 'document',
    as: 'staff',
    url: () => `/api/v1/groups/${ids.group}/meetings/${ids.meeting}/minutes`,
  },
  'POST /api/v1/membership/applications/:id/documents': {
    kind: 'document',
    as: 'applicant',
    url: () => `/api/v1/membership/applications/${ids.application}/documents`,
    fields: { docKey: 'registration' },
  },
  'PUT /api/v1/membership/portal/:id/logo': { kind: 'image', as: 'staff', url: () => `/api/v1/membership/portal/${ids.membership}/logo` },
  'POST /api/v1/events/:id/invitations/import': { kind: 'table', as: 'staff', url: () => `/api/v1/events/${ids.event}/invitations/import` },
  'POST /api/v1/membership/import': { kind: 'table', as: 'staff', url: () => '/api/v1/membership/import' },
  'POST /api/v1/directory/import/:kind': { kind: 'table', as: 'staff', url: () => '/api/v1/directory/import/people' },
};

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const png = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);
const html = Buffer.from('<!doctype html><html><script>alert(document.cookie)</script></html>');
const svg = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>');
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300, 0x90), Buffer.from('This program cannot be run in DOS mode')]);
const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(100)]);
const brokenZip = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), crypto.randomBytes(400)]);
const big = (head: Buffer) => Buffer.concat([head, Buffer.alloc(6 * 1024 * 1024, 0x20)]); // over every cap (documents 2 MB here, covers 5 MB)

/**
 * A one-entry ZIP holding `size` bytes of spaces as an XLSX sheet, a few
 * hundred KB on the wire; `declared` is the size its headers claim.
 */
function zipBomb(size: number, declared = size) {
  const content = Buffer.alloc(size, 0x20);
  const packed = zlib.deflateRawSync(content, { level: 9 });
  const crc = zlib.crc32(content);
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const head = (sig: number, central: boolean) => {
    const b = Buffer.alloc(central ? 46 : 30);
    b.writeUInt32LE(sig, 0);
    let o = 4;
    if (central) {
      b.writeUInt16LE(20, o); // version made by
      o += 2;
    }
    b.writeUInt16LE(20, o); // version needed
    b.writeUInt16LE(8, o + 4); // deflate
    b.writeUInt32LE(crc, o + 10);
    b.writeUInt32LE(packed.length, o + 14);
    b.writeUInt32LE(declared, o + 18);
    b.writeUInt16LE(name.length, o + 22);
    return b; // local header at offset 0; the rest stays zero
  };
  const local = Buffer.concat([head(0x04034b50, false), name, packed]);
  const central = Buffer.concat([head(0x02014b50, true), name]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(local.length, 16);
  return Buffer.concat([local, central, end]);
}
const bomb = zipBomb(200 * 1024 * 1024);
const lyingBomb = zipBomb(200 * 1024 * 1024, 1024);

/** Files each kind of route must refuse (name, bytes, claimed type). */
const hostile: Record<Kind, Array<[string, Buffer, string]>> = {
  document: [
    ['report.pdf', html, 'application/pdf'],
    ['report.pdf', svg, 'application/pdf'],
    ['report.pdf', exe, 'application/pdf'],
    ['report.docx', elf, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['report.html', html, 'text/html'],
    ['report.svg', svg, 'image/svg+xml'],
  ],
  image: [
    ['logo.svg', svg, 'image/svg+xml'],
    ['logo.png', svg, 'image/png'],
    ['logo.png', html, 'image/png'],
    ['logo.gif', exe, 'image/gif'],
    ['logo.png', pdf, 'image/png'],
  ],
  table: [
    ['people.xlsx', exe, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['people.xlsx', brokenZip, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ],
};
const good: Record<Kind, [string, Buffer, string]> = {
  document: ['paper.pdf', pdf, 'application/pdf'],
  image: ['logo.png', png, 'image/png'],
  table: ['people.csv', Buffer.from('email,name\n'), 'text/csv'],
};

/** A multipart body with any number of files (and fields), for the shapes `multipart()` cannot make. */
function rawMultipart(files: Array<[string, Buffer]>, fields: Record<string, string> = {}) {
  const boundary = `----wz${crypto.randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const [name, data] of files)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      data,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

const fileRows = async () => (await h.database.rows<{ n: number }>(sql`select count(*)::int as n from files`))[0].n;

async function must(who: TestUser, method: string, url: string, payload?: unknown) {
  const isFile = payload && typeof payload === 'object' && 'payload' in (payload as object);
  const res = await h.call(who, { method: method as 'GET', url, ...(isFile ? (payload as object) : { payload: payload as object }) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.json();
}

beforeAll(async () => {
  h = await createHarness({ MAX_UPLOAD_MB: '2' });
  const refs = await seedDemo(h.ctx);
  staff = await h.user({ roles: ['admin'] });
  applicant = await h.user();
  ids.publication = (
    await must(staff, 'POST', '/api/v1/library', { kind: 'report', year: 2026, title: { en: 'Upload routes' }, status: 'published' })
  ).id;
  ids.submission = (await must(applicant, 'POST', `/api/v1/calls/${refs.calls.get('ai-for-good-2026')}/submissions`, { answers: {} })).id;
  ids.organization = refs.organizations.get('de-sec')!;
  ids.group = refs.groups.get('data')!;
  ids.meeting = (
    await must(staff, 'POST', `/api/v1/groups/${ids.group}/meetings`, {
      title: { en: 'Upload meeting' },
      startsAt: '2030-01-01T10:00:00Z',
      timezone: 'UTC',
      mode: 'online',
      link: 'https://meet.example/x',
    })
  ).id;
  ids.application = (await must(applicant, 'POST', '/api/v1/membership/applications', { categoryKey: 'individual', data: {} })).id;
  ids.membership = refs.memberships.get('de-sec')!;
  ids.event = refs.events.get('wuzhen-summit-2026')!;
}, 120_000);
afterAll(() => h.close());

describe('every upload route', () => {
  it('is in this test: a new route that takes files fails here until it is attacked too', () => {
    const routes = h.app.routeTable
      .filter((r) => r.upload)
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(routes).toEqual(Object.keys(targets).sort());
  });

  it('refuses hostile, empty, oversized, doubled, missing and non-multipart files with a problem naming `file`, writing nothing', async () => {
    const before = { rows: await fileRows(), disk: listFiles(h.dataDir) };
    let tried = 0;
    for (const [route, t] of Object.entries(targets)) {
      const who = t.as === 'staff' ? staff : applicant;
      const send = (body: { payload: Buffer | string; headers: Record<string, string> }) =>
        h.call(who, { method: route.split(' ')[0] as 'PUT', url: t.url(), ...body });
      const [goodName, goodData, goodType] = good[t.kind];
      const attempts: Array<[string, { payload: Buffer | string; headers: Record<string, string> }, number[]]> = [
        ...hostile[t.kind].map(([name, data, type]): [string, ReturnType<typeof multipart>, number[]] => [
          `${name} holding ${data.subarray(0, 4).toString('latin1')}`,
          multipart(name, data, type, t.fields),
          t.kind === 'table' ? [400] : [415],
        ]),
        ...(t.kind === 'table'
          ? ([
              ['a zip bomb (200 MB in a few hundred KB)', multipart('people.xlsx', bomb, goodType), [413]],
              ['a zip bomb that declares 1 KB', multipart('people.xlsx', lyingBomb, goodType), [400]],
            ] as Array<[string, ReturnType<typeof multipart>, number[]]>)
          : []),
        ['an empty file', multipart(goodName, Buffer.alloc(0), goodType, t.fields), [400]],
        ['a file over the limit', multipart(goodName, big(goodData), goodType, t.fields), [413]],
        [
          'two files',
          rawMultipart(
            [
              [goodName, goodData],
              [goodName, goodData],
            ],
            t.fields,
          ),
          [400, 413],
        ],
        ['fields but no file', rawMultipart([], { ...t.fields, name: 'x' }), [400]],
        ['the bytes without multipart', { payload: goodData, headers: { 'content-type': goodType } }, [415]],
        [
          'JSON',
          { payload: JSON.stringify({ file: goodData.toString('base64') }), headers: { 'content-type': 'application/json' } },
          [415],
        ],
      ];
      for (const [what, body, statuses] of attempts) {
        tried++;
        const res = await send(body);
        const label = `${route}: ${what}`;
        expect(statuses, `${label} → ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
        expect(String(res.headers['content-type']), label).toMatch(/application\/problem\+json/);
        const problem = res.json() as { code?: string; errors?: Array<{ path: string }> };
        expect(problem.code, label).toBeTruthy();
        expect(
          problem.errors?.map((e) => e.path),
          label,
        ).toContain('file');
      }
    }
    expect(await fileRows()).toBe(before.rows);
    expect(listFiles(h.dataDir)).toEqual(before.disk);
    console.log(
      `[uploads] ${Object.keys(targets).length} upload routes, ${tried} hostile requests: all refused 4xx problem+json naming file, 0 rows and 0 files written`,
    );
  });

  it('stores real files under escaping names with a safe name, inside the data directory only', async () => {
    const names = ['../../etc/passwd', '..\\..\\windows\\win.ini', '/abs/path', 'a\u0000b', 'evil\u202Egpj', `${'长'.repeat(400)}`];
    const diskBefore = listFiles(h.dataDir);
    const parent = path.dirname(h.dataDir);
    const siblingsBefore = fs
      .readdirSync(parent)
      .filter((n) => !n.startsWith('wz-'))
      .sort();
    let stored = 0;
    for (const [route, t] of Object.entries(targets)) {
      if (t.kind === 'table') continue; // imports read the rows and keep no file
      const who = t.as === 'staff' ? staff : applicant;
      const [, data, type] = good[t.kind];
      const ext = t.kind === 'image' ? '.png' : '.pdf';
      for (const [i, name] of names.entries()) {
        const body = Buffer.concat([data, Buffer.from(`\n%${route}${i}`)]); // distinct content, so each is a new file
        const res = await h.call(who, {
          method: route.split(' ')[0] as 'PUT',
          url: t.url(),
          ...multipart(name + ext, body, type, t.fields),
        });
        expect(res.statusCode, `${route} ${JSON.stringify(name)}: ${res.body.slice(0, 200)}`).toBeLessThan(300);
        const [row] = await h.database.rows<{ original_name: string }>(
          sql`select original_name from files where sha256 = ${crypto.createHash('sha256').update(body).digest('hex')}`,
        );
        expect(row, `${route} ${JSON.stringify(name)}`).toBeTruthy();
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the stored name must hold no control character
        expect(row.original_name).not.toMatch(/[/\\\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
        expect(row.original_name).not.toMatch(/^\.\.?$/);
        expect([...row.original_name].length).toBeLessThanOrEqual(200);
        stored++;
      }
    }
    const added = listFiles(h.dataDir).filter((f) => !diskBefore.includes(f));
    expect(added.length).toBe(stored);
    for (const f of added) expect(path.relative(h.dataDir, f)).toMatch(/^files\/[0-9a-f]{2}\/[0-9a-f]{64}$/);
    expect(
      fs
        .readdirSync(parent)
        .filter((n) => !n.startsWith('wz-'))
        .sort(),
    ).toEqual(siblingsBefore);
  });
});
