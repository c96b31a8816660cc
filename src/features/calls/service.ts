import { and, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/access.js';
import { hasScope, isStaff } from '../../platform/auth/access.js';
import { presenter } from '../../platform/auth/audience.js';
import { audit } from '../../platform/audit/index.js';
import type { Db, DbOrTx } from '../../platform/db/index.js';
import { files } from '../../platform/files/model.js';
import { fail, forbidden, invalid, notFound } from '../../platform/http/errors.js';
import { platformErrors } from '../../platform/http/codes.js';
import { localize, pickLocale, type LocalizedText } from '../../platform/i18n/index.js';
import { queueMail } from '../../platform/mail/index.js';
import { accountByEmail, accountById } from '../accounts/index.js';
import { countryCodes } from '../directory/index.js';
import { readFile, storeFile, documentTypes } from '../../platform/files/index.js';
import type { Upload } from '../../platform/http/upload.js';
import { callsErrors, type CallKind, type CreateCallInput, type DraftInput, type RubricInput, type UpdateCallInput } from './contract.js';
import { checkEligibility, validateAnswers, type FormField, type Person } from './form.js';
import { callMail } from './mails.js';
import { releasedDecision, submissionAudience } from './policy.js';
import { calls, rubrics, submissions } from './model.js';
import { templates } from './templates.js';
import { pageUrl } from '../../platform/http/urls.js';
import { callsPages } from './contract.js';

export type CallRow = typeof calls.$inferSelect;
export type SubmissionRow = typeof submissions.$inferSelect;

/** A time as the call announces it, e.g. "2025-08-31 23:59 (Asia/Shanghai)". */
export function localTime(d: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(d);
  return `${parts.replace(',', '')} (${timeZone})`;
}

export const isOpenAt = (c: Pick<CallRow, 'opensAt' | 'closesAt' | 'published'>, now: Date) =>
  c.published && c.opensAt <= now && now < c.closesAt;

export function presentCall(c: CallRow, now = new Date()) {
  const { codeCounter: _n, createdAt: _c, updatedAt: _u, ...rest } = c;
  return { ...rest, closesAtLocal: localTime(c.closesAt, c.timeZone), isOpen: isOpenAt(c, now) };
}

// ---------------------------------------------------------------- calls

export async function createCall(db: Db, actor: Actor, input: CreateCallInput) {
  const tpl = input.template ? templates[input.template] : null;
  const { template: _t, ...given } = input;
  const merged = {
    kind: given.kind ?? tpl?.kind,
    year: given.year,
    title: given.title ?? tpl?.title,
    rules: given.rules ?? tpl?.rules ?? {},
    opensAt: given.opensAt,
    closesAt: given.closesAt,
    timeZone: given.timeZone ?? 'Asia/Shanghai',
    eligibility: given.eligibility ?? tpl?.eligibility ?? {},
    categories: given.categories ?? tpl?.categories ?? [],
    rounds: given.rounds ?? tpl?.rounds ?? [{ value: 'review', label: { en: 'Review' } }],
    form: given.form ?? tpl?.form ?? [],
    allowEdit: given.allowEdit ?? true,
    allowNominations: given.allowNominations ?? tpl?.allowNominations ?? false,
    sameCountryConflict: given.sameCountryConflict ?? tpl?.sameCountryConflict ?? false,
    reviewsPerSubmission: given.reviewsPerSubmission ?? tpl?.reviewsPerSubmission ?? 3,
    codePrefix: given.codePrefix ?? tpl?.codePrefix,
    published: given.published ?? false,
  };
  if (!merged.kind) throw invalid('kind', 'give a kind or a template');
  if (!merged.title || !Object.keys(merged.title).length) throw invalid('title', 'give a title or a template');
  if (!merged.codePrefix) throw invalid('codePrefix', 'give a code prefix or a template');
  if (merged.closesAt <= merged.opensAt) throw invalid('closesAt', 'must be after the opening time');
  return db.transaction(async (tx) => {
    await assertPrefixFree(tx, merged.codePrefix!, merged.year, null);
    const [row] = await tx
      .insert(calls)
      .values(merged as typeof calls.$inferInsert)
      .returning();
    const criteria = tpl?.rubric ?? [
      { key: 'overall', weight: 1, label: { en: 'Overall merit', 'zh-Hans': '综合评价', 'zh-Hant': '綜合評價' } },
    ];
    await tx.insert(rubrics).values({ callId: row.id, round: 1, criteria, scaleMin: 1, scaleMax: 10 });
    await audit(tx, {
      actor,
      action: 'call.create',
      entity: 'call',
      entityId: row.id,
      after: { kind: row.kind, year: row.year, template: input.template ?? null },
    });
    return row;
  });
}

/** Submission codes (PREFIX-YEAR-NNNN) are unique across calls: one prefix per year. */
async function assertPrefixFree(tx: DbOrTx, prefix: string, year: number, self: string | null) {
  const [other] = await tx
    .select({ id: calls.id })
    .from(calls)
    .where(and(eq(calls.codePrefix, prefix), eq(calls.year, year)));
  if (other && other.id !== self)
    throw fail(callsErrors, 'code_prefix_taken', `Another ${year} call already uses this code prefix; choose another.`);
}

export async function updateCall(db: Db, actor: Actor, id: string, input: UpdateCallInput) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(calls).where(eq(calls.id, id)).for('update');
    if (!before) throw notFound();
    const next = { ...before, ...input };
    if (next.closesAt <= next.opensAt) throw invalid('closesAt', 'must be after the opening time');
    if (input.codePrefix || input.year) {
      if (before.codeCounter > 0 && (next.codePrefix !== before.codePrefix || next.year !== before.year))
        throw fail(callsErrors, 'codes_issued', 'Codes were already handed out; the prefix and year can no longer change.');
      await assertPrefixFree(tx, next.codePrefix, next.year, id);
    }
    const [row] = await tx
      .update(calls)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(calls.id, id))
      .returning();
    await audit(tx, {
      actor,
      action: 'call.update',
      entity: 'call',
      entityId: id,
      before: { closesAt: before.closesAt, published: before.published },
      after: input,
    });
    return row;
  });
}

