import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/access.js';
import { audit } from '../../platform/audit/index.js';
import type { DbOrTx } from '../../platform/db/index.js';
import { documentTypes, readFile, storeFile } from '../../platform/files/index.js';
import { files } from '../../platform/files/model.js';
import type { Upload } from '../../platform/http/upload.js';
import { fail, forbidden, invalid, notFound } from '../../platform/http/errors.js';
import { groupsErrors } from './contract.js';
import { localize, type Locale, type LocalizedText } from '../../platform/i18n/index.js';
import { queueMail } from '../../platform/mail/index.js';
import { indexDocs, type SearchDoc } from '../../platform/search/index.js';
import { accountById, accountRows, ensureUser, grantRole, revokeRole } from '../accounts/index.js';
import { getOrganization, isAffiliated, linkedPerson, organizationRows } from '../directory/index.js';
import { eventRows } from '../events/index.js';
import type * as c from './contract.js';
import { groupMails } from './mails.js';
import { documents, documentVersions, groupMeetings, groupMembers, groupPosts, groupThreads, workingGroups } from './model.js';
import { canActForOrganization, isGroupEditor, isGroupInsider } from './policy.js';
import { renderMarkdown } from './render.js';
import { pageUrl } from '../../platform/http/urls.js';
import { groupsPages } from './contract.js';
import { pagePath } from '../../platform/http/links.js';

export const auditActor = (a: Actor | null) => (a ? { userId: a.userId, email: a.email } : null);
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const uuidRe = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Group = typeof workingGroups.$inferSelect;
type Member = typeof groupMembers.$inferSelect;

export async function loadGroup(db: DbOrTx, idOrSlug: string): Promise<Group> {
  const [g] = await db
    .select()
    .from(workingGroups)
    .where(uuidRe.test(idOrSlug) ? eq(workingGroups.id, idOrSlug) : eq(workingGroups.slug, idOrSlug.toLowerCase()));
  if (!g) throw notFound();
  return g;
}

/** The workspace is for insiders; everyone else is told it does not exist. */
export async function loadGroupAsInsider(db: DbOrTx, actor: Actor | null, idOrSlug: string) {
  const g = await loadGroup(db, idOrSlug);
  if (!isGroupInsider(actor, g)) throw notFound();
  return g;
}

export async function loadGroupAsEditor(db: DbOrTx, actor: Actor, idOrSlug: string) {
  const g = await loadGroupAsInsider(db, actor, idOrSlug);
  if (!isGroupEditor(actor, g)) throw forbidden('Only the chair, the co-chairs and the secretariat may do this.');
  return g;
}

export const groupSearchDoc = (g: Group): SearchDoc => ({
  kind: 'group',
  id: g.id,
  visibility: 'public',
  title: g.name,
  summary: g.mandate,
  url: pagePath(groupsPages.group, { slug: g.slug }),
});

async function reindexGroup(db: DbOrTx, g: Group) {
  await indexDocs(db, [groupSearchDoc(g)]);
}

async function checkLiaison(db: DbOrTx, userId: string | null | undefined) {
  if (!userId) return;
  if (!(await accountById(db, userId))) throw invalid('liaisonUserId', 'No such account.');
}

export async function createGroup(db: DbOrTx, actor: Actor, input: z.infer<typeof c.groupInput>) {
  await checkLiaison(db, input.liaisonUserId);
  const [dupe] = await db.select({ id: workingGroups.id }).from(workingGroups).where(eq(workingGroups.slug, input.slug));
  if (dupe) throw fail(groupsErrors, 'slug_taken', 'Another group already uses this address.');
  const [g] = await db
    .insert(workingGroups)
    .values({ slug: input.slug, name: input.name, mandate: input.mandate ?? {}, liaisonUserId: input.liaisonUserId ?? null })
    .returning();
  await audit(db, { actor: auditActor(actor), action: 'group.create', entity: 'group', entityId: g.id, after: input });
  await reindexGroup(db, g);
  return g;
}

