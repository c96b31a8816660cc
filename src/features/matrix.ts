/**
 * The expected access of every feature's routes and the reference cases, each
 * declared beside its routes in the feature's matrix.ts; platform/auth/matrix.test.ts checks them all.
 */
import * as accounts from './accounts/matrix.js';
import * as admin from './admin/matrix.js';
import * as directory from './directory/matrix.js';
import * as membership from './membership/matrix.js';
import * as events from './events/matrix.js';
import * as calls from './calls/matrix.js';
import * as review from './review/matrix.js';
import * as showcase from './showcase/matrix.js';
import * as library from './library/matrix.js';
import * as groups from './groups/matrix.js';
import * as privacy from './privacy/matrix.js';
import * as search from './search/matrix.js';
import * as portal from './portal/matrix.js';

export const accessRules = {
  ...accounts.accessRules,
  ...admin.accessRules,
  ...directory.accessRules,
  ...membership.accessRules,
  ...events.accessRules,
  ...calls.accessRules,
  ...review.accessRules,
  ...showcase.accessRules,
  ...library.accessRules,
  ...groups.accessRules,
  ...privacy.accessRules,
  ...search.accessRules,
  ...portal.accessRules,
};

export const referenceCases = {
  ...directory.referenceCases,
  ...membership.referenceCases,
  ...events.referenceCases,
  ...calls.referenceCases,
  ...review.referenceCases,
  ...showcase.referenceCases,
  ...library.referenceCases,
  ...groups.referenceCases,
};
