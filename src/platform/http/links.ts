import type { Locale } from '../i18n/text.js';

/**
 * The pages of the web app, declared once in each feature's contract.ts. The
 * web router is built from these declarations and every link the platform sends
 * or prints (mail, calendar, PDF, QR code, feed, sitemap) is made from them, so a
 * link can only point at a page the router serves. Browser-safe.
 *
 * Where a page lives decides its URL:
 * - public: under the language prefix, e.g. /zh-hant/events/:slug;
 * - open: at the root, for anyone (sign-in, invitations), language in ?lang=;
 * - account: at the root, signed in (e.g. /my/membership), language in ?lang=;
 * - staff: under /admin, language in ?lang=.
 */
export type PageArea = 'public' | 'open' | 'account' | 'staff';

export interface Page<Path extends string = string> {
  readonly area: PageArea;
  /** Within its area, with :params: '/events/:slug' (public), '/my/applications/:id' (account), '/events/:id' (staff). */
  readonly path: Path;
}

export const publicPage = <P extends string>(path: P): Page<P> => ({ area: 'public', path });
export const openPage = <P extends string>(path: P): Page<P> => ({ area: 'open', path });
export const accountPage = <P extends string>(path: P): Page<P> => ({ area: 'account', path });
export const staffPage = <P extends string>(path: P): Page<P> => ({ area: 'staff', path });

type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;
/** The values a page's :params take, e.g. { slug: string; id: string } for '/events/:slug/sessions/:id'. */
export type PageParams<P extends string> = [ParamNames<P>] extends [never] ? Record<string, never> : Record<ParamNames<P>, string>;
/** What follows a page in a link builder: its params, or nothing for a page without :params. */
export type PageArgs<P extends string> = ParamNames<P> extends never ? [] : [PageParams<P>];

/** Language ↔ URL prefix. */
export const localePrefix: Record<Locale, string> = { en: 'en', 'zh-Hans': 'zh-hans', 'zh-Hant': 'zh-hant' };
export const localeOfPrefix = (p: string | null | undefined): Locale | null =>
  p === 'en' ? 'en' : p === 'zh-hans' ? 'zh-Hans' : p === 'zh-hant' ? 'zh-Hant' : null;

const areaRoot: Record<PageArea, string> = { public: '', open: '', account: '', staff: '/admin' };

const fill = (page: Page, params: Record<string, string>) =>
  page.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name]));

/** The page's site-relative path without a language: public pages without their prefix (the web app adds the current one), staff pages under /admin. */
export function pagePath<P extends string>(page: Page<P>, ...[params]: PageArgs<P>): string {
  const path = fill(page, (params ?? {}) as Record<string, string>);
  return page.area === 'staff' ? `/admin${path === '/' ? '' : path}` : path;
}

/** The site-relative URL of a page in a language, e.g. '/zh-hant/events/summit-2026' or '/my/membership?lang=zh-hant'. */
export function href<P extends string>(
  page: Page<P>,
  params: PageParams<P>,
  locale: Locale,
  query: Record<string, string | undefined> = {},
): string {
  const path = fill(page, params as Record<string, string>);
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) search.set(k, v);
  if (page.area !== 'public') search.set('lang', localePrefix[locale]);
  const qs = search.size ? `?${search}` : '';
  if (page.area === 'public') return `/${localePrefix[locale]}${path}${qs}`;
  return `${page.area === 'staff' ? `/admin${path === '/' ? '' : path}` : path}${qs}`;
}

/** The page's path as its area's route tree in the web router names it (public and staff routes are nested). */
export const routePath = (page: Page) => (page.area === 'public' || page.area === 'staff' ? page.path.slice(1) : page.path);

const patterns = new WeakMap<Page, RegExp>();
const patternOf = (page: Page) => {
  let re = patterns.get(page);
  if (!re) {
    const src = page.path
      .split('/')
      .map((s) => (s.startsWith(':') ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    re = new RegExp(page.path === '/' ? `^${areaRoot[page.area]}/?$` : `^${areaRoot[page.area]}${src}/?$`);
    patterns.set(page, re);
  }
  return re;
};

/** The declared page a site-relative path leads to (its language, for public pages), or null: no such page. */
export function findPage(pages: Iterable<Page>, pathname: string): { page: Page; locale: Locale | null } | null {
  const [, first, ...rest] = pathname.split('/');
  const locale = localeOfPrefix(first);
  const inArea = locale ? `/${rest.join('/')}` : null;
  for (const page of pages) {
    if (page.area === 'public') {
      if (inArea !== null && patternOf(page).test(inArea)) return { page, locale };
    } else if (patternOf(page).test(pathname)) return { page, locale: null };
  }
  return null;
}
