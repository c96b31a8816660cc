import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { locales, type Locale } from '../../platform/i18n/index.js';
import { escapeHtml, html, type RenderedPage } from '../../platform/http/pages.js';
import { texts } from './texts.js';

/** Language ↔ URL prefix (the same as the web app's). */
import { href, localePrefix as prefixOf, type Page } from '../../platform/http/links.js';
import { eventsPages } from '../events/contract.js';
import { groupsPages } from '../groups/contract.js';
import { libraryPages } from '../library/contract.js';
import { membershipPages } from '../membership/contract.js';
import { showcasePages } from '../showcase/contract.js';
import { portalPages } from './contract.js';
import { siteUrl } from '../../platform/http/urls.js';

export { localeOfPrefix, localePrefix as prefixOf } from '../../platform/http/links.js';
const ogLocale: Record<Locale, string> = { en: 'en_US', 'zh-Hans': 'zh_CN', 'zh-Hant': 'zh_TW' };

export const webIndex = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/web/index.html');

let template: string | null = null;
/** The built SPA's index.html (its scripts and styles), or a bare page when the web app is not built. */
export function spaTemplate(): string {
  if (template) return template;
  if (fs.existsSync(webIndex)) {
    template = fs.readFileSync(webIndex, 'utf8');
    return template;
  }
  return '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="UTF-8" />\n<meta name="viewport" content="width=device-width, initial-scale=1.0" />\n<title>Wuzhen</title>\n</head>\n<body>\n<div id="root"></div>\n</body>\n</html>\n';
}

/** The public site's chrome around a page, readable without any script. */
function layout(locale: Locale, pagePath: string, page: RenderedPage, query: string) {
  const t = texts[locale];
  const p = prefixOf[locale];
  const nav: Array<[Page, string]> = [
    [portalPages.about, t.nav.about],
    [portalPages.programs, t.nav.programs],
    [eventsPages.events, t.nav.events],
    [showcasePages.showcase, t.nav.showcase],
    [libraryPages.library, t.nav.library],
    [membershipPages.members, t.nav.members],
    [groupsPages.groups, t.nav.groups],
  ];
  return html`<a href="#main" class="skip-link">${t.skip}</a>
<header class="ssr-header">
<a href="/${p}/" class="ssr-brand">${t.site}</a>
<nav aria-label="${t.nav.home}"><ul>${nav.map(([page, label]) => html`<li><a href="${href(page, {}, locale)}">${label}</a></li>`)}</ul></nav>
<form role="search" action="/${p}/search" method="get"><label for="ssr-q">${t.searchLabel}</label> <input id="ssr-q" name="q" type="search" value="${query}" /> <button type="submit">${t.searchButton}</button></form>
<nav aria-label="${t.language}"><ul>${locales.map((l) => html`<li><a href="/${prefixOf[l]}${pagePath === '/' ? '/' : pagePath}" hreflang="${l}" lang="${l}"${l === locale ? html` aria-current="true"` : ''}>${l === 'en' ? 'English' : l === 'zh-Hans' ? '简体中文' : '繁體中文'}</a></li>`)}</ul></nav>
</header>
<main id="main" data-ssr-page="${pagePath}">
${page.body}
</main>
<footer><p>${t.footer}</p></footer>`;
}

export interface DocumentInput {
  locale: Locale;
  /** Path without language prefix, e.g. /about. */
  pagePath: string;
  /** Query string including "?" (kept in canonical only for search). */
  search?: string;
  page: RenderedPage;
  query?: string;
}

/** The complete HTML document: head for search engines and link previews, content, and the SPA's scripts. */
export function renderDocument({ locale, pagePath, page, query = '', search = '' }: DocumentInput): string {
  const t = texts[locale];
  const urlIn = (l: Locale) => siteUrl(`/${prefixOf[l]}${pagePath === '/' ? '/' : pagePath}`);
  const title = page.title === t.site || page.title === t.home.title ? page.title : `${page.title} · ${t.site}`;
  const head = html`<title>${title}</title>
<meta name="description" content="${page.description}" />
<link rel="canonical" href="${urlIn(locale) + search}" />
${locales.map(
  (l) => html`<link rel="alternate" hreflang="${l}" href="${urlIn(l) + search}" />
`,
)}<link rel="alternate" hreflang="x-default" href="${urlIn('en') + search}" />
<meta property="og:type" content="website" />
<meta property="og:site_name" content="${t.site}" />
<meta property="og:title" content="${page.title}" />
<meta property="og:description" content="${page.description}" />
<meta property="og:url" content="${urlIn(locale) + search}" />
<meta property="og:locale" content="${ogLocale[locale]}" />
${locales
  .filter((l) => l !== locale)
  .map(
    (l) => html`<meta property="og:locale:alternate" content="${ogLocale[l]}" />
`,
  )}${page.image ? html`<meta property="og:image" content="${page.image.startsWith('http') ? page.image : siteUrl(page.image)}" />` : ''}
<meta name="twitter:card" content="summary" />
${page.noindex ? html`<meta name="robots" content="noindex, follow" />` : ''}
<style>.ssr-header ul{list-style:none;display:flex;flex-wrap:wrap;gap:1rem;padding:0}.ssr-brand{font-weight:700;font-size:1.25rem}#root>main,#root>header,#root>footer{max-width:72rem;margin:0 auto;padding:0 1rem}mark{background:#fff3a3;color:inherit}.skip-link{position:absolute;left:-9999px}.skip-link:focus{left:1rem;top:1rem}</style>`;
  const body = layout(locale, pagePath, page, query);
  return spaTemplate()
    .replace(/<html[^>]*>/, `<html lang="${locale}">`)
    .replace(/<title>[\s\S]*?<\/title>/, () => head.value)
    .replace(/<div id="root"><\/div>/, () => `<div id="root">${body.value}</div>`);
}

export { escapeHtml };
