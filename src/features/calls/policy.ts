import type { Actor } from '../../platform/auth/access.js';
import { hasScope, isStaff } from '../../platform/auth/access.js';
import type { SubmissionRow } from './service.js';

/**
 * The decision as its applicant may know it: once staff sent it (decidedAt is
 * set when the decision is mailed). Every path that shows a submission to its
 * applicant uses this: the submission view, the feedback, "download my data".
 */
export const releasedDecision = (s: Pick<SubmissionRow, 'decision' | 'decidedAt'>) => (s.decidedAt ? s.decision : null);

/** Who looks at a submission: staff, its applicant (or the person a nomination is addressed to), or a contact of the organization that nominated the person. */
export type SubmissionAudience = 'staff' | 'applicant' | 'nominator';

export function submissionAudience(
  actor: Actor | null,
  s: Pick<SubmissionRow, 'applicantId' | 'nominatedByOrg' | 'nomineeEmail'>,
): SubmissionAudience | null {
  if (!actor) return null;
  if (isStaff(actor)) return 'staff';
  if (s.applicantId === actor.userId || (!s.applicantId && !!s.nomineeEmail && s.nomineeEmail === actor.email.toLowerCase()))
    return 'applicant';
  if (s.nominatedByOrg && hasScope(actor, 'org_contact', 'organization', s.nominatedByOrg)) return 'nominator';
  return null;
}