export async function getCall(db: DbOrTx, id: string) {
  const [row] = await db.select().from(calls).where(eq(calls.id, id));
  if (!row) throw notFound();
  return row;
}

/** Calls anyone may see: the published ones. Staff see all. */
export async function listCalls(db: DbOrTx, opts: { staff: boolean; kind?: CallKind; year?: number }) {
  const where: SQL[] = [];
  if (!opts.staff) where.push(eq(calls.published, true));
  if (opts.kind) where.push(eq(calls.kind, opts.kind));
  if (opts.year) where.push(eq(calls.year, opts.year));
  return db
    .select()
    .from(calls)
    .where(and(...where))
    .orderBy(desc(calls.year), desc(calls.closesAt));
}

/** Calls open for entries now (isOpenAt: published, opened and not yet closed), for the staff overview. */
export async function openCallCount(db: DbOrTx, now = new Date()) {
  const rows = await db.select({ published: calls.published, opensAt: calls.opensAt, closesAt: calls.closesAt }).from(calls);
  return rows.filter((c) => isOpenAt(c, now)).length;
}

/**
 * Submitted entries waiting for eligibility screening, per call, for the staff overview: staff only,
 * as the entries list of a call is; empty for anyone else.
 */
export async function submissionsToScreen(db: DbOrTx, actor: Actor) {
  if (!isStaff(actor)) return [];
  return db
    .select({ callId: calls.id, title: calls.title, year: calls.year, count: sql<number>`count(*)::int` })
    .from(submissions)
    .innerJoin(calls, eq(calls.id, submissions.callId))
    .where(and(eq(submissions.status, 'submitted'), eq(submissions.screening, 'pending')))
    .groupBy(calls.id)
    .orderBy(calls.closesAt, calls.id);
}

