import type { WebFeature } from '../../../web/feature';
import { LibraryAdminPage } from './admin';
import { libraryTexts } from './i18n';
import { LibraryPage, PublicationPage } from './pages';

export const libraryWeb: WebFeature = {
  name: 'library',
  i18n: libraryTexts,
  publicRoutes: [
    { path: 'library', element: <LibraryPage /> },
    { path: 'library/:id', element: <PublicationPage /> },
  ],
  publicNav: [{ to: '/library', label: 'nav.library' }],
  adminRoutes: [{ path: 'library', element: <LibraryAdminPage /> }],
  adminNav: [{ to: '/admin/library', label: 'nav.library', roles: ['secretariat'] }],
};
