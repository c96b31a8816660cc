import crypto from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/access.js';
import { audit } from '../../platform/audit/index.js';
import type { DbOrTx } from '../../platform/db/index.js';
import { fail, forbidden, invalid, notFound } from '../../platform/http/errors.js';
import { localize, type Locale, type LocalizedText } from '../../platform/i18n/index.js';
import { queueMail } from '../../platform/mail/index.js';
import { groupMails } from './mails.js';
import { indexDocs, type SearchDoc } from '../../platform/search/index.js';
import { accountRows } from '../accounts/index.js';
import { linkedPerson, organizationRows } from '../directory/index.js';
import { createPublication, publicationBySourceVersion } from '../library/index.js';
import type * as c from './contract.js';
import { statusMoves, type VersionStatus, groupsErrors, groupsPages } from './contract.js';
import { pageUrl } from '../../platform/http/urls.js';
import { diffVersions } from './diff.js';
import {
  commentRounds,
  documentComments,
  documentParagraphs,
  documents,
  documentVersions,
  endorsements,
  groupMembers,
  jointSubmissions,
  workingGroups,
} from './model.js';
import { canActForOrganization, isGroupEditor, isGroupInsider, isPublicStatus, type GroupRef } from './policy.js';
import { renderMarkdown } from './render.js';
import {
  auditActor,
  groupSearchDoc,
  listGroups,
  listMeetings,
  listThreads,
  loadGroupAsEditor,
  loadGroupAsInsider,
  type Group,
} from './service.js';
import { pagePath } from '../../platform/http/links.js';

type Doc = typeof documents.$inferSelect;
type Version = typeof documentVersions.$inferSelect;
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const newKey = () => `p-${crypto.randomBytes(5).toString('hex')}`;

interface Loaded {
  doc: Doc;
  group: Group | null;
  insider: boolean;
  editor: boolean;
}

/** Loads a document with what the caller may do; a caller who may see no version of it is told it does not exist. */
export async function loadDocument(db: DbOrTx, actor: Actor | null, id: string): Promise<Loaded & { versions: Version[] }> {
  const [doc] = await db.select().from(documents).where(eq(documents.id, id));
  if (!doc) throw notFound();
  const [group] = doc.groupId ? await db.select().from(workingGroups).where(eq(workingGroups.id, doc.groupId)) : [null];
  const ref: GroupRef | null = group ?? null;
  const editor = isGroupEditor(actor, ref);
  const insider = editor || (!!group && isGroupInsider(actor, group));
  const all = await db.select().from(documentVersions).where(eq(documentVersions.documentId, id)).orderBy(asc(documentVersions.number));
  const versions = insider ? all : all.filter((v) => isPublicStatus(v.status));
  if (!versions.length) throw notFound();
  return { doc, group: group ?? null, insider, editor, versions };
}

async function loadEditable(db: DbOrTx, actor: Actor, id: string) {
  const l = await loadDocument(db, actor, id);
  if (!l.editor) throw forbidden('Only the chair, the co-chairs and the secretariat edit documents.');
  return l;
}

const latest = (versions: Version[]) => versions[versions.length - 1];

async function paragraphsOf(db: DbOrTx, versionId: string) {
  return db
    .select({ key: documentParagraphs.key, position: documentParagraphs.position, text: documentParagraphs.text })
    .from(documentParagraphs)
    .where(eq(documentParagraphs.versionId, versionId))
    .orderBy(asc(documentParagraphs.position));
}

function languagesOf(paragraphs: Array<{ text: LocalizedText }>) {
  return [...new Set(paragraphs.flatMap((p) => Object.keys(p.text)))].sort();
}

async function writeParagraphs(db: DbOrTx, versionId: string, input: Array<{ key?: string; text: LocalizedText }>) {
  const seen = new Set<string>();
  const rows = input.map((p, i) => {
    const key = p.key ?? newKey();
    if (seen.has(key)) throw invalid(`paragraphs.${i}.key`, 'Two paragraphs have the same key.');
    seen.add(key);
    return { versionId, key, position: i, text: p.text };
  });
  await db.delete(documentParagraphs).where(eq(documentParagraphs.versionId, versionId));
  if (rows.length) await db.insert(documentParagraphs).values(rows);
  return languagesOf(rows);
}

export async function createDocument(db: DbOrTx, actor: Actor, group: Group | null, input: z.infer<typeof c.documentInput>) {
  const [doc] = await db
    .insert(documents)
    .values({ groupId: group?.id ?? null, kind: input.kind, title: input.title, createdBy: actor.userId })
    .returning();
  const [v] = await db
    .insert(documentVersions)
    .values({ documentId: doc.id, number: 1, label: input.label, status: 'draft', createdBy: actor.userId })
    .returning();
  const languages = await writeParagraphs(db, v.id, input.paragraphs);
  await db.update(documentVersions).set({ languages }).where(eq(documentVersions.id, v.id));
  await audit(db, {
    actor: auditActor(actor),
    action: 'document.create',
    entity: 'document',
    entityId: doc.id,
    after: { kind: input.kind, title: input.title, groupId: group?.id ?? null },
  });
  return doc;
}