export async function updateGroup(db: DbOrTx, actor: Actor, g: Group, input: z.infer<typeof c.groupUpdate>) {
  // Chairs keep the name and mandate; the liaison and closing the group are the secretariat's.
  if ((input.liaisonUserId !== undefined || input.status) && !isGroupEditor(actor, null))
    throw forbidden('Only the secretariat changes the liaison or closes a group.');
  await checkLiaison(db, input.liaisonUserId);
  const [after] = await db
    .update(workingGroups)
    .set({
      ...(input.name ? { name: input.name } : {}),
      ...(input.mandate ? { mandate: input.mandate } : {}),
      ...(input.liaisonUserId !== undefined ? { liaisonUserId: input.liaisonUserId } : {}),
      ...(input.status ? { status: input.status } : {}),
      updatedAt: new Date(),
    })
    .where(eq(workingGroups.id, g.id))
    .returning();
  await audit(db, {
    actor: auditActor(actor),
    action: 'group.update',
    entity: 'group',
    entityId: g.id,
    before: { name: g.name, mandate: g.mandate, liaisonUserId: g.liaisonUserId },
    after: input,
  });
  await reindexGroup(db, after);
  return after;
}

/** Working groups at work (not closed), for the staff overview's figures. */
export async function activeGroupCount(db: DbOrTx) {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(workingGroups).where(eq(workingGroups.status, 'active'));
  return n;
}

export async function listGroups(db: DbOrTx) {
  const rows = await db
    .select({
      id: workingGroups.id,
      slug: workingGroups.slug,
      name: workingGroups.name,
      mandate: workingGroups.mandate,
      status: workingGroups.status,
      // The table is named: inside the subquery a bare "id" would be the member's own id.
      memberCount: sql<number>`(select count(*)::int from group_members m where m.group_id = ${workingGroups}.id and m.status = 'active')`,
    })
    .from(workingGroups)
    .orderBy(asc(workingGroups.createdAt));
  return rows;
}

const account = accountRows();
const organization = organizationRows();
const memberColumns = {
  id: groupMembers.id,
  userId: groupMembers.userId,
  name: account.name,
  email: account.email,
  role: groupMembers.role,
  status: groupMembers.status,
  organizationId: groupMembers.organizationId,
  organizationName: organization.name,
  message: groupMembers.message,
  createdAt: groupMembers.createdAt,
};

async function memberRows(db: DbOrTx, groupId: string, statuses: Member['status'][]) {
  return db
    .select(memberColumns)
    .from(groupMembers)
    .innerJoin(account, eq(account.id, groupMembers.userId))
    .leftJoin(organization, eq(organization.id, groupMembers.organizationId))
    .where(and(eq(groupMembers.groupId, groupId), inArray(groupMembers.status, statuses)))
    .orderBy(sql`case ${groupMembers.role} when 'chair' then 0 when 'co_chair' then 1 else 2 end`, asc(account.name));
}

/** The places an organization holds in working groups, every status, newest first (for its page in the directory). */
export async function organizationGroups(db: DbOrTx, organizationId: string) {
  await getOrganization(db, organizationId);
  return db
    .select({
      groupId: workingGroups.id,
      slug: workingGroups.slug,
      group: workingGroups.name,
      name: account.name,
      role: groupMembers.role,
      status: groupMembers.status,
      since: sql<Date>`coalesce(${groupMembers.decidedAt}, ${groupMembers.createdAt})`.mapWith(groupMembers.createdAt),
    })
    .from(groupMembers)
    .innerJoin(workingGroups, eq(workingGroups.id, groupMembers.groupId))
    .innerJoin(account, eq(account.id, groupMembers.userId))
    .where(eq(groupMembers.organizationId, organizationId))
    .orderBy(desc(groupMembers.createdAt));
}

