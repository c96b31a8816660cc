import type { Rule, ReferenceCase } from '../../platform/auth/matrix.js';

/** Who gets past each route of this feature (see platform/auth/matrix.ts). Showcase: public reading, the secretariat publishes. */
export const accessRules: Record<string, Rule> = {
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
};

/** Bodies that fill every reference of a route with the caller's own records (see matrix.test.ts). */
export const referenceCases: Record<string, ReferenceCase> = {
  'POST /api/v1/showcase/calls/:id/publish': {
    who: 'secretariat',
    params: { id: 'call' },
    body: (i) => ({ submissionIds: [i.submission] }),
  },
};
