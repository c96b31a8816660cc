import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { changedTables, snapshot } from '../../test/snapshot.js';

/** Bulk screening of a call's entries: each entry as the single screening, one answer line each. */

let h: Harness;
let staff: TestUser;
let reviewer: TestUser;
let callId: string;
let otherCall: string;
let calls = 0;

async function newCall() {
  const res = await h.call(staff, {
    method: 'POST',
    url: '/api/v1/calls',
    payload: {
      template: 'practice-case',
      codePrefix: `BULK${++calls}`,
      year: 2026,
      opensAt: new Date(Date.now() - 3_600_000).toISOString(),
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      published: true,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

beforeAll(async () => {
  h = await createHarness();
  staff = await h.user({ roles: ['secretariat'] });
  reviewer = await h.user({ roles: ['reviewer'] });
  callId = await newCall();
  otherCall = await newCall();
});
afterAll(() => h.close());

/**
 * An entry of the call, as submitted (or left a draft): its status is set directly, since what a complete
 * entry holds is the calls tests' subject, not screening's.
 */
async function entry(call: string, submitted = true, country = 'BR') {
  const res = await h.call(await h.user(), { method: 'POST', url: `/api/v1/calls/${call}/submissions`, payload: { answers: {} } });
  expect(res.statusCode, res.body).toBe(201);
  const { id, code } = res.json() as { id: string; code: string };
  if (submitted)
    await h.database.rows(
      sql`update submissions set status = 'submitted', submitted_at = now(), country_code = ${country} where id = ${id}`,
    );
  return { id, code };
}
const bulk = (who: TestUser, call: string, payload: object) =>
  h.call(who, { method: 'POST', url: `/api/v1/calls/${call}/submissions/bulk/screening`, payload });
const entries = async (call: string, query = '') =>
  (await h.call(staff, { method: 'GET', url: `/api/v1/calls/${call}/submissions${query}` })).json() as Array<{
    id: string;
    screening: string;
    screeningReason: string | null;
  }>;
const auditOf = (action: string) =>
  h.database.rows<{ entity_id: string; after: Record<string, unknown> }>(
    sql`select entity_id, after from audit_log where action = ${action} order by id`,
  );

describe('bulk screening', () => {
  it('screens each entry as the single screening does, and says what became of each', async () => {
    const a = await entry(callId);
    const b = await entry(callId);
    const draft = await entry(callId, false);
    const res = await bulk(staff, callId, { selection: { ids: [a.id, draft.id, b.id] }, result: 'passed' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      total: 3,
      done: 2,
      skipped: 0,
      refused: 1,
      items: [
        { id: a.id, name: a.code, outcome: 'done', code: null },
        { id: draft.id, name: draft.code, outcome: 'refused', code: 'not_submitted' },
        { id: b.id, name: b.code, outcome: 'done', code: null },
      ],
    });
    // Again: nothing to do for those already passed.
    const again = await bulk(staff, callId, { selection: { ids: [a.id] }, result: 'passed' });
    expect(again.json()).toMatchObject({ done: 0, skipped: 1, items: [{ id: a.id, outcome: 'skipped' }] });
    expect((await auditOf('submission.screen')).map((e) => e.entity_id)).toEqual([a.id, b.id]);
    const bulkEntries = await auditOf('submission.bulk_screen');
    expect(bulkEntries.map((e) => [e.entity_id, e.after.count, e.after.done, e.after.skipped, e.after.refused])).toEqual([
      [callId, 3, 2, 0, 1],
      [callId, 1, 0, 1, 0],
    ]);
    expect(bulkEntries[0].after).toMatchObject({
      result: 'passed',
      doneIds: [a.id, b.id],
      refusedItems: [{ id: draft.id, code: 'not_submitted' }],
    });
  });

  it('fails entries with the one reason, and refuses to fail any without one', async () => {
    const a = await entry(callId);
    const before = await snapshot(h.database);
    expect((await bulk(staff, callId, { selection: { ids: [a.id] }, result: 'failed' })).statusCode).toBe(400);
    expect(changedTables(before, await snapshot(h.database))).toEqual([]);
    const res = await bulk(staff, callId, { selection: { ids: [a.id] }, result: 'failed', reason: 'Outside the theme' });
    expect(res.json()).toMatchObject({ done: 1 });
    const got = (await entries(callId)).find((e) => e.id === a.id);
    expect([got?.screening, got?.screeningReason]).toEqual(['failed', 'Outside the theme']);
  });

  it('an entry of another call is reported as not found and never screened; others than staff are refused', async () => {
    const mine = await entry(callId);
    const theirs = await entry(otherCall);
    const res = await bulk(staff, callId, { selection: { ids: [theirs.id, mine.id] }, result: 'passed' });
    expect(res.json()).toMatchObject({
      done: 1,
      refused: 1,
      items: [
        { id: theirs.id, name: '', outcome: 'refused', code: 'not_found' },
        { id: mine.id, outcome: 'done' },
      ],
    });
    expect((await entries(otherCall)).find((e) => e.id === theirs.id)?.screening).toBe('pending');
    const before = await snapshot(h.database);
    expect((await bulk(reviewer, otherCall, { selection: { ids: [theirs.id] }, result: 'passed' })).statusCode).toBe(403);
    const unknown = await bulk(staff, callId, { selection: { ids: ['0b6f3a52-1c1e-4f9e-8d6a-3f6c2b1a9e77'] }, result: 'passed' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('reference_not_found');
    expect(changedTables(before, await snapshot(h.database))).toEqual([]);
  });

  it('by filter: screens exactly the entries the list shows with that filter, at the count confirmed', async () => {
    const call = await newCall();
    const pending = [await entry(call), await entry(call), await entry(call)];
    await entry(call, false);
    await bulk(staff, call, { selection: { ids: [pending[0].id] }, result: 'failed', reason: 'Late' });
    const filter = { status: 'submitted', screening: 'pending' };
    const shown = await entries(call, '?status=submitted&screening=pending');
    expect(shown.map((e) => e.id).sort()).toEqual([pending[1].id, pending[2].id].sort());
    const stale = await bulk(staff, call, { selection: { filter, count: 3 }, result: 'passed' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'selection_changed', count: 2 });
    const res = await bulk(staff, call, { selection: { filter, count: shown.length }, result: 'passed' });
    expect(res.json().items.map((i: { id: string }) => i.id)).toEqual(shown.map((e) => e.id));
    expect(res.json()).toMatchObject({ total: 2, done: 2 });
    expect((await entries(call, '?screening=pending')).length).toBe(1); // the draft
  });
});
