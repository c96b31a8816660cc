import type { WebFeature } from '../../../web/feature';
import { portalTexts } from './i18n';
import { ServerPage } from '../../../web/components/ServerPage';
import { SearchPage } from './SearchPage';

/**
 * The public portal in the web app: the pages the server renders (home, about,
 * programs, any public item without a page of its own) and the search page.
 */
export const portalWeb: WebFeature = {
  name: 'portal',
  i18n: portalTexts,
  publicRoutes: [
    { index: true, element: <ServerPage /> },
    { path: 'about', element: <ServerPage /> },
    { path: 'programs', element: <ServerPage /> },
    { path: 'search', element: <SearchPage /> },
    // Last resort under /:lang: whatever the server can render (a public item), else 404.
    { path: '*', element: <ServerPage /> },
  ],
  publicNav: [
    { to: '/about', label: 'shell:nav.about' },
    { to: '/programs', label: 'shell:nav.programs' },
    { to: '/search', label: 'shell:nav.search' },
  ],
};
