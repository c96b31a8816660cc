import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/index.js';
import { people } from './model.js';

/** A person's account link and e-mail address, or null when there is no such person. */
export async function personContact(db: DbOrTx, personId: string) {
  const [p] = await db.select({ id: people.id, userId: people.userId, email: people.email }).from(people).where(eq(people.id, personId));
  return p ?? null;
}
