import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type Database } from '../src/platform/db/index.js';
import { indexDocs, type SearchDoc } from '../src/platform/search/index.js';
import { searchIndex } from '../src/platform/search/query.js';
import { hansToHant } from '../src/platform/i18n/index.js';
import { benchDatabaseUrl, compare, fmt } from './lib.js';

/**
 * Search over generated documents in English, Simplified and Traditional
 * Chinese: index build time, then p50/p95 of the real search (segmentation,
 * script folding, ranking, counts, highlights) against a plain ILIKE query on
 * the same table in the same run.
 */
const zhWords = ['网络', '空间', '命运', '共同体', '数字', '经济', '人工智能', '数据', '治理', '安全', '跨境', '电商', '算力', '丝路', '发展', '合作', '创新', '青年', '领军者', '互联网', '信息', '软件', '实践', '案例', '乡村', '医疗', '教育', '文化', '交流', '基础设施', '标准', '开放', '平台', '隐私', '算法', '产业', '城市', '智慧', '绿色', '低碳'];
const enWords = ['network', 'space', 'digital', 'economy', 'artificial', 'intelligence', 'data', 'governance', 'security', 'cross-border', 'commerce', 'computing', 'silk', 'road', 'development', 'cooperation', 'innovation', 'youth', 'leaders', 'internet', 'information', 'software', 'practice', 'case', 'rural', 'health', 'education', 'culture', 'exchange', 'infrastructure', 'standards', 'open', 'platform', 'privacy', 'algorithm', 'industry', 'city', 'smart', 'green', 'carbon'];
const kinds = ['event', 'session', 'member', 'case', 'publication', 'group', 'document'];
const countries = ['CN', 'KE', 'BR', 'DE', 'US', 'AU', 'IN', 'EG', 'ES', 'KZ'];

let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T>(a: T[]) => a[Math.floor(rand() * a.length)];
const zh = (n: number) => Array.from({ length: n }, () => pick(zhWords)).join('');
const en = (n: number) => Array.from({ length: n }, () => pick(enWords)).join(' ');

function doc(i: number): SearchDoc {
  const script = i % 3;
  const title = script === 0 ? { en: en(5) } : script === 1 ? { 'zh-Hans': zh(5) } : { 'zh-Hant': hansToHant(zh(5)) };
  const summary = script === 0 ? { en: en(30) } : script === 1 ? { 'zh-Hans': zh(25) } : { 'zh-Hant': hansToHant(zh(25)) };
  return { kind: kinds[i % kinds.length], id: String(i), visibility: i % 10 === 0 ? 'members' : 'public', title, summary, url: `/x/${i}`, year: 2014 + (i % 13), countryCode: pick(countries) };
}

async function freshPostgres() {
  const name = `wz_bench_search_${Date.now()}`;
  const admin = new pg.Client({ connectionString: benchDatabaseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(benchDatabaseUrl);
  u.pathname = `/${name}`;
  const database = await openDatabase({ url: u.toString(), poolSize: 4 });
  await database.migrate();
  return {
    database,
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: benchDatabaseUrl });
      await c.connect();
      await c.query(`drop database ${name} with (force)`);
      await c.end();
    },
  };
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

export async function run(args: string[]) {
  const n = args.includes('--small') ? 10_000 : 100_000;
  const engines: Array<['postgres' | 'pglite', () => Promise<{ database: Database; drop: () => Promise<void> }>]> = [
    ['postgres', freshPostgres],
    ['pglite', async () => {
      const database = await openDatabase({});
      await database.migrate();
      return { database, drop: () => database.close() };
    }],
  ];
  for (const [engine, open] of engines) {
    const { database, drop } = await open();
    try {
      const t0 = performance.now();
      const batch = 500;
      for (let i = 0; i < n; i += batch) {
        await database.db.transaction(async (tx) => indexDocs(tx, Array.from({ length: Math.min(batch, n - i) }, (_, j) => doc(i + j))));
      }
      await database.db.execute(sql`analyze search_docs`);
      const buildS = (performance.now() - t0) / 1000;
      console.log(`${engine}: indexed ${fmt(n)} documents in ${buildS.toFixed(1)} s (${fmt(n / buildS)} docs/s)`);

      const queries: string[] = [];
      for (let i = 0; i < 200; i++) {
        const k = i % 5;
        queries.push(k === 0 ? pick(enWords) : k === 1 ? `${pick(enWords)} ${pick(enWords)}` : k === 2 ? pick(zhWords) : k === 3 ? hansToHant(pick(zhWords) + pick(zhWords)) : `${pick(zhWords)} ${pick(enWords)}`);
      }
      const ours: number[] = [];
      const base: number[] = [];
      for (const q of queries.slice(0, 10)) await searchIndex(database.db, { q, page: 1, pageSize: 20, locale: 'en', visibilities: ['public'] }); // warm up
      for (const q of queries) {
        let t = performance.now();
        await searchIndex(database.db, { q, page: 1, pageSize: 20, locale: 'en', visibilities: ['public'] });
        ours.push(performance.now() - t);
        t = performance.now();
        const like = `%${q.split(' ')[0]}%`;
        await database.db.execute(sql`select kind, id, title, summary from search_docs where visibility = 'public' and (title::text ilike ${like} or summary::text ilike ${like}) limit 20`);
        await database.db.execute(sql`select count(*) from search_docs where visibility = 'public' and (title::text ilike ${like} or summary::text ilike ${like})`);
        base.push(performance.now() - t);
      }
      compare(`${engine} search p50 (ms)`, percentile(ours, 50), percentile(base, 50), 'ms', false);
      compare(`${engine} search p95 (ms)`, percentile(ours, 95), percentile(base, 95), 'ms', false);
      console.log(`${engine}: target p95 ≤ 50 ms: ${percentile(ours, 95) <= 50 ? 'met' : 'MISSED'}`);
    } finally {
      await drop();
    }
  }
}
