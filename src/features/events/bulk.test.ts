import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageUrl } from '../../platform/http/urls.js';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { changedTables, snapshot } from '../../test/snapshot.js';
import { eventsPages } from './contract.js';
import { delegate, makeEvent, publish } from './testkit.js';

/** Bulk actions on an event's accreditation list: decisions, a message to the selection, an export of it. */

let h: Harness;
let staff: TestUser;
let manager: TestUser;
let ev: { id: string; slug: string };
let other: { id: string; slug: string };

beforeAll(async () => {
  h = await createHarness();
  staff = await h.user({ roles: ['secretariat'] });
  ev = await makeEvent(h, staff);
  other = await makeEvent(h, staff);
  for (const e of [ev, other]) await publish(h, staff, e.id);
  manager = await h.user({ scopes: [{ role: 'event_manager', type: 'event', id: ev.id }] });
});
afterAll(() => h.close());

interface Reg {
  id: string;
  status: string;
  email: string;
  name: string;
}
async function register(eventId: string, name: string, over: Record<string, unknown> = {}, locale?: string) {
  const u = await h.user({ name });
  if (locale) await h.database.rows(sql`update users set locale = ${locale} where id = ${u.id}`);
  const res = await h.call(u, { method: 'POST', url: `/api/v1/events/${eventId}/registrations`, payload: delegate(name, [], over) });
  expect(res.statusCode, res.body).toBe(201);
  return { ...(res.json() as Reg), user: u };
}
const bulk = (who: TestUser, eventId: string, action: string, payload: object) =>
  h.call(who, { method: 'POST', url: `/api/v1/events/${eventId}/registrations/bulk/${action}`, payload });
const list = async (who: TestUser, eventId: string, query = '') =>
  (await h.call(who, { method: 'GET', url: `/api/v1/events/${eventId}/registrations${query}` })).json() as Reg[];
const auditOf = (action: string, entityId?: string) =>
  h.database.rows<{ entity_id: string; actor_email: string; after: Record<string, unknown> }>(
    sql`select entity_id, actor_email, after from audit_log where action = ${action} ${entityId ? sql`and entity_id = ${entityId}` : sql``} order by id`,
  );
const mailsTo = (to: string) =>
  h.database.rows<{ subject: string; text: string; template: string; locale: string }>(
    sql`select subject, text, template, locale from mail_outbox where "to" = ${to} order by created_at`,
  );

