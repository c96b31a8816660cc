import { and, asc, eq, getTableColumns, inArray, isNotNull, type SQL } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../platform/db/index.js';
import { notFound } from '../../platform/http/errors.js';
import type { Feature } from '../../platform/http/types.js';
import { seedCallsDemo } from './demo.js';
import type { CallKind, Decision } from './contract.js';
import { calls as callsTable, submissions } from './model.js';
import { callsPersonalData, eraseCallsData } from './privacy.js';
import { callsRoutes } from './routes.js';

export const calls: Feature = {
  name: 'calls',
  pages: callsPages,
  routes: callsRoutes,
  seedDemo: seedCallsDemo,
  personalData: (ctx, s) => callsPersonalData(ctx.db, s),
  erase: (tx, s) => eraseCallsData(tx, s),
};

// For the review of the calls' submissions (the review depends on the calls, never the other way).
export { callMail } from './mails.js';
export type { Decision } from './contract.js';
export { releasedDecision } from './policy.js';
export {
  carryRubric,
  filesOfEntries,
  getCall,
  getOwn,
  getRubric,
  getSubmission,
  submissionCalls,
  submissionFile,
  type CallRow,
  type SubmissionRow,
} from './service.js';
import { callsPages } from './contract.js';

/** For the staff overview: the calls open now, and the entries waiting for screening per call. */
export { openCallCount, submissionsToScreen } from './service.js';

/** A selected entry and its call: what the showcase shows of them. */
export interface SelectedEntry {
  submission: Pick<typeof submissions.$inferSelect, 'id' | 'code' | 'title' | 'answers' | 'category' | 'countryCode' | 'publishedAt'>;
  call: Pick<typeof callsTable.$inferSelect, 'id' | 'kind' | 'year' | 'title' | 'categories' | 'form'>;
}

/**
 * Submitted entries the jury selected, with their call, by call year, field and code
 * (for the showcase): only published ones, or those of one call, or the listed ones.
 */
export async function selectedEntries(
  db: DbOrTx,
  filter: { published?: boolean; ids?: string[]; callId?: string; kind?: CallKind; year?: number; category?: string; countryCode?: string },
): Promise<SelectedEntry[]> {
  const where: SQL[] = [eq(submissions.decision, 'selected'), eq(submissions.status, 'submitted')];
  if (filter.published) where.push(isNotNull(submissions.publishedAt));
  if (filter.ids) where.push(inArray(submissions.id, filter.ids));
  if (filter.callId) where.push(eq(callsTable.id, filter.callId));
  if (filter.kind) where.push(eq(callsTable.kind, filter.kind));
  if (filter.year) where.push(eq(callsTable.year, filter.year));
  if (filter.category) where.push(eq(submissions.category, filter.category));
  if (filter.countryCode) where.push(eq(submissions.countryCode, filter.countryCode));
  return db
    .select({
      submission: {
        id: submissions.id,
        code: submissions.code,
        title: submissions.title,
        answers: submissions.answers,
        category: submissions.category,
        countryCode: submissions.countryCode,
        publishedAt: submissions.publishedAt,
      },
      call: {
        id: callsTable.id,
        kind: callsTable.kind,
        year: callsTable.year,
        title: callsTable.title,
        categories: callsTable.categories,
        form: callsTable.form,
      },
    })
    .from(submissions)
    .innerJoin(callsTable, eq(callsTable.id, submissions.callId))
    .where(and(...where))
    .orderBy(asc(callsTable.year), asc(submissions.category), asc(submissions.code));
}

/** Sets when entries went public (null: taken off); answers the ids it changed. */
export async function setEntriesPublished(db: DbOrTx, ids: string[], at: Date | null): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db.update(submissions).set({ publishedAt: at }).where(inArray(submissions.id, ids)).returning({ id: submissions.id });
  return rows.map((r) => r.id);
}

/** A call's kind, year and title; not found when there is no such call. */
export async function callHeading(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: callsTable.id, kind: callsTable.kind, year: callsTable.year, title: callsTable.title })
    .from(callsTable)
    .where(eq(callsTable.id, id));
  if (!row) throw notFound();
  return row;
}

/** The columns other features' tables point their foreign keys at (a call's id, a submission's id). */
export const callKey = () => callsTable.id;
export const submissionKey = () => submissions.id;

/** Calls as other features may join them: id, kind, year, title. */
export const callRows = () =>
  new QueryBuilder()
    .select({ id: callsTable.id, kind: callsTable.kind, year: callsTable.year, title: callsTable.title })
    .from(callsTable)
    .as('call');

/** Submissions as the review joins them: the whole entry (as getSubmission answers it). */
export const submissionRows = () => new QueryBuilder().select(getTableColumns(submissions)).from(submissions).as('submission');

/** A call, locked until the transaction ends (e.g. while its reviewers are assigned); undefined when there is none. */
export async function lockCall(tx: DbOrTx, id: string) {
  const [row] = await tx.select().from(callsTable).where(eq(callsTable.id, id)).for('update');
  return row;
}

/** A submission of a call, locked until the transaction ends (to decide on it); undefined when the call has none such. */
export async function lockSubmission(tx: DbOrTx, callId: string, id: string) {
  const [row] = await tx
    .select()
    .from(submissions)
    .where(and(eq(submissions.id, id), eq(submissions.callId, callId)))
    .for('update');
  return row;
}

/** Moves these submissions from a review round to the next (those still in that round). */
export async function moveToNextRound(tx: DbOrTx, ids: string[], fromRound: number) {
  if (!ids.length) return;
  await tx
    .update(submissions)
    .set({ round: fromRound + 1, updatedAt: new Date() })
    .where(and(inArray(submissions.id, ids), eq(submissions.round, fromRound)));
}

/**
 * Records the jury's decision on a submission: decided now when the applicant is told, else a draft decision;
 * an entry no longer selected leaves the showcase.
 */
export async function recordDecision(
  tx: DbOrTx,
  s: Pick<typeof submissions.$inferSelect, 'id' | 'publishedAt'>,
  decision: Decision,
  announced: boolean,
) {
  await tx
    .update(submissions)
    .set({
      decision,
      decidedAt: announced ? new Date() : null,
      updatedAt: new Date(),
      publishedAt: decision === 'selected' ? s.publishedAt : null,
    })
    .where(eq(submissions.id, s.id));
}
