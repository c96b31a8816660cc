import type { Access, Actor } from '../../platform/auth/access.js';
import { isStaff } from '../../platform/auth/access.js';
import type { SubmissionRow } from './service.js';

/** Route-level access of the calls engine; finer rules below and in the services (owner, nominee, reviewer assignment). */
export const callsAccess: Record<'browse' | 'staff' | 'apply', Access> = {
  browse: 'public',
  staff: ['secretariat'],
  apply: 'user',
};

/** Applicants see their own submissions; staff see all. Everyone else: not found. */
export const canSeeAsApplicant = (actor: Actor, s: Pick<SubmissionRow, 'applicantId'>) => s.applicantId === actor.userId;
export { isStaff };
