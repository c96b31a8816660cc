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

let blue: string, outlook: string, v3: string, v4: string, draft: string;
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
      abstract: { en: 'How the internet grew in 2024.', 'zh-Hans': '2024年互联网发展概况。' },
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
  draft = (await pub({ kind: 'concept', year: 2024, title: { en: 'A hidden draft' }, status: 'draft' })).id;
  await upload(draft, 'en');
  await upload(blue, 'en');
  await upload(blue, 'zh-Hans');
  await upload(outlook, 'en');
});
afterAll(() => h.close());

const list = async (q: string) =>
  (await h.call(null, { method: 'GET', url: `/api/v1/library${q}` })).json() as {
    total: number;
    items: Array<{ id: string; title: { en: string }; earlierEditions: number }>;
  };
const get = async (id: string) => (await h.call(null, { method: 'GET', url: `/api/v1/library/${id}` })).json();
const downloadsOf = async (id: string) =>
  Object.fromEntries(
    (
      await h.database.rows<{ lang: string; downloads: number }>(
        sql`select lang, downloads from publication_files where publication_id = ${id}`,
      )
    ).map((r) => [r.lang, r.downloads]),
  );

describe('library', () => {
  it('filters by kind, year, language, group and tag; drafts and earlier editions stay out of the list', async () => {
    expect((await list('')).total).toBe(3);
    expect((await list('?kind=blue-book')).items.map((i) => i.id)).toEqual([blue]);
    expect((await list('?year=2023')).items.map((i) => i.id).sort()).toEqual([outlook, v4].sort());
    expect((await list('?lang=zh-Hans')).items.map((i) => i.id)).toEqual([blue]);
    expect((await list(`?group=${groupA}`)).items.map((i) => i.id)).toEqual([blue]);
    expect((await list('?tag=development')).total).toBe(2);
    expect((await list('?tag=development&kind=outlook')).items.map((i) => i.id)).toEqual([outlook]);
    expect((await h.call(null, { method: 'GET', url: '/api/v1/library?kind=poem' })).statusCode).toBe(400);
    const facets = (await h.call(null, { method: 'GET', url: '/api/v1/library/facets' })).json();
    expect(facets.kinds).toEqual({ 'blue-book': 1, outlook: 1, report: 1 });
    expect(facets.years).toEqual({ '2023': 2, '2024': 1 });
    expect(facets.groups).toEqual([{ id: groupA, name: { en: 'Data Working Group' }, count: 1 }]);
  });

  it('keeps both editions: 4.0 supersedes 3.0; lists show 4.0 with one earlier edition, 3.0 is reached from it', async () => {
    const all = await list('');
    expect(all.items.map((i) => i.id)).not.toContain(v3);
    expect(all.items.find((i) => i.id === v4)?.earlierEditions).toBe(1);
    expect(all.items.find((i) => i.id === blue)?.earlierEditions).toBe(0);
    expect((await list('?year=2021')).total).toBe(0);
    const old = await get(v3);
    expect(old.title.en).toContain('(3.0)');
    expect(old.supersededBy).toMatchObject({ id: v4, edition: '4.0' });
    const cur = await get(v4);
    expect(cur.supersedes).toMatchObject({ id: v3, edition: '3.0' });
    const editions = [
      { id: v4, edition: '4.0', year: 2023, current: true },
      { id: v3, edition: '3.0', year: 2021, current: false },
    ];
    expect(cur.editions.map(({ title: _, ...e }: Record<string, unknown>) => e)).toEqual(editions);
    expect(old.editions.map(({ title: _, ...e }: Record<string, unknown>) => e)).toEqual(editions);
    expect((await get(blue)).editions).toEqual([expect.objectContaining({ id: blue, current: true })]);
    // The secretariat's list holds every edition.
    const manage = (await h.call(staff, { method: 'GET', url: '/api/v1/library/manage' })).json();
    expect(manage.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([v3, v4, draft]));
    const loop = await h.call(staff, {
      method: 'PUT',
      url: `/api/v1/library/${v3}`,
      payload: { kind: 'report', year: 2021, title: { en: 'x' }, supersedesId: v4 },
    });
    expect(loop.statusCode).toBe(400);
    // A later edition still in draft changes nothing public: 4.0 stays current and listed.
    const v5 = (
      await pub({ kind: 'report', year: 2025, title: { en: 'Cyber Sovereignty (5.0)' }, edition: '5.0', supersedesId: v4, status: 'draft' })
    ).id;
    expect((await list('?kind=report')).items.map((i) => i.id)).toEqual([v4]);
    expect((await get(v4)).editions.map((e: { id: string }) => e.id)).toEqual([v4, v3]);
    const staffView = (await h.call(staff, { method: 'GET', url: `/api/v1/library/${v4}` })).json();
    expect(staffView.editions.map((e: { id: string; current: boolean }) => [e.id, e.current])).toEqual([
      [v5, false],
      [v4, true],
      [v3, false],
    ]);
    expect((await h.call(staff, { method: 'DELETE', url: `/api/v1/library/${v5}` })).statusCode).toBe(200);
  });

  it('answers the abstract in every language it has', async () => {
    const p = await get(blue);
    expect(p.abstract).toEqual({ en: 'How the internet grew in 2024.', 'zh-Hans': '2024年互联网发展概况。' });
    expect((await list('?kind=blue-book')).items[0]).toMatchObject({ abstract: { en: 'How the internet grew in 2024.' } });
    expect(p.files).toEqual([
      expect.objectContaining({
        lang: 'en',
        name: 'book-en.pdf',
        format: 'pdf',
        size: pdf('en').length,
        url: `/api/v1/library/${blue}/files/en`,
      }),
      expect.objectContaining({ lang: 'zh-Hans', name: 'book-zh-Hans.pdf', size: pdf('zh-Hans').length }),
    ]);
  });

  it('counts a download per GET, none per HEAD, and none for a file it refuses', async () => {
    const before = (await get(outlook)).downloads;
    const first = await h.call(null, { method: 'GET', url: `/api/v1/library/${outlook}/files/en` });
    expect(first.statusCode).toBe(200);
    expect(first.rawPayload.equals(pdf('en'))).toBe(true);
    expect(first.headers['content-disposition']).toContain('book-en.pdf');
    expect((await get(outlook)).downloads).toBe(before + 1);
    expect((await h.call(plain, { method: 'GET', url: `/api/v1/library/${outlook}/files/en` })).statusCode).toBe(200);
    expect((await get(outlook)).downloads).toBe(before + 2);
    const head = await h.call(null, { method: 'HEAD', url: `/api/v1/library/${outlook}/files/en` });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-type']).toBe('application/pdf');
    expect((await get(outlook)).downloads).toBe(before + 2);
    expect((await get(outlook)).files).toEqual([expect.objectContaining({ lang: 'en', downloads: before + 2 })]);
    // A draft's file: refused to visitors and signed-in people, not counted; the secretariat may check it (uncounted).
    for (const who of [null, plain]) {
      expect((await h.call(who, { method: 'GET', url: `/api/v1/library/${draft}/files/en` })).statusCode).toBe(404);
      expect((await h.call(who, { method: 'HEAD', url: `/api/v1/library/${draft}/files/en` })).statusCode).toBe(404);
    }
    expect((await h.call(null, { method: 'GET', url: `/api/v1/library/${draft}` })).statusCode).toBe(404);
    expect((await h.call(staff, { method: 'GET', url: `/api/v1/library/${draft}/files/en` })).statusCode).toBe(200);
    expect(await downloadsOf(draft)).toEqual({ en: 0 });
    // A language with no file: nothing to count.
    expect((await h.call(null, { method: 'GET', url: `/api/v1/library/${outlook}/files/zh-Hans` })).statusCode).toBe(404);
    expect(await downloadsOf(outlook)).toEqual({ en: before + 2 });
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
    // Earlier editions stay searchable (the list leaves them out, the search does not).
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.visibility === 'public')).toBe(true);
  });
});
