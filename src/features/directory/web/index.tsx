import { directoryPages } from '../contract';
import { at, lazyNamed, type WebFeature } from '../../../web/feature';
import { directoryTexts } from './i18n';
import type { OrganizationSection } from './OrganizationPage';

const OrganizationPage = lazyNamed(() => import('./OrganizationPage'), 'OrganizationPage');
const OrganizationsPage = lazyNamed(() => import('./OrganizationsPage'), 'OrganizationsPage');
const PeoplePage = lazyNamed(() => import('./PeoplePage'), 'PeoplePage');

export type { OrganizationSection } from './OrganizationPage';

/**
 * The directory's pages. An organization's page (/admin/directory/organizations/:id) shows what other
 * features hold about it (membership, event registrations, working groups), passed in by the web app's
 * feature list: the directory imports none of them.
 */
export const directoryWeb = (additions: { organizationSections?: OrganizationSection[] } = {}): WebFeature => ({
  name: 'directory',
  i18n: directoryTexts,
  pages: [
    at(directoryPages.organizations, <OrganizationsPage />),
    at(directoryPages.organization, <OrganizationPage sections={additions.organizationSections} />),
    at(directoryPages.people, <PeoplePage />),
  ],
  adminNav: [
    { page: directoryPages.organizations, label: 'directory:nav.organizations', roles: ['secretariat'] },
    { page: directoryPages.people, label: 'directory:nav.people', roles: ['secretariat'] },
  ],
});
