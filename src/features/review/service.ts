import { and, asc, eq, gte, inArray, isNotNull, ne, or, sql } from 'drizzle-orm';
import { type Actor, isStaff } from '../../platform/auth/access.js';
import { audit } from '../../platform/audit/index.js';
import type { Db, DbOrTx } from '../../platform/db/index.js';
import { fail, invalid, notFound, type FieldError } from '../../platform/http/errors.js';
import { platformErrors } from '../../platform/http/codes.js';
import { reviewErrors } from './contract.js';
import { localize, pickLocale } from '../../platform/i18n/index.js';
import { queueMail } from '../../platform/mail/index.js';
import { accountByEmail, accountById } from '../accounts/index.js';
import {
  callMail,
  callRows,
  carryRubric,
  filesOfEntries,
  getCall,
  getOwn,
  getRubric,
  getSubmission,
  lockCall,
  lockSubmission,
  moveToNextRound,
  recordDecision,
  releasedDecision,
  submissionFile,
  submissionRows,
  type CallRow,
  type Decision,
  type SubmissionRow,
} from '../calls/index.js';
import { affinityOf, runAssignment } from './assign.js';
import { countryRows, peopleContacts, peopleTies, personRows } from '../directory/index.js';
import { diverseSelection, type DiversityRules } from './diversity.js';
import { reviewMail } from './mails.js';
import { assignments, conflicts, discussion, reviewers, reviews } from './model.js';
import { scoreSubmissions, weightedTotal } from './scoring.js';
import { pageUrl } from '../../platform/http/urls.js';
import { callsPages } from '../calls/contract.js';
import { reviewPages } from './contract.js';

export type ReviewerRow = typeof reviewers.$inferSelect;

// The calls' submissions and calls, the directory's people and countries, as their owners let the review join them.
const submission = submissionRows();
const call = callRows();
const person = personRows();
const country = countryRows();

// ---------------------------------------------------------------- pool

export async function invite(
  db: Db,
  actor: Actor,
  callId: string,
  round: number,
  list: Array<{ personId: string; expertise: string[]; capacity: number }>,
) {
  const c = await getCall(db, callId);
  return db.transaction(async (tx) => {
    const out: ReviewerRow[] = [];
    for (const item of list) {
      const [p] = await peopleContacts(tx, [item.personId]);
      if (!p) throw invalid('reviewers.personId', 'no such person in the directory');
      if (!p.email) throw invalid('reviewers.personId', 'this person has no e-mail address in the directory');
      const email = p.email.toLowerCase();
      const u = await accountByEmail(tx, email);
      const [row] = await tx
        .insert(reviewers)
        .values({
          callId,
          round,
          personId: p.id,
          email,
          userId: p.userId ?? u?.id ?? null,
          expertise: item.expertise.map((e) => e.toLowerCase()),
          capacity: item.capacity,
        })
        .onConflictDoUpdate({
          target: [reviewers.callId, reviewers.personId, reviewers.round],
          set: { expertise: item.expertise.map((e) => e.toLowerCase()), capacity: item.capacity },
        })
        .returning();
      if (row.status === 'invited') {
        const locale = pickLocale(u?.locale);
        const m = reviewMail('invite', locale, { call: localize(c.title, locale).text, link: pageUrl(reviewPages.dashboard, {}, locale) });
        await queueMail(tx, { to: email, subject: m.subject, text: m.text, locale, template: 'review.invite' });
      }
      out.push(row);
    }
    await audit(tx, {
      actor,
      action: 'review.invite',
      entity: 'call',
      entityId: callId,
      after: { round, people: list.map((x) => x.personId) },
    });
    return out;
  });
}

/**
 * Staff take someone off a panel. Everything the place gave goes with its row (the foreign keys
 * cascade): pending assignments, draft reviews, declared and staff-set conflicts, and so access to
 * the entries. A place with a submitted review stays: the review counts in the ranking.
 */
export async function removeReviewer(db: Db, actor: Actor, callId: string, reviewerId: string) {
  return db.transaction(async (tx) => {
    const [r] = await tx
      .select()
      .from(reviewers)
      .where(and(eq(reviewers.id, reviewerId), eq(reviewers.callId, callId)))
      .for('update');
    if (!r) throw notFound();
    const [done] = await tx
      .select({ id: reviews.id })
      .from(reviews)
      .innerJoin(assignments, eq(assignments.id, reviews.assignmentId))
      .where(and(eq(assignments.reviewerId, r.id), eq(reviews.status, 'submitted')))
      .limit(1);
    if (done)
      throw fail(
        reviewErrors,
        'reviewer_has_reviews',
        'This reviewer has submitted reviews, which count in the ranking; they cannot be removed from the panel.',
      );
    await tx.delete(reviewers).where(eq(reviewers.id, r.id));
    await audit(tx, {
      actor,
      action: 'review.remove_reviewer',
      entity: 'call',
      entityId: callId,
      before: { reviewerId: r.id, personId: r.personId, userId: r.userId, round: r.round, status: r.status },
    });
    return { ok: true as const };
  });
}