export async function updateTitle(db: DbOrTx, actor: Actor, id: string, title: LocalizedText) {
  const l = await loadEditable(db, actor, id);
  if (l.versions.some((v) => v.status === 'published'))
    throw fail(groupsErrors, 'version_frozen', 'A version of this document is published; its title no longer changes.');
  await db.update(documents).set({ title, updatedAt: new Date() }).where(eq(documents.id, id));
  await audit(db, {
    actor: auditActor(actor),
    action: 'document.title',
    entity: 'document',
    entityId: id,
    before: l.doc.title,
    after: title,
  });
}

function assertChangeable(v: Version) {
  if (v.status === 'published') throw fail(groupsErrors, 'version_frozen', 'This version is published and can no longer change.');
}

function loadVersion(l: { versions: Version[] }, versionId: string) {
  const v = l.versions.find((x) => x.id === versionId);
  if (!v) throw notFound();
  return v;
}

/** Replaces the paragraphs of a draft. Keys that are kept keep their comments and diffs. */
export async function updateVersionText(
  db: DbOrTx,
  actor: Actor,
  id: string,
  versionId: string,
  input: z.infer<typeof c.versionTextInput>,
) {
  const l = await loadEditable(db, actor, id);
  const v = loadVersion(l, versionId);
  assertChangeable(v);
  if (v.status !== 'draft')
    throw fail(groupsErrors, 'version_locked', 'Only a draft can be edited; make a new version to change this text.');
  if (input.baseUpdatedAt && new Date(input.baseUpdatedAt).getTime() !== v.updatedAt.getTime()) {
    throw fail(groupsErrors, 'edit_conflict', 'Someone else saved this draft after you opened it. Reload to see their changes.');
  }
  // Lock the version row so two saves cannot interleave.
  const locked = await db
    .update(documentVersions)
    .set({ updatedAt: new Date() })
    .where(and(eq(documentVersions.id, v.id), eq(documentVersions.status, 'draft')))
    .returning();
  if (!locked.length) throw fail(groupsErrors, 'version_locked', 'Only a draft can be edited.');
  const languages = await writeParagraphs(db, v.id, input.paragraphs);
  const [after] = await db.update(documentVersions).set({ languages }).where(eq(documentVersions.id, v.id)).returning();
  await audit(db, {
    actor: auditActor(actor),
    action: 'document.text',
    entity: 'document_version',
    entityId: v.id,
    after: { paragraphs: input.paragraphs.length },
  });
  return after;
}

/** A new draft from the latest version: same paragraphs with the same keys; open comment rounds on the old version close. */
export async function newVersion(db: DbOrTx, actor: Actor, id: string, input: z.infer<typeof c.newVersionInput>) {
  const l = await loadEditable(db, actor, id);
  const last = latest(l.versions);
  if (last.status === 'draft') throw fail(groupsErrors, 'draft_exists', 'The latest version is still a draft; edit it instead.');
  const number = last.number + 1;
  const label = input.label ?? String(number);
  if (l.versions.some((v) => v.label === label)) throw invalid('label', 'Another version has this label.');
  const [v] = await db
    .insert(documentVersions)
    .values({
      documentId: id,
      number,
      label,
      status: 'draft',
      basedOnId: last.id,
      languages: last.languages,
      changeSummary: input.changeSummary ?? {},
      createdBy: actor.userId,
    })
    .onConflictDoNothing()
    .returning();
  if (!v) throw fail(groupsErrors, 'version_exists', 'Someone made a new version at the same moment; reload.');
  const paras = await paragraphsOf(db, last.id);
  if (paras.length) await db.insert(documentParagraphs).values(paras.map((p) => ({ ...p, versionId: v.id })));
  await db
    .update(commentRounds)
    .set({ closedAt: new Date() })
    .where(and(eq(commentRounds.versionId, last.id), isNull(commentRounds.closedAt)));
  await audit(db, {
    actor: auditActor(actor),
    action: 'document.version',
    entity: 'document_version',
    entityId: v.id,
    after: { number, label, basedOn: last.id },
  });
  return v;
}

export async function setChangeSummary(db: DbOrTx, actor: Actor, id: string, versionId: string, summary: LocalizedText) {
  const l = await loadEditable(db, actor, id);
  const v = loadVersion(l, versionId);
  assertChangeable(v);
  await db.update(documentVersions).set({ changeSummary: summary, updatedAt: new Date() }).where(eq(documentVersions.id, v.id));
}

