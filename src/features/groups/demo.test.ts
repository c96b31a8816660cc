import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { features } from '../index.js';
import { searchKinds } from '../search/contract.js';
import { rebuild } from '../search/index.js';
import { seedDemo } from '../../demo.js';
import { createHarness, type Harness } from '../../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await seedDemo(h.ctx);
});
afterAll(() => h.close());

describe('groups and library demo data', () => {
  it('has the three working groups with chairs and published outputs', async () => {
    const groups = (await h.call(null, { method: 'GET', url: '/api/v1/groups' })).json();
    expect(groups.map((g: { slug: string }) => g.slug)).toEqual(['data', 'artificial-intelligence', 'cross-border-ecommerce']);
    const ai = (await h.call(null, { method: 'GET', url: '/api/v1/groups/artificial-intelligence' })).json();
    expect(ai.chairs[0].name).toBe('Tan Mei Ling');
    expect(ai.outputs).toHaveLength(2);
    expect(ai.memberOrganizations.length).toBeGreaterThan(4);
    // One figure: the card's member count is the group page's.
    for (const g of groups as Array<{ slug: string; memberCount: number }>) {
      const page = (await h.call(null, { method: 'GET', url: `/api/v1/groups/${g.slug}` })).json();
      expect(g.memberCount, g.slug).toBe(page.memberCount);
      expect(page.memberCount, g.slug).toBeGreaterThanOrEqual(page.memberOrganizations.length);
    }
    // The Data group's draft stays inside.
    expect((await h.call(null, { method: 'GET', url: '/api/v1/groups/data' })).json().outputs).toEqual([]);
  });

  it('fills the library: blue books, outlook, concept, initiative, case collections, group documents; 4.0 supersedes 3.0', async () => {
    const all = (await h.call(null, { method: 'GET', url: '/api/v1/library?pageSize=100' })).json();
    const kinds = new Set(all.items.map((p: { kind: string }) => p.kind));
    for (const k of ['blue-book', 'outlook', 'concept', 'initiative', 'case-collection', 'report', 'consensus', 'proposal'])
      expect(kinds).toContain(k);
    // The list holds the current edition, 4.0; 3.0 is one of its editions.
    const cyber = all.items.filter((p: { title: { en: string } }) => p.title.en.startsWith('Cyber Sovereignty'));
    expect(cyber.map((p: { edition: string; earlierEditions: number }) => [p.edition, p.earlierEditions])).toEqual([['4.0', 1]]);
    expect(cyber[0].supersedes.edition).toBe('3.0');
    const v4 = (await h.call(null, { method: 'GET', url: `/api/v1/library/${cyber[0].id}` })).json();
    expect(v4.editions.map((e: { edition: string; current: boolean }) => [e.edition, e.current])).toEqual([
      ['4.0', true],
      ['3.0', false],
    ]);
    // Every publication of the demo has an abstract and a file in English and in Simplified Chinese.
    for (const p of all.items as Array<{ abstract: Record<string, string>; files: Array<{ lang: string }>; title: { en: string } }>) {
      expect(Object.keys(p.abstract).sort(), p.title.en).toEqual(['en', 'zh-Hans']);
      expect(p.files.map((f) => f.lang).sort(), p.title.en).toEqual(['en', 'zh-Hans']);
    }
    const consensus = all.items.find((p: { kind: string }) => p.kind === 'consensus');
    expect(consensus.endorsers.length).toBeGreaterThanOrEqual(5);
    const proposal = all.items.find((p: { kind: string }) => p.kind === 'proposal');
    const subs = (await h.call(null, { method: 'GET', url: `/api/v1/documents/${proposal.sourceDocumentId}/submissions` })).json();
    expect(subs[0].partners).toHaveLength(15);
    const blue = all.items.find((p: { kind: string; files: unknown[] }) => p.kind === 'blue-book' && p.files.length === 2);
    const dl = await h.call(null, { method: 'GET', url: blue.files[0].url });
    expect(dl.statusCode).toBe(200);
    expect(dl.body).toContain('SAMPLE FILE');
  });
});

describe('search', () => {
  it('indexes groups, published documents and publications as public, never drafts; a rebuild yields the same', async () => {
    const q = () =>
      h.database.rows<{ kind: string; id: string; visibility: string }>(
        sql`select kind, id, visibility from search_docs where kind in ('group', 'document', 'publication') order by kind, id`,
      );
    const before = await q();
    expect(new Set(before.map((r) => r.kind))).toEqual(new Set(['group', 'document', 'publication']));
    expect(before.every((r) => r.visibility === 'public')).toBe(true);
    const draft = await h.database.rows<{ id: string }>(
      sql`select d.id from documents d where not exists (select 1 from document_versions v where v.document_id = d.id and v.status = 'published')`,
    );
    expect(draft.length).toBeGreaterThan(0);
    expect(before.map((r) => r.id)).not.toContain(draft[0].id);
    await rebuild(h.ctx, features);
    expect(await q()).toEqual(before);
    // One query finds Traditional and Simplified: 網路主權 → 网络主权.
    const r = await h.call(null, { method: 'GET', url: `/api/v1/search?q=${encodeURIComponent('網路主權')}` });
    expect(r.statusCode).toBe(200);
    expect(r.json().items.map((i: { kind: string }) => i.kind)).toEqual(expect.arrayContaining(['document', 'publication']));
  });

  it('holds, across the whole demo, only the kinds the search contract names (and labels)', async () => {
    const kinds = (await h.database.rows<{ kind: string }>(sql`select distinct kind from search_docs`)).map((r) => r.kind);
    expect(kinds.length).toBeGreaterThan(3);
    expect([...searchKinds]).toEqual(expect.arrayContaining(kinds));
  });
});