export async function listPool(db: DbOrTx, callId: string, round?: number) {
  return db
    .select({
      id: reviewers.id,
      round: reviewers.round,
      personId: reviewers.personId,
      name: person.name,
      nameLatin: person.nameLatin,
      countryCode: person.countryCode,
      email: reviewers.email,
      expertise: reviewers.expertise,
      capacity: reviewers.capacity,
      status: reviewers.status,
    })
    .from(reviewers)
    .innerJoin(person, eq(person.id, reviewers.personId))
    .where(and(eq(reviewers.callId, callId), round ? eq(reviewers.round, round) : undefined))
    .orderBy(asc(reviewers.round), asc(person.name));
}

const mine = (actor: Actor) => or(eq(reviewers.userId, actor.userId), eq(reviewers.email, actor.email.toLowerCase()));

export async function myInvitations(db: DbOrTx, actor: Actor) {
  return db
    .select({
      id: reviewers.id,
      callId: reviewers.callId,
      round: reviewers.round,
      status: reviewers.status,
      capacity: reviewers.capacity,
      expertise: reviewers.expertise,
      callTitle: call.title,
      kind: call.kind,
      year: call.year,
    })
    .from(reviewers)
    .innerJoin(call, eq(call.id, reviewers.callId))
    .where(mine(actor))
    .orderBy(asc(call.year));
}

export async function respond(db: Db, actor: Actor, reviewerId: string, accept: boolean) {
  return db.transaction(async (tx) => {
    const [r] = await tx
      .select()
      .from(reviewers)
      .where(and(eq(reviewers.id, reviewerId), mine(actor)));
    if (!r) throw notFound();
    const [row] = await tx
      .update(reviewers)
      .set({ status: accept ? 'accepted' : 'declined', userId: actor.userId, respondedAt: new Date() })
      .where(eq(reviewers.id, reviewerId))
      .returning();
    if (!accept) {
      // A declined reviewer's unstarted assignments go back to the pool.
      const open = await tx
        .select({ id: assignments.id })
        .from(assignments)
        .leftJoin(reviews, eq(reviews.assignmentId, assignments.id))
        .where(and(eq(assignments.reviewerId, reviewerId), sql`${reviews.id} is null`));
      if (open.length)
        await tx.delete(assignments).where(
          inArray(
            assignments.id,
            open.map((o) => o.id),
          ),
        );
    }
    await audit(tx, { actor, action: accept ? 'review.accept' : 'review.decline', entity: 'reviewer', entityId: reviewerId });
    return row;
  });
}

// ---------------------------------------------------------------- conflicts

interface ReviewerFacts {
  id: string;
  userId: string | null;
  email: string;
  country: string | null;
  orgIds: Set<string>;
}

async function reviewerFacts(db: DbOrTx, rows: ReviewerRow[]): Promise<ReviewerFacts[]> {
  if (!rows.length) return [];
  const personIds = [...new Set(rows.map((r) => r.personId))];
  const ties = await peopleTies(db, personIds);
  return rows.map((r) => ({
    id: r.id,
    userId: r.userId,
    email: r.email,
    country: ties.get(r.personId)?.countryCode ?? null,
    orgIds: ties.get(r.personId)?.organizationIds ?? new Set<string>(),
  }));
}

/** Why a reviewer may not review a submission, or null. Automatic rules plus declared and staff-forbidden pairs. */
export function conflictReason(
  c: Pick<CallRow, 'sameCountryConflict'>,
  r: ReviewerFacts,
  s: Pick<SubmissionRow, 'id' | 'organizationId' | 'nominatedByOrg' | 'countryCode' | 'peopleEmails' | 'applicantId' | 'nomineeEmail'>,
  stored: Map<string, string>,
) {
  const st = stored.get(`${r.id}|${s.id}`);
  if (st) return st;
  if ((s.organizationId && r.orgIds.has(s.organizationId)) || (s.nominatedByOrg && r.orgIds.has(s.nominatedByOrg)))
    return 'same organization';
  if ((r.userId && s.applicantId === r.userId) || s.peopleEmails.includes(r.email) || s.nomineeEmail === r.email)
    return 'applicant or co-applicant';
  if (c.sameCountryConflict && r.country && r.country === s.countryCode) return 'same country';
  return null;
}

async function storedConflicts(db: DbOrTx, reviewerIds: string[]) {
  if (!reviewerIds.length) return new Map<string, string>();
  const rows = await db.select().from(conflicts).where(inArray(conflicts.reviewerId, reviewerIds));
  return new Map(
    rows.map((x) => [
      `${x.reviewerId}|${x.submissionId}`,
      x.source === 'declared' ? `declared: ${x.reason ?? ''}`.trim() : 'forbidden by staff',
    ]),
  );
}

