import { portalPages } from './contract.js';
import { sql } from 'drizzle-orm';
import type { Ctx, Feature, KeyFigures, ListedItem } from '../../platform/http/types.js';
import { html, type Html, type PublicPageKind } from '../../platform/http/pages.js';
import { localize, type Locale } from '../../platform/i18n/index.js';
import type { Segment } from '../../platform/search/highlight.js';
import { searchIndex } from '../../platform/search/query.js';
import { prefixOf } from './render.js';
import { fill, texts } from './texts.js';

interface DocRow extends ListedItem {
  kind: string;
}

/**
 * The newest public items of a kind: as the feature that owns them lists them when it says how (e.g. current editions
 * only), else from the search index (works whichever features are installed).
 */
async function latest(ctx: Ctx, features: Feature[], kind: string, n: number): Promise<ListedItem[]> {
  const own = features.find((f) => f.latest?.[kind])?.latest?.[kind];
  if (own) return own(ctx, n);
  return ctx.database.rows<DocRow>(
    sql`select kind, id, url, year, title, summary from search_docs where visibility = 'public' and kind = ${kind} order by year desc nulls last, updated_at desc limit ${n}`,
  );
}

/** The key figures, each from the feature that owns it (missing when that feature is not installed). */
async function keyFigures(ctx: Ctx, features: Feature[]): Promise<KeyFigures> {
  const parts = await Promise.all(features.map((f) => f.figures?.(ctx) ?? {}));
  return Object.assign({}, ...parts);
}

const link = (locale: Locale, url: string) => `/${prefixOf[locale]}${url.startsWith('/') ? url : `/${url}`}`;

function docList(locale: Locale, rows: ListedItem[]): Html {
  const t = texts[locale];
  if (!rows.length) return html`<p>${t.home.nothingYet}</p>`;
  const plural = new Intl.PluralRules(locale);
  return html`<ul class="portal-list">${rows.map((r) => {
    const title = localize(r.title, locale);
    const summary = localize(r.summary, locale);
    const earlier = r.earlierEditions
      ? html` <span class="portal-note">· ${fill(t.home.earlierEditions[plural.select(r.earlierEditions) === 'one' ? 'one' : 'other'], { n: r.earlierEditions })}</span>`
      : '';
    return html`<li><a href="${link(locale, r.url)}" lang="${title.lang ?? locale}">${title.text}</a>${r.year ? html` <span class="portal-year">(${r.year})</span>` : ''}${earlier}${summary.text ? html`<p lang="${summary.lang ?? locale}">${summary.text.length > 200 ? `${summary.text.slice(0, 200)}…` : summary.text}</p>` : ''}</li>`;
  })}</ul>`;
}

const marked = (segments: Segment[]) => segments.map((s) => (s.mark ? html`<mark>${s.text}</mark>` : html`${s.text}`));

