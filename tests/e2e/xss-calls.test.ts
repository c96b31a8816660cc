import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, launchBrowser, signIn, startServer, type Server, visit } from './support.js';

// Stored XSS: hostile text saved through the API into the fields the UI shows,
// then every page that shows them opened in Chromium. Nothing may run; the
// text must show as text.

const payloads = [
  '<script>__xss(1)</script>',
  '<img src=x onerror=__xss(2)>',
  '<svg onload=__xss(3)>',
  '"><script>__xss(4)</script>',
  "'-__xss(5)-'",
  '</title><script>__xss(6)</script>',
  '<a href="javascript:__xss(7)">x7</a>',
  '<iframe srcdoc="<script>parent.__xss(8)</script>"></iframe>',
  "{{constructor.constructor('__xss(9)')()}}",
  '<details open ontoggle=__xss(10)>',
  '<style>@import "javascript:__xss(11)"</style>',
  '\u003cscript\u003e__xss(12)\u003c/script\u003e',
  '<math><mtext><table><mglyph><style><img src=x onerror=__xss(13)>',
  '<body onload=alert(14)>',
];
const all = payloads.join(' ');
/** A short field gets a few payloads, in turn; a marker tells the fields apart. */
const short = (n: number) => `WZX${n} ${payloads[n % payloads.length]} ${payloads[(n + 5) % payloads.length]}`.slice(0, 190);