/** The public page: mandate, chairs, member organizations and published outputs. No e-mail address leaves here. */
export async function publicGroup(db: DbOrTx, actor: Actor | null, idOrSlug: string) {
  const g = await loadGroup(db, idOrSlug);
  const active = await memberRows(db, g.id, ['active']);
  const orgIds = [...new Set(active.map((m) => m.organizationId).filter(Boolean) as string[])];
  const orgs = orgIds.length
    ? await db
        .select({
          id: organization.id,
          name: organization.name,
          countryCode: organization.countryCode,
          stakeholderGroup: organization.stakeholderGroup,
        })
        .from(organization)
        .where(inArray(organization.id, orgIds))
    : [];
  const [liaison] = g.liaisonUserId
    ? await db.select({ userId: account.id, name: account.name }).from(account).where(eq(account.id, g.liaisonUserId))
    : [];
  const outputs = await db
    .select({
      id: documents.id,
      kind: documents.kind,
      title: documents.title,
      versionLabel: documentVersions.label,
      publishedAt: documentVersions.publishedAt,
    })
    .from(documents)
    .innerJoin(documentVersions, eq(documentVersions.documentId, documents.id))
    .where(and(eq(documents.groupId, g.id), eq(documentVersions.status, 'published')))
    .orderBy(desc(documentVersions.publishedAt));
  const latestOutputs = [...new Map(outputs.map((o) => [o.id, o])).values()];
  const mine = actor
    ? await db
        .select({ status: groupMembers.status })
        .from(groupMembers)
        .where(and(eq(groupMembers.groupId, g.id), eq(groupMembers.userId, actor.userId)))
    : [];
  return {
    id: g.id,
    slug: g.slug,
    name: g.name,
    mandate: g.mandate,
    status: g.status,
    chairs: active
      .filter((m) => m.role !== 'member')
      .map((m) => ({
        userId: m.userId,
        name: m.name,
        role: m.role as 'chair' | 'co_chair',
        organizationId: m.organizationId,
        organizationName: m.organizationName,
      })),
    liaison: liaison ?? null,
    memberCount: active.length,
    memberOrganizations: orgs.sort((a, b) => (a.name.en ?? '').localeCompare(b.name.en ?? '')),
    outputs: latestOutputs.map((o) => ({ ...o, kind: o.kind, publishedAt: iso(o.publishedAt) })),
    you: { member: isGroupInsider(actor, g), editor: isGroupEditor(actor, g), status: mine[0]?.status ?? null },
  };
}

