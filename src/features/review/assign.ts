/**
 * The one door from the review to the assignment solver
 * (src/platform/assignment/solver.ts). The review service builds a plain
 * instance from the database and hands it here.
 */
import {
  AssignmentInfeasibleError,
  solveAssignment,
  type AssignmentInstance,
  type AssignmentResult,
} from '../../platform/assignment/solver.js';
import { fail } from '../../platform/http/errors.js';
import { reviewErrors } from './contract.js';

export type { AssignmentInstance, AssignmentResult };

/** Runs the solver; an infeasible instance becomes a 409 naming the shortfall. */
export function runAssignment(instance: AssignmentInstance, names: (submissionId: string) => string = (s) => s): AssignmentResult {
  try {
    return solveAssignment(instance);
  } catch (err) {
    if (err instanceof AssignmentInfeasibleError) {
      const shortfall = err.shortfall.map((x) => ({ submission: x.submission, code: names(x.submission), missing: x.missing }));
      throw fail(
        reviewErrors,
        'assignment_infeasible',
        `Not enough reviewers: ${shortfall.map((x) => `${x.code} lacks ${x.missing}`).join(', ')}. Add reviewers to the pool or raise their load limits.`,
        { extra: { shortfall } },
      );
    }
    // The solver refuses an instance it cannot read (e.g. pins beyond a load limit): a 409 that says why.
    if (err instanceof Error && 'code' in err) throw fail(reviewErrors, 'assignment_invalid', err.message);
    throw err;
  }
}

/** Expertise affinity: how many of the reviewer's tags the submission's category and keywords name. */
export function affinityOf(expertise: string[], topics: string[]) {
  const t = new Set(topics.map((x) => x.trim().toLowerCase()).filter(Boolean));
  return expertise.reduce((n, e) => n + (t.has(e.trim().toLowerCase()) ? 1 : 0), 0);
}