/** Moves a version along draft → consultation → final → published. Only the latest version moves. */
export async function setStatus(db: DbOrTx, actor: Actor, id: string, versionId: string, status: VersionStatus) {
  const l = await loadEditable(db, actor, id);
  const v = loadVersion(l, versionId);
  assertChangeable(v);
  if (v.status === status) return v; // a double click
  if (v.id !== latest(l.versions).id) throw fail(groupsErrors, 'not_latest', 'Only the latest version changes status.');
  if (!statusMoves[v.status as VersionStatus].includes(status)) {
    throw fail(groupsErrors, 'status_move_not_allowed', `A ${v.status} version cannot become ${status}.`, {
      extra: { from: v.status, to: status, allowed: statusMoves[v.status as VersionStatus] },
    });
  }
  const paras = await paragraphsOf(db, v.id);
  if (status !== 'consultation' && !paras.length) throw fail(groupsErrors, 'document_empty', 'The text is empty.');
  const now = new Date();
  // Compare-and-set on the status: two editors moving it at once cannot both win.
  const [after] = await db
    .update(documentVersions)
    .set({
      status,
      updatedAt: now,
      ...(status === 'final' ? { finalAt: now } : {}),
      ...(status === 'published' ? { publishedAt: now } : {}),
    })
    .where(and(eq(documentVersions.id, v.id), eq(documentVersions.status, v.status)))
    .returning();
  if (!after) throw fail(groupsErrors, 'status_changed', 'Someone changed the status meanwhile; reload.');
  if (status === 'final' || status === 'published')
    await db
      .update(commentRounds)
      .set({ closedAt: now })
      .where(and(eq(commentRounds.versionId, v.id), isNull(commentRounds.closedAt)));
  if (status === 'published') await indexDocs(db, [documentSearchDoc(l.doc, paras, now)]);
  await audit(db, {
    actor: auditActor(actor),
    action: 'document.status',
    entity: 'document_version',
    entityId: v.id,
    before: { status: v.status },
    after: { status },
  });
  return after;
}

/** A published document in the search index: its title and the text of its latest published version. Drafts are never indexed. */
export const documentSearchDoc = (doc: Doc, paras: Array<{ text: LocalizedText }>, publishedAt: Date): SearchDoc => ({
  kind: 'document',
  id: doc.id,
  visibility: 'public',
  title: doc.title,
  body: paras.map((p) => p.text),
  url: pagePath(groupsPages.document, { id: doc.id }),
  year: publishedAt.getUTCFullYear(),
});

/** Every group and every published document, for `wuzhen search rebuild`. */
export async function* groupsSearchDocs(db: DbOrTx): AsyncIterable<SearchDoc> {
  for (const g of await db.select().from(workingGroups)) yield groupSearchDoc(g);
  const published = await db
    .select()
    .from(documentVersions)
    .where(eq(documentVersions.status, 'published'))
    .orderBy(asc(documentVersions.number));
  const latestByDoc = new Map(published.map((v) => [v.documentId, v]));
  for (const v of latestByDoc.values()) {
    const [doc] = await db.select().from(documents).where(eq(documents.id, v.documentId));
    if (doc) yield documentSearchDoc(doc, await paragraphsOf(db, v.id), v.publishedAt ?? v.updatedAt);
  }
}

// Comment rounds

const roundIsOpen = (r: typeof commentRounds.$inferSelect, now = new Date()) => !r.closedAt && r.opensAt <= now && now < r.closesAt;

/**
 * Comment rounds open now that close within `days`, soonest first, for the staff overview: only on
 * documents the caller edits (who may close the round and answer its comments: the group's chairs, the secretariat).
 */
export async function roundsClosingSoon(db: DbOrTx, actor: Actor, now = new Date(), days = 7) {
  const until = new Date(now.getTime() + days * 86_400_000);
  const rows = await db
    .select({ round: commentRounds, documentId: documents.id, title: documents.title, groupId: documents.groupId })
    .from(commentRounds)
    .innerJoin(documents, eq(documents.id, commentRounds.documentId))
    .where(and(isNull(commentRounds.closedAt), lte(commentRounds.closesAt, until)))
    .orderBy(asc(commentRounds.closesAt), asc(commentRounds.id));
  return rows
    .filter((r) => roundIsOpen(r.round, now) && isGroupEditor(actor, r.groupId ? { id: r.groupId, liaisonUserId: null } : null))
    .map((r) => ({ documentId: r.documentId, title: r.title, closesAt: r.round.closesAt }));
}