export async function declareConflict(db: Db, actor: Actor, reviewerId: string, submissionId: string, reason: string) {
  return db.transaction(async (tx) => {
    const [r] = await tx
      .select()
      .from(reviewers)
      .where(and(eq(reviewers.id, reviewerId), mine(actor)));
    if (!r) throw notFound();
    const s = await getSubmission(tx, submissionId);
    if (s.callId !== r.callId) throw notFound();
    await tx.insert(conflicts).values({ reviewerId, submissionId, source: 'declared', reason }).onConflictDoNothing();
    const own = await tx
      .select({ id: assignments.id })
      .from(assignments)
      .where(and(eq(assignments.reviewerId, reviewerId), eq(assignments.submissionId, submissionId)));
    if (own.length)
      await tx.delete(assignments).where(
        inArray(
          assignments.id,
          own.map((o) => o.id),
        ),
      );
    await audit(tx, { actor, action: 'review.declare_conflict', entity: 'submission', entityId: submissionId, after: { reviewerId } });
    return { ok: true as const };
  });
}

/** What an accepted reviewer sees to declare conflicts: codes, titles and organizations, minus the automatic conflicts. */
export async function titlesForConflicts(db: DbOrTx, actor: Actor, reviewerId: string) {
  const [r] = await db
    .select()
    .from(reviewers)
    .where(and(eq(reviewers.id, reviewerId), mine(actor), eq(reviewers.status, 'accepted')));
  if (!r) throw notFound();
  const c = await getCall(db, r.callId);
  const [facts] = await reviewerFacts(db, [r]);
  const stored = await storedConflicts(db, [r.id]);
  const subs = await db
    .select()
    .from(submission)
    .where(and(eq(submission.callId, r.callId), eq(submission.status, 'submitted'), ne(submission.screening, 'failed')));
  return subs
    .map((s) => ({
      id: s.id,
      code: s.code,
      title: s.title,
      organization: typeof s.answers.organization === 'string' ? s.answers.organization : null,
      conflict: conflictReason(c, facts, s, stored),
    }))
    .filter((x) => !x.conflict || x.conflict.startsWith('declared'));
}

/** Staff pin or forbid a pair, or clear what they set; the next run keeps it. */
export async function setPair(
  db: Db,
  actor: Actor,
  callId: string,
  input: { submissionId: string; reviewerId: string; action: 'pin' | 'forbid' | 'clear' },
) {
  return db.transaction(async (tx) => {
    const [r] = await tx
      .select()
      .from(reviewers)
      .where(and(eq(reviewers.id, input.reviewerId), eq(reviewers.callId, callId)));
    const s = await getSubmission(tx, input.submissionId);
    if (!r || s.callId !== callId) throw notFound();
    if (input.action === 'pin') {
      const c = await getCall(tx, callId);
      const [facts] = await reviewerFacts(tx, [r]);
      const why = conflictReason(c, facts, s, await storedConflicts(tx, [r.id]));
      if (why) throw fail(reviewErrors, 'conflict_of_interest', `This reviewer may not review this submission (${why}).`);
      await tx
        .insert(assignments)
        .values({ reviewerId: r.id, submissionId: s.id, round: r.round, pinned: true })
        .onConflictDoUpdate({ target: [assignments.reviewerId, assignments.submissionId], set: { pinned: true } });
    } else if (input.action === 'forbid') {
      await tx.insert(conflicts).values({ reviewerId: r.id, submissionId: s.id, source: 'staff' }).onConflictDoNothing();
      await tx.delete(assignments).where(and(eq(assignments.reviewerId, r.id), eq(assignments.submissionId, s.id)));
    } else {
      await tx
        .delete(conflicts)
        .where(and(eq(conflicts.reviewerId, r.id), eq(conflicts.submissionId, s.id), eq(conflicts.source, 'staff')));
      await tx
        .update(assignments)
        .set({ pinned: false })
        .where(and(eq(assignments.reviewerId, r.id), eq(assignments.submissionId, s.id)));
    }
    await audit(tx, { actor, action: `review.${input.action}`, entity: 'submission', entityId: s.id, after: { reviewerId: r.id } });
    return { ok: true as const };
  });
}

// ---------------------------------------------------------------- assignment

/** Submissions in review in a round: submitted, passed screening, reached the round. */
const inRound = (callId: string, round: number) =>
  and(eq(submission.callId, callId), eq(submission.status, 'submitted'), eq(submission.screening, 'passed'), gte(submission.round, round));

const topicsOf = (s: SubmissionRow) => [s.category ?? '', ...String(s.answers.keywords ?? '').split(/[,，、;；]/)];

/**
 * Builds the instance (k per submission, load limits, conflicts forbidden,
 * pins kept, affinity from expertise tags vs category and keywords), calls the
 * solver, and writes the result. Assignments with a review started are kept as
 * if pinned; the others are replaced.
 */