export async function listMembers(db: DbOrTx, actor: Actor, g: Group) {
  const editor = isGroupEditor(actor, g);
  const rows = await memberRows(db, g.id, editor ? ['active', 'invited', 'requested'] : ['active']);
  return rows.map((r) => ({
    ...r,
    role: r.role as 'member',
    status: r.status as 'active',
    email: editor ? r.email : null,
    message: editor ? r.message : null,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** Keeps the scoped roles in step with the membership row: active chairs and co-chairs edit, active members take part. */
async function syncRoles(db: DbOrTx, m: Pick<Member, 'userId' | 'groupId' | 'role' | 'status'>) {
  const scope = { type: 'group', id: m.groupId };
  await revokeRole(db, m.userId, 'group_chair', scope);
  await revokeRole(db, m.userId, 'group_member', scope);
  if (m.status !== 'active') return;
  await grantRole(db, m.userId, 'group_member', scope);
  if (m.role === 'chair' || m.role === 'co_chair') await grantRole(db, m.userId, 'group_chair', scope);
}

async function checkOrganization(db: DbOrTx, organizationId: string | null | undefined) {
  if (!organizationId) return;
  const [o] = await db.select({ id: organization.id }).from(organization).where(eq(organization.id, organizationId));
  if (!o) throw invalid('organizationId', 'No such organization.');
}

const groupTitle = (g: Group, locale: Locale) => localize(g.name, locale).text;

/**
 * A chair or co-chair invites (the person accepts); staff may instead add someone directly,
 * which is audited as such. A pending request from the same person counts as their consent.
 */
export async function invite(db: DbOrTx, actor: Actor, g: Group, input: z.infer<typeof c.inviteInput>) {
  if (input.role === 'chair' && !isGroupEditor(actor, null)) throw forbidden('Only the secretariat appoints the chair.');
  if (input.direct && !isGroupEditor(actor, null)) throw forbidden('Only the secretariat adds members directly; chairs invite.');
  await checkOrganization(db, input.organizationId);
  const { user } = await ensureUser(db, { email: input.email, name: input.name ?? input.email.split('@')[0] });
  const [existing] = await db
    .select()
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, g.id), eq(groupMembers.userId, user.id)));
  if (existing?.status === 'active') throw fail(groupsErrors, 'already_member', 'This person is already a member of the group.');
  const person = await linkedPerson(db, user.id);
  const status: Member['status'] = input.direct || existing?.status === 'requested' ? 'active' : 'invited';
  const values = {
    role: input.role,
    status,
    organizationId: input.organizationId ?? null,
    personId: person?.id ?? null,
    message: input.message ?? null,
    invitedBy: actor.userId,
    decidedBy: status === 'active' ? actor.userId : null,
    decidedAt: status === 'active' ? new Date() : null,
  };
  const [m] = existing
    ? await db.update(groupMembers).set(values).where(eq(groupMembers.id, existing.id)).returning()
    : await db
        .insert(groupMembers)
        .values({ ...values, groupId: g.id, userId: user.id })
        .returning();
  await syncRoles(db, m);
  const locale = (user.locale as Locale) ?? 'en';
  const mail = input.direct ? groupMails.added : groupMails.invitation;
  const t = mail[locale] ?? mail.en;
  await queueMail(db, {
    to: user.email,
    subject: t.subject(groupTitle(g, locale)),
    text: t.body(groupTitle(g, locale), pageUrl(groupsPages.group, { slug: g.slug }, locale), user.name),
    locale,
    template: input.direct ? 'group.added' : 'group.invitation',
  });
  await audit(db, {
    actor: auditActor(actor),
    action: input.direct ? 'group.member.add' : 'group.invite',
    entity: 'group_member',
    entityId: m.id,
    after: { groupId: g.id, userId: user.id, role: input.role, status },
  });
  return m;
}

export async function answerInvitation(db: DbOrTx, actor: Actor, g: Group, accept: boolean) {
  const [m] = await db
    .select()
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, g.id), eq(groupMembers.userId, actor.userId)));
  if (m?.status !== 'invited') throw fail(groupsErrors, 'no_invitation', 'You have no open invitation to this group.');
  const [after] = await db
    .update(groupMembers)
    .set({ status: accept ? 'active' : 'declined', decidedAt: new Date(), decidedBy: actor.userId })
    .where(eq(groupMembers.id, m.id))
    .returning();
  await syncRoles(db, after);
  await audit(db, {
    actor: auditActor(actor),
    action: accept ? 'group.invitation.accept' : 'group.invitation.decline',
    entity: 'group_member',
    entityId: m.id,
  });
  return after;
}

export async function requestToJoin(db: DbOrTx, actor: Actor, g: Group, input: z.infer<typeof c.joinRequestInput>) {
  if (g.status !== 'active') throw fail(groupsErrors, 'group_closed', 'This group has closed.');
  if (input.organizationId) {
    await checkOrganization(db, input.organizationId);
    // You may say you represent an organization if you are its contact or are affiliated with it.
    const person = await linkedPerson(db, actor.userId);
    const aff = person ? await isAffiliated(db, person.id, input.organizationId) : false;
    if (!aff && !canActForOrganization(actor, input.organizationId))
      throw invalid('organizationId', 'You are not linked to this organization.');
  }
  const [existing] = await db
    .select()
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, g.id), eq(groupMembers.userId, actor.userId)));
  if (existing?.status === 'active') throw fail(groupsErrors, 'already_member', 'You are already a member of this group.');
  if (existing?.status === 'requested') return existing; // a double click
  if (existing?.status === 'invited') return answerInvitation(db, actor, g, true);
  const person = await linkedPerson(db, actor.userId);
  const values = {
    status: 'requested' as const,
    role: 'member' as const,
    organizationId: input.organizationId ?? null,
    personId: person?.id ?? null,
    message: input.message ?? null,
    decidedAt: null,
    decidedBy: null,
  };
  const [m] = existing
    ? await db.update(groupMembers).set(values).where(eq(groupMembers.id, existing.id)).returning()
    : await db
        .insert(groupMembers)
        .values({ ...values, groupId: g.id, userId: actor.userId })
        .returning();
  await audit(db, { actor: auditActor(actor), action: 'group.request', entity: 'group_member', entityId: m.id, after: { groupId: g.id } });
  return m;
}

