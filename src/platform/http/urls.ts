import type { Locale } from '../i18n/text.js';
import { href, type Page, type PageParams } from './links.js';

let base = 'http://localhost:3000';

/** Set at start from PUBLIC_URL: every absolute link the platform sends or prints begins with it. */
export function setPublicUrl(url: string) {
  base = url.replace(/\/$/, '');
}

/** The absolute URL of a page in the recipient's language: what mails, calendars, PDFs, QR codes, feeds and the sitemap carry. */
export const pageUrl = <P extends string>(
  page: Page<P>,
  params: PageParams<P>,
  locale: Locale,
  query?: Record<string, string | undefined>,
) => base + href(page, params, locale, query);

/** The absolute URL of a site-relative path that is not a page (an API download, a calendar feed, the sitemap). */
export const siteUrl = (path: string) => base + path;
