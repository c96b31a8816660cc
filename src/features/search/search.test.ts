import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { indexDocs, removeDoc, type SearchDoc } from '../../platform/search/index.js';
import { type SearchKind, type SearchResult, searchKinds } from './contract.js';

let h: Harness;
let member: TestUser;
let staff: TestUser;
let signedIn: TestUser;

const pub = (
  kind: SearchKind,
  id: string,
  title: SearchDoc['title'],
  summary: SearchDoc['summary'] = {},
  extra: Partial<SearchDoc> = {},
): SearchDoc => ({
  kind,
  id,
  visibility: 'public',
  title,
  summary,
  url: `/${kind}s/${id}`,
  ...extra,
});

/** Fictional documents, each in one script only where the test is about crossing scripts. */
const docs: SearchDoc[] = [
  pub(
    'publication',
    'pub-net',
    { 'zh-Hant': '網路空間治理藍皮書' },
    { 'zh-Hant': '關於網路安全與資訊共享的年度報告' },
    { year: 2023, countryCode: 'CN' },
  ),
  pub(
    'case',
    'case-info',
    { 'zh-Hans': '信息无障碍实践案例' },
    { 'zh-Hans': '用开放的工具帮助视障人士获取信息' },
    { year: 2024, countryCode: 'CN' },
  ),
  pub(
    'case',
    'case-soft',
    { 'zh-Hant': '開源軟體社群協作案例' },
    { 'zh-Hant': '志願者共同維護的開源專案' },
    { year: 2024, countryCode: 'SG' },
  ),
  pub(
    'document',
    'doc-internet',
    { 'zh-Hans': '世界互联网发展报告', en: 'World Internet Development Report' },
    { en: 'An annual overview of connectivity and governance.' },
    { year: 2024 },
  ),
  pub('case', 'case-data', { 'zh-Hant': '資料跨境流動實踐' }, { 'zh-Hant': '企業如何安全地移轉資料' }, { year: 2023, countryCode: 'MY' }),
  pub(
    'group',
    'group-ai',
    { 'zh-Hans': '人工智能工作组', en: 'Artificial Intelligence Working Group' },
    { en: 'Shared rules for trustworthy models.' },
  ),
  pub('publication', 'pub-algo', { 'zh-Hant': '演算法治理白皮書' }, { 'zh-Hant': '推薦系統的透明度原則' }, { year: 2022 }),
  pub(
    'case',
    'case-econ',
    { 'zh-Hans': '乡村数字经济实践案例', en: 'Digital Economy in Rural Villages' },
    { 'zh-Hans': '电商平台带动农产品销售' },
    { year: 2024, countryCode: 'CN' },
  ),
  pub(
    'event',
    'event-summit',
    { en: 'World Internet Conference Wuzhen Summit', 'zh-Hans': '世界互联网大会乌镇峰会' },
    { en: 'The annual meeting of the organization in Wuzhen.' },
    { year: 2024, countryCode: 'CN' },
  ),
  pub(
    'event',
    'event-silk',
    { en: 'Digital Silk Road Development Forum', 'zh-Hans': '世界互联网大会数字丝路发展论坛' },
    { en: "Held in Xi'an, where the ancient Silk Road began." },
    { year: 2024, countryCode: 'CN' },
  ),
  pub(
    'event',
    'event-spain',
    { en: 'Computing Network Forum', 'zh-Hans': '算力网络专题论坛' },
    { en: 'A themed forum held in Spain.' },
    { year: 2024, countryCode: 'ES' },
  ),
  pub('member', 'person-wang', { en: 'Wang Xiaomei', 'zh-Hans': '王晓梅' }, { en: 'Speaker, member day 2024' }, { countryCode: 'CN' }),
  pub('member', 'person-ana', { en: 'Ana Souza' }, { en: 'Speaker on digital inclusion' }, { countryCode: 'BR' }),
  pub(
    'member',
    'member-nordic',
    { en: 'Nordic Internet Governance Institute' },
    { en: 'A fictional research institute.' },
    { countryCode: 'SE' },
  ),
  pub(
    'publication',
    'pub-economies',
    { en: 'Economies of Cross-border E-commerce' },
    { en: 'How small businesses trade online across borders.' },
    { year: 2023 },
  ),
  pub(
    'document',
    'doc-community',
    { en: 'Jointly Building a Community with a Shared Future in Cyberspace', 'zh-Hans': '携手构建网络空间命运共同体' },
    { en: 'A concept document.' },
    { year: 2022 },
  ),
];

