import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, launchBrowser, seriousViolations, signIn, startServer, type Server, visit } from './support.js';

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

async function as(email: string | null) {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  page.on('dialog', (d) => void d.dismiss());
  if (email) await signIn(page, server.url, email);
  return page;
}

describe('working groups in the browser', () => {
  it('a meeting held at the summit links to the event’s page', async () => {
    const chair = await as('ai.chair@wuzhen.example');
    await chair.goto(`${server.url}/en/groups/artificial-intelligence/workspace`);
    await chair.getByRole('tab', { name: 'Meetings' }).click();
    const link = chair.getByTestId('meeting-event');
    await link.waitFor();
    expect(await link.textContent()).toContain('2026 World Internet Conference Wuzhen Summit');
    await link.click();
    await chair.waitForURL(/\/en\/events\/wuzhen-summit-2026$/);
    await chair.getByRole('heading', { level: 1 }).filter({ hasText: 'Wuzhen Summit' }).first().waitFor();
  });

  it('acceptance 1: draft in two languages → comment round → comment accepted → version 2 with diff → two organizations endorse → published → in the library with its endorsers', async () => {
    const chair = await as('ai.chair@wuzhen.example');
    await chair.goto(`${server.url}/en/groups/artificial-intelligence/workspace`);
    await chair.getByLabel('Title (English)').fill('Consensus on AI Safety Testing');
    await chair.getByLabel('Title (简体中文)').fill('人工智能安全测试共识');
    await chair.getByRole('button', { name: 'Create' }).click();
    await chair.waitForURL(/\/en\/documents\/[0-9a-f-]+\?edit=1/);
    const docUrl = chair.url().split('?')[0];

    await chair.getByRole('button', { name: 'Add paragraph' }).click();
    await chair.getByLabel('Paragraph 1 (简体中文)').fill('人工智能系统在发布前应当进行安全测试。');
    await chair.getByLabel('Paragraph 1 (English)').fill('AI systems should be safety tested before release.');
    await chair.getByRole('button', { name: 'Add paragraph' }).click();
    await chair.getByLabel('Paragraph 2 (简体中文)').fill('测试结果应当公开。');
    await chair.getByLabel('Paragraph 2 (English)').fill('Test results should be published.');
    await chair.getByRole('button', { name: 'Save text' }).click();
    await chair.getByTestId('para-2').getByText('Test results should be published.').waitFor();
    await chair.getByTestId('para-2').getByText('测试结果应当公开。').waitFor();

    await chair.getByRole('button', { name: 'Start a comment round' }).click();
    await chair.getByTestId('round-open').waitFor();
    expect(await chair.getByTestId('version-status').textContent()).toContain('Consultation');

    const member = await as('member@wuzhen.example');
    await member.goto(docUrl);
    const p2 = member.getByTestId('para-2');
    await p2.getByLabel('Comment on paragraph 2').fill('Say who publishes them: the developer, within 30 days.');
    await p2.getByRole('button', { name: 'Comment' }).click();
    await p2.getByTestId('comment').waitFor();
    // A member cannot edit the text: no edit or status controls.
    expect(await member.getByRole('button', { name: 'Mark final' }).count()).toBe(0);

    await chair.reload();
    const c2 = chair.getByTestId('para-2').getByTestId('comment');
    await c2.getByRole('button', { name: 'Accept' }).click();
    await c2.getByText('Accepted').waitFor();

    await chair.getByRole('button', { name: 'Make the next version' }).click();
    await chair.getByTestId('editor').waitFor();
    await chair.getByLabel('Paragraph 2 (English)').fill('The developer should publish test results within 30 days.');
    await chair.getByLabel('Paragraph 2 (简体中文)').fill('开发者应当在30天内公开测试结果。');
    await chair.getByRole('button', { name: 'Save text' }).click();
    await chair.getByTestId('para-2').getByText('within 30 days').waitFor();
    expect(await chair.getByTestId('version-status').textContent()).toContain('Version 2');
    // Version 2 lists what changed, with the accepted comment.
    const changes = chair.getByTestId('changes');
    await changes.getByText(/Say who publishes them/).waitFor();
    expect(await changes.textContent()).toContain('Accepted');
    // The diff side by side.
    const diff = chair.getByTestId('diff');
    await diff.locator('ins').first().waitFor();
    const inserted = (await diff.locator('tr[data-change="changed"] ins').allTextContents()).join(' ');
    const deleted = (await diff.locator('tr[data-change="changed"] del').allTextContents()).join(' ');
    expect(inserted).toContain('developer');
    expect(deleted).toContain('Test');
    expect(await diff.locator('tr[data-change="same"]').count()).toBe(1);

    await chair.getByRole('button', { name: 'Mark final' }).click();
    await chair.getByTestId('version-status').getByText(/Final/).waitFor();

    for (const email of ['contact.de@wuzhen.example', 'contact.ke@wuzhen.example']) {
      const contact = await as(email);
      await contact.goto(docUrl);
      await contact.getByTestId('endorse-org').click();
      await contact.getByTestId('endorser').first().waitFor();
      await contact.context().close();
    }

    await chair.reload();
    await chair.getByTestId('endorser').nth(1).waitFor();
    await chair.getByRole('button', { name: 'Publish' }).click();
    await chair.getByText('This version is published and can no longer change.').waitFor();
    await chair.getByRole('button', { name: 'Add to the library' }).click();
    await chair.getByTestId('library-link').waitFor();

    const visitor = await as(null);
    await visitor.goto(`${server.url}/en/library?kind=consensus`);
    await visitor.getByTestId('publication').filter({ hasText: 'Consensus on AI Safety Testing' }).click();
    const endorsers = visitor.getByTestId('publication-endorsers');
    await endorsers.waitFor();
    expect(await endorsers.textContent()).toContain('Rhine Cybersecurity Institute');
    expect(await endorsers.textContent()).toContain('Savannah Mobile Money Company');
    expect(await endorsers.locator('tbody tr').count()).toBe(2);
    // The public reads the published text, and sees no comments.
    await visitor.goto(docUrl);
    await visitor.getByTestId('para-2').getByText('within 30 days').waitFor();
    expect(await visitor.getByTestId('comment').count()).toBe(0);
    await Promise.all([chair.context().close(), member.context().close(), visitor.context().close()]);
  });

  it('the secretariat creates a working group and a library publication from the staff pages', async () => {
    const staff = await as('secretariat@wuzhen.example');
    await staff.goto(`${server.url}/admin/groups`);
    await staff.getByLabel(/^Web address/).fill('digital-governance');
    await staff.getByLabel('Name (English)').fill('Digital Governance Working Group');
    await staff.getByLabel('Name (简体中文)').fill('数字治理工作组');
    await staff.getByRole('button', { name: 'Create' }).click();
    await staff.getByRole('link', { name: 'Digital Governance Working Group' }).waitFor();
    const pub = await fetch(`${server.url}/api/v1/groups/digital-governance`);
    expect((await pub.json()).name['zh-Hans']).toBe('数字治理工作组');

    await staff.goto(`${server.url}/admin/library`);
    await staff.getByLabel('Title (English)').fill('World Internet Development Report 2025');
    await staff.getByLabel('Title (简体中文)').fill('世界互联网发展报告2025');
    await staff.getByRole('button', { name: 'Create' }).click();
    await staff.getByText('World Internet Development Report 2025').first().waitFor();
    const lib = await (await fetch(`${server.url}/api/v1/library?kind=blue-book&year=${new Date().getFullYear()}`)).json();
    expect(lib.items.map((p: { title: { en: string } }) => p.title.en)).toContain('World Internet Development Report 2025');
    await staff.context().close();
  });

  it('public pages are accessible (axe: no serious or critical violations)', async () => {
    const page = await as(null);
    for (const path of ['/en/groups', '/en/groups/artificial-intelligence', '/zh-hans/library', '/en/library?kind=blue-book']) {
      await visit(page, `${server.url}${path}`);
      await page.locator('h1').first().waitFor();
      expect(await seriousViolations(page), path).toEqual([]);
    }
    await page.getByTestId('publication').filter({ hasText: 'World Internet Development Report 2024' }).click();
    await page
      .getByText(/Download/)
      .first()
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // A published document with its endorsers.
    await page.goto(`${server.url}/en/groups/artificial-intelligence`);
    await page.getByRole('link', { name: /Developing Responsible Generative AI: Consensus/ }).click();
    await page.getByTestId('endorser').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('acceptance 2: hostile Markdown renders inert in Chromium (server render, browser preview, discussion)', async () => {
    const hostile = [
      '<script>window.__xss = "script"</script>',
      '<img src=x onerror="window.__xss = \'onerror\'">',
      '[click me](javascript:window.__xss="link")',
      '[click me too](JAVASCRIPT:window.__xss="upper")',
      '<a href="javascript:window.__xss=\'raw\'">raw link</a>',
      '![pic](javascript:window.__xss="img")',
      '<svg onload="window.__xss=\'svg\'"></svg>',
      '<iframe src="javascript:window.__xss=\'iframe\'"></iframe>',
      '[data](data:text/html,<script>parent.__xss="data"</script>)',
      '**bold survives** and [a safe link](https://example.org)',
    ];
    const api = await apiAs(server.url, 'ai.chair@wuzhen.example');
    const created = await api.post('/api/v1/groups/artificial-intelligence/documents', {
      kind: 'report',
      title: { en: 'Hostile Markdown test' },
      paragraphs: hostile.map((h) => ({ text: { en: h, 'zh-Hans': `中文 ${h}` } })),
    });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    const thread = await api.post('/api/v1/groups/artificial-intelligence/threads', { title: 'XSS probe', body: hostile.join('\n\n') });
    expect(thread.status).toBe(201);

    const page = await as('ai.chair@wuzhen.example');
    async function assertInert(p: Page) {
      await p.waitForTimeout(300);
      const probe = await p.evaluate(() => {
        const w = window as unknown as { __xss?: string };
        const root = document.querySelector('main') ?? document.body;
        return {
          xss: w.__xss ?? null,
          jsLinks: [...root.querySelectorAll('[href], [src]')]
            .map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? '')
            .filter((u) => /^\s*(javascript|data|vbscript):/i.test(u)),
          handlers: [...root.querySelectorAll('.wz-markdown *')]
            .flatMap((e) => [...e.attributes].map((a) => a.name))
            .filter((n) => n.startsWith('on')),
          dangerous: root.querySelectorAll(
            '.wz-markdown script, .wz-markdown iframe, .wz-markdown svg, .wz-markdown object, .wz-markdown embed',
          ).length,
          bold: root.querySelectorAll('.wz-markdown strong').length,
          safeLinks: [...root.querySelectorAll('.wz-markdown a[href^="https://"]')].length,
        };
      });
      expect(probe.xss).toBeNull();
      expect(probe.jsLinks).toEqual([]);
      expect(probe.handlers).toEqual([]);
      expect(probe.dangerous).toBe(0);
      expect(probe.bold).toBeGreaterThan(0);
      expect(probe.safeLinks).toBeGreaterThan(0);
    }
    // Rendered on the server, sanitized again in the browser.
    await page.goto(`${server.url}/en/documents/${id}`);
    await page.getByTestId('para-10').getByText('bold survives').first().waitFor();
    await page.getByText('<script>window.__xss = "script"</script>').first().waitFor(); // shown as text
    await assertInert(page);
    // Rendered in the browser (the editor's live preview).
    await page.goto(`${server.url}/en/documents/${id}?edit=1`);
    await page.getByTestId('preview-10-en').waitFor();
    await assertInert(page);
    // Try clicking every link in the previews: nothing runs.
    for (const a of await page.locator('.wz-markdown a').all()) await a.click({ modifiers: ['Control'] }).catch(() => {});
    await assertInert(page);
    // The discussion.
    await page.goto(`${server.url}/en/groups/artificial-intelligence/workspace`);
    await page.getByRole('tab', { name: 'Discussion' }).click();
    await page.getByRole('button', { name: 'XSS probe' }).click();
    await page.locator('.wz-markdown strong').first().waitFor();
    await assertInert(page);
    await page.context().close();
  });
});

// The library, on the same server (its publications come from the groups' documents and the secretariat).
async function libraryVisitor(width = 1366, locale = 'en-GB') {
  const context = await browser.newContext({ locale, viewport: { width, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  return { page, errors };
}

describe('the library in the browser', () => {
  it('lists the current edition; its page has the abstract, a download per language that counts, and the editions', async () => {
    const { page, errors } = await libraryVisitor();
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
    const { page, errors } = await libraryVisitor(390, 'zh-CN');
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
});
