/**
 * The authorization matrix: for every API route, who gets past access on a
 * resource that is theirs ("own") and on one that is someone else's ("other").
 * matrix.once.test.ts builds a world where each role owns something, substitutes
 * the ids into each route and checks every answer against this table. A route
 * without an entry, or an entry without a route, fails the test.
 *
 * "Past access" means any answer but 401, 403 and 404 (404 is how a feature
 * says "not found or no access"); a 400 for the minimal body still counts as
 * past. Routes limited to global roles are checked before anything else, so
 * there only 401 and 403 mean "refused", and their ids are unknown ones (the
 * role decides, not the resource; and no real record is deleted by the walk).
 */

export const matrixRoles = [
  'anon',
  'applicant',
  'contact',
  'individual',
  'delegate',
  'reviewer',
  'member',
  'invitee',
  'chair',
  'cochair',
  'manager',
  'secretariat',
  'admin',
] as const;
export type MatrixRole = (typeof matrixRoles)[number];

/** Every resource the world holds in two copies: one the role users own or run, one they do not. */
export type Ids = Record<string, string>;

/** Who gets past: a list of roles, or everyone / every signed-in role. */
export type Who = readonly MatrixRole[] | 'all' | 'users';

export interface Rule {
  /** Path parameter → world resource key (the own and other copies are substituted in turn). */
  params?: Record<string, string>;
  own?: Who;
  /** Defaults to `own` when the route has no resource of its own. */
  other?: Who;
  body?: (ids: Ids) => unknown;
  query?: (ids: Ids) => string;
  /**
   * The request uses its resource up (deletes, cancels, closes, signs out): it runs after every other
   * route, and each caller expected to get past gets a new copy made by matrix.once.test.ts's fresh()
   * ('none': only run last; 'signin': the caller goes on with a new session afterwards).
   */
  fresh?: string;
  /** Why the expectation is what it is, where that is not obvious. */
  note?: string;
}

const staff = ['secretariat', 'admin'] as const;
const S = [...staff];
const managers: MatrixRole[] = ['manager', ...staff];
/** A co-chair runs the group as its chair does (in the demo, Emily Carter co-chairs G, the data group). */
const insiders: MatrixRole[] = ['member', 'chair', 'cochair', ...staff];
const editors: MatrixRole[] = ['chair', 'cochair', ...staff];
/**
 * Who counts as a member: the contact of member org A, an individual member, and the chair (in the demo,
 * affiliated with member org bj-data). The invitee is invited to group G and has not answered: an outsider still.
 */
const memberPeople: MatrixRole[] = ['contact', 'individual', 'chair', ...staff];
const futureIso = '2030-01-01T10:00:00Z';
const meeting = {
  title: { en: 'Matrix meeting' },
  startsAt: futureIso,
  durationMinutes: 60,
  timezone: 'UTC',
  mode: 'online',
  link: 'https://meet.matrix.example/x',
};
const session = {
  kind: 'plenary',
  title: { en: 'Matrix session' },
  startsAt: '2026-12-08T18:00:00+08:00',
  endsAt: '2026-12-08T19:00:00+08:00',
  capacity: 100,
};
export const eventBody = (slug: string) => ({
  slug,
  kind: 'forum',
  name: { en: `Event ${slug}` },
  startDate: '2026-12-08',
  endDate: '2026-12-10',
  timeZone: 'Asia/Shanghai',
  mode: 'hybrid',
  visibility: 'public',
  registrationOpen: true,
  formFields: passportFields,
});
export const passportFields = [
  { key: 'needs_visa', label: { en: 'Visa' }, type: 'checkbox', required: false },
  ...['passport_number', 'nationality', 'birth_date', 'passport_expiry'].map((key) => ({
    key,
    label: { en: key },
    type: key.endsWith('date') || key.endsWith('expiry') ? 'date' : 'text',
    required: false,
    passport: true,
  })),
];
export const registrationBody = {
  category: 'delegate',
  attendance: 'on-site',
  name: 'Matrix Delegate',
  countryCode: 'DE',
  answers: {
    needs_visa: true,
    passport_number: 'X1234567',
    nationality: 'Germany',
    birth_date: '1990-01-01',
    passport_expiry: '2035-01-01',
  },
  sessions: [],
};

/**
 * Routes for global roles and public routes need no entry beyond params (their
 * default comes from their declared access); every 'user' route names its
 * expectation here. Keys are `METHOD url` exactly as in the route table.
 */
