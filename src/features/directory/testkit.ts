import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/index.js';
import { affiliations, people } from './model.js';

/** Builders of directory entries for other features' tests, and what those tests check of them. */

/** A directory person, linked to an account, optionally affiliated with an organization (as staff would have entered them). */
export async function makePerson(db: DbOrTx, input: { name: string; email: string; userId: string; affiliatedWith?: string }) {
  const [p] = await db.insert(people).values({ name: input.name, email: input.email, userId: input.userId }).returning({ id: people.id });
  if (input.affiliatedWith) await db.insert(affiliations).values({ personId: p.id, organizationId: input.affiliatedWith });
  return p.id;
}

/** A person's affiliations with an organization. */
export async function affiliationsBetween(db: DbOrTx, personId: string, organizationId: string) {
  return db
    .select()
    .from(affiliations)
    .where(and(eq(affiliations.personId, personId), eq(affiliations.organizationId, organizationId)));
}
