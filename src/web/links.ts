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
