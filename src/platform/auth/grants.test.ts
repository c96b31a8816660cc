import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { changedTables, snapshot } from '../../test/snapshot.js';

/**
 * Issue 24: a grant and its revocation leave no trace, for group membership,
 * event manager scope and reviewer pool membership. Each case takes a snapshot
 * before the grant, grants through the API (with the acceptance step), shows the
 * access works, revokes through the API, shows the same request is refused, and
 * compares the whole database.
 *
 * Tables that legitimately keep history of what happened:
 * - audit_log: every grant, acceptance and revocation is recorded, by rule;
 * - mail_outbox: the invitation and notice mails were sent and stay sent;
 * - jobs: mail delivery and other background work queued by those writes;
 * - sessions: signing in and being seen (last_seen_at) is not an effect of a grant.
 * No invitation table is excepted: every invitation row here is deleted on
 * acceptance, withdrawal or removal (its history is in the audit log).
 */
const history = ['audit_log', 'mail_outbox', 'jobs', 'sessions'];

let h: Harness;
let staff: TestUser;

beforeAll(async () => {
  h = await createHarness();
  staff = await h.user({ roles: ['secretariat'] });
});
afterAll(() => h?.close());

async function ok<T = any>(who: TestUser | null, method: string, url: string, payload?: object, status = 200): Promise<T> {
  const res = await h.call(who, { method: method as 'GET', url, payload });
  if (res.statusCode !== status) throw new Error(`${method} ${url}: expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res.json();
}
const statusOf = async (who: TestUser | null, method: string, url: string, payload?: object) =>
  (await h.call(who, { method: method as 'GET', url, payload })).statusCode;
const auditActions = async () =>
  (await h.database.rows<{ action: string }>(sql`select action from audit_log order by id`)).map((r) => r.action);
const lastMailTo = async (to: string) =>
  (
    await h.database.rows<{ text: string; subject: string }>(
      sql`select text, subject from mail_outbox where "to" = ${to} order by created_at desc limit 1`,
    )
  )[0];

describe('group membership', () => {
  let group: { id: string; slug: string };
  let chair: TestUser;
  let draftId: string;

  beforeAll(async () => {
    group = await ok(staff, 'POST', '/api/v1/groups', { slug: 'grant-test', name: { en: 'Grant test group' } }, 201);
    chair = await h.user();
    await ok(staff, 'POST', `/api/v1/groups/${group.id}/invitations`, { email: chair.email, role: 'chair' }, 201);
    await ok(chair, 'POST', `/api/v1/groups/${group.id}/invitation/accept`);
    // A members-only document: drafts stay inside the group.
    draftId = (
      await ok(
        chair,
        'POST',
        `/api/v1/groups/${group.id}/documents`,
        { kind: 'report', title: { en: 'Draft' }, paragraphs: [{ text: { en: 'Inside' } }] },
        201,
      )
    ).id;
  });

  const access = async (who: TestUser) => ({
    workspace: await statusOf(who, 'GET', `/api/v1/groups/${group.id}/workspace`),
    draft: await statusOf(who, 'GET', `/api/v1/documents/${draftId}`),
  });

  it('a chair invites, the person accepts, the chair removes them: no trace', async () => {
    const person = await h.user();
    const before = await snapshot(h.database);
    const inv = await ok(chair, 'POST', `/api/v1/groups/${group.id}/invitations`, { email: person.email }, 201);
    // An invitation is not a grant: nothing opens until the person accepts.
    expect(inv.status).toBe('invited');
    expect(await access(person)).toEqual({ workspace: 404, draft: 404 });
    await ok(person, 'POST', `/api/v1/groups/${group.id}/invitation/accept`);
    expect(await access(person)).toEqual({ workspace: 200, draft: 200 });
    await ok(chair, 'DELETE', `/api/v1/groups/${group.id}/members/${inv.id}`);
    expect(await access(person)).toEqual({ workspace: 404, draft: 404 });
    expect(changedTables(before, await snapshot(h.database), history)).toEqual([]);
    expect((await auditActions()).slice(-3)).toEqual(['group.invite', 'group.invitation.accept', 'group.member.remove']);
  });

  it('staff add a co-chair directly (audited), who then leaves: no trace', async () => {
    const person = await h.user();
    const before = await snapshot(h.database);
    const added = await ok(
      staff,
      'POST',
      `/api/v1/groups/${group.id}/invitations`,
      { email: person.email, role: 'co_chair', direct: true },
      201,
    );
    expect(added.status).toBe('active');
    expect(await access(person)).toEqual({ workspace: 200, draft: 200 });
    // As co-chair they run the group too: they see the members' addresses, as editors do.
    expect((await ok(person, 'GET', `/api/v1/groups/${group.id}/members`)).every((m: { email: string | null }) => m.email)).toBe(true);
    expect((await lastMailTo(person.email)).subject).toContain('added');
    await ok(person, 'DELETE', `/api/v1/groups/${group.id}/members/${added.id}`);
    expect(await access(person)).toEqual({ workspace: 404, draft: 404 });
    expect(await statusOf(person, 'GET', `/api/v1/groups/${group.id}/members`)).toBe(404);
    expect(changedTables(before, await snapshot(h.database), history)).toEqual([]);
    expect((await auditActions()).filter((a) => a.startsWith('group.')).slice(-2)).toEqual(['group.member.add', 'group.member.leave']);
  });

  it('a withdrawn invitation leaves no trace, and a chair may not add anyone directly', async () => {
    const person = await h.user();
    const before = await snapshot(h.database);
    const refused = await h.call(chair, {
      method: 'POST',
      url: `/api/v1/groups/${group.id}/invitations`,
      payload: { email: person.email, direct: true },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('forbidden');
    expect(changedTables(before, await snapshot(h.database), ['sessions'])).toEqual([]);
    const inv = await ok(chair, 'POST', `/api/v1/groups/${group.id}/invitations`, { email: person.email }, 201);
    await ok(chair, 'DELETE', `/api/v1/groups/${group.id}/members/${inv.id}`);
    // The invitation is gone: nothing to accept.
    const answer = await h.call(person, { method: 'POST', url: `/api/v1/groups/${group.id}/invitation/accept` });
    expect(answer.statusCode).toBe(409);
    expect(answer.json().code).toBe('no_invitation');
    expect(changedTables(before, await snapshot(h.database), history)).toEqual([]);
  });
});

describe('event manager scope', () => {
  let eventId: string;

  beforeAll(async () => {
    const ev = await ok(
      staff,
      'POST',
      '/api/v1/events',
      {
        slug: 'grant-test-forum',
        kind: 'forum',
        name: { en: 'Grant test forum' },
        startDate: '2027-05-01',
        endDate: '2027-05-02',
        timeZone: 'Asia/Shanghai',
        mode: 'hybrid',
        visibility: 'public',
      },
      201,
    );
    eventId = ev.id;
  });

  // Only the event's managers (and staff) see its registrations and its managers.
  const access = async (who: TestUser) => ({
    registrations: await statusOf(who, 'GET', `/api/v1/events/${eventId}/registrations`),
    managers: await statusOf(who, 'GET', `/api/v1/events/${eventId}/managers`),
  });

  it('staff name an account holder, who manages at once; removing them leaves no trace', async () => {
    const person = await h.user();
    const before = await snapshot(h.database);
    expect(await access(person)).toEqual({ registrations: 404, managers: 404 });
    const added = await ok(staff, 'POST', `/api/v1/events/${eventId}/managers`, { email: person.email.toUpperCase() }, 201);
    expect(added).toEqual({ status: 'granted', userId: person.id });
    expect(await access(person)).toEqual({ registrations: 200, managers: 200 });
    const list = await ok(person, 'GET', `/api/v1/events/${eventId}/managers`);
    expect(list.managers.map((m: { email: string }) => m.email)).toEqual([person.email]);
    // A manager sees the list but does not name or remove managers.
    expect(await statusOf(person, 'POST', `/api/v1/events/${eventId}/managers`, { email: 'someone@grant.example' })).toBe(403);
    expect(await statusOf(person, 'DELETE', `/api/v1/events/${eventId}/managers/${person.id}`)).toBe(403);
    const again = await h.call(staff, { method: 'POST', url: `/api/v1/events/${eventId}/managers`, payload: { email: person.email } });
    expect(again.json().code).toBe('already_manager');
    await ok(staff, 'DELETE', `/api/v1/events/${eventId}/managers/${person.id}`);
    expect(await access(person)).toEqual({ registrations: 404, managers: 404 });
    const gone = await h.call(staff, { method: 'DELETE', url: `/api/v1/events/${eventId}/managers/${person.id}` });
    expect([gone.statusCode, gone.json().code]).toEqual([404, 'not_found']);
    expect(changedTables(before, await snapshot(h.database), history)).toEqual([]);
    expect((await auditActions()).filter((a) => a.startsWith('event.manager')).slice(-2)).toEqual([
      'event.manager.grant',
      'event.manager.revoke',
    ]);
  });

  it('an unknown address is invited; the grant waits for an account with that address to accept', async () => {
    const email = 'future-manager@grant.example';
    const other = await h.user();
    const before = await snapshot(h.database);
    const added = await ok(staff, 'POST', `/api/v1/events/${eventId}/managers`, { email }, 201);
    expect(added.status).toBe('invited');
    const token = (await lastMailTo(email)).text.match(/\/event-manager\/([A-Za-z0-9_-]+)/)![1];
    expect((await ok(staff, 'GET', `/api/v1/events/${eventId}/managers`)).pending.map((p: { email: string }) => p.email)).toEqual([email]);
    // Someone else holding the link cannot take the role.
    const stolen = await h.call(other, { method: 'POST', url: `/api/v1/event-manager-invitations/${token}/accept` });
    expect([stolen.statusCode, stolen.json().code]).toEqual([403, 'invitation_other_account']);
    expect(await access(other)).toEqual({ registrations: 404, managers: 404 });
    // The person creates their account with the invited address, then accepts.
    const person = await h.user({ email });
    expect(await access(person)).toEqual({ registrations: 404, managers: 404 });
    expect(await ok(person, 'GET', `/api/v1/event-manager-invitations/${token}`)).toMatchObject({ eventId, email, yours: true });
    await ok(person, 'POST', `/api/v1/event-manager-invitations/${token}/accept`);
    expect(await access(person)).toEqual({ registrations: 200, managers: 200 });
    // The link is used up.
    expect(await statusOf(person, 'POST', `/api/v1/event-manager-invitations/${token}/accept`)).toBe(404);
    await ok(staff, 'DELETE', `/api/v1/events/${eventId}/managers/${person.id}`);
    expect(await access(person)).toEqual({ registrations: 404, managers: 404 });
    const after = await snapshot(h.database);
    // The account is the person's own doing (they signed up), not an effect of the grant: it stays, and is the only new user.
    expect(changedTables(before, after, [...history, 'users'])).toEqual([]);
    expect(after.get('users')!.rows).toBe(before.get('users')!.rows + 1);
  });

  it('a withdrawn invitation to manage leaves no trace, and its link stops working', async () => {
    const email = 'never-manager@grant.example';
    const before = await snapshot(h.database);
    const added = await ok(staff, 'POST', `/api/v1/events/${eventId}/managers`, { email }, 201);
    const token = (await lastMailTo(email)).text.match(/\/event-manager\/([A-Za-z0-9_-]+)/)![1];
    await ok(staff, 'DELETE', `/api/v1/events/${eventId}/manager-invitations/${added.invitationId}`);
    const person = await h.user({ email });
    expect(await statusOf(person, 'POST', `/api/v1/event-manager-invitations/${token}/accept`)).toBe(404);
    expect(await access(person)).toEqual({ registrations: 404, managers: 404 });
    const after = await snapshot(h.database);
    expect(changedTables(before, after, [...history, 'users'])).toEqual([]);
    expect(after.get('users')!.rows).toBe(before.get('users')!.rows + 1);
  });
});

describe('reviewer pool membership', () => {
  let callId: string;
  const subs: string[] = [];

  beforeAll(async () => {
    const now = Date.now();
    callId = (
      await ok(
        staff,
        'POST',
        '/api/v1/calls',
        {
          template: 'competition',
          year: 2024,
          opensAt: new Date(now - 3600_000).toISOString(),
          closesAt: new Date(now + 3600_000).toISOString(),
          published: true,
        },
        201,
      )
    ).id;
    for (let i = 0; i < 3; i++) {
      const u = await h.user();
      const d = await ok(u, 'POST', `/api/v1/calls/${callId}/submissions`, { answers: { title: { en: `Entry ${i}` } } }, 201);
      subs.push(d.id);
      // Marked submitted and screened directly: this file is about the panel, not about submitting.
      await h.database.rows(
        sql`update submissions set status = 'submitted', screening = 'passed', category = 'ai', country_code = 'CN' where id = ${d.id}`,
      );
    }
  });

  /** A directory person with an account: what staff add to a panel. */
  async function candidate() {
    const email = `judge-${Math.random().toString(36).slice(2)}@grant.example`;
    const person = await ok(staff, 'POST', '/api/v1/directory/people', { name: 'Judge', email, countryCode: 'DE' }, 201);
    return { personId: person.id as string, user: await h.user({ email }) };
  }
  const addToPanel = async (personId: string) =>
    (
      await ok<Array<{ id: string; status: string }>>(
        staff,
        'POST',
        `/api/v1/review/calls/${callId}/reviewers`,
        { round: 1, reviewers: [{ personId, expertise: ['ai'] }] },
        201,
      )
    )[0];

  it('staff invite, the reviewer accepts, declares a conflict, drafts a review; removal leaves no trace', async () => {
    const { personId, user } = await candidate();
    const before = await snapshot(h.database);
    const place = await addToPanel(personId);
    // An invitation, not a place: nothing to review yet.
    expect(place.status).toBe('invited');
    await ok(user, 'POST', `/api/v1/review/invitations/${place.id}/respond`, { accept: true });
    await ok(user, 'POST', `/api/v1/review/invitations/${place.id}/conflicts`, { submissionId: subs[1], reason: 'My former employer' });
    await ok(staff, 'POST', `/api/v1/review/calls/${callId}/pairs`, { submissionId: subs[0], reviewerId: place.id, action: 'pin' });
    await ok(staff, 'POST', `/api/v1/review/calls/${callId}/pairs`, { submissionId: subs[2], reviewerId: place.id, action: 'forbid' });
    expect(await statusOf(user, 'GET', `/api/v1/review/submissions/${subs[0]}`)).toBe(200);
    await ok(user, 'PUT', `/api/v1/review/submissions/${subs[0]}/review`, { scores: {}, commentCommittee: 'Half done', submit: false });
    expect((await ok(user, 'GET', '/api/v1/review/assignments')).map((a: { submissionId: string }) => a.submissionId)).toEqual([subs[0]]);

    await ok(staff, 'DELETE', `/api/v1/review/calls/${callId}/reviewers/${place.id}`);
    expect(await statusOf(user, 'GET', `/api/v1/review/submissions/${subs[0]}`)).toBe(404);
    expect(await statusOf(user, 'GET', `/api/v1/review/submissions/${subs[0]}/discussion`)).toBe(404);
    expect(await ok(user, 'GET', '/api/v1/review/assignments')).toEqual([]);
    expect(await ok(user, 'GET', '/api/v1/review/invitations')).toEqual([]);
    expect(await statusOf(user, 'POST', `/api/v1/review/invitations/${place.id}/respond`, { accept: true })).toBe(404);
    expect(changedTables(before, await snapshot(h.database), history)).toEqual([]);
    expect((await auditActions()).filter((a) => a.startsWith('review.')).at(-1)).toBe('review.remove_reviewer');
  });

  it('a reviewer with a submitted review stays on the panel (409 reviewer_has_reviews), and the refusal changes nothing', async () => {
    const { personId, user } = await candidate();
    const place = await addToPanel(personId);
    await ok(user, 'POST', `/api/v1/review/invitations/${place.id}/respond`, { accept: true });
    await ok(staff, 'POST', `/api/v1/review/calls/${callId}/pairs`, { submissionId: subs[0], reviewerId: place.id, action: 'pin' });
    const view = await ok(user, 'GET', `/api/v1/review/submissions/${subs[0]}`);
    const scores = Object.fromEntries(view.rubric.criteria.map((c: { key: string }) => [c.key, 7]));
    await ok(user, 'PUT', `/api/v1/review/submissions/${subs[0]}/review`, { scores, submit: true });
    const before = await snapshot(h.database);
    const res = await h.call(staff, { method: 'DELETE', url: `/api/v1/review/calls/${callId}/reviewers/${place.id}` });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('reviewer_has_reviews');
    expect(changedTables(before, await snapshot(h.database), ['sessions'])).toEqual([]);
    expect(await statusOf(user, 'GET', `/api/v1/review/submissions/${subs[0]}`)).toBe(200);
    // Only staff remove reviewers.
    expect(await statusOf(user, 'DELETE', `/api/v1/review/calls/${callId}/reviewers/${place.id}`)).toBe(403);
  });
});
