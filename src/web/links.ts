import { useSearchParams } from 'react-router';
import { href, type Page, type PageArgs, type PageParams } from '../platform/http/links';
import { useLocale } from './i18n';

/**
 * Links inside the web app to a declared page: a public page in the current
 * language, any other without ?lang= (the app already speaks it). A page with
 * :params needs them: to(eventsPages.session, { slug, id }). Mails and
 * documents use pageUrl() on the server instead.
 */
export function useTo() {
  const locale = useLocale();
  return <P extends string>(page: Page<P>, ...[params]: PageArgs<P>): string => {
    const path = href(page, (params ?? {}) as PageParams<P>, locale);
    return page.area === 'public' ? path : path.replace(/[?&]lang=[^&]*$/, '');
  };
}

/** A link to a page with query parameters the page reads (a tab, a filter): withQuery(to(page, { id }), { tab: 'accreditation' }). */
export const withQuery = (path: string, query: Record<string, string>) =>
  `${path}${path.includes('?') ? '&' : '?'}${new URLSearchParams(query)}`;

/**
 * The open tab of a page with tabs, kept in the page's address (?tab=) so that a link can open one and
 * going back returns to it; without one (or with one the page lacks), `fallback`.
 */
export function useTab<T extends string>(tabs: readonly T[], fallback: T) {
  const [search, setSearch] = useSearchParams();
  const asked = search.get('tab');
  const value = tabs.find((t) => t === asked) ?? fallback;
  const open = (next: string | null) => {
    if (!next || next === value) return;
    setSearch(
      (prev) => {
        const q = new URLSearchParams(prev);
        if (next === fallback) q.delete('tab');
        else q.set('tab', next);
        return q;
      },
      { replace: true },
    );
  };
  return [value, open] as const;
}