/** Opens a comment round on the latest version; a draft moves to consultation. */
export async function openRound(db: DbOrTx, actor: Actor, id: string, input: z.infer<typeof c.roundInput>, notify = true) {
  const l = await loadEditable(db, actor, id);
  const v = latest(l.versions);
  assertChangeable(v);
  if (v.status !== 'draft' && v.status !== 'consultation')
    throw fail(groupsErrors, 'status_move_not_allowed', 'Comment rounds run on a draft or a version in consultation.');
  const opensAt = input.opensAt ? new Date(input.opensAt) : new Date();
  const closesAt = new Date(input.closesAt);
  if (closesAt <= opensAt) throw invalid('closesAt', 'The round must close after it opens.');
  const existing = await db
    .select()
    .from(commentRounds)
    .where(and(eq(commentRounds.versionId, v.id), isNull(commentRounds.closedAt)));
  if (existing.some((r) => r.closesAt > new Date()))
    throw fail(groupsErrors, 'round_open', 'A comment round is already open or planned on this version.');
  const [r] = await db
    .insert(commentRounds)
    .values({ documentId: id, versionId: v.id, opensAt, closesAt, createdBy: actor.userId })
    .returning();
  if (v.status === 'draft')
    await db.update(documentVersions).set({ status: 'consultation', updatedAt: new Date() }).where(eq(documentVersions.id, v.id));
  if (notify && l.group) {
    // Tell the group's members, each in their language (queued in this transaction, sent after commit).
    const u = accountRows();
    const members = await db
      .select({ email: u.email, name: u.name, locale: u.locale })
      .from(groupMembers)
      .innerJoin(u, eq(u.id, groupMembers.userId))
      .where(and(eq(groupMembers.groupId, l.group.id), eq(groupMembers.status, 'active')));
    for (const m of members) {
      const locale = (['en', 'zh-Hans', 'zh-Hant'].includes(m.locale) ? m.locale : 'en') as Locale;
      const tx = groupMails.roundOpen[locale];
      const title = localize(l.doc.title, locale).text;
      await queueMail(db, {
        to: m.email,
        subject: tx.subject(title),
        text: tx.body(title, pageUrl(groupsPages.document, { id }, locale), m.name),
        locale,
        template: 'document.round.open',
      });
    }
  }
  await audit(db, {
    actor: auditActor(actor),
    action: 'document.round.open',
    entity: 'comment_round',
    entityId: r.id,
    after: { versionId: v.id, opensAt, closesAt },
  });
  return r;
}

export async function closeRound(db: DbOrTx, actor: Actor, id: string, roundId: string) {
  await loadEditable(db, actor, id);
  const [r] = await db
    .select()
    .from(commentRounds)
    .where(and(eq(commentRounds.id, roundId), eq(commentRounds.documentId, id)));
  if (!r) throw notFound();
  if (r.closedAt) return r;
  const [after] = await db.update(commentRounds).set({ closedAt: new Date() }).where(eq(commentRounds.id, r.id)).returning();
  await audit(db, { actor: auditActor(actor), action: 'document.round.close', entity: 'comment_round', entityId: r.id });
  return after;
}

const author = accountRows();
const commentColumns = {
  id: documentComments.id,
  roundId: documentComments.roundId,
  versionId: documentComments.versionId,
  paragraphKey: documentComments.paragraphKey,
  authorId: documentComments.authorId,
  authorName: author.name,
  body: documentComments.body,
  status: documentComments.status,
  response: documentComments.response,
  resolvedAt: documentComments.resolvedAt,
  createdAt: documentComments.createdAt,
};
type CommentRow = { [K in keyof typeof commentColumns]: unknown } & {
  id: string;
  authorId: string;
  createdAt: Date;
  resolvedAt: Date | null;
};
const presentComment = (actor: Actor | null) => (r: CommentRow) => ({
  id: r.id,
  roundId: r.roundId as string,
  versionId: r.versionId as string,
  paragraphKey: r.paragraphKey as string,
  authorName: r.authorName as string,
  mine: !!actor && actor.userId === r.authorId,
  body: r.body as string,
  status: r.status as 'open',
  response: r.response as string | null,
  resolvedAt: iso(r.resolvedAt),
  createdAt: r.createdAt.toISOString(),
});

async function commentsOf(db: DbOrTx, actor: Actor | null, versionId: string) {
  const rows = await db
    .select(commentColumns)
    .from(documentComments)
    .innerJoin(author, eq(author.id, documentComments.authorId))
    .where(eq(documentComments.versionId, versionId))
    .orderBy(asc(documentComments.createdAt));
  return rows.map(presentComment(actor));
}

/** Comments are for the group only: members, chairs, the liaison and the secretariat. */
export async function listComments(db: DbOrTx, actor: Actor, id: string, versionId: string) {
  const l = await loadDocument(db, actor, id);
  if (!l.insider) throw notFound();
  const v = loadVersion(l, versionId);
  return commentsOf(db, actor, v.id);
}

export async function addComment(db: DbOrTx, actor: Actor, id: string, input: z.infer<typeof c.commentInput>) {
  const l = await loadDocument(db, actor, id);
  if (!l.insider) throw notFound();
  const v = latest(l.versions);
  const rounds = await db.select().from(commentRounds).where(eq(commentRounds.versionId, v.id));
  const open = rounds.find((r) => roundIsOpen(r));
  if (!open) throw fail(groupsErrors, 'round_closed', 'No comment round is open on this document now.');
  const [p] = await db
    .select({ key: documentParagraphs.key })
    .from(documentParagraphs)
    .where(and(eq(documentParagraphs.versionId, v.id), eq(documentParagraphs.key, input.paragraphKey)));
  if (!p) throw invalid('paragraphKey', 'No such paragraph in this version.');
  const [cm] = await db
    .insert(documentComments)
    .values({ roundId: open.id, versionId: v.id, paragraphKey: input.paragraphKey, authorId: actor.userId, body: input.body })
    .returning();
  await audit(db, {
    actor: auditActor(actor),
    action: 'document.comment',
    entity: 'document_comment',
    entityId: cm.id,
    after: { versionId: v.id, paragraphKey: input.paragraphKey },
  });
  return (await commentsOf(db, actor, v.id)).find((x) => x.id === cm.id)!;
}

