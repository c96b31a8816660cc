import { eq, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/index.js';
import type { DataSubject } from '../../platform/http/types.js';
import { removeDoc } from '../../platform/search/index.js';
import type { Answers } from './contract.js';
import { calls, submissions } from './model.js';
import { releasedDecision } from './policy.js';

const mineAsApplicant = (s: DataSubject) =>
  or(
    s.userId ? eq(submissions.applicantId, s.userId) : sql`false`,
    s.email ? eq(submissions.nomineeEmail, s.email.toLowerCase()) : sql`false`,
  );
/** What the calls engine holds about a person: their submissions (their reviews are the review feature's). */
export async function callsPersonalData(db: Db, s: DataSubject) {
  const rows = await db
    .select({
      code: submissions.code,
      callId: submissions.callId,
      status: submissions.status,
      answers: submissions.answers,
      decision: submissions.decision,
      decidedAt: submissions.decidedAt,
      submittedAt: submissions.submittedAt,
    })
    .from(submissions)
    .where(mineAsApplicant(s));
  const subs = rows.map(({ decidedAt, ...x }) => ({ ...x, decision: releasedDecision({ decision: x.decision, decidedAt }) }));
  return { submissions: subs };
}

const stripEmails = (answers: Answers, email: string | null): Answers =>
  Object.fromEntries(
    Object.entries(answers).map(([k, v]) => [
      k,
      Array.isArray(v)
        ? v.map((x) => (typeof x === 'object' && (!email || String(x.email).toLowerCase() === email) ? { ...x, email: undefined } : x))
        : v,
    ]),
  );

/**
 * Erasure: submissions lose their link to the person and the e-mail addresses in
 * them; a youth-leaders application (which is about the person) loses its name
 * and leaves the showcase. Counts stay for the figures.
 */
export async function eraseCallsData(tx: DbOrTx, s: DataSubject) {
  const email = s.email?.toLowerCase() ?? null;
  const own = await tx
    .select({ id: submissions.id, answers: submissions.answers, kind: calls.kind })
    .from(submissions)
    .innerJoin(calls, eq(calls.id, submissions.callId))
    .where(mineAsApplicant(s));
  for (const x of own) {
    const personal = x.kind === 'youth-leaders';
    await tx
      .update(submissions)
      .set({
        applicantId: null,
        nomineeEmail: null,
        nomineeName: null,
        peopleEmails: [],
        answers: personal ? { title: { en: '(erased)' } } : stripEmails(x.answers, null),
        ...(personal ? { title: { en: '(erased)' }, publishedAt: null } : {}),
      })
      .where(eq(submissions.id, x.id));
    if (personal) await removeDoc(tx, 'case', x.id);
  }
  if (email) {
    const listed = await tx
      .select({ id: submissions.id, answers: submissions.answers })
      .from(submissions)
      .where(sql`${email} = any(${submissions.peopleEmails})`);
    for (const x of listed)
      await tx
        .update(submissions)
        .set({ answers: stripEmails(x.answers, email), peopleEmails: sql`array_remove(${submissions.peopleEmails}, ${email})` })
        .where(eq(submissions.id, x.id));
  }
}