const homePage = (features: () => Feature[]): PublicPageKind => ({
  kind: 'home',
  path: portalPages.home.path,
  async load(ctx, { locale }) {
    const t = texts[locale];
    const [figures, events, cases, publications] = await Promise.all([
      keyFigures(ctx, features()),
      latest(ctx, features(), 'event', 4),
      latest(ctx, features(), 'case', 4),
      latest(ctx, features(), 'publication', 4),
    ]);
    const nf = new Intl.NumberFormat(locale);
    const fig: Array<[number | undefined, string]> = [
      [figures.members, t.home.figures.members],
      [figures.countries, t.home.figures.countries],
      [figures.continents, t.home.figures.continents],
      [figures.delegates, t.home.figures.delegates],
    ];
    return {
      title: t.home.title,
      description: t.home.description,
      body: html`<h1>${t.home.title}</h1>
<p class="portal-tagline">${t.tagline}</p>
<form role="search" class="portal-search" action="/${prefixOf[locale]}/search" method="get"><label for="home-q">${t.searchLabel}</label> <input id="home-q" name="q" type="search" /> <button type="submit">${t.searchButton}</button></form>
<section aria-labelledby="mission"><h2 id="mission">${t.home.missionTitle}</h2>${t.home.mission.map((p) => html`<p>${p}</p>`)}</section>
<section aria-labelledby="figures"><h2 id="figures">${t.home.figuresTitle}</h2><dl class="portal-figures">${fig
        .filter(([n]) => n !== undefined)
        .map(([n, label]) => html`<div><dt>${label}</dt><dd data-figure>${nf.format(n!)}</dd></div>`)}</dl></section>
<section aria-labelledby="events"><h2 id="events">${t.home.eventsTitle}</h2>${docList(locale, events)}<p><a href="${link(locale, '/events')}">${t.home.more}: ${t.nav.events}</a></p></section>
<section aria-labelledby="cases"><h2 id="cases">${t.home.casesTitle}</h2>${docList(locale, cases)}<p><a href="${link(locale, '/showcase')}">${t.home.more}: ${t.nav.showcase}</a></p></section>
<section aria-labelledby="publications"><h2 id="publications">${t.home.publicationsTitle}</h2>${docList(locale, publications)}<p><a href="${link(locale, '/library')}">${t.home.more}: ${t.nav.library}</a></p></section>`,
    };
  },
});

export const aboutPage: PublicPageKind = {
  kind: 'about',
  path: portalPages.about.path,
  async load(_ctx, { locale }) {
    const a = texts[locale].about;
    return {
      title: a.title,
      description: a.description,
      body: html`<h1>${a.title}</h1>
<p>${a.intro}</p>
<section aria-labelledby="bodies"><h2 id="bodies">${a.bodiesTitle}</h2><dl>${a.bodies.map((b) => html`<dt>${b.name}</dt><dd>${b.text}</dd>`)}</dl></section>
<section aria-labelledby="history"><h2 id="history">${a.historyTitle}</h2><ol class="portal-history">${a.history.map((h) => html`<li><strong>${h.year}</strong> ${h.text}</li>`)}</ol></section>`,
    };
  },
};

const programsPage = (features: () => Feature[]): PublicPageKind => ({
  kind: 'programs',
  path: portalPages.programs.path,
  async load(ctx, { locale }) {
    const p = texts[locale].programs;
    const calls = await latest(ctx, features(), 'call', 20);
    return {
      title: p.title,
      description: p.description,
      body: html`<h1>${p.title}</h1>
<p>${p.intro}</p>
<ul class="portal-programs">${p.list.map((x) => html`<li><h2>${x.name}</h2><p>${x.text}</p></li>`)}</ul>
${calls.length ? html`<section aria-labelledby="calls"><h2 id="calls">${p.openCallsTitle}</h2>${docList(locale, calls)}</section>` : ''}`,
    };
  },
});