export async function resolveComment(db: DbOrTx, actor: Actor, id: string, commentId: string, input: z.infer<typeof c.resolveInput>) {
  const l = await loadEditable(db, actor, id);
  const [cm] = await db.select().from(documentComments).where(eq(documentComments.id, commentId));
  const v = cm && l.versions.find((x) => x.id === cm.versionId);
  if (!cm || !v) throw notFound();
  assertChangeable(v);
  if (input.status === 'declined' && !input.response) throw invalid('response', 'Give the reason for declining.');
  const [after] = await db
    .update(documentComments)
    .set({ status: input.status, response: input.response ?? null, resolvedBy: actor.userId, resolvedAt: new Date() })
    .where(eq(documentComments.id, cm.id))
    .returning();
  await audit(db, {
    actor: auditActor(actor),
    action: 'document.comment.resolve',
    entity: 'document_comment',
    entityId: cm.id,
    before: { status: cm.status },
    after: { status: input.status, response: input.response },
  });
  return after;
}

// Reading

function summary(v: Version) {
  return {
    id: v.id,
    number: v.number,
    label: v.label,
    status: v.status as VersionStatus,
    languages: v.languages,
    createdAt: v.createdAt.toISOString(),
    publishedAt: iso(v.publishedAt),
  };
}

export async function documentView(db: DbOrTx, actor: Actor | null, id: string, versionId?: string) {
  const l = await loadDocument(db, actor, id);
  const v = versionId ? loadVersion(l, versionId) : latest(l.versions);
  const paras = await paragraphsOf(db, v.id);
  const base = v.basedOnId ? (l.versions.find((x) => x.id === v.basedOnId) ?? null) : null;
  let changes: {
    paragraphs: Array<{ key: string; change: 'added' | 'removed' | 'changed' }>;
    resolvedComments: ReturnType<ReturnType<typeof presentComment>>[];
  } = { paragraphs: [], resolvedComments: [] };
  if (base) {
    const old = await paragraphsOf(db, base.id);
    const langs = [...new Set([...base.languages, ...v.languages])];
    const changed = new Map<string, 'added' | 'removed' | 'changed'>();
    for (const lang of langs)
      for (const d of diffVersions(old, paras, lang)) if (d.change !== 'same' && !changed.has(d.key)) changed.set(d.key, d.change);
    // The resolved comments on the version this one is based on: the record of what was taken up, declined or answered.
    const resolved = l.insider ? (await commentsOf(db, actor, base.id)).filter((cm) => cm.status !== 'open') : [];
    changes = { paragraphs: [...changed].map(([key, change]) => ({ key, change })), resolvedComments: resolved };
  }
  const rounds = l.insider
    ? await db.select().from(commentRounds).where(eq(commentRounds.documentId, id)).orderBy(desc(commentRounds.createdAt))
    : [];
  const published = l.versions.filter((x) => x.status === 'published');
  const publicationId = published.length ? await publicationBySourceVersion(db, published[published.length - 1].id) : null;
  const contactOrgIds = (actor?.scopes ?? [])
    .filter((s) => s.role === 'org_contact' && s.scopeType === 'organization')
    .map((s) => s.scopeId);
  const o = organizationRows();
  const orgs = contactOrgIds.length ? await db.select({ id: o.id, name: o.name }).from(o).where(inArray(o.id, contactOrgIds)) : [];
  return {
    id: l.doc.id,
    kind: l.doc.kind,
    title: l.doc.title,
    group: l.group ? { id: l.group.id, slug: l.group.slug, name: l.group.name } : null,
    versions: l.versions.map(summary),
    current: {
      ...summary(v),
      documentId: l.doc.id,
      updatedAt: v.updatedAt.toISOString(),
      changeSummary: v.changeSummary,
      basedOn: base ? { id: base.id, label: base.label } : null,
      paragraphs: paras.map((p) => ({
        ...p,
        html: Object.fromEntries(Object.entries(p.text).map(([k, t]) => [k, renderMarkdown(t ?? '')])),
      })),
      changes,
    },
    rounds: rounds.map((r) => ({
      id: r.id,
      versionId: r.versionId,
      opensAt: r.opensAt.toISOString(),
      closesAt: r.closesAt.toISOString(),
      closedAt: iso(r.closedAt),
      open: roundIsOpen(r),
    })),
    publicationId,
    you: { member: l.insider, editor: l.editor, orgContactOf: orgs },
  };
}

export async function diff(db: DbOrTx, actor: Actor | null, id: string, q: z.infer<typeof c.diffQuery>) {
  const l = await loadDocument(db, actor, id);
  const a = loadVersion(l, q.from);
  const b = loadVersion(l, q.to);
  const [pa, pb] = await Promise.all([paragraphsOf(db, a.id), paragraphsOf(db, b.id)]);
  return { from: summary(a), to: summary(b), lang: q.lang, paragraphs: diffVersions(pa, pb, q.lang) };
}