export const matrix: Record<string, Rule> = {
  // Accounts: everyone acts on their own account only.
  'GET /api/v1/auth/me': {},
  'POST /api/v1/auth/signup': {},
  'POST /api/v1/auth/verify': {},
  'POST /api/v1/auth/login': {},
  'POST /api/v1/auth/login-link': {},
  'POST /api/v1/auth/login-link/redeem': {},
  'POST /api/v1/auth/password-reset': {},
  'POST /api/v1/auth/password-reset/complete': {},
  'POST /api/v1/auth/logout': { own: 'users', fresh: 'signin' },
  'POST /api/v1/auth/logout-all': { own: 'users', fresh: 'signin' },
  'PATCH /api/v1/auth/me': { own: 'users', body: () => ({ locale: 'en' }) },
  'GET /api/v1/admin/users': {},
  'POST /api/v1/admin/users': {},
  'PUT /api/v1/admin/users/:id/roles': {},
  'GET /api/v1/admin/outbox': {},
  'GET /api/v1/admin/audit': {},

  // Directory: the secretariat's.
  'GET /api/v1/countries': {},
  'GET /api/v1/directory/organizations': {},
  'POST /api/v1/directory/organizations': {},
  'GET /api/v1/directory/organizations/:id': {},
  'PUT /api/v1/directory/organizations/:id': {},
  'DELETE /api/v1/directory/organizations/:id': {},
  'PUT /api/v1/directory/organizations/:id/logo': {},
  'GET /api/v1/files/logos/:id': { params: { id: 'logo' }, own: 'all', other: [], note: 'other: an unknown file id' },
  'GET /api/v1/directory/people': {},
  'POST /api/v1/directory/people': {},
  'GET /api/v1/directory/people/:id': {},
  'PUT /api/v1/directory/people/:id': {},
  'DELETE /api/v1/directory/people/:id': {},
  'POST /api/v1/directory/import/:kind': {},
  'GET /api/v1/directory/export/organizations': {},
  'GET /api/v1/directory/export/people': {},

  // Membership: the applicant owns the application; the contacts of org A keep its membership.
  'GET /api/v1/membership/categories': {},
  'GET /api/v1/membership/admin/categories': {},
  'POST /api/v1/membership/categories': {},
  'PUT /api/v1/membership/categories/:id': {},
  'POST /api/v1/membership/applications/start': {},
  'POST /api/v1/membership/applications': { own: 'users', body: () => ({ categoryKey: 'individual', data: {} }) },
  'GET /api/v1/membership/applications/mine': { own: 'users' },
  'GET /api/v1/membership/applications/:id': { params: { id: 'application' }, own: ['applicant', ...S], other: S },
  'PUT /api/v1/membership/applications/:id': {
    params: { id: 'application' },
    own: ['applicant'],
    other: [],
    body: () => ({ data: { motivation: 'Matrix' } }),
    note: 'only the applicant edits',
  },
  'POST /api/v1/membership/applications/:id/documents': { params: { id: 'application' }, own: ['applicant'], other: [], body: () => 'pdf' },
  'GET /api/v1/membership/applications/:id/documents/:docId': {
    params: { id: 'application', docId: 'applicationDoc' },
    own: ['applicant', ...S],
    other: S,
  },
  'DELETE /api/v1/membership/applications/:id/documents/:docId': {
    params: { id: 'application', docId: 'applicationDoc' },
    own: ['applicant'],
    other: [],
    fresh: 'applicationDoc',
  },
  'POST /api/v1/membership/applications/:id/submit': { params: { id: 'application' }, own: ['applicant'], other: [] },
  'POST /api/v1/membership/applications/:id/withdraw': { params: { id: 'application' }, own: ['applicant'], other: [], fresh: 'none' },
  'POST /api/v1/membership/applications/:id/messages': {
    params: { id: 'application' },
    own: ['applicant', ...S],
    other: S,
    body: () => ({ body: 'A question' }),
  },
  'GET /api/v1/membership/applications': {},
  'POST /api/v1/membership/applications/:id/request-info': {},
  'POST /api/v1/membership/applications/:id/approve': {},
  'POST /api/v1/membership/applications/:id/reject': {},
  'GET /api/v1/membership/memberships': {},
  'GET /api/v1/membership/memberships/:id': {},
  'POST /api/v1/membership/memberships/:id/renew': {},
  'POST /api/v1/membership/memberships/:id/suspend': {},
  'POST /api/v1/membership/memberships/:id/reinstate': {},
  'POST /api/v1/membership/memberships/:id/terminate': {},
  'GET /api/v1/membership/portal': { own: 'users' },
  'GET /api/v1/membership/portal/:id': { params: { id: 'membership' }, own: ['contact', ...S], other: S },
  'PUT /api/v1/membership/portal/:id/profile': {
    params: { id: 'membership' },
    own: ['contact', ...S],
    other: S,
    body: () => ({ sector: 'Matrix' }),
  },
  'PUT /api/v1/membership/portal/:id/directory': {
    params: { id: 'membership' },
    own: ['contact', ...S],
    other: S,
    body: () => ({ optIn: true }),
  },
  'PUT /api/v1/membership/portal/:id/logo': { params: { id: 'membership' }, own: ['contact', ...S], other: S, body: () => 'png' },
  'POST /api/v1/membership/portal/:id/representatives': {
    params: { id: 'membership' },
    own: ['contact', ...S],
    other: S,
    body: () => ({ name: 'Extra Rep', email: `rep-${Math.random().toString(36).slice(2)}@matrix.example` }),
  },
  'DELETE /api/v1/membership/portal/:id/representatives/:userId': {
    params: { id: 'membership', userId: 'representative' },
    own: ['contact', ...S],
    other: S,
    fresh: 'representative',
  },
  'POST /api/v1/membership/portal/:id/invitations/:invitationId/resend': {
    params: { id: 'membership', invitationId: 'repInvitation' },
    own: ['contact', ...S],
    other: S,
  },
  'DELETE /api/v1/membership/portal/:id/invitations/:invitationId': {
    params: { id: 'membership', invitationId: 'repInvitation' },
    own: ['contact', ...S],
    other: S,
    fresh: 'repInvitation',
  },
  'GET /api/v1/membership/invitations/:token': {
    params: { token: 'repInvitationToken' },
    own: 'users',
    other: [],
    note: 'own: a real invitation link (any signed-in holder sees whose it is); other: a forged one',
  },
  'POST /api/v1/membership/invitations/:token/accept': {
    params: { token: 'repInvitationToken' },
    own: [],
    other: [],
    note: 'only the invited address answers, and no role holds it (representatives.test.ts accepts as the invitee)',
  },
  'POST /api/v1/membership/invitations/:token/decline': { params: { token: 'repInvitationToken' }, own: [], other: [], note: 'as accept' },
  'GET /api/v1/membership/members': {},
  'GET /api/v1/membership/members/:id': { params: { id: 'membership' } },
  'GET /api/v1/membership/dashboard': {},
  'GET /api/v1/membership/dashboard/export': {},
  'GET /api/v1/membership/goals': {},
  'POST /api/v1/membership/goals': {},
  'PUT /api/v1/membership/goals/:id': {},
  'DELETE /api/v1/membership/goals/:id': {},
  'POST /api/v1/membership/import': {},

  // Events: the manager runs event E (own), not event O (other); the delegate owns a registration at E.
  'GET /api/v1/event-series': {},
  'POST /api/v1/event-series': {},
  'GET /api/v1/events': {},
  'POST /api/v1/events': {},
  'GET /api/v1/events/:id': {
    params: { id: 'shownEvent' },
    own: 'all',
    other: S,
    note: 'own: a published event; other: a draft (its staff only; the manager runs E, not the draft)',
  },
  'PUT /api/v1/events/:id': {
    params: { id: 'event' },
    own: managers,
    other: S,
    body: (i) => ({ ...eventBody(i.eventSlug), registrationOpen: true }),
  },
  'GET /api/v1/events/:id/conflicts': { params: { id: 'event' }, own: managers, other: S },
  'POST /api/v1/events/:id/publish': { params: { id: 'event' }, own: managers, other: S, body: () => ({ force: true }) },
  'POST /api/v1/events/:id/registration': { params: { id: 'event' }, own: managers, other: S, body: () => ({ open: true }) },
  'POST /api/v1/events/:id/unpublish': { params: { id: 'event' }, own: managers, other: S, fresh: 'event' },
  'GET /api/v1/events/:id/rooms': {
    params: { id: 'closedEvent' },
    own: memberPeople,
    other: ['delegate', ...S],
    note: 'own: a members-only event; other: an invitation-only event the delegate is invited to',
  },
  'POST /api/v1/events/:id/rooms': {
    params: { id: 'event' },
    own: managers,
    other: S,
    body: () => ({ name: { en: 'Room' }, capacity: 10 }),
  },
  'GET /api/v1/events/:id/agenda': { params: { id: 'closedEvent' }, own: memberPeople, other: ['delegate', ...S] },
  'POST /api/v1/events/:id/sessions': { params: { id: 'event' }, own: managers, other: S, body: () => session },
  'GET /api/v1/sessions/:id': { params: { id: 'shownSession' }, own: 'all', other: S },
  'PUT /api/v1/sessions/:id': { params: { id: 'session' }, own: managers, other: S, body: () => session },
  'DELETE /api/v1/sessions/:id': { params: { id: 'session' }, own: managers, other: S, fresh: 'session' },
  'GET /api/v1/events/:id/calendar.ics': { params: { id: 'closedEvent' }, own: memberPeople, other: ['delegate', ...S] },
  'GET /api/v1/sessions/:id/calendar.ics': { params: { id: 'shownSession' }, own: 'all', other: S },
  'GET /api/v1/me/agenda-link': { own: 'users' },
  'GET /api/v1/agenda/:token': {
    params: { token: 'agendaToken' },
    own: 'all',
    other: [],
    note: 'own: a signed feed token; other: a forged one',
  },
  'GET /api/v1/events/:id/channels': { params: { id: 'event' }, own: managers, other: S },
  'POST /api/v1/events/:id/channels': { params: { id: 'event' }, own: managers, other: S, body: () => ({ name: 'Channel', quota: 5 }) },
  'PUT /api/v1/channels/:id': {},
  'GET /api/v1/events/:id/invitations': { params: { id: 'event' }, own: managers, other: S },
  'POST /api/v1/events/:id/invitations': {
    params: { id: 'event' },
    own: managers,
    other: S,
    body: () => ({ email: `guest-${Math.random().toString(36).slice(2)}@matrix.example`, name: 'Guest', category: 'delegate' }),
  },
  'POST /api/v1/events/:id/invitations/import': { params: { id: 'event' }, own: managers, other: S, body: () => 'csv' },
  'GET /api/v1/invitations/:token': {
    params: { token: 'invitationToken' },
    own: 'all',
    other: [],
    note: 'own: a real invitation link; other: a forged one',
  },
  'POST /api/v1/invitations/:token/accept': {
    params: { token: 'invitationToken' },
    own: 'users',
    other: [],
    note: 'the link is the capability: whoever holds it may answer',
  },
  'POST /api/v1/invitations/:token/decline': { params: { token: 'invitationToken' }, own: 'all', other: [] },
  'POST /api/v1/events/:id/registrations': { params: { id: 'event' }, own: 'users', body: () => registrationBody },
  'GET /api/v1/me/registrations': { own: 'users' },
  'GET /api/v1/registrations/:id': { params: { id: 'registration' }, own: ['delegate', ...managers], other: S },
  'POST /api/v1/registrations/:id/sessions': {
    params: { id: 'registration' },
    own: ['delegate', ...managers],
    other: S,
    body: (i) => ({ sessionId: i.session }),
  },
  'DELETE /api/v1/registrations/:id/sessions/:sessionId': {
    params: { id: 'registration', sessionId: 'session' },
    own: ['delegate', ...managers],
    other: S,
  },
  'POST /api/v1/registrations/:id/cancel': {
    params: { id: 'registration' },
    own: ['delegate', ...managers],
    other: S,
    fresh: 'registration',
  },
  'GET /api/v1/events/:id/registrations': { params: { id: 'event' }, own: managers, other: S },
  'POST /api/v1/registrations/:id/decision': {
    params: { id: 'registration' },
    own: managers,
    other: S,
    body: () => ({ decision: 'approve' }),
  },
  'GET /api/v1/registrations/:id/badge.pdf': { params: { id: 'registration' }, own: ['delegate', ...managers], other: S },
  'GET /api/v1/events/:id/badges.pdf': { params: { id: 'event' }, own: managers, other: S },
  'GET /api/v1/registrations/:id/badge-token': { params: { id: 'registration' }, own: ['delegate', ...managers], other: S },
  'POST /api/v1/registrations/:id/badge/revoke': { params: { id: 'registration' }, own: managers, other: S, fresh: 'none' },
  'POST /api/v1/registrations/:id/badge/reissue': { params: { id: 'registration' }, own: managers, other: S },
  'POST /api/v1/events/:id/checkin': {
    params: { id: 'event' },
    own: managers,
    other: S,
    body: (i) => ({ registrationId: i.registration }),
  },
  'GET /api/v1/events/:id/checkin/search': { params: { id: 'event' }, own: managers, other: S, query: () => 'q=Matrix' },
  'GET /api/v1/registrations/:id/visa-letter.pdf': { params: { id: 'registration' }, own: ['delegate', ...managers], other: S },
  'GET /api/v1/visa-letters/:ref': {
    params: { ref: 'visaRef' },
    own: 'all',
    other: [],
    note: 'own: a real letter reference; other: an unknown one',
  },
  'GET /api/v1/events/:id/delegates': { params: { id: 'event' }, own: managers, other: S },
  'GET /api/v1/events/:id/managers': { params: { id: 'event' }, own: managers, other: S, note: 'a manager sees who else runs the event' },
  'POST /api/v1/events/:id/managers': {},
  'DELETE /api/v1/events/:id/managers/:userId': {},
  'DELETE /api/v1/events/:id/manager-invitations/:invitationId': {},
  'GET /api/v1/event-manager-invitations/:token': {
    params: { token: 'managerToken' },
    own: [],
    other: [],
    note: 'a forged token: nobody (the real link works only for the invited address, see grants.test.ts)',
  },
  'POST /api/v1/event-manager-invitations/:token/accept': {
    params: { token: 'managerToken' },
    own: [],
    other: [],
    note: 'a forged token: nobody',
  },
  'GET /api/v1/events/:id/figures': { params: { id: 'event' }, own: managers, other: S },
  'GET /api/v1/event-mail-templates': {},
  'PUT /api/v1/event-mail-templates/:key/:locale': {},

  // Calls and review: the applicant owns a draft submission; the reviewer is assigned to one entry and not to another.
  'GET /api/v1/calls': {},
  'GET /api/v1/calls/templates': {},
  'POST /api/v1/calls': {},
  'GET /api/v1/calls/:id': { params: { id: 'call' }, own: 'all', other: S, note: 'other: a call not yet published' },
  'PATCH /api/v1/calls/:id': {},
  'POST /api/v1/calls/:id/submissions': {
    params: { id: 'call' },
    own: 'users',
    other: [],
    body: () => ({ answers: {} }),
    note: 'other: a call not yet published',
  },
  'POST /api/v1/calls/:id/nominations': {
    params: { id: 'call' },
    own: ['contact', ...S],
    other: [],
    body: (i) => ({ organizationId: i.organization, name: 'Nominee', email: 'nominee@matrix.example' }),
    note: 'for org A (own) or org B (other); this call takes no nominations, so those who get past get a 409',
  },
  'GET /api/v1/my/submissions': { own: 'users' },
  'GET /api/v1/submissions/:id': { params: { id: 'submission' }, own: ['applicant', ...S], other: S },
  'PUT /api/v1/submissions/:id': {
    params: { id: 'submission' },
    own: ['applicant'],
    other: [],
    body: () => ({ answers: { title: { en: 'Matrix' } } }),
  },
  'POST /api/v1/submissions/:id/submit': { params: { id: 'submission' }, own: ['applicant'], other: [] },
  'POST /api/v1/submissions/:id/withdraw': { params: { id: 'submission' }, own: ['applicant'], other: [], fresh: 'none' },
  'POST /api/v1/submissions/:id/files': { params: { id: 'submission' }, own: ['applicant'], other: [], body: () => 'pdf' },
  'GET /api/v1/submissions/:id/files/:fileId': {
    params: { id: 'submission', fileId: 'submissionFile' },
    own: ['applicant', ...S],
    other: S,
  },
  'GET /api/v1/submissions/:id/feedback': {
    params: { id: 'submission' },
    own: ['applicant'],
    other: [],
    note: "the applicant's view; staff read the reviews elsewhere",
  },
  'GET /api/v1/calls/:id/submissions': {},
  'POST /api/v1/submissions/:id/screening': {},
  'POST /api/v1/calls/:id/auto-screen': {},
  'GET /api/v1/review/calls/:id/rubrics/:round': {},
  'PUT /api/v1/review/calls/:id/rubrics/:round': {},
  'GET /api/v1/review/calls/:id/reviewers': {},
  'POST /api/v1/review/calls/:id/reviewers': {},
  'DELETE /api/v1/review/calls/:id/reviewers/:reviewerId': {},
  'POST /api/v1/review/calls/:id/pairs': {},
  'POST /api/v1/review/calls/:id/assign': {},
  'GET /api/v1/review/calls/:id/assignments': {},
  'GET /api/v1/review/calls/:id/progress': {},
  'GET /api/v1/review/calls/:id/ranking': {},
  'POST /api/v1/review/calls/:id/selection-preview': {},
  'POST /api/v1/review/calls/:id/advance': {},
  'POST /api/v1/review/calls/:id/decisions': {},
  'POST /api/v1/review/calls/:id/reminders': {},
  'GET /api/v1/review/submissions/:id/reviews': {},
  'GET /api/v1/review/submissions/:id/discussion': { params: { id: 'reviewed' }, own: ['reviewer', ...S], other: S },
  'POST /api/v1/review/submissions/:id/discussion': {
    params: { id: 'reviewed' },
    own: ['reviewer', ...S],
    other: S,
    body: () => ({ body: 'Matrix note' }),
  },
  'GET /api/v1/review/invitations': { own: 'users' },
  'POST /api/v1/review/invitations/:id/respond': {
    params: { id: 'reviewerPlace' },
    own: ['reviewer'],
    other: [],
    body: () => ({ accept: true }),
  },
  'GET /api/v1/review/invitations/:id/submissions': { params: { id: 'reviewerPlace' }, own: ['reviewer'], other: [] },
  'POST /api/v1/review/invitations/:id/conflicts': {
    params: { id: 'reviewerPlace' },
    own: ['reviewer'],
    other: [],
    body: (i) => ({ submissionId: i.conflictEntry, reason: 'Matrix' }),
  },
  'GET /api/v1/review/assignments': { own: 'users' },
  'GET /api/v1/review/submissions/:id': { params: { id: 'reviewed' }, own: ['reviewer'], other: [] },
  'PUT /api/v1/review/submissions/:id/review': {
    params: { id: 'reviewed' },
    own: ['reviewer'],
    other: [],
    body: () => ({ scores: {}, submit: false }),
  },

  // Showcase and library: public reading, the secretariat publishes.
  'GET /api/v1/showcase': {},
  'GET /api/v1/showcase/facets': {},
  'GET /api/v1/showcase/entries/:id': {
    params: { id: 'showcaseEntry' },
    own: 'all',
    other: [],
    note: 'other: an entry not selected (never public)',
  },
  'GET /api/v1/showcase/booklet.pdf': {},
  'GET /api/v1/showcase/export.xlsx': {},
  'POST /api/v1/showcase/calls/:id/publish': {},
  'DELETE /api/v1/showcase/entries/:id': {},
  'GET /api/v1/library': {},
  'GET /api/v1/library/facets': {},
  'GET /api/v1/library/manage': {},
  'GET /api/v1/library/:id': { params: { id: 'publication' } },
  'POST /api/v1/library': {},
  'PUT /api/v1/library/:id': {},
  'DELETE /api/v1/library/:id': {},
  'PUT /api/v1/library/:id/files/:lang': {},
  'PUT /api/v1/library/:id/cover': {},
  'GET /api/v1/library/:id/cover': { params: { id: 'publication' }, own: 'all', other: 'all' },
  'GET /api/v1/library/:id/files/:lang': { params: { id: 'publication', lang: 'lang' }, own: 'all', other: 'all' },

  // Working groups: the member and the chair are in group G (own), not in group H (other).
  'GET /api/v1/groups': {},
  'GET /api/v1/groups/:id': { params: { id: 'group' } },
  'POST /api/v1/groups': {},
  'PUT /api/v1/groups/:id': { params: { id: 'group' }, own: editors, other: S, body: () => ({ mandate: { en: 'Matrix mandate' } }) },
  'GET /api/v1/groups/:id/members': { params: { id: 'group' }, own: insiders, other: S },
  'POST /api/v1/groups/:id/invitations': {
    params: { id: 'group' },
    own: editors,
    other: S,
    body: () => ({ email: `invitee-${Math.random().toString(36).slice(2)}@matrix.example` }),
  },
  'POST /api/v1/groups/:id/invitation/:answer': {
    params: { id: 'group', answer: 'decline' },
    own: 'users',
    note: "answers one's own invitation (none here: a 409, past access)",
  },
  'POST /api/v1/groups/:id/requests': {
    params: { id: 'group' },
    own: 'users',
    body: () => ({ message: 'Matrix' }),
    note: 'anyone may ask to join; members get a 409',
  },
  'POST /api/v1/groups/:id/members/:memberId/:decision': {
    params: { id: 'group', memberId: 'groupMember', decision: 'approve' },
    own: editors,
    other: S,
  },
  'PUT /api/v1/groups/:id/members/:memberId/role': {
    params: { id: 'group', memberId: 'groupMember' },
    own: editors,
    other: S,
    body: () => ({ role: 'member' }),
  },
  'DELETE /api/v1/groups/:id/members/:memberId': {
    params: { id: 'group', memberId: 'groupMember' },
    own: editors,
    other: S,
    fresh: 'groupMember',
    note: "removing someone else; leaving is one's own membership",
  },
  'GET /api/v1/groups/:id/workspace': { params: { id: 'group' }, own: insiders, other: S },
  'POST /api/v1/groups/:id/meetings': { params: { id: 'group' }, own: editors, other: S, body: () => meeting },
  'PUT /api/v1/groups/:id/meetings/:meetingId': {
    params: { id: 'group', meetingId: 'meeting' },
    own: editors,
    other: S,
    body: () => meeting,
  },
  'PUT /api/v1/groups/:id/meetings/:meetingId/minutes': {
    params: { id: 'group', meetingId: 'meeting' },
    own: editors,
    other: S,
    body: () => 'pdf',
  },
  'GET /api/v1/groups/:id/meetings/:meetingId/minutes': { params: { id: 'group', meetingId: 'meeting' }, own: insiders, other: S },
  'POST /api/v1/groups/:id/threads': { params: { id: 'group' }, own: insiders, other: S, body: () => ({ title: 'Matrix', body: 'Hello' }) },
  'GET /api/v1/groups/:id/threads/:threadId': { params: { id: 'group', threadId: 'thread' }, own: insiders, other: S },
  'POST /api/v1/groups/:id/threads/:threadId/posts': {
    params: { id: 'group', threadId: 'thread' },
    own: insiders,
    other: S,
    body: () => ({ body: 'Reply' }),
  },
  'POST /api/v1/groups/:id/documents': {
    params: { id: 'group' },
    own: editors,
    other: S,
    body: () => ({ kind: 'report', title: { en: 'Matrix doc' } }),
  },
  'POST /api/v1/documents': {},
  'GET /api/v1/documents/:id': { params: { id: 'document' }, own: insiders, other: S, note: 'drafts: the group only' },
  'GET /api/v1/documents/:id/versions/:versionId': { params: { id: 'document', versionId: 'version' }, own: insiders, other: S },
  'PUT /api/v1/documents/:id/title': { params: { id: 'document' }, own: editors, other: S, body: () => ({ title: { en: 'Matrix doc' } }) },
  'PUT /api/v1/documents/:id/versions/:versionId/text': {
    params: { id: 'document', versionId: 'version' },
    own: editors,
    other: S,
    body: (i) => ({ paragraphs: [{ key: i.paragraph, text: { en: 'Text' } }] }),
  },
  'PUT /api/v1/documents/:id/versions/:versionId/summary': {
    params: { id: 'document', versionId: 'version' },
    own: editors,
    other: S,
    body: () => ({ changeSummary: { en: 'Changes' } }),
  },
  'POST /api/v1/documents/:id/versions': { params: { id: 'document' }, own: editors, other: S, body: () => ({}) },
  'PUT /api/v1/documents/:id/versions/:versionId/status': {
    params: { id: 'document', versionId: 'version' },
    own: editors,
    other: S,
    body: () => ({ status: 'draft' }),
  },
  'GET /api/v1/documents/:id/diff': {
    params: { id: 'document' },
    own: insiders,
    other: S,
    query: (i) => `from=${i.version}&to=${i.version}&lang=en`,
  },
  'POST /api/v1/documents/:id/rounds': { params: { id: 'document' }, own: editors, other: S, body: () => ({ closesAt: futureIso }) },
  'POST /api/v1/documents/:id/rounds/:roundId/close': {
    params: { id: 'document', roundId: 'round' },
    own: editors,
    other: S,
    fresh: 'round',
  },
  'GET /api/v1/documents/:id/versions/:versionId/comments': { params: { id: 'document', versionId: 'version' }, own: insiders, other: S },
  'POST /api/v1/documents/:id/comments': {
    params: { id: 'document' },
    own: insiders,
    other: S,
    body: (i) => ({ paragraphKey: i.paragraph, body: 'Matrix comment' }),
  },
  'PUT /api/v1/documents/:id/comments/:commentId': {
    params: { id: 'document', commentId: 'comment' },
    own: editors,
    other: S,
    body: () => ({ status: 'accepted' }),
  },
  'GET /api/v1/documents/:id/endorsements': { params: { id: 'document' }, own: insiders, other: S },
  'POST /api/v1/documents/:id/endorsements': {
    params: { id: 'document' },
    own: insiders,
    other: S,
    body: () => ({}),
    note: 'a draft: insiders get a 409 (only final documents are endorsed)',
  },
  'DELETE /api/v1/documents/:id/endorsements/:endorsementId': {
    params: { id: 'finalDocument', endorsementId: 'endorsement' },
    own: ['contact'],
    other: [],
    note: "own: org A's endorsement (its contacts withdraw it); other: an individual's; staff do not withdraw for others",
  },
  'GET /api/v1/documents/:id/submissions': { params: { id: 'document' }, own: insiders, other: S },
  'POST /api/v1/documents/:id/submissions': {
    params: { id: 'document' },
    own: editors,
    other: S,
    body: () => ({ process: { en: 'Matrix process' }, submittedOn: '2026-01-01', partners: [] }),
  },
  'POST /api/v1/documents/:id/library': {
    params: { id: 'document' },
    own: editors,
    other: S,
    body: () => ({}),
    note: 'a draft: editors get a 409',
  },

  // Privacy, search, portal.
  'GET /api/v1/me/data': { own: 'users' },
  'GET /api/v1/admin/people/:id/data': {},
  'POST /api/v1/admin/people/:id/erase': {},
  'GET /api/v1/search': { query: () => 'q=internet' },
  'GET /api/v1/portal/page': { query: () => 'path=/' },
};

