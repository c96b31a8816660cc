import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/access.js';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { changedTables, snapshot } from '../../test/snapshot.js';
import { mailOutbox } from '../../platform/mail/model.js';
import { accountByEmail, accountIdByEmail } from '../accounts/index.js';
import { rolesOf, signIn } from '../accounts/testkit.js';
import { peopleContacts, peopleTies, personByEmail } from '../directory/index.js';
import { affiliationsBetween, makePerson } from '../directory/testkit.js';
import { conflictReason } from '../review/index.js';
import { representativeInvitations } from './model.js';

let h: Harness;
let staff: TestUser;
let applicant: TestUser;
let n = 0;

beforeAll(async () => {
  h = await createHarness();
  staff = await h.user({ roles: ['secretariat'] });
  applicant = await h.user();
  const res = await h.call(staff, {
    method: 'POST',
    url: '/api/v1/membership/categories',
    payload: { key: 'institutional', applicantKind: 'organization', name: { en: 'Institutional' } },
  });
  expect(res.statusCode, res.body).toBe(201);
});
afterAll(() => h.close());

async function sessionOf(email: string): Promise<TestUser> {
  const id = (await accountIdByEmail(h.ctx.db, email))!;
  return { id, email, ...(await signIn(h.ctx.db, id)) };
}

/** An approved organization member with one representative (a staff grant), signed in. */
async function member(name: string) {
  const repEmail = `first${++n}@org.example`;
  const data = {
    organization: { name: { en: name }, countryCode: 'DE', stakeholderGroup: 'academia' },
    representatives: [{ name: `First ${n}`, email: repEmail }],
  };
  const c = await h.call(applicant, {
    method: 'POST',
    url: '/api/v1/membership/applications',
    payload: { categoryKey: 'institutional', data },
  });
  await h.call(applicant, { method: 'POST', url: `/api/v1/membership/applications/${c.json().id}/submit` });
  const a = await h.call(staff, { method: 'POST', url: `/api/v1/membership/applications/${c.json().id}/approve`, payload: {} });
  expect(a.statusCode, a.body).toBe(200);
  return {
    membershipId: a.json().membershipId as string,
    organizationId: a.json().organizationId as string,
    contact: await sessionOf(repEmail),
  };
}

/** A reviewer already in the directory (a person linked to their account), as staff would have them. */
async function reviewerInDirectory(opts: { affiliatedWith?: string } = {}) {
  const u = await h.user({ name: `Reviewer ${++n}` });
  const personId = await makePerson(h.ctx.db, { name: `Reviewer ${n}`, email: u.email, userId: u.id, affiliatedWith: opts.affiliatedWith });
  return { user: u, personId };
}

/** isMember reads only the account id; the rest of an actor does not matter here. */
const actorOf = (u: TestUser) => ({ userId: u.id, email: u.email, name: '', locale: 'en', roles: [], scopes: [] }) as unknown as Actor;
const roleOf = async (userId: string, orgId: string) =>
  (await rolesOf(h.ctx.db, userId)).filter((g) => g.role === 'org_contact' && g.scopeId === orgId);
const affiliationsOf = (personId: string, orgId: string) => affiliationsBetween(h.ctx.db, personId, orgId);

/** The review feature's conflict rule for this person and an entry of the organization, with the facts it reads (the person's affiliations). */
async function conflicted(personId: string, email: string, orgId: string) {
  const orgIds = (await peopleTies(h.ctx.db, [personId])).get(personId)?.organizationIds ?? new Set<string>();
  const reviewer = { id: 'r', userId: null, email, country: null, orgIds };
  const entry = {
    id: 's',
    organizationId: orgId,
    nominatedByOrg: null,
    countryCode: null,
    peopleEmails: [],
    applicantId: null,
    nomineeEmail: null,
  };
  return conflictReason({ sameCountryConflict: false }, reviewer, entry, new Map()) !== null;
}

async function inviteMail(email: string) {
  const rows = await h.ctx.db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.to, email), eq(mailOutbox.template, 'membership.representativeInvite')))
    .orderBy(desc(mailOutbox.createdAt));
  return rows[0];
}
const tokenOf = (text: string) => /token=([A-Za-z0-9_-]+)/.exec(text)![1];

