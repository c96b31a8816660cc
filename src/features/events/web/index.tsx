import { eventsPages } from '../contract';
import { at, type WebFeature } from '../../../web/feature';
import { eventsTexts } from './i18n';
import { AdminEventPage } from './AdminEventPage';
import { AdminEventsPage } from './AdminEventsPage';
import { CheckinPage } from './CheckinPage';
import { EventPage } from './EventPage';
import { EventsPage } from './EventsPage';
import { InvitationPage } from './InvitationPage';
import { MailTemplatesPage } from './MailTemplatesPage';
import { ManagerInvitationPage } from './ManagerInvitationPage';
import { MyRegistrationsPage } from './MyRegistrationsPage';
import { OrganizationRegistrations } from './OrganizationRegistrations';
import { RegisterPage } from './RegisterPage';
import { RegistrantPage } from './RegistrantPage';
import { SessionPage } from './SessionPage';
import { VerifyPage } from './VerifyPage';

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
