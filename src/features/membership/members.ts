import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/access.js';
import { audit } from '../../platform/audit/index.js';
import type { Db, DbOrTx, Tx } from '../../platform/db/index.js';
import { imageTypes, storeFile } from '../../platform/files/index.js';
import { fail, notFound } from '../../platform/http/errors.js';
import type { Upload } from '../../platform/http/upload.js';
import { localize, type Locale, type LocalizedText } from '../../platform/i18n/index.js';
import { queueMail } from '../../platform/mail/index.js';
import { indexDocs, removeDoc, type SearchDoc } from '../../platform/search/index.js';
import { holdsScopedRole, userById, usersWithScope } from '../accounts/index.js';
import {
  countryRows,
  getOrganization,
  isCurrentAffiliate,
  matchSearch,
  organizationRows,
  personRows,
  setOrganizationLogo,
  updateOrganization,
} from '../directory/index.js';
import { type HistoryAction, type HistoryDetails, membershipErrors, type MembershipStatus } from './contract.js';
import { membershipMail, statusNames, type MailParams, type MembershipMail } from './mails.js';
import { membershipCategories, membershipHistory, memberships, representativeInvitations } from './model.js';
import { canManageMembership, contactRole } from './policy.js';
import { pageUrl } from '../../platform/http/urls.js';
import { membershipPages } from './contract.js';
import { pagePath } from '../../platform/http/links.js';

// Dates are calendar days (ISO strings), compared as such.

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
export function addDays(day: string, n: number) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return isoDay(d);
}
export function addMonths(day: string, n: number) {
  const d = new Date(`${day}T00:00:00Z`);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return isoDay(target);
}
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86400e3);

/** A member counts as one while active or in its grace period. */
export const countingStatuses = ['active', 'grace'] as const;

// The member's organization or person, and its country, as the directory lets other features join them.
const organization = organizationRows();
const person = personRows();
const country = countryRows();
const memberCountry = sql<string | null>`coalesce(${organization.countryCode}, ${person.countryCode})`;

const memberColumns = {
  id: memberships.id,
  status: memberships.status,
  statusReason: memberships.statusReason,
  applicantKind: memberships.applicantKind,
  categoryKey: membershipCategories.key,
  categoryName: membershipCategories.name,
  termMonths: membershipCategories.termMonths,
  organizationId: memberships.organizationId,
  personId: memberships.personId,
  orgName: organization.name,
  shortName: organization.shortName,
  personName: person.name,
  personLatin: person.nameLatin,
  personUserId: person.userId,
  countryCode: memberCountry,
  continent: country.continent,
  stakeholderGroup: sql<string>`coalesce(${organization.stakeholderGroup}, 'individual')`,
  startDate: memberships.startDate,
  renewalDate: memberships.renewalDate,
  graceUntil: memberships.graceUntil,
  remindersSent: memberships.remindersSent,
  directoryOptIn: memberships.directoryOptIn,
  sector: memberships.sector,
  website: organization.website,
  logoFileId: organization.logoFileId,
  description: organization.description,
};

export const memberBase = (db: DbOrTx) =>
  db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(membershipCategories, eq(membershipCategories.id, memberships.categoryId))
    .leftJoin(organization, eq(organization.id, memberships.organizationId))
    .leftJoin(person, eq(person.id, memberships.personId))
    .leftJoin(country, eq(country.code, memberCountry));

type MemberRow = Awaited<ReturnType<ReturnType<typeof memberBase>['execute']>>[number];

const han = /\p{Script=Han}/u;
export function memberName(r: Pick<MemberRow, 'orgName' | 'personName' | 'personLatin'>): LocalizedText {
  if (r.orgName) return r.orgName;
  const n = r.personName ?? '';
  return han.test(n)
    ? { 'zh-Hans': n, en: r.personLatin ?? n }
    : { en: r.personLatin && r.personLatin !== n ? `${n} (${r.personLatin})` : n };
}

