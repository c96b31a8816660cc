import { and, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/access.js';
import { isStaff } from '../../platform/auth/access.js';
import { audit } from '../../platform/audit/index.js';
import type { Db, DbOrTx, Tx } from '../../platform/db/index.js';
import { documentTypes, files, readFile, storeFile } from '../../platform/files/index.js';
import { fail, type FieldError, notFound } from '../../platform/http/errors.js';
import { platformErrors } from '../../platform/http/codes.js';
import type { Upload } from '../../platform/http/upload.js';
import { pickLocale, type Locale, type LocalizedText } from '../../platform/i18n/index.js';
import { queueMail } from '../../platform/mail/index.js';
import { normalize } from '../../platform/search/normalize.js';
import { ensureUser, sendLoginLink, userByEmail, userById } from '../accounts/index.js';
import {
  countryRows,
  createOrganization,
  createPerson,
  getOrganization,
  linkPersonToUser,
  matchSearch,
  organizationRows,
  personByEmail,
  searchTextOf,
} from '../directory/index.js';
import {
  membershipErrors,
  type ApplicationDataInput,
  type ApplicationStatus,
  type AuthorRole,
  type CategoryInput,
  type MessageKind,
} from './contract.js';
import { membershipMail, type MailParams, type MembershipMail } from './mails.js';
import {
  applicationDocuments,
  applicationMessages,
  membershipApplications,
  membershipCategories,
  membershipHistory,
  memberships,
  type ApplicationData,
} from './model.js';
import { applicantThread, canReadApplication, isApplicant, seesInternal } from './policy.js';
import { addMonths, isoDay, syncMemberIndex } from './members.js';
import { addRepresentative } from './representatives.js';
import { href } from '../../platform/http/links.js';
import { pageUrl } from '../../platform/http/urls.js';
import { membershipPages } from './contract.js';

// Categories

export async function listCategories(db: DbOrTx, includeInactive = false) {
  return db
    .select()
    .from(membershipCategories)
    .where(includeInactive ? undefined : eq(membershipCategories.active, true))
    .orderBy(asc(membershipCategories.sortOrder), asc(membershipCategories.key));
}

export async function getCategoryByKey(db: DbOrTx, key: string) {
  const [c] = await db.select().from(membershipCategories).where(eq(membershipCategories.key, key));
  return c;
}

export async function createCategory(db: Db, actor: Actor | null, input: CategoryInput) {
  return db.transaction(async (tx) => {
    if (await getCategoryByKey(tx, input.key))
      throw fail(membershipErrors, 'category_key_taken', 'A category with this key already exists.');
    const [row] = await tx
      .insert(membershipCategories)
      .values({ ...input, description: input.description ?? {} })
      .returning();
    await audit(tx, { actor, action: 'membership_category.create', entity: 'membership_category', entityId: row.id, after: input });
    return row;
  });
}

export async function updateCategory(db: Db, actor: Actor, id: string, input: CategoryInput) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(membershipCategories).where(eq(membershipCategories.id, id));
    if (!before) throw notFound();
    const [other] = await tx
      .select({ id: membershipCategories.id })
      .from(membershipCategories)
      .where(and(eq(membershipCategories.key, input.key), ne(membershipCategories.id, id)));
    if (other) throw fail(membershipErrors, 'category_key_taken', 'A category with this key already exists.');
    if (before.applicantKind !== input.applicantKind) {
      const [used] = await tx
        .select({ id: membershipApplications.id })
        .from(membershipApplications)
        .where(eq(membershipApplications.categoryId, id))
        .limit(1);
      if (used) throw fail(membershipErrors, 'category_in_use', 'Applications use this category: its applicant kind cannot change.');
    }
    const [row] = await tx
      .update(membershipCategories)
      .set({ ...input, description: input.description ?? {} })
      .where(eq(membershipCategories.id, id))
      .returning();
    await audit(tx, { actor, action: 'membership_category.update', entity: 'membership_category', entityId: id, before, after: row });
    return row;
  });
}

// Applications: the state machine

export type ApplicationAction = 'edit' | 'submit' | 'withdraw' | 'request_info' | 'approve' | 'reject' | 'message';

