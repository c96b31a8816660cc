import ExcelJS from 'exceljs';
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, seriousViolations, signIn, startServer, type Server } from './support.js';

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

describe('foundation in the browser', () => {
  it('the home page and the health check answer', async () => {
    const health = await fetch(`${server.url}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok', database: 'pglite' });
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForURL(/\/(en|zh-hans|zh-hant)\/$/);
    await expect(page.getByRole('heading', { level: 1 }).first().textContent()).resolves.toBeTruthy();
    await page.close();
  });

  it('an admin signs in, switches to 繁體中文, creates an organization, finds it by its Simplified name, exports XLSX', async () => {
    const context = await browser.newContext({ acceptDownloads: true, locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, server.url, 'admin@wuzhen.example');
    await page.goto(`${server.url}/admin/directory/organizations`);
    await page.getByTestId('language-switcher').click();
    await page.getByRole('menuitem', { name: '繁體中文' }).click();
    await expect(page.getByRole('heading', { name: '機構' }).waitFor()).resolves.toBeUndefined();

    await page.getByRole('button', { name: '新增機構' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名稱 (简体中文)').fill('乌镇数字治理研究所');
    await dialog.getByLabel('名稱 (English)').fill('Wuzhen Digital Governance Institute');
    await dialog.getByRole('textbox', { name: '國家/地區' }).fill('Kenya');
    await page.getByRole('option', { name: /KE/ }).click();
    await dialog.getByRole('textbox', { name: '利害關係方類別' }).click();
    await page.getByRole('option', { name: '科研院校' }).click();
    await dialog.getByRole('button', { name: '儲存' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByTestId('directory-search').fill('乌镇数字治理');
    const table = page.getByTestId('organizations-table');
    // Shown in Traditional characters (converted), found by the Simplified query.
    await table.getByText('烏鎮數字治理研究所').waitFor();
    expect(await table.locator('tbody tr').count()).toBe(1);

    await page.getByRole('button', { name: '匯出' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'XLSX' }).click()]);
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    const rows = (wb.worksheets[0].getSheetValues().filter(Boolean) as unknown[][]).map((r) => r.slice(1));
    expect(rows[0]).toEqual([
      'id',
      'name_en',
      'name_zh_hans',
      'name_zh_hant',
      'short_name',
      'country',
      'continent',
      'stakeholder_group',
      'website',
    ]);
    expect(rows).toHaveLength(2);
    expect(rows[1].slice(1, 4)).toEqual(['Wuzhen Digital Governance Institute', '乌镇数字治理研究所', '烏鎮數字治理研究所']);
    expect(rows[1][5]).toBe('KE');
    await context.close();
  });

  it('axe finds no serious or critical violation on the home, sign-in and directory pages', async () => {
    const page = await browser.newPage();
    const report: Record<string, unknown> = {};
    for (const path of ['/en/', '/zh-hant/', '/signin']) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      report[path] = await seriousViolations(page);
    }
    await signIn(page, server.url, 'admin@wuzhen.example');
    for (const path of ['/admin/directory/organizations', '/admin/directory/people']) {
      await page.goto(`${server.url}${path}`);
      await page.locator('tbody tr').first().waitFor();
      report[path] = await seriousViolations(page);
    }
    expect(report).toEqual({
      '/en/': [],
      '/zh-hant/': [],
      '/signin': [],
      '/admin/directory/organizations': [],
      '/admin/directory/people': [],
    });
    await page.close();
  });

  it('the import dialog checks a file first and lists every bad row by line and column', async () => {
    const page = await browser.newPage();
    await signIn(page, server.url, 'secretariat@wuzhen.example');
    await page.goto(`${server.url}/admin/directory/organizations`);
    await page.getByRole('button', { name: /^(Import|导入)$/ }).click();
    const dialog = page.getByRole('dialog');
    const csv = 'name_en,country,stakeholder_group\nGood Org,FR,business\nBad Org,ZZ,business\n';
    await dialog.locator('input[type=file]').setInputFiles({ name: 'orgs.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await dialog.getByRole('button', { name: /Check the file|检查文件/ }).click();
    const errors = dialog.getByTestId('import-errors');
    await errors.waitFor();
    expect(await errors.locator('tbody tr').allTextContents()).toEqual(['3countryunknown country code ZZ']);
    await page.close();
  });

  it('works on a phone-sized screen: the staff navigation opens from the menu button', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await context.newPage();
    await signIn(page, server.url, 'secretariat@wuzhen.example');
    await page.goto(`${server.url}/admin`);
    const nav = page.getByRole('navigation', { name: /管理后台|Administration/ });
    await page.getByRole('button', { name: /菜单|Menu/ }).click();
    await nav.getByRole('link', { name: /人员|People/ }).click();
    await page.waitForURL(/\/admin\/directory\/people$/);
    await page.locator('tbody tr').first().waitFor();
    await context.close();
  });
});