export async function getVisibleCall(db: DbOrTx, actor: Actor | null, id: string) {
  const c = await getCall(db, id);
  if (!c.published && !isStaff(actor)) throw notFound();
  return c;
}

// ---------------------------------------------------------------- submissions

/** The next code of a call, e.g. CASE-2025-0042. One atomic UPDATE: concurrent callers never get the same number. */
async function nextCode(tx: DbOrTx, callId: string) {
  const [row] = await tx
    .update(calls)
    .set({ codeCounter: sql`${calls.codeCounter} + 1` })
    .where(eq(calls.id, callId))
    .returning({ n: calls.codeCounter, prefix: calls.codePrefix, year: calls.year });
  return `${row.prefix}-${row.year}-${String(row.n).padStart(4, '0')}`;
}

const peopleEmails = (form: FormField[], answers: Record<string, unknown>) => [
  ...new Set(
    form
      .filter((f) => f.type === 'people')
      .flatMap((f) => ((answers[f.key] as Person[] | undefined) ?? []).map((p) => p.email?.toLowerCase()).filter((e): e is string => !!e)),
  ),
];

async function ownedFiles(db: DbOrTx, userId: string | null, answers: Record<string, unknown>, form: FormField[]) {
  const ids = form
    .filter((f) => f.type === 'file')
    .flatMap((f) => [answers[f.key]].flat().filter((x): x is string => typeof x === 'string' && /^[0-9a-f-]{36}$/i.test(x)));
  if (!ids.length || !userId) return new Set<string>();
  const rows = await db
    .select({ id: files.id })
    .from(files)
    .where(and(inArray(files.id, ids), eq(files.ownerId, userId)));
  return new Set(rows.map((r) => r.id));
}

/** Checks and derives the stored columns from the answers. */
async function prepare(db: DbOrTx, c: CallRow, userId: string | null, input: DraftInput, complete: boolean) {
  const owned = await ownedFiles(db, userId, input.answers, c.form);
  const { answers, problems } = validateAnswers(c.form, input.answers, {
    complete,
    countryCodes: await countryCodes(db),
    fileOk: (id) => owned.has(id),
  });
  if (input.category != null && c.categories.length && !c.categories.some((o) => o.value === input.category))
    problems.push({ path: 'category', message: 'is not one of the call’s categories', code: 'not_an_option' });
  if (complete && c.categories.length && !input.category) problems.push({ path: 'category', message: 'is required', code: 'required' });
  if (problems.length)
    throw fail(
      platformErrors,
      'validation_failed',
      `The answers have ${problems.length} problem(s): ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`,
      { fields: problems },
    );
  return {
    answers,
    category: input.category ?? null,
    organizationId: input.organizationId ?? null,
    title: (typeof answers.title === 'object'
      ? answers.title
      : typeof answers.title === 'string'
        ? { en: answers.title }
        : {}) as LocalizedText,
    applicantType: typeof answers.applicantType === 'string' ? answers.applicantType : null,
    countryCode: typeof answers.country === 'string' ? answers.country : null,
    peopleEmails: peopleEmails(c.form, answers),
  };
}

export async function createDraft(db: Db, actor: Actor, callId: string, input: DraftInput, now = new Date()) {
  return db.transaction(async (tx) => {
    const c = await getCall(tx, callId);
    if (!c.published) throw notFound();
    if (now < c.opensAt) throw fail(callsErrors, 'call_not_open', `This call opens at ${localTime(c.opensAt, c.timeZone)}.`);
    if (now >= c.closesAt)
      throw fail(callsErrors, 'call_closed', `This call closed at ${localTime(c.closesAt, c.timeZone)}; no new submissions are accepted.`);
    const values = await prepare(tx, c, actor.userId, input, false);
    const code = await nextCode(tx, c.id);
    const [row] = await tx
      .insert(submissions)
      .values({ callId: c.id, code, applicantId: actor.userId, ...values })
      .returning();
    await audit(tx, { actor, action: 'submission.create', entity: 'submission', entityId: row.id, after: { code } });
    return row;
  });
}

