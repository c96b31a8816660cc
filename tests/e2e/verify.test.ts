import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, launchBrowser, seriousViolations, signIn, startServer, type Server } from './support';

/**
 * Issue 18: the public page that checks a visa letter by the reference printed
 * on it, in Chromium: a valid letter, one revoked by the event's manager in the
 * staff area, and an unknown reference, in English and in Chinese. With
 * SCREENSHOTS set to a folder, each state is also photographed at 1280 and 390
 * pixels wide.
 */
let server: Server;
let browser: Browser;
let eventId: string;
const refs: Record<'valid' | 'revoked', string> = { valid: '', revoked: '' };
const shots = process.env.SCREENSHOTS;

/** A demo account without a registration for the 2026 summit registers on site with its passport fields, is approved, and prints its letter. */
async function letterOf(email: string, name: string, nameLatin: string, countryCode: string, nationality: string) {
  const me = await apiAs(server.url, email);
  const reg = await me.post(`/api/v1/events/${eventId}/registrations`, {
    category: 'delegate',
    attendance: 'on-site',
    name,
    nameLatin,
    countryCode,
    answers: { needs_visa: true, passport_number: 'P9876543', nationality, birth_date: '1984-05-06', passport_expiry: '2033-01-01' },
    sessions: [],
  });
  expect(reg.status).toBe(201);
  const id = (reg.body as { id: string }).id;
  const manager = await apiAs(server.url, 'forum@wuzhen.example');
  expect((await manager.post(`/api/v1/registrations/${id}/decision`, { decision: 'approve' })).status).toBe(200);
  expect((await me.get(`/api/v1/registrations/${id}/visa-letter.pdf`)).status).toBe(200);
  return ((await me.get(`/api/v1/registrations/${id}`)).body as { visaRef: string }).visaRef;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const anon = await fetch(`${server.url}/api/v1/events/wuzhen-summit-2026`);
  eventId = ((await anon.json()) as { id: string }).id;
  refs.valid = await letterOf('contact.ke@wuzhen.example', 'Amara Diallo', 'Amara Diallo', 'SN', 'Senegal');
  refs.revoked = await letterOf('contact.de@wuzhen.example', '王晓梅', 'Wang Xiaomei', 'SG', 'Singapore');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Opens the page in a new visitor's browser, waits for the answer, and photographs it at both widths. */
async function open(lang: 'en' | 'zh-hans', reference: string, name: string): Promise<Page> {
  const ctx = await browser.newContext({ locale: lang === 'en' ? 'en-GB' : 'zh-CN', viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(`${server.url}/${lang}/verify/${reference}`);
  await page.getByTestId('verify-result').waitFor();
  if (shots) {
    fs.mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, `${name}-${lang}-1280.png`), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(shots, `${name}-${lang}-390.png`), fullPage: true });
  }
  return page;
}

const text = (page: Page) => page.locator('main').innerText();

describe('visa letter verification page', () => {
  it("the event's manager revokes a letter from the accreditation list, with a reason", async () => {
    const ctx = await browser.newContext({ locale: 'en-GB' });
    const staff = await ctx.newPage();
    await signIn(staff, server.url, 'forum@wuzhen.example');
    await staff.goto(`${server.url}/admin/events/${eventId}`);
    await staff.getByRole('tab', { name: 'Accreditation' }).click();
    await staff
      .locator('label')
      .filter({ hasText: /^Approved$/ })
      .click();
    const row = staff.getByTestId('accreditation-row').filter({ hasText: '王晓梅' });
    await expect.poll(() => row.getByTestId('visa-letter').textContent()).toContain(refs.revoked);
    await row.getByRole('button', { name: 'Revoke letter' }).click();
    const dialog = staff.getByRole('dialog');
    await dialog.getByLabel(/Reason/).fill('Travel cancelled by the delegation');
    if (shots) await staff.screenshot({ path: path.join(shots, 'revoke-dialog-1280.png') });
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await expect.poll(() => row.getByTestId('visa-letter').textContent()).toContain('revoked');
    if (shots) await row.screenshot({ path: path.join(shots, 'revoked-row-1280.png') });
    await ctx.close();
  });

  it('shows a valid letter with the masked name, nationality, event and dates, in English and Chinese', async () => {
    const en = await open('en', refs.valid, 'valid');
    const t = await text(en);
    expect(t).toContain('Visa letter verification');
    expect(t).toContain(refs.valid);
    expect(t).toContain('Valid');
    expect(t).toContain('This letter is valid.');
    expect(t).toContain('Am*** Di****');
    expect(t).not.toContain('Amara');
    expect(t).toContain('Senegal');
    expect(t).toMatch(/Dates\s+\S+/);
    expect(await seriousViolations(en)).toEqual([]);
    const zh = await open('zh-hans', refs.valid, 'valid');
    const z = await text(zh);
    expect(z).toContain('签证邀请函核验');
    expect(z).toContain('有效');
    expect(z).toContain('该邀请函有效。');
    expect(z).toContain('持有人');
    expect(z).toContain('Am*** Di****');
  });

  it('shows a revoked letter as revoked, with the day', async () => {
    const en = await open('en', refs.revoked, 'revoked');
    const t = await text(en);
    expect(t).toContain('Revoked');
    expect(t).toContain('This letter has been revoked and is no longer valid.');
    expect(t).toContain('Wa** Xia****');
    expect(t).toContain('王**');
    expect(t).not.toContain('王晓梅');
    expect(t).toMatch(/Revoked on\s+\S+/);
    expect(t).not.toContain('Travel cancelled');
    const zh = await open('zh-hans', refs.revoked, 'revoked');
    const z = await text(zh);
    expect(z).toContain('已撤销');
    expect(z).toContain('该邀请函已被撤销，不再有效。');
    expect(z).toContain('撤销日期');
  });

  it('says plainly that no letter has an unknown reference', async () => {
    const en = await open('en', 'WIC-2026-0000000000', 'unknown');
    const t = await text(en);
    expect(t).toContain('No letter with this reference');
    expect(t).toContain('We have no letter with the reference WIC-2026-0000000000.');
    expect(t).not.toContain('404');
    const zh = await open('zh-hans', 'WIC-2026-0000000000', 'unknown');
    expect(await text(zh)).toContain('未找到该编号的邀请函');
  });

  it('reads without script too: the server renders the same answer', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-TW' });
    const page = await ctx.newPage();
    const res = await page.goto(`${server.url}/zh-hant/verify/${refs.revoked}`);
    expect(res?.status()).toBe(200);
    const t = await text(page);
    expect(t).toContain('簽證邀請函核驗');
    expect(t).toContain('已撤銷');
    expect(t).toContain('Wa** Xia**** / 王**');
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex, follow');
    await ctx.close();
  });
});