/** Documents a group insider sees in the workspace: all of the group's documents with their latest version. */
export async function groupDocuments(db: DbOrTx, groupId: string, onlyPublished: boolean) {
  const docs = await db.select().from(documents).where(eq(documents.groupId, groupId)).orderBy(desc(documents.updatedAt));
  if (!docs.length) return [];
  const versions = await db
    .select()
    .from(documentVersions)
    .where(
      inArray(
        documentVersions.documentId,
        docs.map((d) => d.id),
      ),
    )
    .orderBy(asc(documentVersions.number));
  return docs.flatMap((d) => {
    const vs = versions.filter((v) => v.documentId === d.id && (!onlyPublished || v.status === 'published'));
    if (!vs.length) return [];
    return [{ id: d.id, kind: d.kind as 'report', title: d.title, groupId: d.groupId, latest: summary(vs[vs.length - 1]) }];
  });
}

// Endorsements

async function loadForEndorsement(db: DbOrTx, actor: Actor | null, id: string) {
  const l = await loadDocument(db, actor, id);
  const last = latest(l.versions);
  return { ...l, last };
}

export async function endorse(db: DbOrTx, actor: Actor, id: string, input: z.infer<typeof c.endorseInput>) {
  const l = await loadForEndorsement(db, actor, id);
  if (l.last.status !== 'final') throw fail(groupsErrors, 'not_final', 'Only a final document can be endorsed.');
  let values: typeof endorsements.$inferInsert;
  if (input.organizationId) {
    if (!canActForOrganization(actor, input.organizationId)) throw forbidden('Only a contact of this organization may endorse for it.');
    const org = organizationRows();
    const [o] = await db.select().from(org).where(eq(org.id, input.organizationId));
    if (!o) throw notFound();
    values = {
      documentId: id,
      versionId: l.last.id,
      kind: input.kind,
      organizationId: o.id,
      userId: actor.userId,
      countryCode: o.countryCode,
      stakeholderGroup: o.stakeholderGroup,
    };
  } else {
    const p = await linkedPerson(db, actor.userId);
    values = {
      documentId: id,
      versionId: l.last.id,
      kind: input.kind,
      organizationId: null,
      userId: actor.userId,
      displayName: p?.name ?? actor.name,
      countryCode: p?.countryCode ?? input.countryCode ?? null,
      stakeholderGroup: 'individual',
    };
  }
  // One active endorsement per organization (or person) per document: a double click returns the first.
  const [row] = await db.insert(endorsements).values(values).onConflictDoNothing().returning();
  const found =
    row ??
    (
      await db
        .select()
        .from(endorsements)
        .where(
          and(
            eq(endorsements.documentId, id),
            eq(endorsements.versionId, l.last.id),
            eq(endorsements.status, 'active'),
            input.organizationId
              ? eq(endorsements.organizationId, input.organizationId)
              : and(isNull(endorsements.organizationId), eq(endorsements.userId, actor.userId)),
          ),
        )
    )[0];
  if (row)
    await audit(db, {
      actor: auditActor(actor),
      action: 'document.endorse',
      entity: 'endorsement',
      entityId: row.id,
      after: { documentId: id, organizationId: input.organizationId ?? null, kind: input.kind },
    });
  return found;
}

export async function withdrawEndorsement(db: DbOrTx, actor: Actor, id: string, endorsementId: string) {
  const l = await loadForEndorsement(db, actor, id);
  const [e] = await db
    .select()
    .from(endorsements)
    .where(and(eq(endorsements.id, endorsementId), eq(endorsements.documentId, id)));
  if (!e) throw notFound();
  const mayAct = e.organizationId ? canActForOrganization(actor, e.organizationId) : e.userId === actor.userId;
  if (!mayAct) throw forbidden('Only who made an endorsement (or another contact of the organization) may withdraw it.');
  // An endorsement belongs to the version it endorsed; once that version is published, it stands.
  const endorsed = l.versions.find((v) => v.id === e.versionId);
  if (!endorsed || endorsed.status === 'published')
    throw fail(groupsErrors, 'document_published', 'The document is published; its endorsements no longer change.');
  if (e.status === 'withdrawn') return e;
  const [after] = await db
    .update(endorsements)
    .set({ status: 'withdrawn', withdrawnAt: new Date() })
    .where(and(eq(endorsements.id, e.id), eq(endorsements.status, 'active')))
    .returning();
  await audit(db, { actor: auditActor(actor), action: 'document.endorse.withdraw', entity: 'endorsement', entityId: e.id });
  return after ?? e;
}

/** Endorsements belong to the version they endorsed: a changed text must be endorsed again. */
async function activeEndorsers(db: DbOrTx, id: string, versionId: string) {
  const o = organizationRows();
  return db
    .select({
      id: endorsements.id,
      kind: endorsements.kind,
      organizationId: endorsements.organizationId,
      orgName: o.name,
      displayName: endorsements.displayName,
      countryCode: endorsements.countryCode,
      stakeholderGroup: endorsements.stakeholderGroup,
      userId: endorsements.userId,
      createdAt: endorsements.createdAt,
    })
    .from(endorsements)
    .leftJoin(o, eq(o.id, endorsements.organizationId))
    .where(and(eq(endorsements.documentId, id), eq(endorsements.versionId, versionId), eq(endorsements.status, 'active')))
    .orderBy(asc(endorsements.countryCode), asc(endorsements.createdAt));
}

