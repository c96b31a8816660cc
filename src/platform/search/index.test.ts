import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freshDatabase } from '../../test/harness.js';
import type { Database } from '../db/index.js';
import { indexDocs, removeDoc } from './index.js';
import { normalize, tokens } from './normalize.js';

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => ({ database, drop } = await freshDatabase()));
afterAll(async () => {
  await database.close();
  await drop();
});

it('indexes words of every script, folded to one form, and removes them', async () => {
  await indexDocs(database.db, [
    { kind: 'case', id: '1', visibility: 'public', title: { 'zh-Hant': '網路空間命運共同體實踐案例' }, url: '/showcase/1' },
  ]);
  const q = tokens('网络空间')
    .map((t) => `'${t}'`)
    .join(' & ');
  const hit = await database.rows(sql`select id from search_docs where words @@ ${q}::tsquery`);
  expect(hit).toEqual([{ id: '1' }]);
  await removeDoc(database.db, 'case', '1');
  expect(await database.rows(sql`select id from search_docs`)).toEqual([]);
});

it('normalizes width, case and script', () => {
  expect(normalize('ＡＢＣ　網際網路')).toBe('abc 互联网');
});
