import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.js';
import { indexDocs, type SearchDoc } from '../../platform/search/index.js';
import type { Feature } from '../../platform/http/types.js';
import { rebuild } from './service.js';

let h: Harness;
beforeAll(async () => (h = await createHarness()));
afterAll(() => h.close());

async function* docs(n: number, prefix: string): AsyncIterable<SearchDoc> {
  for (let i = 0; i < n; i++)
    yield {
      kind: 'case',
      id: `${prefix}${i}`,
      visibility: i % 2 ? 'public' : 'members',
      title: { 'zh-Hant': `網路案例 ${i}` },
      url: `/showcase/${prefix}${i}`,
    };
}

it('empties the index and re-adds what every feature yields, with its visibility', async () => {
  await indexDocs(h.ctx.db, [{ kind: 'case', id: 'stale', visibility: 'public', title: { en: 'Stale entry' }, url: '/x' }]);
  const features: Feature[] = [
    { name: 'a', searchDocs: () => docs(250, 'a') },
    { name: 'b' },
    { name: 'c', searchDocs: () => docs(3, 'c') },
  ];
  expect(await rebuild(h.ctx, features)).toBe(253);
  const [{ n, pub }] = await h.database.rows<{ n: number; pub: number }>(
    sql`select count(*)::int as n, count(*) filter (where visibility = 'public')::int as pub from search_docs`,
  );
  expect(n).toBe(253);
  expect(pub).toBe(126);
  const stale = await h.database.rows(sql`select 1 from search_docs where id = 'stale'`);
  expect(stale).toEqual([]);
  const r = await h.call(null, { method: 'GET', url: '/api/v1/search?q=网络案例&pageSize=1' });
  expect(r.json().total).toBe(126);
});

it('keeps the old index when a source fails halfway', async () => {
  async function* broken(): AsyncIterable<SearchDoc> {
    yield* docs(5, 'x');
    throw new Error('source failed');
  }
  await expect(rebuild(h.ctx, [{ name: 'x', searchDocs: () => broken() }])).rejects.toThrow('source failed');
  const [{ n }] = await h.database.rows<{ n: number }>(sql`select count(*)::int as n from search_docs`);
  expect(n).toBe(253);
});
