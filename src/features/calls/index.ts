import type { Feature } from '../../platform/http/types.js';
import { seedCallsDemo } from './demo.js';
import { callsPersonalData, eraseCallsData } from './privacy.js';
import { callsRoutes } from './routes.js';

export const calls: Feature = {
  name: 'calls',
  routes: callsRoutes,
  seedDemo: seedCallsDemo,
  personalData: (ctx, s) => callsPersonalData(ctx.db, s),
  erase: (tx, s) => eraseCallsData(tx, s),
};

// For the review of the calls' submissions (the review depends on the calls, never the other way).
export { callMail } from './mails.js';
export type { Decision } from './model.js';
export { releasedDecision } from './policy.js';
export {
  carryRubric,
  getCall,
  getOwn,
  getRubric,
  getSubmission,
  submissionCalls,
  submissionFile,
  type CallRow,
  type SubmissionRow,
} from './service.js';
