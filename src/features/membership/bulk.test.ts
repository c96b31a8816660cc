import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, multipart, type Harness, type TestUser } from '../../test/harness.js';
import { changedTables, snapshot } from '../../test/snapshot.js';

/** Bulk decisions on the application queue: each application as the single decision, one answer line each. */

let h: Harness;
let staff: TestUser;
let outsider: TestUser;
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

beforeAll(async () => {
  h = await createHarness();
  staff = await h.user({ roles: ['secretariat'] });
  outsider = await h.user();
  const res = await h.call(staff, {
    method: 'POST',
    url: '/api/v1/membership/categories',
    payload: { key: 'individual', applicantKind: 'individual', name: { en: 'Individual member' } },
  });
  expect(res.statusCode).toBe(201);
});
afterAll(() => h.close());

const act = (who: TestUser, id: string, action: string, payload: object = {}) =>
  h.call(who, { method: 'POST', url: `/api/v1/membership/applications/${id}/${action}`, payload });

/** An individual's application (by a new account), taken to the given status. */
async function application(name: string, status: 'draft' | 'submitted' | 'approved' | 'info_requested', countryCode = 'KE') {
  const who = await h.user({ name });
  const res = await h.call(who, {
    method: 'POST',
    url: '/api/v1/membership/applications',
    payload: { categoryKey: 'individual', data: { individual: { name, countryCode }, motivation: 'To take part' } },
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  const m = multipart('cv.pdf', pdf, 'application/pdf', { docKey: 'cv' });
  await h.call(who, { method: 'POST', url: `/api/v1/membership/applications/${id}/documents`, ...m });
  if (status === 'draft') return { id, email: who.email };
  expect((await act(who, id, 'submit')).statusCode).toBe(200);
  if (status === 'approved') expect((await act(staff, id, 'approve')).statusCode).toBe(200);
  if (status === 'info_requested') expect((await act(staff, id, 'request-info', { reason: 'Your CV, please' })).statusCode).toBe(200);
  return { id, email: who.email };
}
const bulk = (who: TestUser, action: 'approve' | 'reject', payload: object) =>
  h.call(who, { method: 'POST', url: `/api/v1/membership/applications/bulk/${action}`, payload });
const statusOf = async (id: string) => (await h.call(staff, { method: 'GET', url: `/api/v1/membership/applications/${id}` })).json().status;
const auditOf = (action: string) =>
  h.database.rows<{ entity_id: string | null; actor_email: string; after: Record<string, unknown> }>(
    sql`select entity_id, actor_email, after from audit_log where action = ${action} order by id`,
  );

describe('bulk decisions on applications', () => {
  it('approves each as the single approval does, and says what became of each', async () => {
    const a = await application('Amani Bulk', 'submitted');
    const done = await application('Baraka Done', 'approved');
    const asked = await application('Chiku Asked', 'info_requested');
    const b = await application('Dalia Bulk', 'submitted');
    const before = (await auditOf('membership_application.approve')).length;
    const res = await bulk(staff, 'approve', { selection: { ids: [a.id, done.id, asked.id, b.id] }, reason: 'Welcome' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      total: 4,
      done: 2,
      skipped: 1,
      refused: 1,
      items: [
        { id: a.id, name: 'Amani Bulk', outcome: 'done', code: null },
        { id: done.id, name: 'Baraka Done', outcome: 'skipped', code: null },
        { id: asked.id, name: 'Chiku Asked', outcome: 'refused', code: 'invalid_transition' },
        { id: b.id, name: 'Dalia Bulk', outcome: 'done', code: null },
      ],
    });
    expect(await Promise.all([a, done, asked, b].map((x) => statusOf(x.id)))).toEqual([
      'approved',
      'approved',
      'info_requested',
      'approved',
    ]);
    // Each became a member, as by the single approval: its membership, its mail, its audit entry.
    const members = await h.database.rows<{ n: number }>(
      sql`select count(*)::int as n from memberships where application_id in (${a.id}, ${b.id})`,
    );
    expect(members[0].n).toBe(2);
    const mails = await h.database.rows<{ template: string }>(
      sql`select template from mail_outbox where "to" = ${a.email} and template = 'membership.approved'`,
    );
    expect(mails).toHaveLength(1);
    expect((await auditOf('membership_application.approve')).slice(before).map((e) => e.entity_id)).toEqual([a.id, b.id]);
    const [entry] = await auditOf('membership_application.bulk_approve');
    expect(entry.actor_email).toBe(staff.email);
    expect(entry.after).toMatchObject({
      reason: 'Welcome',
      selectedBy: 'ids',
      count: 4,
      done: 2,
      skipped: 1,
      refused: 1,
      doneIds: [a.id, b.id],
      refusedItems: [{ id: asked.id, code: 'invalid_transition' }],
    });
  });

  it('rejects each with the one reason, which the applicant reads', async () => {
    const a = await application('Esi Reject', 'submitted');
    const draft = await application('Femi Draft', 'draft');
    const res = await bulk(staff, 'reject', { selection: { ids: [a.id, draft.id] }, reason: 'Not eligible this year' });
    expect(res.json()).toMatchObject({
      done: 1,
      refused: 1,
      items: [
        { id: a.id, outcome: 'done' },
        { id: draft.id, outcome: 'refused', code: 'invalid_transition' },
      ],
    });
    const [mail] = await h.database.rows<{ text: string }>(
      sql`select text from mail_outbox where "to" = ${a.email} and template = 'membership.rejected'`,
    );
    expect(mail.text).toContain('Not eligible this year');
    expect((await auditOf('membership_application.reject')).at(-1)?.entity_id).toBe(a.id);
    expect((await auditOf('membership_application.bulk_reject')).at(-1)?.after).toMatchObject({ count: 2, done: 1, refused: 1 });
    // A rejection needs its reason; without one nothing is done.
    expect((await bulk(staff, 'reject', { selection: { ids: [a.id] } })).statusCode).toBe(400);
  });

  it('by filter: acts on exactly the applications the queue shows with that filter (every page), at the count confirmed', async () => {
    const country = 'NA';
    const submitted = [];
    for (const name of ['Gift', 'Hope', 'Iyanu', 'Jabari', 'Kofi'])
      submitted.push(await application(`${name} Filter`, 'submitted', country));
    await application('Lindiwe Elsewhere', 'submitted', 'ZA');
    await application('Mosi Asked', 'info_requested', country);
    const filter = { status: 'submitted', country };
    // The queue, page by page, as the secretariat sees it.
    const shown: string[] = [];
    for (let page = 1; ; page++) {
      const p = (
        await h.call(staff, {
          method: 'GET',
          url: `/api/v1/membership/applications?status=submitted&country=${country}&pageSize=2&page=${page}`,
        })
      ).json();
      shown.push(...p.items.map((i: { id: string }) => i.id));
      if (shown.length >= p.total) break;
    }
    expect(shown.sort()).toEqual(submitted.map((s) => s.id).sort());

    const before = await snapshot(h.database);
    const stale = await bulk(staff, 'approve', { selection: { filter, count: 4 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'selection_changed', count: 5 });
    expect(changedTables(before, await snapshot(h.database))).toEqual([]);

    const res = await bulk(staff, 'approve', { selection: { filter, count: shown.length } });
    expect(res.statusCode, res.body).toBe(200);
    expect(
      res
        .json()
        .items.map((i: { id: string }) => i.id)
        .sort(),
    ).toEqual(shown);
    expect(res.json()).toMatchObject({ total: 5, done: 5 });
    expect((await auditOf('membership_application.bulk_approve')).at(-1)?.after).toMatchObject({ selectedBy: 'filter', filter, count: 5 });
  });

  it('is the secretariat’s: others are refused, an unknown application is refused before anything is done', async () => {
    const a = await application('Nia Refused', 'submitted');
    const before = await snapshot(h.database);
    expect((await bulk(outsider, 'approve', { selection: { ids: [a.id] } })).statusCode).toBe(403);
    const unknown = await bulk(staff, 'approve', { selection: { ids: [a.id, '0b6f3a52-1c1e-4f9e-8d6a-3f6c2b1a9e77'] } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'reference_not_found', errors: [{ path: 'selection.ids.1' }] });
    expect(changedTables(before, await snapshot(h.database))).toEqual([]);
    expect(await statusOf(a.id)).toBe('submitted');
  });
});
