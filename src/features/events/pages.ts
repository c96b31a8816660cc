import { eventsPages } from './contract.js';
import { and, desc, eq } from 'drizzle-orm';
import { html, type PublicPageKind } from '../../platform/http/pages.js';
import { localize, type Locale } from '../../platform/i18n/index.js';
import { events } from './model.js';
import { listSessions } from './service.js';

const prefix: Record<Locale, string> = { en: 'en', 'zh-Hans': 'zh-hans', 'zh-Hant': 'zh-hant' };
const titles: Record<Locale, { events: string; program: string }> = {
  en: { events: 'Events', program: 'Programme' },
  'zh-Hans': { events: '活动', program: '议程' },
  'zh-Hant': { events: '活動', program: '議程' },
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
<h2>${titles[locale].program}</h2><ul>${sessions.map((s) => html`<li><time datetime="${s.startsAt.toISOString()}">${when.format(s.startsAt)}</time> · ${localize(s.title, locale).text}${s.people.length ? html` · ${s.people.map((p) => p.nameLatin ?? p.name).join(', ')}` : ''}</li>`)}</ul>`,
      };
    },
  },
];