async function loadMember(db: DbOrTx, g: Group, memberId: string) {
  const [m] = await db
    .select()
    .from(groupMembers)
    .where(and(eq(groupMembers.id, memberId), eq(groupMembers.groupId, g.id)));
  if (!m) throw notFound();
  return m;
}

export async function decideRequest(db: DbOrTx, actor: Actor, g: Group, memberId: string, approve: boolean) {
  const m = await loadMember(db, g, memberId);
  if (m.status !== 'requested') {
    if ((approve && m.status === 'active') || (!approve && m.status === 'declined')) return m; // already decided so
    throw fail(groupsErrors, 'not_requested', 'This person has no pending request.');
  }
  const [after] = await db
    .update(groupMembers)
    .set({ status: approve ? 'active' : 'declined', decidedBy: actor.userId, decidedAt: new Date() })
    .where(eq(groupMembers.id, m.id))
    .returning();
  await syncRoles(db, after);
  if (approve) {
    const u = (await accountById(db, m.userId))!;
    const locale = (u.locale as Locale) ?? 'en';
    const t = groupMails.requestApproved[locale] ?? groupMails.requestApproved.en;
    await queueMail(db, {
      to: u.email,
      subject: t.subject(groupTitle(g, locale)),
      text: t.body(groupTitle(g, locale), pageUrl(groupsPages.workspace, { slug: g.slug }, locale), u.name),
      locale,
      template: 'group.request.approved',
    });
  }
  await audit(db, {
    actor: auditActor(actor),
    action: approve ? 'group.request.approve' : 'group.request.decline',
    entity: 'group_member',
    entityId: m.id,
  });
  return after;
}

export async function setMemberRole(db: DbOrTx, actor: Actor, g: Group, memberId: string, role: (typeof c.memberRoles)[number]) {
  const m = await loadMember(db, g, memberId);
  if ((role === 'chair' || m.role === 'chair') && !isGroupEditor(actor, null))
    throw forbidden('Only the secretariat appoints or replaces the chair.');
  const [after] = await db.update(groupMembers).set({ role }).where(eq(groupMembers.id, m.id)).returning();
  await syncRoles(db, after);
  await audit(db, {
    actor: auditActor(actor),
    action: 'group.role',
    entity: 'group_member',
    entityId: m.id,
    before: { role: m.role },
    after: { role },
  });
  return after;
}

/**
 * An editor removes someone (or withdraws an invitation), or a member leaves. The row goes:
 * the membership's only effects are the row and its role grants, and the audit log keeps the history.
 */
export async function removeMember(db: DbOrTx, actor: Actor, g: Group, memberId: string) {
  const m = await loadMember(db, g, memberId);
  if (m.userId !== actor.userId && !isGroupEditor(actor, g)) throw forbidden();
  if (m.role === 'chair' && m.userId !== actor.userId && !isGroupEditor(actor, null))
    throw forbidden('Only the secretariat removes the chair.');
  await db.delete(groupMembers).where(eq(groupMembers.id, m.id));
  await syncRoles(db, { ...m, status: 'left' });
  await audit(db, {
    actor: auditActor(actor),
    action: m.userId === actor.userId ? 'group.member.leave' : 'group.member.remove',
    entity: 'group_member',
    entityId: m.id,
    before: { groupId: g.id, userId: m.userId, role: m.role, status: m.status },
  });
}

// Meetings

type MeetingEvent = { id: string; slug: string; name: LocalizedText; startDate: string; endDate: string };

function presentMeeting(
  m: typeof groupMeetings.$inferSelect,
  file: { id: string; name: string; mime: string; size: number } | null,
  event: MeetingEvent | null,
) {
  return {
    id: m.id,
    groupId: m.groupId,
    title: m.title,
    startsAt: m.startsAt.toISOString(),
    durationMinutes: m.durationMinutes,
    timezone: m.timezone,
    mode: m.mode as 'online',
    location: m.location,
    link: m.link,
    minutes: m.minutes,
    minutesHtml: m.minutes ? renderMarkdown(m.minutes) : null,
    minutesFile: file,
    event,
  };
}

