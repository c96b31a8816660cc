import { eq } from 'drizzle-orm';
import { hasScope, isStaff, type Actor } from '../../platform/auth/access.js';
import { applicationMessages } from './model.js';

/** Who may do what beyond the route's access (membershipApi in contract.ts): owner, contact of this organization. */

export const contactRole = 'org_contact';

/** The applicant and the secretariat read an application; no one else learns it exists. */
export const canReadApplication = (actor: Actor | null, app: { applicantUserId: string }) =>
  !!actor && (isStaff(actor) || app.applicantUserId === actor.userId);

/** Only the applicant edits, submits or withdraws their application. */
export const isApplicant = (actor: Actor | null, app: { applicantUserId: string }) => !!actor && app.applicantUserId === actor.userId;

/** Internal comments and the applicant's address are for the secretariat only. */
export const seesInternal = (actor: Actor | null) => isStaff(actor);

/** The part of an application's thread its applicant reads (the thread view, "download my data"): all but internal comments. */
export const applicantThread = () => eq(applicationMessages.internal, false);

/** A member's contacts (or the individual member) keep its profile; the secretariat may too. */
export const canManageMembership = (actor: Actor | null, m: { organizationId: string | null; personUserId: string | null }) =>
  !!actor &&
  (isStaff(actor) ||
    (!!m.organizationId && hasScope(actor, contactRole, 'organization', m.organizationId)) ||
    (!!m.personUserId && m.personUserId === actor.userId));