let server: Server;
let browser: Browser;
const fields: string[] = [];
/** `expect`: a marker the page must show; `steps`: what to click to reach the rest of it. */
const pages: Array<{
  url: string;
  as: 'anonymous' | 'admin' | 'chair' | 'member' | 'reviewer';
  expect?: string;
  steps?: (page: Page) => Promise<void>;
}> = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const admin = await apiAs(server.url, 'admin@wuzhen.example');
  const chair = await apiAs(server.url, 'ai.chair@wuzhen.example');
  /** `what`: the text fields this call stored payloads in. */
  const ok = (r: { status: number; body: unknown }, ...what: string[]) => {
    if (r.status >= 300) throw new Error(`${what.join(', ')}: ${r.status} ${JSON.stringify(r.body)}`);
    fields.push(...what);
    return r.body as { id: string; slug?: string };
  };

  // An event: name, city and description in two languages, a room, a session with its description.
  const ev = ok(
    await admin.post('/api/v1/events', {
      slug: 'xss-forum',
      kind: 'forum',
      name: { en: short(1), 'zh-Hans': short(2) },
      description: { en: all, 'zh-Hans': all },
      city: { en: short(3) },
      startDate: '2026-12-08',
      endDate: '2026-12-09',
      timeZone: 'Asia/Shanghai',
      countryCode: 'CN',
      mode: 'hybrid',
      visibility: 'public',
      registrationOpen: true,
    }),
    'event name (en)',
    'event name (zh-Hans)',
    'event description (en)',
    'event description (zh-Hans)',
    'event city',
  );
  const room = ok(await admin.post(`/api/v1/events/${ev.id}/rooms`, { name: { en: short(4) }, capacity: 50 }), 'room name');
  ok(
    await admin.post(`/api/v1/events/${ev.id}/sessions`, {
      kind: 'sub-forum',
      title: { en: short(5), 'zh-Hans': short(6) },
      description: { en: all },
      startsAt: '2026-12-08T09:00:00+08:00',
      endsAt: '2026-12-08T10:30:00+08:00',
      roomId: room.id,
    }),
    'session title (en)',
    'session title (zh-Hans)',
    'session description',
  );
  ok(await admin.post(`/api/v1/events/${ev.id}/publish`, { force: true }));
  pages.push(
    { url: '/en/events/xss-forum', as: 'anonymous', expect: 'WZX1' },
    { url: '/zh-hans/events/xss-forum', as: 'anonymous', expect: 'WZX2' },
    { url: '/en/events', as: 'anonymous', expect: 'WZX1' },
  );

  // A library publication: title, abstract, an author's name.
  const pub = ok(
    await admin.post('/api/v1/library', {
      kind: 'report',
      year: 2026,
      title: { en: short(7), 'zh-Hans': short(8) },
      abstract: { en: all },
      tags: ['xss'],
      authors: [{ kind: 'person', name: { en: short(9) } }],
      status: 'published',
    }),
    'publication title (en)',
    'publication title (zh-Hans)',
    'publication abstract',
    'author name',
  );
  pages.push(
    { url: `/en/library/${pub.id}`, as: 'anonymous', expect: 'WZX7' },
    { url: `/zh-hans/library/${pub.id}`, as: 'anonymous', expect: 'WZX8' },
    { url: '/en/library', as: 'anonymous', expect: 'WZX7' },
  );

  // An open call: its title and rules.
  const call = ok(
    await admin.post('/api/v1/calls', {
      template: 'practice-case',
      codePrefix: 'XSSC',
      reviewsPerSubmission: 1,
      year: 2026,
      opensAt: '2026-01-01T00:00:00+08:00',
      closesAt: '2027-12-31T00:00:00+08:00',
      published: true,
      title: { en: short(14), 'zh-Hans': short(15) },
      rules: { en: all },
    }),
    'call title (en)',
    'call title (zh-Hans)',
    'call rules',
  );
  pages.push(
    { url: `/en/calls/${call.id}`, as: 'anonymous', expect: 'WZX14' },
    { url: `/zh-hans/calls/${call.id}`, as: 'anonymous', expect: 'WZX15' },
    { url: '/en/calls', as: 'anonymous', expect: 'WZX14' },
  );

  // An entry taken all the way: submitted with hostile answers, reviewed, discussed, selected, published.
  const member = await apiAs(server.url, 'member@wuzhen.example');
  const sub = ok(await member.post(`/api/v1/calls/${call.id}/submissions`, { answers: {} }));
  const file = (
    await member.upload(
      'POST',
      `/api/v1/submissions/${sub.id}/files`,
      'case.pdf',
      Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
      'application/pdf',
    )
  ).body as { fileId: string };
  const title = (n: number) => short(n).slice(0, 120);
  ok(
    await member.put(`/api/v1/submissions/${sub.id}`, {
      answers: {
        title: { en: title(16), 'zh-Hans': title(17) },
        applicantType: 'civil-society',
        organization: short(18),
        country: 'CN',
        summary: { en: `WZX19 ${all}` },
        practice: { en: all },
        results: { en: `WZX20 ${all}` },
        keywords: short(21),
        team: [{ name: short(22).slice(0, 100), email: 'xss-team@e2e.example' }],
        attachment: file.fileId,
      },
      category: 'digital-economy',
    }),
    'submission title (en)',
    'submission title (zh-Hans)',
    'organization (answer)',
    'summary',
    'practice',
    'results',
    'keywords',
    'team member name',
  );
  ok(await member.post(`/api/v1/submissions/${sub.id}/submit`));
  ok(await admin.post(`/api/v1/calls/${call.id}/auto-screen`));
  const amara = (await admin.get('/api/v1/directory/people?q=Amara')).body as { items: Array<{ id: string }> };
  ok(
    await admin.post(`/api/v1/review/calls/${call.id}/reviewers`, {
      round: 1,
      reviewers: [{ personId: amara.items[0].id, expertise: ['digital-economy'], capacity: 5 }],
    }),
  );
  const reviewer = await apiAs(server.url, 'reviewer@wuzhen.example');
  const invitations = (await reviewer.get('/api/v1/review/invitations')).body as Array<{ id: string; callId: string }>;
  ok(await reviewer.post(`/api/v1/review/invitations/${invitations.find((i) => i.callId === call.id)!.id}/respond`, { accept: true }));
  ok(await admin.post(`/api/v1/review/calls/${call.id}/assign`, { round: 1 }));
  ok(
    await reviewer.put(`/api/v1/review/submissions/${sub.id}/review`, {
      scores: { innovation: 9, impact: 8, replicability: 7 },
      commentCommittee: `WZXC ${all}`,
      commentApplicant: `WZXA ${all}`,
      submit: true,
    }),
    'review comment to the committee',
    'review comment to the applicant',
  );
  ok(await reviewer.post(`/api/v1/review/submissions/${sub.id}/discussion`, { body: `WZXD ${all}` }), 'review discussion post');
  ok(
    await admin.post(`/api/v1/review/calls/${call.id}/decisions`, {
      decisions: [{ submissionId: sub.id, decision: 'selected' }],
      notify: true,
    }),
  );
  ok(await admin.post(`/api/v1/showcase/calls/${call.id}/publish`, {}));
  const code = (await admin.get(`/api/v1/submissions/${sub.id}`)).body as { code: string };
  pages.push(
    { url: '/my/submissions', as: 'member', expect: 'WZX16' },
    { url: `/my/submissions/${sub.id}`, as: 'member', expect: 'WZXA' },
    { url: `/review/${sub.id}`, as: 'reviewer', expect: 'WZXD' },
    { url: `/en/showcase/${sub.id}`, as: 'anonymous', expect: 'WZX20' },
    { url: `/zh-hans/showcase/${sub.id}`, as: 'anonymous', expect: 'WZX17' },
    { url: '/en/showcase', as: 'anonymous', expect: 'WZX16' },
    {
      url: `/admin/calls/${call.id}`,
      as: 'admin',
      steps: async (page) => {
        // The staff's views: the ranking, and every review of the entry in its dialog.
        await page.getByRole('tab', { name: /Ranking/ }).click();
        await page.waitForFunction(() => document.body.innerText.includes('WZX16'), null, { timeout: 15_000 });
        await page.getByRole('tab', { name: /Submissions/ }).click();
        await page.getByRole('button', { name: code.code }).click();
        await page.getByRole('dialog').getByText(/WZXC/).first().waitFor({ timeout: 15_000 });
      },
    },
  );

  // The chair's display name, and a discussion thread in the group workspace.
  ok(await chair.patch('/api/v1/auth/me', { name: short(10) }), 'person name');
  const groups = (await chair.get('/api/v1/groups')).body as
    | Array<{ id: string; slug: string }>
    | { items: Array<{ id: string; slug: string }> };
  const ai = (Array.isArray(groups) ? groups : groups.items).find((g) => g.slug === 'artificial-intelligence')!;
  ok(await chair.post(`/api/v1/groups/${ai.id}/threads`, { title: short(11), body: all }), 'thread title', 'post body');
  ok(
    await chair.post(`/api/v1/groups/${ai.id}/meetings`, {
      title: { en: short(12) },
      startsAt: '2026-12-20T09:00:00+08:00',
      timezone: 'Asia/Shanghai',
      mode: 'in_person',
      location: short(13),
    }),
    'meeting title',
    'meeting location',
  );
  ok(
    await chair.post(`/api/v1/groups/${ai.id}/documents`, { kind: 'report', title: { en: short(0) }, paragraphs: [{ text: { en: all } }] }),
    'document title',
    'document paragraph',
  );
  pages.push({
    url: '/en/groups/artificial-intelligence/workspace',
    as: 'chair',
    expect: 'WZX11',
    steps: async (page) => {
      // Every tab of the workspace: documents, meetings, discussion.
      for (const [tab, mark] of [
        ['Meetings', 'WZX12'],
        ['Documents', 'WZX0'],
        ['Discussion', 'WZX11'],
      ]) {
        await page.getByRole('tab', { name: new RegExp(tab, 'i') }).click();
        await page.waitForFunction((m) => document.body.innerText.includes(m), mark, { timeout: 15_000 });
      }
    },
  });

  // Search shows titles and highlighted snippets of all of them.
  pages.push(
    { url: '/en/search?q=WZX1', as: 'anonymous', expect: 'WZX1' },
    { url: `/en/search?q=${encodeURIComponent('script')}`, as: 'anonymous', expect: 'WZX' },
  );
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(context: BrowserContext, hits: number[], dialogs: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.exposeFunction('__xss', (n: number) => hits.push(n));
  return page;
}

