import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.js';
import { indexDocs, type SearchDoc } from '../../platform/search/index.js';
import type { SearchResult } from './contract.js';

// A small cap, so a handful of documents is "more than the cap".
const cap = 5;
let h: Harness;

const doc = (i: number, extra: Partial<SearchDoc>): SearchDoc => ({
  kind: 'case',
  id: `d${i}`,
  visibility: 'public',
  title: { en: `Plain entry ${i}` },
  summary: { en: 'Nothing to see' },
  url: `/cases/d${i}`,
  year: 2020,
  ...extra,
});

// "marmalade": 4 documents with it in the title, 8 with it in the text only (cases and events);
// "quince": 7 sessions, more than the cap, plus 2 groups; restricted documents use both words too.
const docs: SearchDoc[] = [
  ...Array.from({ length: 4 }, (_, i) => doc(i, { title: { en: `Marmalade report ${i}` }, year: 2021 + i })),
  ...Array.from({ length: 8 }, (_, i) =>
    doc(10 + i, { kind: i % 2 ? 'event' : 'case', summary: { en: `Notes on marmalade ${i}` }, year: 2030 }),
  ),
  ...Array.from({ length: 7 }, (_, i) => doc(20 + i, { kind: 'session', title: { en: `Quince session ${i}` } })),
  ...Array.from({ length: 2 }, (_, i) =>
    doc(30 + i, { kind: 'group', title: { en: `Quince group ${i}` }, summary: { 'zh-Hans': '工作组' } }),
  ),
  ...Array.from({ length: 10 }, (_, i) =>
    doc(40 + i, { kind: 'member', visibility: i % 2 ? 'members' : 'staff', title: { en: `Quince marmalade secret ${i}` }, year: 2031 }),
  ),
];

beforeAll(async () => {
  h = await createHarness({ SEARCH_COUNT_CAP: String(cap) });
  await indexDocs(h.ctx.db, docs);
});
afterAll(() => h.close());

async function search(query: Record<string, string | number>): Promise<SearchResult> {
  const res = await h.call(null, {
    method: 'GET',
    url: '/api/v1/search',
    query: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const publicMatches = (word: RegExp, kind?: string) =>
  docs.filter((d) => d.visibility === 'public' && (!kind || d.kind === kind) && word.test(JSON.stringify([d.title, d.summary])));

describe('searches with more matches than the cap', () => {
  it('report the total as capped, and facets as counted over the first matches', async () => {
    expect(publicMatches(/marmalade/i).length).toBeGreaterThan(cap);
    const r = await search({ q: 'marmalade' });
    expect(r.total).toBe(cap);
    expect(r.totalCapped).toBe(true);
    expect(r.facetsCapped).toBe(true);
    expect(r.kinds.reduce((n, k) => n + k.count, 0)).toBe(cap);
    expect(r.years.reduce((n, y) => n + y.count, 0)).toBe(cap);
    expect(r.items).toHaveLength(cap);
  });

  it('rank title matches above text matches', async () => {
    const r = await search({ q: 'marmalade' });
    const inTitle = publicMatches(/marmalade/i)
      .filter((d) => /marmalade/i.test(JSON.stringify(d.title)))
      .map((d) => d.id);
    expect(
      r.items
        .slice(0, inTitle.length)
        .map((i) => i.id)
        .sort(),
    ).toEqual(inTitle.sort());
    // Newest first among title matches, as below the cap.
    expect(r.items.slice(0, inTitle.length).map((i) => i.year)).toEqual([2024, 2023, 2022, 2021]);
  });

  it('pages through the capped results without repeats', async () => {
    const p1 = await search({ q: 'marmalade', pageSize: 3, page: 1 });
    const p2 = await search({ q: 'marmalade', pageSize: 3, page: 2 });
    const ids = [...p1.items, ...p2.items].map((i) => i.id);
    expect(ids).toHaveLength(cap);
    expect(new Set(ids).size).toBe(cap);
  });

  it('count a kind on its own when the kind filter is applied', async () => {
    const sessions = await search({ q: 'quince', kind: 'session' });
    expect(sessions.totalCapped).toBe(true);
    expect(sessions.total).toBe(cap);
    expect(sessions.items.every((i) => i.kind === 'session')).toBe(true);
    const groups = await search({ q: 'quince', kind: 'group' });
    expect(groups.total).toBe(publicMatches(/quince/i, 'group').length);
    expect(groups.totalCapped).toBe(false);
    expect(groups.items.map((i) => i.id).sort()).toEqual(['d30', 'd31']);
    // The counts per kind still ignore the kind filter, counted over the first matches.
    expect(groups.facetsCapped).toBe(true);
    expect(groups.kinds.reduce((n, k) => n + k.count, 0)).toBe(cap);
  });

  it('apply the other filters before the cap', async () => {
    const byYear = await search({ q: 'marmalade', year: 2022 });
    expect(byYear.items.map((i) => i.id)).toEqual(['d1']);
    expect(byYear.totalCapped).toBe(false);
    const byLang = await search({ q: 'quince', lang: 'zh-Hans' });
    expect(byLang.total).toBe(0);
  });

  it('never count or show what the viewer may not see', async () => {
    // 10 restricted documents match "quince marmalade"; no public one does.
    const r = await search({ q: 'quince marmalade' });
    expect(r).toMatchObject({ total: 0, totalCapped: false, items: [], kinds: [], years: [], countries: [] });
    const groups = await search({ q: 'quince', kind: 'member' });
    expect(groups.total).toBe(0);
  });

  it('browse without words newest first', async () => {
    const r = await search({ q: '', pageSize: 3 });
    expect(r.totalCapped).toBe(true);
    expect(r.total).toBe(cap);
    expect(r.items.map((i) => i.year)).toEqual([2030, 2030, 2030]);
    expect(r.items.every((i) => i.id.startsWith('d1'))).toBe(true);
  });

  it('stay exact below the cap', async () => {
    const r = await search({ q: 'marmalade report' });
    expect(r).toMatchObject({ total: 4, totalCapped: false, facetsCapped: false });
  });

  it('show "5+" on the server-rendered page in each language', async () => {
    const en = await h.call(null, { method: 'GET', url: '/en/search?q=marmalade' });
    expect(en.body).toContain(`${cap}+ results`);
    expect(en.body).toMatch(/All \(5\+\)/);
    const hans = await h.call(null, { method: 'GET', url: '/zh-hans/search?q=marmalade' });
    expect(hans.body).toContain(`${cap}+ 条结果`);
    const hant = await h.call(null, { method: 'GET', url: '/zh-hant/search?q=marmalade' });
    expect(hant.body).toContain(`${cap}+ 條結果`);
    const exact = await h.call(null, { method: 'GET', url: '/en/search?q=marmalade+report' });
    expect(exact.body).toContain('4 results');
  });
});