/** The submission if the actor is its applicant; a nomination addressed to the actor's e-mail is taken up here. */
export async function getOwn(db: DbOrTx, actor: Actor, id: string, lock = false) {
  const q = db.select().from(submissions).where(eq(submissions.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound();
  if (row.applicantId === actor.userId) return row;
  if (!row.applicantId && row.nomineeEmail && row.nomineeEmail === actor.email.toLowerCase()) {
    const [claimed] = await db
      .update(submissions)
      .set({ applicantId: actor.userId })
      .where(and(eq(submissions.id, id), isNull(submissions.applicantId)))
      .returning();
    if (claimed) return claimed;
  }
  throw notFound();
}

function editable(c: CallRow, s: SubmissionRow, now: Date) {
  if (s.status === 'withdrawn') throw fail(callsErrors, 'submission_withdrawn', 'This submission was withdrawn.');
  if (now >= c.closesAt)
    throw fail(
      callsErrors,
      'call_closed',
      `This call closed at ${localTime(c.closesAt, c.timeZone)}; the submission can no longer be changed.`,
    );
  if (s.status === 'submitted' && !c.allowEdit)
    throw fail(callsErrors, 'submission_locked', 'This call does not allow changes after submission.');
}

export async function updateDraft(db: Db, actor: Actor, id: string, input: DraftInput, now = new Date()) {
  return db.transaction(async (tx) => {
    const s = await getOwn(tx, actor, id, true);
    const c = await getCall(tx, s.callId);
    editable(c, s, now);
    const values = await prepare(tx, c, actor.userId, input, s.status === 'submitted');
    const [row] = await tx
      .update(submissions)
      .set({ ...values, updatedAt: now })
      .where(eq(submissions.id, id))
      .returning();
    if (s.status === 'submitted') row.eligibilityProblems = await recheck(tx, c, row);
    await audit(tx, { actor, action: 'submission.update', entity: 'submission', entityId: id });
    return row;
  });
}

async function recheck(tx: DbOrTx, c: CallRow, s: SubmissionRow) {
  const problems = checkEligibility(
    c.eligibility,
    {
      applicantType: s.applicantType,
      countryCode: s.countryCode,
      birthDate: typeof s.answers.birthDate === 'string' ? s.answers.birthDate : null,
    },
    c.closesAt,
  );
  await tx.update(submissions).set({ eligibilityProblems: problems }).where(eq(submissions.id, s.id));
  return problems;
}

async function userLocale(db: DbOrTx, userId: string) {
  const u = await accountById(db, userId);
  return u ? { ...u, locale: pickLocale(u.locale) } : null;
}

/** Submits before the close time (server clock). Submitting twice is harmless. */
export async function submit(db: Db, actor: Actor, id: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const s = await getOwn(tx, actor, id, true);
    const c = await getCall(tx, s.callId);
    if (s.status === 'submitted') return s;
    if (s.status === 'withdrawn') throw fail(callsErrors, 'submission_withdrawn', 'This submission was withdrawn.');
    if (now >= c.closesAt)
      throw fail(callsErrors, 'call_closed', `This call closed at ${localTime(c.closesAt, c.timeZone)}; the submission was not submitted.`);
    await prepare(tx, c, actor.userId, { answers: s.answers, category: s.category, organizationId: s.organizationId }, true);
    const [row] = await tx
      .update(submissions)
      .set({ status: 'submitted', submittedAt: now, updatedAt: now })
      .where(eq(submissions.id, id))
      .returning();
    row.eligibilityProblems = await recheck(tx, c, row);
    const u = await userLocale(tx, actor.userId);
    if (u) {
      const m = callMail('confirmation', u.locale, {
        code: row.code,
        title: localize(row.title, u.locale).text,
        call: localize(c.title, u.locale).text,
        link: pageUrl(callsPages.submission, { id: row.id }, u.locale),
        name: u.name,
      });
      await queueMail(tx, { to: u.email, subject: m.subject, text: m.text, locale: u.locale, template: 'calls.confirmation' });
    }
    await audit(tx, { actor, action: 'submission.submit', entity: 'submission', entityId: id, after: { code: row.code } });
    return row;
  });
}

