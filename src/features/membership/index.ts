import type { Feature } from '../../platform/http/types.js';
import { seedMembershipDemo } from './demo.js';
import { isMember, memberSearchDocs, runRenewals } from './members.js';
import { eraseMembershipData, membershipPersonalData } from './privacy.js';
import { membershipRoutes } from './routes.js';

export const renewalJob = 'membership.renewals';

export const membership: Feature = {
  name: 'membership',
  routes: membershipRoutes,
  async init(ctx) {
    ctx.membership.isMember = (actor, db) => isMember(db ?? ctx.db, actor);
  },
  jobs(runner, ctx) {
    // Reminders before renewal, then grace, then lapse; every six hours is plenty for day-granular dates.
    runner.register(renewalJob, async (_payload, { now }) => void (await runRenewals(ctx.db, ctx.config.publicUrl, now)), 6 * 3600e3);
  },
  seedDemo: seedMembershipDemo,
  searchDocs: (ctx) => memberSearchDocs(ctx.db),
  personalData: (ctx, s) => membershipPersonalData(ctx.db, s),
  erase: (tx, s) => eraseMembershipData(tx, s),
};

/** For other features: goals and figures of their own populations ("international, broad, diverse"). */
export {
  breakdown,
  evaluateGoal,
  evaluateGoals,
  dimensions,
  goalRules,
  type Goal,
  type GoalResult,
  type PopulationRow,
} from './representation.js';
export { goalsFor } from './dashboard.js';
export { reindexMembers } from './members.js';