/**
 * The foreign-reference check (matrix.once.test.ts): for every route whose body
 * holds references (ref() in its schema), a caller who gets past the route's
 * access sends a body in which, one at a time, each reference points at a
 * record they have no right to use (the world's `foreign` record of that kind
 * for them, or an id that matches nothing). The answer must be 404
 * reference_not_found naming that field, and no table may change. A route with
 * references and no case here, or a case that leaves one of the route's
 * reference fields out, fails the test.
 */
export interface ReferenceCase {
  who: MatrixRole;
  /** Path parameter → world key of the caller's own copy. */
  params?: Record<string, string>;
  /** A body filling every reference of the route with the caller's own (usable) records. */
  body: (ids: Ids) => Record<string, unknown>;
}

const authors = (ids: Ids) => [
  { kind: 'group', refId: ids.group, name: { en: 'Group' } },
  { kind: 'organization', refId: ids.organization, name: { en: 'Organization' } },
  { kind: 'person', refId: ids.person, name: { en: 'Person' } },
];
const publication = (ids: Ids) => ({
  kind: 'report',
  year: 2026,
  title: { en: 'Matrix report' },
  supersedesId: ids.publication,
  authors: authors(ids),
});
const sessionWithRefs = (ids: Ids) => ({ ...session, roomId: ids.room, people: [{ personId: ids.person, role: 'speaker' }] });
const meetingAt = (ids: Ids) => ({ ...meeting, eventId: ids.shownEvent });

