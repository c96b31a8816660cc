import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';

let h: Harness;
let staff: TestUser;
let callId: string;
const subs: string[] = [];
const revUsers: TestUser[] = [];
const revIds: string[] = [];

async function ok<T = any>(p: Promise<{ statusCode: number; json: () => any; body: string }>, status = 200): Promise<T> {
  const res = await p;
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res.json();
}

async function panel(round: number, n: number, capacity: number, prefix: string) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const email = `${prefix}${i}@judges.example`;
    const p = await ok(
      h.call(staff, { method: 'POST', url: '/api/v1/directory/people', payload: { name: `${prefix} ${i}`, email, countryCode: 'DE' } }),
      201,
    );
    const u = await h.user({ email });
    const [r] = await ok<any[]>(
      h.call(staff, {
        method: 'POST',
        url: `/api/v1/review/calls/${callId}/reviewers`,
        payload: { round, reviewers: [{ personId: p.id, expertise: i === 0 ? ['ai'] : ['digital-health'], capacity }] },
      }),
      201,
    );
    await ok(h.call(u, { method: 'POST', url: `/api/v1/review/invitations/${r.id}/respond`, payload: { accept: true } }));
    revUsers.push(u);
    revIds.push(r.id);
    ids.push(r.id);
  }
  return ids;
}

beforeAll(async () => {
  h = await createHarness();
  staff = await h.user({ roles: ['secretariat'] });
  const now = Date.now();
  const c = await ok(
    h.call(staff, {
      method: 'POST',
      url: '/api/v1/calls',
      payload: {
        template: 'competition',
        year: 2023,
        opensAt: new Date(now - 3600_000).toISOString(),
        closesAt: new Date(now + 3600_000).toISOString(),
        published: true,
        reviewsPerSubmission: 2,
      },
    }),
    201,
  );
  callId = c.id;
  expect(c.rounds.map((r: any) => r.value)).toEqual(['preliminary', 'semifinal', 'final']);
  for (const [i, track] of ['ai', 'digital-health', 'ai', 'connected-vehicles'].entries()) {
    const u = await h.user();
    const d = await ok(
      h.call(u, { method: 'POST', url: `/api/v1/calls/${callId}/submissions`, payload: { answers: { title: { en: `Project ${i}` } } } }),
      201,
    );
    subs.push(d.id);
    // Staff mark these as submitted and screened directly: this file is about review.
    await h.database.rows(
      (await import('drizzle-orm'))
        .sql`update submissions set status = 'submitted', screening = 'passed', category = ${track}, country_code = 'CN' where id = ${d.id}`,
    );
  }
});
afterAll(() => h.close());