export async function assign(db: Db, actor: Actor, callId: string, round: number) {
  return db.transaction(async (tx) => {
    const c = await lockCall(tx, callId);
    if (!c) throw notFound();
    const subs = await tx.select().from(submission).where(inRound(callId, round)).orderBy(submission.code);
    const pool = await tx
      .select()
      .from(reviewers)
      .where(and(eq(reviewers.callId, callId), eq(reviewers.round, round), eq(reviewers.status, 'accepted')));
    const facts = await reviewerFacts(tx, pool);
    const stored = await storedConflicts(
      tx,
      pool.map((r) => r.id),
    );
    const existing = pool.length
      ? await tx
          .select({
            id: assignments.id,
            reviewerId: assignments.reviewerId,
            submissionId: assignments.submissionId,
            pinned: assignments.pinned,
            started: sql<boolean>`${reviews.id} is not null`,
          })
          .from(assignments)
          .leftJoin(reviews, eq(reviews.assignmentId, assignments.id))
          .where(
            and(
              inArray(
                assignments.reviewerId,
                pool.map((r) => r.id),
              ),
              eq(assignments.round, round),
            ),
          )
      : [];
    const subIds = new Set(subs.map((s) => s.id));
    const subById = new Map(subs.map((s) => [s.id, s]));
    const factById = new Map(facts.map((f) => [f.id, f]));
    // Pins and started reviews are kept, unless a conflict appeared since (then they go).
    const kept = existing.filter(
      (a) =>
        (a.pinned || a.started) &&
        subIds.has(a.submissionId) &&
        conflictReason(c, factById.get(a.reviewerId)!, subById.get(a.submissionId)!, stored) === null,
    );
    const byId = new Map(pool.map((r) => [r.id, r]));
    const result = runAssignment(
      {
        submissions: subs.map((s) => s.id),
        reviewers: pool.map((r) => ({ id: r.id, capacity: r.capacity })),
        k: c.reviewsPerSubmission,
        affinity: (s, r) => affinityOf(byId.get(r)!.expertise, topicsOf(subById.get(s)!)),
        forbidden: (s, r) => conflictReason(c, factById.get(r)!, subById.get(s)!, stored) !== null,
        pinned: kept.map((a) => [a.submissionId, a.reviewerId] as [string, string]),
      },
      (id) => subById.get(id)?.code ?? id,
    );
    const keep = new Set(kept.map((a) => `${a.submissionId}|${a.reviewerId}`));
    const drop = existing.filter((a) => !keep.has(`${a.submissionId}|${a.reviewerId}`));
    if (drop.length)
      await tx.delete(assignments).where(
        inArray(
          assignments.id,
          drop.map((a) => a.id),
        ),
      );
    const fresh = result.pairs.filter(([s, r]) => !keep.has(`${s}|${r}`));
    if (fresh.length) await tx.insert(assignments).values(fresh.map(([s, r]) => ({ submissionId: s, reviewerId: r, round })));
    await audit(tx, {
      actor,
      action: 'review.assign',
      entity: 'call',
      entityId: callId,
      after: { round, pairs: result.pairs.length, objective: result.objective, kept: kept.length },
    });
    return { pairs: result.pairs.length, objective: result.objective, kept: kept.length, submissions: subs.length, reviewers: pool.length };
  });
}

export async function listAssignments(db: DbOrTx, callId: string, round: number) {
  return db
    .select({
      id: assignments.id,
      submissionId: assignments.submissionId,
      code: submission.code,
      reviewerId: assignments.reviewerId,
      reviewerName: person.name,
      pinned: assignments.pinned,
      reviewStatus: reviews.status,
      total: reviews.total,
    })
    .from(assignments)
    .innerJoin(reviewers, eq(reviewers.id, assignments.reviewerId))
    .innerJoin(person, eq(person.id, reviewers.personId))
    .innerJoin(submission, eq(submission.id, assignments.submissionId))
    .leftJoin(reviews, eq(reviews.assignmentId, assignments.id))
    .where(and(eq(reviewers.callId, callId), eq(assignments.round, round)))
    .orderBy(asc(submission.code), asc(person.name));
}

// ---------------------------------------------------------------- reviewer's side

/** The actor's assignment on a submission, unless they have a conflict: "not found" either way, so nothing leaks. */
export async function reviewerAccess(db: DbOrTx, actor: Actor, submissionId: string) {
  const rows = await db
    .select({ a: assignments, r: reviewers })
    .from(assignments)
    .innerJoin(reviewers, eq(reviewers.id, assignments.reviewerId))
    .where(and(eq(assignments.submissionId, submissionId), eq(reviewers.userId, actor.userId), eq(reviewers.status, 'accepted')))
    .orderBy(sql`${assignments.round} desc`);
  if (!rows.length) return null;
  const s = await getSubmission(db, submissionId);
  if (s.status !== 'submitted') return null;
  const c = await getCall(db, s.callId);
  const [facts] = await reviewerFacts(db, [rows[0].r]);
  if (conflictReason(c, facts, s, await storedConflicts(db, [rows[0].r.id]))) return null;
  return { assignment: rows[0].a, reviewer: rows[0].r, submission: s, call: c };
}

