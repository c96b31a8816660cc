import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo.js';
import type { Reply } from '../../platform/http/contract.js';
import { queueMail } from '../../platform/mail/index.js';
import { createHarness, multipart, type Harness, type TestUser } from '../../test/harness.js';
import { accountIdByEmail, grantRole } from '../accounts/index.js';
import { signIn } from '../accounts/testkit.js';
import { delegate, makeEvent, publish } from '../events/testkit.js';
import { memberFigures } from '../membership/index.js';
import type { adminApi, QueueKind } from './contract.js';

/**
 * The staff overview (GET /api/v1/admin/overview) on the demo data: each line moves when an item
 * arrives and when it is dealt with, each caller sees only the lists they may act in, and the figures
 * are the owning features' own counts.
 */

type Overview = Reply<typeof adminApi.overview>;

let h: Harness;
let admin: TestUser;
let sec: TestUser;
let manager: TestUser; // forum@: manages the 2026 summit only
let reviewer: TestUser; // reviewer@: assigned to entries of the AI-for-good call
let summit2026: string;
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

async function demoAccount(email: string): Promise<TestUser> {
  const id = (await accountIdByEmail(h.ctx.db, email))!;
  return { id, email, ...(await signIn(h.ctx.db, id)) };
}

async function ok<T = any>(who: TestUser | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, status = 200): Promise<T> {
  const res = await h.call(who, { method, url, ...(payload ? { payload } : {}) });
  if (res.statusCode !== status) throw new Error(`${method} ${url}: expected ${status}, got ${res.statusCode} ${res.body}`);
  return res.json();
}

const overviewOf = (who: TestUser) => ok<Overview>(who, 'GET', '/api/v1/admin/overview');
/** The count of a line of the queue (0 when the line is absent), for one subject or summed over all. */
const count = (o: Overview, kind: QueueKind, subjectId?: string) =>
  o.queue.filter((i) => i.kind === kind && (!subjectId || i.subject?.id === subjectId)).reduce((n, i) => n + i.count, 0);
const kinds = (o: Overview) => [...new Set(o.queue.map((i) => i.kind))];

beforeAll(async () => {
  h = await createHarness();
  await seedDemo(h.ctx);
  admin = await h.user({ roles: ['admin'] });
  sec = await h.user({ roles: ['secretariat'] });
  manager = await demoAccount('forum@wuzhen.example');
  reviewer = await demoAccount('reviewer@wuzhen.example');
  const events = await ok<Array<{ id: string; slug: string }>>(null, 'GET', '/api/v1/events');
  summit2026 = events.find((e) => e.slug === 'wuzhen-summit-2026')!.id;
}, 300_000);
afterAll(() => h.close());

describe('who may open the overview', () => {
  it('the staff area: the secretariat, reviewers and event managers; anyone else is refused', async () => {
    expect((await h.call(null, { method: 'GET', url: '/api/v1/admin/overview' })).statusCode).toBe(401);
    for (const who of [await h.user(), await demoAccount('member@wuzhen.example'), await demoAccount('data.chair@wuzhen.example')]) {
      const res = await h.call(who, { method: 'GET', url: '/api/v1/admin/overview' });
      expect(res.statusCode, who.email).toBe(403);
      expect(res.json().code).toBe('forbidden');
    }
    for (const who of [admin, sec, manager, reviewer])
      expect((await h.call(who, { method: 'GET', url: '/api/v1/admin/overview' })).statusCode, who.email).toBe(200);
  });
});

