import { eq, or } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/index.js';
import { people } from './model.js';

/** The directory entry of an account: the one linked to it, else one with the same e-mail address. */
export async function personOfAccount(db: DbOrTx, account: { id: string; email: string }) {
  const [p] = await db
    .select({ id: people.id })
    .from(people)
    .where(or(eq(people.userId, account.id), eq(people.email, account.email)))
    .limit(1);
  return p?.id ?? null;
}

/** A person's account link and e-mail address, or null when there is no such person. */
export async function personContact(db: DbOrTx, personId: string) {
  const [p] = await db.select({ id: people.id, userId: people.userId, email: people.email }).from(people).where(eq(people.id, personId));
  return p ?? null;
}
