// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findPage, href, type Page, pagePath, publicPage, staffPage, accountPage } from '../platform/http/links';
import { webFeatures } from './features';

/**
 * The pages each feature declares in its contract are the pages the web router
 * serves (it is built from them) and the only targets of the platform's links:
 * every declared page has something that renders it, and nothing renders a page
 * that is not declared.
 */
const contracts = import.meta.glob<Record<string, unknown>>('../features/*/contract.ts', { eager: true });
const isPage = (v: unknown): v is Page => !!v && typeof v === 'object' && 'area' in v && 'path' in v && Object.keys(v).length === 2;
const declared = Object.entries(contracts).flatMap(([file, mod]) =>
  Object.entries(mod)
    .filter(([name]) => name.endsWith('Pages'))
    .flatMap(([name, pages]) =>
      Object.entries(pages as Record<string, unknown>).map(([key, page]) => ({ where: `${file} ${name}.${key}`, page })),
    ),
);

describe('pages', () => {
  it('every declared page is rendered by a web feature, and every rendered page is declared', () => {
    expect(declared.length).toBeGreaterThan(50);
    const rendered = new Set(webFeatures.flatMap((f) => f.pages ?? []).map((p) => p.page));
    const unrendered = declared.filter((d) => isPage(d.page) && !rendered.has(d.page)).map((d) => d.where);
    expect(unrendered).toEqual([]);
    const all = new Set(declared.map((d) => d.page));
    expect([...rendered].filter((p) => !all.has(p)).map((p) => p.path)).toEqual([]);
  });

  it('no two pages of an area share a path', () => {
    const keys = declared.filter((d) => isPage(d.page)).map((d) => `${(d.page as Page).area} ${(d.page as Page).path}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('makes links in the recipient language and finds the page a link leads to', () => {
    const session = publicPage('/events/:slug/sessions/:id');
    const application = staffPage('/membership/applications/:id');
    const portal = accountPage('/my/membership');
    expect(href(session, { slug: 'summit 2026', id: 'a1' }, 'zh-Hant')).toBe('/zh-hant/events/summit%202026/sessions/a1');
    expect(href(application, { id: 'x' }, 'zh-Hans')).toBe('/admin/membership/applications/x?lang=zh-hans');
    expect(href(portal, {}, 'en', { token: 'a&b' })).toBe('/my/membership?token=a%26b&lang=en');
    expect(href(publicPage('/'), {}, 'en')).toBe('/en/');
    expect(pagePath(application, { id: 'x' })).toBe('/admin/membership/applications/x');
    const pages = [session, application, portal, publicPage('/'), staffPage('/')];
    expect(findPage(pages, '/zh-hant/events/s/sessions/1')).toEqual({ page: session, locale: 'zh-Hant' });
    expect(findPage(pages, '/en/')?.page.path).toBe('/');
    expect(findPage(pages, '/admin')?.page.area).toBe('staff');
    expect(findPage(pages, '/admin/membership/applications/x')?.page).toBe(application);
    expect(findPage(pages, '/my/membership')?.page).toBe(portal);
    // The old, wrong links of mails and calendars lead nowhere.
    expect(findPage(pages, '/calls/submissions/1')).toBeNull();
    expect(findPage(pages, '/events/s/sessions/1')).toBeNull();
    expect(findPage(pages, '/fr/events/s/sessions/1')).toBeNull();
  });

  it('web code links to pages through their declarations, never by a path written by hand', () => {
    const sources = import.meta.glob<string>(['./**/*.{ts,tsx}', '../features/*/web/**/*.{ts,tsx}', '!./**/*.test.ts'], {
      query: '?raw',
      import: 'default',
      eager: true,
    });
    // A link or navigation whose target starts as a written path (API addresses are not pages), or a language prefix put in front by hand.
    const handMade = /(?:\bto=\{?|\bhref=\{?|\bnavigate\(|\bto:\s*)[`'"]\/(?!api\/)|\/\$\{prefixOf\[/;
    // These rewrite a path they are given rather than name a page: the current page in another language; a search result's address.
    const rewriters = ['./components/LanguageSwitcher.tsx', '../features/portal/web/SearchPage.tsx'];
    expect(Object.keys(sources).length).toBeGreaterThan(50);
    const found = Object.entries(sources)
      .filter(([file]) => !rewriters.includes(file))
      .flatMap(([file, text]) =>
        text
          .split('\n')
          .map((line, i) => ({ line, at: `${file}:${i + 1}` }))
          .filter(({ line }) => handMade.test(line)),
      )
      .map(({ at, line }) => `${at} ${line.trim()}`);
    expect(found).toEqual([]);
  });
});
