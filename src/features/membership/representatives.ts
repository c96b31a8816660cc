import crypto from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { isStaff, type Actor } from '../../platform/auth/access.js';
import { audit } from '../../platform/audit/index.js';
import type { Db, DbOrTx, Tx } from '../../platform/db/index.js';
import { fail, notFound } from '../../platform/http/errors.js';
import { membershipErrors } from './contract.js';
import { localize, type Locale, type LocalizedText } from '../../platform/i18n/index.js';
import { queueMail } from '../../platform/mail/index.js';
import {
  ensureUser,
  grantRole,
  hasRole,
  normalizeEmail,
  revokeRole,
  sha256,
  type User,
  userByEmail,
  userById,
  usersWithScope,
} from '../accounts/index.js';
import {
  createPerson,
  deletePersonIfUnreferenced,
  ensureAffiliation,
  getOrganization,
  linkPersonToUser,
  personOfAccount,
  removeAffiliation,
  unlinkPerson,
} from '../directory/index.js';
import { membershipMail } from './mails.js';
import { loadManagedMembership, loadMember, memberName, portalView } from './members.js';
import { representativeGrants, representativeInvitations } from './model.js';
import { contactRole } from './policy.js';
import { pageUrl } from '../../platform/http/urls.js';
import { membershipPages } from './contract.js';

const invitationLife = 14 * 24 * 3600e3;

export interface RepresentativeInput {
  name: string;
  nameLatin?: string | null;
  email: string;
  title?: string | null;
  gender?: string | null;
  countryCode?: string | null;
}

/**
 * Makes an account a contact of an organization: the person in the directory,
 * its link to the account, the affiliation and the org_contact role, creating
 * only what is missing and recording what it created. Callers are a staff
 * decision (approval, import, a staff member adding someone) or an accepted
 * invitation, never a contact acting for someone else.
 */
export async function grantRepresentative(
  tx: Tx,
  actor: Actor | null,
  orgId: string,
  rep: RepresentativeInput,
  locale: Locale,
  opts: { user?: User; invitationId?: string } = {},
) {
  const org = await getOrganization(tx, orgId);
  const user = opts.user ?? (await ensureUser(tx, { email: rep.email, name: rep.name, locale })).user;
  const scope = { type: 'organization', id: orgId };
  if (await hasRole(tx, user.id, contactRole, scope)) return { user, granted: false };

  const email = normalizeEmail(user.email);
  let person = await personOfAccount(tx, user.id, email);
  let personCreated = false;
  if (!person) {
    const created = await createPerson(tx as unknown as Db, actor, {
      name: rep.name,
      nameLatin: rep.nameLatin ?? null,
      email,
      countryCode: rep.countryCode ?? org.countryCode,
      gender: (rep.gender as 'female') ?? null,
      affiliations: [],
    });
    person = { id: created.id, userId: null };
    personCreated = true;
  }
  const personLinked = !person.userId;
  if (personLinked) await linkPersonToUser(tx, person.id, user.id);
  const createdAffiliation = await ensureAffiliation(tx, person.id, orgId, rep.title ? { [locale]: rep.title } : {});
  await grantRole(tx, user.id, contactRole, scope);
  await tx
    .insert(representativeGrants)
    .values({
      organizationId: orgId,
      userId: user.id,
      personId: person.id,
      personCreated,
      personLinked,
      affiliationId: createdAffiliation ?? null,
      invitationId: opts.invitationId ?? null,
      grantedBy: actor?.userId ?? null,
    })
    .onConflictDoNothing();
  return { user, granted: true };
}

/**
 * Takes the role away and undoes what the grant created: its affiliation, its
 * person (unless something else now refers to it) or its link to the account.
 * What existed before the grant stays. Contacts granted before grants were
 * recorded lose the role only.
 */
async function undoGrant(tx: Tx, orgId: string, userId: string) {
  await revokeRole(tx, userId, contactRole, { type: 'organization', id: orgId });
  const [g] = await tx
    .delete(representativeGrants)
    .where(and(eq(representativeGrants.organizationId, orgId), eq(representativeGrants.userId, userId)))
    .returning();
  if (!g) return null;
  if (g.affiliationId) await removeAffiliation(tx, g.affiliationId);
  const deleted = g.personCreated && g.personId ? await deletePersonIfUnreferenced(tx, g.personId) : false;
  if (!deleted && g.personLinked && g.personId) await unlinkPerson(tx, g.personId, userId);
  if (g.invitationId)
    await tx
      .update(representativeInvitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(representativeInvitations.id, g.invitationId), isNull(representativeInvitations.revokedAt)));
  return { affiliationRemoved: !!g.affiliationId, personRemoved: deleted };
}

