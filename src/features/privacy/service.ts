import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/access.js';
import { audit } from '../../platform/audit/index.js';
import type { Db, DbOrTx } from '../../platform/db/index.js';
import { notFound } from '../../platform/http/errors.js';
import type { Ctx, DataSubject, Feature } from '../../platform/http/types.js';
import { accountContact, accountIdByEmail } from '../accounts/index.js';
import { personContact, personOfAccount } from '../directory/index.js';

/** The account and directory entry that belong to one person (linked by user id or e-mail). */
export async function subjectOfUser(db: DbOrTx, userId: string): Promise<DataSubject> {
  const u = await accountContact(db, userId);
  if (!u) throw notFound();
  return { userId: u.id, personId: (await personOfAccount(db, u.id, u.email))?.id ?? null, email: u.email };
}

export async function subjectOfPerson(db: DbOrTx, personId: string): Promise<DataSubject> {
  const p = await personContact(db, personId);
  if (!p) throw notFound();
  const userId = p.userId ?? (p.email ? await accountIdByEmail(db, p.email) : null);
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

// What the routes call.

/** An export as a JSON file to download. */
const asFile = (data: unknown, name: string) => ({ mime: 'application/json', name, data: JSON.stringify(data) });

export async function myData(ctx: Ctx, features: Feature[], actor: Actor) {
  return asFile(await exportPersonalData(ctx, features, await subjectOfUser(ctx.db, actor.userId)), 'my-data.json');
}

export async function personData(ctx: Ctx, features: Feature[], personId: string) {
  return asFile(await exportPersonalData(ctx, features, await subjectOfPerson(ctx.db, personId)), `person-${personId}.json`);
}

export async function erasePersonById(db: Db, features: Feature[], actor: Actor, personId: string) {
  await erasePerson(db, features, actor, await subjectOfPerson(db, personId));
  return { ok: true as const };
}