export async function listEndorsements(db: DbOrTx, actor: Actor | null, id: string) {
  const l = await loadDocument(db, actor, id);
  // The endorsements of the latest final or published version.
  const endorsable = l.versions.filter((v) => v.status === 'final' || v.status === 'published');
  const target = endorsable[endorsable.length - 1];
  const rows = target ? await activeEndorsers(db, id, target.id) : [];
  const items = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    organizationId: r.organizationId,
    name: r.orgName ?? { en: r.displayName ?? '' },
    countryCode: r.countryCode,
    stakeholderGroup: r.stakeholderGroup,
    createdAt: r.createdAt.toISOString(),
    mine: !!actor && (r.userId === actor.userId || (!!r.organizationId && canActForOrganization(actor, r.organizationId))),
  }));
  const byCountry: Record<string, number> = {};
  const byStakeholderGroup: Record<string, number> = {};
  for (const i of items) {
    byCountry[i.countryCode ?? '—'] = (byCountry[i.countryCode ?? '—'] ?? 0) + 1;
    byStakeholderGroup[i.stakeholderGroup] = (byStakeholderGroup[i.stakeholderGroup] ?? 0) + 1;
  }
  return { items, byCountry, byStakeholderGroup };
}

// Joint submissions

export async function addSubmission(db: DbOrTx, actor: Actor, id: string, input: z.infer<typeof c.submissionInput>) {
  await loadEditable(db, actor, id);
  const orgIds = input.partners.flatMap((p) => ('organizationId' in p ? [p.organizationId] : []));
  if (orgIds.length) {
    const org = organizationRows();
    const found = await db.select({ id: org.id }).from(org).where(inArray(org.id, orgIds));
    const missing = orgIds.find((o) => !found.some((f) => f.id === o));
    if (missing) throw invalid('partners', `No organization ${missing}.`);
  }
  const [s] = await db
    .insert(jointSubmissions)
    .values({
      documentId: id,
      process: input.process,
      submittedOn: input.submittedOn,
      partners: input.partners.map((p) =>
        'organizationId' in p ? { organizationId: p.organizationId } : { name: p.name, countryCode: p.countryCode ?? null },
      ),
      createdBy: actor.userId,
    })
    .returning();
  await audit(db, { actor: auditActor(actor), action: 'document.submission', entity: 'joint_submission', entityId: s.id, after: input });
  return s;
}

export async function listSubmissions(db: DbOrTx, actor: Actor | null, id: string) {
  await loadDocument(db, actor, id);
  const rows = await db
    .select()
    .from(jointSubmissions)
    .where(eq(jointSubmissions.documentId, id))
    .orderBy(desc(jointSubmissions.submittedOn));
  const orgIds = [...new Set(rows.flatMap((r) => r.partners.flatMap((p) => (p.organizationId ? [p.organizationId] : []))))];
  const org = organizationRows();
  const orgs = orgIds.length
    ? await db.select({ id: org.id, name: org.name, countryCode: org.countryCode }).from(org).where(inArray(org.id, orgIds))
    : [];
  return rows.map((r) => ({
    id: r.id,
    process: r.process,
    submittedOn: r.submittedOn,
    partners: r.partners.map((p) => {
      const o = p.organizationId ? orgs.find((x) => x.id === p.organizationId) : undefined;
      return {
        organizationId: p.organizationId ?? null,
        name: o?.name ?? p.name ?? {},
        countryCode: o?.countryCode ?? p.countryCode ?? null,
      };
    }),
  }));
}

// Library

const libraryKind: Record<string, 'report' | 'consensus' | 'initiative' | 'proposal'> = {
  report: 'report',
  consensus: 'consensus',
  initiative: 'initiative',
  proposal: 'proposal',
};

/** The published version enters the library in one action, with its endorsers frozen as they were at publication. Twice is once. */
export async function addToLibrary(db: DbOrTx, actor: Actor, id: string, extra: { abstract?: LocalizedText; tags?: string[] } = {}) {
  const l = await loadEditable(db, actor, id);
  const published = l.versions.filter((v) => v.status === 'published');
  const v = published[published.length - 1];
  if (!v) throw fail(groupsErrors, 'not_published', 'Publish a version first.');
  const existing = await publicationBySourceVersion(db, v.id);
  if (existing) return { id: existing, created: false };
  const endorsers = (await activeEndorsers(db, id, v.id)).map((r) => ({
    name: r.orgName ?? { en: r.displayName ?? '' },
    countryCode: r.countryCode,
    stakeholderGroup: r.stakeholderGroup,
    kind: r.kind,
  }));
  // The earlier edition of the same document in the library, if any, is superseded by this one.
  const earlier = published.length > 1 ? await publicationBySourceVersion(db, published[published.length - 2].id) : null;
  const p = await createPublication(
    db,
    actor,
    {
      kind: libraryKind[l.doc.kind],
      year: (v.publishedAt ?? new Date()).getUTCFullYear(),
      title: l.doc.title,
      abstract: extra.abstract ?? {},
      tags: extra.tags ?? [],
      edition: v.label,
      supersedesId: earlier,
      authors: l.group ? [{ kind: 'group', refId: l.group.id, name: l.group.name }] : [],
      status: 'published',
    },
    { sourceDocumentId: id, sourceVersionId: v.id, endorsers, languages: v.languages },
  );
  return { id: p.id, created: true };
}

