import { S, insiders, editors, type Rule, type ReferenceCase, type Ids } from '../../platform/auth/matrix.js';

const meeting = {
  title: { en: 'Matrix meeting' },
  startsAt: '2030-01-01T10:00:00Z',
  durationMinutes: 60,
  timezone: 'UTC',
  mode: 'online',
  link: 'https://meet.matrix.example/x',
};
const meetingAt = (ids: Ids) => ({ ...meeting, eventId: ids.shownEvent });

/** Who gets past each route of this feature (see platform/auth/matrix.ts). Working groups: the member and the chair are in group G (own), not in group H (other). */
export const accessRules: Record<string, Rule> = {
  'GET /api/v1/groups': {},
  'GET /api/v1/groups/:id': { params: { id: 'group' } },
  'POST /api/v1/groups': {},
  'PUT /api/v1/groups/:id': { params: { id: 'group' }, own: editors, other: S, body: () => ({ mandate: { en: 'Matrix mandate' } }) },
  'GET /api/v1/organizations/:id/group-memberships': {},
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
  'POST /api/v1/documents/:id/rounds': {
    params: { id: 'document' },
    own: editors,
    other: S,
    body: () => ({ closesAt: '2030-01-01T10:00:00Z' }),
  },
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
};

/** Bodies that fill every reference of a route with the caller's own records (see matrix.test.ts). */
export const referenceCases: Record<string, ReferenceCase> = {
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
