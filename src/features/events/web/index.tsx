import type { WebFeature } from '../../../web/feature';
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
import { RegisterPage } from './RegisterPage';
import { SessionPage } from './SessionPage';

export const eventsWeb: WebFeature = {
  name: 'events',
  i18n: eventsTexts,
  publicRoutes: [
    { path: 'events', element: <EventsPage /> },
    { path: 'events/:slug', element: <EventPage /> },
    { path: 'events/:slug/sessions/:id', element: <SessionPage /> },
    { path: 'events/:slug/register', element: <RegisterPage /> },
    { path: 'invitations/:token', element: <InvitationPage /> },
  ],
  appRoutes: [
    { path: '/me/registrations', element: <MyRegistrationsPage /> },
    { path: '/me/registrations/:id', element: <MyRegistrationsPage /> },
    { path: '/event-manager/:token', element: <ManagerInvitationPage /> },
  ],
  adminRoutes: [
    { path: 'events', element: <AdminEventsPage /> },
    { path: 'events/:id', element: <AdminEventPage /> },
    { path: 'events/:id/checkin', element: <CheckinPage /> },
    { path: 'event-mails', element: <MailTemplatesPage /> },
  ],
  publicNav: [{ to: '/events', label: 'events:nav.events' }],
  accountNav: [{ to: '/me/registrations', label: 'events:nav.myRegistrations' }],
  adminNav: [
    { to: '/admin/events', label: 'events:nav.manage', roles: ['secretariat'], scopes: ['event_manager'] },
    { to: '/admin/event-mails', label: 'events:nav.templates', roles: ['secretariat'] },
  ],
};