describe('bulk accreditation', () => {
  it('decides each registration as the single decision does, and answers per registration', async () => {
    const a = await register(ev.id, 'Anna Bulk');
    const b = await register(ev.id, 'Bernd Bulk');
    const online = await register(ev.id, 'Olga Online', { attendance: 'online' }); // approved at once
    const gone = await register(ev.id, 'Carl Cancelled');
    expect((await h.call(gone.user, { method: 'POST', url: `/api/v1/registrations/${gone.id}/cancel` })).statusCode).toBe(200);
    expect(online.status).toBe('approved');

    const res = await bulk(manager, ev.id, 'decision', { selection: { ids: [a.id, online.id, gone.id, b.id] }, decision: 'approve' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      total: 4,
      done: 2,
      skipped: 1,
      refused: 1,
      items: [
        { id: a.id, name: 'Anna Bulk', outcome: 'done', code: null },
        { id: online.id, name: 'Olga Online', outcome: 'skipped', code: null },
        { id: gone.id, name: 'Carl Cancelled', outcome: 'refused', code: 'not_pending' },
        { id: b.id, name: 'Bernd Bulk', outcome: 'done', code: null },
      ],
    });
    const statuses = new Map((await list(staff, ev.id)).map((r) => [r.id, r.status]));
    expect([a, b, online, gone].map((r) => statuses.get(r.id))).toEqual(['approved', 'approved', 'approved', 'cancelled']);
    // The same mail as one by one.
    expect((await mailsTo(a.email)).map((m) => m.template)).toEqual(['events.confirmation', 'events.approval']);
    // One audit entry per registration decided (the single decision's), and one for the bulk action with its count.
    expect((await auditOf('event_registration.approve')).map((e) => e.entity_id)).toEqual([a.id, b.id]);
    const [entry] = await auditOf('event_registration.bulk_decision', ev.id);
    expect(entry.actor_email).toBe(manager.email);
    expect(entry.after).toMatchObject({
      decision: 'approve',
      selectedBy: 'ids',
      count: 4,
      done: 2,
      skipped: 1,
      refused: 1,
      doneIds: [a.id, b.id],
      skippedIds: [online.id],
      refusedItems: [{ id: gone.id, code: 'not_pending' }],
    });
  });

  it('rejects with one reason, and refuses a rejection without one before acting on anything', async () => {
    const a = await register(ev.id, 'Rita Reject');
    const before = await snapshot(h.database);
    const bare = await bulk(staff, ev.id, 'decision', { selection: { ids: [a.id] }, decision: 'reject' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors.map((e: { path: string }) => e.path)).toContain('body.reason');
    expect(changedTables(before, await snapshot(h.database))).toEqual([]);
    const res = await bulk(staff, ev.id, 'decision', { selection: { ids: [a.id] }, decision: 'reject', reason: 'Quota reached' });
    expect(res.json()).toMatchObject({ done: 1, items: [{ id: a.id, outcome: 'done' }] });
    expect((await mailsTo(a.email)).at(-1)?.text).toContain('Quota reached');
  });

  it("an event manager naming another event's registration is refused, and nothing is decided", async () => {
    const mine = await register(ev.id, 'Mia Mine');
    const theirs = await register(other.id, 'Theo Theirs');
    const before = await snapshot(h.database);
    const res = await bulk(manager, ev.id, 'decision', { selection: { ids: [mine.id, theirs.id] }, decision: 'approve' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'reference_not_found', errors: [{ path: 'selection.ids.1' }] });
    expect(changedTables(before, await snapshot(h.database))).toEqual([]);
    // Nor on the other event's list itself, which the manager does not run.
    const there = await bulk(manager, other.id, 'decision', { selection: { ids: [mine.id] }, decision: 'approve' });
    expect(there.statusCode).toBe(404);
    expect(changedTables(before, await snapshot(h.database))).toEqual([]);
  });

  it("staff naming another event's registration on this list get it reported as not found, never decided", async () => {
    const mine = await register(ev.id, 'Paul Pending');
    const theirs = await register(other.id, 'Olivia Other');
    const res = await bulk(staff, ev.id, 'decision', { selection: { ids: [theirs.id, mine.id] }, decision: 'approve' });
    expect(res.json()).toMatchObject({
      total: 2,
      done: 1,
      refused: 1,
      items: [
        { id: theirs.id, name: '', outcome: 'refused', code: 'not_found' },
        { id: mine.id, outcome: 'done' },
      ],
    });
    expect((await list(staff, other.id)).find((r) => r.id === theirs.id)?.status).toBe('pending');
  });

  it('by filter: acts on exactly the rows the list shows with that filter, and only at the count confirmed', async () => {
    const open = (key: string) => ({ key, name: { en: key }, color: '#1f6feb', attendance: ['on-site', 'online'] });
    const fresh = await makeEvent(h, staff, { categories: [open('delegate'), open('youth')] });
    await publish(h, staff, fresh.id);
    const youth = [
      await register(fresh.id, 'Yan Youth', { category: 'youth' }),
      await register(fresh.id, 'Yara Youth', { category: 'youth' }),
    ];
    await register(fresh.id, 'Dan Delegate');
    await register(fresh.id, 'Olli Online', { category: 'youth', attendance: 'online' }); // approved at once: not pending
    const filter = { status: 'pending', category: 'youth' };
    const shown = await list(staff, fresh.id, '?status=pending&category=youth');
    expect(shown.map((r) => r.id).sort()).toEqual(youth.map((s) => s.id).sort());

    // The list changed since the count was confirmed: nothing is done, and the answer says how many match now.
    const before = await snapshot(h.database);
    const stale = await bulk(staff, fresh.id, 'decision', { selection: { filter, count: 3 }, decision: 'approve' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'selection_changed', count: 2 });
    expect(changedTables(before, await snapshot(h.database))).toEqual([]);

    const res = await bulk(staff, fresh.id, 'decision', { selection: { filter, count: shown.length }, decision: 'approve' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((i: { id: string }) => i.id)).toEqual(shown.map((r) => r.id));
    expect(res.json()).toMatchObject({ total: 2, done: 2 });
    expect((await list(staff, fresh.id, '?status=pending')).map((r) => r.name)).toEqual(['Dan Delegate']);
    const [entry] = await auditOf('event_registration.bulk_decision', fresh.id);
    expect(entry.after).toMatchObject({ selectedBy: 'filter', filter, count: 2, done: 2 });
  });

  it('refuses a bad selection: both forms at once, none, or more than the limit', async () => {
    const r = await register(ev.id, 'Vera Valid');
    for (const selection of [{ ids: [r.id], filter: {}, count: 1 }, { ids: [] }, {}, { filter: {}, count: 1001 }]) {
      const res = await bulk(staff, ev.id, 'decision', { selection, decision: 'approve' });
      expect(res.statusCode, JSON.stringify(selection)).toBe(400);
    }
  });
});

describe('message the selection', () => {
  it('queues one mail per registrant in their language, with the link to their registration from the link builder', async () => {
    const en = await register(ev.id, 'Emma English');
    const zh = await register(ev.id, '王小明', {}, 'zh-Hans');
    const erased = await register(ev.id, 'Eric Erased');
    await h.database.rows(sql`update event_registrations set email = ${`erased-${erased.id}@erased.invalid`} where id = ${erased.id}`);
    const res = await bulk(manager, ev.id, 'message', {
      selection: { ids: [en.id, zh.id, erased.id] },
      subject: 'Shuttle to {{event}}',
      body: 'Dear {{name}},\n\nThe shuttle leaves at 8:00.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ total: 3, done: 2, skipped: 1, refused: 0 });
    const [m] = await mailsTo(en.email).then((all) => all.filter((x) => x.template === 'events.message'));
    expect(m.subject).toBe('Shuttle to Wuzhen Summit Test');
    expect(m.text).toBe(
      `Dear Emma English,\n\nThe shuttle leaves at 8:00.\n\nYour registration:\n${pageUrl(eventsPages.myRegistration, { id: en.id }, 'en')}`,
    );
    const [z] = (await mailsTo(zh.email)).filter((x) => x.template === 'events.message');
    expect(z.locale).toBe('zh-Hans');
    expect(z.subject).toBe('Shuttle to 乌镇峰会测试');
    expect(z.text).toContain(`您的报名：\n${pageUrl(eventsPages.myRegistration, { id: zh.id }, 'zh-Hans')}`);
    expect((await mailsTo(erased.email)).filter((x) => x.template === 'events.message')).toEqual([]);
    // One audit entry per mail, one for the bulk action (with what was written).
    const per = await auditOf('event_registration.message');
    expect(per.map((e) => e.entity_id)).toEqual([en.id, zh.id]);
    const [entry] = await auditOf('event_registration.bulk_message', ev.id);
    expect(entry.after).toMatchObject({ count: 3, done: 2, skipped: 1, subject: 'Shuttle to {{event}}', skippedIds: [erased.id] });
  });

  it('places the link where the text asks for it', async () => {
    const r = await register(ev.id, 'Lena Link');
    await bulk(staff, ev.id, 'message', { selection: { ids: [r.id] }, subject: 'Badge', body: 'Your badge: {{link}} — see you.' });
    const [m] = (await mailsTo(r.email)).filter((x) => x.template === 'events.message');
    expect(m.text).toBe(`Your badge: ${pageUrl(eventsPages.myRegistration, { id: r.id }, 'en')} — see you.`);
  });

  it("refuses a manager's message naming another event's registrant", async () => {
    const theirs = await register(other.id, 'Nora Nomail');
    const res = await bulk(manager, ev.id, 'message', { selection: { ids: [theirs.id] }, subject: 'S', body: 'B' });
    expect(res.statusCode).toBe(404);
    expect(await mailsTo(theirs.email).then((all) => all.filter((x) => x.template === 'events.message'))).toEqual([]);
  });
});

describe('export the selection', () => {
  it('exports the selected registrations with the delegate list columns, CSV or XLSX, and audits it', async () => {
    const a = await register(ev.id, 'Xaver Export');
    const b = await register(ev.id, '李四');
    const csv = await bulk(manager, ev.id, 'export', { selection: { ids: [b.id, a.id] }, format: 'csv' });
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('name,name_latin,organization,country,stakeholder_group,category,attendance,status,email,registered_at');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['李四', 'Xaver Export']);
    const xlsx = await bulk(manager, ev.id, 'export', { selection: { ids: [a.id] }, format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getRow(2).getCell(1).value).toBe('Xaver Export');
    expect(wb.worksheets[0].rowCount).toBe(2);
    const entries = await auditOf('event_registration.bulk_export', ev.id);
    expect(entries.map((e) => e.after)).toEqual([
      { selectedBy: 'ids', count: 2, format: 'csv', ids: [b.id, a.id] },
      { selectedBy: 'ids', count: 1, format: 'xlsx', ids: [a.id] },
    ]);
  });

  it('by filter: the rows of the list with that filter', async () => {
    const shown = await list(staff, ev.id, '?status=approved');
    const res = await bulk(staff, ev.id, 'export', { selection: { filter: { status: 'approved' }, count: shown.length }, format: 'csv' });
    const names = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(',')[0]);
    expect(names).toEqual(shown.map((r) => r.name));
  });

  it("refuses the whole export when a registration is another event's", async () => {
    const mine = await register(ev.id, 'Ida Inside');
    const theirs = await register(other.id, 'Otto Outside');
    expect((await bulk(manager, ev.id, 'export', { selection: { ids: [mine.id, theirs.id] }, format: 'csv' })).statusCode).toBe(404);
    expect((await bulk(staff, ev.id, 'export', { selection: { ids: [mine.id, theirs.id] }, format: 'csv' })).statusCode).toBe(404);
  });
});
