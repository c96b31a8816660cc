import { eq, or, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/access.js';
import { audit } from '../../platform/audit/index.js';
import type { Db, DbOrTx } from '../../platform/db/index.js';
import { notFound } from '../../platform/http/errors.js';
import type { Ctx, DataSubject, Feature } from '../../platform/http/types.js';
import { users } from '../accounts/model.js';
import { people } from '../directory/model.js';

/** The account and directory entry that belong to one person (linked by user id or e-mail). */
export async function subjectOfUser(db: DbOrTx, userId: string): Promise<DataSubject> {
  const [u] = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, userId));
  if (!u) throw notFound();
  const [p] = await db
    .select({ id: people.id })
    .from(people)
    .where(or(eq(people.userId, u.id), eq(people.email, u.email)))
    .limit(1);
  return { userId: u.id, personId: p?.id ?? null, email: u.email };
}

export async function subjectOfPerson(db: DbOrTx, personId: string): Promise<DataSubject> {
  const [p] = await db.select({ id: people.id, userId: people.userId, email: people.email }).from(people).where(eq(people.id, personId));
  if (!p) throw notFound();
  let userId = p.userId;
  if (!userId && p.email) userId = (await db.select({ id: users.id }).from(users).where(eq(users.email, p.email)))[0]?.id ?? null;
  return { userId, personId: p.id, email: p.email };
}

/** Everything held about a person, feature by feature, as one JSON document. */
export async function exportPersonalData(ctx: Ctx, features: Feature[], subject: DataSubject) {
  const out: Record<string, unknown> = { exportedAt: new Date().toISOString(), subject };
  for (const f of features) if (f.personalData) out[f.name] = await f.personalData(ctx, subject);
  return out;
}

/**
 * Erases a person: every feature removes or pseudonymizes its personal fields,
 * keeping what aggregate figures need (country, stakeholder group, counts).
 * One transaction: all of it or none. The audit log records the erasure.
 */
export async function erasePerson(db: Db, features: Feature[], actor: Actor, subject: DataSubject) {
  await db.transaction(async (tx) => {
    for (const f of features) await f.erase?.(tx, subject);
    // The audit trail keeps who did what, but no longer names the person.
    if (subject.userId) await tx.execute(sql`update audit_log set actor_email = null where actor_id = ${subject.userId}`);
    await audit(tx, {
      actor,
      action: 'privacy.erase',
      entity: subject.personId ? 'person' : 'user',
      entityId: subject.personId ?? subject.userId,
      after: { userId: subject.userId, personId: subject.personId },
    });
  });
}
