/**
 * The authorization matrix: for every API route, who may call it, on their own
 * resource and on someone else's. matrix.once.test.ts calls every route as
 * every persona, on an owned and a not-owned resource, and compares; a route
 * without an entry here fails that test, so a new route is reviewed on purpose.
 */

export const personas = ['anonymous', 'applicant', 'memberContact', 'delegate', 'reviewer', 'groupMember', 'chair', 'secretariat', 'admin'] as const;
export type Persona = (typeof personas)[number];

/** What the path's main parameter names; each persona owns some kinds (see the test's world). */
export type Kind =
  | 'application'
  | 'org'
  | 'event'
  | 'session'
  | 'registration'
  | 'call'
  | 'submission'
  | 'reviewSubmission'
  | 'reviewInvitation'
  | 'group'
  | 'document'
  | 'none';

export interface Rule {
  kind: Kind;
  /** Everyone, signed in or not. */
  anyone?: true;
  /** Every signed-in persona, on any resource. */
  signedIn?: true;
  /** Personas allowed on a resource of theirs. */
  owners?: Persona[];
  /** Personas allowed on any resource (staff, unless said otherwise). */
  all?: Persona[];
}

const staff: Persona[] = ['secretariat', 'admin'];
const anyone = (kind: Kind = 'none'): Rule => ({ kind, anyone: true });
const signedIn = (kind: Kind = 'none'): Rule => ({ kind, signedIn: true });
const staffOnly = (kind: Kind = 'none'): Rule => ({ kind, all: staff });
const adminOnly = (kind: Kind = 'none'): Rule => ({ kind, all: ['admin'] });
/** The owners on their own resource, and staff on any. */
const own = (kind: Kind, ...owners: Persona[]): Rule => ({ kind, owners, all: staff });
/** The owners on their own resource only; staff use their own routes. */
const ownOnly = (kind: Kind, ...owners: Persona[]): Rule => ({ kind, owners });