const atEvent = eventRows();
export async function listMeetings(db: DbOrTx, g: Group) {
  const rows = await db
    .select({
      m: groupMeetings,
      fid: files.id,
      fname: files.originalName,
      fmime: files.mime,
      fsize: files.size,
      event: { id: atEvent.id, slug: atEvent.slug, name: atEvent.name, startDate: atEvent.startDate, endDate: atEvent.endDate },
    })
    .from(groupMeetings)
    .leftJoin(files, eq(files.id, groupMeetings.minutesFileId))
    .leftJoin(atEvent, eq(atEvent.id, groupMeetings.eventId))
    .where(eq(groupMeetings.groupId, g.id))
    .orderBy(desc(groupMeetings.startsAt));
  return rows.map((r) =>
    presentMeeting(
      r.m,
      r.fid ? { id: r.fid, name: r.fname!, mime: r.fmime!, size: r.fsize! } : null,
      r.event?.id ? (r.event as MeetingEvent) : null,
    ),
  );
}

/** The event a meeting is held at must be published (drafts and cancelled events cannot be pointed to). */
async function checkMeetingEvent(db: DbOrTx, eventId: string | null | undefined) {
  if (!eventId) return null;
  const [ev] = await db
    .select({ id: atEvent.id })
    .from(atEvent)
    .where(and(eq(atEvent.id, eventId), eq(atEvent.status, 'published')));
  if (!ev) throw invalid('eventId', 'No published event has this id.');
  return ev.id;
}

export async function createMeeting(db: DbOrTx, actor: Actor, g: Group, input: z.infer<typeof c.meetingInput>) {
  if (input.mode !== 'in_person' && !input.link) throw invalid('link', 'An online or hybrid meeting needs a link.');
  if (input.mode !== 'online' && !input.location) throw invalid('location', 'An in-person or hybrid meeting needs a place.');
  const eventId = await checkMeetingEvent(db, input.eventId);
  const [m] = await db
    .insert(groupMeetings)
    .values({
      groupId: g.id,
      title: input.title,
      startsAt: new Date(input.startsAt),
      durationMinutes: input.durationMinutes,
      timezone: input.timezone,
      mode: input.mode,
      location: input.location ?? null,
      link: input.link ?? null,
      minutes: input.minutes ?? null,
      eventId,
      createdBy: actor.userId,
    })
    .returning();
  await audit(db, { actor: auditActor(actor), action: 'group.meeting.create', entity: 'group_meeting', entityId: m.id, after: input });
  return (await listMeetings(db, g)).find((x) => x.id === m.id)!;
}

export async function loadMeeting(db: DbOrTx, g: Group, meetingId: string) {
  const [m] = await db
    .select()
    .from(groupMeetings)
    .where(and(eq(groupMeetings.id, meetingId), eq(groupMeetings.groupId, g.id)));
  if (!m) throw notFound();
  return m;
}

export async function updateMeeting(db: DbOrTx, actor: Actor, g: Group, meetingId: string, input: z.infer<typeof c.meetingInput>) {
  const before = await loadMeeting(db, g, meetingId);
  if (input.mode !== 'in_person' && !input.link) throw invalid('link', 'An online or hybrid meeting needs a link.');
  if (input.mode !== 'online' && !input.location) throw invalid('location', 'An in-person or hybrid meeting needs a place.');
  const eventId = await checkMeetingEvent(db, input.eventId);
  await db
    .update(groupMeetings)
    .set({
      title: input.title,
      startsAt: new Date(input.startsAt),
      durationMinutes: input.durationMinutes,
      timezone: input.timezone,
      mode: input.mode,
      location: input.location ?? null,
      link: input.link ?? null,
      minutes: input.minutes ?? null,
      eventId,
    })
    .where(eq(groupMeetings.id, meetingId));
  await audit(db, {
    actor: auditActor(actor),
    action: 'group.meeting.update',
    entity: 'group_meeting',
    entityId: meetingId,
    before: { startsAt: before.startsAt, minutes: before.minutes },
    after: input,
  });
  return (await listMeetings(db, g)).find((m) => m.id === meetingId)!;
}

