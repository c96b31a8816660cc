import type { Rule } from '../../platform/auth/matrix.js';

/** Who gets past each route of this feature (see platform/auth/matrix.ts). Search: everyone, each seeing what they may. */
export const accessRules: Record<string, Rule> = {
  'GET /api/v1/search': { query: () => 'q=internet' },
};
