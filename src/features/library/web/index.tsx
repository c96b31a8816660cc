import { libraryPages } from '../contract';
import { at, lazyNamed, type WebFeature } from '../../../web/feature';
import { libraryTexts } from './i18n';

const LibraryAdminPage = lazyNamed(() => import('./LibraryAdminPage'), 'LibraryAdminPage');
const LibraryPage = lazyNamed(() => import('./LibraryPage'), 'LibraryPage');
const PublicationPage = lazyNamed(() => import('./PublicationPage'), 'PublicationPage');

export const libraryWeb: WebFeature = {
  name: 'library',
  i18n: libraryTexts,
  pages: [
    at(libraryPages.library, <LibraryPage />),
    at(libraryPages.publication, <PublicationPage />),
    at(libraryPages.adminLibrary, <LibraryAdminPage />),
  ],
  publicNav: [{ page: libraryPages.library, label: 'nav.library' }],
  adminNav: [{ page: libraryPages.adminLibrary, label: 'nav.library', roles: ['secretariat'] }],
};
