import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hansToHant } from '../../src/platform/i18n/index.js';
import { lastMailTo, launchBrowser, seriousViolations, signIn, startServer, type Server } from './support.js';

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

const linkIn = (text: string) => /https?:\/\/\S+\/auth\/link\?\S+/.exec(text)![0];
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** Picks an option of a Mantine Select by typing and clicking the option. */
async function choose(page: Page, testId: string, typed: string, option: RegExp) {
  await page.getByTestId(testId).click();
  await page.getByTestId(testId).fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

describe('membership, end to end', () => {
  it('a visitor applies in 简体中文 with a document; the secretariat asks, the applicant answers, the secretariat approves; the representative keeps the profile and the member is found in Traditional script', async () => {
    const url = server.url;
    const stamp = Date.now().toString(36);
    const orgName = `西湖网络数据治理研究院${stamp}`;
    const applicantEmail = `applicant-${stamp}@example.org`;
    const repEmail = `rep-${stamp}@example.org`;

    // 1. The visitor fills the public form in Simplified Chinese and saves a draft by e-mail.
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`${url}/zh-hans/membership/apply`);
    await visitor.getByRole('heading', { name: '申请入会' }).waitFor();
    expect(await seriousViolations(visitor)).toEqual([]);
    await visitor.getByTestId('applicant-email').fill(applicantEmail);
    await visitor.getByTestId('applicant-name').fill('周申请');
    await visitor.getByLabel('机构名称 (简体中文)').fill(orgName);
    await choose(visitor, 'org-country', 'CN', /中国/);
    await visitor.getByTestId('org-group').click();
    await visitor.getByRole('option', { name: '科研院校' }).click();
    await visitor.getByTestId('org-website').fill('https://xihu-lab.example.org');
    await visitor.getByTestId('rep-name-0').fill('吴代表');
    await visitor.getByTestId('rep-email-0').fill(repEmail);
    await visitor.getByTestId('motivation').fill('希望参与数据治理工作组。');
    await visitor.getByTestId('save-draft').click();
    await visitor.getByTestId('draft-started').waitFor();

    // 2. The e-mail link brings the applicant back to the draft, signed in.
    const mail = await lastMailTo(url, applicantEmail);
    expect(mail.subject).toBe('您的登录链接');
    await visitor.goto(linkIn(mail.text));
    // The link carries the applicant's language (an account page keeps it in ?lang=).
    await visitor.waitForURL(/\/my\/applications\/[0-9a-f-]{36}\?lang=zh-hans$/);
    const appPath = new URL(visitor.url()).pathname;
    const appId = appPath.split('/').pop()!;
    const errs: string[] = [];
    visitor.on('pageerror', (e) => errs.push(String(e)));
    visitor.on('console', (m) => m.type() === 'error' && errs.push(m.text()));
    try {
      await visitor.getByRole('heading', { name: orgName }).waitFor();
    } catch (e) {
      console.log('DEBUG', errs, (await visitor.locator('body').innerText()).slice(0, 1500));
      throw e;
    }

    // 3. Upload the required document and submit.
    await visitor.locator('input[type=file]').first().setInputFiles({ name: '登记证书.pdf', mimeType: 'application/pdf', buffer: pdf });
    await visitor.getByTestId('upload-registration').click();
    await visitor.getByTestId('documents').getByText('登记证书.pdf').waitFor();
    await visitor.getByTestId('submit').click();
    await visitor.locator('[data-status=submitted]').waitFor();

    // 4. The secretariat asks for more information.
    const staffContext = await browser.newContext();
    const staff = await staffContext.newPage();
    await signIn(staff, url, 'secretariat@wuzhen.example');
    await staff.goto(`${url}/admin/membership/applications`);
    await staff.getByTestId('queue').getByRole('link', { name: orgName }).click();
    await staff.waitForURL(new RegExp(`/admin/membership/applications/${appId}$`));
    await staff.getByTestId('staff-message').fill('内部：已核对登记信息');
    await staff.getByTestId('post-message').click();
    await staff.getByTestId('thread').getByText('内部：已核对登记信息').waitFor();
    await staff.getByTestId('request-info').click();
    await staff.getByTestId('decision-reason').fill('请说明贵院的数据治理项目。');
    await staff.getByTestId('confirm-decision').click();
    await staff.locator('[data-status=info_requested]').waitFor();

    // 5. The applicant sees the request (never the internal comment), answers in the thread, resubmits.
    await visitor.reload();
    await visitor.getByTestId('info-requested').waitFor();
    await visitor.getByTestId('thread').getByText('请说明贵院的数据治理项目。').waitFor();
    expect(await visitor.getByText('内部：已核对登记信息').count()).toBe(0);
    await visitor.getByTestId('message').fill('我们负责西湖数据开放项目。');
    await visitor.getByTestId('send-message').click();
    await visitor.getByTestId('thread').getByText('我们负责西湖数据开放项目。').waitFor();
    await visitor.getByTestId('submit').click();
    await visitor.locator('[data-status=submitted]').waitFor();

    // 6. The secretariat reads the answer and approves.
    await staff.reload();
    await staff.getByTestId('thread').getByText('我们负责西湖数据开放项目。').waitFor();
    await staff.getByTestId('approve').click();
    await staff.getByTestId('decision-reason').fill('欢迎加入');
    await staff.getByTestId('confirm-decision').click();
    await staff.locator('[data-status=approved]').waitFor();
    expect((await lastMailTo(url, applicantEmail)).subject).toContain('欢迎加入');

    // 7. The representative signs in by e-mail link and keeps the profile.
    const welcome = await lastMailTo(url, repEmail);
    expect(welcome.subject).toContain('会员代表');
    const repContext = await browser.newContext();
    const rep = await repContext.newPage();
    await rep.goto(`${url}/signin?next=/my/membership`);
    await rep.getByRole('tab', { name: /With an e-mail link|邮件链接登录|郵件連結登入/ }).click();
    await rep
      .getByRole('tabpanel')
      .getByLabel(/E-mail address|电子邮件地址|電子郵件地址/)
      .fill(repEmail);
    await rep.getByRole('button', { name: /Send me a sign-in link|发送登录链接|傳送登入連結/ }).click();
    await expect.poll(async () => (await lastMailTo(url, repEmail)).text).toMatch(/auth\/link/);
    await rep.goto(linkIn((await lastMailTo(url, repEmail)).text));
    await rep.waitForURL(/\/my\/membership$/);
    const card = rep.getByTestId('portal-membership');
    await card.getByText(orgName).first().waitFor();
    await card.getByLabel(/Description \(简体中文\)|简介 \(简体中文\)|簡介 \(简体中文\)/).fill('致力于数据治理与开放的研究机构。');
    await card.getByTestId('profile-website').fill('https://xihu-lab.example.org/zh');
    await card.getByTestId('profile-sector').fill('数据治理');
    await card.getByTestId('save-profile').click();
    await rep
      .getByText(/Saved\.|已保存。|已儲存。/)
      .first()
      .waitFor();
    await card.getByTestId('directory-opt-in').click({ force: true });
    await card.getByText(/Listed in the public directory\.|已在公开名录中展示。|已在公開名錄中展示。/).waitFor();

    // 8. The public finds the member with a Traditional-character query.
    const publicPage = await (await browser.newContext()).newPage();
    await publicPage.goto(`${url}/zh-hant/members`);
    const traditional = hansToHant('西湖网络数据治理');
    expect(traditional).toBe('西湖網路資料治理');
    await publicPage.getByTestId('member-search').fill(traditional);
    const result = publicPage.getByTestId('member-card');
    await expect.poll(() => result.count()).toBe(1);
    await result.first().click();
    await publicPage.waitForURL(/\/zh-hant\/members\/[0-9a-f-]{36}$/);
    await publicPage.getByText('https://xihu-lab.example.org/zh').waitFor();
    await publicPage
      .getByText(/數據治理|数据治理|資料治理/)
      .first()
      .waitFor();
    expect(await seriousViolations(publicPage)).toEqual([]);

    // The secretariat's dashboard shows the new member and the goals; the staff pages pass axe.
    await staff.goto(`${url}/admin/membership/dashboard`);
    await staff.getByTestId('goals').locator('tbody tr').first().waitFor();
    expect(Number(await staff.getByTestId('total-members').textContent())).toBeGreaterThan(120);
    expect(await seriousViolations(staff)).toEqual([]);
    await staff.goto(`${url}/admin/membership/applications`);
    await staff.getByTestId('queue').locator('tbody tr').first().waitFor();
    expect(await seriousViolations(staff)).toEqual([]);
    await staff.goto(`${url}/admin/membership/categories`);
    await staff.getByText('(institutional)').waitFor();
    expect(await seriousViolations(staff)).toEqual([]);
    // Reloaded, so the shell's toast notifications (whose close buttons have no name yet) are gone.
    await rep.reload();
    await rep.getByTestId('portal-membership').waitFor();
    expect(await seriousViolations(rep)).toEqual([]);

    await staffContext.close();
    await repContext.close();
  });
});