export async function withdraw(db: Db, actor: Actor, id: string) {
  return db.transaction(async (tx) => {
    const s = await getOwn(tx, actor, id, true);
    if (s.status === 'withdrawn') return s;
    if (s.decision) throw fail(callsErrors, 'already_decided', 'A decision was already made on this submission.');
    const [row] = await tx
      .update(submissions)
      .set({ status: 'withdrawn', updatedAt: new Date() })
      .where(eq(submissions.id, id))
      .returning();
    await audit(tx, { actor, action: 'submission.withdraw', entity: 'submission', entityId: id });
    return row;
  });
}

export async function assertCanUpload(db: DbOrTx, actor: Actor, id: string, now = new Date()) {
  const s = await getOwn(db, actor, id);
  editable(await getCall(db, s.callId), s, now);
  return s;
}

export async function listMine(db: DbOrTx, actor: Actor) {
  return db
    .select()
    .from(submissions)
    .where(
      or(
        eq(submissions.applicantId, actor.userId),
        and(isNull(submissions.applicantId), eq(submissions.nomineeEmail, actor.email.toLowerCase())),
      ),
    )
    .orderBy(desc(submissions.createdAt));
}

/** A file an entry's answers name, as its readers see it. */
export interface EntryFile {
  fileId: string;
  name: string;
  mime: string;
  size: number;
}
/** A submission with the files its answers name (what the presenters show of it). */
type Entry = SubmissionRow & { files: EntryFile[] };

/** The files the answers of these submissions name (in their calls' file fields), by submission id. */
export async function filesOfEntries(db: DbOrTx, rows: Array<Pick<SubmissionRow, 'id' | 'callId' | 'answers'>>) {
  const out = new Map<string, EntryFile[]>(rows.map((r) => [r.id, []]));
  const callIds = [...new Set(rows.map((r) => r.callId))];
  if (!callIds.length) return out;
  const forms = new Map(
    (await db.select({ id: calls.id, form: calls.form }).from(calls).where(inArray(calls.id, callIds))).map((c) => [c.id, c.form]),
  );
  const named = rows.map((r) => ({ id: r.id, fileIds: fileIdsOf(forms.get(r.callId) ?? [], r.answers).filter(isUuid) }));
  const all = [...new Set(named.flatMap((n) => n.fileIds))];
  if (!all.length) return out;
  const found = new Map(
    (
      await db
        .select({ fileId: files.id, name: files.originalName, mime: files.mime, size: files.size })
        .from(files)
        .where(inArray(files.id, all))
    ).map((f) => [f.fileId, f]),
  );
  for (const n of named)
    out.set(
      n.id,
      n.fileIds.flatMap((id) => found.get(id) ?? []),
    );
  return out;
}
const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** Submissions with the files they name, for the presenters. */
async function withFiles(db: DbOrTx, rows: SubmissionRow[]): Promise<Entry[]> {
  const byId = await filesOfEntries(db, rows);
  return rows.map((r) => ({ ...r, files: byId.get(r.id) ?? [] }));
}
const withFilesOne = async (db: DbOrTx, row: SubmissionRow) => (await withFiles(db, [row]))[0];

const presentApplicant = (s: Entry) => ({
  id: s.id,
  callId: s.callId,
  code: s.code,
  status: s.status,
  title: s.title,
  category: s.category,
  organizationId: s.organizationId,
  answers: s.answers,
  files: s.files,
  decision: releasedDecision(s),
  nominated: !!s.nominatedByOrg,
  submittedAt: s.submittedAt,
  updatedAt: s.updatedAt,
});

