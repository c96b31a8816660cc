import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.js';
import { indexDocs } from '../../platform/search/index.js';
import { webIndex } from './render.js';

let h: Harness;
let v3: string, v4: string;

beforeAll(async () => {
  h = await createHarness();
  h.ctx.membership.isMember = async () => true; // even a member's cookie must not change what the server renders
  await indexDocs(h.ctx.db, [
    {
      kind: 'event',
      id: 'e1',
      visibility: 'public',
      title: { en: 'Digital Silk Road Development Forum', 'zh-Hans': '世界互联网大会数字丝路发展论坛' },
      url: '/events/silk-road-2024',
      year: 2024,
      countryCode: 'CN',
    },
    {
      kind: 'case',
      id: 'c1',
      visibility: 'public',
      title: { 'zh-Hans': '乡村数字经济实践案例' },
      summary: { 'zh-Hans': '电商平台带动农产品销售' },
      url: '/showcase/c1',
      year: 2024,
    },
    { kind: 'member', id: 'm1', visibility: 'public', title: { en: 'Fictional Institute A' }, url: '/members/m1', countryCode: 'FR' },
    { kind: 'member', id: 'm2', visibility: 'public', title: { en: 'Fictional Company B' }, url: '/members/m2', countryCode: 'BR' },
    { kind: 'member', id: 'm3', visibility: 'public', title: { en: 'Fictional University C' }, url: '/members/m3', countryCode: 'BR' },
    { kind: 'member', id: 'm4', visibility: 'members', title: { en: 'Hidden Member Zanzibarish' }, url: '/members/m4', countryCode: 'JP' },
    { kind: 'event', id: 'e2', visibility: 'members', title: { en: 'Member symposium Quokkafest' }, url: '/events/quokkafest', year: 2030 },
  ]);
  // Two editions in the library: the home page lists the current one only.
  const staff = await h.user({ roles: ['secretariat'] });
  const publish = async (body: Record<string, unknown>) =>
    (await h.call(staff, { method: 'POST', url: '/api/v1/library', payload: { kind: 'report', ...body } })).json().id as string;
  v3 = await publish({ year: 2021, title: { en: 'Cyberspace Sovereignty: Theory and Practice (3.0)' }, edition: '3.0' });
  v4 = await publish({
    year: 2023,
    title: { en: 'Cyberspace Sovereignty: Theory and Practice (4.0)', 'zh-Hans': '网络主权：理论与实践（4.0版）' },
    abstract: { en: 'Sovereignty in data, platforms and infrastructure.' },
    edition: '4.0',
    supersedesId: v3,
  });
});
afterAll(() => h.close());

const get = (url: string, headers: Record<string, string> = {}) => h.call(null, { method: 'GET', url, headers });
const titleOf = (body: string) => /<title>([^<]*)<\/title>/.exec(body)?.[1];

