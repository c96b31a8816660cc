import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/index.js';
import type { DataSubject } from '../../platform/http/types.js';
import { removeDoc } from '../../platform/search/index.js';
import { applicantThread } from './policy.js';
import {
  applicationDocuments,
  applicationMessages,
  membershipApplications,
  membershipHistory,
  memberships,
  representativeInvitations,
  type ApplicationData,
} from './model.js';

const mentions = (email: string) => sql`${membershipApplications.data}->'representatives' @> ${JSON.stringify([{ email }])}::jsonb`;

/** The person's applications (with the thread they can see), and their individual membership with its history. */
export async function membershipPersonalData(db: DbOrTx, s: DataSubject) {
  const where = [
    s.userId ? eq(membershipApplications.applicantUserId, s.userId) : undefined,
    s.email ? mentions(s.email.toLowerCase()) : undefined,
  ].filter(Boolean);
  const apps = where.length
    ? await db
        .select()
        .from(membershipApplications)
        .where(or(...where))
    : [];
  const ids = apps.map((a) => a.id);
  const messages = ids.length
    ? await db
        .select()
        .from(applicationMessages)
        .where(and(inArray(applicationMessages.applicationId, ids), applicantThread()))
    : [];
  const own = s.personId ? await db.select().from(memberships).where(eq(memberships.personId, s.personId)) : [];
  const history = own.length
    ? await db
        .select()
        .from(membershipHistory)
        .where(
          inArray(
            membershipHistory.membershipId,
            own.map((m) => m.id),
          ),
        )
    : [];
  return {
    applications: apps.map((a) =>
      a.applicantUserId === s.userId
        ? {
            id: a.id,
            status: a.status,
            createdAt: a.createdAt,
            submittedAt: a.submittedAt,
            data: a.data,
            messages: messages
              .filter((m) => m.applicationId === a.id)
              .map((m) => ({ at: m.createdAt, author: m.authorName, body: m.body })),
          }
        : // Named as a representative in someone else's application: what it says of them, not the rest of it.
          {
            id: a.id,
            status: a.status,
            createdAt: a.createdAt,
            representative: (a.data.representatives ?? []).filter((r) => r.email.toLowerCase() === s.email?.toLowerCase()),
          },
    ),
    memberships: own.map((m) => ({ ...m, history: history.filter((h) => h.membershipId === m.id) })),
  };
}

/**
 * Removes what names the person from applications and threads, takes an
 * individual member out of the public directory and the index; keeps country,
 * stakeholder group, category and dates, which the representation figures need.
 */
export async function eraseMembershipData(tx: DbOrTx, s: DataSubject) {
  const email = s.email?.toLowerCase();
  const where = [s.userId ? eq(membershipApplications.applicantUserId, s.userId) : undefined, email ? mentions(email) : undefined].filter(
    Boolean,
  );
  const apps = where.length
    ? await tx
        .select()
        .from(membershipApplications)
        .where(or(...where))
    : [];
  for (const a of apps) {
    const own = s.userId === a.applicantUserId;
    const data: ApplicationData = {
      ...a.data,
      representatives: (a.data.representatives ?? []).filter((r) => r.email.toLowerCase() !== email && !own),
    };
    if (own) {
      data.motivation = null;
      if (data.individual) data.individual = { countryCode: data.individual.countryCode, gender: data.individual.gender };
    }
    await tx
      .update(membershipApplications)
      .set({
        data,
        ...(own && a.applicantKind === 'individual' ? { displayName: 'Erased person', searchText: '' } : {}),
        updatedAt: new Date(),
      })
      .where(eq(membershipApplications.id, a.id));
    if (own) await tx.delete(applicationDocuments).where(eq(applicationDocuments.applicationId, a.id));
  }
  // Invitations to represent a member name the invitee; the answered ones are history of no further use.
  if (email) await tx.delete(representativeInvitations).where(eq(representativeInvitations.email, email));
  if (s.userId)
    await tx
      .update(applicationMessages)
      .set({ body: '[erased]', authorName: 'Erased person' })
      .where(eq(applicationMessages.authorUserId, s.userId));
  if (s.personId) {
    const own = await tx
      .update(memberships)
      .set({ directoryOptIn: false, sector: null, updatedAt: new Date() })
      .where(eq(memberships.personId, s.personId))
      .returning({ id: memberships.id });
    for (const m of own) await removeDoc(tx, 'member', m.id);
  }
}
