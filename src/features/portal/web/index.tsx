import { portalPages } from '../contract';
import { at, lazyNamed, type WebFeature } from '../../../web/feature';
import { portalTexts } from './i18n';
import { ServerPage } from '../../../web/components/ServerPage';

const SearchPage = lazyNamed(() => import('./SearchPage'), 'SearchPage');

/**
 * The public portal in the web app: the pages the server renders (home, about,
 * programs, any public item without a page of its own) and the search page.
 */
export const portalWeb: WebFeature = {
  name: 'portal',
  i18n: portalTexts,
  pages: [
    at(portalPages.home, <ServerPage />),
    at(portalPages.about, <ServerPage />),
    at(portalPages.programs, <ServerPage />),
    at(portalPages.search, <SearchPage />),
  ],
  publicNav: [
    { page: portalPages.about, label: 'shell:nav.about' },
    { page: portalPages.programs, label: 'shell:nav.programs' },
    { page: portalPages.search, label: 'shell:nav.search' },
  ],
};