function welcomeMail(tx: DbOrTx, user: User, orgName: LocalizedText) {
  const locale = user.locale as Locale;
  const m = membershipMail('contactWelcome', locale, {
    name: user.name,
    subject: localize(orgName, locale).text,
    link: pageUrl(membershipPages.portal, {}, locale),
  });
  return queueMail(tx, { to: user.email, subject: m.subject, text: m.text, locale, template: 'membership.contactWelcome' });
}

/** A staff grant (approval, import, a staff member in the portal): direct, with a welcome mail unless told otherwise. */
export async function addRepresentative(
  tx: Tx,
  actor: Actor | null,
  orgId: string,
  orgName: LocalizedText,
  rep: RepresentativeInput,
  locale: Locale,
  sendMail = true,
) {
  const { user, granted } = await grantRepresentative(tx, actor, orgId, rep, locale);
  if (granted && sendMail) await welcomeMail(tx, user, orgName);
  return user;
}

const isPending = (i: typeof representativeInvitations.$inferSelect) => !i.acceptedAt && !i.declinedAt && !i.revokedAt;

async function sendInvitation(
  tx: DbOrTx,
  inv: { id: string; email: string; name: string; locale: string },
  orgName: LocalizedText,
  inviter: string,
) {
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + invitationLife);
  await tx
    .update(representativeInvitations)
    .set({ tokenHash: sha256(token), expiresAt })
    .where(eq(representativeInvitations.id, inv.id));
  const locale = inv.locale as Locale;
  const m = membershipMail('representativeInvite', locale, {
    name: inv.name,
    subject: localize(orgName, locale).text,
    text: inviter,
    date: expiresAt.toISOString().slice(0, 10),
    link: pageUrl(membershipPages.invitation, {}, locale, { token }),
  });
  await queueMail(tx, { to: inv.email, subject: m.subject, text: m.text, locale, template: 'membership.representativeInvite' });
}

/**
 * A contact (or staff) adds a representative to their member organization.
 * Staff grant directly; a contact only invites: the invitee gets a link and
 * nothing is granted, and no account or directory entry made, until they accept.
 */
export async function addOrInvite(db: Db, actor: Actor, membershipId: string, rep: RepresentativeInput) {
  return db.transaction(async (tx) => {
    const r = await loadManagedMembership(tx, actor, membershipId);
    if (!r.organizationId || !r.orgName) throw notFound();
    const email = normalizeEmail(rep.email);
    const reps = await usersWithScope(tx, contactRole, 'organization', r.organizationId);
    if (reps.some((u) => u.email === email))
      throw fail(membershipErrors, 'already_representative', 'This person already represents the member.');
    if (isStaff(actor)) {
      await addRepresentative(tx, actor, r.organizationId, r.orgName, { ...rep, email }, (actor.locale as Locale) ?? 'en');
      await audit(tx, { actor, action: 'membership.representative_add', entity: 'membership', entityId: membershipId, after: { email } });
    } else {
      const open = await tx
        .select()
        .from(representativeInvitations)
        .where(and(eq(representativeInvitations.membershipId, membershipId), eq(representativeInvitations.email, email)));
      if (open.some(isPending))
        throw fail(membershipErrors, 'already_invited', 'This person is already invited; resend the invitation instead.');
      // The invitee's own language when they have an account, else the inviter's.
      const known = await userByEmail(tx, email);
      const [inv] = await tx
        .insert(representativeInvitations)
        .values({
          membershipId,
          email,
          name: rep.name,
          title: rep.title ?? null,
          locale: known?.locale ?? actor.locale ?? 'en',
          tokenHash: crypto.randomUUID(),
          invitedBy: actor.userId,
          expiresAt: new Date(),
        })
        .returning();
      await sendInvitation(tx, inv, r.orgName, actor.name);
      await audit(tx, {
        actor,
        action: 'membership.representative_invite',
        entity: 'membership',
        entityId: membershipId,
        after: { invitationId: inv.id, email },
      });
    }
    return portalView(tx, await loadMember(tx, membershipId));
  });
}

async function managedInvitation(tx: Tx, actor: Actor, membershipId: string, invitationId: string) {
  const r = await loadManagedMembership(tx, actor, membershipId);
  const [inv] = await tx
    .select()
    .from(representativeInvitations)
    .where(and(eq(representativeInvitations.id, invitationId), eq(representativeInvitations.membershipId, membershipId)))
    .for('update');
  if (!inv || !isPending(inv)) throw notFound();
  return { r, inv };
}

/** A new link (the old one stops working) and a new expiry. */
export async function resendInvitation(db: Db, actor: Actor, membershipId: string, invitationId: string) {
  return db.transaction(async (tx) => {
    const { r, inv } = await managedInvitation(tx, actor, membershipId, invitationId);
    await sendInvitation(tx, inv, r.orgName ?? memberName(r), actor.name);
    await audit(tx, {
      actor,
      action: 'membership.representative_invite_resend',
      entity: 'membership',
      entityId: membershipId,
      after: { invitationId },
    });
    return portalView(tx, r);
  });
}