/** Which status each action starts from, and where it leads. */
export const transitions: Record<ApplicationAction, { from: ApplicationStatus[]; to?: ApplicationStatus }> = {
  edit: { from: ['draft', 'info_requested'] },
  submit: { from: ['draft', 'info_requested'], to: 'submitted' },
  withdraw: { from: ['draft', 'submitted', 'info_requested'], to: 'withdrawn' },
  request_info: { from: ['submitted'], to: 'info_requested' },
  approve: { from: ['submitted'], to: 'approved' },
  reject: { from: ['submitted'], to: 'rejected' },
  message: { from: ['submitted', 'info_requested', 'approved', 'rejected'] },
};

function assertTransition(status: string, action: ApplicationAction) {
  if (!transitions[action].from.includes(status as ApplicationStatus)) {
    throw fail(
      membershipErrors,
      'invalid_transition',
      `This application is ${status.replace('_', ' ')}: it cannot be ${action === 'edit' ? 'edited' : action.replace('_', ' ') + (action.endsWith('e') ? 'd' : 'ed')} now.`,
      { extra: { status, action } },
    );
  }
}

function displayNameOf(kind: string, data: ApplicationData) {
  if (kind === 'organization') {
    const n = data.organization?.name ?? {};
    return n['zh-Hans'] ?? n['zh-Hant'] ?? n.en ?? '';
  }
  return data.individual?.name ?? '';
}

function derived(kind: string, data: ApplicationData) {
  const countryCode = (kind === 'organization' ? data.organization?.countryCode : data.individual?.countryCode) ?? null;
  const stakeholderGroup = kind === 'organization' ? (data.organization?.stakeholderGroup ?? null) : 'individual';
  const names: Array<LocalizedText | string | null | undefined> =
    kind === 'organization'
      ? [data.organization?.name, data.organization?.shortName, ...(data.representatives ?? []).map((r) => r.name)]
      : [data.individual?.name, data.individual?.nameLatin];
  return { displayName: displayNameOf(kind, data), countryCode, stakeholderGroup, searchText: searchTextOf(...names) };
}

async function lockApplication(tx: DbOrTx, id: string) {
  const [app] = await tx.select().from(membershipApplications).where(eq(membershipApplications.id, id)).for('update');
  if (!app) throw notFound();
  return app;
}

async function loadVisible(db: DbOrTx, actor: Actor | null, id: string) {
  const [app] = await db.select().from(membershipApplications).where(eq(membershipApplications.id, id));
  if (!app || !canReadApplication(actor, app)) throw notFound();
  return app;
}

async function categoryOf(db: DbOrTx, id: string) {
  const [c] = await db.select().from(membershipCategories).where(eq(membershipCategories.id, id));
  return c;
}

async function mailApplicant(
  tx: DbOrTx,
  app: { id: string; applicantUserId: string; locale: string; displayName: string },
  kind: MembershipMail,
  extra: Partial<MailParams> = {},
) {
  const u = await userById(tx, app.applicantUserId);
  if (!u) return;
  const locale = app.locale as Locale;
  const m = membershipMail(kind, locale, {
    name: u.name,
    subject: app.displayName || u.name,
    link: pageUrl(membershipPages.myApplication, { id: app.id }, locale),
    ...extra,
  });
  await queueMail(tx, { to: u.email, subject: m.subject, text: m.text, locale, template: `membership.${kind}` });
}

async function addMessage(
  tx: DbOrTx,
  applicationId: string,
  actor: Actor | null,
  m: { role: AuthorRole; kind: MessageKind; body: string; internal?: boolean },
) {
  await tx.insert(applicationMessages).values({
    applicationId,
    authorUserId: actor?.userId ?? null,
    authorName: actor?.name ?? '',
    authorRole: m.role,
    kind: m.kind,
    internal: m.internal ?? false,
    body: m.body,
  });
}

async function activeCategory(db: DbOrTx, key: string) {
  const cat = await getCategoryByKey(db, key);
  if (!cat?.active)
    throw fail(platformErrors, 'validation_failed', 'categoryKey: no such membership category', {
      fields: [{ path: 'categoryKey', message: 'unknown category', code: 'not_an_option' }],
    });
  return cat;
}

