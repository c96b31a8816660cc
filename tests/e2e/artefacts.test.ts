import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import jsQR from 'jsqr';
import type { Browser, Page as PwPage } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsPages } from '../../src/features/accounts/contract.js';
import { adminPages } from '../../src/features/admin/contract.js';
import { callsPages } from '../../src/features/calls/contract.js';
import { directoryPages } from '../../src/features/directory/contract.js';
import { eventsPages } from '../../src/features/events/contract.js';
import { groupsPages } from '../../src/features/groups/contract.js';
import { libraryPages } from '../../src/features/library/contract.js';
import { membershipPages } from '../../src/features/membership/contract.js';
import { portalPages } from '../../src/features/portal/contract.js';
import { reviewPages } from '../../src/features/review/contract.js';
import { showcasePages } from '../../src/features/showcase/contract.js';
import { findPage, localeOfPrefix, type Page } from '../../src/platform/http/links.js';
import type { Locale } from '../../src/platform/i18n/text.js';
import { calendarProblems } from '../../src/test/calendar.js';
import { apiAs, lastMailTo, launchBrowser, startServer, visit, type Server } from './support.js';

/**
 * What people receive works (issue 18): a realistic run through the API as the
 * people who do it (membership, event registration with accreditation, badge,
 * visa letter, calendars, a call submission, a nomination, a decision, a comment
 * round, the sitemap), then every URL found in every mail, calendar, PDF, badge
 * QR code and the sitemap is fetched as its recipient and opened in Chromium
 * signed in as them: never a 404, always in their language. Every calendar passes
 * the strict RFC 5545 check, every PDF has the pages it should and no overprinted words.
 */

type Api = Awaited<ReturnType<typeof apiAs>>;
interface Found {
  url: string;
  /** Who received it: a mail's recipient, the person who downloaded, 'anyone' for the sitemap. */
  to: string;
  from: string;
}

let server: Server;
let browser: Browser;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wz-artefacts-'));
const password = 'artefact-check-password-1';
const stamp = Date.now().toString(36);
/** The web app's declared pages: the sitemap's URLs are told apart by the page they lead to. */
const pages: Page[] = [
  accountsPages,
  adminPages,
  callsPages,
  directoryPages,
  eventsPages,
  groupsPages,
  libraryPages,
  membershipPages,
  portalPages,
  reviewPages,
  showcasePages,
].flatMap((p) => Object.values(p));

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const ok = (r: { status: number; body: unknown }, what: string) => {
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as Record<string, unknown> & { id: string };
};

