import type { WebFeature } from '../../../web/feature';
import { GroupsAdminPage } from './GroupsAdminPage';
import { DocumentPage } from './DocumentPage';
import { documentsTexts, groupsTexts } from './i18n';
import { GroupPage } from './GroupPage';
import { GroupsPage } from './GroupsPage';
import { WorkspacePage } from './WorkspacePage';

export const groupsWeb: WebFeature = {
  name: 'groups',
  i18n: groupsTexts,
  publicRoutes: [
    { path: 'groups', element: <GroupsPage /> },
    { path: 'groups/:slug', element: <GroupPage /> },
    { path: 'groups/:slug/workspace', element: <WorkspacePage /> },
    { path: 'documents/:id', element: <DocumentPage /> },
  ],
  publicNav: [{ to: '/groups', label: 'nav.groups' }],
  adminRoutes: [{ path: 'groups', element: <GroupsAdminPage /> }],
  adminNav: [{ to: '/admin/groups', label: 'nav.groups', roles: ['secretariat'] }],
};

/** The documents' texts live in their own namespace. */
export const documentsWeb: WebFeature = { name: 'documents', i18n: documentsTexts };