export async function createApplication(
  db: Db,
  actor: { userId: string; email: string; name?: string } | Actor,
  input: { categoryKey: string; locale?: Locale; data: ApplicationDataInput },
) {
  const cat = await activeCategory(db, input.categoryKey);
  return db.transaction(async (tx) => {
    const data = input.data as ApplicationData;
    const [row] = await tx
      .insert(membershipApplications)
      .values({
        categoryId: cat.id,
        applicantKind: cat.applicantKind,
        applicantUserId: actor.userId,
        locale: input.locale ?? ('locale' in actor ? (actor.locale as Locale) : 'en'),
        data,
        ...derived(cat.applicantKind, data),
      })
      .returning();
    await audit(tx, {
      actor: { userId: actor.userId, email: actor.email },
      action: 'membership_application.create',
      entity: 'membership_application',
      entityId: row.id,
      after: input,
    });
    return row;
  });
}

/**
 * A visitor starts an application with only an e-mail address: the draft is
 * kept under an account for that address, and a sign-in link brings them back
 * to it. The answer does not reveal whether the address was known.
 */
/**
 * An application started without signing in. A new address gets an account and
 * the draft; an address that already has an account gets only a sign-in link
 * back to the form: nothing is written into an account by someone who has not
 * proved they hold it. The answer is the same either way.
 */
export async function startApplication(
  db: Db,
  input: { email: string; name: string; locale: Locale; categoryKey: string; data: ApplicationDataInput },
) {
  await activeCategory(db, input.categoryKey); // refused alike, with or without an account
  const existing = await userByEmail(db, input.email);
  // The link opens the form in the owner's language, like the mail that carries it.
  if (existing) await sendLoginLink(db, input.email, href(membershipPages.apply, {}, pickLocale(existing.locale)));
  else {
    const { user } = await ensureUser(db, { email: input.email, name: input.name, locale: input.locale });
    const app = await createApplication(
      db,
      { userId: user.id, email: user.email },
      { categoryKey: input.categoryKey, locale: input.locale, data: input.data },
    );
    await sendLoginLink(db, user.email, href(membershipPages.myApplication, { id: app.id }, input.locale));
  }
  return { ok: true as const, message: 'Check your mailbox for a link to continue your application.' };
}

/** A draft application of the signed-in account, as they see it. */
export async function openApplication(db: Db, actor: Actor, input: { categoryKey: string; locale?: Locale; data: ApplicationDataInput }) {
  const row = await createApplication(db, actor, input);
  return getApplication(db, actor, row.id);
}

export async function updateApplication(db: Db, actor: Actor, id: string, data: ApplicationDataInput) {
  await db.transaction(async (tx) => {
    const app = await lockApplication(tx, id);
    if (!isApplicant(actor, app)) throw notFound();
    assertTransition(app.status, 'edit');
    const next = data as ApplicationData;
    await tx
      .update(membershipApplications)
      .set({ data: next, ...derived(app.applicantKind, next), updatedAt: new Date() })
      .where(eq(membershipApplications.id, id));
    await audit(tx, {
      actor,
      action: 'membership_application.update',
      entity: 'membership_application',
      entityId: id,
      before: app.data,
      after: next,
    });
  });
  return getApplication(db, actor, id);
}

const hasText = (v: unknown) =>
  typeof v === 'string'
    ? v.trim() !== ''
    : v && typeof v === 'object'
      ? Object.values(v).some((x) => typeof x === 'string' && x.trim() !== '')
      : v != null;

/** What must be filled before submitting: the basics of the kind, plus the category's own fields and documents. */
export function missingForSubmit(
  kind: string,
  data: ApplicationData,
  cat: { requiredFields: string[]; requiredDocuments: Array<{ key: string }> },
  docKeys: string[],
): FieldError[] {
  const base =
    kind === 'organization'
      ? ['organization.name', 'organization.countryCode', 'organization.stakeholderGroup']
      : ['individual.name', 'individual.countryCode'];
  const out: FieldError[] = [];
  for (const path of [...base, ...cat.requiredFields]) {
    const v = path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), data);
    if (!hasText(v)) out.push({ path: `data.${path}`, message: 'required', code: 'required' });
  }
  if (kind === 'organization' && !(data.representatives ?? []).length)
    out.push({ path: 'data.representatives', message: 'name at least one representative', code: 'required' });
  for (const d of cat.requiredDocuments)
    if (!docKeys.includes(d.key)) out.push({ path: `documents.${d.key}`, message: 'required document missing', code: 'required' });
  return out;
}