export function presentMember(r: MemberRow) {
  return {
    id: r.id,
    status: r.status,
    statusReason: r.statusReason,
    applicantKind: r.applicantKind,
    categoryKey: r.categoryKey,
    categoryName: r.categoryName,
    organizationId: r.organizationId,
    personId: r.personId,
    name: memberName(r),
    countryCode: r.countryCode,
    continent: r.continent,
    stakeholderGroup: r.stakeholderGroup,
    startDate: r.startDate,
    renewalDate: r.renewalDate,
    graceUntil: r.graceUntil,
    directoryOptIn: r.directoryOptIn,
    sector: r.sector,
  };
}

export function presentPublic(r: MemberRow) {
  return {
    id: r.id,
    kind: r.applicantKind,
    name: memberName(r),
    shortName: r.shortName ?? null,
    countryCode: r.countryCode,
    continent: r.continent,
    stakeholderGroup: r.stakeholderGroup,
    categoryName: r.categoryName,
    website: r.website ?? null,
    logoUrl: r.logoFileId ? `/api/v1/files/logos/${r.logoFileId}` : null,
    description: r.description ?? {},
    sector: r.sector,
    memberSince: r.startDate,
  };
}

async function loadMember(db: DbOrTx, id: string) {
  const [r] = await memberBase(db).where(eq(memberships.id, id));
  if (!r) throw notFound();
  return r;
}

/** Puts a member in the public search index when it is listed, and takes it out otherwise. */
export async function syncMemberIndex(tx: DbOrTx, id: string) {
  const r = await loadMember(tx, id);
  const listed = r.directoryOptIn && (countingStatuses as readonly string[]).includes(r.status);
  if (!listed) return removeDoc(tx, 'member', id);
  await indexDocs(tx, [memberDoc(r)]);
}

/** A listed member as a public search document. */
export function memberDoc(r: MemberRow): SearchDoc {
  return {
    kind: 'member',
    id: r.id,
    visibility: 'public',
    title: memberName(r),
    summary: r.description ?? {},
    body: [r.shortName, r.sector, r.countryCode],
    url: pagePath(membershipPages.member, { id: r.id }),
    year: Number(r.startDate.slice(0, 4)),
    countryCode: r.countryCode,
  };
}

/**
 * Every listed member's search document, for `wuzhen search rebuild`. The query
 * starts at the call, before the rebuild's transaction opens: on the embedded
 * database (one connection) a query from outside that transaction, issued
 * while it is open, would wait for it forever.
 */
export function memberSearchDocs(db: DbOrTx): AsyncIterable<SearchDoc> {
  const rows = memberBase(db)
    .where(and(eq(memberships.directoryOptIn, true), inArray(memberships.status, [...countingStatuses])))
    .execute();
  rows.catch(() => {}); // reported when iterated
  return (async function* () {
    for (const r of await rows) yield memberDoc(r);
  })();
}

// "Is this person a member?" for every feature

export async function isMember(db: DbOrTx, actor: Actor | null): Promise<boolean> {
  if (!actor) return false;
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .leftJoin(person, eq(person.id, memberships.personId))
    .where(
      and(
        inArray(memberships.status, [...countingStatuses]),
        or(
          eq(person.userId, actor.userId),
          holdsScopedRole(actor.userId, contactRole, 'organization', sql`${memberships.organizationId}::text`),
          isCurrentAffiliate(memberships.organizationId, actor.userId),
        ),
      ),
    )
    .limit(1);
  return !!row;
}

// Mail to a member's contacts

async function recipients(tx: DbOrTx, r: Pick<MemberRow, 'organizationId' | 'personUserId'>) {
  if (r.organizationId) return usersWithScope(tx, contactRole, 'organization', r.organizationId);
  const person = r.personUserId ? await userById(tx, r.personUserId) : undefined;
  return person ? [{ id: person.id, email: person.email, name: person.name, locale: person.locale }] : [];
}