const presentStaff = (s: Entry) => ({
  ...presentApplicant(s),
  decision: s.decision,
  applicantId: s.applicantId,
  applicantType: s.applicantType,
  countryCode: s.countryCode,
  screening: s.screening,
  screeningReason: s.screeningReason,
  eligibilityProblems: s.eligibilityProblems,
  round: s.round,
  publishedAt: s.publishedAt,
  nomineeEmail: s.nomineeEmail,
});

/** What the nominating organization sees: its nomination and how far it got, nothing of the person's account or the review. */
const presentNomination = (s: Entry) => ({
  id: s.id,
  callId: s.callId,
  code: s.code,
  status: s.status,
  nomineeName: s.nomineeName,
  nominated: true as const,
  submittedAt: s.submittedAt,
  updatedAt: s.updatedAt,
});

/** A submission as the caller may see it: staff, applicant or nominator, decided by the policy. */
const presentEntry = presenter((actor: Actor | null, s: Entry) => submissionAudience(actor, s), {
  staff: presentStaff,
  applicant: presentApplicant,
  nominator: presentNomination,
});

/** A submission as the caller may see it, with the files it names. */
export const presentSubmission = async (db: DbOrTx, actor: Actor | null, s: SubmissionRow) =>
  presentEntry(actor, await withFilesOne(db, s));

/** A submission for its reader; a nomination addressed to the reader's e-mail is taken up on first reading. */
export async function readSubmission(db: DbOrTx, actor: Actor, id: string) {
  const row = await getSubmission(db, id);
  if (!row.applicantId && row.nomineeEmail && row.nomineeEmail === actor.email.toLowerCase())
    return presentSubmission(db, actor, await getOwn(db, actor, id));
  return presentSubmission(db, actor, row);
}

/** An organization (its contact, or staff) nominates a person, who then completes the application. */
export async function nominate(db: Db, actor: Actor, callId: string, input: { organizationId: string; name: string; email: string }) {
  if (!isStaff(actor) && !hasScope(actor, 'org_contact', 'organization', input.organizationId))
    throw forbidden('Only a contact of this organization may nominate on its behalf.');
  return db.transaction(async (tx) => {
    const c = await getCall(tx, callId);
    if (!c.published) throw notFound();
    if (!c.allowNominations) throw fail(callsErrors, 'nominations_closed', 'This call does not take nominations.');
    if (new Date() >= c.closesAt) throw fail(callsErrors, 'call_closed', `This call closed at ${localTime(c.closesAt, c.timeZone)}.`);
    const email = input.email.toLowerCase();
    const [dup] = await tx
      .select({ id: submissions.id })
      .from(submissions)
      .where(
        and(eq(submissions.callId, callId), eq(submissions.nomineeEmail, email), eq(submissions.nominatedByOrg, input.organizationId)),
      );
    if (dup) throw fail(callsErrors, 'already_nominated', 'This organization already nominated this person.');
    const existing = await accountByEmail(tx, email);
    const code = await nextCode(tx, callId);
    const [row] = await tx
      .insert(submissions)
      .values({
        callId,
        code,
        applicantId: existing?.id ?? null,
        nomineeEmail: email,
        nomineeName: input.name,
        nominatedByOrg: input.organizationId,
        organizationId: input.organizationId,
        title: { en: input.name },
        answers: { title: { en: input.name } },
      })
      .returning();
    const locale = pickLocale(existing?.locale);
    const m = callMail('nomination', locale, {
      code,
      title: input.name,
      call: localize(c.title, locale).text,
      link: pageUrl(callsPages.submission, { id: row.id }, locale),
      name: input.name,
    });
    await queueMail(tx, { to: email, subject: m.subject, text: m.text, locale, template: 'calls.nomination' });
    await audit(tx, {
      actor,
      action: 'submission.nominate',
      entity: 'submission',
      entityId: row.id,
      after: { code, organizationId: input.organizationId },
    });
    return row;
  });
}

// ---------------------------------------------------------------- staff

