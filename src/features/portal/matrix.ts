import type { Rule } from '../../platform/auth/matrix.js';

/** Who gets past each route of this feature (see platform/auth/matrix.ts). Portal: the public pages. */
export const accessRules: Record<string, Rule> = {
  'GET /api/v1/portal/page': { query: () => 'path=/' },
};