export async function myAssignments(db: DbOrTx, actor: Actor) {
  const rows = await db
    .select({
      a: assignments,
      r: reviewers,
      s: {
        id: submission.id,
        code: submission.code,
        title: submission.title,
        category: submission.category,
        callId: submission.callId,
        organizationId: submission.organizationId,
        nominatedByOrg: submission.nominatedByOrg,
        countryCode: submission.countryCode,
        peopleEmails: submission.peopleEmails,
        applicantId: submission.applicantId,
        nomineeEmail: submission.nomineeEmail,
      },
      review: { status: reviews.status, total: reviews.total },
      callTitle: call.title,
    })
    .from(assignments)
    .innerJoin(reviewers, eq(reviewers.id, assignments.reviewerId))
    .innerJoin(submission, eq(submission.id, assignments.submissionId))
    .innerJoin(call, eq(call.id, submission.callId))
    .leftJoin(reviews, eq(reviews.assignmentId, assignments.id))
    .where(and(eq(reviewers.userId, actor.userId), eq(reviewers.status, 'accepted'), eq(submission.status, 'submitted')))
    .orderBy(asc(submission.code));
  const facts = await reviewerFacts(db, [...new Map(rows.map((x) => [x.r.id, x.r])).values()]);
  const stored = await storedConflicts(
    db,
    facts.map((f) => f.id),
  );
  const callCache = new Map<string, CallRow>();
  const out = [];
  for (const x of rows) {
    const c = callCache.get(x.s.callId) ?? (await getCall(db, x.s.callId));
    callCache.set(c.id, c);
    if (conflictReason(c, facts.find((f) => f.id === x.r.id)!, x.s, stored)) continue;
    out.push({
      submissionId: x.s.id,
      code: x.s.code,
      title: x.s.title,
      category: x.s.category,
      callId: x.s.callId,
      callTitle: x.callTitle,
      round: x.a.round,
      reviewStatus: x.review?.status ?? ('not_started' as const),
      total: x.review?.total ?? null,
    });
  }
  return out;
}

export async function reviewerView(db: DbOrTx, actor: Actor, submissionId: string) {
  const acc = await reviewerAccess(db, actor, submissionId);
  if (!acc) throw notFound();
  const rubric = await getRubric(db, acc.call.id, acc.assignment.round);
  const [review] = await db.select().from(reviews).where(eq(reviews.assignmentId, acc.assignment.id));
  const s = acc.submission;
  const files = (await filesOfEntries(db, [s])).get(s.id) ?? [];
  const category = acc.call.categories.find((c) => c.value === s.category);
  return {
    files,
    categoryName: category ? category.label : null,
    submission: {
      id: s.id,
      code: s.code,
      callId: s.callId,
      title: s.title,
      category: s.category,
      countryCode: s.countryCode,
      answers: s.answers,
      round: s.round,
    },
    form: acc.call.form,
    round: acc.assignment.round,
    rubric: { criteria: rubric.criteria, scaleMin: rubric.scaleMin, scaleMax: rubric.scaleMax, guidance: rubric.guidance },
    review: review
      ? {
          scores: review.scores,
          total: review.total,
          commentCommittee: review.commentCommittee,
          commentApplicant: review.commentApplicant,
          status: review.status,
        }
      : null,
  };
}

export async function saveReview(
  db: Db,
  actor: Actor,
  submissionId: string,
  input: { scores: Record<string, number>; commentCommittee: string; commentApplicant: string; submit: boolean },
) {
  return db.transaction(async (tx) => {
    const acc = await reviewerAccess(tx, actor, submissionId);
    if (!acc) throw notFound();
    if (acc.submission.decidedAt)
      throw fail(reviewErrors, 'already_decided', 'A decision was made on this submission; reviews are closed.');
    const rubric = await getRubric(tx, acc.call.id, acc.assignment.round);
    const problems: FieldError[] = [];
    for (const [k, v] of Object.entries(input.scores)) {
      if (!rubric.criteria.some((c) => c.key === k))
        problems.push({ path: `scores.${k}`, message: 'is not a criterion of this rubric', code: 'not_an_option' });
      else if (!Number.isFinite(v) || v < rubric.scaleMin || v > rubric.scaleMax)
        problems.push({ path: `scores.${k}`, message: `must be between ${rubric.scaleMin} and ${rubric.scaleMax}`, code: 'out_of_range' });
    }
    if (input.submit)
      for (const c of rubric.criteria)
        if (input.scores[c.key] == null) problems.push({ path: `scores.${c.key}`, message: 'is required to submit', code: 'required' });
    if (problems.length)
      throw fail(platformErrors, 'validation_failed', problems.map((p) => `${p.path} ${p.message}`).join('; '), { fields: problems });
    const complete = rubric.criteria.every((c) => input.scores[c.key] != null);
    const total = complete ? weightedTotal(rubric.criteria, input.scores) : null;
    const [existing] = await tx.select().from(reviews).where(eq(reviews.assignmentId, acc.assignment.id)).for('update');
    const status = input.submit || existing?.status === 'submitted' ? 'submitted' : 'draft';
    const values = {
      scores: input.scores,
      total,
      commentCommittee: input.commentCommittee,
      commentApplicant: input.commentApplicant,
      status: status as 'draft' | 'submitted',
      submittedAt: status === 'submitted' ? (existing?.submittedAt ?? new Date()) : null,
      updatedAt: new Date(),
    };
    const [row] = existing
      ? await tx.update(reviews).set(values).where(eq(reviews.id, existing.id)).returning()
      : await tx
          .insert(reviews)
          .values({ assignmentId: acc.assignment.id, ...values })
          .returning();
    await audit(tx, {
      actor,
      action: input.submit ? 'review.submit' : 'review.save',
      entity: 'submission',
      entityId: submissionId,
      after: { total },
    });
    return {
      scores: row.scores,
      total: row.total,
      commentCommittee: row.commentCommittee,
      commentApplicant: row.commentApplicant,
      status: row.status,
    };
  });
}

