import { showcasePages } from './contract.js';
import { html, type Html, type PublicPageKind } from '../../platform/http/pages.js';
import type { Locale } from '../../platform/i18n/index.js';
import { getEntry, listShowcase, type ShowcaseEntry } from './service.js';

const prefix: Record<Locale, string> = { en: 'en', 'zh-Hans': 'zh-hans', 'zh-Hant': 'zh-hant' };
const texts: Record<Locale, { title: string; description: string; none: string; field: string; country: string; booklet: string }> = {
  en: {
    title: 'Showcase of selected entries',
    description: 'Entries selected by expert review in the organization’s open calls.',
    none: 'Nothing published yet.',
    field: 'Field',
    country: 'Country',
    booklet: 'Booklet (PDF)',
  },
  'zh-Hans': {
    title: '入选成果展示',
    description: '经专家评审在公开征集中入选的成果。',
    none: '暂无发布内容。',
    field: '领域',
    country: '国家/地区',
    booklet: '成果集（PDF）',
  },
  'zh-Hant': {
    title: '入選成果展示',
    description: '經專家評審在公開徵集中入選的成果。',
    none: '暫無發佈內容。',
    field: '領域',
    country: '國家/地區',
    booklet: '成果集（PDF）',
  },
};
/** A lang attribute for text in a known language (screen readers and fonts pick the right one). */
const langAttr = (l: string | null) => (l ? html` lang="${l === 'zh-Hans' ? 'zh-CN' : l === 'zh-Hant' ? 'zh-TW' : l}"` : '');
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Only web links become anchors: a stored `javascript:` URL stays text. */
const safeUrl = (s: string) => /^https?:\/\//i.test(s.trim());

const shown = (s: { text: string; lang: string | null }, tag = 'span'): Html =>
  tag === 'p' ? html`<p${langAttr(s.lang)}>${s.text}</p>` : html`<span${langAttr(s.lang)}>${s.text}</span>`;

function entryLine(e: ShowcaseEntry, locale: Locale): Html {
  return html`<li><a href="/${prefix[locale]}/showcase/${e.id}">${shown(e.title)}</a>${e.categoryLabel ? html` · ${e.categoryLabel}` : ''}${e.country ? html` · ${e.country}` : ''}</li>`;
}

/** Server-rendered showcase: the collection grouped by call, and each entry with its public fields. */
export const showcaseServerPages: PublicPageKind[] = [
  {
    kind: 'showcase',
    path: showcasePages.showcase.path,
    async load(ctx, { locale, query }) {
      const year = Number(query.get('year')) || undefined;
      const entries = await listShowcase(ctx.db, { locale, year: year && year > 1900 && year < 3000 ? year : undefined });
      const t = texts[locale];
      const byCall = new Map<string, ShowcaseEntry[]>();
      for (const e of entries) byCall.set(e.callId, [...(byCall.get(e.callId) ?? []), e]);
      return {
        title: t.title,
        description: t.description,
        body: html`<h1>${t.title}</h1><p>${t.description}</p>
${entries.length === 0 ? html`<p>${t.none}</p>` : ''}
${[...byCall.values()].map((list) => html`<section><h2>${list[0].callTitle} · ${list[0].year}</h2><ul>${list.map((e) => entryLine(e, locale))}</ul></section>`)}
<p><a href="/api/v1/showcase/booklet.pdf?locale=${locale}">${t.booklet}</a></p>`,
      };
    },
  },
  {
    kind: 'showcase-entry',
    path: showcasePages.entry.path,
    async list(ctx) {
      return (await listShowcase(ctx.db, { locale: 'en' })).map((e) => e.url);
    },
    async load(ctx, { params, locale }) {
      if (!uuid.test(params.id)) return null;
      const e = await getEntry(ctx.db, params.id, locale).catch(() => null);
      if (!e) return null;
      const t = texts[locale];
      const summary = e.fields.find((f) => f.key === 'summary');
      return {
        title: e.title.text,
        description: [summary?.text.slice(0, 200), e.callTitle].filter(Boolean).join(' · '),
        body: html`<p><a href="/${prefix[locale]}/showcase">${t.title}</a> › ${e.callTitle} · ${e.year}</p>
<h1${langAttr(e.title.lang)}>${e.title.text}</h1>
<dl>${e.categoryLabel ? html`<dt>${t.field}</dt><dd>${e.categoryLabel}</dd>` : ''}${e.country ? html`<dt>${t.country}</dt><dd>${e.country}</dd>` : ''}</dl>
${e.fields.map((f) => html`<h2>${f.label}</h2>${f.type === 'url' ? (safeUrl(f.text) ? html`<p><a href="${f.text}" rel="nofollow noopener">${f.text}</a></p>` : html`<p>${f.text}</p>`) : f.text.split(/\n{2,}/).map((para) => shown({ text: para, lang: f.lang }, 'p'))}`)}`,
      };
    },
  },
];
