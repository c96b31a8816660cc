import { directoryPages } from '../contract';
import { at, lazyNamed, type WebFeature } from '../../../web/feature';
import { directoryTexts } from './i18n';

const OrganizationsPage = lazyNamed(() => import('./OrganizationsPage'), 'OrganizationsPage');
const PeoplePage = lazyNamed(() => import('./PeoplePage'), 'PeoplePage');

export const directoryWeb: WebFeature = {
  name: 'directory',
  i18n: directoryTexts,
  pages: [at(directoryPages.organizations, <OrganizationsPage />), at(directoryPages.people, <PeoplePage />)],
  adminNav: [
    { page: directoryPages.organizations, label: 'directory:nav.organizations', roles: ['secretariat'] },
    { page: directoryPages.people, label: 'directory:nav.people', roles: ['secretariat'] },
  ],
};
