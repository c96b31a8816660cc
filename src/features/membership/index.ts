import type { Feature } from '../../platform/http/types.js';
import { seedMembershipDemo } from './demo.js';
import { isMember, memberFigures, memberSearchDocs, runRenewals } from './members.js';
import { eraseMembershipData, membershipPersonalData } from './privacy.js';
import { membershipReferences } from './references.js';
import { membershipRoutes } from './routes.js';
import { membershipPages } from './contract.js';

export const renewalJob = 'membership.renewals';

export const membership: Feature = {
  name: 'membership',
  pages: membershipPages,
  figures: (ctx) => memberFigures(ctx.db),
  routes: membershipRoutes,
  references: membershipReferences,
  async init(ctx) {
    ctx.membership.isMember = (actor, db) => isMember(db ?? ctx.db, actor);
  },
  jobs(runner, ctx) {
    // Reminders before renewal, then grace, then lapse; every six hours is plenty for day-granular dates.
    runner.register(renewalJob, async (_payload, { now }) => void (await runRenewals(ctx.db, now)), 6 * 3600e3);
  },
  seedDemo: seedMembershipDemo,
  searchDocs: (ctx) => memberSearchDocs(ctx.db),
  personalData: (ctx, s) => membershipPersonalData(ctx.db, s),
  erase: (tx, s) => eraseMembershipData(tx, s),
};

/**
 * For other features: the counts of a population by one dimension (continent,
 * country, stakeholder group, gender…), with shares, as the membership
 * dashboard shows them; e.g. an event's delegates.
 */
export { breakdown, type Bucket, type PopulationRow } from './representation.js';

/** For the staff overview: the members figures (their one definition) and the applications waiting for a decision. */
export { memberFigures } from './members.js';
export { applicationsAwaitingDecision } from './service.js';