// ---------------------------------------------------------------- staff: progress, scores, discussion

export async function progress(db: DbOrTx, callId: string, round: number) {
  const rows = await listAssignments(db, callId, round);
  const byReviewer = new Map<string, { reviewerId: string; name: string; assigned: number; submitted: number; drafts: number }>();
  const bySubmission = new Map<string, { submissionId: string; code: string; assigned: number; submitted: number }>();
  for (const r of rows) {
    const a = byReviewer.get(r.reviewerId) ?? { reviewerId: r.reviewerId, name: r.reviewerName, assigned: 0, submitted: 0, drafts: 0 };
    a.assigned++;
    if (r.reviewStatus === 'submitted') a.submitted++;
    if (r.reviewStatus === 'draft') a.drafts++;
    byReviewer.set(r.reviewerId, a);
    const b = bySubmission.get(r.submissionId) ?? { submissionId: r.submissionId, code: r.code, assigned: 0, submitted: 0 };
    b.assigned++;
    if (r.reviewStatus === 'submitted') b.submitted++;
    bySubmission.set(r.submissionId, b);
  }
  return { reviewers: [...byReviewer.values()], submissions: [...bySubmission.values()] };
}

async function submittedReviews(db: DbOrTx, callId: string, round: number) {
  return db
    .select({ reviewer: assignments.reviewerId, submission: assignments.submissionId, total: reviews.total })
    .from(reviews)
    .innerJoin(assignments, eq(assignments.id, reviews.assignmentId))
    .innerJoin(submission, eq(submission.id, assignments.submissionId))
    .where(and(eq(submission.callId, callId), eq(assignments.round, round), eq(reviews.status, 'submitted'), isNotNull(reviews.total)));
}

/** Ranking of a round: raw and normalized (z-score per reviewer) scores with spread, best first. */
export async function ranking(db: DbOrTx, callId: string, round: number) {
  const rs = (await submittedReviews(db, callId, round)).map((r) => ({ ...r, total: r.total! }));
  const scored = scoreSubmissions(rs);
  if (!scored.length) return [];
  const subs = await db
    .select({
      id: submission.id,
      code: submission.code,
      title: submission.title,
      countryCode: submission.countryCode,
      continent: country.continent,
      category: submission.category,
      decision: submission.decision,
      round: submission.round,
    })
    .from(submission)
    .leftJoin(country, eq(country.code, submission.countryCode))
    .where(
      inArray(
        submission.id,
        scored.map((s) => s.submission),
      ),
    );
  const byId = new Map(subs.map((s) => [s.id, s]));
  return scored.map((s, i) => ({ rank: i + 1, ...s, ...byId.get(s.submission)! }));
}

/** Every review of a submission, all rounds, for staff (reviewer names included). */
export async function submissionReviews(db: DbOrTx, submissionId: string) {
  return db
    .select({
      round: assignments.round,
      reviewerId: reviewers.id,
      reviewerName: person.name,
      status: reviews.status,
      scores: reviews.scores,
      total: reviews.total,
      commentCommittee: reviews.commentCommittee,
      commentApplicant: reviews.commentApplicant,
    })
    .from(reviews)
    .innerJoin(assignments, eq(assignments.id, reviews.assignmentId))
    .innerJoin(reviewers, eq(reviewers.id, assignments.reviewerId))
    .innerJoin(person, eq(person.id, reviewers.personId))
    .where(eq(assignments.submissionId, submissionId))
    .orderBy(asc(assignments.round), asc(person.name));
}

export async function listDiscussion(db: DbOrTx, submissionId: string) {
  return db
    .select({ id: discussion.id, authorName: discussion.authorName, body: discussion.body, createdAt: discussion.createdAt })
    .from(discussion)
    .where(eq(discussion.submissionId, submissionId))
    .orderBy(asc(discussion.createdAt));
}

export async function postDiscussion(db: Db, actor: Actor, submissionId: string, body: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(discussion).values({ submissionId, authorId: actor.userId, authorName: actor.name, body }).returning();
    await audit(tx, { actor, action: 'review.discuss', entity: 'submission', entityId: submissionId });
    return { id: row.id, authorName: row.authorName, body: row.body, createdAt: row.createdAt };
  });
}

// ---------------------------------------------------------------- reminders

/** Mails every accepted reviewer with unsubmitted reviews in open rounds; returns how many mails. */
/**
 * A review still to come, the rule the reminders and the staff overview share: an accepted reviewer's
 * assignment on an entry still in the running (submitted, no decision sent), not yet submitted.
 * Over assignments joined with their reviewer, submission and (left) review.
 */