export async function listSubmissions(
  db: DbOrTx,
  callId: string,
  q: { status?: string; screening?: string; round?: number; decision?: string },
) {
  const where: SQL[] = [eq(submissions.callId, callId)];
  if (q.status) where.push(eq(submissions.status, q.status as never));
  if (q.screening) where.push(eq(submissions.screening, q.screening as never));
  if (q.round) where.push(sql`${submissions.round} >= ${q.round}`);
  if (q.decision) where.push(eq(submissions.decision, q.decision as never));
  return db
    .select()
    .from(submissions)
    .where(and(...where))
    .orderBy(submissions.code);
}

export async function getSubmission(db: DbOrTx, id: string) {
  const [row] = await db.select().from(submissions).where(eq(submissions.id, id));
  if (!row) throw notFound();
  return row;
}

export async function screen(db: Db, actor: Actor, id: string, input: { result: 'passed' | 'failed'; reason: string }) {
  if (input.result === 'failed' && !input.reason) throw invalid('reason', 'give the reason a submission fails screening');
  return db.transaction(async (tx) => {
    const [s] = await tx.select().from(submissions).where(eq(submissions.id, id)).for('update');
    if (!s) throw notFound();
    if (s.status !== 'submitted') throw fail(callsErrors, 'not_submitted', 'Only submitted entries are screened.');
    const [row] = await tx
      .update(submissions)
      .set({ screening: input.result, screeningReason: input.reason || null, updatedAt: new Date() })
      .where(eq(submissions.id, id))
      .returning();
    await audit(tx, {
      actor,
      action: 'submission.screen',
      entity: 'submission',
      entityId: id,
      before: { screening: s.screening },
      after: input,
    });
    return row;
  });
}

/** Passes every submitted, pending entry that the automatic check finds eligible; returns how many. */
export async function autoScreen(db: Db, actor: Actor, callId: string) {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(submissions)
      .set({ screening: 'passed', screeningReason: 'automatic eligibility check', updatedAt: new Date() })
      .where(
        and(
          eq(submissions.callId, callId),
          eq(submissions.status, 'submitted'),
          eq(submissions.screening, 'pending'),
          sql`jsonb_array_length(${submissions.eligibilityProblems}) = 0`,
        ),
      )
      .returning({ id: submissions.id });
    await audit(tx, { actor, action: 'call.auto_screen', entity: 'call', entityId: callId, after: { passed: rows.length } });
    return rows.length;
  });
}

export function fileIdsOf(form: FormField[], answers: Record<string, unknown>) {
  return form.filter((f) => f.type === 'file').flatMap((f) => [answers[f.key]].flat().filter((x): x is string => typeof x === 'string'));
}

/** The call of each of these submissions; ids of no submission are left out. */
export async function submissionCalls(db: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  return db.select({ id: submissions.id, callId: submissions.callId }).from(submissions).where(inArray(submissions.id, ids));
}

// ---------------------------------------------------------------- rubrics

export async function getRubric(db: DbOrTx, callId: string, round: number) {
  const [r] = await db
    .select()
    .from(rubrics)
    .where(and(eq(rubrics.callId, callId), eq(rubrics.round, round)));
  if (!r) throw notFound();
  return r;
}

export async function setRubric(db: Db, actor: Actor, callId: string, round: number, input: RubricInput) {
  if (input.scaleMax <= input.scaleMin) throw invalid('scaleMax', 'must be above scaleMin');
  const c = await getCall(db, callId);
  if (round > Math.max(1, c.rounds.length)) throw invalid('round', `this call has ${c.rounds.length} round(s)`);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(rubrics)
      .values({ callId, round, ...input })
      .onConflictDoUpdate({
        target: [rubrics.callId, rubrics.round],
        set: { criteria: input.criteria, scaleMin: input.scaleMin, scaleMax: input.scaleMax, guidance: input.guidance },
      })
      .returning();
    await audit(tx, {
      actor,
      action: 'rubric.set',
      entity: 'call',
      entityId: callId,
      after: { round, criteria: input.criteria.map((x) => x.key) },
    });
    return row;
  });
}