export async function cancelInvitation(db: Db, actor: Actor, membershipId: string, invitationId: string) {
  return db.transaction(async (tx) => {
    const { r } = await managedInvitation(tx, actor, membershipId, invitationId);
    await tx.update(representativeInvitations).set({ revokedAt: new Date() }).where(eq(representativeInvitations.id, invitationId));
    await audit(tx, {
      actor,
      action: 'membership.representative_invite_cancel',
      entity: 'membership',
      entityId: membershipId,
      after: { invitationId },
    });
    return portalView(tx, r);
  });
}

async function byToken(tx: DbOrTx, token: string, lock = false) {
  const q = tx
    .select()
    .from(representativeInvitations)
    .where(eq(representativeInvitations.tokenHash, sha256(token)));
  const [inv] = lock ? await q.for('update') : await q;
  if (!inv) throw notFound();
  return inv;
}

const statusOf = (
  i: typeof representativeInvitations.$inferSelect,
  now = new Date(),
): 'pending' | 'accepted' | 'declined' | 'cancelled' | 'expired' =>
  i.acceptedAt ? 'accepted' : i.declinedAt ? 'declined' : i.revokedAt ? 'cancelled' : i.expiresAt <= now ? 'expired' : 'pending';

/** What the invitee's page shows: whose invitation, to which address, and whether the signed-in account may answer it. */
export async function viewInvitation(db: DbOrTx, actor: Actor, token: string) {
  const inv = await byToken(db, token);
  const r = await loadMember(db, inv.membershipId);
  const by = inv.invitedBy ? await userById(db, inv.invitedBy) : undefined;
  return {
    status: statusOf(inv),
    email: inv.email,
    name: inv.name,
    organization: memberName(r),
    invitedBy: by?.name ?? null,
    expiresAt: inv.expiresAt,
    membershipId: inv.membershipId,
    forYou: normalizeEmail(actor.email) === inv.email,
  };
}

async function answerable(tx: Tx, actor: Actor, token: string) {
  const inv = await byToken(tx, token, true);
  if (statusOf(inv) !== 'pending')
    throw fail(membershipErrors, 'invitation_closed', `This invitation is ${statusOf(inv)}.`, { extra: { status: statusOf(inv) } });
  // Consent is the invited person's: the link alone is not enough.
  if (normalizeEmail(actor.email) !== inv.email)
    throw fail(
      membershipErrors,
      'invitation_other_account',
      'This invitation is for another e-mail address: sign in with that address to answer it.',
    );
  return inv;
}

export async function acceptInvitation(db: Db, actor: Actor, token: string) {
  return db.transaction(async (tx) => {
    const inv = await answerable(tx, actor, token);
    const r = await loadMember(tx, inv.membershipId);
    if (!r.organizationId) throw notFound();
    const user = await userById(tx, actor.userId);
    await grantRepresentative(tx, actor, r.organizationId, { name: inv.name, email: inv.email, title: inv.title }, inv.locale as Locale, {
      user,
      invitationId: inv.id,
    });
    await tx
      .update(representativeInvitations)
      .set({ acceptedAt: new Date(), acceptedBy: actor.userId })
      .where(eq(representativeInvitations.id, inv.id));
    await audit(tx, {
      actor,
      action: 'membership.representative_accept',
      entity: 'membership',
      entityId: inv.membershipId,
      after: { invitationId: inv.id },
    });
    return { ok: true as const, membershipId: inv.membershipId };
  });
}

export async function declineInvitation(db: Db, actor: Actor, token: string) {
  return db.transaction(async (tx) => {
    const inv = await answerable(tx, actor, token);
    await tx.update(representativeInvitations).set({ declinedAt: new Date() }).where(eq(representativeInvitations.id, inv.id));
    await audit(tx, {
      actor,
      action: 'membership.representative_decline',
      entity: 'membership',
      entityId: inv.membershipId,
      after: { invitationId: inv.id },
    });
    return { ok: true as const, membershipId: inv.membershipId };
  });
}

export async function removeRepresentative(db: Db, actor: Actor, id: string, userId: string) {
  return db.transaction(async (tx) => {
    const r = await loadManagedMembership(tx, actor, id);
    if (!r.organizationId) throw fail(membershipErrors, 'not_an_organization', 'Only organization members have representatives.');
    const reps = await usersWithScope(tx, contactRole, 'organization', r.organizationId);
    if (!reps.some((u) => u.id === userId)) throw notFound();
    if (reps.length === 1)
      throw fail(
        membershipErrors,
        'last_representative',
        'A member keeps at least one representative: add another before removing this one.',
      );
    const undone = await undoGrant(tx, r.organizationId, userId);
    await audit(tx, {
      actor,
      action: 'membership.representative_remove',
      entity: 'membership',
      entityId: id,
      before: { userId },
      after: undone ?? {},
    });
    return portalView(tx, await loadMember(tx, id));
  });
}