async function mailMember(tx: DbOrTx, r: MemberRow, kind: MembershipMail, extra: Partial<MailParams> = {}) {
  for (const u of await recipients(tx, r)) {
    const locale = u.locale as Locale;
    const m = membershipMail(kind, locale, {
      name: u.name,
      subject: localize(memberName(r), locale).text,
      link: pageUrl(membershipPages.portal, {}, locale),
      ...extra,
    });
    await queueMail(tx, { to: u.email, subject: m.subject, text: m.text, locale, template: `membership.${kind}` });
  }
}

async function history(
  tx: DbOrTx,
  membershipId: string,
  h: {
    action: HistoryAction;
    from?: MembershipStatus | null;
    to?: MembershipStatus | null;
    reason?: string | null;
    actorId?: string | null;
    details?: HistoryDetails;
    at?: Date;
  },
) {
  await tx.insert(membershipHistory).values({
    membershipId,
    action: h.action,
    fromStatus: h.from ?? null,
    toStatus: h.to ?? null,
    reason: h.reason ?? null,
    actorId: h.actorId ?? null,
    details: h.details ?? {},
    at: h.at ?? new Date(),
  });
}

// Secretariat: listing and status changes

export interface MemberQuery {
  status?: MembershipStatus;
  category?: string;
  country?: string;
  continent?: string;
  stakeholderGroup?: string;
  q?: string;
  organization?: string;
  page: number;
  pageSize: number;
}

function memberFilters(q: Partial<MemberQuery>) {
  const where: SQL[] = [];
  if (q.status) where.push(eq(memberships.status, q.status));
  if (q.category) where.push(eq(membershipCategories.key, q.category));
  if (q.country) where.push(sql`${memberCountry} = ${q.country}`);
  if (q.continent) where.push(eq(country.continent, q.continent));
  if (q.stakeholderGroup) where.push(sql`coalesce(${organization.stakeholderGroup}, 'individual') = ${q.stakeholderGroup}`);
  if (q.q) where.push(or(matchSearch(organization.searchText, q.q), matchSearch(person.searchText, q.q))!);
  if (q.organization) where.push(eq(memberships.organizationId, q.organization));
  return where;
}

const nameOrder = sql`coalesce(${organization.name}->>'en', ${person.nameLatin}, ${person.name})`;

