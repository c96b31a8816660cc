import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../../demo.js';
import { signIn } from '../accounts/testkit.js';
import { showcase } from '../showcase/index.js';
import { createHarness, type Harness } from '../../test/harness.js';

let h: Harness;
let refs: Awaited<ReturnType<typeof seedDemo>>;
beforeAll(async () => {
  h = await createHarness();
  refs = await seedDemo(h.ctx);
});
afterAll(() => h.close());

it('seeds the five programs, the 2023 case collection, and reviewer@ in the pools', async () => {
  const list = (await h.call(null, { method: 'GET', url: '/api/v1/calls' })).json();
  expect(new Set(list.map((c: any) => c.kind))).toEqual(
    new Set(['practice-case', 'sci-tech', 'competition', 'youth-leaders', 'ai-for-good']),
  );
  const cases = (await h.call(null, { method: 'GET', url: '/api/v1/showcase?kind=practice-case&year=2023&locale=zh-Hant' })).json();
  expect(cases).toHaveLength(13);
  expect(new Set(cases.map((c: any) => c.category)).size).toBe(5);
  const userId = refs.accounts.get('reviewer@wuzhen.example')!;
  const me = { id: userId, email: 'reviewer@wuzhen.example', ...(await signIn(h.ctx.db, userId)) };
  const mine = (await h.call(me, { method: 'GET', url: '/api/v1/review/assignments' })).json();
  expect(mine.map((a: any) => a.code)).toEqual(['AIGOOD-2026-0001', 'AIGOOD-2026-0002']);
  const inv = (await h.call(me, { method: 'GET', url: '/api/v1/review/invitations' })).json();
  expect(inv.length).toBeGreaterThanOrEqual(3);
  // `wuzhen search rebuild` gets the same documents back from the showcase.
  const docs = [];
  for await (const d of showcase.searchDocs!(h.ctx)) docs.push(d);
  expect(docs).toHaveLength(13);
  expect(docs.every((d) => d.kind === 'case' && d.visibility === 'public' && d.url === `/showcase/${d.id}`)).toBe(true);
});
