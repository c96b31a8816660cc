import type { Rule, ReferenceCase, Ids } from '../../platform/auth/matrix.js';

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

/** Who gets past each route of this feature (see platform/auth/matrix.ts). Library: public reading, the secretariat publishes. */
export const accessRules: Record<string, Rule> = {
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
};

/** Bodies that fill every reference of a route with the caller's own records (see matrix.test.ts). */
export const referenceCases: Record<string, ReferenceCase> = {
  'POST /api/v1/library': { who: 'secretariat', body: publication },
  'PUT /api/v1/library/:id': { who: 'secretariat', params: { id: 'publication' }, body: publication },
};