describe('assignment with pins and forbids, rounds', () => {
  it('names the shortfall when there are too few reviewers', async () => {
    await panel(1, 1, 10, 'solo');
    const res = await h.call(staff, { method: 'POST', url: `/api/v1/review/calls/${callId}/assign`, payload: { round: 1 } });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('assignment_infeasible');
    expect(res.json().shortfall).toHaveLength(4);
    expect(res.json().shortfall[0]).toMatchObject({ code: 'COMP-2023-0001', missing: 1 });
    expect(res.json().detail).toContain('COMP-2023-0001 lacks 1');
  });

  it('keeps pins and forbids on every re-run', async () => {
    await panel(1, 2, 10, 'judge');
    // revIds: [solo0, judge0, judge1]; solo0 has expertise 'ai', judges 0/1: 'ai', 'digital-health'
    await ok(
      h.call(staff, {
        method: 'POST',
        url: `/api/v1/review/calls/${callId}/pairs`,
        payload: { submissionId: subs[3], reviewerId: revIds[0], action: 'forbid' },
      }),
    );
    await ok(
      h.call(staff, {
        method: 'POST',
        url: `/api/v1/review/calls/${callId}/pairs`,
        payload: { submissionId: subs[1], reviewerId: revIds[0], action: 'pin' },
      }),
    );
    for (let run = 0; run < 2; run++) {
      const r = await ok(h.call(staff, { method: 'POST', url: `/api/v1/review/calls/${callId}/assign`, payload: { round: 1 } }));
      expect(r.pairs).toBe(8);
      const list = await ok<any[]>(h.call(staff, { method: 'GET', url: `/api/v1/review/calls/${callId}/assignments?round=1` }));
      expect(list.some((a) => a.submissionId === subs[3] && a.reviewerId === revIds[0])).toBe(false);
      expect(list.find((a) => a.submissionId === subs[1] && a.reviewerId === revIds[0])?.pinned).toBe(true);
      for (const s of subs) expect(list.filter((a) => a.submissionId === s)).toHaveLength(2);
    }
  });

  it('advances the top N to the next round with a new rubric and panel; earlier reviews stay visible to staff', async () => {
    const list = await ok<any[]>(h.call(staff, { method: 'GET', url: `/api/v1/review/calls/${callId}/assignments?round=1` }));
    const score = [9, 3, 7, 5]; // by submission index
    for (const a of list) {
      const u = revUsers[revIds.indexOf(a.reviewerId)];
      const v = score[subs.indexOf(a.submissionId)];
      await ok(
        h.call(u, {
          method: 'PUT',
          url: `/api/v1/review/submissions/${a.submissionId}/review`,
          payload: { scores: { technology: v, market: v, team: v, social: v }, submit: true },
        }),
      );
    }
    const progress = await ok(h.call(staff, { method: 'GET', url: `/api/v1/review/calls/${callId}/progress?round=1` }));
    expect(progress.submissions.every((s: any) => s.submitted === 2)).toBe(true);
    const adv = await ok(
      h.call(staff, { method: 'POST', url: `/api/v1/review/calls/${callId}/advance`, payload: { fromRound: 1, topN: 2, by: 'raw' } }),
    );
    expect(adv.advanced.map((a: any) => a.submissionId).sort()).toEqual([subs[0], subs[2]].sort());
    await ok(
      h.call(staff, {
        method: 'PUT',
        url: `/api/v1/review/calls/${callId}/rubrics/2`,
        payload: { criteria: [{ key: 'pitch', weight: 1, label: { en: 'Live pitch' } }], scaleMin: 1, scaleMax: 5 },
      }),
    );
    const finalists = await panel(2, 2, 5, 'final');
    await ok(h.call(staff, { method: 'POST', url: `/api/v1/review/calls/${callId}/assign`, payload: { round: 2 } }));
    const l2 = await ok<any[]>(h.call(staff, { method: 'GET', url: `/api/v1/review/calls/${callId}/assignments?round=2` }));
    expect(new Set(l2.map((a) => a.submissionId))).toEqual(new Set([subs[0], subs[2]]));
    expect(new Set(l2.map((a) => a.reviewerId))).toEqual(new Set(finalists));
    const u = revUsers[revIds.indexOf(l2[0].reviewerId)];
    const view = await ok(h.call(u, { method: 'GET', url: `/api/v1/review/submissions/${l2[0].submissionId}` }));
    expect(view.rubric.criteria.map((c: any) => c.key)).toEqual(['pitch']);
    expect(
      (
        await h.call(u, {
          method: 'PUT',
          url: `/api/v1/review/submissions/${l2[0].submissionId}/review`,
          payload: { scores: { pitch: 9 } },
        })
      ).statusCode,
    ).toBe(400);
    await ok(
      h.call(u, {
        method: 'PUT',
        url: `/api/v1/review/submissions/${l2[0].submissionId}/review`,
        payload: { scores: { pitch: 4 }, submit: true },
      }),
    );
    const all = await ok<any[]>(h.call(staff, { method: 'GET', url: `/api/v1/review/submissions/${l2[0].submissionId}/reviews` }));
    expect(all.map((r) => r.round)).toEqual([1, 1, 2]);
    // A round-2 judge does not see the round-1 reviews.
    expect(JSON.stringify(view)).not.toContain('technology":');
  });

  it('a declined reviewer loses unstarted assignments', async () => {
    const extra = await panel(2, 1, 5, 'late');
    const res = await ok(
      h.call(revUsers[revIds.indexOf(extra[0])], {
        method: 'POST',
        url: `/api/v1/review/invitations/${extra[0]}/respond`,
        payload: { accept: false },
      }),
    );
    expect(res.status).toBe('declined');
    expect((await h.call(revUsers[revIds.indexOf(extra[0])], { method: 'GET', url: '/api/v1/review/assignments' })).json()).toEqual([]);
  });
});

describe('declared conflicts', () => {
  it('a reviewer who declares a conflict loses the entry at once (404) and the next run does not give it back', async () => {
    const l2 = await ok<any[]>(h.call(staff, { method: 'GET', url: `/api/v1/review/calls/${callId}/assignments?round=2` }));
    const a = l2.find((x) => x.reviewStatus == null)!;
    const u = revUsers[revIds.indexOf(a.reviewerId)];
    expect((await h.call(u, { method: 'GET', url: `/api/v1/review/submissions/${a.submissionId}` })).statusCode).toBe(200);
    await ok(
      h.call(u, {
        method: 'POST',
        url: `/api/v1/review/invitations/${a.reviewerId}/conflicts`,
        payload: { submissionId: a.submissionId, reason: 'former colleague' },
      }),
    );
    expect((await h.call(u, { method: 'GET', url: `/api/v1/review/submissions/${a.submissionId}` })).statusCode).toBe(404);
    // Someone else's invitation cannot be used to declare.
    expect(
      (
        await h.call(staff, {
          method: 'POST',
          url: `/api/v1/review/invitations/${a.reviewerId}/conflicts`,
          payload: { submissionId: a.submissionId },
        })
      ).statusCode,
    ).toBe(404);
  });
});
