import type { Rule, ReferenceCase } from '../../platform/auth/matrix.js';

/** Who gets past each route of this feature (see platform/auth/matrix.ts). Directory: the secretariat's. */
export const accessRules: Record<string, Rule> = {
  'GET /api/v1/countries': {},
  'GET /api/v1/directory/organizations': {},
  'POST /api/v1/directory/organizations': {},
  'GET /api/v1/directory/organizations/:id': {},
  'GET /api/v1/directory/organizations/:id/record': {},
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
};

/** Bodies that fill every reference of a route with the caller's own records (see matrix.test.ts). */
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
};