describe('server-rendered public pages (no script needed)', () => {
  it('serves the about page with its real title, description, alternates and text in each language', async () => {
    const en = await get('/en/about');
    expect(en.statusCode).toBe(200);
    expect(en.headers['content-type']).toContain('text/html');
    expect(titleOf(en.body)).toBe('About the organization · World Internet Conference');
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toMatch(/<meta name="description" content="The World Internet Conference International Organization: its bodies/);
    expect(en.body).toContain('<link rel="canonical" href="http://wuzhen.test/en/about" />');
    expect(en.body).toContain('<link rel="alternate" hreflang="zh-Hant" href="http://wuzhen.test/zh-hant/about" />');
    expect(en.body).toContain('<meta property="og:title" content="About the organization" />');
    for (const body of ['General Assembly', 'Council', 'Secretariat', 'High-level Advisory Committee', '2014', '2022'])
      expect(en.body).toContain(body);
    const hant = await get('/zh-hant/about');
    expect(titleOf(hant.body)).toBe('關於我們 · 世界互聯網大會');
    expect(hant.body).toContain('<html lang="zh-Hant">');
    for (const body of ['會員大會', '理事會', '秘書處', '高級諮詢委員會', '烏鎮']) expect(hant.body).toContain(body);
    const hans = await get('/zh-hans/about');
    for (const body of ['会员大会', '理事会', '秘书处', '高级咨询委员会', '2022年7月12日']) expect(hans.body).toContain(body);
  });

  it('home: mission, key figures, events, cases and publications', async () => {
    const r = await get('/en/');
    expect(r.statusCode).toBe(200);
    expect(titleOf(r.body)).toBe('World Internet Conference International Organization');
    expect(r.body).toContain('Our mission');
    const figures = [...r.body.matchAll(/<dt>([^<]+)<\/dt><dd data-figure>([^<]+)<\/dd>/g)].map((m) => [m[1], m[2]]);
    // Counted by the features that own the records (memberships, registrations), not from the index:
    // this fixture indexes members without memberships, so none count (membership/dashboard.test.ts checks the figures).
    expect(figures).toEqual([
      ['members', '0'],
      ['countries and regions', '0'],
      ['continents', '0'],
      ['registered delegates', '0'],
    ]);
    expect(r.body).toContain('href="/en/events/silk-road-2024"');
    expect(r.body).toContain('Digital Silk Road Development Forum');
    expect(r.body).toContain(`href="/en/library/${v4}"`);
    expect(r.body).toContain('Cyberspace Sovereignty: Theory and Practice (4.0)</a> <span class="portal-year">(2023)</span>');
    expect(r.body).toContain('1 earlier edition<');
    expect(r.body).toContain('Sovereignty in data, platforms and infrastructure.');
    expect(r.body).not.toContain(v3);
    expect(r.body).not.toContain('(3.0)');
    expect(r.body).not.toMatch(/Zanzibarish|Quokkafest/);
    const hant = await get('/zh-hant');
    expect(hant.body).toContain('鄉村數字經濟實踐案例');
    expect(hant.body).toContain('宗旨使命');
    expect(hant.body).toContain('另有 1 個較早版本');
    expect((await get('/zh-hans/')).body).toContain('网络主权：理论与实践（4.0版）');
  });

  it('programs page lists the programs in each language', async () => {
    expect((await get('/en/programs')).body).toContain('Global Youth Leaders Program');
    expect((await get('/zh-hans/programs')).body).toContain('全球青年领军者计划');
    expect((await get('/zh-hant/programs')).body).toContain('全球青年領軍者計劃');
  });

  it('search page renders public results with marks, never restricted ones', async () => {
    const r = await get(`/zh-hant/search?q=${encodeURIComponent('數位經濟')}`, { cookie: 'wz_session=whatever' });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('<meta name="robots" content="noindex, follow" />');
    expect(r.body).toContain('href="/zh-hant/showcase/c1"');
    expect(r.body).toMatch(/<mark>數字<\/mark><mark>經濟<\/mark>|<mark>數字經濟<\/mark>/);
    const secret = await get('/en/search?q=Quokkafest');
    expect(secret.body).toContain('0 results');
    expect(secret.body).not.toContain('Member symposium');
    expect(secret.body).not.toContain('/events/quokkafest');
    const xss = await get(`/en/search?q=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(xss.body).not.toContain('<script>alert(1)</script>');
    expect(xss.body).toContain('&lt;script&gt;');
  });

  it('redirects / to the best language: cookie first, then Accept-Language', async () => {
    expect((await get('/', { 'accept-language': 'zh-TW,zh;q=0.9' })).headers.location).toBe('/zh-hant/');
    expect((await get('/', { 'accept-language': 'zh-CN' })).headers.location).toBe('/zh-hans/');
    expect((await get('/', { 'accept-language': 'fr-FR' })).headers.location).toBe('/en/');
    expect((await get('/', { 'accept-language': 'zh-CN', cookie: 'wz_lang=en' })).headers.location).toBe('/en/');
    const page = await get('/zh-hant/about');
    expect(page.headers['set-cookie']).toContain('wz_lang=zh-hant');
  });

  it('renders any public thing of the index at its URL, and nothing restricted', async () => {
    const r = await get('/zh-hant/showcase/c1');
    expect(r.statusCode).toBe(200);
    expect(titleOf(r.body)).toBe('鄉村數字經濟實踐案例 · 世界互聯網大會');
    expect(r.body).toContain('<meta name="description" content="電商平臺帶動農產品銷售" />');
    expect(r.body).toContain('data-item="case:c1"');
    const sitemap = await get('/sitemap.xml');
    expect(sitemap.body).toContain('<loc>http://wuzhen.test/en/showcase/c1</loc>');
    expect(sitemap.body).not.toContain('quokkafest');
  });

  it('answers 404 with a real not-found page in the language for every unknown address, and 200 for the pages the web app declares', async () => {
    for (const [url, title] of [
      ['/en/no-such-page', 'Page not found · World Internet Conference'],
      ['/zh-hans/expo', '页面不存在 · 世界互联网大会'],
    ]) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(404);
      expect(titleOf(r.body)).toBe(title);
    }
    const unknownEvent = await get('/en/events/quokkafest');
    expect(unknownEvent.statusCode).toBe(404);
    expect(unknownEvent.body).not.toContain('Quokkafest');
    // The old links of mails and calendars, which led to no page.
    for (const url of ['/calls/submissions/1', '/sessions/1', '/en/nope/deeper']) expect((await get(url)).statusCode, url).toBe(404);
    // Pages only the web app renders: its shell, when it is built.
    if (fs.existsSync(webIndex))
      for (const url of [
        '/zh-hant/membership/apply',
        '/en/events/summit/sessions/1',
        '/my/membership?lang=en',
        '/admin/events/1',
        '/signin',
      ])
        expect((await get(url)).statusCode, url).toBe(200);
  });

  it('gives the same page as JSON for the web app', async () => {
    const r = await get('/api/v1/portal/page?path=/about&locale=zh-Hans');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ kind: 'about', title: '关于我们' });
    expect(r.json().body).toContain('理事会');
    expect((await get('/api/v1/portal/page?path=/nope&locale=en')).statusCode).toBe(404);
  });

  it('lists every public page in the three languages in the sitemap, and points robots to it', async () => {
    const r = await get('/sitemap.xml');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('xml');
    for (const p of [
      '/en/',
      '/zh-hans/',
      '/zh-hant/',
      '/en/about',
      '/zh-hant/programs',
      '/en/calls',
      '/zh-hans/groups',
      '/en/library',
      '/zh-hant/members',
      '/en/membership/apply',
    ])
      expect(r.body).toContain(`<loc>http://wuzhen.test${p}</loc>`);
    expect(r.body).toContain('<xhtml:link rel="alternate" hreflang="zh-Hans" href="http://wuzhen.test/zh-hans/about"/>');
    expect(r.body).not.toContain('/search');
    const robots = await get('/robots.txt');
    expect(robots.body).toContain('Sitemap: http://wuzhen.test/sitemap.xml');
  });
});
