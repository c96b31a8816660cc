import { and, desc, eq } from 'drizzle-orm';
import { html, type PublicPageKind } from '../../platform/http/pages.js';
import { localize, type Locale } from '../../platform/i18n/index.js';
import { countryNames } from '../directory/index.js';
import { documentChecks, eventsPages } from './contract.js';
import { events } from './model.js';
import { listSessions } from './service.js';
import { findVisaLetter } from './visa-letters.js';
import { eventsTexts } from './web/i18n.js';

const prefix: Record<Locale, string> = { en: 'en', 'zh-Hans': 'zh-hans', 'zh-Hant': 'zh-hant' };
const titles: Record<Locale, { events: string; program: string; cancelled: string }> = {
  en: { events: 'Events', program: 'Programme', cancelled: 'Cancelled' },
  'zh-Hans': { events: '活动', program: '议程', cancelled: '已取消' },
  'zh-Hant': { events: '活動', program: '議程', cancelled: '已取消' },
};
const tag = (l: Locale) => (l === 'en' ? 'en-GB' : l === 'zh-Hant' ? 'zh-TW' : 'zh-CN');

/** Server-rendered pages of public, published events: the list and each event's programme in its own time zone. */
export const eventServerPages: PublicPageKind[] = [
  {
    kind: 'events',
    path: eventsPages.events.path,
    async load(ctx, { locale }) {
      const rows = await ctx.db
        .select({ slug: events.slug, name: events.name, startDate: events.startDate, endDate: events.endDate, city: events.city })
        .from(events)
        .where(and(eq(events.status, 'published'), eq(events.visibility, 'public')))
        .orderBy(desc(events.startDate));
      const t = titles[locale];
      return {
        title: t.events,
        description: rows
          .slice(0, 5)
          .map((r) => localize(r.name, locale).text)
          .join(' · '),
        body: html`<h1>${t.events}</h1><ul>${rows.map((r) => html`<li><a href="/${prefix[locale]}/events/${r.slug}">${localize(r.name, locale).text}</a> · ${r.startDate} – ${r.endDate} · ${localize(r.city, locale).text}</li>`)}</ul>`,
      };
    },
  },
  {
    kind: 'event',
    path: eventsPages.event.path,
    async list(ctx) {
      const rows = await ctx.db
        .select({ slug: events.slug })
        .from(events)
        .where(and(eq(events.status, 'published'), eq(events.visibility, 'public')));
      return rows.map((r) => `/events/${r.slug}`);
    },
    async load(ctx, { params, locale }) {
      const [ev] = await ctx.db
        .select()
        .from(events)
        .where(and(eq(events.slug, params.slug), eq(events.status, 'published'), eq(events.visibility, 'public')));
      if (!ev) return null;
      const name = localize(ev.name, locale).text;
      const theme = localize(ev.theme, locale).text;
      const when = new Intl.DateTimeFormat(tag(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: ev.timeZone });
      const sessions = await listSessions(ctx.db, ev.id);
      return {
        title: name,
        description: [theme, `${ev.startDate} – ${ev.endDate}`, localize(ev.city, locale).text].filter(Boolean).join(' · '),
        body: html`<h1>${name}</h1>${theme ? html`<p>${theme}</p>` : ''}<p>${ev.startDate} – ${ev.endDate} · ${localize(ev.city, locale).text} (${ev.timeZone})</p>
<h2>${titles[locale].program}</h2><ul>${sessions.map((s) => html`<li><time datetime="${s.startsAt.toISOString()}">${when.format(s.startsAt)}</time> · ${s.cancelled ? html`<strong>${titles[locale].cancelled}</strong> · ` : ''}${localize(s.title, locale).text}${s.people.length ? html` · ${s.people.map((p) => p.nameLatin ?? p.name).join(', ')}` : ''}</li>`)}</ul>`,
      };
    },
  },
];

/** i18next-style {{name}} placeholders, filled on the server. */
const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');

/**
 * The public check of a visa letter by its reference (printed on the letter, with
 * a QR code): valid, revoked or unknown, with the masked name. Rendered on the
 * server so it reads in any browser; kept out of search engines and the sitemap
 * (no list), and limited per client with its API route against guessing.
 */
export const verifyPage: PublicPageKind = {
  kind: 'visa-letter-check',
  path: eventsPages.verify.path,
  rateLimit: documentChecks,
  async load(ctx, { params, locale }) {
    const t = eventsTexts[locale].verify;
    const reference = params.reference.trim().toUpperCase();
    const letter = await findVisaLetter(ctx.db, reference);
    const head = html`<h1>${t.title}</h1><p>${t.intro}</p><p>${t.reference}: <code>${reference}</code></p>`;
    if (!letter)
      return {
        title: t.title,
        description: t.intro,
        noindex: true,
        body: html`${head}<h2>${t.unknown}</h2><p>${fill(t.unknownText, { reference })}</p>`,
      };
    // Calendar days (YYYY-MM-DD), shown as they are.
    const date = (d: string) => new Intl.DateTimeFormat(tag(locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(d));
    const code = letter.nationality && /^[A-Z]{2}$/.test(letter.nationality) ? letter.nationality : null;
    const nationality = code ? localize((await countryNames(ctx.db, [code])).get(code), locale).text || code : letter.nationality;
    const row = (label: string, value: string | null) => (value ? html`<tr><th scope="row">${label}</th><td>${value}</td></tr>` : '');
    const valid = letter.status === 'valid';
    return {
      title: t.title,
      description: t.intro,
      noindex: true,
      body: html`${head}<p role="status"><strong>${t.status[letter.status]}</strong> · ${valid ? t.validText : t.revokedText}</p>
<table><tbody>${row(t.holder, letter.holderLatin ? `${letter.holderLatin} / ${letter.holder}` : letter.holder)}${row(t.nationality, nationality)}${row(t.event, localize(letter.event, locale).text)}${row(t.dates, `${date(letter.startDate)} – ${date(letter.endDate)}`)}${row(t.issued, date(letter.issuedOn))}${row(t.revokedOn, letter.revokedOn && date(letter.revokedOn))}</tbody></table>
<p><small>${t.privacy}</small></p>`,
    };
  },
};