/** For each kind and restricted visibility, a document with words found nowhere else. */
const restrictedKinds = searchKinds;
const restricted: SearchDoc[] = restrictedKinds.flatMap((kind) =>
  (['members', 'staff'] as const).map((visibility) => ({
    kind,
    id: `secret-${kind}-${visibility}`,
    visibility,
    title: { en: `Kumquatzephyr ${kind} briefing`, 'zh-Hans': `麒麟机密${kind}简报` },
    summary: { en: `Obsidianlighthouse notes for ${visibility} only`, 'zh-Hant': '黑曜石燈塔備忘錄' },
    url: `/${kind}s/secret-${kind}-${visibility}`,
    year: 2031,
    countryCode: 'AQ',
  })),
);

beforeAll(async () => {
  h = await createHarness();
  member = await h.user();
  signedIn = await h.user();
  staff = await h.user({ roles: ['secretariat'] });
  h.ctx.membership.isMember = async (a) => a?.userId === member.id;
  await h.ctx.db.transaction(async (tx) => indexDocs(tx, [...docs, ...restricted]));
});
afterAll(() => h.close());

async function search(query: Record<string, string | number>, who: TestUser | null = null): Promise<SearchResult> {
  const res = await h.call(who, {
    method: 'GET',
    url: '/api/v1/search',
    query: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** [query, the id expected first ('' when several are equally good), other ids that must be among the hits] */
const cases: Array<[string, string, string[]?]> = [
  // Regional words, Simplified query → Traditional text and back
  ['网络空间治理', 'pub-net'],
  ['網路空間治理', 'pub-net'],
  ['网络安全', 'pub-net'],
  ['網路', '', ['pub-net', 'doc-community', 'event-spain']],
  ['网络', '', ['pub-net', 'doc-community', 'event-spain']],
  ['信息无障碍', 'case-info'],
  ['資訊無障礙', 'case-info'],
  ['資訊', 'case-info', ['pub-net']],
  ['信息', 'case-info', ['pub-net']],
  ['软件', 'case-soft'],
  ['軟體', 'case-soft'],
  ['开源软件社群', 'case-soft'],
  ['互联网发展报告', 'doc-internet'],
  ['網際網路發展報告', 'doc-internet'],
  ['網際網路', '', ['doc-internet', 'event-summit', 'event-silk']],
  ['互联网', '', ['doc-internet', 'event-summit', 'event-silk']],
  ['数据跨境流动', 'case-data'],
  ['資料跨境', 'case-data'],
  ['数据', 'case-data'],
  ['人工智慧工作組', 'group-ai'],
  ['人工智能', 'group-ai'],
  ['人工智慧', 'group-ai'],
  ['算法治理', 'pub-algo'],
  ['演算法', 'pub-algo'],
  ['算法', 'pub-algo'],
  ['数字经济', 'case-econ'],
  ['數位經濟', 'case-econ'],
  ['数位经济', 'case-econ'],
  // English: stemming, prefixes, case and width
  ['digital economy', 'case-econ'],
  ['economies', 'pub-economies', ['case-econ']],
  ['cross-border e-commerce', 'pub-economies'],
  ['businesses trading', 'pub-economies'],
  ['wuzhen summit', 'event-summit'],
  ['WUZHEN SUMMIT', 'event-summit'],
  ['Ｗｕｚｈｅｎ', 'event-summit'],
  ['silk road', 'event-silk'],
  ['computing network', 'event-spain'],
  ['comput', 'event-spain'],
  ['Nordic governance', 'member-nordic'],
  ['governing institutes', 'member-nordic'],
  ['community shared future', 'doc-community'],
  ['cyberspace', 'doc-community'],
  // Chinese in both scripts
  ['乌镇峰会', 'event-summit'],
  ['烏鎮峰會', 'event-summit'],
  ['數位絲路', 'event-silk'],
  ['算力網路', 'event-spain'],
  ['命运共同体', 'doc-community'],
  ['命運共同體', 'doc-community'],
  // Names: exact, other script, small typos
  ['Wang Xiaomei', 'person-wang'],
  ['Wang Xiaomai', 'person-wang'],
  ['Wnag Xiaomei', 'person-wang'],
  ['王晓梅', 'person-wang'],
  ['王曉梅', 'person-wang'],
  ['Ana Sousa', 'person-ana'],
  // Mixed languages in one query
  ['Wuzhen 峰会', 'event-summit'],
  ['Intelligence 工作組', 'group-ai'],
  ['internet 發展報告', 'doc-internet'],
  ['digital 丝路', 'event-silk'],
];

describe('search across languages and scripts', () => {
  it('has at least 40 queries', () => expect(cases.length).toBeGreaterThanOrEqual(40));

  it.each(cases)('%s → %s', async (q, top, others = []) => {
    const r = await search({ q });
    if (top) expect(r.items[0]?.id, JSON.stringify(r.items.map((i) => i.id))).toBe(top);
    else expect(r.total).toBe(others.length);
    for (const o of others) expect(r.items.map((i) => i.id)).toContain(o);
  });

  it('finds nothing for words no document has', async () => {
    expect((await search({ q: 'zzqxv' })).total).toBe(0);
    expect((await search({ q: '鸭嘴兽' })).total).toBe(0);
  });

  it('needs every word of the query', async () => {
    const r = await search({ q: 'digital kumquat' });
    expect(r.total).toBe(0);
  });

  it('highlights matches in the shown script', async () => {
    const hant = await search({ q: '网络', locale: 'zh-Hant' });
    const net = hant.items.find((i) => i.id === 'pub-net')!;
    expect(net.title.filter((s) => s.mark).map((s) => s.text)).toEqual(['網路']);
    expect(net.snippet.filter((s) => s.mark).map((s) => s.text)).toContain('網路');
    const hans = await search({ q: '網際網路', locale: 'zh-Hans' });
    expect(
      hans.items
        .find((i) => i.id === 'doc-internet')!
        .title.filter((s) => s.mark)
        .map((s) => s.text),
    ).toEqual(['互联网']);
    const hantInternet = await search({ q: '互联网', locale: 'zh-Hant' });
    const doc = hantInternet.items.find((i) => i.id === 'doc-internet')!;
    expect(doc.titleText).toBe('世界網際網路發展報告');
    expect(doc.converted).toBe(true);
    expect(doc.title.filter((s) => s.mark).map((s) => s.text)).toEqual(['網際網路']);
    const en = await search({ q: 'economies', locale: 'en' });
    expect(
      en.items
        .find((i) => i.id === 'case-econ')!
        .title.filter((s) => s.mark)
        .map((s) => s.text),
    ).toEqual(['Economy']);
    const prefix = await search({ q: 'cross-border e-comm', locale: 'en' });
    expect(prefix.items[0].title.filter((s) => s.mark).map((s) => s.text)).toEqual(['Cross', 'border', 'E', 'commerce']);
  });

  it('filters by kind, year, country and language, with counts per kind', async () => {
    const all = await search({ q: 'forum' });
    expect(all.items.map((i) => i.id).sort()).toEqual(['event-silk', 'event-spain']);
    const cases = await search({ q: '实践案例' });
    expect(cases.kinds).toEqual([{ kind: 'case', count: 2 }]);
    const byKind = await search({ q: '互联网', kind: 'event' });
    expect(byKind.items.every((i) => i.kind === 'event')).toBe(true);
    expect(byKind.total).toBe(2);
    // Counts per kind ignore the kind filter, so the other tabs keep their numbers.
    expect(byKind.kinds.find((k) => k.kind === 'document')?.count).toBe(1);
    const twoKinds = await search({ q: '互联网', kind: 'event,document' });
    expect(twoKinds.total).toBe(3);
    const y = await search({ q: '', year: 2023 });
    expect(y.items.map((i) => i.id).sort()).toEqual(['case-data', 'pub-economies', 'pub-net']);
    const es = await search({ q: '', country: 'es' });
    expect(es.items.map((i) => i.id)).toEqual(['event-spain']);
    const enOnly = await search({ q: '案例', lang: 'en' });
    expect(enOnly.items.map((i) => i.id)).toEqual(['case-econ']);
    expect((await search({ q: '', kind: 'case' })).years).toEqual([
      { year: 2024, count: 3 },
      { year: 2023, count: 1 },
    ]);
  });

  it('pages through results', async () => {
    const p1 = await search({ q: '', pageSize: 5, page: 1 });
    const p2 = await search({ q: '', pageSize: 5, page: 2 });
    expect(p1.total).toBe(docs.length);
    expect(p1.items).toHaveLength(5);
    expect(p2.items).toHaveLength(5);
    expect(p1.items.map((i) => i.id).filter((id) => p2.items.some((j) => j.id === id))).toEqual([]);
  });

  it('refuses malformed filters with a 400, never a 500', async () => {
    for (const query of <Array<Record<string, string>>>[
      { year: 'abc' },
      { country: 'China' },
      { kind: 'a b' },
      { pageSize: '1000' },
      { lang: 'fr' },
    ]) {
      const res = await h.call(null, { method: 'GET', url: '/api/v1/search', query });
      expect(res.statusCode, JSON.stringify(query)).toBe(400);
    }
    const odd = await h.call(null, { method: 'GET', url: '/api/v1/search', query: { q: `'&|!():*\\ <-> "` } });
    expect(odd.statusCode).toBe(200);
  });

  it('follows removals at once', async () => {
    await indexDocs(h.ctx.db, [pub('case', 'tmp', { en: 'Ephemeral platypus' })]);
    expect((await search({ q: 'platypus' })).total).toBe(1);
    await removeDoc(h.ctx.db, 'case', 'tmp');
    expect((await search({ q: 'platypus' })).total).toBe(0);
  });
});

describe('visibility is enforced in the query', () => {
  const secretQueries = [
    'Kumquatzephyr',
    'kumquatzephyr briefing',
    'Kumquatzephyx briefing',
    'Obsidianlighthouse',
    '麒麟机密',
    '麒麟機密',
    '黑曜石灯塔',
    '黑曜石燈塔',
  ];
  const kindsOf = (r: SearchResult) => r.kinds.map((k) => k.kind);

  it.each(secretQueries)('a visitor finds nothing restricted for %s: no title, count or highlight', async (q) => {
    for (const who of [null, () => signedIn] as const) {
      const viewer = typeof who === 'function' ? who() : who;
      for (const kind of [undefined, ...restrictedKinds]) {
        const r = await search({ q, ...(kind ? { kind } : {}), locale: 'en' }, viewer);
        expect(r.total).toBe(0);
        expect(r.items).toEqual([]);
        expect(r.kinds).toEqual([]);
        expect(r.years).toEqual([]);
        expect(r.countries).toEqual([]);
        expect(JSON.stringify(r)).not.toMatch(/kumquat|obsidian|麒麟|黑曜石|secret/i);
      }
    }
  });

  it('browsing without a query shows no restricted document or count either', async () => {
    const r = await search({ q: '', pageSize: 50 });
    expect(r.total).toBe(docs.length);
    expect(r.items.some((i) => i.id.startsWith('secret'))).toBe(false);
    expect(r.years.some((y) => y.year === 2031)).toBe(false);
    expect(r.countries.some((c) => c.countryCode === 'AQ')).toBe(false);
    expect((await search({ q: '', year: 2031 })).total).toBe(0);
    expect((await search({ q: '', country: 'AQ' })).total).toBe(0);
  });

  it('a member sees member-only things, not staff-only ones', async () => {
    const r = await search({ q: 'kumquatzephyr', pageSize: 50 }, member);
    expect(r.total).toBe(restrictedKinds.length);
    expect(r.items.every((i) => i.id.endsWith('-members'))).toBe(true);
    expect(kindsOf(r).sort()).toEqual([...restrictedKinds].sort());
  });

  it('staff see everything', async () => {
    const r = await search({ q: '黑曜石灯塔', pageSize: 50, locale: 'zh-Hant' }, staff);
    expect(r.total).toBe(restrictedKinds.length * 2);
    expect(r.items[0].snippet.some((s) => s.mark)).toBe(true);
  });
});