export const matrix: Record<string, Rule> = {
  // Accounts
  'GET /api/v1/auth/me': anyone(),
  'PATCH /api/v1/auth/me': signedIn(),
  'POST /api/v1/auth/signup': anyone(),
  'POST /api/v1/auth/verify': anyone(),
  'POST /api/v1/auth/login': anyone(),
  'POST /api/v1/auth/login-link': anyone(),
  'POST /api/v1/auth/login-link/redeem': anyone(),
  'POST /api/v1/auth/password-reset': anyone(),
  'POST /api/v1/auth/password-reset/complete': anyone(),
  'POST /api/v1/auth/logout': signedIn(),
  'POST /api/v1/auth/logout-all': signedIn(),
  'GET /api/v1/me/data': signedIn(),
  'GET /api/v1/countries': anyone(),
  'GET /api/v1/files/logos/:id': anyone(),
  // Administration
  'GET /api/v1/admin/users': staffOnly(),
  'POST /api/v1/admin/users': adminOnly(),
  'PUT /api/v1/admin/users/:id/roles': adminOnly(),
  'GET /api/v1/admin/outbox': adminOnly(),
  'GET /api/v1/admin/audit': adminOnly(),
  // Directory
  'GET /api/v1/directory/organizations': staffOnly(),
  'POST /api/v1/directory/organizations': staffOnly(),
  'GET /api/v1/directory/organizations/:id': staffOnly(),
  'PUT /api/v1/directory/organizations/:id': staffOnly(),
  'DELETE /api/v1/directory/organizations/:id': staffOnly(),
  'PUT /api/v1/directory/organizations/:id/logo': staffOnly(),
  'GET /api/v1/directory/people': staffOnly(),
  'POST /api/v1/directory/people': staffOnly(),
  'GET /api/v1/directory/people/:id': staffOnly(),
  'PUT /api/v1/directory/people/:id': staffOnly(),
  'DELETE /api/v1/directory/people/:id': staffOnly(),
  'POST /api/v1/directory/import/:kind': staffOnly(),
  'GET /api/v1/directory/export/organizations': staffOnly(),
  'GET /api/v1/directory/export/people': staffOnly(),
  // Membership
  'GET /api/v1/membership/categories': anyone(),
  'GET /api/v1/membership/admin/categories': staffOnly(),
  'POST /api/v1/membership/categories': staffOnly(),
  'PUT /api/v1/membership/categories/:id': staffOnly(),
  'POST /api/v1/membership/applications/start': anyone(),
  'POST /api/v1/membership/applications': signedIn(),
  'GET /api/v1/membership/applications/mine': signedIn(),
  'GET /api/v1/membership/applications/:id': own('application', 'applicant'),
  'PUT /api/v1/membership/applications/:id': ownOnly('application', 'applicant'),
  'POST /api/v1/membership/applications/:id/documents': ownOnly('application', 'applicant'),
  'GET /api/v1/membership/applications/:id/documents/:docId': own('application', 'applicant'),
  'DELETE /api/v1/membership/applications/:id/documents/:docId': ownOnly('application', 'applicant'),
  'POST /api/v1/membership/applications/:id/submit': ownOnly('application', 'applicant'),
  'POST /api/v1/membership/applications/:id/withdraw': ownOnly('application', 'applicant'),
  'POST /api/v1/membership/applications/:id/messages': own('application', 'applicant'),
  'GET /api/v1/membership/applications': staffOnly(),
  'POST /api/v1/membership/applications/:id/request-info': staffOnly('application'),
  'POST /api/v1/membership/applications/:id/approve': staffOnly('application'),
  'POST /api/v1/membership/applications/:id/reject': staffOnly('application'),
  'GET /api/v1/membership/memberships': staffOnly(),
  'GET /api/v1/membership/memberships/:id': staffOnly(),
  'POST /api/v1/membership/memberships/:id/renew': staffOnly(),
  'POST /api/v1/membership/memberships/:id/suspend': staffOnly(),
  'POST /api/v1/membership/memberships/:id/reinstate': staffOnly(),
  'POST /api/v1/membership/memberships/:id/terminate': staffOnly(),
  'GET /api/v1/membership/portal': signedIn(),
  'GET /api/v1/membership/portal/:id': own('org', 'memberContact'),
  'PUT /api/v1/membership/portal/:id/profile': own('org', 'memberContact'),
  'PUT /api/v1/membership/portal/:id/directory': own('org', 'memberContact'),
  'PUT /api/v1/membership/portal/:id/logo': own('org', 'memberContact'),
  'POST /api/v1/membership/portal/:id/representatives': own('org', 'memberContact'),
  'DELETE /api/v1/membership/portal/:id/representatives/:userId': own('org', 'memberContact'),
  'GET /api/v1/membership/members': anyone(),
  'GET /api/v1/membership/members/:id': anyone(),
  'GET /api/v1/membership/dashboard': staffOnly(),
  'GET /api/v1/membership/dashboard/export': staffOnly(),
  'GET /api/v1/membership/goals': staffOnly(),
  'POST /api/v1/membership/goals': staffOnly(),
  'PUT /api/v1/membership/goals/:id': staffOnly(),
  'DELETE /api/v1/membership/goals/:id': staffOnly(),
  'POST /api/v1/membership/import': staffOnly(),
  // Events
  'GET /api/v1/event-series': anyone(),
  'POST /api/v1/event-series': staffOnly(),
  'GET /api/v1/events': anyone(),
  'POST /api/v1/events': staffOnly(),
  'GET /api/v1/events/:id': anyone('event'),
  'PUT /api/v1/events/:id': staffOnly('event'),
  'GET /api/v1/events/:id/conflicts': staffOnly('event'),
  'POST /api/v1/events/:id/publish': staffOnly('event'),
  'POST /api/v1/events/:id/registration': staffOnly('event'),
  'POST /api/v1/events/:id/unpublish': staffOnly('event'),
  'GET /api/v1/events/:id/rooms': anyone('event'),
  'POST /api/v1/events/:id/rooms': staffOnly('event'),
  'GET /api/v1/events/:id/agenda': anyone('event'),
  'POST /api/v1/events/:id/sessions': staffOnly('event'),
  'GET /api/v1/sessions/:id': anyone('session'),
  'PUT /api/v1/sessions/:id': staffOnly('session'),
  'DELETE /api/v1/sessions/:id': staffOnly('session'),
  'GET /api/v1/events/:id/calendar.ics': anyone('event'),
  'GET /api/v1/sessions/:id/calendar.ics': anyone('session'),
  'GET /api/v1/me/agenda-link': signedIn(),
  'GET /api/v1/agenda/:token': anyone(),
  'GET /api/v1/events/:id/channels': staffOnly('event'),
  'POST /api/v1/events/:id/channels': staffOnly('event'),
  // Channels
  'PUT /api/v1/channels/:id': staffOnly(),
  // Events
  'GET /api/v1/events/:id/invitations': staffOnly('event'),
  'POST /api/v1/events/:id/invitations': staffOnly('event'),
  'POST /api/v1/events/:id/invitations/import': staffOnly('event'),
  'GET /api/v1/invitations/:token': anyone(),
  'POST /api/v1/invitations/:token/accept': signedIn(),
  'POST /api/v1/invitations/:token/decline': anyone(),
  'POST /api/v1/events/:id/registrations': signedIn('event'),
  'GET /api/v1/me/registrations': signedIn(),
  'GET /api/v1/registrations/:id': own('registration', 'delegate'),
  'POST /api/v1/registrations/:id/sessions': own('registration', 'delegate'),
  'DELETE /api/v1/registrations/:id/sessions/:sessionId': own('registration', 'delegate'),
  'POST /api/v1/registrations/:id/cancel': own('registration', 'delegate'),
  'GET /api/v1/events/:id/registrations': staffOnly('event'),
  'POST /api/v1/registrations/:id/decision': staffOnly('registration'),
  'GET /api/v1/registrations/:id/badge.pdf': own('registration', 'delegate'),
  'GET /api/v1/events/:id/badges.pdf': staffOnly('event'),
  'GET /api/v1/registrations/:id/badge-token': own('registration', 'delegate'),
  'POST /api/v1/registrations/:id/badge/revoke': staffOnly('registration'),
  'POST /api/v1/registrations/:id/badge/reissue': staffOnly('registration'),
  'POST /api/v1/events/:id/checkin': staffOnly('event'),
  'GET /api/v1/events/:id/checkin/search': staffOnly('event'),
  'GET /api/v1/registrations/:id/visa-letter.pdf': own('registration', 'delegate'),
  'GET /api/v1/visa-letters/:ref': anyone(),
  'GET /api/v1/events/:id/delegates': staffOnly('event'),
  'GET /api/v1/events/:id/figures': staffOnly('event'),
  // Event-mail-templates
  'GET /api/v1/event-mail-templates': staffOnly(),
  'PUT /api/v1/event-mail-templates/:key/:locale': staffOnly(),
  // Calls and review
  'GET /api/v1/calls': anyone(),
  'GET /api/v1/calls/templates': staffOnly(),
  'POST /api/v1/calls': staffOnly(),
  'GET /api/v1/calls/:id': anyone('call'),
  'PATCH /api/v1/calls/:id': staffOnly('call'),
  'POST /api/v1/calls/:id/submissions': signedIn('call'),
  // On behalf of an organization in the body: its contacts, and staff.
  'POST /api/v1/calls/:id/nominations': staffOnly('call'),
  'GET /api/v1/my/submissions': signedIn(),
  'GET /api/v1/submissions/:id': own('submission', 'applicant'),
  'PUT /api/v1/submissions/:id': ownOnly('submission', 'applicant'),
  'POST /api/v1/submissions/:id/submit': ownOnly('submission', 'applicant'),
  'POST /api/v1/submissions/:id/withdraw': ownOnly('submission', 'applicant'),
  'POST /api/v1/submissions/:id/files': ownOnly('submission', 'applicant'),
  'GET /api/v1/submissions/:id/files/:fileId': own('submission', 'applicant'),
  'GET /api/v1/submissions/:id/feedback': ownOnly('submission', 'applicant'),
  'GET /api/v1/calls/:id/submissions': staffOnly('call'),
  'POST /api/v1/submissions/:id/screening': staffOnly('submission'),
  'POST /api/v1/calls/:id/auto-screen': staffOnly('call'),
  'GET /api/v1/review/calls/:id/rubrics/:round': staffOnly('call'),
  'PUT /api/v1/review/calls/:id/rubrics/:round': staffOnly('call'),
  'GET /api/v1/review/calls/:id/reviewers': staffOnly('call'),
  'POST /api/v1/review/calls/:id/reviewers': staffOnly('call'),
  'POST /api/v1/review/calls/:id/pairs': staffOnly('call'),
  'POST /api/v1/review/calls/:id/assign': staffOnly('call'),
  'GET /api/v1/review/calls/:id/assignments': staffOnly('call'),
  'GET /api/v1/review/calls/:id/progress': staffOnly('call'),
  'GET /api/v1/review/calls/:id/ranking': staffOnly('call'),
  'POST /api/v1/review/calls/:id/selection-preview': staffOnly('call'),
  'POST /api/v1/review/calls/:id/advance': staffOnly('call'),
  'POST /api/v1/review/calls/:id/decisions': staffOnly('call'),
  'POST /api/v1/review/calls/:id/reminders': staffOnly('call'),
  'GET /api/v1/review/submissions/:id/reviews': staffOnly('reviewSubmission'),
  'GET /api/v1/review/submissions/:id/discussion': own('reviewSubmission', 'reviewer'),
  'POST /api/v1/review/submissions/:id/discussion': own('reviewSubmission', 'reviewer'),
  'GET /api/v1/review/invitations': signedIn(),
  'POST /api/v1/review/invitations/:id/respond': ownOnly('reviewInvitation', 'reviewer'),
  'GET /api/v1/review/invitations/:id/submissions': ownOnly('reviewInvitation', 'reviewer'),
  'POST /api/v1/review/invitations/:id/conflicts': ownOnly('reviewInvitation', 'reviewer'),
  'GET /api/v1/review/assignments': signedIn(),
  'GET /api/v1/review/submissions/:id': ownOnly('reviewSubmission', 'reviewer'),
  'PUT /api/v1/review/submissions/:id/review': ownOnly('reviewSubmission', 'reviewer'),
  'GET /api/v1/showcase': anyone(),
  'GET /api/v1/showcase/facets': anyone(),
  'GET /api/v1/showcase/entries/:id': anyone(),
  'GET /api/v1/showcase/booklet.pdf': anyone(),
  'GET /api/v1/showcase/export.xlsx': anyone(),
  'POST /api/v1/showcase/calls/:id/publish': staffOnly('call'),
  'DELETE /api/v1/showcase/entries/:id': staffOnly(),
  // Library
  'GET /api/v1/library': anyone(),
  'GET /api/v1/library/facets': anyone(),
  'GET /api/v1/library/manage': staffOnly(),
  'GET /api/v1/library/:id': anyone(),
  'POST /api/v1/library': staffOnly(),
  'PUT /api/v1/library/:id': staffOnly(),
  'DELETE /api/v1/library/:id': staffOnly(),
  'PUT /api/v1/library/:id/files/:lang': staffOnly(),
  'PUT /api/v1/library/:id/cover': staffOnly(),
  'GET /api/v1/library/:id/cover': anyone(),
  'GET /api/v1/library/:id/files/:lang': anyone(),
  // Groups and documents
  'GET /api/v1/groups': anyone(),
  'GET /api/v1/groups/:id': anyone('group'),
  'POST /api/v1/groups': staffOnly(),
  'PUT /api/v1/groups/:id': own('group', 'chair'),
  'GET /api/v1/groups/:id/members': own('group', 'groupMember', 'chair'),
  'POST /api/v1/groups/:id/invitations': own('group', 'chair'),
  'POST /api/v1/groups/:id/invitation/:answer': signedIn('group'),
  'POST /api/v1/groups/:id/requests': signedIn('group'),
  'POST /api/v1/groups/:id/members/:memberId/:decision': own('group', 'chair'),
  'PUT /api/v1/groups/:id/members/:memberId/role': own('group', 'chair'),
  'DELETE /api/v1/groups/:id/members/:memberId': own('group', 'chair'),
  'GET /api/v1/groups/:id/workspace': own('group', 'groupMember', 'chair'),
  'POST /api/v1/groups/:id/meetings': own('group', 'chair'),
  'PUT /api/v1/groups/:id/meetings/:meetingId': own('group', 'chair'),
  'PUT /api/v1/groups/:id/meetings/:meetingId/minutes': own('group', 'chair'),
  'GET /api/v1/groups/:id/meetings/:meetingId/minutes': own('group', 'groupMember', 'chair'),
  'POST /api/v1/groups/:id/threads': own('group', 'groupMember', 'chair'),
  'GET /api/v1/groups/:id/threads/:threadId': own('group', 'groupMember', 'chair'),
  'POST /api/v1/groups/:id/threads/:threadId/posts': own('group', 'groupMember', 'chair'),
  'POST /api/v1/groups/:id/documents': own('group', 'chair'),
  'POST /api/v1/documents': staffOnly(),
  'GET /api/v1/documents/:id': anyone('document'),
  'GET /api/v1/documents/:id/versions/:versionId': anyone('document'),
  'PUT /api/v1/documents/:id/title': own('document', 'chair'),
  'PUT /api/v1/documents/:id/versions/:versionId/text': own('document', 'chair'),
  'PUT /api/v1/documents/:id/versions/:versionId/summary': own('document', 'chair'),
  'POST /api/v1/documents/:id/versions': own('document', 'chair'),
  'PUT /api/v1/documents/:id/versions/:versionId/status': own('document', 'chair'),
  'GET /api/v1/documents/:id/diff': anyone('document'),
  'POST /api/v1/documents/:id/rounds': own('document', 'chair'),
  'POST /api/v1/documents/:id/rounds/:roundId/close': own('document', 'chair'),
  'GET /api/v1/documents/:id/versions/:versionId/comments': own('document', 'groupMember', 'chair'),
  'POST /api/v1/documents/:id/comments': own('document', 'groupMember', 'chair'),
  // Answering and resolving comments is the chairs' work.
  'PUT /api/v1/documents/:id/comments/:commentId': own('document', 'chair'),
  'GET /api/v1/documents/:id/endorsements': anyone('document'),
  // Any signed-in person or organization may endorse a final document.
  'POST /api/v1/documents/:id/endorsements': signedIn('document'),
  'DELETE /api/v1/documents/:id/endorsements/:endorsementId': signedIn('document'),
  'GET /api/v1/documents/:id/submissions': anyone('document'),
  'POST /api/v1/documents/:id/submissions': own('document', 'chair'),
  // The chair offers the group's final document to the library; staff publish it.
  'POST /api/v1/documents/:id/library': own('document', 'chair'),
  // Administration
  'GET /api/v1/admin/people/:id/data': staffOnly(),
  'POST /api/v1/admin/people/:id/erase': adminOnly(),
  // Portal and search
  'GET /api/v1/search': anyone(),
  'GET /api/v1/portal/page': anyone(),
};
