import { sql } from 'drizzle-orm';
import type { Ctx, DemoRefs } from '../../platform/http/types.js';
import { addPersonWithAccount, peopleContacts } from '../directory/index.js';
import { assignments, reviewers, reviews } from './model.js';

/** Panels of the calls' demo: reviewer@ and three directory experts, accepted; reviewer@ assigned the two open entries (one review in draft). */
export async function seedReviewDemo(ctx: Ctx, refs: DemoRefs) {
  const reviewerUser = refs.accounts?.get('reviewer@wuzhen.example');
  const calls = refs.calls ?? new Map<string, string>();
  const entries = refs.submissions ?? new Map<string, string>();

  // The demo reviewer as a directory person, so staff can put them in pools.
  const amara = await addPersonWithAccount(ctx.db, {
    name: 'Amara Diallo',
    nameLatin: 'Amara Diallo',
    countryCode: 'SN',
    gender: 'female',
    email: 'reviewer@wuzhen.example',
    userId: reviewerUser ?? null,
  });
  const experts = [amara, refs.people?.get('Jonas Becker'), refs.people?.get('Tan Mei Ling'), refs.people?.get('Thandiwe Nkosi')].filter(
    (x): x is string => !!x,
  );

  // Pools: reviewer@ and three directory experts in every call; accepted.
  const contacts = new Map((await peopleContacts(ctx.db, experts)).map((p) => [p.id, p]));
  const aiGood = calls.get('ai-for-good-2026');
  for (const callId of [calls.get('practice-case-2023'), calls.get('youth-leaders-2026'), aiGood]) {
    if (!callId) continue;
    for (const pid of experts) {
      const p = contacts.get(pid);
      await ctx.db.insert(reviewers).values({
        callId,
        round: 1,
        personId: pid,
        email: (p?.email ?? '').toLowerCase(),
        userId: p?.userId ?? null,
        expertise: callId === aiGood ? ['health', 'education'] : ['digital-economy', 'governance', 'technology'],
        capacity: 20,
        status: 'accepted',
        respondedAt: new Date(),
      });
    }
  }

  // The open AI-for-good call's two entries, assigned to reviewer@ (one review in draft).
  if (!aiGood) return;
  const [rv] = await ctx.db
    .select({ id: reviewers.id })
    .from(reviewers)
    .where(sql`${reviewers.callId} = ${aiGood} and ${reviewers.personId} = ${amara}`);
  for (const [i, code] of ['AIGOOD-2026-0001', 'AIGOOD-2026-0002'].entries()) {
    const submissionId = entries.get(code);
    if (!submissionId) continue;
    const [a] = await ctx.db.insert(assignments).values({ reviewerId: rv.id, submissionId, round: 1 }).returning();
    if (i === 0)
      await ctx.db
        .insert(reviews)
        .values({ assignmentId: a.id, scores: { innovation: 8 }, commentCommittee: 'Promising; check data protection.', status: 'draft' });
  }
}
