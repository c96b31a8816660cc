import { eventsPages } from '../contract';
import { at, lazyNamed, type WebFeature } from '../../../web/feature';
import { eventsTexts } from './i18n';
import { OrganizationRegistrations } from './OrganizationRegistrations';

const AdminEventPage = lazyNamed(() => import('./AdminEventPage'), 'AdminEventPage');
const AdminEventsPage = lazyNamed(() => import('./AdminEventsPage'), 'AdminEventsPage');
const CheckinPage = lazyNamed(() => import('./CheckinPage'), 'CheckinPage');
const EventPage = lazyNamed(() => import('./EventPage'), 'EventPage');
const EventsPage = lazyNamed(() => import('./EventsPage'), 'EventsPage');
const InvitationPage = lazyNamed(() => import('./InvitationPage'), 'InvitationPage');
const MailTemplatesPage = lazyNamed(() => import('./MailTemplatesPage'), 'MailTemplatesPage');
const ManagerInvitationPage = lazyNamed(() => import('./ManagerInvitationPage'), 'ManagerInvitationPage');
const MyRegistrationsPage = lazyNamed(() => import('./MyRegistrationsPage'), 'MyRegistrationsPage');
const RegisterPage = lazyNamed(() => import('./RegisterPage'), 'RegisterPage');
const RegistrantPage = lazyNamed(() => import('./RegistrantPage'), 'RegistrantPage');
const SessionPage = lazyNamed(() => import('./SessionPage'), 'SessionPage');
const VerifyPage = lazyNamed(() => import('./VerifyPage'), 'VerifyPage');

export const eventsWeb: WebFeature = {
  name: 'events',
  i18n: eventsTexts,
  pages: [
    at(eventsPages.events, <EventsPage />),
    at(eventsPages.event, <EventPage />),
    at(eventsPages.session, <SessionPage />),
    at(eventsPages.register, <RegisterPage />),
    at(eventsPages.invitation, <InvitationPage />),
    at(eventsPages.myRegistrations, <MyRegistrationsPage />),
    at(eventsPages.myRegistration, <MyRegistrationsPage />),
    at(eventsPages.managerInvitation, <ManagerInvitationPage />),
    at(eventsPages.adminEvents, <AdminEventsPage />),
    at(eventsPages.adminEvent, <AdminEventPage />),
    at(eventsPages.registrant, <RegistrantPage />),
    at(eventsPages.checkin, <CheckinPage />),
    at(eventsPages.mailTemplates, <MailTemplatesPage />),
    at(eventsPages.verify, <VerifyPage />),
  ],
  publicNav: [{ page: eventsPages.events, label: 'events:nav.events' }],
  accountNav: [{ page: eventsPages.myRegistrations, label: 'events:nav.myRegistrations' }],
  adminNav: [
    { page: eventsPages.adminEvents, label: 'events:nav.manage', roles: ['secretariat'], scopes: ['event_manager'] },
    { page: eventsPages.mailTemplates, label: 'events:nav.templates', roles: ['secretariat'] },
  ],
};

/** What the events show on an organization's page in the directory: its people's registrations. */
export const eventsOrganizationSection = {
  key: 'registrations',
  title: 'events:orgSection.title',
  panel: OrganizationRegistrations,
};