const outstanding = () =>
  and(
    eq(reviewers.status, 'accepted'),
    eq(submission.status, 'submitted'),
    sql`${submission.decidedAt} is null`,
    sql`(${reviews.status} is null or ${reviews.status} = 'draft')`,
  );

export async function sendReminders(db: Db, callId?: string) {
  const rows = await db
    .select({
      reviewerId: reviewers.id,
      email: reviewers.email,
      userId: reviewers.userId,
      callId: reviewers.callId,
      n: sql<number>`count(*)::int`,
    })
    .from(assignments)
    .innerJoin(reviewers, eq(reviewers.id, assignments.reviewerId))
    .innerJoin(submission, eq(submission.id, assignments.submissionId))
    .leftJoin(reviews, eq(reviews.assignmentId, assignments.id))
    .where(and(outstanding(), callId ? eq(reviewers.callId, callId) : undefined))
    .groupBy(reviewers.id, reviewers.email, reviewers.userId, reviewers.callId);
  let sent = 0;
  for (const r of rows) {
    const c = await getCall(db, r.callId);
    const u = r.userId ? await accountById(db, r.userId) : null;
    const locale = pickLocale(u?.locale);
    const m = reviewMail('reminder', locale, {
      call: localize(c.title, locale).text,
      link: pageUrl(reviewPages.dashboard, {}, locale),
      n: r.n,
    });
    await queueMail(db, { to: r.email, subject: m.subject, text: m.text, locale, template: 'review.reminder' });
    sent++;
  }
  return sent;
}

/**
 * For the staff overview, per call: reviews still to come (the reminders' rule) and entries in review
 * (submitted, screened in, no decision sent) without a reviewer in the round they are in. Staff only, as
 * the progress and assignment lists are; empty for anyone else.
 */
export async function reviewBacklog(db: DbOrTx, actor: Actor) {
  if (!isStaff(actor)) return [];
  const pending = await db
    .select({ callId: submission.callId, n: sql<number>`count(*)::int` })
    .from(assignments)
    .innerJoin(reviewers, eq(reviewers.id, assignments.reviewerId))
    .innerJoin(submission, eq(submission.id, assignments.submissionId))
    .leftJoin(reviews, eq(reviews.assignmentId, assignments.id))
    .where(outstanding())
    .groupBy(submission.callId);
  const unassigned = await db
    .select({ callId: submission.callId, n: sql<number>`count(*)::int` })
    .from(submission)
    .where(
      and(
        eq(submission.status, 'submitted'),
        eq(submission.screening, 'passed'),
        sql`${submission.decidedAt} is null`,
        sql`not exists (select 1 from ${assignments} where ${assignments.submissionId} = ${submission.id} and ${assignments.round} = ${submission.round})`,
      ),
    )
    .groupBy(submission.callId);
  const ids = [...new Set([...pending, ...unassigned].map((r) => r.callId))];
  if (!ids.length) return [];
  const heads = await db
    .select({ id: call.id, title: call.title, year: call.year })
    .from(call)
    .where(inArray(call.id, ids))
    .orderBy(asc(call.year), asc(call.id));
  const count = (rows: typeof pending, id: string) => rows.find((r) => r.callId === id)?.n ?? 0;
  return heads.map((c) => ({
    callId: c.id,
    title: c.title,
    year: c.year,
    outstanding: count(pending, c.id),
    unassigned: count(unassigned, c.id),
  }));
}

/** The caller's own reviews still to write: their assignments as their dashboard lists them, less those submitted. */
export async function myReviewsToWrite(db: DbOrTx, actor: Actor) {
  return (await myAssignments(db, actor)).filter((a) => a.reviewStatus !== 'submitted').length;
}

// ---------------------------------------------------------------- rounds and decisions

/** Moves the top N, or all at or above a threshold, of a round's ranking to the next round. */
export async function advance(
  db: Db,
  actor: Actor,
  callId: string,
  input: { fromRound: number; topN?: number; threshold?: number; by: 'normalized' | 'raw' },
) {
  if (input.topN == null && input.threshold == null) throw invalid('topN', 'give topN or threshold');
  const c = await getCall(db, callId);
  if (input.fromRound >= c.rounds.length) throw fail(reviewErrors, 'last_round', 'This is the call’s last round.');
  const ranked = (await ranking(db, callId, input.fromRound)).sort((a, b) =>
    input.by === 'raw' ? b.raw - a.raw : b.normalized - a.normalized,
  );
  const chosen =
    input.topN != null
      ? ranked.slice(0, input.topN)
      : ranked.filter((r) => (input.by === 'raw' ? r.raw : r.normalized) >= input.threshold!);
  const next = input.fromRound + 1;
  return db.transaction(async (tx) => {
    await moveToNextRound(
      tx,
      chosen.map((r) => r.submission),
      input.fromRound,
    );
    await carryRubric(tx, callId, input.fromRound);
    await audit(tx, {
      actor,
      action: 'review.advance',
      entity: 'call',
      entityId: callId,
      after: { ...input, advanced: chosen.map((r) => r.code) },
    });
    return { round: next, advanced: chosen.map((r) => ({ submissionId: r.submission, code: r.code })) };
  });
}

