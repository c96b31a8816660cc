import type { WebFeature } from '../../../web/feature';
import { directoryTexts } from './i18n';
import { OrganizationsPage } from './OrganizationsPage';
import { PeoplePage } from './PeoplePage';

export const directoryWeb: WebFeature = {
  name: 'directory',
  i18n: directoryTexts,
  adminRoutes: [
    { path: 'directory/organizations', element: <OrganizationsPage /> },
    { path: 'directory/people', element: <PeoplePage /> },
  ],
  adminNav: [
    { to: '/admin/directory/organizations', label: 'directory:nav.organizations', roles: ['secretariat'] },
    { to: '/admin/directory/people', label: 'directory:nav.people', roles: ['secretariat'] },
  ],
};
