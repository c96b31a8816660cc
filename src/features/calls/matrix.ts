import { S, type Rule, type ReferenceCase } from '../../platform/auth/matrix.js';

/** Who gets past each route of this feature (see platform/auth/matrix.ts). Calls: the applicant owns a draft submission. */
export const accessRules: Record<string, Rule> = {
  'GET /api/v1/calls': {},
  'GET /api/v1/calls/templates': {},
  'POST /api/v1/calls': {},
  'GET /api/v1/calls/:id': { params: { id: 'call' }, own: 'all', other: S, note: 'other: a call not yet published' },
  'PATCH /api/v1/calls/:id': {},
  'GET /api/v1/review/calls/:id/rubrics/:round': {},
  'PUT /api/v1/review/calls/:id/rubrics/:round': {},
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
  'GET /api/v1/calls/:id/submissions': {},
  'POST /api/v1/submissions/:id/screening': {},
  'POST /api/v1/calls/:id/submissions/bulk/screening': {},
  'POST /api/v1/calls/:id/auto-screen': {},
};

/** Bodies that fill every reference of a route with the caller's own records (see matrix.test.ts). */
export const referenceCases: Record<string, ReferenceCase> = {
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
  'POST /api/v1/calls/:id/submissions/bulk/screening': {
    who: 'secretariat',
    params: { id: 'call' },
    body: (i) => ({ selection: { ids: [i.reviewed] }, result: 'passed' }),
  },
};