export async function attachMinutes(db: DbOrTx, actor: Actor, g: Group, meetingId: string, fileId: string) {
  await loadMeeting(db, g, meetingId);
  await db.update(groupMeetings).set({ minutesFileId: fileId }).where(eq(groupMeetings.id, meetingId));
  await audit(db, {
    actor: auditActor(actor),
    action: 'group.meeting.minutes',
    entity: 'group_meeting',
    entityId: meetingId,
    after: { fileId },
  });
}

// Discussion

export async function listThreads(db: DbOrTx, g: Group) {
  const rows = await db
    .select({
      id: groupThreads.id,
      title: groupThreads.title,
      createdBy: account.name,
      createdAt: groupThreads.createdAt,
      lastPostAt: groupThreads.lastPostAt,
      posts: sql<number>`(select count(*)::int from group_posts p where p.thread_id = ${groupThreads.id})`,
    })
    .from(groupThreads)
    .innerJoin(account, eq(account.id, groupThreads.createdBy))
    .where(eq(groupThreads.groupId, g.id))
    .orderBy(desc(groupThreads.lastPostAt));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), lastPostAt: r.lastPostAt.toISOString() }));
}

export async function createThread(db: DbOrTx, actor: Actor, g: Group, input: z.infer<typeof c.threadInput>) {
  const [t] = await db.insert(groupThreads).values({ groupId: g.id, title: input.title, createdBy: actor.userId }).returning();
  await db.insert(groupPosts).values({ threadId: t.id, authorId: actor.userId, body: input.body });
  await audit(db, { actor: auditActor(actor), action: 'group.thread.create', entity: 'group_thread', entityId: t.id });
  return t;
}

async function loadThread(db: DbOrTx, g: Group, threadId: string) {
  const [t] = await db
    .select()
    .from(groupThreads)
    .where(and(eq(groupThreads.id, threadId), eq(groupThreads.groupId, g.id)));
  if (!t) throw notFound();
  return t;
}

export async function listPosts(db: DbOrTx, g: Group, threadId: string) {
  const t = await loadThread(db, g, threadId);
  const rows = await db
    .select({ id: groupPosts.id, authorName: account.name, body: groupPosts.body, createdAt: groupPosts.createdAt })
    .from(groupPosts)
    .innerJoin(account, eq(account.id, groupPosts.authorId))
    .where(eq(groupPosts.threadId, t.id))
    .orderBy(asc(groupPosts.createdAt));
  return {
    id: t.id,
    title: t.title,
    posts: rows.map((r) => ({ ...r, html: renderMarkdown(r.body), createdAt: r.createdAt.toISOString() })),
  };
}

export async function addPost(db: DbOrTx, actor: Actor, g: Group, threadId: string, body: string) {
  const t = await loadThread(db, g, threadId);
  const [p] = await db.insert(groupPosts).values({ threadId: t.id, authorId: actor.userId, body }).returning();
  await db.update(groupThreads).set({ lastPostAt: new Date() }).where(eq(groupThreads.id, t.id));
  await audit(db, { actor: auditActor(actor), action: 'group.post.create', entity: 'group_post', entityId: p.id });
  return p;
}

// Use cases: one per route, each in its own transaction (a savepoint when given one).

export async function startGroup(db: DbOrTx, actor: Actor, input: z.infer<typeof c.groupInput>) {
  return db.transaction((t) => createGroup(t, actor, input));
}

export async function changeGroup(db: DbOrTx, actor: Actor, idOrSlug: string, input: z.infer<typeof c.groupUpdate>) {
  return db.transaction(async (t) => {
    const after = await updateGroup(t, actor, await loadGroupAsEditor(t, actor, idOrSlug), input);
    return { id: after.id };
  });
}

export async function groupMembersFor(db: DbOrTx, actor: Actor, idOrSlug: string) {
  return listMembers(db, actor, await loadGroupAsInsider(db, actor, idOrSlug));
}

export async function inviteToGroup(db: DbOrTx, actor: Actor, idOrSlug: string, input: z.infer<typeof c.inviteInput>) {
  const m = await db.transaction(async (t) => invite(t, actor, await loadGroupAsEditor(t, actor, idOrSlug), input));
  return { id: m.id, status: m.status };
}

