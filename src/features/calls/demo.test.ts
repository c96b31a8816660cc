import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
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

it("the booklet prints each entry's applicant organization in its 申报单位 field, not the entry's title", async () => {
  const [call] = await h.database.rows<{ id: string }>(sql`select id from calls where kind = 'practice-case' and year = 2023`);
  const entries = await h.database.rows<{ code: string; title: string; org_en: string; org_zh: string }>(sql`
    select s.code, s.title->>'en' as title, o.name->>'en' as org_en, o.name->>'zh-Hans' as org_zh
    from submissions s join organizations o on o.id = s.organization_id where s.call_id = ${call.id}`);
  expect(entries).toHaveLength(13);
  const res = await h.call(null, { method: 'GET', url: `/api/v1/showcase/booklet.pdf?callId=${call.id}&locale=zh-Hans` });
  expect(res.statusCode).toBe(200);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wz-booklet-')), 'booklet.pdf');
  fs.writeFileSync(file, res.rawPayload);
  const pages = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f');
  fs.rmSync(path.dirname(file), { recursive: true });
  // Cover, contents, then one page per entry: the line after the field's label is its value.
  const fieldOf = (page: string) => {
    const lines = page.split('\n').map((l) => l.trim());
    const at = lines.indexOf('申报单位');
    return at < 0 ? null : lines.slice(at + 1).find((l) => l !== '');
  };
  for (const e of entries) {
    const page = pages.find((p) => p.trimStart().startsWith(e.code));
    expect(page, e.code).toBeDefined();
    const value = fieldOf(page!);
    expect([e.org_en, e.org_zh], e.code).toContain(value);
    expect(value, e.code).not.toContain(e.title);
  }
});