/** The search page as a visitor sees it (public documents only); the web app then searches with the viewer's session. */
export const searchPage: PublicPageKind = {
  kind: 'search',
  path: portalPages.search.path,
  list: async () => [],
  async load(ctx, { locale, query }) {
    const s = texts[locale].search;
    const q = (query.get('q') ?? '').slice(0, 200);
    const kind = /^[a-z0-9-]+$/.test(query.get('kind') ?? '') ? query.get('kind')! : undefined;
    const pageNo = Math.min(1000, Math.max(1, Number.parseInt(query.get('page') ?? '1', 10) || 1));
    const body: Html[] = [html`<h1>${s.title}</h1>`];
    if (q.trim()) {
      const r = await searchIndex(ctx.db, {
        q,
        kinds: kind ? [kind] : undefined,
        page: pageNo,
        pageSize: 20,
        locale,
        visibilities: ['public'],
        countCap: ctx.config.SEARCH_COUNT_CAP,
      });
      const base = `/${prefixOf[locale]}/search?q=${encodeURIComponent(q)}`;
      const all = r.kinds.reduce((n, k) => n + k.count, 0);
      const num = (n: number) => n.toLocaleString(locale === 'en' ? 'en-US' : locale === 'zh-Hant' ? 'zh-TW' : 'zh-CN');
      // Past the cap, counts are lower bounds: "10,000+".
      const facet = (n: number) => `${num(n)}${r.facetsCapped ? '+' : ''}`;
      body.push(
        html`<h2>${fill(s.resultsFor, { q })}</h2><p role="status">${fill(r.totalCapped ? s.countCapped : s.count, { n: num(r.total) })}</p>`,
      );
      if (r.kinds.length)
        body.push(
          html`<nav aria-label="${s.title}"><ul class="portal-kinds"><li><a href="${base}"${!kind ? html` aria-current="page"` : ''}>${s.all} (${facet(all)})</a></li>${r.kinds.map(
            (k) =>
              html`<li><a href="${base}&kind=${k.kind}"${kind === k.kind ? html` aria-current="page"` : ''}>${s.kinds[k.kind] ?? k.kind} (${facet(k.count)})</a></li>`,
          )}</ul></nav>`,
        );
      body.push(
        r.items.length
          ? html`<ol class="portal-results">${r.items.map(
              (i) =>
                html`<li><a href="${link(locale, i.url)}">${marked(i.title)}</a> <span class="portal-kind">${s.kinds[i.kind] ?? i.kind}${i.year ? html` · ${i.year}` : ''}</span>${i.snippet.length ? html`<p>${marked(i.snippet)}</p>` : ''}</li>`,
            )}</ol>`
          : html`<p>${s.none}</p>`,
      );
      const pages = Math.ceil(r.total / r.pageSize);
      if (pages > 1) {
        const k = kind ? `&kind=${kind}` : '';
        body.push(
          html`<nav aria-label="${s.title}"><ul class="portal-pager">${pageNo > 1 ? html`<li><a rel="prev" href="${base}${k}&page=${pageNo - 1}">${s.previous}</a></li>` : ''}${pageNo < pages ? html`<li><a rel="next" href="${base}${k}&page=${pageNo + 1}">${s.next}</a></li>` : ''}</ul></nav>`,
        );
      }
    }
    return { title: q.trim() ? `${q} · ${s.title}` : s.title, description: s.description, body: html`${body}`, noindex: true };
  },
};

/**
 * Any public thing in the search index, at its URL, when no feature renders that
 * page itself: its title and summary, so links to it have a real preview.
 * Registered last; the features' own page kinds come first.
 */
export const indexedItemPage: PublicPageKind = {
  kind: 'item',
  path: '/*',
  async list(ctx) {
    const rows = await ctx.database.rows<{ url: string }>(
      sql`select distinct url from search_docs where visibility = 'public' order by url limit 45000`,
    );
    return rows.map((r) => r.url).filter((u) => u.startsWith('/') && u.length > 1);
  },
  async load(ctx, { params, locale }) {
    const url = `/${params['*']}`;
    const [doc] = await ctx.database.rows<DocRow>(
      sql`select kind, id, url, year, title, summary from search_docs where visibility = 'public' and url = ${url} order by updated_at desc limit 1`,
    );
    if (!doc) return null;
    const t = texts[locale];
    const title = localize(doc.title, locale);
    const summary = localize(doc.summary, locale);
    const kindLabel = t.search.kinds[doc.kind] ?? doc.kind;
    return {
      title: title.text,
      description: summary.text.slice(0, 300) || `${kindLabel}${doc.year ? ` · ${doc.year}` : ''} · ${t.site}`,
      body: html`<p class="portal-kind"><a href="/${prefixOf[locale]}/search?q=&amp;kind=${doc.kind}">${kindLabel}</a>${doc.year ? html` · ${doc.year}` : ''}</p>
<h1 lang="${title.lang ?? locale}" data-item="${doc.kind}:${doc.id}">${title.text}</h1>
${summary.text ? html`<p lang="${summary.lang ?? locale}">${summary.text}</p>` : ''}`,
    };
  },
};

export const portalServerPages = (features: () => Feature[]) => [homePage(features), aboutPage, programsPage(features), searchPage];