/** A new account in a language, its address verified through the link in its mail. */
async function signUp(email: string, name: string, locale: Locale) {
  const r = await fetch(`${server.url}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, name, password, locale }),
  });
  expect(r.status).toBe(202);
  const token = /token=([A-Za-z0-9_-]+)/.exec((await lastMailTo(server.url, email)).text)![1];
  const v = await fetch(`${server.url}/api/v1/auth/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  expect(v.status).toBe(200);
  return apiAs(server.url, email, password);
}

/** The absolute URLs in a text (trailing punctuation of the sentence left out). */
const urlsIn = (text: string) =>
  (text.match(/https?:\/\/[^\s<>"'`]+/g) ?? []).map((u) => u.replace(/[.,;:!?)\]}。，；：！？）」』》]+$/, ''));
/** The links of an HTML part: its href and src attributes, and the URLs written in its text. */
const urlsInHtml = (html: string) => [
  ...[...html.matchAll(/\s(?:href|src)\s*=\s*["']([^"']+)["']/gi)].map((m) => m[1].replace(/&amp;/g, '&')),
  ...urlsIn(html.replace(/<[^>]*>/g, ' ')),
];

/** The URLs in a PDF's text, a URL wrapped after a slash, dash or the like joined with its next line. */
const urlsInPdf = (text: string) => urlsIn(text.replace(/(https?:\/\/\S*[/\-=?&_.~])\n(?=\S)/g, '$1'));

const pdfBytes = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('what people receive', () => {
  it('every link in every mail, calendar, PDF, badge QR code and the sitemap leads to a real page in the recipient’s language', async () => {
    const started = Date.now();
    const url = server.url;
    const found: Found[] = [];
    const problems: string[] = [];
    const counts = { mails: 0, calendars: 0, pdfs: 0, pdfPages: 0, qrCodes: 0, sitemapUrls: 0, feeds: 0 };
    /** Session cookies of the people signed in, by address. */
    const cookies = new Map<string, string>();
    const since = new Date(Date.now() - 1000);
    const phases: Record<string, number> = {};
    let last = Date.now();
    const mark = (name: string) => {
      phases[name] = (Date.now() - last) / 1000;
      last = Date.now();
    };

    const admin = await apiAs(url, 'admin@wuzhen.example');
    const staff = await apiAs(url, 'secretariat@wuzhen.example');
    const forum = await apiAs(url, 'forum@wuzhen.example');
    const member = await apiAs(url, 'member@wuzhen.example');
    const chair = await apiAs(url, 'data.chair@wuzhen.example');
    for (const [email, api] of [
      ['admin@wuzhen.example', admin],
      ['secretariat@wuzhen.example', staff],
      ['forum@wuzhen.example', forum],
      ['member@wuzhen.example', member],
      ['data.chair@wuzhen.example', chair],
    ] as const)
      cookies.set(email, api.cookie);

    // Two new people: one writes Traditional Chinese, one Simplified.
    const hant = { email: `hant-${stamp}@example.org`, name: '陳家慧' };
    const hans = { email: `hans-${stamp}@example.org`, name: '李明' };
    const a = await signUp(hant.email, hant.name, 'zh-Hant');
    const b = await signUp(hans.email, hans.name, 'zh-Hans');
    cookies.set(hant.email, a.cookie);
    cookies.set(hans.email, b.cookie);

    // Membership: the zh-Hant person applies for their institute, names themselves its representative, submits;
    // the secretariat approves; as the member's contact they invite the zh-Hans person as a second representative.
    const orgName = `數位治理研究院 ${stamp}`;
    const app = ok(
      await a.post('/api/v1/membership/applications', {
        categoryKey: 'academic',
        locale: 'zh-Hant',
        data: {
          organization: {
            name: { 'zh-Hant': orgName },
            countryCode: 'SG',
            stakeholderGroup: 'academia',
            website: 'https://dgi.example.org',
          },
          representatives: [{ name: hant.name, email: hant.email }],
          motivation: '希望參與資料治理工作組。',
        },
      }),
      'membership application',
    );
    ok(
      await a.upload('POST', `/api/v1/membership/applications/${app.id}/documents`, '登記證書.pdf', pdfBytes, 'application/pdf', {
        docKey: 'registration',
      }),
      'application document',
    );
    ok(await a.post(`/api/v1/membership/applications/${app.id}/submit`), 'submit application');
    const approved = ok(await staff.post(`/api/v1/membership/applications/${app.id}/approve`, { reason: '歡迎' }), 'approve');
    const membershipId = approved.membershipId as string;
    ok(
      await a.post(`/api/v1/membership/portal/${membershipId}/representatives`, { name: hans.name, email: hans.email }),
      'invite a representative',
    );

    // Events: the zh-Hans person registers on site for the 2026 summit with a visa request; the event manager
    // approves; they download the badge, the visa letter, a session's and the event's calendar and their agenda feed.
    // The event manager also invites the zh-Hant person as a speaker and prints every badge of the event.
    const event = ok(await b.get('/api/v1/events/wuzhen-summit-2026'), 'event');
    const agenda = (await b.get(`/api/v1/events/${event.id}/agenda`)).body as { sessions: Array<{ id: string; capacity: number | null }> };
    const limited = agenda.sessions.find((s) => s.capacity != null)!;
    const reg = ok(
      await b.post(`/api/v1/events/${event.id}/registrations`, {
        category: 'delegate',
        attendance: 'on-site',
        name: hans.name,
        nameLatin: 'LI Ming',
        organization: orgName,
        countryCode: 'SG',
        answers: {
          needs_visa: true,
          passport_number: 'K1234567',
          nationality: 'Singapore',
          birth_date: '1990-05-01',
          passport_expiry: '2031-01-01',
        },
        sessions: [limited.id],
      }),
      'registration',
    );
    ok(await forum.post(`/api/v1/registrations/${reg.id}/decision`, { decision: 'approve' }), 'accreditation');
    const channels = (await forum.get(`/api/v1/events/${event.id}/channels`)).body as Array<{ id: string }>;
    ok(
      await forum.post(`/api/v1/events/${event.id}/invitations`, {
        email: hant.email,
        name: hant.name,
        category: 'speaker',
        channelId: channels[0].id,
        locale: 'zh-Hant',
      }),
      'event invitation',
    );

    /** A file as its reader downloads it. */
    const download = async (api: Api, u: string) => {
      const r = await api.bytes(u);
      if (r.status !== 200) throw new Error(`${u}: ${r.status} ${r.data.toString().slice(0, 300)}`);
      return r.data;
    };
    const pdfs: Array<{ name: string; to: string; data: Buffer; badges?: number; qr?: true }> = [
      { name: 'badge', to: hans.email, data: await download(b, `/api/v1/registrations/${reg.id}/badge.pdf`), badges: 1 },
      { name: 'visa letter', to: hans.email, data: await download(b, `/api/v1/registrations/${reg.id}/visa-letter.pdf`), qr: true },
    ];
    const approvedRegs = (await forum.get(`/api/v1/events/${event.id}/registrations?status=approved`)).body as Array<{
      attendance: string;
      badgeRevoked: boolean;
    }>;
    pdfs.push({
      name: 'badges of the event',
      to: 'forum@wuzhen.example',
      data: await download(forum, `/api/v1/events/${event.id}/badges.pdf`),
      badges: approvedRegs.filter((r) => r.attendance === 'on-site' && !r.badgeRevoked).length,
    });
    const badgeToken = ((await b.get(`/api/v1/registrations/${reg.id}/badge-token`)).body as { token: string }).token;
    const calendars: Array<{ name: string; to: string; text: string }> = [
      { name: 'session', to: hans.email, text: (await download(b, `/api/v1/sessions/${limited.id}/calendar.ics`)).toString() },
      { name: 'event', to: hans.email, text: (await download(b, `/api/v1/events/${event.id}/calendar.ics`)).toString() },
      { name: 'event', to: hant.email, text: (await download(a, '/api/v1/events/wuzhen-summit-2026/calendar.ics')).toString() },
    ];
    const feed = ((await b.get('/api/v1/me/agenda-link')).body as { url: string }).url;
    // A calendar program subscribes without the person's cookies.
    const feedRes = await fetch(feed);
    expect(feedRes.status).toBe(200);
    calendars.push({ name: 'personal agenda', to: hans.email, text: await feedRes.text() });

    // Calls: the zh-Hant person submits to the open AI-for-good call; the member's contact nominates the zh-Hans person
    // for the youth program; staff decide on the submission and notify the applicant.
    const calls = (await a.get('/api/v1/calls')).body as Array<{ id: string; kind: string }>;
    const aiCall = calls.find((c) => c.kind === 'ai-for-good')!;
    const youth = calls.find((c) => c.kind === 'youth-leaders')!;
    const sub = ok(
      await a.post(`/api/v1/calls/${aiCall.id}/submissions`, {
        category: 'education',
        answers: {
          title: { 'zh-Hant': `偏鄉學童人工智慧助教 ${stamp}` },
          applicantType: 'academia',
          organization: orgName,
          country: 'SG',
          summary: { 'zh-Hant': '以人工智慧協助偏鄉學校的課後輔導。' },
          beneficiaries: 1200,
        },
      }),
      'start submission',
    );
    ok(await a.post(`/api/v1/submissions/${sub.id}/submit`), 'submit');
    const me = (await member.get('/api/v1/auth/me')).body as { user: { scopes: Array<{ role: string; scopeId: string }> } };
    const org = me.user.scopes.find((s) => s.role === 'org_contact')!.scopeId;
    ok(
      await member.post(`/api/v1/calls/${youth.id}/nominations`, { organizationId: org, name: hans.name, email: hans.email }),
      'nomination',
    );
    ok(
      await staff.post(`/api/v1/review/calls/${aiCall.id}/decisions`, {
        decisions: [{ submissionId: sub.id, decision: 'shortlisted' }],
        notify: true,
      }),
      'decision',
    );

    // Working groups: the Data group's chair invites the zh-Hant person, who accepts; the chair starts a document
    // and opens a comment round: every member gets a mail.
    const groups = (await chair.get('/api/v1/groups')).body as Array<{ id: string; slug: string }>;
    const data = groups.find((g) => g.slug === 'data')!;
    ok(await chair.post(`/api/v1/groups/${data.id}/invitations`, { email: hant.email }), 'group invitation');
    ok(await a.post(`/api/v1/groups/${data.id}/invitation/accept`), 'accept group invitation');
    const doc = ok(
      await chair.post(`/api/v1/groups/${data.id}/documents`, {
        kind: 'report',
        title: { en: `Data Portability Report ${stamp}`, 'zh-Hans': `数据可携带性报告 ${stamp}` },
        paragraphs: [
          { text: { en: 'Data portability lets people move their data.', 'zh-Hans': '数据可携带性让人们能够转移自己的数据。' } },
        ],
      }),
      'group document',
    );
    ok(
      await chair.post(`/api/v1/documents/${doc.id}/rounds`, { closesAt: new Date(Date.now() + 14 * 86400_000).toISOString() }),
      'comment round',
    );

    // The sitemap, and any RSS or Atom feed the public pages announce.
    const sitemap = await (await fetch(`${url}/sitemap.xml`)).text();
    const sitemapUrls = [
      ...new Set([...sitemap.matchAll(/<loc>([^<]+)<\/loc>|href="([^"]+)"/g)].map((m) => (m[1] ?? m[2]).replace(/&amp;/g, '&'))),
    ];
    counts.sitemapUrls = sitemapUrls.length;
    for (const u of sitemapUrls) found.push({ url: u, to: 'anyone', from: 'sitemap' });
    for (const prefix of ['en', 'zh-hans', 'zh-hant']) {
      const home = await (await fetch(`${url}/${prefix}/`)).text();
      for (const m of home.matchAll(/<link[^>]+type="application\/(?:rss|atom)\+xml"[^>]*>/g)) {
        const href = /href="([^"]+)"/.exec(m[0])?.[1];
        if (!href) continue;
        const xml = await (await fetch(new URL(href.replace(/&amp;/g, '&'), url))).text();
        counts.feeds++;
        for (const l of xml.matchAll(/<link>([^<]+)<\/link>|<link[^>]+href="([^"]+)"/g))
          found.push({ url: l[1] ?? l[2], to: 'anyone', from: `feed ${href}` });
      }
    }

    mark('scenario');
    // Every mail queued during the run, read by the admin from the outbox.
    const mails: Array<{ to: string; subject: string; text: string; html: string | null; locale: string; createdAt: string }> = [];
    for (let p = 1; ; p++) {
      const r = (await admin.get(`/api/v1/admin/outbox?pageSize=200&page=${p}`)).body as { items: typeof mails };
      const fresh = r.items.filter((m) => new Date(m.createdAt) >= since);
      mails.push(...fresh);
      if (fresh.length < r.items.length || r.items.length < 200) break;
    }
    counts.mails = mails.length;
    for (const m of mails) {
      const from = `mail "${m.subject}"`;
      for (const u of urlsIn(m.text)) found.push({ url: u, to: m.to, from });
      if (m.html) for (const u of urlsInHtml(m.html)) found.push({ url: u, to: m.to, from: `${from} (HTML)` });
    }

    // Calendars: the strict RFC 5545 check, then their URL properties and the URLs in their descriptions.
    for (const c of calendars) {
      counts.calendars++;
      for (const p of calendarProblems(c.text)) problems.push(`calendar ${c.name} (${c.to}): ${p}`);
      const cal = new ICAL.Component(ICAL.parse(c.text));
      for (const ev of cal.getAllSubcomponents('vevent')) {
        for (const p of ev.getAllProperties('url')) found.push({ url: String(p.getFirstValue()), to: c.to, from: `calendar ${c.name}` });
        for (const u of urlsIn(String(ev.getFirstPropertyValue('description') ?? '')))
          found.push({ url: u, to: c.to, from: `calendar ${c.name} (description)` });
      }
    }

    // PDFs: page count, no overprinted words, the URLs in their text; the QR code of each badge and of the visa letter.
    for (const [i, p] of pdfs.entries()) {
      counts.pdfs++;
      const file = path.join(tmp, `${i}.pdf`);
      fs.writeFileSync(file, p.data);
      const layout = wordsOf(execFileSync('pdftotext', ['-bbox-layout', file, '-']).toString());
      counts.pdfPages += layout.length;
      if (p.badges !== undefined && layout.length !== p.badges)
        problems.push(`PDF ${p.name}: ${layout.length} pages for ${p.badges} badge(s), expected one page per badge`);
      if (p.badges === undefined && layout.length < 1) problems.push(`PDF ${p.name}: no pages`);
      for (const o of overlaps(layout)) problems.push(`PDF ${p.name}: ${o}`);
      for (const u of urlsInPdf(execFileSync('pdftotext', [file, '-']).toString())) found.push({ url: u, to: p.to, from: `PDF ${p.name}` });
      if (p.badges !== undefined || p.qr) {
        const codes = qrCodesOf(file, path.join(tmp, `${i}-page`));
        counts.qrCodes += codes.filter((c) => c !== null).length;
        codes.forEach((c, page) => {
          if (c === null) problems.push(`PDF ${p.name}: no readable QR code on page ${page + 1}`);
          else for (const u of urlsIn(c)) found.push({ url: u, to: p.to, from: `QR code of ${p.name}` });
        });
        if (p.name === 'badge' && codes[0] !== badgeToken) problems.push(`badge: its QR code reads ${codes[0]}, not the badge's token`);
      }
    }

    mark('reading');
    // The languages of the recipients: their account's, else (no account) the mail's; anyone: the URL's prefix.
    const langOf = new Map<string, Locale | null>([['anyone', null]]);
    const withAccount = new Set<string>();
    for (const to of new Set(found.map((f) => f.to))) {
      if (langOf.has(to)) continue;
      const r = (await admin.get(`/api/v1/admin/users?q=${encodeURIComponent(to)}&pageSize=5`)).body as {
        items: Array<{ email: string; locale: string }>;
      };
      const account = r.items.find((u) => u.email === to);
      if (account) withAccount.add(to);
      langOf.set(to, (account?.locale ?? mails.find((m) => m.to === to)?.locale ?? 'en') as Locale);
    }

    // Every URL of ours, once per recipient: fetched over plain HTTP (redirects followed one by one on our server).
    const unique = [...new Map(found.map((f) => [`${f.to} ${f.url}`, f])).values()];
    const ours = unique.filter((f) => f.url.startsWith(`${url}/`));
    const external = unique.filter((f) => !f.url.startsWith(`${url}/`)).map((f) => f.url);
    await pool(ours, 8, async (f) => {
      const status = await statusOf(f.url, cookies.get(f.to));
      if (status.final >= 400) problems.push(`${f.from} to ${f.to}: ${f.url} answers ${status.chain}`);
    });

    mark('http');
    // Page URLs in Chromium, signed in as the recipient (one browser context each): the language, and no
    // not-found page. The sitemap's pages are all fetched above; here one of each kind is opened, in turn in each language.
    const toOpen = ours.filter((f) => !new URL(f.url).pathname.startsWith('/api/'));
    const kinds = new Set<string>();
    const languages = ['en', 'zh-hans', 'zh-hant'];
    const opened = toOpen.filter((f) => {
      if (f.to !== 'anyone') return true;
      const [, prefix, ...rest] = new URL(f.url).pathname.split('/');
      const hit = findPage(pages, new URL(f.url).pathname);
      const kind = hit ? `${hit.page.area}:${hit.page.path}` : `/${rest.join('/')}`;
      if (kinds.has(kind) || prefix !== languages[kinds.size % 3]) return false;
      kinds.add(kind);
      return true;
    });
    const byRecipient = new Map<string, Found[]>();
    for (const f of opened) byRecipient.set(f.to, [...(byRecipient.get(f.to) ?? []), f]);
    // Two lanes, each one browser context whose cookies are swapped per recipient: the web app is loaded
    // (and compiled) once per lane, not once per recipient.
    const lanes = await Promise.all([0, 1].map(async () => (await browser.newContext({ locale: 'en-US' })).newPage()));
    const recipients = [...byRecipient];
    await Promise.all(
      lanes.map(async (tab) => {
        for (let next = recipients.shift(); next; next = recipients.shift()) {
          const [to, links] = next;
          const cookie = withAccount.has(to) ? (cookies.get(to) ?? (await signInByLink(url, to))) : undefined;
          if (withAccount.has(to) && !cookie) problems.push(`could not sign in as ${to}`);
          // A new recipient: nobody's cookies or stored choices carry over.
          await tab.context().clearCookies();
          if (tab.url().startsWith(url))
            await tab.evaluate(() => {
              localStorage.clear();
              sessionStorage.clear();
            });
          if (cookie)
            await tab
              .context()
              .addCookies(
                cookie.split('; ').map((kv) => ({ name: kv.slice(0, kv.indexOf('=')), value: kv.slice(kv.indexOf('=') + 1), url })),
              );
          for (const f of links) {
            const expected = langOf.get(to) ?? localeOfPrefix(new URL(f.url).pathname.split('/')[1]) ?? 'en';
            const shown = await look(tab, f.url);
            if (shown.notFound) problems.push(`${f.from} to ${to}: ${f.url} shows the not-found page ("${shown.text}")`);
            if (shown.lang !== expected) problems.push(`${f.from} to ${to}: ${f.url} is shown in ${shown.lang}, not in ${expected}`);
            if (cookie && /^\/signin/.test(shown.at)) problems.push(`${f.from} to ${to}: ${f.url} asks the signed-in recipient to sign in`);
          }
        }
      }),
    );
    await Promise.all(lanes.map((tab) => tab.context().close()));
    mark('chromium');

    const summary = {
      seconds: Math.round((Date.now() - started) / 1000),
      links: found.length,
      uniqueLinks: unique.length,
      fetched: ours.length,
      openedInChromium: opened.length,
      fromMails: found.filter((f) => f.from.startsWith('mail')).length,
      fromCalendars: found.filter((f) => f.from.startsWith('calendar')).length,
      fromPdfs: found.filter((f) => f.from.startsWith('PDF')).length,
      fromQrCodes: found.filter((f) => f.from.startsWith('QR')).length,
      ...counts,
      recipients: new Set(found.map((f) => f.to)).size,
      external: [...new Set(external)],
      phases,
    };
    console.log('artefact check:', JSON.stringify(summary, null, 2));
    expect(problems).toEqual([]);
    // Enough was read that the check means something.
    expect(counts.mails).toBeGreaterThanOrEqual(15);
    expect(summary.fromMails).toBeGreaterThanOrEqual(15);
    expect(counts.calendars).toBeGreaterThanOrEqual(4);
    expect(summary.fromCalendars).toBeGreaterThanOrEqual(5);
    expect(counts.pdfs).toBeGreaterThanOrEqual(3);
    expect(summary.fromPdfs).toBeGreaterThanOrEqual(1);
    expect(counts.qrCodes).toBeGreaterThanOrEqual(3);
    expect(counts.sitemapUrls).toBeGreaterThanOrEqual(100);
    expect(summary.openedInChromium).toBeGreaterThanOrEqual(30);
  });
});

/** Runs fn over the items, n at a time. */
async function pool<T>(items: T[], n: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

/** The final status of a URL, following redirects on the same server one at a time; `chain` shows each step. */
async function statusOf(start: string, cookie?: string) {
  let at = start;
  const steps: string[] = [];
  for (let hop = 0; hop < 5; hop++) {
    const r = await fetch(at, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    await r.arrayBuffer();
    steps.push(String(r.status));
    const location = r.headers.get('location');
    if (r.status < 300 || r.status >= 400 || !location) return { final: r.status, chain: steps.join(' → ') };
    const next = new URL(location, at);
    steps.push(next.href);
    if (next.origin !== new URL(start).origin) return { final: r.status, chain: steps.join(' → ') };
    at = next.href;
  }
  return { final: 999, chain: `${steps.join(' → ')} (too many redirects)` };
}

/** Signs a recipient without a known password in with a one-time link, as they would; their session's cookies. */
async function signInByLink(url: string, email: string) {
  const r = await fetch(`${url}/api/v1/auth/login-link`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  if (r.status !== 202) return undefined;
  const token = /token=([A-Za-z0-9_-]+)/.exec((await lastMailTo(url, email)).text)?.[1];
  if (!token) return undefined;
  const s = await fetch(`${url}/api/v1/auth/login-link/redeem`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  if (s.status !== 200) return undefined;
  return s.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** Opens a page in a tab and waits until it has shown what it loads: its language, whether it is a not-found page, where it ended. */
async function look(tab: PwPage, url: string) {
  await visit(tab, url);
  return tab.evaluate(() => {
    const missing = document.querySelector('[data-testid="not-found"], [data-error-status="404"]');
    return {
      lang: document.documentElement.lang,
      notFound: !!missing,
      text: (missing?.textContent ?? '').trim().slice(0, 120),
      at: location.pathname + location.search,
    };
  });
}

interface Word {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The words of each page of `pdftotext -bbox-layout`, with their boxes (points). */
function wordsOf(xhtml: string): Word[][] {
  return [...xhtml.matchAll(/<page\b[^>]*>([\s\S]*?)<\/page>/g)].map((p) =>
    [...p[1].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
      x0: Number(w[1]),
      y0: Number(w[2]),
      x1: Number(w[3]),
      y1: Number(w[4]),
      text: w[5],
    })),
  );
}

/** Pairs of words on a page whose boxes overlap by more than a point and a half both ways: overprinted text. */
function overlaps(pages: Word[][], tolerance = 1.5) {
  const out: string[] = [];
  pages.forEach((words, p) => {
    for (let i = 0; i < words.length; i++)
      for (let j = i + 1; j < words.length; j++) {
        const a = words[i];
        const b = words[j];
        const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
        const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
        if (w > tolerance && h > tolerance)
          out.push(`page ${p + 1}: "${a.text}" and "${b.text}" overlap (${w.toFixed(1)} × ${h.toFixed(1)} pt)`);
      }
  });
  return out;
}

/** The QR code of each page (null where none is readable), from the page rendered at 200 dpi. */
function qrCodesOf(file: string, prefix: string): Array<string | null> {
  execFileSync('pdftoppm', ['-r', '200', '-png', file, prefix]);
  const dir = path.dirname(prefix);
  const images = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${path.basename(prefix)}-`) && f.endsWith('.png'))
    .sort((x, y) => Number(/-(\d+)\.png$/.exec(x)![1]) - Number(/-(\d+)\.png$/.exec(y)![1]));
  return images.map((f) => {
    const png = PNG.sync.read(fs.readFileSync(path.join(dir, f)));
    return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data ?? null;
  });
}
