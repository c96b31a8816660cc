import type { Rule } from '../../platform/auth/matrix.js';

/** Who gets past each route of this feature (see platform/auth/matrix.ts). Privacy: everyone downloads their own data; the secretariat erases. */
export const accessRules: Record<string, Rule> = {
  // Privacy, search, portal.
  'GET /api/v1/me/data': { own: 'users' },
  'GET /api/v1/admin/people/:id/data': {},
  'POST /api/v1/admin/people/:id/erase': {},
};
