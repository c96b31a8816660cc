import fs from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { notFound } from '../../platform/http/errors.js';
import type { PublicPageKind, RenderedPage } from '../../platform/http/pages.js';
import type { App, Ctx, Feature } from '../../platform/http/types.js';
import { locales, localeSchema, pickLocale, type Locale } from '../../platform/i18n/index.js';
import { localeOfPrefix, prefixOf, renderDocument, spaTemplate, webIndex } from './render.js';
import { texts } from './texts.js';
import { indexedItemPage } from './pages.js';
import { html } from '../../platform/http/pages.js';

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
): Promise<{ page: RenderedPage; status: number; kind: string } | null> {
  const hit = matchPage(pages, pagePath);
  if (!hit) return null;
  const page = await hit.kind.load(ctx, { params: hit.params, query, locale });
  if (page) return { page, status: 200, kind: hit.kind.kind };
  // Not in the index: maybe a page only the web app renders (it says 404 itself if not).
  if (hit.kind === indexedItemPage) return null;
  // Not the feature's own (e.g. a case imported into the index under /showcase): the index's public entry, if any.
  const item = await indexedItemPage.load(ctx, { params: { '*': pagePath.slice(1) }, query, locale });
  if (item) return { page: item, status: 200, kind: indexedItemPage.kind };
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

export function portalRoutes(getFeatures: () => Feature[]) {
  return (app: App, ctx: Ctx) => {
    let compiled: Compiled[] | null = null;
    const pages = () => (compiled ??= pageRegistry(getFeatures()));
    const base = ctx.config.publicUrl.replace(/\/$/, '');

    // The language a visitor gets at "/": the last one they used, else their browser's.
    app.get('/', { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) => {
      const fromCookie = localeOfPrefix(req.cookies[langCookie]);
      const locale = fromCookie ?? pickLocale(req.headers['accept-language']);
      return reply.header('vary', 'Accept-Language, Cookie').header('cache-control', 'no-cache').redirect(`/${prefixOf[locale]}/`, 302);
    });

    // A few seconds of micro-caching: public pages are the same for every viewer
    // (they render the public view only), and one render serves a burst of readers.
    // Each process keeps its own copy; nothing here is needed by another process.
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
      renderPath(ctx, pages(), locale, pagePath, query).then((rendered) => {
        if (!rendered) return null;
        const keep = rendered.kind === 'search' && query.get('q') ? `?q=${encodeURIComponent(query.get('q')!)}` : '';
        const html = renderDocument({
          locale,
          pagePath,
          page: rendered.page,
          publicUrl: base,
          search: keep,
          query: rendered.kind === 'search' ? (query.get('q') ?? '') : '',
        });
        return { status: rendered.status, html };
      });

    const serve = async (req: FastifyRequest, reply: FastifyReply, locale: Locale) => {
      const { pathname, search } = splitUrl(req.url);
      let pagePath = pathname.slice(prefixOf[locale].length + 1) || '/';
      if (pagePath.length > 1 && pagePath.endsWith('/')) pagePath = pagePath.slice(0, -1);
      if (pagePath.length > 500) throw notFound();
      reply.header('cache-control', 'no-cache').header('content-language', locale);
      reply.header('set-cookie', `${langCookie}=${prefixOf[locale]}; Path=/; Max-Age=31536000; SameSite=Lax`);
      const query = new URLSearchParams(search);
      const rendered = await render(locale, pagePath, query, `${locale}|${pagePath}?${search}`);
      if (!rendered) {
        // A page the server does not render: the web app handles it (or says it does not exist).
        if (fs.existsSync(webIndex)) return reply.type('text/html; charset=utf-8').send(spaTemplate());
        throw notFound();
      }
      return reply.code(rendered.status).type('text/html; charset=utf-8').send(rendered.html);
    };
    for (const l of locales) {
      const p = prefixOf[l];
      app.get(`/${p}`, { config: { access: 'public' }, schema: { hide: true } }, (req, reply) => serve(req, reply, l));
      app.get(`/${p}/*`, { config: { access: 'public' }, schema: { hide: true } }, (req, reply) => serve(req, reply, l));
    }

    // The same pages as JSON, for the web app to show after it takes over.
    app.get(
      '/api/v1/portal/page',
      {
        config: { access: 'public' },
        schema: {
          tags: ['portal'],
          summary: 'A server-rendered public page (title, description, HTML body) for the web app',
          querystring: z.object({ path: z.string().max(500).regex(/^\//, 'starts with /'), locale: localeSchema.default('en') }),
          response: { 200: z.object({ kind: z.string(), title: z.string(), description: z.string(), body: z.string() }) },
        },
      },
      async (req) => {
        const { pathname, search } = splitUrl(req.query.path);
        const rendered = await renderPath(
          ctx,
          pages(),
          req.query.locale,
          pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname,
          new URLSearchParams(search),
        );
        if (!rendered || rendered.status === 404) throw notFound();
        return { kind: rendered.kind, title: rendered.page.title, description: rendered.page.description, body: rendered.page.body.value };
      },
    );

    app.get('/sitemap.xml', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) => {
      const paths: string[] = [];
      for (const c of pages()) {
        const list = c.kind.list ? await c.kind.list(ctx) : c.names.length ? [] : [c.kind.path];
        paths.push(...list);
      }
      const href = (l: Locale, p: string) => `${base}/${prefixOf[l]}${p === '/' ? '/' : p}`;
      const urls = [...new Set(paths)].flatMap((p) =>
        locales.map(
          (l) =>
            `<url><loc>${xml(href(l, p))}</loc>${locales.map((a) => `<xhtml:link rel="alternate" hreflang="${a}" href="${xml(href(a, p))}"/>`).join('')}<xhtml:link rel="alternate" hreflang="x-default" href="${xml(href('en', p))}"/></url>`,
        ),
      );
      return reply
        .type('application/xml; charset=utf-8')
        .header('cache-control', 'public, max-age=600')
        .send(
          `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`,
        );
    });

    app.get('/robots.txt', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .header('cache-control', 'public, max-age=3600')
        .send(
          `User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /admin\nDisallow: /account\nDisallow: /signin\nDisallow: /en/search\nDisallow: /zh-hans/search\nDisallow: /zh-hant/search\n\nSitemap: ${base}/sitemap.xml\n`,
        ),
    );
  };
}
