import { type Rule, staff } from '../../platform/auth/matrix.js';

/** Who gets past each route of this feature (see platform/auth/matrix.ts). The platform's logs: administrators and the secretariat. */
export const accessRules: Record<string, Rule> = {
  'GET /api/v1/admin/overview': {
    own: ['reviewer', 'manager', ...staff],
    note: 'The staff area: the secretariat, reviewers and event managers; every other account is refused (403).',
  },
  'GET /api/v1/admin/outbox': {},
  'GET /api/v1/admin/audit': {},
};