export async function submitApplication(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const app = await lockApplication(tx, id);
    if (!isApplicant(actor, app)) throw notFound();
    if (app.status === 'submitted') return; // a double click
    assertTransition(app.status, 'submit');
    const cat = await categoryOf(tx, app.categoryId);
    const docs = await tx
      .select({ docKey: applicationDocuments.docKey })
      .from(applicationDocuments)
      .where(eq(applicationDocuments.applicationId, id));
    const missing = missingForSubmit(
      app.applicantKind,
      app.data,
      cat,
      docs.map((d) => d.docKey),
    );
    if (missing.length)
      throw fail(membershipErrors, 'application_incomplete', `The application is not complete: ${missing.map((m) => m.path).join(', ')}.`, {
        fields: missing,
      });
    const answered = app.status === 'info_requested';
    await tx
      .update(membershipApplications)
      .set({ status: 'submitted', submittedAt: new Date(), updatedAt: new Date() })
      .where(eq(membershipApplications.id, id));
    await addMessage(tx, id, actor, { role: 'system', kind: 'status', body: answered ? 'resubmitted' : 'submitted' });
    await audit(tx, {
      actor,
      action: answered ? 'membership_application.resubmit' : 'membership_application.submit',
      entity: 'membership_application',
      entityId: id,
    });
    await mailApplicant(tx, app, 'submitted');
    if (answered) {
      // Tell the staff member who asked that the answer is in.
      const [asked] = await tx
        .select({ by: applicationMessages.authorUserId })
        .from(applicationMessages)
        .where(and(eq(applicationMessages.applicationId, id), eq(applicationMessages.kind, 'info_request')))
        .orderBy(desc(applicationMessages.createdAt))
        .limit(1);
      const ask = asked?.by ? await userById(tx, asked.by) : undefined;
      if (ask) {
        const m = membershipMail('answered', ask.locale as Locale, {
          name: '',
          subject: app.displayName,
          link: pageUrl(membershipPages.application, { id }, ask.locale as Locale),
        });
        await queueMail(tx, {
          to: ask.email,
          subject: m.subject,
          text: m.text,
          locale: ask.locale as Locale,
          template: 'membership.answered',
        });
      }
    }
  });
  return getApplication(db, actor, id);
}

export async function withdrawApplication(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const app = await lockApplication(tx, id);
    if (!isApplicant(actor, app)) throw notFound();
    if (app.status === 'withdrawn') return;
    assertTransition(app.status, 'withdraw');
    await tx
      .update(membershipApplications)
      .set({ status: 'withdrawn', decidedAt: new Date(), updatedAt: new Date() })
      .where(eq(membershipApplications.id, id));
    await addMessage(tx, id, actor, { role: 'system', kind: 'status', body: 'withdrawn' });
    await audit(tx, { actor, action: 'membership_application.withdraw', entity: 'membership_application', entityId: id });
    await mailApplicant(tx, app, 'withdrawn');
  });
  return getApplication(db, actor, id);
}

export async function requestInformation(db: Db, actor: Actor, id: string, message: string) {
  await db.transaction(async (tx) => {
    const app = await lockApplication(tx, id);
    assertTransition(app.status, 'request_info');
    await tx
      .update(membershipApplications)
      .set({ status: 'info_requested', updatedAt: new Date() })
      .where(eq(membershipApplications.id, id));
    await addMessage(tx, id, actor, { role: 'secretariat', kind: 'info_request', body: message });
    await audit(tx, {
      actor,
      action: 'membership_application.request_info',
      entity: 'membership_application',
      entityId: id,
      after: { message },
    });
    await mailApplicant(tx, app, 'infoRequested', { text: message });
  });
  return getApplication(db, actor, id);
}

export async function rejectApplication(db: Db, actor: Actor, id: string, reason: string) {
  await reject(db, actor, id, reason);
  return getApplication(db, actor, id);
}

/** The rejection itself (one or many): status, the decision in the thread, the audit entry and the applicant's mail. */
export async function reject(db: Db, actor: Actor, id: string, reason: string) {
  await db.transaction(async (tx) => {
    const app = await lockApplication(tx, id);
    assertTransition(app.status, 'reject');
    await tx
      .update(membershipApplications)
      .set({ status: 'rejected', decidedAt: new Date(), decidedBy: actor.userId, decisionReason: reason, updatedAt: new Date() })
      .where(eq(membershipApplications.id, id));
    await addMessage(tx, id, actor, { role: 'secretariat', kind: 'decision', body: reason });
    await audit(tx, { actor, action: 'membership_application.reject', entity: 'membership_application', entityId: id, after: { reason } });
    await mailApplicant(tx, app, 'rejected', { text: reason });
  });
}

