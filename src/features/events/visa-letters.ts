import crypto from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/access.js';
import { audit } from '../../platform/audit/index.js';
import type { Db, DbOrTx } from '../../platform/db/index.js';
import { fail, notFound } from '../../platform/http/errors.js';
import { eventsErrors } from './contract.js';
import { registrations } from './model.js';
import { getRegistration, presentRegistration, type RegistrationRow } from './registration.js';
import { getEventRow, localDate } from './service.js';

/**
 * Shows the first third of each part of a name (at least one character) and a
 * star for each other one: "Zhang Wei" → "Zh*** W**", "张伟" → "张*". Enough
 * for an officer holding the passport to match it, too little to learn a name.
 */
export function maskName(name: string) {
  return name.replace(/[\p{L}\p{M}\p{N}]+/gu, (part) => {
    const chars = [...part];
    const keep = Math.max(1, Math.ceil(chars.length / 3));
    return chars.slice(0, keep).join('') + '*'.repeat(chars.length - keep);
  });
}

/** The nationality the letter prints: the passport field, else the registration's country. */
export const letterNationality = (r: RegistrationRow) => String(r.answers.nationality ?? r.countryCode ?? '');

/**
 * The reference of the registration's letter, made (and audited) when the first
 * letter is printed; every later print carries the same one. A revoked letter is
 * not printed again.
 */
export async function issueVisaLetter(db: Db, actor: Actor, reg: RegistrationRow): Promise<{ reference: string; issuedAt: Date }> {
  if (reg.visaRevokedAt) throw fail(eventsErrors, 'visa_letter_revoked', 'This visa letter was revoked; contact the secretariat.');
  if (reg.visaRef) return { reference: reg.visaRef, issuedAt: reg.visaIssuedAt ?? reg.createdAt };
  const year = reg.createdAt.getUTCFullYear();
  const reference = `WIC-${year}-${crypto.randomBytes(5).toString('hex').toUpperCase()}`;
  const issued = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(registrations)
      .set({ visaRef: reference, visaIssuedAt: new Date() })
      .where(and(eq(registrations.id, reg.id), isNull(registrations.visaRef)))
      .returning({ visaIssuedAt: registrations.visaIssuedAt });
    if (row)
      await audit(tx, { actor, action: 'event_visa_letter.issue', entity: 'event_registration', entityId: reg.id, after: { reference } });
    return row;
  });
  // A twin request issued it a moment ago: that one stands.
  return issued ? { reference, issuedAt: issued.visaIssuedAt! } : issueVisaLetter(db, actor, await getRegistration(db, reg.id));
}

/**
 * What anyone holding a reference may learn (the public verification page and
 * its API): whether the letter stands, the holder's name masked, nationality,
 * the event and its dates, the days it was issued and revoked (in the event's zone). Never the full name,
 * passport or birth date. A letter also falls when its registration is cancelled.
 * Null: no letter has this reference.
 */
export async function findVisaLetter(db: DbOrTx, ref: string) {
  const wanted = ref.trim().toUpperCase();
  if (wanted.length > 40) return null;
  const [r] = await db.select().from(registrations).where(eq(registrations.visaRef, wanted));
  if (!r) return null;
  const ev = await getEventRow(db, r.eventId);
  const revoked = r.visaRevokedAt !== null || r.status !== 'approved';
  return {
    reference: r.visaRef!,
    status: revoked ? ('revoked' as const) : ('valid' as const),
    holder: maskName(r.name),
    holderLatin: r.nameLatin && r.nameLatin !== r.name ? maskName(r.nameLatin) : null,
    nationality: letterNationality(r) || null,
    event: ev.name,
    startDate: ev.startDate,
    endDate: ev.endDate,
    issuedOn: localDate(r.visaIssuedAt ?? r.createdAt, ev.timeZone),
    // Unknown for a letter whose registration was cancelled before revocations were recorded.
    revokedOn: revoked && r.visaRevokedAt ? localDate(r.visaRevokedAt, ev.timeZone) : null,
  };
}
export type VisaLetterCheck = NonNullable<Awaited<ReturnType<typeof findVisaLetter>>>;

/** Staff withdraw a letter, with the reason (audited); the reference then checks as revoked. Revoking again changes nothing. */
export async function revokeVisaLetter(db: Db, actor: Actor, id: string, reason: string) {
  return db.transaction(async (tx) => {
    const [reg] = await tx.select().from(registrations).where(eq(registrations.id, id)).for('update');
    if (!reg) throw notFound();
    if (!reg.visaRef) throw fail(eventsErrors, 'visa_letter_missing', 'No visa letter has been issued for this registration.');
    if (!reg.visaRevokedAt) {
      await tx.update(registrations).set({ visaRevokedAt: new Date(), visaRevokeReason: reason }).where(eq(registrations.id, id));
      await audit(tx, {
        actor,
        action: 'event_visa_letter.revoke',
        entity: 'event_registration',
        entityId: id,
        after: { reference: reg.visaRef, reason },
      });
    }
    return presentRegistration(tx, await getRegistration(tx, id));
  });
}