describe('adding a representative needs their consent', () => {
  it('a contact adding an existing account only invites it: no role, no affiliation, no conflict until that person accepts', async () => {
    const { membershipId, organizationId, contact } = await member('Consent Institute');
    const target = await reviewerInDirectory();
    const add = await h.call(contact, {
      method: 'POST',
      url: `/api/v1/membership/portal/${membershipId}/representatives`,
      payload: { name: 'Target', email: target.user.email, title: 'Fellow' },
    });
    expect(add.statusCode, add.body).toBe(200);
    expect(add.json().representatives.map((r: { email: string }) => r.email)).not.toContain(target.user.email);
    expect(add.json().invitations).toMatchObject([{ email: target.user.email, name: 'Target' }]);

    expect(await roleOf(target.user.id, organizationId)).toEqual([]);
    expect(await affiliationsOf(target.personId, organizationId)).toEqual([]);
    expect(await conflicted(target.personId, target.user.email, organizationId)).toBe(false);
    expect((await h.call(target.user, { method: 'GET', url: `/api/v1/membership/portal/${membershipId}` })).statusCode).toBe(404);

    const mail = await inviteMail(target.user.email);
    expect(mail.text).toContain('http://wuzhen.test/my/membership/invitation?token=');
    const token = tokenOf(mail.text);

    // Another account holding the link cannot accept in the invitee's place.
    const other = await h.user();
    const wrong = await h.call(other, { method: 'POST', url: `/api/v1/membership/invitations/${token}/accept` });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().code).toBe('invitation_other_account');
    expect(await roleOf(other.id, organizationId)).toEqual([]);

    const view = await h.call(target.user, { method: 'GET', url: `/api/v1/membership/invitations/${token}` });
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json()).toMatchObject({
      status: 'pending',
      email: target.user.email,
      forYou: true,
      organization: { en: 'Consent Institute' },
    });

    const ok = await h.call(target.user, { method: 'POST', url: `/api/v1/membership/invitations/${token}/accept` });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await roleOf(target.user.id, organizationId)).toHaveLength(1);
    expect(await affiliationsOf(target.personId, organizationId)).toHaveLength(1);
    expect(await conflicted(target.personId, target.user.email, organizationId)).toBe(true);
    const again = await h.call(target.user, { method: 'POST', url: `/api/v1/membership/invitations/${token}/accept` });
    expect(again.json().code).toBe('invitation_closed');
  });

  it('the invitee may decline; the contact may cancel or resend a pending invitation', async () => {
    const { membershipId, organizationId, contact } = await member('Decline Institute');
    const base = `/api/v1/membership/portal/${membershipId}`;
    const declining = await h.user();
    await h.call(contact, { method: 'POST', url: `${base}/representatives`, payload: { name: 'No', email: declining.email } });
    const no = await h.call(declining, {
      method: 'POST',
      url: `/api/v1/membership/invitations/${tokenOf((await inviteMail(declining.email)).text)}/decline`,
    });
    expect(no.statusCode, no.body).toBe(200);
    expect(await roleOf(declining.id, organizationId)).toEqual([]);

    const later = `later${n}@elsewhere.example`;
    const sent = await h.call(contact, { method: 'POST', url: `${base}/representatives`, payload: { name: 'Later', email: later } });
    expect(sent.json().invitations.map((i: { email: string }) => i.email)).toEqual([later]);
    // No account and no directory entry for someone who has not accepted.
    expect(await accountByEmail(h.ctx.db, later)).toBeNull();
    expect(await personByEmail(h.ctx.db, later)).toBeUndefined();
    const first = tokenOf((await inviteMail(later)).text);
    const invitationId = sent.json().invitations[0].id;
    const resent = await h.call(contact, { method: 'POST', url: `${base}/invitations/${invitationId}/resend` });
    expect(resent.statusCode, resent.body).toBe(200);
    const second = tokenOf((await inviteMail(later)).text);
    expect(second).not.toBe(first);
    const cancelled = await h.call(contact, { method: 'DELETE', url: `${base}/invitations/${invitationId}` });
    expect(cancelled.json().invitations).toEqual([]);
    const [row] = await h.ctx.db.select().from(representativeInvitations).where(eq(representativeInvitations.id, invitationId));
    expect(row.revokedAt).not.toBeNull();
  });

  it('staff add a representative directly', async () => {
    const { membershipId, organizationId } = await member('Direct Institute');
    const target = await h.user();
    const res = await h.call(staff, {
      method: 'POST',
      url: `/api/v1/membership/portal/${membershipId}/representatives`,
      payload: { name: 'Direct', email: target.email },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().representatives.map((r: { email: string }) => r.email)).toContain(target.email);
    expect(await roleOf(target.id, organizationId)).toHaveLength(1);
  });
});