export async function postMessage(db: Db, actor: Actor, id: string, input: { body: string; internal: boolean }) {
  await db.transaction(async (tx) => {
    const app = await lockApplication(tx, id);
    if (!canReadApplication(actor, app)) throw notFound();
    const staff = isStaff(actor) && !isApplicant(actor, app);
    if (input.internal && !staff) throw fail(platformErrors, 'forbidden', 'Only the secretariat writes internal comments.');
    if (!input.internal) assertTransition(app.status, 'message');
    await addMessage(tx, id, actor, {
      role: staff ? 'secretariat' : 'applicant',
      kind: input.internal ? 'comment' : 'message',
      body: input.body,
      internal: input.internal,
    });
    await audit(tx, {
      actor,
      action: input.internal ? 'membership_application.comment' : 'membership_application.message',
      entity: 'membership_application',
      entityId: id,
    });
    if (staff && !input.internal) await mailApplicant(tx, app, 'message', { text: input.body });
  });
  return getApplication(db, actor, id);
}

/** Adds an uploaded file to a draft, under the document key sent with it ("other" if none). */
export async function addDocument(db: Db, filesDir: string, actor: Actor, id: string, file: Upload) {
  const docKey = (file.fields.docKey ?? 'other').trim();
  if (!/^[a-z0-9_-]{1,40}$/.test(docKey))
    throw fail(platformErrors, 'validation_failed', 'docKey: lower-case letters, digits, - and _', {
      fields: [{ path: 'docKey', message: 'invalid', code: 'invalid' }],
    });
  const maxBytes = file.maxBytes;
  return db.transaction(async (tx) => {
    const app = await lockApplication(tx, id);
    if (!isApplicant(actor, app)) throw notFound();
    assertTransition(app.status, 'edit');
    const stored = await storeFile(tx, filesDir, {
      data: file.data,
      filename: file.filename,
      allowed: documentTypes,
      maxBytes,
      ownerId: actor.userId,
    });
    const [row] = await tx.insert(applicationDocuments).values({ applicationId: id, fileId: stored.id, docKey }).returning();
    await audit(tx, {
      actor,
      action: 'membership_application.document_add',
      entity: 'membership_application',
      entityId: id,
      after: { docKey, fileId: stored.id, name: stored.originalName },
    });
    return {
      id: row.id,
      docKey,
      fileId: stored.id,
      filename: stored.originalName,
      mime: stored.mime,
      size: stored.size,
      createdAt: row.createdAt,
    };
  });
}

export async function removeDocument(db: Db, actor: Actor, id: string, docId: string) {
  await db.transaction(async (tx) => {
    const app = await lockApplication(tx, id);
    if (!isApplicant(actor, app)) throw notFound();
    assertTransition(app.status, 'edit');
    const [row] = await tx
      .delete(applicationDocuments)
      .where(and(eq(applicationDocuments.id, docId), eq(applicationDocuments.applicationId, id)))
      .returning();
    if (!row) throw notFound();
    await audit(tx, {
      actor,
      action: 'membership_application.document_remove',
      entity: 'membership_application',
      entityId: id,
      before: { docKey: row.docKey, fileId: row.fileId },
    });
  });
  return { ok: true as const };
}

/** The file of a document, for the applicant or the secretariat. */
export async function documentFile(db: DbOrTx, filesDir: string, actor: Actor, id: string, docId: string) {
  await loadVisible(db, actor, id);
  const [row] = await db
    .select({ fileId: applicationDocuments.fileId })
    .from(applicationDocuments)
    .where(and(eq(applicationDocuments.id, docId), eq(applicationDocuments.applicationId, id)));
  const f = row && (await readFile(db, filesDir, row.fileId));
  if (!f) throw notFound();
  return { mime: f.mime, data: f.data, name: f.originalName };
}

// Reading

