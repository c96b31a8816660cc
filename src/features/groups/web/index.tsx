import { groupsPages } from '../contract';
import { at, lazyNamed, type WebFeature } from '../../../web/feature';
import { documentsTexts, groupsTexts } from './i18n';
import { OrganizationGroups } from './OrganizationGroups';

const GroupsAdminPage = lazyNamed(() => import('./GroupsAdminPage'), 'GroupsAdminPage');
const DocumentPage = lazyNamed(() => import('./DocumentPage'), 'DocumentPage');
const GroupPage = lazyNamed(() => import('./GroupPage'), 'GroupPage');
const GroupsPage = lazyNamed(() => import('./GroupsPage'), 'GroupsPage');
const WorkspacePage = lazyNamed(() => import('./WorkspacePage'), 'WorkspacePage');

export const groupsWeb: WebFeature = {
  name: 'groups',
  i18n: groupsTexts,
  pages: [
    at(groupsPages.groups, <GroupsPage />),
    at(groupsPages.group, <GroupPage />),
    at(groupsPages.workspace, <WorkspacePage />),
    at(groupsPages.document, <DocumentPage />),
    at(groupsPages.adminGroups, <GroupsAdminPage />),
  ],
  publicNav: [{ page: groupsPages.groups, label: 'nav.groups' }],
  adminNav: [{ page: groupsPages.adminGroups, label: 'nav.groups', roles: ['secretariat'] }],
};

/** The documents' texts live in their own namespace. */
export const documentsWeb: WebFeature = { name: 'documents', i18n: documentsTexts };

/** What the working groups show on an organization's page in the directory: the places its people hold. */
export const groupsOrganizationSection = {
  key: 'groups',
  title: 'groups:orgSection.title',
  panel: OrganizationGroups,
};
