import type { Feature } from '../../platform/http/types.js';
import { accountReferences } from './references.js';
import { accountRoutes } from './routes.js';
import { accountPersonalData, eraseAccount } from './service.js';

export const accounts: Feature = {
  name: 'accounts',
  references: accountReferences,
  routes: accountRoutes,
  personalData: (ctx, s) => accountPersonalData(ctx.db, s.userId),
  erase: (tx, s) => eraseAccount(tx, s.userId),
};
export { sessionCookie } from './routes.js';
export {
  ensureUser,
  grantRole,
  hasRole,
  loadActorBySession,
  normalizeEmail,
  revokeRole,
  sendLoginLink,
  sha256,
  type User,
  userByEmail,
  userById,
  usersWithScope,
} from './service.js';
