import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, launchBrowser, signIn, startServer, type Server, visit } from './support.js';

/**
 * Stored XSS: hostile strings are saved through the API, as the demo users
 * allowed to save them, in every text field the UI renders that we can reach;
 * then every page that shows them is opened in Chromium. A payload that runs
 * calls window.__xss (exposed by the test) or opens a dialog. Each page must
 * also show the payloads as literal text, so that a page that silently drops
 * them does not pass for a safe one.
 */
const PAYLOADS = [
  '<script>__xss(1)</script>',
  '<img src=x onerror=__xss(2)>',
  '<svg onload=__xss(3)>',
  '"><script>__xss(4)</script>',
  "'-__xss(5)-'",
  '</title><script>__xss(6)</script>',
  'javascript:__xss(7)',
  '<a href="javascript:__xss(8)">x</a>',
  '<iframe srcdoc="<script>parent.__xss(9)</script>">',
  "{{constructor.constructor('__xss(10)')()}}",
];

let server: Server;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Splits the payloads into strings of at most `max` characters, each starting with a tag to find it by. */
function chunks(tag: string, max: number): string[] {
  const out: string[] = [];
  let cur = tag;
  for (const p of PAYLOADS) {
    if (`${cur} ${p}`.length > max) {
      out.push(cur);
      cur = tag;
    }
    cur += ` ${p}`;
  }
  out.push(cur);
  return out;
}
const all = (tag: string) => `${tag} ${PAYLOADS.join(' ')}`;

/** Field name → how many payloads went into it. */
const stored = new Map<string, number>();
function record(field: string, value: string | string[]) {
  const values = Array.isArray(value) ? value : [value];
  const n = PAYLOADS.filter((p) => values.some((v) => v.includes(p))).length;
  stored.set(field, (stored.get(field) ?? 0) + n);
}

