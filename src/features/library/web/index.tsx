import { libraryPages } from '../contract';
import { at, type WebFeature } from '../../../web/feature';
import { LibraryAdminPage } from './LibraryAdminPage';
import { libraryTexts } from './i18n';
import { LibraryPage } from './LibraryPage';
import { PublicationPage } from './PublicationPage';

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