/** A round without a rubric of its own starts with the previous round's (when entries advance to it). */
export async function carryRubric(tx: DbOrTx, callId: string, fromRound: number) {
  const prev = await getRubric(tx, callId, fromRound);
  await tx
    .insert(rubrics)
    .values({
      callId,
      round: fromRound + 1,
      criteria: prev.criteria,
      scaleMin: prev.scaleMin,
      scaleMax: prev.scaleMax,
      guidance: prev.guidance,
    })
    .onConflictDoNothing();
}

// What the calls' routes ask for: each checks what the caller may see and presents the answer for them.

/** The calls the caller may see: the published ones, staff all. */
export async function callsFor(db: DbOrTx, actor: Actor | null, q: { kind?: CallKind; year?: number }) {
  return (await listCalls(db, { staff: isStaff(actor), ...q })).map((c) => presentCall(c));
}

export const callTemplates = () => Object.values(templates);

export const openCall = async (db: Db, actor: Actor, input: CreateCallInput) => presentCall(await createCall(db, actor, input));

export const callFor = async (db: DbOrTx, actor: Actor | null, id: string) => presentCall(await getVisibleCall(db, actor, id));

export const changeCall = async (db: Db, actor: Actor, id: string, input: UpdateCallInput) =>
  presentCall(await updateCall(db, actor, id, input));

export const startSubmission = async (db: Db, actor: Actor, callId: string, input: DraftInput) =>
  presentSubmission(db, actor, await createDraft(db, actor, callId, input));

export const nominatePerson = async (
  db: Db,
  actor: Actor,
  callId: string,
  input: { organizationId: string; name: string; email: string },
) => presentSubmission(db, actor, await nominate(db, actor, callId, input));

export const mySubmissions = async (db: DbOrTx, actor: Actor) =>
  (await withFiles(db, await listMine(db, actor))).map((s) => presentEntry(actor, s));

export const saveDraft = async (db: Db, actor: Actor, id: string, input: DraftInput) =>
  presentSubmission(db, actor, await updateDraft(db, actor, id, input));

export const submitSubmission = async (db: Db, actor: Actor, id: string) => presentSubmission(db, actor, await submit(db, actor, id));

export const withdrawSubmission = async (db: Db, actor: Actor, id: string) => presentSubmission(db, actor, await withdraw(db, actor, id));

/** Keeps a file for a submission the caller may still change; the upload is read only once that is known. */
export async function uploadSubmissionFile(
  db: DbOrTx,
  filesDir: string,
  actor: Actor,
  id: string,
  maxBytes: number,
  read: () => Promise<Upload>,
) {
  await assertCanUpload(db, actor, id);
  const up = await read();
  const f = await storeFile(db, filesDir, { ...up, allowed: documentTypes, maxBytes, ownerId: actor.userId });
  return { fileId: f.id, name: f.originalName, mime: f.mime, size: f.size };
}

/** A file named in a submission's answers, for a reader the caller already let in (applicant, staff, an assigned reviewer). */
export async function submissionFile(db: DbOrTx, filesDir: string, s: SubmissionRow, fileId: string) {
  const call = await getCall(db, s.callId);
  if (!fileIdsOf(call.form, s.answers).includes(fileId)) throw notFound();
  const f = await readFile(db, filesDir, fileId);
  if (!f) throw notFound();
  return { mime: f.mime, data: f.data, name: f.originalName };
}

export const callSubmissions = async (
  db: DbOrTx,
  callId: string,
  q: { status?: string; screening?: string; round?: number; decision?: string },
) => (await withFiles(db, await listSubmissions(db, callId, q))).map((s) => presentStaff(s));

export const screenSubmission = async (db: Db, actor: Actor, id: string, input: { result: 'passed' | 'failed'; reason: string }) =>
  presentStaff(await withFilesOne(db, await screen(db, actor, id, input)));

export const autoScreenCall = async (db: Db, actor: Actor, callId: string) => ({ passed: await autoScreen(db, actor, callId) });