export async function answerGroupInvitation(db: DbOrTx, actor: Actor, idOrSlug: string, accept: boolean) {
  const m = await db.transaction(async (t) => answerInvitation(t, actor, await loadGroup(t, idOrSlug), accept));
  return { id: m.id, status: m.status };
}

export async function askToJoin(db: DbOrTx, actor: Actor, idOrSlug: string, input: z.infer<typeof c.joinRequestInput>) {
  const m = await db.transaction(async (t) => requestToJoin(t, actor, await loadGroup(t, idOrSlug), input));
  return { id: m.id, status: m.status };
}

export async function decideJoinRequest(db: DbOrTx, actor: Actor, idOrSlug: string, memberId: string, approve: boolean) {
  const m = await db.transaction(async (t) => decideRequest(t, actor, await loadGroupAsEditor(t, actor, idOrSlug), memberId, approve));
  return { id: m.id, status: m.status };
}

export async function changeMemberRole(db: DbOrTx, actor: Actor, idOrSlug: string, memberId: string, role: (typeof c.memberRoles)[number]) {
  const m = await db.transaction(async (t) => setMemberRole(t, actor, await loadGroupAsEditor(t, actor, idOrSlug), memberId, role));
  return { id: m.id, role: m.role };
}

/** Removes a member (editors), or the caller leaves. */
export async function removeGroupMember(db: DbOrTx, actor: Actor, idOrSlug: string, memberId: string) {
  await db.transaction(async (t) => removeMember(t, actor, await loadGroupAsInsider(t, actor, idOrSlug), memberId));
  return { ok: true as const };
}

export async function planMeeting(db: DbOrTx, actor: Actor, idOrSlug: string, input: z.infer<typeof c.meetingInput>) {
  return db.transaction(async (t) => createMeeting(t, actor, await loadGroupAsEditor(t, actor, idOrSlug), input));
}

export async function changeMeeting(db: DbOrTx, actor: Actor, idOrSlug: string, meetingId: string, input: z.infer<typeof c.meetingInput>) {
  return db.transaction(async (t) => updateMeeting(t, actor, await loadGroupAsEditor(t, actor, idOrSlug), meetingId, input));
}

/** Keeps an uploaded file as a meeting's minutes; the upload is read only once the caller may edit the group. */
export async function uploadMinutes(
  db: DbOrTx,
  files: { dir: string; maxBytes: number },
  actor: Actor,
  idOrSlug: string,
  meetingId: string,
  read: () => Promise<Upload>,
) {
  const g = await loadGroupAsEditor(db, actor, idOrSlug);
  await loadMeeting(db, g, meetingId);
  const up = await read();
  return db.transaction(async (t) => {
    const f = await storeFile(t, files.dir, { ...up, allowed: documentTypes, maxBytes: files.maxBytes, ownerId: actor.userId });
    await attachMinutes(t, actor, g, meetingId, f.id);
    return { fileId: f.id };
  });
}

/** A meeting's minutes file, for the group's insiders. */
export async function minutesFile(db: DbOrTx, filesDir: string, actor: Actor, idOrSlug: string, meetingId: string) {
  const g = await loadGroupAsInsider(db, actor, idOrSlug);
  const m = await loadMeeting(db, g, meetingId);
  const f = m.minutesFileId ? await readFile(db, filesDir, m.minutesFileId) : null;
  if (!f) throw notFound();
  return { mime: f.mime, name: f.originalName, data: f.data };
}

export async function startThread(db: DbOrTx, actor: Actor, idOrSlug: string, input: z.infer<typeof c.threadInput>) {
  const t0 = await db.transaction(async (t) => createThread(t, actor, await loadGroupAsInsider(t, actor, idOrSlug), input));
  return { id: t0.id };
}

export async function threadFor(db: DbOrTx, actor: Actor, idOrSlug: string, threadId: string) {
  return listPosts(db, await loadGroupAsInsider(db, actor, idOrSlug), threadId);
}

export async function replyInThread(db: DbOrTx, actor: Actor, idOrSlug: string, threadId: string, body: string) {
  const p = await db.transaction(async (t) => addPost(t, actor, await loadGroupAsInsider(t, actor, idOrSlug), threadId, body));
  return { id: p.id };
}