describe('the work queue', () => {
  it('membership applications: counted when submitted, gone when decided; only the secretariat sees them', async () => {
    const before = count(await overviewOf(sec), 'applications');
    const applicant = await h.user({ name: 'Overview Applicant' });
    const app = await ok(
      applicant,
      'POST',
      '/api/v1/membership/applications',
      { categoryKey: 'individual', data: { individual: { name: 'Overview Applicant', countryCode: 'BR' }, motivation: 'To take part' } },
      201,
    );
    // A draft is the applicant's own: nothing waits for the secretariat yet.
    expect(count(await overviewOf(sec), 'applications')).toBe(before);
    const cv = multipart('cv.pdf', pdf, 'application/pdf', { docKey: 'cv' });
    expect(
      (await h.call(applicant, { method: 'POST', url: `/api/v1/membership/applications/${app.id}/documents`, ...cv })).statusCode,
    ).toBe(201);
    await ok(applicant, 'POST', `/api/v1/membership/applications/${app.id}/submit`, {});
    expect(count(await overviewOf(sec), 'applications')).toBe(before + 1);
    expect(count(await overviewOf(admin), 'applications')).toBe(before + 1);
    for (const who of [manager, reviewer]) expect(count(await overviewOf(who), 'applications'), who.email).toBe(0);
    await ok(sec, 'POST', `/api/v1/membership/applications/${app.id}/reject`, { reason: 'Outside the membership rules' });
    expect(count(await overviewOf(sec), 'applications')).toBe(before);
  });

  it('registrations to accredit, per event: an event manager sees only the events they manage', async () => {
    const other = await makeEvent(h, sec, { name: { en: 'Overview Forum' } });
    await publish(h, sec, other.id);
    // The demo's summit already has a registration waiting (its second delegate's).
    const waiting = count(await overviewOf(sec), 'registrations', summit2026);
    const [a, b] = [await h.user(), await h.user()];
    const atSummit = await ok(a, 'POST', `/api/v1/events/${summit2026}/registrations`, delegate('Overview Delegate A'), 201);
    await ok(b, 'POST', `/api/v1/events/${other.id}/registrations`, delegate('Overview Delegate B'), 201);
    expect(atSummit.status).toBe('pending');

    const staffView = await overviewOf(sec);
    expect(count(staffView, 'registrations', summit2026)).toBe(waiting + 1);
    expect(count(staffView, 'registrations', other.id)).toBe(1);
    expect(staffView.queue.find((i) => i.kind === 'registrations' && i.subject?.id === other.id)?.subject?.title).toEqual({
      en: 'Overview Forum',
    });

    const managerView = await overviewOf(manager);
    expect(managerView.queue.filter((i) => i.kind === 'registrations').map((i) => [i.subject?.id, i.count])).toEqual([
      [summit2026, waiting + 1],
    ]);
    // Nothing of the secretariat's: no applications, entries, reviews, mail, and no figures.
    expect(kinds(managerView)).toEqual(['registrations']);
    expect(managerView.figures).toBeNull();

    const delegatesBefore = (await overviewOf(sec)).figures!.edition!.delegates;
    await ok(manager, 'POST', `/api/v1/registrations/${atSummit.id}/decision`, { decision: 'approve' });
    expect(count(await overviewOf(manager), 'registrations')).toBe(waiting);
    const after = await overviewOf(sec);
    expect(count(after, 'registrations', summit2026)).toBe(waiting);
    expect(count(after, 'registrations', other.id)).toBe(1);
    // The accredited registration is a delegate of this edition, counted as the event's own figures count it.
    expect(after.figures!.edition).toMatchObject({ id: summit2026, delegates: delegatesBefore + 1 });
    const eventFigures = await ok(sec, 'GET', `/api/v1/events/${summit2026}/figures`);
    expect(after.figures!.edition!.delegates).toBe(eventFigures.delegates);
  });

  it('entries to screen, then entries without a reviewer: per call, for the secretariat only', async () => {
    const now = Date.now();
    const openCallsBefore = (await overviewOf(sec)).figures!.openCalls;
    const call = await ok(
      sec,
      'POST',
      '/api/v1/calls',
      {
        template: 'practice-case',
        codePrefix: 'OVW',
        year: 2026,
        opensAt: new Date(now - 3_600_000).toISOString(),
        closesAt: new Date(now + 86_400_000).toISOString(),
        published: true,
      },
      201,
    );
    expect((await overviewOf(sec)).figures!.openCalls).toBe(openCallsBefore + 1);
    const org = await ok(
      sec,
      'POST',
      '/api/v1/directory/organizations',
      { name: { en: 'Overview Lab' }, countryCode: 'KE', stakeholderGroup: 'civil-society' },
      201,
    );
    const applicant = await h.user();
    await grantRole(h.ctx.db, applicant.id, 'org_contact', { type: 'organization', id: org.id });
    const draft = await ok(applicant, 'POST', `/api/v1/calls/${call.id}/submissions`, { answers: {} }, 201);
    const file = multipart('plan.pdf', pdf, 'application/pdf');
    const up = await h.call(applicant, { method: 'POST', url: `/api/v1/submissions/${draft.id}/files`, ...file });
    expect(up.statusCode, up.body).toBe(201);
    await ok(applicant, 'PUT', `/api/v1/submissions/${draft.id}`, {
      category: 'digital-economy',
      organizationId: org.id,
      answers: {
        title: { en: 'Community networks for rural schools' },
        applicantType: 'civil-society',
        organization: 'Overview Lab',
        country: 'KE',
        summary: { en: 'Connecting rural schools.' },
        practice: { en: 'Build, train, run.' },
        results: { en: 'Forty schools online.' },
        keywords: 'connectivity',
        attachment: up.json().fileId,
      },
    });
    expect(count(await overviewOf(sec), 'screening', call.id)).toBe(0); // a draft is not an entry yet
    await ok(applicant, 'POST', `/api/v1/submissions/${draft.id}/submit`);
    expect(count(await overviewOf(sec), 'screening', call.id)).toBe(1);
    expect(count(await overviewOf(sec), 'reviewsUnassigned', call.id)).toBe(0);
    for (const who of [manager, reviewer]) expect(count(await overviewOf(who), 'screening'), who.email).toBe(0);

    await ok(sec, 'POST', `/api/v1/submissions/${draft.id}/screening`, { result: 'passed' });
    const screened = await overviewOf(sec);
    expect(count(screened, 'screening', call.id)).toBe(0);
    // Screened in, it waits for a reviewer of its round.
    expect(count(screened, 'reviewsUnassigned', call.id)).toBe(1);
    expect(screened.queue.find((i) => i.kind === 'reviewsUnassigned' && i.subject?.id === call.id)?.subject?.year).toBe(2026);
    for (const who of [manager, reviewer]) expect(count(await overviewOf(who), 'reviewsUnassigned'), who.email).toBe(0);
  });

  it('reviews still to come: the secretariat sees them per call, the reviewer their own; a submitted review leaves both', async () => {
    const mine = await ok<Array<{ submissionId: string; callId: string; reviewStatus: string }>>(
      reviewer,
      'GET',
      '/api/v1/review/assignments',
    );
    const todo = mine.filter((a) => a.reviewStatus !== 'submitted');
    expect(todo.length).toBeGreaterThan(0);
    const callId = todo[0].callId;
    const [staffBefore, ownBefore] = [await overviewOf(sec), await overviewOf(reviewer)];
    expect(count(ownBefore, 'myReviews')).toBe(todo.length);
    expect(count(staffBefore, 'reviewsOutstanding', callId)).toBeGreaterThanOrEqual(1);
    // A reviewer sees their own reviews, none of the panel's backlog.
    expect(count(ownBefore, 'reviewsOutstanding') + count(ownBefore, 'reviewsUnassigned')).toBe(0);

    const entry = await ok(reviewer, 'GET', `/api/v1/review/submissions/${todo[0].submissionId}`);
    const scores = Object.fromEntries(entry.rubric.criteria.map((c: { key: string }) => [c.key, entry.rubric.scaleMax]));
    await ok(reviewer, 'PUT', `/api/v1/review/submissions/${todo[0].submissionId}/review`, { scores, submit: false });
    expect(count(await overviewOf(reviewer), 'myReviews')).toBe(todo.length); // a draft is still to come
    await ok(reviewer, 'PUT', `/api/v1/review/submissions/${todo[0].submissionId}/review`, { scores, submit: true });
    expect(count(await overviewOf(reviewer), 'myReviews')).toBe(todo.length - 1);
    expect(count(await overviewOf(sec), 'reviewsOutstanding', callId)).toBe(count(staffBefore, 'reviewsOutstanding', callId) - 1);
  });

  it('comment rounds closing within seven days, for those who run the document; closed, they leave', async () => {
    const doc = await ok(
      sec,
      'POST',
      '/api/v1/documents',
      { kind: 'report', title: { en: 'Overview Report' }, paragraphs: [{ text: { en: 'A first paragraph.' } }] },
      201,
    );
    const later = await ok(
      sec,
      'POST',
      '/api/v1/documents',
      { kind: 'report', title: { en: 'Overview Report, later' }, paragraphs: [{ text: { en: 'Another paragraph.' } }] },
      201,
    );
    const day = 86_400_000;
    const soon = await ok(
      sec,
      'POST',
      `/api/v1/documents/${doc.id}/rounds`,
      { closesAt: new Date(Date.now() + 3 * day).toISOString() },
      201,
    );
    await ok(sec, 'POST', `/api/v1/documents/${later.id}/rounds`, { closesAt: new Date(Date.now() + 10 * day).toISOString() }, 201);
    const o = await overviewOf(sec);
    const line = o.queue.find((i) => i.kind === 'commentRounds' && i.subject?.id === doc.id);
    expect(line).toMatchObject({ count: 1, subject: { title: { en: 'Overview Report' } } });
    expect(new Date(line!.closesAt!).toISOString()).toBe(soon.closesAt);
    expect(count(o, 'commentRounds', later.id)).toBe(0); // closes after the week
    for (const who of [manager, reviewer]) expect(count(await overviewOf(who), 'commentRounds'), who.email).toBe(0);
    await ok(sec, 'POST', `/api/v1/documents/${doc.id}/rounds/${soon.id}/close`);
    expect(count(await overviewOf(sec), 'commentRounds', doc.id)).toBe(0);
  });

  it('mail that failed to send, for those who may open the outbox', async () => {
    const before = count(await overviewOf(admin), 'failedMail');
    await queueMail(h.ctx.db, { to: 'nobody@overview.example', subject: 'Undeliverable', text: 'x', locale: 'en' });
    await h.database.rows(sql`update mail_outbox set status = 'failed', attempts = 5 where "to" = 'nobody@overview.example'`);
    expect(count(await overviewOf(admin), 'failedMail')).toBe(before + 1);
    // The outbox is the administrators' (its route's access): the secretariat and event managers get no line they could not open.
    for (const who of [sec, manager, reviewer]) expect(count(await overviewOf(who), 'failedMail'), who.email).toBe(0);
  });
});

describe('key figures', () => {
  it('for the secretariat, each the owning feature’s one definition', async () => {
    const { figures } = await overviewOf(sec);
    const members = await memberFigures(h.ctx.db);
    expect(figures).toMatchObject({ members: members.members, countries: members.countries });
    expect(figures!.edition).toMatchObject({ id: summit2026, name: { en: expect.stringContaining('2026') } });
    const groups = await ok<Array<{ status: string }>>(null, 'GET', '/api/v1/groups');
    expect(figures!.activeGroups).toBe(groups.filter((g) => g.status === 'active').length);
    expect(figures!.activeGroups).toBeGreaterThan(0);
    expect((await overviewOf(reviewer)).figures).toBeNull();
  });
});