async function pageOf(db: DbOrTx, where: SQL[], page: number, pageSize: number) {
  const rows = await memberBase(db)
    .where(and(...where))
    .orderBy(asc(nameOrder), asc(memberships.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(memberships)
    .innerJoin(membershipCategories, eq(membershipCategories.id, memberships.categoryId))
    .leftJoin(organization, eq(organization.id, memberships.organizationId))
    .leftJoin(person, eq(person.id, memberships.personId))
    .leftJoin(country, eq(country.code, memberCountry))
    .where(and(...where));
  return { rows, total };
}

export async function listMemberships(db: DbOrTx, q: MemberQuery) {
  const { rows, total } = await pageOf(db, memberFilters(q), q.page, q.pageSize);
  return { items: rows.map(presentMember), total, page: q.page, pageSize: q.pageSize };
}

export async function getMembership(db: DbOrTx, id: string, now = new Date()) {
  const r = await loadMember(db, id);
  const rows = await db.select().from(membershipHistory).where(eq(membershipHistory.membershipId, id)).orderBy(asc(membershipHistory.id));
  const renewsTo = membershipTransitions.renew.from.includes(r.status) ? renewedUntil(r, r.termMonths, now) : null;
  return { ...presentMember(r), history: rows, renewsTo };
}

/** The end of the term a renewal gives: a lapsed member starts a fresh term today; otherwise the term follows on from the last. */
const renewedUntil = (m: { status: MembershipStatus; renewalDate: string }, termMonths: number, now: Date) =>
  addMonths(m.status === 'lapsed' ? isoDay(now) : m.renewalDate, termMonths);

export type MembershipAction = 'renew' | 'suspend' | 'reinstate' | 'terminate';
export const membershipTransitions: Record<MembershipAction, { from: MembershipStatus[]; to: MembershipStatus }> = {
  renew: { from: ['active', 'grace', 'lapsed'], to: 'active' },
  suspend: { from: ['active', 'grace'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'active' },
  terminate: { from: ['active', 'grace', 'lapsed', 'suspended'], to: 'terminated' },
};

export async function changeMembership(
  db: Db,
  actor: Actor,
  id: string,
  action: MembershipAction,
  reason: string | undefined,
  now = new Date(),
  expectedRenewalDate?: string,
) {
  return db.transaction(async (tx) => {
    const [m] = await tx.select().from(memberships).where(eq(memberships.id, id)).for('update');
    if (!m) throw notFound();
    const t = membershipTransitions[action];
    if (!t.from.includes(m.status))
      throw fail(
        membershipErrors,
        'invalid_transition',
        `This membership is ${m.status}: it cannot be ${action === 'renew' ? 'renewed' : action === 'suspend' ? 'suspended' : action === 'reinstate' ? 'reinstated' : 'terminated'}.`,
        { extra: { status: m.status, action } },
      );
    if (action === 'renew' && expectedRenewalDate !== m.renewalDate)
      throw fail(
        membershipErrors,
        'renewal_date_changed',
        `This membership's term now ends on ${m.renewalDate}, not ${expectedRenewalDate}: it was renewed or changed meanwhile. Nothing was changed.`,
        { extra: { renewalDate: m.renewalDate } },
      );
    const patch: Partial<typeof memberships.$inferInsert> = { status: t.to, statusReason: reason ?? null, updatedAt: new Date() };
    if (action === 'renew') {
      const [cat] = await tx.select().from(membershipCategories).where(eq(membershipCategories.id, m.categoryId));
      Object.assign(patch, { renewalDate: renewedUntil(m, cat.termMonths, now), graceUntil: null, remindersSent: [] });
    }
    await tx.update(memberships).set(patch).where(eq(memberships.id, id));
    await history(tx, id, {
      action: action === 'renew' ? 'renewed' : action === 'suspend' ? 'suspended' : action === 'reinstate' ? 'reinstated' : 'terminated',
      from: m.status,
      to: t.to,
      reason,
      actorId: actor.userId,
      details: patch.renewalDate ? { renewalDate: patch.renewalDate } : {},
    });
    await audit(tx, {
      actor,
      action: `membership.${action}`,
      entity: 'membership',
      entityId: id,
      before: { status: m.status, renewalDate: m.renewalDate },
      after: patch,
    });
    const r = await loadMember(tx, id);
    await mailMember(tx, r, 'statusChanged', { date: statusNames[t.to].en, text: reason });
    await syncMemberIndex(tx, id);
    return getMembership(tx, id);
  });
}

// The recurring job: reminders, grace, lapse

export async function runRenewals(db: Db, now: Date) {
  const today = isoDay(now);
  const counts = { reminders: 0, grace: 0, lapsed: 0 };
  const active = await db
    .select({
      id: memberships.id,
      renewalDate: memberships.renewalDate,
      remindersSent: memberships.remindersSent,
      reminderDays: membershipCategories.reminderDays,
      graceDays: membershipCategories.graceDays,
    })
    .from(memberships)
    .innerJoin(membershipCategories, eq(membershipCategories.id, memberships.categoryId))
    .where(eq(memberships.status, 'active'));
  for (const m of active) {
    if (m.renewalDate <= today) {
      // The term is over: the grace period begins.
      const graceUntil = addDays(m.renewalDate, m.graceDays);
      await db.transaction(async (tx) => {
        const [moved] = await tx
          .update(memberships)
          .set({ status: 'grace', graceUntil, updatedAt: new Date() })
          .where(and(eq(memberships.id, m.id), eq(memberships.status, 'active')))
          .returning({ id: memberships.id });
        if (!moved) return;
        await history(tx, m.id, { action: 'grace', from: 'active', to: 'grace', details: { graceUntil }, at: now });
        await mailMember(tx, await loadMember(tx, m.id), 'grace', { date: graceUntil });
        counts.grace++;
      });
      continue;
    }
    const due = m.reminderDays.filter((d) => addDays(m.renewalDate, -d) <= today && !m.remindersSent.includes(d));
    if (!due.length) continue;
    await db.transaction(async (tx) => {
      const [moved] = await tx
        .update(memberships)
        .set({ remindersSent: [...m.remindersSent, ...due] })
        .where(
          and(
            eq(memberships.id, m.id),
            eq(memberships.status, 'active'),
            sql`${memberships.remindersSent} = ${JSON.stringify(m.remindersSent)}::jsonb`,
          ),
        )
        .returning({ id: memberships.id });
      if (!moved) return;
      const days = daysBetween(today, m.renewalDate);
      await history(tx, m.id, { action: 'reminder', details: { days, renewalDate: m.renewalDate }, at: now });
      await mailMember(tx, await loadMember(tx, m.id), 'reminder', { date: m.renewalDate, days });
      counts.reminders++;
    });
  }
  const ending = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.status, 'grace'), sql`${memberships.graceUntil} <= ${today}`));
  for (const m of ending) {
    await db.transaction(async (tx) => {
      const [moved] = await tx
        .update(memberships)
        .set({ status: 'lapsed', updatedAt: new Date() })
        .where(and(eq(memberships.id, m.id), eq(memberships.status, 'grace')))
        .returning({ id: memberships.id });
      if (!moved) return;
      await history(tx, m.id, { action: 'lapsed', from: 'grace', to: 'lapsed', at: now });
      await mailMember(tx, await loadMember(tx, m.id), 'lapsed');
      await syncMemberIndex(tx, m.id);
      counts.lapsed++;
    });
  }
  return counts;
}

