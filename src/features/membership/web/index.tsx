import type { WebFeature } from '../../../web/feature';
import { ApplyPage } from './ApplyPage';
import { CategoriesPage } from './CategoriesPage';
import { DashboardPage } from './DashboardPage';
import { membershipTexts } from './i18n';
import { InvitationPage } from './InvitationPage';
import { MemberDirectoryPage } from './MemberDirectoryPage';
import { MemberPage } from './MemberPage';
import { MembershipsPage } from './MembershipsPage';
import { MyApplicationPage } from './MyApplicationPage';
import { MyApplicationsPage } from './MyApplicationsPage';
import { PortalPage } from './PortalPage';
import { QueueDetailPage } from './QueueDetailPage';
import { QueuePage } from './QueuePage';

export const membershipWeb: WebFeature = {
  name: 'membership',
  i18n: membershipTexts,
  publicRoutes: [
    { path: 'members', element: <MemberDirectoryPage /> },
    { path: 'members/:id', element: <MemberPage /> },
    { path: 'membership/apply', element: <ApplyPage /> },
  ],
  publicNav: [
    { to: '/members', label: 'membership:nav.members' },
    { to: '/membership/apply', label: 'membership:nav.apply' },
  ],
  appRoutes: [
    { path: '/my/applications', element: <MyApplicationsPage /> },
    { path: '/my/applications/:id', element: <MyApplicationPage /> },
    { path: '/my/membership', element: <PortalPage /> },
    { path: '/my/membership/invitation', element: <InvitationPage /> },
  ],
  accountNav: [
    { to: '/my/applications', label: 'membership:nav.myApplications' },
    { to: '/my/membership', label: 'membership:nav.portal' },
  ],
  adminRoutes: [
    { path: 'membership/applications', element: <QueuePage /> },
    { path: 'membership/applications/:id', element: <QueueDetailPage /> },
    { path: 'membership/members', element: <MembershipsPage /> },
    { path: 'membership/dashboard', element: <DashboardPage /> },
    { path: 'membership/categories', element: <CategoriesPage /> },
  ],
  adminNav: [
    { to: '/admin/membership/applications', label: 'membership:nav.applications', roles: ['secretariat'] },
    { to: '/admin/membership/members', label: 'membership:nav.memberships', roles: ['secretariat'] },
    { to: '/admin/membership/dashboard', label: 'membership:nav.dashboard', roles: ['secretariat'] },
    { to: '/admin/membership/categories', label: 'membership:nav.categories', roles: ['secretariat'] },
  ],
};
