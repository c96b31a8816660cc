import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hansToHant } from '../../src/platform/i18n/index.js';
import { apiAs, lastMailTo, launchBrowser, seriousViolations, signIn, startServer, type Server } from './support.js';

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

const password = 'e2e-judge-password-1';
const title = '乡村数字经济网络普惠实践';

/** A new account, verified through the link in its mail. */
async function account(email: string, name: string) {
  const r = await fetch(`${server.url}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, name, password, locale: 'en' }),
  });
  expect(r.status).toBeLessThan(300);
  const mail = await lastMailTo(server.url, email);
  const token = /token=([A-Za-z0-9_-]+)/.exec(mail.text)![1];
  const v = await fetch(`${server.url}/api/v1/auth/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  expect(v.status).toBe(200);
  return apiAs(server.url, email, password);
}

async function newPage(): Promise<Page> {
  const ctx = await browser.newContext({ locale: 'zh-CN' });
  return ctx.newPage();
}

describe('a practice case from template to showcase (acceptance 1)', () => {
  it('staff open a call, an applicant submits in 简体中文 with a file, a conflicted reviewer cannot open it, two reviewers score, staff select, the public sees it, the booklet has it', async () => {
    // Staff open a practice-case call from its template.
    const staffPage = await newPage();
    await signIn(staffPage, server.url, 'secretariat@wuzhen.example');
    await staffPage.goto(`${server.url}/admin/calls`);
    await staffPage.getByTestId('new-call').click();
    await staffPage.getByTestId('create-call').click();
    await staffPage.waitForURL(/\/admin\/calls\/[0-9a-f-]{36}$/);
    const callId = /calls\/([0-9a-f-]{36})$/.exec(staffPage.url())![1];
    const staff = await apiAs(server.url, 'secretariat@wuzhen.example');
    const call = (await staff.get(`/api/v1/calls/${callId}`)).body as { kind: string; isOpen: boolean };
    expect(call).toMatchObject({ kind: 'practice-case', isOpen: true });
    // Staff adjust the copy: two reviews per entry (the template asks for three).
    await staffPage.getByRole('tab', { name: /Settings|设置/ }).click();
    await staffPage.getByRole('textbox', { name: /Reviews per entry|每项评审数/ }).fill('2');
    await staffPage.getByRole('button', { name: /^(Save|保存)$/ }).click();
    await expect
      .poll(async () => ((await staff.get(`/api/v1/calls/${callId}`)).body as { reviewsPerSubmission: number }).reviewsPerSubmission)
      .toBe(2);

    // Two judges with accounts; judge3 will be a co-applicant (a conflict).
    const judge2 = await account('judge2@e2e.example', 'Judge Two');
    const judge3 = await account('judge3@e2e.example', 'Judge Three');

    // The applicant submits in Simplified Chinese, with a file.
    const page = await newPage();
    await signIn(page, server.url, 'member@wuzhen.example');
    await page.goto(`${server.url}/zh-hans/calls/${callId}`);
    await page.getByTestId('apply').click();
    await page.waitForURL(/\/my\/submissions\/[0-9a-f-]{36}$/);
    const subId = /submissions\/([0-9a-f-]{36})$/.exec(page.url())![1];
    await page.getByLabel('标题 (简体中文)').fill(title);
    await page.getByRole('textbox', { name: /申报主体类型/ }).click();
    await page.getByRole('option', { name: '民间机构' }).click();
    await page.getByRole('textbox', { name: /申报单位/ }).fill('浙江乡村数字促进会');
    await page.getByRole('textbox', { name: /国家或地区/ }).fill('CN');
    await page
      .getByRole('option', { name: /\(CN\)/ })
      .first()
      .click();
    await page.getByRole('textbox', { name: /领域 \/ 赛道/ }).click();
    await page.getByRole('option', { name: '数字经济' }).click();
    await page.getByLabel('摘要 (简体中文)').fill('通过网络基础设施和软件培训，帮助乡村发展数字经济。');
    await page.getByLabel(/实践内容.*\(简体中文\)/).fill('建设网络、培训人员、开展电商。');
    await page.getByLabel('成效与影响 (简体中文)').fill('惠及十万农户。');
    await page.getByRole('button', { name: '添加人员' }).click();
    await page.locator('input[name="team.0.name"]').fill('Judge Three');
    await page.locator('input[name="team.0.email"]').fill('judge3@e2e.example');
    const pdf = path.join(os.tmpdir(), `case-${Date.now()}.pdf`);
    fs.writeFileSync(pdf, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    await page.locator('input[type=file]').setInputFiles(pdf);
    await page.getByTestId('file-attachment').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('submit').click();
    await page.getByTestId('submission-status').filter({ hasText: '已提交' }).waitFor();
    const code = (await page.getByTestId('submission-code').textContent())!;
    expect(code).toMatch(/^CASE-\d{4}-0001$/);
    expect((await lastMailTo(server.url, 'member@wuzhen.example')).subject).toContain(code);

    // Staff screen, build the panel (reviewer@, judge2, judge3) and assign 2 per entry.
    expect((await staff.post(`/api/v1/calls/${callId}/auto-screen`)).body).toEqual({ passed: 1 });
    const personIds: string[] = [];
    for (const [name, email] of [
      ['Judge Two', 'judge2@e2e.example'],
      ['Judge Three', 'judge3@e2e.example'],
    ]) {
      const p = await staff.post('/api/v1/directory/people', { name, email, countryCode: 'DE' });
      personIds.push((p.body as { id: string }).id);
    }
    const amara = (await staff.get('/api/v1/directory/people?q=Amara')).body as { items: Array<{ id: string }> };
    personIds.push(amara.items[0].id);
    const pool = await staff.post(`/api/v1/review/calls/${callId}/reviewers`, {
      round: 1,
      reviewers: personIds.map((personId) => ({ personId, expertise: ['digital-economy'], capacity: 5 })),
    });
    expect(pool.status).toBe(201);
    const reviewer = await apiAs(server.url, 'reviewer@wuzhen.example');
    for (const who of [judge2, judge3, reviewer]) {
      const inv = (await who.get('/api/v1/review/invitations')).body as Array<{ id: string; callId: string }>;
      await who.post(`/api/v1/review/invitations/${inv.find((i) => i.callId === callId)!.id}/respond`, { accept: true });
    }
    const assigned = await staff.post(`/api/v1/review/calls/${callId}/assign`, { round: 1 });
    expect(assigned.body).toMatchObject({ pairs: 2, submissions: 1 });

    // The conflicted reviewer cannot open it.
    const p3 = await newPage();
    await signIn(p3, server.url, 'judge3@e2e.example', password);
    await p3.goto(`${server.url}/review/${subId}`);
    await p3.getByTestId('review-not-found').waitFor();
    expect(await p3.content()).not.toContain(title);
    expect((await judge3.get(`/api/v1/review/submissions/${subId}`)).status).toBe(404);

    // Two reviewers score it: reviewer@ in the browser, judge2 by the API.
    const p1 = await newPage();
    await signIn(p1, server.url, 'reviewer@wuzhen.example');
    await p1.goto(`${server.url}/review/${subId}`);
    await p1.getByText(title).first().waitFor();
    await p1.locator('input[name=score-innovation]').fill('9');
    await p1.locator('input[name=score-impact]').fill('8');
    await p1.locator('input[name=score-replicability]').fill('8');
    await p1.locator('textarea[name=commentApplicant]').fill('Excellent, replicable.');
    await p1.getByTestId('review-submit').click();
    await expect
      .poll(
        async () =>
          ((await reviewer.get('/api/v1/review/assignments')).body as Array<{ submissionId: string; reviewStatus: string }>).find(
            (a) => a.submissionId === subId,
          )?.reviewStatus,
      )
      .toBe('submitted');
    const r2 = await judge2.put(`/api/v1/review/submissions/${subId}/review`, {
      scores: { innovation: 7, impact: 8, replicability: 9 },
      submit: true,
    });
    expect(r2.status).toBe(200);

    // Staff select it and publish, in the browser.
    await staffPage.reload();
    await staffPage.getByRole('tab', { name: /Ranking|排名/ }).click();
    await staffPage.getByTestId(`decision-${code}`).click();
    await staffPage.getByRole('option', { name: /^(Selected|入选)$/ }).click();
    await staffPage.getByTestId('decide').click();
    await expect
      .poll(async () => ((await staff.get(`/api/v1/submissions/${subId}`)).body as { decision: string }).decision)
      .toBe('selected');
    // Publishing asks first (it waits for the saved decision), counting the selected entries.
    await staffPage.getByTestId('publish').click();
    const confirmPublish = staffPage.getByRole('dialog', { name: /Publish the selected entries|发布入选成果/ });
    await confirmPublish.getByText(/Publish 1 selected entry|将 1 项入选成果/).waitFor();
    await confirmPublish.getByRole('button', { name: /^(Publish the selected entries|发布入选成果)$/ }).click();
    await confirmPublish.waitFor({ state: 'detached' });
    // Staff see every review of the entry, with its reviewer.
    await staffPage.getByRole('tab', { name: /Submissions|申报/ }).click();
    await staffPage.getByRole('button', { name: code }).click();
    await staffPage.getByRole('dialog').getByText('Amara Diallo').waitFor();
    await staffPage.getByRole('dialog').getByText('Judge Two').waitFor();

    // The public sees it in zh-Hans and, converted, in zh-Hant.
    const pub = await newPage();
    await pub.goto(`${server.url}/zh-hans/showcase/${subId}`);
    await expect.poll(() => pub.getByTestId('entry-title').textContent()).toBe(title);
    await pub.goto(`${server.url}/zh-hant/showcase/${subId}`);
    const hant = hansToHant(title);
    await expect.poll(() => pub.getByTestId('entry-title').textContent()).toBe(`${hant} ⇄`);
    expect(await pub.getByTestId('entry-title').locator('[data-converted=true]').count()).toBe(1);
    expect(await seriousViolations(pub)).toEqual([]);
    await pub.goto(`${server.url}/zh-hans/showcase`);
    await pub.getByText(title).first().waitFor();
    expect(await seriousViolations(pub)).toEqual([]);

    // The booklet PDF contains the title.
    const res = await fetch(`${server.url}/api/v1/showcase/booklet.pdf?callId=${callId}&locale=zh-Hans`);
    expect(res.status).toBe(200);
    const file = path.join(os.tmpdir(), `booklet-${Date.now()}.pdf`);
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const text = execFileSync('pdftotext', [file, '-']).toString();
    fs.rmSync(file);
    fs.rmSync(pdf);
    expect(text).toContain(title);
  });
});