// Use cases: one per route, each in its own transaction (a savepoint when given one).

/** The members' workspace of a group: its documents (drafts too), meetings and discussions. */
export async function groupWorkspace(db: DbOrTx, actor: Actor, idOrSlug: string) {
  const g = await loadGroupAsInsider(db, actor, idOrSlug);
  const summary = (await listGroups(db)).find((x) => x.id === g.id);
  if (!summary) throw notFound();
  return {
    group: summary,
    documents: await groupDocuments(db, g.id, false),
    meetings: await listMeetings(db, g),
    threads: await listThreads(db, g),
    you: { editor: isGroupEditor(actor, g) },
  };
}

/** Starts a document of a group (its editors), or of the organization itself (no group). */
export async function startDocument(db: DbOrTx, actor: Actor, groupIdOrSlug: string | null, input: z.infer<typeof c.documentInput>) {
  const d = await db.transaction(async (t) =>
    createDocument(t, actor, groupIdOrSlug === null ? null : await loadGroupAsEditor(t, actor, groupIdOrSlug), input),
  );
  return documentView(db, actor, d.id);
}

export async function renameDocument(db: DbOrTx, actor: Actor, id: string, title: LocalizedText) {
  await db.transaction((t) => updateTitle(t, actor, id, title));
  return { ok: true as const };
}

export async function changeVersionText(
  db: DbOrTx,
  actor: Actor,
  id: string,
  versionId: string,
  input: z.infer<typeof c.versionTextInput>,
) {
  await db.transaction((t) => updateVersionText(t, actor, id, versionId, input));
  return documentView(db, actor, id, versionId);
}

export async function describeChanges(db: DbOrTx, actor: Actor, id: string, versionId: string, summary: LocalizedText) {
  await db.transaction((t) => setChangeSummary(t, actor, id, versionId, summary));
  return { ok: true as const };
}

export async function startNextVersion(db: DbOrTx, actor: Actor, id: string, input: z.infer<typeof c.newVersionInput>) {
  const v = await db.transaction((t) => newVersion(t, actor, id, input));
  return documentView(db, actor, id, v.id);
}

export async function moveVersion(db: DbOrTx, actor: Actor, id: string, versionId: string, status: VersionStatus) {
  await db.transaction((t) => setStatus(t, actor, id, versionId, status));
  return documentView(db, actor, id, versionId);
}

export async function startRound(db: DbOrTx, actor: Actor, id: string, input: z.infer<typeof c.roundInput>) {
  const r = await db.transaction((t) => openRound(t, actor, id, input));
  return {
    id: r.id,
    versionId: r.versionId,
    opensAt: r.opensAt.toISOString(),
    closesAt: r.closesAt.toISOString(),
    closedAt: null,
    open: r.opensAt <= new Date(),
  };
}

export async function endRound(db: DbOrTx, actor: Actor, id: string, roundId: string) {
  await db.transaction((t) => closeRound(t, actor, id, roundId));
  return { ok: true as const };
}

export async function commentOn(db: DbOrTx, actor: Actor, id: string, input: z.infer<typeof c.commentInput>) {
  return db.transaction((t) => addComment(t, actor, id, input));
}

export async function answerComment(db: DbOrTx, actor: Actor, id: string, commentId: string, input: z.infer<typeof c.resolveInput>) {
  await db.transaction((t) => resolveComment(t, actor, id, commentId, input));
  return { ok: true as const };
}

export async function endorseDocument(db: DbOrTx, actor: Actor, id: string, input: z.infer<typeof c.endorseInput>) {
  const e = await db.transaction((t) => endorse(t, actor, id, input));
  return { id: e.id, status: e.status };
}

export async function withdrawOwnEndorsement(db: DbOrTx, actor: Actor, id: string, endorsementId: string) {
  await db.transaction((t) => withdrawEndorsement(t, actor, id, endorsementId));
  return { ok: true as const };
}

export async function recordSubmission(db: DbOrTx, actor: Actor, id: string, input: z.infer<typeof c.submissionInput>) {
  const s = await db.transaction((t) => addSubmission(t, actor, id, input));
  return { id: s.id };
}

/** Puts the published version in the library; `created` is false when it was there already. */
export async function publishToLibrary(db: DbOrTx, actor: Actor, id: string, extra: z.infer<typeof c.libraryInput>) {
  const r = await db.transaction((t) => addToLibrary(t, actor, id, extra));
  return { created: r.created, publicationId: r.id };
}
