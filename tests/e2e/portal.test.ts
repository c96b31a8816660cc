import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/db/index.js';
import { hansToHant } from '../../src/platform/i18n/index.js';
import { indexDocs } from '../../src/platform/search/index.js';
import { copyOfDemoData, launchBrowser, seriousViolations, startServer, type Server } from './support.js';

let server: Server;
let browser: Browser;
let dataDir: string;

/** A fictional public case, written in Simplified Chinese and English only. */
const ourCase = {
  id: 'e2e-rural-digital-economy',
  hans: '乡村数字经济实践案例',
  en: 'Digital Economy in Rural Villages',
  url: '/showcase/e2e-rural-digital-economy',
};

beforeAll(async () => {
  // The demo data's index gets two known cases before the server starts.
  dataDir = (await copyOfDemoData()) ?? fs.mkdtempSync(path.join(os.tmpdir(), 'wz-e2e-portal-'));
  const database = await openDatabase({ dataDir });
  await database.migrate();
  await indexDocs(database.db, [
    {
      kind: 'case',
      id: ourCase.id,
      visibility: 'public',
      title: { 'zh-Hans': ourCase.hans, en: ourCase.en },
      summary: { 'zh-Hans': '电商平台带动农产品销售', en: 'Online shops help farmers sell their produce.' },
      url: ourCase.url,
      year: 2024,
      countryCode: 'CN',
    },
    {
      kind: 'case',
      id: 'e2e-hidden',
      visibility: 'members',
      title: { 'zh-Hans': '乡村数字经济会员内部案例', en: 'Members-only rural case' },
      url: '/showcase/e2e-hidden',
      year: 2024,
    },
  ]);
  await database.close();
  server = await startServer({ DATA_DIR: dataDir });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('portal in the browser', () => {
  it('a visitor searches a Simplified case title typed in Traditional, opens it, and switches to English', async () => {
    // A selected case of the demo data when the showcase provides one, else the case indexed above.
    const list = async (locale: string) =>
      (
        (await (await fetch(`${server.url}/api/v1/search?kind=case&pageSize=50&locale=${locale}`)).json()) as {
          items: Array<{ id: string; url: string; titleText: string; langs: string[] }>;
        }
      ).items;
    const hans = await list('zh-Hans');
    const demo = hans.find((i) => i.id !== ourCase.id && i.langs.includes('zh-Hans') && i.langs.includes('en'));
    const item = demo ?? hans.find((i) => i.id === ourCase.id)!;
    const en = (await list('en')).find((i) => i.id === item.id)!.titleText;
    // Typed the Taiwan way (our case: 数字经济 as 數位經濟).
    const typed = demo ? hansToHant(item.titleText) : '鄉村數位經濟實踐案例';
    const hant = hansToHant(item.titleText);

    const page = await browser.newPage();
    await page.goto(`${server.url}/zh-hant/`);
    await expect.poll(() => page.locator('[data-portal-kind="home"]').count()).toBe(1);
    await page.getByLabel('搜尋本站').fill(typed);
    await page.getByLabel('搜尋本站').press('Enter');
    await page.waitForURL(/\/zh-hant\/search\?q=/);
    const results = page.getByTestId('search-results');
    const link = results.locator(`a[href="/zh-hant${item.url}"]`);
    await expect.poll(() => link.count()).toBe(1);
    expect(await link.textContent()).toBe(hant);
    expect(await link.locator('mark').count()).toBeGreaterThan(0);
    expect(await results.textContent()).not.toContain('會員內部案例'); // the members-only case stays hidden
    await link.click();
    await page.waitForURL(`${server.url}/zh-hant${item.url}`);
    await expect.poll(() => page.locator('h1').first().textContent()).toContain(hant);
    await page.getByTestId('language-switcher').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.waitForURL(`${server.url}/en${item.url}`);
    await expect.poll(() => page.locator('h1').first().textContent()).toContain(en);
    await page.close();
  });

  it('public pages read the same without any script', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/zh-hans/about`);
    expect(await page.title()).toBe('关于我们 · 世界互联网大会');
    expect(await page.locator('main h1').textContent()).toBe('关于我们');
    expect(await page.locator('main').textContent()).toContain('高级咨询委员会');
    await page.goto(`${server.url}/en/search?q=${encodeURIComponent('数字经济')}`);
    expect(await page.locator('main ol a').allTextContents()).toContain(ourCase.en);
    await context.close();
  });

  const pageKinds = [
    '/en/',
    '/zh-hant/',
    '/zh-hans/about',
    '/en/programs',
    `/zh-hant/search?q=${encodeURIComponent('数字经济')}`,
    `/en${ourCase.url}`,
  ];

  it.each(pageKinds)(
    'axe-core finds no serious or critical violation on %s, as the server sends it and once the app took over',
    async (p) => {
      for (const app of [false, true]) {
        const context = await browser.newContext({ bypassCSP: true }); // axe-core is injected as an inline script
        const page = await context.newPage();
        // Without the app's script: what search engines, link previews and slow connections see first.
        if (!app) await page.route('**/assets/*.js', (route) => route.abort());
        await page.goto(`${server.url}${p}`);
        if (app) await page.waitForSelector('[data-portal-kind], [data-testid="search-results"]');
        else expect(await page.locator('[data-ssr-page]').count()).toBe(1);
        expect(await seriousViolations(page), `${p} app=${app}`).toEqual([]);
        await context.close();
      }
    },
  );
});
