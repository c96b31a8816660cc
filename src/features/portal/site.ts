import fs from 'node:fs';
import { notFound } from '../../platform/http/errors.js';
import { findPage, type Page } from '../../platform/http/links.js';
import { portalPages } from './contract.js';
import { html, type PublicPageKind, type RenderedPage } from '../../platform/http/pages.js';
import type { Ctx, Feature } from '../../platform/http/types.js';
import { siteUrl } from '../../platform/http/urls.js';
import { locales, pickLocale, type Locale } from '../../platform/i18n/index.js';
import { indexedItemPage } from './pages.js';
import { localeOfPrefix, prefixOf, renderDocument, spaTemplate, webIndex } from './render.js';
import { texts } from './texts.js';

export const langCookie = 'wz_lang';

interface Compiled {
  kind: PublicPageKind;
  re: RegExp;
  names: string[];
}

const compile = (kind: PublicPageKind): Compiled => {
  const names: string[] = [];
  const src = kind.path
    .split('/')
    .map((seg) => {
      if (seg === '*') {
        names.push('*');
        return '(.+)';
      }
      if (seg.startsWith(':')) {
        names.push(seg.slice(1));
        return '([^/]+)';
      }
      return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { kind, re: new RegExp(`^${src === '' ? '/' : src}$`), names };
};

/** Finds the page kind of a path without language prefix. */
export function matchPage(pages: Compiled[], pagePath: string) {
  for (const c of pages) {
    const m = c.re.exec(pagePath);
    if (!m) continue;
    try {
      return { kind: c.kind, params: Object.fromEntries(c.names.map((n, i) => [n, decodeURIComponent(m[i + 1])])) };
    } catch {
      return null; // malformed percent-encoding
    }
  }
  return null;
}

/** The path of a page without its language prefix and trailing slash: /en/events/ → /events. */
function pathOf(locale: Locale, pathname: string) {
  const p = pathname.slice(prefixOf[locale].length + 1) || '/';
  return p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p;
}

function splitUrl(url: string) {
  const q = url.indexOf('?');
  return { pathname: q < 0 ? url : url.slice(0, q), search: q < 0 ? '' : url.slice(q) };
}

/** The registry of public pages: every feature's `publicPages`, then any public thing of the search index at its URL. */
export function pageRegistry(features: Feature[]) {
  return [...features.flatMap((f) => f.publicPages ?? []), indexedItemPage].map(compile);
}

export async function renderPath(
  ctx: Ctx,
  pages: Compiled[],
  locale: Locale,
  pagePath: string,
  query: URLSearchParams,
  /** Whether the path is one of the web app's declared pages (which the web app renders when the server does not). */
  webPage: boolean,
): Promise<{ page: RenderedPage; status: number; kind: string } | null> {
  const hit = matchPage(pages, pagePath);
  if (!hit) return null;
  const page = await hit.kind.load(ctx, { params: hit.params, query, locale });
  if (page) return { page, status: 200, kind: hit.kind.kind };
  if (hit.kind === indexedItemPage) {
    // Not in the index: a page only the web app renders, or no page at all.
    if (webPage) return null;
  } else {
    // Not the feature's own (e.g. a case imported into the index under /showcase): the index's public entry, if any.
    const item = await indexedItemPage.load(ctx, { params: { '*': pagePath.slice(1) }, query, locale });
    if (item) return { page: item, status: 200, kind: indexedItemPage.kind };
  }
  const t = texts[locale];
  return {
    page: {
      title: t.notFound.title,
      description: t.notFound.text,
      body: html`<h1>${t.notFound.title}</h1><p>${t.notFound.text}</p>`,
      noindex: true,
    },
    status: 404,
    kind: 'not-found',
  };
}

const xml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/**
 * The public site of one server: its pages (rendered with a few seconds of
 * micro-caching), their JSON form for the web app, the sitemap and robots.txt.
 */
export function createSite(ctx: Ctx, getFeatures: () => Feature[]) {
  let compiled: Compiled[] | null = null;
  const pages = () => (compiled ??= pageRegistry(getFeatures()));
  let declared: Page[] | null = null;
  const webPages = () => (declared ??= getFeatures().flatMap((f) => Object.values(f.pages ?? {})));
  const isWebPage = (locale: Locale, pagePath: string) => !!findPage(webPages(), `/${prefixOf[locale]}${pagePath}`);

  // Public pages are the same for every viewer (they render the public view only),
  // and one render serves a burst of readers. Each process keeps its own copy;
  // nothing here is needed by another process.
  const cache = new Map<string, { expires: number; result: Promise<{ status: number; html: string } | null> }>();
  const cacheMs = ctx.config.PAGE_CACHE_SECONDS * 1000;
  const render = (locale: Locale, pagePath: string, query: URLSearchParams, key: string) => {
    const now = Date.now();
    const hit = cache.get(key);
    if (hit && hit.expires > now) return hit.result;
    if (cacheMs === 0) return produce(locale, pagePath, query);
    const result = produce(locale, pagePath, query);
    result.catch(() => cache.delete(key));
    if (cache.size > 1000) cache.delete(cache.keys().next().value!);
    cache.set(key, { expires: now + cacheMs, result });
    return result;
  };
  const produce = (locale: Locale, pagePath: string, query: URLSearchParams) =>
    renderPath(ctx, pages(), locale, pagePath, query, isWebPage(locale, pagePath)).then((rendered) => {
      if (!rendered) return null;
      const keep = rendered.kind === 'search' && query.get('q') ? `?q=${encodeURIComponent(query.get('q')!)}` : '';
      const html = renderDocument({
        locale,
        pagePath,
        page: rendered.page,
        search: keep,
        query: rendered.kind === 'search' ? (query.get('q') ?? '') : '',
      });
      return { status: rendered.status, html };
    });

  return {
    /** The limit on how often one client may open the page at this URL (under a language prefix, or without one), if its kind has one. */
    limitOf(locale: Locale | null, url: string) {
      const { pathname } = splitUrl(url);
      const path = locale ? pathOf(locale, pathname) : pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname;
      return path.length > 500 ? null : (matchPage(pages(), path)?.kind.rateLimit ?? null);
    },

    /** The page a client sees over such a limit. */
    tooManyHtml(locale: Locale, url: string) {
      const t = texts[locale];
      return renderDocument({
        locale,
        pagePath: pathOf(locale, splitUrl(url).pathname),
        page: {
          title: t.tooMany.title,
          description: t.tooMany.text,
          body: html`<h1>${t.tooMany.title}</h1><p>${t.tooMany.text}</p>`,
          noindex: true,
        },
      });
    },

    /** Where "/" sends a visitor: the language they used last (its cookie), else their browser's. */
    homeUrl(cookie: string | undefined, acceptLanguage: string | undefined) {
      const locale = localeOfPrefix(cookie) ?? pickLocale(acceptLanguage);
      return `/${prefixOf[locale]}/`;
    },

    /** The HTML of a public page at a URL under a language prefix; the web app's shell for a page only it renders. */
    async page(locale: Locale, url: string): Promise<{ status: number; html: string }> {
      const { pathname, search } = splitUrl(url);
      const pagePath = pathOf(locale, pathname);
      if (pagePath.length > 500) throw notFound();
      const rendered = await render(locale, pagePath, new URLSearchParams(search), `${locale}|${pagePath}?${search}`);
      if (rendered) return rendered;
      // A page only the web app renders.
      if (fs.existsSync(webIndex)) return { status: 200, html: spaTemplate() };
      throw notFound();
    },

    /** The same pages as JSON, for the web app to show after it takes over. */
    async pageJson(path: string, locale: Locale) {
      const { pathname, search } = splitUrl(path);
      const pagePath = pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname;
      const rendered = await renderPath(ctx, pages(), locale, pagePath, new URLSearchParams(search), isWebPage(locale, pagePath));
      if (!rendered || rendered.status === 404) throw notFound();
      return { kind: rendered.kind, title: rendered.page.title, description: rendered.page.description, body: rendered.page.body.value };
    },

    /** Every public page in every language, each with its alternates. */
    async sitemapXml() {
      const paths: string[] = [];
      for (const c of pages()) {
        const list = c.kind.list ? await c.kind.list(ctx) : c.names.length ? [] : [c.kind.path];
        paths.push(...list);
      }
      // The web app's own public pages without parameters (e.g. /calls, /groups), except search results.
      for (const page of webPages())
        if (page.area === 'public' && !page.path.includes(':') && page.path !== portalPages.search.path) paths.push(page.path);
      const href = (l: Locale, p: string) => siteUrl(`/${prefixOf[l]}${p === '/' ? '/' : p}`);
      const urls = [...new Set(paths)].flatMap((p) =>
        locales.map(
          (l) =>
            `<url><loc>${xml(href(l, p))}</loc>${locales.map((a) => `<xhtml:link rel="alternate" hreflang="${a}" href="${xml(href(a, p))}"/>`).join('')}<xhtml:link rel="alternate" hreflang="x-default" href="${xml(href('en', p))}"/></url>`,
        ),
      );
      return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
    },

    robotsTxt() {
      return `User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /admin\nDisallow: /account\nDisallow: /signin\nDisallow: /en/search\nDisallow: /zh-hans/search\nDisallow: /zh-hant/search\n\nSitemap: ${siteUrl('/sitemap.xml')}\n`;
    },
  };
}
