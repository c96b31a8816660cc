import { membershipPages } from '../contract';
import { at, lazyNamed, type WebFeature } from '../../../web/feature';
import { membershipTexts } from './i18n';
import { OrganizationMembership } from './OrganizationMembership';

const ApplyPage = lazyNamed(() => import('./ApplyPage'), 'ApplyPage');
const CategoriesPage = lazyNamed(() => import('./CategoriesPage'), 'CategoriesPage');
const DashboardPage = lazyNamed(() => import('./DashboardPage'), 'DashboardPage');
const InvitationPage = lazyNamed(() => import('./InvitationPage'), 'InvitationPage');
const MemberDirectoryPage = lazyNamed(() => import('./MemberDirectoryPage'), 'MemberDirectoryPage');
const MemberPage = lazyNamed(() => import('./MemberPage'), 'MemberPage');
const MembershipsPage = lazyNamed(() => import('./MembershipsPage'), 'MembershipsPage');
const MyApplicationPage = lazyNamed(() => import('./MyApplicationPage'), 'MyApplicationPage');
const MyApplicationsPage = lazyNamed(() => import('./MyApplicationsPage'), 'MyApplicationsPage');
const PortalPage = lazyNamed(() => import('./PortalPage'), 'PortalPage');
const QueueDetailPage = lazyNamed(() => import('./QueueDetailPage'), 'QueueDetailPage');
const QueuePage = lazyNamed(() => import('./QueuePage'), 'QueuePage');

export const membershipWeb: WebFeature = {
  name: 'membership',
  i18n: membershipTexts,
  pages: [
    at(membershipPages.members, <MemberDirectoryPage />),
    at(membershipPages.member, <MemberPage />),
    at(membershipPages.apply, <ApplyPage />),
    at(membershipPages.myApplications, <MyApplicationsPage />),
    at(membershipPages.myApplication, <MyApplicationPage />),
    at(membershipPages.portal, <PortalPage />),
    at(membershipPages.invitation, <InvitationPage />),
    at(membershipPages.applications, <QueuePage />),
    at(membershipPages.application, <QueueDetailPage />),
    at(membershipPages.memberships, <MembershipsPage />),
    at(membershipPages.dashboard, <DashboardPage />),
    at(membershipPages.categories, <CategoriesPage />),
  ],
  publicNav: [
    { page: membershipPages.members, label: 'membership:nav.members' },
    { page: membershipPages.apply, label: 'membership:nav.apply' },
  ],
  accountNav: [
    { page: membershipPages.myApplications, label: 'membership:nav.myApplications' },
    { page: membershipPages.portal, label: 'membership:nav.portal' },
  ],
  adminNav: [
    { page: membershipPages.applications, label: 'membership:nav.applications', roles: ['secretariat'] },
    { page: membershipPages.memberships, label: 'membership:nav.memberships', roles: ['secretariat'] },
    { page: membershipPages.dashboard, label: 'membership:nav.dashboard', roles: ['secretariat'] },
    { page: membershipPages.categories, label: 'membership:nav.categories', roles: ['secretariat'] },
  ],
};

/** What the membership shows on an organization's page in the directory. */
export const membershipOrganizationSection = {
  key: 'membership',
  title: 'membership:orgSection.title',
  panel: OrganizationMembership,
};