// Member portal

async function managed(db: DbOrTx, actor: Actor, id: string) {
  const [r] = await memberBase(db).where(eq(memberships.id, id));
  if (!r || !canManageMembership(actor, r)) throw notFound();
  return r;
}

async function portalView(db: DbOrTx, r: MemberRow) {
  const reps = r.organizationId ? await usersWithScope(db, contactRole, 'organization', r.organizationId) : [];
  const invited = r.organizationId
    ? await db
        .select({
          id: representativeInvitations.id,
          email: representativeInvitations.email,
          name: representativeInvitations.name,
          title: representativeInvitations.title,
          createdAt: representativeInvitations.createdAt,
          expiresAt: representativeInvitations.expiresAt,
        })
        .from(representativeInvitations)
        .where(
          and(
            eq(representativeInvitations.membershipId, r.id),
            isNull(representativeInvitations.acceptedAt),
            isNull(representativeInvitations.declinedAt),
            isNull(representativeInvitations.revokedAt),
          ),
        )
        .orderBy(asc(representativeInvitations.createdAt))
    : [];
  return {
    ...presentMember(r),
    description: r.description ?? {},
    website: r.website ?? null,
    logoFileId: r.logoFileId ?? null,
    representatives: reps.map((u) => ({ userId: u.id, name: u.name, email: u.email })),
    invitations: invited,
  };
}

export async function myMemberships(db: DbOrTx, actor: Actor) {
  const orgIds = actor.scopes.filter((s) => s.role === contactRole && s.scopeType === 'organization').map((s) => s.scopeId);
  const rows = await memberBase(db)
    .where(or(eq(person.userId, actor.userId), orgIds.length ? inArray(sql`${memberships.organizationId}::text`, orgIds) : sql`false`))
    .orderBy(asc(nameOrder));
  return Promise.all(rows.map((r) => portalView(db, r)));
}

export async function getPortalMembership(db: DbOrTx, actor: Actor, id: string) {
  return portalView(db, await managed(db, actor, id));
}

export async function updateProfile(
  db: Db,
  actor: Actor,
  id: string,
  input: { description?: LocalizedText; website?: string | null; sector?: string | null },
) {
  return db.transaction(async (tx) => {
    const r = await managed(tx, actor, id);
    if (r.organizationId && (input.description !== undefined || input.website !== undefined)) {
      const o = await getOrganization(tx, r.organizationId);
      await updateOrganization(tx as unknown as Db, actor, o.id, {
        name: o.name,
        shortName: o.shortName,
        countryCode: o.countryCode,
        stakeholderGroup: o.stakeholderGroup as 'academia',
        website: input.website !== undefined ? input.website : o.website,
        description: input.description ?? o.description,
      });
    }
    if (input.sector !== undefined) {
      await tx.update(memberships).set({ sector: input.sector, updatedAt: new Date() }).where(eq(memberships.id, id));
      await audit(tx, {
        actor,
        action: 'membership.sector',
        entity: 'membership',
        entityId: id,
        before: { sector: r.sector },
        after: { sector: input.sector },
      });
    }
    await syncMemberIndex(tx, id);
    return portalView(tx, await loadMember(tx, id));
  });
}

