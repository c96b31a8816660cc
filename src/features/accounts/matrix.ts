import type { Rule } from '../../platform/auth/matrix.js';

/** Who gets past each route of this feature (see platform/auth/matrix.ts). Accounts: everyone acts on their own account only. */
export const accessRules: Record<string, Rule> = {
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
};
