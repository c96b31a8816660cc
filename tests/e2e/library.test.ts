import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, seriousViolations, startServer, type Server } from './support.js';

let server: Server;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function visitor(width = 1366, locale = 'en-GB') {
  const context = await browser.newContext({ locale, viewport: { width, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  return { page, errors };
}

describe('the library in the browser', () => {
  it('lists the current edition; its page has the abstract, a download per language that counts, and the editions', async () => {
    const { page, errors } = await visitor();
    await page.goto(`${server.url}/en/library?kind=report`);
    const cyber = page.getByTestId('publication').filter({ hasText: 'Cyber Sovereignty' });
    await cyber.first().waitFor();
    expect(await cyber.count()).toBe(1);
    expect(await cyber.textContent()).toContain('Edition 4.0');
    expect(await cyber.textContent()).toContain('1 earlier edition');
    await cyber.click();

    await page
      .getByTestId('publication-abstract')
      .getByText(/sovereignty in data, platforms, infrastructure/)
      .waitFor();
    const info = page.getByTestId('downloads-en');
    expect(await info.textContent()).toMatch(/^PDF · \d(\.\d)? kB · Not downloaded yet$/);
    expect(await page.getByTestId('download-en').textContent()).toBe('Download (English)');
    expect(await page.getByTestId('download-zh-Hans').textContent()).toBe('Download (Simplified Chinese)');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-en').click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    await page.getByTestId('downloads-en').getByText('1 download', { exact: false }).waitFor();
    await page.reload();
    await page
      .getByTestId('downloads-en')
      .getByText(/· 1 download$/)
      .waitFor();

    const editions = page.getByTestId('publication-editions');
    expect(await editions.getByTestId('edition-current').textContent()).toContain('Edition 4.0');
    await editions.getByRole('link', { name: /Edition 3\.0/ }).click();
    const notice = page.getByTestId('superseded');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('A later edition replaces this one');
    expect(await seriousViolations(page)).toEqual([]);
    await notice.getByRole('link', { name: /Edition 4\.0/ }).click();
    await page
      .getByTestId('downloads-en')
      .getByText(/· 1 download$/)
      .waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('speaks Chinese on a phone: the reader’s language first, names of languages, no raw codes; axe is clean', async () => {
    const { page, errors } = await visitor(390, 'zh-CN');
    await page.goto(`${server.url}/zh-hans/library`);
    const blue = page.getByTestId('publication').filter({ hasText: '世界互联网发展报告2024' });
    await blue.waitFor();
    expect(await blue.textContent()).toContain('简体中文 · 英文');
    expect(await seriousViolations(page)).toEqual([]);
    await blue.click();
    const first = page.locator('[data-testid^="download-"]').first();
    await first.waitFor();
    expect(await first.textContent()).toBe('下载（简体中文）');
    expect(await page.getByTestId('downloads-zh-Hans').textContent()).toContain('尚无下载');
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).not.toMatch(/\b(zh-Hans|zh-Hant|blue-book|case-collection)\b/);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the home page lists the current edition only, with its earlier editions counted', async () => {
    const home = await (await fetch(`${server.url}/en/`)).text();
    const section = /<section aria-labelledby="publications">(.*?)<\/section>/s.exec(home)?.[1] ?? '';
    expect(section).toContain('Cyber Sovereignty: Theory and Practice</a>');
    expect(section).toContain('1 earlier edition');
    expect(section.match(/Cyber Sovereignty/g)?.length).toBe(2); // the link and its abstract, once
  });
});