function ok<T = Record<string, unknown>>(r: { status: number; body: unknown }, what: string, status = [200, 201]): T {
  if (!status.includes(r.status)) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body).slice(0, 500)}`);
  return r.body as T;
}

describe('stored XSS', () => {
  it('hostile text in every reachable field renders inert, as literal text, on every page that shows it', async () => {
    const admin = await apiAs(server.url, 'admin@wuzhen.example');
    const chair = await apiAs(server.url, 'ai.chair@wuzhen.example');
    const member = await apiAs(server.url, 'member@wuzhen.example');
    const rejected: string[] = [];

    // Directory: organizations and people (speakers).
    const orgNames = chunks('XORG', 300);
    const orgIds: string[] = [];
    for (const [i, name] of orgNames.entries()) {
      const o = ok<{ id: string }>(
        await admin.post('/api/v1/directory/organizations', {
          name: { en: name, 'zh-Hans': `中文 ${name}` },
          shortName: null,
          countryCode: 'DE',
          stakeholderGroup: 'civil-society',
          description: { en: all(`XORGD${i}`) },
        }),
        'organization',
      );
      orgIds.push(o.id);
    }
    record('organization.name', orgNames);
    record('organization.description', all('XORGD'));
    const personNames = chunks('XPER', 200);
    const personIds: string[] = [];
    for (const name of personNames) {
      const p = ok<{ id: string }>(
        await admin.post('/api/v1/directory/people', {
          name,
          nameLatin: name,
          countryCode: 'DE',
          affiliations: [{ organizationId: orgIds[0], title: { en: 'XAFF <script>__xss(1)</script>' } }],
        }),
        'person',
      );
      personIds.push(p.id);
    }
    record('person.name', personNames);
    record('affiliation.title', 'XAFF <script>__xss(1)</script>');

    // Events: event, rooms, sessions with speakers.
    const slug = `xss-${Math.random().toString(36).slice(2, 8)}`;
    const eventNames = chunks('XEVT', 300);
    const ev = ok<{ id: string; slug: string }>(
      await admin.post('/api/v1/events', {
        slug,
        kind: 'forum',
        name: { en: eventNames[0], 'zh-Hans': `中文 ${eventNames[0]}` },
        description: { en: all('XEVTD'), 'zh-Hans': all('XEVTD') },
        theme: { en: all('XTHEME') },
        venue: { en: eventNames[1] ?? eventNames[0] },
        city: { en: chunks('XCITY', 200)[0] },
        startDate: '2027-03-01',
        endDate: '2027-03-02',
        timeZone: 'Asia/Shanghai',
        countryCode: 'CN',
        mode: 'hybrid',
        visibility: 'public',
        registrationOpen: true,
      }),
      'event',
    );
    record('event.name+venue', eventNames);
    record('event.description', all('XEVTD'));
    record('event.theme', all('XTHEME'));
    record('event.city', chunks('XCITY', 200)[0]);
    // A javascript: URL where a link is expected must be refused.
    const jsUrl = await admin.put(`/api/v1/events/${ev.id}`, {
      slug,
      kind: 'forum',
      name: { en: 'x' },
      startDate: '2027-03-01',
      endDate: '2027-03-02',
      timeZone: 'Asia/Shanghai',
      mode: 'online',
      visibility: 'public',
      onlineUrl: 'javascript:__xss(7)',
    });
    if (jsUrl.status !== 400) rejected.push(`event.onlineUrl accepted javascript: (${jsUrl.status})`);
    const roomNames = chunks('XROOM', 200);
    const rooms: string[] = [];
    for (const name of roomNames)
      rooms.push(ok<{ id: string }>(await admin.post(`/api/v1/events/${ev.id}/rooms`, { name: { en: name }, capacity: 100 }), 'room').id);
    record('room.name', roomNames);
    const sessionTitles = chunks('XSES', 300);
    const sessionIds: string[] = [];
    for (const [i, title] of sessionTitles.entries()) {
      const s = ok<{ id: string }>(
        await admin.post(`/api/v1/events/${ev.id}/sessions`, {
          kind: 'sub-forum',
          title: { en: title, 'zh-Hans': `中文 ${title}` },
          description: { en: all(`XSESD${i}`) },
          startsAt: `2027-03-01T${String(9 + 2 * i).padStart(2, '0')}:00:00+08:00`,
          endsAt: `2027-03-01T${String(10 + 2 * i).padStart(2, '0')}:00:00+08:00`,
          roomId: rooms[i % rooms.length],
          coOrganizers: [{ en: chunks('XCOORG', 300)[i] ?? 'XCOORG' }],
          people: personIds.map((personId) => ({ personId, role: 'speaker' })),
        }),
        'session',
      );
      sessionIds.push(s.id);
    }
    record('session.title', sessionTitles);
    record('session.description', all('XSESD'));
    record('session.coOrganizers', chunks('XCOORG', 300));
    ok(await admin.post(`/api/v1/events/${ev.id}/publish`, { force: true }), 'publish');

    // Working groups: a new group; a thread, a meeting, a document in the demo AI group.
    const gslug = `xss-${Math.random().toString(36).slice(2, 8)}`;
    const groupNames = chunks('XGRP', 200);
    ok(await admin.post('/api/v1/groups', { slug: gslug, name: { en: groupNames[0] }, mandate: { en: all('XMANDATE') } }), 'group');
    record('group.name', groupNames[0]);
    record('group.mandate', all('XMANDATE'));
    const threadTitle = chunks('XTHR', 300)[0];
    ok(await chair.post('/api/v1/groups/artificial-intelligence/threads', { title: threadTitle, body: all('XPOST') }), 'thread');
    record('thread.title', threadTitle);
    record('thread.post', all('XPOST'));
    const meetingTitle = chunks('XMEET', 300)[0];
    ok(
      await chair.post('/api/v1/groups/artificial-intelligence/meetings', {
        title: { en: meetingTitle },
        startsAt: '2027-04-01T10:00:00+08:00',
        timezone: 'Asia/Shanghai',
        mode: 'online',
        location: chunks('XLOC', 300)[0],
        link: 'https://meet.example/x',
      }),
      'meeting',
    );
    record('meeting.title', meetingTitle);
    record('meeting.location', chunks('XLOC', 300)[0]);
    const jsLink = await chair.post('/api/v1/groups/artificial-intelligence/meetings', {
      title: { en: 'js link' },
      startsAt: '2027-04-01T10:00:00+08:00',
      timezone: 'Asia/Shanghai',
      mode: 'online',
      link: 'javascript:__xss(7)',
    });
    if (jsLink.status !== 400) rejected.push(`meeting.link accepted javascript: (${jsLink.status})`);
    const docTitle = all('XDOC');
    const doc = ok<{ id: string }>(
      await chair.post('/api/v1/groups/artificial-intelligence/documents', {
        kind: 'report',
        title: { en: docTitle },
        paragraphs: PAYLOADS.map((p) => ({ text: { en: `XPARA ${p}` } })),
      }),
      'document',
    );
    record('document.title', docTitle);
    record(
      'document.body',
      PAYLOADS.map((p) => `XPARA ${p}`),
    );

    // Library.
    const pubTitle = all('XPUB');
    const pub = ok<{ id: string }>(
      await admin.post('/api/v1/library', {
        kind: 'report',
        year: 2026,
        title: { en: pubTitle, 'zh-Hans': pubTitle },
        abstract: { en: all('XABS'), 'zh-Hans': all('XABS') },
        authors: [{ kind: 'person', name: { en: chunks('XAUTH', 300)[0] } }],
        status: 'published',
      }),
      'publication',
    );
    record('publication.title', pubTitle);
    record('publication.abstract', all('XABS'));
    record('publication.author', chunks('XAUTH', 300)[0]);

    // The member portal: the organization's public profile.
    const portal = ok<Array<{ id: string }>>(await member.get('/api/v1/membership/portal'), 'portal');
    let memberId: string | null = null;
    if (portal.length) {
      memberId = portal[0].id;
      ok(
        await member.put(`/api/v1/membership/portal/${memberId}/profile`, {
          description: { en: all('XPROFILE') },
          sector: chunks('XSECTOR', 200)[0],
        }),
        'profile',
      );
      ok(await member.put(`/api/v1/membership/portal/${memberId}/directory`, { optIn: true }), 'opt in');
      record('member.description', all('XPROFILE'));
      record('member.sector', chunks('XSECTOR', 200)[0]);
      const jsSite = await member.put(`/api/v1/membership/portal/${memberId}/profile`, { website: 'javascript:__xss(7)' });
      if (jsSite.status !== 400) rejected.push(`member.website accepted javascript: (${jsSite.status})`);
    }
    expect(rejected).toEqual([]);

    // Pages: [path, who, strings that must show as text].
    const onePayload = (tag: string) => `${tag} ${PAYLOADS[0]}`;
    const pages: Array<[string, string | null, string[]]> = [
      [`/en/events/${slug}`, null, [onePayload('XEVT'), onePayload('XSES')]],
      [`/zh-hans/events/${slug}`, null, [`中文 ${onePayload('XEVT')}`]],
      ['/en/events', null, ['XEVT']],
      [`/en/events/${slug}/sessions/${sessionIds[0]}`, null, [onePayload('XSES'), 'XPER']],
      [`/en/search?q=XEVT`, null, ['XEVT']],
      [`/admin/events/${ev.id}`, 'admin@wuzhen.example', ['XEVT', 'XSES']],
      ['/admin/directory/organizations', 'admin@wuzhen.example', []],
      ['/admin/directory/people', 'admin@wuzhen.example', []],
      ['/en/groups', null, [onePayload('XGRP')]],
      [`/en/groups/${gslug}`, null, [onePayload('XGRP'), onePayload('XMANDATE')]],
      ['/en/groups/artificial-intelligence/workspace', 'ai.chair@wuzhen.example', []],
      [`/en/documents/${doc.id}`, 'ai.chair@wuzhen.example', [onePayload('XDOC'), onePayload('XPARA')]],
      ['/en/library', null, [onePayload('XPUB')]],
      ['/zh-hans/library', null, [onePayload('XPUB')]],
      [`/en/library/${pub.id}`, null, [onePayload('XPUB'), onePayload('XABS')]],
      ['/admin/library', 'admin@wuzhen.example', [onePayload('XPUB')]],
      ['/en/showcase', null, []],
      ['/en/', null, []],
    ];
    if (memberId) {
      pages.push(['/my/membership', 'member@wuzhen.example', []]);
      pages.push([`/en/members/${memberId}`, null, [onePayload('XPROFILE')]]);
    }

    const hits: Array<{ path: string; n: unknown }> = [];
    const dialogs: Array<{ path: string; message: string }> = [];
    const missing: Array<{ path: string; text: string }> = [];
    const contexts = new Map<string | null, Page>();
    async function pageAs(who: string | null) {
      let page = contexts.get(who);
      if (page) return page;
      const context = await browser.newContext({ locale: 'en-GB' });
      page = await context.newPage();
      const p = page;
      await p.exposeFunction('__xss', (n: unknown) => hits.push({ path: p.url(), n }));
      p.on('dialog', (d) => {
        dialogs.push({ path: p.url(), message: d.message() });
        void d.dismiss();
      });
      if (who) await signIn(p, server.url, who);
      contexts.set(who, p);
      return p;
    }
    let checked = 0;
    for (const [path, who, texts] of pages) {
      const page = await pageAs(who);
      await visit(page, `${server.url}${path}`);
      for (const text of texts) {
        // Wait for the SPA to fetch and render; then read the visible text.
        const found = await page
          .waitForFunction((t) => document.body.innerText.includes(t), text, { timeout: 8000 })
          .then(() => true)
          .catch(() => false);
        if (!found) missing.push({ path, text });
      }
      // Click every link a payload may have produced.
      for (const a of await page.locator('main a[href^="javascript:" i]').all()) await a.click({ timeout: 1000 }).catch(() => {});
      const probe = await page.evaluate(() => ({
        jsLinks: [...document.querySelectorAll('[href], [src], [action], [formaction]')]
          .map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action') ?? e.getAttribute('formaction') ?? '')
          .filter((u) => /^\s*(javascript|vbscript|data:text\/html)/i.test(u)),
        handlers: [...document.querySelectorAll('main *')]
          .flatMap((e) => [...e.attributes].map((a) => a.name))
          .filter((n) => n.startsWith('on')),
        injected: document.querySelectorAll('main script, main iframe[srcdoc], main svg[onload], main img[onerror]').length,
      }));
      expect(probe, path).toEqual({ jsLinks: [], handlers: [], injected: 0 });
      checked++;
    }
    await new Promise((r) => setTimeout(r, 300));
    for (const p of contexts.values()) await p.context().close();

    const fields = stored.size;
    const pairs = [...stored.values()].reduce((a, b) => a + b, 0);
    console.log(
      `stored XSS: ${PAYLOADS.length} payloads × ${fields} fields (${pairs} payload-field pairs) × ${checked} pages checked in Chromium; ${hits.length} hits, ${dialogs.length} dialogs, ${missing.length} texts missing`,
    );
    expect(hits).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(missing).toEqual([]);
  }, 240_000);
});