/** A contact (or the secretariat) uploads the organization's logo; the file is read only once they may. */
export async function uploadLogo(db: Db, filesDir: string, actor: Actor, id: string, read: () => Promise<Upload>) {
  const r = await managed(db, actor, id);
  const up = await read();
  if (!r.organizationId) throw fail(membershipErrors, 'not_an_organization', 'Only organization members have a logo.');
  const stored = await storeFile(db, filesDir, { ...up, allowed: imageTypes, ownerId: actor.userId });
  await setOrganizationLogo(db, actor, r.organizationId, stored.id);
  return getPortalMembership(db, actor, id);
}

export async function setDirectoryOptIn(db: Db, actor: Actor, id: string, optIn: boolean) {
  return db.transaction(async (tx) => {
    const r = await managed(tx, actor, id);
    if (r.directoryOptIn !== optIn) {
      await tx.update(memberships).set({ directoryOptIn: optIn, updatedAt: new Date() }).where(eq(memberships.id, id));
      await history(tx, id, { action: optIn ? 'opt_in' : 'opt_out', actorId: actor.userId });
      await audit(tx, {
        actor,
        action: optIn ? 'membership.directory_opt_in' : 'membership.directory_opt_out',
        entity: 'membership',
        entityId: id,
      });
    }
    await syncMemberIndex(tx, id);
    return portalView(tx, await loadMember(tx, id));
  });
}

export { managed as loadManagedMembership, loadMember, portalView };
export type { Tx };

// Public member directory

export interface PublicQuery {
  q?: string;
  country?: string;
  continent?: string;
  stakeholderGroup?: string;
  page: number;
  pageSize: number;
}

const listed = () => [eq(memberships.directoryOptIn, true), inArray(memberships.status, [...countingStatuses])];

export async function publicMembers(db: DbOrTx, q: PublicQuery) {
  const { rows, total } = await pageOf(
    db,
    [...listed(), ...memberFilters({ q: q.q, country: q.country, continent: q.continent, stakeholderGroup: q.stakeholderGroup })],
    q.page,
    q.pageSize,
  );
  return { items: rows.map(presentPublic), total, page: q.page, pageSize: q.pageSize };
}

export async function publicMember(db: DbOrTx, id: string) {
  const [r] = await memberBase(db).where(and(eq(memberships.id, id), ...listed()));
  if (!r) throw notFound();
  return presentPublic(r);
}

/** Every counting member as a population row for the representation figures. */
export async function memberPopulation(db: DbOrTx) {
  const rows = await memberBase(db).where(inArray(memberships.status, [...countingStatuses]));
  return rows.map((r) => ({
    continent: r.continent,
    country: r.countryCode,
    stakeholderGroup: r.stakeholderGroup,
    category: r.categoryKey,
    yearJoined: r.startDate.slice(0, 4),
  }));
}

/** The members, their countries and continents: the one definition of these figures (home page, dashboard, lists). */
export async function memberFigures(db: DbOrTx) {
  const rows = await memberPopulation(db);
  const distinct = (values: Array<string | null>) => new Set(values.filter(Boolean)).size;
  return { members: rows.length, countries: distinct(rows.map((r) => r.country)), continents: distinct(rows.map((r) => r.continent)) };
}

export async function membersByStatus(db: DbOrTx) {
  return db
    .select({ key: memberships.status, count: sql<number>`count(*)::int` })
    .from(memberships)
    .groupBy(memberships.status)
    .orderBy(desc(sql`count(*)`));
}
