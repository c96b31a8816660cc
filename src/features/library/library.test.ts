import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, multipart, type Harness, type TestUser } from '../../test/harness.js';

let h: Harness;
let staff: TestUser, plain: TestUser;
const pdf = (s: string) => Buffer.from(`%PDF-1.4\n% ${s}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
let groupA: string;

async function pub(body: Record<string, unknown>) {
  const r = await h.call(staff, { method: 'POST', url: '/api/v1/library', payload: body });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string };
}
async function upload(id: string, lang: string) {
  const mp = multipart(`book-${lang}.pdf`, pdf(lang));
  const r = await h.call(staff, { method: 'PUT', url: `/api/v1/library/${id}/files/${lang}`, payload: mp.payload, headers: mp.headers });
  expect(r.statusCode, r.body).toBe(200);
}

let blue: string, outlook: string, v3: string, v4: string;
beforeAll(async () => {
  h = await createHarness();
  staff = await h.user({ roles: ['secretariat'] });
  plain = await h.user();
  groupA = (
    await h.call(staff, { method: 'POST', url: '/api/v1/groups', payload: { slug: 'data', name: { en: 'Data Working Group' } } })
  ).json().id;
  blue = (
    await pub({
      kind: 'blue-book',
      year: 2024,
      title: { en: 'World Internet Development Report 2024', 'zh-Hans': '世界互联网发展报告2024' },
      tags: ['development'],
      authors: [{ kind: 'group', refId: groupA, name: { en: 'Data Working Group' } }],
    })
  ).id;
  outlook = (await pub({ kind: 'outlook', year: 2023, title: { en: 'Wuzhen Outlook 2023' }, tags: ['outlook', 'development'] })).id;
  v3 = (await pub({ kind: 'report', year: 2021, title: { en: 'Cyber Sovereignty: Theory and Practice (3.0)' }, edition: '3.0' })).id;
  v4 = (
    await pub({
      kind: 'report',
      year: 2023,
      title: { en: 'Cyber Sovereignty: Theory and Practice (4.0)' },
      edition: '4.0',
      supersedesId: v3,
    })
  ).id;
  await pub({ kind: 'concept', year: 2024, title: { en: 'A hidden draft' }, status: 'draft' });
  await upload(blue, 'en');
  await upload(blue, 'zh-Hans');
  await upload(outlook, 'en');
});
afterAll(() => h.close());

const list = async (q: string) =>
  (await h.call(null, { method: 'GET', url: `/api/v1/library${q}` })).json() as {
    total: number;
    items: Array<{ id: string; title: { en: string } }>;
  };

describe('library', () => {
  it('filters by kind, year, language, group and tag; drafts stay hidden', async () => {
    expect((await list('')).total).toBe(4);
    expect((await list('?kind=blue-book')).items.map((i) => i.id)).toEqual([blue]);
    expect((await list('?year=2023')).items.map((i) => i.id).sort()).toEqual([outlook, v4].sort());
    expect((await list('?lang=zh-Hans')).items.map((i) => i.id)).toEqual([blue]);
    expect((await list(`?group=${groupA}`)).items.map((i) => i.id)).toEqual([blue]);
    expect((await list('?tag=development')).total).toBe(2);
    expect((await list('?tag=development&kind=outlook')).items.map((i) => i.id)).toEqual([outlook]);
    expect((await h.call(null, { method: 'GET', url: '/api/v1/library?kind=poem' })).statusCode).toBe(400);
    const facets = (await h.call(null, { method: 'GET', url: '/api/v1/library/facets' })).json();
    expect(facets.kinds).toEqual({ 'blue-book': 1, outlook: 1, report: 2 });
    expect(facets.groups).toEqual([{ id: groupA, name: { en: 'Data Working Group' }, count: 1 }]);
  });

  it('keeps both editions: 4.0 supersedes 3.0', async () => {
    const old = (await h.call(null, { method: 'GET', url: `/api/v1/library/${v3}` })).json();
    expect(old.supersededBy).toMatchObject({ id: v4, edition: '4.0' });
    const cur = (await h.call(null, { method: 'GET', url: `/api/v1/library/${v4}` })).json();
    expect(cur.supersedes).toMatchObject({ id: v3, edition: '3.0' });
    const loop = await h.call(staff, {
      method: 'PUT',
      url: `/api/v1/library/${v3}`,
      payload: { kind: 'report', year: 2021, title: { en: 'x' }, supersedesId: v4 },
    });
    expect(loop.statusCode).toBe(400);
  });

  it('counts downloads atomically, per language', async () => {
    const res = await Promise.all(
      Array.from({ length: 20 }, () => h.call(null, { method: 'GET', url: `/api/v1/library/${blue}/files/en` })),
    );
    expect(res.every((r) => r.statusCode === 200)).toBe(true);
    expect(res[0].headers['content-type']).toBe('application/pdf');
    await h.call(null, { method: 'GET', url: `/api/v1/library/${blue}/files/zh-Hans` });
    const p = (await h.call(null, { method: 'GET', url: `/api/v1/library/${blue}` })).json();
    expect(p.files.map((f: { lang: string; downloads: number }) => [f.lang, f.downloads])).toEqual([
      ['en', 20],
      ['zh-Hans', 1],
    ]);
    expect(p.downloads).toBe(21);
    expect((await h.call(null, { method: 'GET', url: `/api/v1/library/${blue}/files/zh-Hant` })).statusCode).toBe(404);
  });

  it('is kept by the secretariat; uploads are sniffed', async () => {
    expect(
      (await h.call(plain, { method: 'POST', url: '/api/v1/library', payload: { kind: 'outlook', year: 2024, title: { en: 'x' } } }))
        .statusCode,
    ).toBe(403);
    const mp = multipart('evil.pdf', '<html><script>alert(1)</script></html>');
    expect(
      (await h.call(staff, { method: 'PUT', url: `/api/v1/library/${outlook}/files/en`, payload: mp.payload, headers: mp.headers }))
        .statusCode,
    ).toBe(415);
  });

  it('indexes published publications as public, and not drafts', async () => {
    const rows = await h.database.rows<{ visibility: string }>(sql`select visibility from search_docs where kind = 'publication'`);
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.visibility === 'public')).toBe(true);
  });
});