export const referenceCases: Record<string, ReferenceCase> = {
  'POST /api/v1/directory/people': {
    who: 'secretariat',
    body: (i) => ({ name: 'Matrix Person', affiliations: [{ organizationId: i.organization }] }),
  },
  'PUT /api/v1/directory/people/:id': {
    who: 'secretariat',
    params: { id: 'person' },
    body: (i) => ({ name: 'Matrix Person', affiliations: [{ organizationId: i.organization }] }),
  },
  'POST /api/v1/membership/applications/:id/approve': {
    who: 'secretariat',
    params: { id: 'application' },
    body: (i) => ({ organizationId: i.organization }),
  },
  'POST /api/v1/events': { who: 'secretariat', body: (i) => ({ ...eventBody('matrix-ref-forum'), seriesId: i.series }) },
  'PUT /api/v1/events/:id': { who: 'manager', params: { id: 'event' }, body: (i) => ({ ...eventBody(i.eventSlug), seriesId: i.series }) },
  'POST /api/v1/events/:id/sessions': { who: 'manager', params: { id: 'event' }, body: sessionWithRefs },
  'PUT /api/v1/sessions/:id': { who: 'manager', params: { id: 'session' }, body: sessionWithRefs },
  'POST /api/v1/events/:id/invitations': {
    who: 'manager',
    params: { id: 'event' },
    body: (i) => ({ email: 'ref-guest@matrix.example', name: 'Guest', category: 'delegate', channelId: i.channel, personId: i.person }),
  },
  'POST /api/v1/events/:id/registrations': {
    who: 'applicant',
    params: { id: 'event' },
    body: (i) => ({ ...registrationBody, sessions: [i.session] }),
  },
  'POST /api/v1/registrations/:id/sessions': { who: 'delegate', params: { id: 'registration' }, body: (i) => ({ sessionId: i.session }) },
  'POST /api/v1/events/:id/checkin': {
    who: 'manager',
    params: { id: 'event' },
    body: (i) => ({ registrationId: i.registration, sessionId: i.session }),
  },
  'POST /api/v1/calls/:id/submissions': {
    who: 'contact',
    params: { id: 'call' },
    body: (i) => ({ answers: {}, organizationId: i.organization }),
  },
  'POST /api/v1/calls/:id/nominations': {
    who: 'contact',
    params: { id: 'call' },
    body: (i) => ({ organizationId: i.organization, name: 'Nominee', email: 'ref-nominee@matrix.example' }),
  },
  'PUT /api/v1/submissions/:id': {
    who: 'applicant',
    params: { id: 'submission' },
    body: (i) => ({ answers: { attachment: i.submissionFile }, organizationId: i.applicantOrganization }),
  },
  'POST /api/v1/review/calls/:id/reviewers': {
    who: 'secretariat',
    params: { id: 'call' },
    body: (i) => ({ round: 1, reviewers: [{ personId: i.person }] }),
  },
  'POST /api/v1/review/calls/:id/pairs': {
    who: 'secretariat',
    params: { id: 'call' },
    body: (i) => ({ submissionId: i.submission, reviewerId: i.reviewerPlace, action: 'pin' }),
  },
  'POST /api/v1/review/calls/:id/decisions': {
    who: 'secretariat',
    params: { id: 'call' },
    body: (i) => ({ decisions: [{ submissionId: i.submission, decision: 'selected' }], notify: false }),
  },
  'POST /api/v1/review/invitations/:id/conflicts': {
    who: 'reviewer',
    params: { id: 'reviewerPlace' },
    body: (i) => ({ submissionId: i.conflictEntry, reason: 'Matrix' }),
  },
  'POST /api/v1/showcase/calls/:id/publish': {
    who: 'secretariat',
    params: { id: 'call' },
    body: (i) => ({ submissionIds: [i.submission] }),
  },
  'POST /api/v1/library': { who: 'secretariat', body: publication },
  'PUT /api/v1/library/:id': { who: 'secretariat', params: { id: 'publication' }, body: publication },
  'POST /api/v1/groups': {
    who: 'secretariat',
    body: (i) => ({ slug: 'matrix-ref-group', name: { en: 'Matrix group' }, liaisonUserId: i.user }),
  },
  'PUT /api/v1/groups/:id': { who: 'chair', params: { id: 'group' }, body: (i) => ({ liaisonUserId: i.user }) },
  'POST /api/v1/groups/:id/invitations': {
    who: 'chair',
    params: { id: 'group' },
    body: (i) => ({ email: 'ref-invitee@matrix.example', organizationId: i.organization }),
  },
  'POST /api/v1/groups/:id/requests': { who: 'contact', params: { id: 'group' }, body: (i) => ({ organizationId: i.organization }) },
  'POST /api/v1/groups/:id/meetings': { who: 'chair', params: { id: 'group' }, body: meetingAt },
  'PUT /api/v1/groups/:id/meetings/:meetingId': { who: 'chair', params: { id: 'group', meetingId: 'meeting' }, body: meetingAt },
  'POST /api/v1/documents/:id/endorsements': {
    who: 'contact',
    params: { id: 'finalDocument' },
    body: (i) => ({ organizationId: i.organization }),
  },
  'POST /api/v1/documents/:id/submissions': {
    who: 'chair',
    params: { id: 'document' },
    body: (i) => ({ process: { en: 'Matrix process' }, submittedOn: '2026-01-01', partners: [{ organizationId: i.organization }] }),
  },
};