const country = countryRows();
const summaryColumns = {
  id: membershipApplications.id,
  status: membershipApplications.status,
  applicantKind: membershipApplications.applicantKind,
  categoryKey: membershipCategories.key,
  categoryName: membershipCategories.name,
  displayName: membershipApplications.displayName,
  countryCode: membershipApplications.countryCode,
  continent: country.continent,
  stakeholderGroup: membershipApplications.stakeholderGroup,
  submittedAt: membershipApplications.submittedAt,
  decidedAt: membershipApplications.decidedAt,
  createdAt: membershipApplications.createdAt,
  updatedAt: membershipApplications.updatedAt,
};

const summaryBase = (db: DbOrTx) =>
  db
    .select(summaryColumns)
    .from(membershipApplications)
    .innerJoin(membershipCategories, eq(membershipCategories.id, membershipApplications.categoryId))
    .leftJoin(country, eq(country.code, membershipApplications.countryCode));

type Summary = Omit<Awaited<ReturnType<ReturnType<typeof summaryBase>['execute']>>[number], 'status'> & { status: ApplicationStatus };

export interface QueueQuery {
  status?: ApplicationStatus;
  category?: string;
  country?: string;
  continent?: string;
  stakeholderGroup?: string;
  q?: string;
  organization?: string;
  page: number;
  pageSize: number;
}

/** The queue's filter as SQL: the list and its bulk actions select the same applications. */
function queueWhere(q: Omit<QueueQuery, 'page' | 'pageSize'>) {
  const where: SQL[] = [];
  // Drafts are the applicant's own until submitted.
  where.push(q.status ? eq(membershipApplications.status, q.status) : ne(membershipApplications.status, 'draft'));
  if (q.category) where.push(eq(membershipCategories.key, q.category));
  if (q.country) where.push(eq(membershipApplications.countryCode, q.country));
  if (q.continent) where.push(eq(country.continent, q.continent));
  if (q.stakeholderGroup) where.push(eq(membershipApplications.stakeholderGroup, q.stakeholderGroup));
  if (q.q) where.push(matchSearch(membershipApplications.searchText, q.q));
  if (q.organization) where.push(eq(membershipApplications.organizationId, q.organization));
  return and(...where);
}
const queueOrder = [
  desc(sql`coalesce(${membershipApplications.submittedAt}, ${membershipApplications.createdAt})`),
  asc(membershipApplications.id),
];

export async function listApplications(db: DbOrTx, q: QueueQuery) {
  const where = queueWhere(q);
  const items = (await summaryBase(db)
    .where(where)
    .orderBy(...queueOrder)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)) as Summary[];
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(membershipApplications)
    .innerJoin(membershipCategories, eq(membershipCategories.id, membershipApplications.categoryId))
    .leftJoin(country, eq(country.code, membershipApplications.countryCode))
    .where(where);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/**
 * The applications a bulk action names, in the queue's order: every one the queue's filter matches
 * (exactly the queue's rows, all pages), or those of `ids` (any status: the secretariat sees them all).
 */
export async function queueTargets(db: DbOrTx, by: { filter: Omit<QueueQuery, 'page' | 'pageSize'> } | { ids: string[] }) {
  const rows = await summaryBase(db)
    .where('ids' in by ? inArray(membershipApplications.id, by.ids) : queueWhere(by.filter))
    .orderBy(...queueOrder);
  return rows.map((r) => ({ id: r.id, name: r.displayName, status: r.status as ApplicationStatus }));
}

export async function myApplications(db: DbOrTx, actor: Actor) {
  return (await summaryBase(db)
    .where(eq(membershipApplications.applicantUserId, actor.userId))
    .orderBy(desc(membershipApplications.createdAt))) as Summary[];
}

function actionsFor(actor: Actor, app: { status: string; applicantUserId: string }) {
  const out: string[] = [];
  const own = isApplicant(actor, app);
  const staff = isStaff(actor);
  for (const [action, t] of Object.entries(transitions) as Array<[ApplicationAction, (typeof transitions)[ApplicationAction]]>) {
    if (!t.from.includes(app.status as ApplicationStatus)) continue;
    if (['edit', 'submit', 'withdraw'].includes(action) && own) out.push(action);
    if (['request_info', 'approve', 'reject'].includes(action) && staff) out.push(action);
    if (action === 'message') out.push(action);
  }
  if (staff) out.push('comment');
  return out;
}

