import { notFound } from '../http/errors.js';
import type { Actor } from './access.js';

/**
 * A record's presentations, one per audience (public, owner, member, staff, …),
 * and the access decision that picks one. Routes call the result; they never
 * choose a presentation themselves, so a new route cannot hand the staff view
 * to someone else. No audience: not found.
 */
export function presenter<Row, A extends string, Views extends Record<A, (row: Row) => unknown>>(
  decide: (actor: Actor | null, row: Row) => A | null,
  views: Views,
) {
  return (actor: Actor | null, row: Row): ReturnType<Views[A]> => {
    const audience = decide(actor, row);
    if (!audience) throw notFound();
    return views[audience](row) as ReturnType<Views[A]>;
  };
}
