import { limiter, rateLimited } from '../../platform/http/rate-limit.js';
import { route } from '../../platform/http/route.js';
import type { App, Ctx, Feature } from '../../platform/http/types.js';
import type { Locale } from '../../platform/i18n/index.js';
import { portalApi as api } from './contract.js';
import { prefixOf } from './render.js';
import { createSite, langCookie } from './site.js';

export function portalRoutes(getFeatures: () => Feature[]) {
  return (app: App, ctx: Ctx) => {
    const site = createSite(ctx, getFeatures);
    // Some pages (a lookup by reference) are limited per client, counted with their API routes.
    const overLimit = limiter(app);

    route(app, api.home, async (req, reply) =>
      reply
        .header('vary', 'Accept-Language, Cookie')
        .header('cache-control', 'no-cache')
        .redirect(site.homeUrl(req.cookies[langCookie], req.headers['accept-language']), 302),
    );

    const localized: Array<[Locale, typeof api.en, typeof api.enPage]> = [
      ['en', api.en, api.enPage],
      ['zh-Hans', api.zhHans, api.zhHansPage],
      ['zh-Hant', api.zhHant, api.zhHantPage],
    ];
    for (const [locale, ...endpoints] of localized) {
      for (const e of endpoints)
        route(app, e, async (req, reply) => {
          const limit = site.limitOf(locale, req.url);
          const wait = limit && (await overLimit(req, limit));
          if (wait)
            return reply
              .code(429)
              .type('text/html; charset=utf-8')
              .header('retry-after', String(wait))
              .header('cache-control', 'no-store')
              .send(site.tooManyHtml(locale, req.url));
          const page = await site.page(locale, req.url);
          return reply
            .code(page.status)
            .type('text/html; charset=utf-8')
            .header('cache-control', 'no-cache')
            .header('content-language', locale)
            .header('set-cookie', `${langCookie}=${prefixOf[locale]}; Path=/; Max-Age=31536000; SameSite=Lax`)
            .send(page.html);
        });
    }

    route(app, api.page, async (req) => {
      // The same count as the page's HTML: its JSON form is no way around the limit.
      const limit = site.limitOf(null, req.query.path);
      const wait = limit && (await overLimit(req, limit));
      if (wait) throw rateLimited(wait);
      return site.pageJson(req.query.path, req.query.locale);
    });
    route(app, api.sitemap, async (_req, reply) =>
      reply
        .type('application/xml; charset=utf-8')
        .header('cache-control', 'public, max-age=600')
        .send(await site.sitemapXml()),
    );
    route(app, api.robots, async (_req, reply) =>
      reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=3600').send(site.robotsTxt()),
    );
  };
}