/** An application as this actor may see it: internal comments and the applicant's address only for the secretariat. */
export async function getApplication(db: DbOrTx, actor: Actor, id: string) {
  const app = await loadVisible(db, actor, id);
  const [summary] = (await summaryBase(db).where(eq(membershipApplications.id, id))) as Summary[];
  const cat = await categoryOf(db, app.categoryId);
  const internal = seesInternal(actor);
  const docs = await db
    .select({
      id: applicationDocuments.id,
      docKey: applicationDocuments.docKey,
      fileId: applicationDocuments.fileId,
      filename: files.originalName,
      mime: files.mime,
      size: files.size,
      createdAt: applicationDocuments.createdAt,
    })
    .from(applicationDocuments)
    .innerJoin(files, eq(files.id, applicationDocuments.fileId))
    .where(eq(applicationDocuments.applicationId, id))
    .orderBy(asc(applicationDocuments.createdAt));
  const messages = await db
    .select({
      id: applicationMessages.id,
      authorName: applicationMessages.authorName,
      authorRole: applicationMessages.authorRole,
      kind: applicationMessages.kind,
      internal: applicationMessages.internal,
      body: applicationMessages.body,
      createdAt: applicationMessages.createdAt,
    })
    .from(applicationMessages)
    .where(internal ? eq(applicationMessages.applicationId, id) : and(eq(applicationMessages.applicationId, id), applicantThread()))
    .orderBy(asc(applicationMessages.createdAt), asc(applicationMessages.id));
  let applicantEmail: string | undefined;
  if (internal) {
    const u = await userById(db, app.applicantUserId);
    applicantEmail = u?.email;
  }
  return {
    ...summary,
    locale: app.locale,
    data: app.data as Record<string, unknown>,
    decisionReason: app.decisionReason,
    membershipId: app.membershipId,
    organizationId: app.organizationId,
    ...(applicantEmail ? { applicantEmail } : {}),
    documents: docs,
    messages,
    requiredDocuments: cat.requiredDocuments,
    requiredFields: cat.requiredFields,
    actions: actionsFor(actor, app),
  };
}

// Approval

async function findOrganizationByName(tx: DbOrTx, name: LocalizedText) {
  const wanted = new Set(
    Object.values(name)
      .filter(Boolean)
      .map((n) => normalize(n!)),
  );
  if (!wanted.size) return undefined;
  const o = organizationRows();
  const candidates = await tx
    .select({ id: o.id, name: o.name })
    .from(o)
    .where(sql`${o.searchText} like ${`%${[...wanted][0].replace(/[\\%_]/g, (m) => `\\${m}`)}%`}`);
  return candidates.find((c) => Object.values(c.name).some((n) => n && wanted.has(normalize(n))))?.id;
}

async function findOrCreatePerson(
  tx: Tx,
  actor: Actor | null,
  p: { name: string; nameLatin?: string | null; email: string; countryCode?: string | null; gender?: string | null },
) {
  const email = p.email.toLowerCase();
  const existing = await personByEmail(tx, email);
  if (existing) return existing;
  const created = await createPerson(tx as unknown as Db, actor, {
    name: p.name,
    nameLatin: p.nameLatin ?? null,
    email,
    countryCode: p.countryCode ?? null,
    gender: (p.gender as 'female') ?? null,
    affiliations: [],
  });
  return { id: created.id, userId: null as string | null };
}

export async function approveApplication(
  db: Db,
  actor: Actor,
  id: string,
  opts: { reason?: string; organizationId?: string; startDate?: string; directoryOptIn?: boolean },
  now = new Date(),
) {
  await approve(db, actor, id, opts, now);
  return getApplication(db, actor, id);
}

