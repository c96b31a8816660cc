import type { Locale } from '../i18n/index.js';
import type { RateLimit } from './contract.js';
import type { Ctx } from './types.js';

/**
 * Server-rendered public pages. A feature lists its page kinds on its Feature
 * object (`publicPages`); the portal serves them under /en, /zh-hans and /zh-hant
 * as real HTML (title, description, alternates, text), lists them in the sitemap,
 * and the single-page app takes over in the browser.
 */
export interface RenderedPage {
  title: string;
  /** One or two sentences for search engines and link previews. */
  description: string;
  /** The page's main content as HTML: build it with the `html` tag, which escapes values. */
  body: Html;
  /** Absolute or site-relative URL of a preview image. */
  image?: string;
  /** Keep out of search engines (e.g. search result pages). */
  noindex?: boolean;
}

export interface PublicPageKind {
  /** e.g. 'home', 'about', 'event'. */
  kind: string;
  /** Path without the language prefix: '/', '/about', '/events/:slug'. */
  path: string;
  /** The page in one language; null when there is no such (public) thing: 404. */
  load(ctx: Ctx, req: { params: Record<string, string>; query: URLSearchParams; locale: Locale }): Promise<RenderedPage | null>;
  /** Every concrete path of this kind for the sitemap; kinds without parameters are listed by themselves. */
  list?(ctx: Ctx): Promise<string[]>;
  /** Limits how often one client may open pages of this kind (e.g. a lookup by reference, against enumeration). */
  rateLimit?: RateLimit;
}

/** HTML that is safe to insert as is. */
export class Html {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => entities[c]);

type Part = Html | string | number | null | undefined | false | Part[];
const render = (v: Part): string =>
  v == null || v === false ? '' : v instanceof Html ? v.value : Array.isArray(v) ? v.map(render).join('') : escapeHtml(String(v));

/** A template tag that escapes every interpolated value unless it is already Html. */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new Html(out);
}

/** Trusted markup (use only on constants). */
export const rawHtml = (s: string) => new Html(s);