/** Records decisions; with notify, mails each applicant in their language. Same decision twice mails once. */
export async function decide(
  db: Db,
  actor: Actor,
  callId: string,
  input: { decisions: Array<{ submissionId: string; decision: Decision }>; notify: boolean },
) {
  const c = await getCall(db, callId);
  return db.transaction(async (tx) => {
    let mailed = 0;
    for (const d of input.decisions) {
      const s = await lockSubmission(tx, callId, d.submissionId);
      if (!s) throw invalid('decisions.submissionId', 'no such submission in this call');
      if (s.status !== 'submitted') throw fail(reviewErrors, 'not_submitted', `${s.code} is not a submitted entry.`);
      if (s.decision === d.decision && s.decidedAt) continue;
      await recordDecision(tx, s, d.decision, input.notify);
      if (input.notify && s.applicantId) {
        const u = await accountById(tx, s.applicantId);
        if (u) {
          const locale = pickLocale(u.locale);
          const m = callMail(d.decision, locale, {
            code: s.code,
            title: localize(s.title, locale).text,
            call: localize(c.title, locale).text,
            link: pageUrl(callsPages.submission, { id: s.id }, locale),
            name: u.name,
          });
          await queueMail(tx, { to: u.email, subject: m.subject, text: m.text, locale, template: `calls.decision.${d.decision}` });
          mailed++;
        }
      }
      await audit(tx, {
        actor,
        action: 'submission.decide',
        entity: 'submission',
        entityId: s.id,
        before: { decision: s.decision },
        after: { decision: d.decision },
      });
    }
    return { decided: input.decisions.length, mailed };
  });
}

/** The diversity-aware selection beside the pure ranking. */
export async function selectionPreview(db: DbOrTx, callId: string, round: number, rules: DiversityRules) {
  const ranked = await ranking(db, callId, round);
  const result = diverseSelection(
    ranked.map((r) => ({ id: r.submission, score: r.normalized, country: r.countryCode ?? '??', continent: r.continent ?? 'unknown' })),
    rules,
  );
  const code = new Map(
    ranked.map((r) => [r.submission, { code: r.code, title: r.title, countryCode: r.countryCode, continent: r.continent }]),
  );
  const show = (ids: string[]) => ids.map((id) => ({ submissionId: id, ...code.get(id)! }));
  return {
    pure: show(result.pure),
    constrained: show(result.constrained),
    added: show(result.added),
    removed: show(result.removed),
    unmet: result.unmet,
    emptySlots: result.emptySlots,
  };
}

/** What an applicant may read of their reviews: the comments meant for them, once a decision was sent. */
export async function applicantFeedback(db: DbOrTx, s: SubmissionRow) {
  const decision = releasedDecision(s);
  if (!decision) return { decision: null, comments: [] };
  const rows = await db
    .select({ text: reviews.commentApplicant })
    .from(reviews)
    .innerJoin(assignments, eq(assignments.id, reviews.assignmentId))
    .where(and(eq(assignments.submissionId, s.id), eq(reviews.status, 'submitted')));
  return { decision, comments: rows.map((r) => r.text).filter(Boolean) };
}

// What the review's routes ask for: each checks what the caller may see.

export const respondTo = async (db: Db, actor: Actor, reviewerId: string, accept: boolean) => {
  const r = await respond(db, actor, reviewerId, accept);
  return { id: r.id, status: r.status };
};

export const remindNow = async (db: Db, callId: string) => ({ sent: await sendReminders(db, callId) });

/** The committee discussion is for staff and the submission's assigned, non-conflicted reviewers. */
async function mayDiscuss(db: DbOrTx, actor: Actor, submissionId: string) {
  if (isStaff(actor)) await getSubmission(db, submissionId);
  else if (!(await reviewerAccess(db, actor, submissionId))) throw notFound();
}

export async function discussionFor(db: DbOrTx, actor: Actor, submissionId: string) {
  await mayDiscuss(db, actor, submissionId);
  return listDiscussion(db, submissionId);
}

export async function discuss(db: Db, actor: Actor, submissionId: string, body: string) {
  await mayDiscuss(db, actor, submissionId);
  return postDiscussion(db, actor, submissionId, body);
}

/** The applicant's feedback on their own submission. */
export const feedbackFor = async (db: DbOrTx, actor: Actor, submissionId: string) =>
  applicantFeedback(db, await getOwn(db, actor, submissionId));

/** A file of a submission, for staff, its applicant and its assigned reviewers. */
export async function submissionFileFor(db: DbOrTx, filesDir: string, actor: Actor, submissionId: string, fileId: string) {
  const s = await getSubmission(db, submissionId);
  const allowed = isStaff(actor) || s.applicantId === actor.userId || !!(await reviewerAccess(db, actor, s.id));
  if (!allowed) throw notFound();
  return submissionFile(db, filesDir, s, fileId);
}