/** The approval itself (one or many): the membership, the directory entries, the representatives, the mail and the audit entry. */
export async function approve(
  db: Db,
  actor: Actor,
  id: string,
  opts: { reason?: string; organizationId?: string; startDate?: string; directoryOptIn?: boolean },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const app = await lockApplication(tx, id);
    assertTransition(app.status, 'approve');
    const cat = await categoryOf(tx, app.categoryId);
    const data = app.data;
    const locale = app.locale as Locale;
    let organizationId: string | null = null;
    let personId: string | null = null;
    let orgName: LocalizedText = {};
    if (app.applicantKind === 'organization') {
      const o = data.organization ?? {};
      organizationId = opts.organizationId ?? app.organizationId ?? (await findOrganizationByName(tx, o.name ?? {})) ?? null;
      if (organizationId) {
        orgName = (await getOrganization(tx, organizationId)).name;
      } else {
        const created = await createOrganization(tx as unknown as Db, actor, {
          name: o.name ?? {},
          shortName: o.shortName ?? null,
          countryCode: o.countryCode!,
          stakeholderGroup: o.stakeholderGroup as 'academia',
          website: o.website ?? null,
          description: o.description ?? {},
        });
        organizationId = created.id;
        orgName = created.name;
      }
      for (const rep of data.representatives ?? []) await addRepresentative(tx, actor, organizationId, orgName, rep, locale);
    } else {
      const u = await userById(tx, app.applicantUserId);
      if (!u) throw notFound(); // the applicant's account is kept while it has applications
      const ind = data.individual ?? {};
      const person = await findOrCreatePerson(tx, actor, {
        name: ind.name ?? u.name,
        nameLatin: ind.nameLatin,
        email: u.email,
        countryCode: ind.countryCode,
        gender: ind.gender,
      });
      if (!person.userId) await linkPersonToUser(tx, person.id, u.id);
      personId = person.id;
    }
    const [existing] = await tx
      .select()
      .from(memberships)
      .where(organizationId ? eq(memberships.organizationId, organizationId) : eq(memberships.personId, personId!))
      .for('update');
    if (existing && ['active', 'grace', 'suspended'].includes(existing.status)) {
      throw fail(
        membershipErrors,
        'already_member',
        'This organization or person already holds a membership; renew or reinstate it instead.',
        { extra: { membershipId: existing.id } },
      );
    }
    const startDate = opts.startDate ?? isoDay(now);
    const values = {
      categoryId: cat.id,
      applicantKind: app.applicantKind,
      organizationId,
      personId,
      applicationId: app.id,
      status: 'active' as const,
      statusReason: null,
      startDate,
      renewalDate: addMonths(startDate, cat.termMonths),
      graceUntil: null,
      remindersSent: [],
      directoryOptIn: opts.directoryOptIn ?? false,
      updatedAt: new Date(),
    };
    const [m] = existing
      ? await tx.update(memberships).set(values).where(eq(memberships.id, existing.id)).returning()
      : await tx.insert(memberships).values(values).returning();
    await tx.insert(membershipHistory).values({
      membershipId: m.id,
      action: existing ? 'rejoined' : 'created',
      fromStatus: existing?.status ?? null,
      toStatus: 'active',
      reason: opts.reason ?? null,
      actorId: actor.userId,
      details: { applicationId: app.id, startDate, renewalDate: m.renewalDate },
    });
    await tx
      .update(membershipApplications)
      .set({
        status: 'approved',
        decidedAt: new Date(),
        decidedBy: actor.userId,
        decisionReason: opts.reason ?? null,
        organizationId,
        membershipId: m.id,
        updatedAt: new Date(),
      })
      .where(eq(membershipApplications.id, id));
    await addMessage(tx, id, actor, { role: 'secretariat', kind: 'decision', body: opts.reason || 'approved' });
    await audit(tx, {
      actor,
      action: 'membership_application.approve',
      entity: 'membership_application',
      entityId: id,
      after: { membershipId: m.id, organizationId, personId },
    });
    await mailApplicant(tx, app, 'approved', {
      date: startDate,
      text: opts.reason,
      link: pageUrl(membershipPages.portal, {}, app.locale as Locale),
    });
    await syncMemberIndex(tx, m.id);
    return m;
  });
}

/**
 * Applications waiting for the secretariat's decision (those it may approve, reject or ask more of), for
 * the staff overview; null for a caller who may not see the queue (the same rule as the queue's list).
 */
export async function applicationsAwaitingDecision(db: DbOrTx, actor: Actor): Promise<number | null> {
  if (!isStaff(actor)) return null;
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(membershipApplications)
    .where(inArray(membershipApplications.status, transitions.approve.from));
  return n;
}

export async function applicationsByStatus(db: DbOrTx) {
  return db
    .select({ key: membershipApplications.status, count: sql<number>`count(*)::int` })
    .from(membershipApplications)
    .groupBy(membershipApplications.status)
    .orderBy(membershipApplications.status);
}
