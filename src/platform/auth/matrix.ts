/**
 * The authorization matrix: for every API route, who gets past access on a
 * resource that is theirs ("own") and on one that is someone else's ("other").
 * matrix.once.test.ts builds a world where each role owns something, substitutes
 * the ids into each route and checks every answer against this table. A route
 * without an entry, or an entry without a route, fails the test.
 *
 * "Past access" means any answer but 401, 403 and 404 (404 is how a feature
 * says "not found or no access"); a 400 for the minimal body still counts as
 * past. Routes limited to global roles are checked before anything else, so
 * there only 401 and 403 mean "refused", and their ids are unknown ones (the
 * role decides, not the resource; and no real record is deleted by the walk).
 */

export const matrixRoles = [
  'anon',
  'applicant',
  'contact',
  'individual',
  'delegate',
  'reviewer',
  'member',
  'invitee',
  'chair',
  'cochair',
  'manager',
  'secretariat',
  'admin',
] as const;
export type MatrixRole = (typeof matrixRoles)[number];

/** Every resource the world holds in two copies: one the role users own or run, one they do not. */
export type Ids = Record<string, string>;

/** Who gets past: a list of roles, or everyone / every signed-in role. */
export type Who = readonly MatrixRole[] | 'all' | 'users';

export interface Rule {
  /** Path parameter → world resource key (the own and other copies are substituted in turn). */
  params?: Record<string, string>;
  own?: Who;
  /** Defaults to `own` when the route has no resource of its own. */
  other?: Who;
  body?: (ids: Ids) => unknown;
  query?: (ids: Ids) => string;
  /**
   * The request uses its resource up (deletes, cancels, closes, signs out): it runs after every other
   * route, and each caller expected to get past gets a new copy made by matrix.once.test.ts's fresh()
   * ('none': only run last; 'signin': the caller goes on with a new session afterwards).
   */
  fresh?: string;
  /** Why the expectation is what it is, where that is not obvious. */
  note?: string;
}

export const staff = ['secretariat', 'admin'] as const;
export const S = [...staff];
export const managers: MatrixRole[] = ['manager', ...staff];
/** A co-chair runs the group as its chair does (in the demo, Emily Carter co-chairs G, the data group). */
export const insiders: MatrixRole[] = ['member', 'chair', 'cochair', ...staff];
export const editors: MatrixRole[] = ['chair', 'cochair', ...staff];
/**
 * Who counts as a member: the contact of member org A, an individual member, and the chair (in the demo,
 * affiliated with member org bj-data). The invitee is invited to group G and has not answered: an outsider still.
 */
export const memberPeople: MatrixRole[] = ['contact', 'individual', 'chair', ...staff];

/**
 * The foreign-reference check (matrix.once.test.ts): for every route whose body
 * holds references (ref() in its schema), a caller who gets past the route's
 * access sends a body in which, one at a time, each reference points at a
 * record they have no right to use (the world's `foreign` record of that kind
 * for them, or an id that matches nothing). The answer must be 404
 * reference_not_found naming that field, and no table may change. A route with
 * references and no case here, or a case that leaves one of the route's
 * reference fields out, fails the test.
 */
export interface ReferenceCase {
  who: MatrixRole;
  /** Path parameter → world key of the caller's own copy. */
  params?: Record<string, string>;
  /** A body filling every reference of the route with the caller's own (usable) records. */
  body: (ids: Ids) => Record<string, unknown>;
}
