import { S, type Rule, type ReferenceCase } from '../../platform/auth/matrix.js';

/** Who gets past each route of this feature (see platform/auth/matrix.ts). Review: the reviewer is assigned to one entry and not to another. */
export const accessRules: Record<string, Rule> = {
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
};

/** Bodies that fill every reference of a route with the caller's own records (see matrix.test.ts). */
export const referenceCases: Record<string, ReferenceCase> = {
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
};