describe('removing a representative undoes the grant', () => {
  it('grant → revoke leaves no trace in roles, affiliations, people, conflicts or access', async () => {
    const { membershipId, organizationId, contact } = await member('Trace Institute');
    const target = await reviewerInDirectory();
    const freshEmail = `fresh${n}@elsewhere.example`;
    const freshUser = await h.user({ email: freshEmail }); // an account, but no directory entry yet
    const before = await snapshot(h.database);

    for (const who of [target.user, freshUser]) {
      await h.call(contact, {
        method: 'POST',
        url: `/api/v1/membership/portal/${membershipId}/representatives`,
        payload: { name: 'Rep', email: who.email },
      });
      const res = await h.call(who, {
        method: 'POST',
        url: `/api/v1/membership/invitations/${tokenOf((await inviteMail(who.email)).text)}/accept`,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const freshPerson = await personByEmail(h.ctx.db, freshEmail);
    expect(freshPerson?.userId).toBe(freshUser.id);
    // Access as a representative: the portal of the membership, and counting as a member.
    const mePortal = await h.call(target.user, { method: 'GET', url: `/api/v1/membership/portal/${membershipId}` });
    expect(mePortal.statusCode).toBe(200);
    expect(await h.ctx.membership.isMember(actorOf(target.user))).toBe(true);
    expect(await h.ctx.membership.isMember(actorOf(freshUser))).toBe(true);
    expect(await conflicted(target.personId, target.user.email, organizationId)).toBe(true);

    for (const who of [target.user, freshUser]) {
      const res = await h.call(contact, { method: 'DELETE', url: `/api/v1/membership/portal/${membershipId}/representatives/${who.id}` });
      expect(res.statusCode, res.body).toBe(200);
    }
    expect((await h.call(target.user, { method: 'GET', url: `/api/v1/membership/portal/${membershipId}` })).statusCode).toBe(404);
    expect(await h.ctx.membership.isMember(actorOf(target.user))).toBe(false);
    expect(await h.ctx.membership.isMember(actorOf(freshUser))).toBe(false);
    expect(await conflicted(target.personId, target.user.email, organizationId)).toBe(false);

    const after = await snapshot(h.database);
    // Only tables that keep history may differ: the audit log and the mail outbox record what happened,
    // the invitation rows record the invitation, its acceptance and revocation; sessions are touched by
    // requests (last seen). Roles, people, affiliations and the grant record must be as before.
    expect(changedTables(before, after, ['audit_log', 'mail_outbox', 'jobs', 'sessions', 'membership_representative_invitations'])).toEqual(
      [],
    );
  });

  it('an affiliation the person had before the grant stays after removal', async () => {
    const { membershipId, organizationId, contact } = await member('Staff Institute');
    const worker = await reviewerInDirectory({ affiliatedWith: organizationId });
    await h.call(contact, {
      method: 'POST',
      url: `/api/v1/membership/portal/${membershipId}/representatives`,
      payload: { name: 'Worker', email: worker.user.email },
    });
    await h.call(worker.user, {
      method: 'POST',
      url: `/api/v1/membership/invitations/${tokenOf((await inviteMail(worker.user.email)).text)}/accept`,
    });
    expect(await roleOf(worker.user.id, organizationId)).toHaveLength(1);
    const removed = await h.call(contact, {
      method: 'DELETE',
      url: `/api/v1/membership/portal/${membershipId}/representatives/${worker.user.id}`,
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(await roleOf(worker.user.id, organizationId)).toEqual([]);
    expect(await affiliationsOf(worker.personId, organizationId)).toHaveLength(1);
    const [p] = await peopleContacts(h.ctx.db, [worker.personId]);
    expect(p.userId).toBe(worker.user.id);
  });

  it('the last representative cannot be removed', async () => {
    const { membershipId, contact } = await member('Last Institute');
    const res = await h.call(contact, { method: 'DELETE', url: `/api/v1/membership/portal/${membershipId}/representatives/${contact.id}` });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('last_representative');
  });
});
