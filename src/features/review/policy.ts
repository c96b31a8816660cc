import type { Access } from '../../platform/auth/access.js';

/**
 * Staff run the review; reviewers act through 'user' routes, and the service
 * checks each time that the actor holds an accepted, assigned, non-conflicted
 * place (otherwise: 404, so a conflicted reviewer cannot tell the entry exists).
 */
export const reviewAccess: Record<'staff' | 'reviewer', Access> = { staff: ['secretariat'], reviewer: 'user' };