describe('stored XSS', () => {
  it('hostile text in every field shows as text on every page that shows it, and nothing runs', async () => {
    const hits: number[] = [];
    const dialogs: string[] = [];
    const anonymous = await browser.newContext({ locale: 'en-GB' });
    const chairContext = await browser.newContext({ locale: 'en-GB' });
    const anon = await open(anonymous, hits, dialogs);
    const chair = await open(chairContext, hits, dialogs);
    const member = await open(await browser.newContext({ locale: 'en-GB' }), hits, dialogs);
    const reviewer = await open(await browser.newContext({ locale: 'en-GB' }), hits, dialogs);
    const admin = await open(await browser.newContext({ locale: 'en-GB' }), hits, dialogs);
    // The detector works: markup that does run is caught.
    await anon.setContent('<img src=x onerror="__xss(-1)">');
    await anon.waitForFunction(() => true);
    await new Promise((r) => setTimeout(r, 300));
    expect(hits).toEqual([-1]);
    hits.length = 0;
    await signIn(chair, server.url, 'ai.chair@wuzhen.example');
    await signIn(member, server.url, 'member@wuzhen.example');
    await signIn(reviewer, server.url, 'reviewer@wuzhen.example');
    await signIn(admin, server.url, 'admin@wuzhen.example');
    let shown = 0;
    for (const p of pages) {
      const page = { anonymous: anon, admin, chair, member, reviewer }[p.as];
      await visit(page, `${server.url}${p.url}`);
      await p.steps?.(page);
      // Without a marker (a form holding the text in its fields): only that nothing runs.
      if (p.expect)
        await page
          .waitForFunction((m) => document.body.innerText.includes(m), p.expect, { timeout: 15_000 })
          .catch(async () => {
            throw new Error(`${p.url} does not show ${p.expect}: ${(await page.locator('body').innerText()).slice(0, 1500)}`);
          });
      // Hover and click what is there, so event handlers and links would fire if they existed.
      for (const link of await page.locator('a[href^="javascript:" i]').all())
        throw new Error(`a javascript: link on ${p.url}: ${await link.getAttribute('href')}`);
      const text = await page.locator('body').innerText();
      if (text.includes('<script>') || text.includes('onerror=')) shown++;
    }
    // And without JavaScript in the way: the server-rendered HTML has no live markup from the payloads.
    for (const p of pages.filter((x) => x.as === 'anonymous')) {
      const html = await (await fetch(`${server.url}${p.url}`)).text();
      expect(html, p.url).not.toMatch(/<script>__xss|<img src=x onerror|<svg onload|<iframe srcdoc|<details open ontoggle|<body onload/i);
    }
    await new Promise((r) => setTimeout(r, 500));
    expect(hits, 'payloads that ran').toEqual([]);
    expect(dialogs, 'dialogs opened').toEqual([]);
    expect(shown, 'pages showing the payloads as text').toBeGreaterThanOrEqual(pages.filter((p) => p.expect).length / 2);
    console.log(
      `[xss] ${payloads.length} payloads in ${fields.length} text fields, ${pages.length} pages in Chromium (server-rendered and in the browser, en and zh-Hans): 0 ran, 0 dialogs, shown as text on ${shown} pages`,
    );
  }, 240_000);
});
