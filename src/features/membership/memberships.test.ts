import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, multipart, type Harness, type TestUser } from '../../test/harness.js';
import { mailOutbox } from '../../platform/mail/model.js';
import { searchDocs } from '../../platform/search/model.js';
import { addMonths, isoDay, membershipTransitions } from './members.js';

let h: Harness;
let staff: TestUser;
let applicant: TestUser;
let n = 0;

beforeAll(async () => {
  h = await createHarness();
  staff = await h.user({ roles: ['secretariat'] });
  applicant = await h.user();
  const res = await h.call(staff, {
    method: 'POST',
    url: '/api/v1/membership/categories',
    payload: {
      key: 'institutional',
      applicantKind: 'organization',
      name: { en: 'Institutional' },
      termMonths: 12,
      graceDays: 30,
      reminderDays: [60, 14],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
});
afterAll(() => h.close());

/** An approved organization member with one representative; returns ids and the representative's address. */
async function member(name: string, opts: { startDate?: string; country?: string } = {}) {
  const repEmail = `rep${++n}@example.org`;
  const data = {
    organization: { name: { 'zh-Hans': name }, countryCode: opts.country ?? 'CN', stakeholderGroup: 'academia' },
    representatives: [{ name: `代表${n}`, email: repEmail }],
  };
  const c = await h.call(applicant, {
    method: 'POST',
    url: '/api/v1/membership/applications',
    payload: { categoryKey: 'institutional', locale: 'zh-Hans', data },
  });
  const id = c.json().id;
  expect((await h.call(applicant, { method: 'POST', url: `/api/v1/membership/applications/${id}/submit` })).statusCode).toBe(200);
  const a = await h.call(staff, {
    method: 'POST',
    url: `/api/v1/membership/applications/${id}/approve`,
    payload: { startDate: opts.startDate },
  });
  expect(a.statusCode, a.body).toBe(200);
  return { membershipId: a.json().membershipId as string, organizationId: a.json().organizationId as string, repEmail };
}

/** Signs in as an existing account the way a representative would: by an e-mail link. */
async function signInAs(email: string): Promise<TestUser> {
  await h.call(null, { method: 'POST', url: '/api/v1/auth/login-link', payload: { email } });
  const rows = await h.ctx.db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.to, email), eq(mailOutbox.template, 'accounts.login')));
  const token = /token=([^&\s]+)/.exec(rows.at(-1)!.text)![1];
  const res = await h.call(null, { method: 'POST', url: '/api/v1/auth/login-link/redeem', payload: { token } });
  return { id: '', email, cookie: String(res.headers['set-cookie']).split(';')[0], csrf: res.json().csrfToken };
}

const get = (id: string) => h.call(staff, { method: 'GET', url: `/api/v1/membership/memberships/${id}` }).then((r) => r.json());

describe('renewal, grace and lapse run from the scheduled job', () => {
  it('reminds before renewal, moves to grace after the end, lapses after grace, with history and mail', async () => {
    const { membershipId, repEmail } = await member('续期测试研究所', { startDate: '2030-01-10' });
    expect((await get(membershipId)).renewalDate).toBe('2031-01-10');
    const mails = async (template: string) =>
      (
        await h.ctx.db
          .select()
          .from(mailOutbox)
          .where(and(eq(mailOutbox.to, repEmail), eq(mailOutbox.template, template)))
      ).length;

    // Long before: nothing happens.
    await h.ctx.jobs.runDue(new Date('2030-06-01T12:00:00Z'));
    expect((await get(membershipId)).history.map((x: { action: string }) => x.action)).toEqual(['created']);

    // 60 days before: the first reminder; running again the same day sends nothing more.
    await h.ctx.jobs.runDue(new Date('2030-11-12T12:00:00Z'));
    await h.ctx.jobs.runDue(new Date('2030-11-12T18:00:01Z'));
    expect(await mails('membership.reminder')).toBe(1);
    // 14 days before: the second.
    await h.ctx.jobs.runDue(new Date('2030-12-28T12:00:00Z'));
    expect(await mails('membership.reminder')).toBe(2);
    const [mail] = (
      await h.ctx.db
        .select()
        .from(mailOutbox)
        .where(and(eq(mailOutbox.to, repEmail), eq(mailOutbox.template, 'membership.reminder')))
    ).slice(-1);
    expect(mail.subject).toContain('2031-01-10');
    expect(mail.text).toContain('13天');
    expect((await get(membershipId)).status).toBe('active');

    // The term ends: grace for 30 days; still a member.
    await h.ctx.jobs.runDue(new Date('2031-01-10T12:00:00Z'));
    let m = await get(membershipId);
    expect(m).toMatchObject({ status: 'grace', graceUntil: '2031-02-09' });
    expect(await mails('membership.grace')).toBe(1);

    // Grace over: lapsed.
    await h.ctx.jobs.runDue(new Date('2031-02-08T12:00:00Z'));
    expect((await get(membershipId)).status).toBe('grace');
    await h.ctx.jobs.runDue(new Date('2031-02-09T12:00:00Z'));
    m = await get(membershipId);
    expect(m.status).toBe('lapsed');
    expect(await mails('membership.lapsed')).toBe(1);
    expect(m.history.map((x: { action: string }) => x.action)).toEqual(['created', 'reminder', 'reminder', 'grace', 'lapsed']);

    // Renewing a lapsed membership starts a fresh term; the reminders start over.
    expect(m.renewsTo).toBe(addMonths(isoDay(new Date()), 12));
    const r = await h.call(staff, {
      method: 'POST',
      url: `/api/v1/membership/memberships/${membershipId}/renew`,
      payload: { reason: 'fees paid', expectedRenewalDate: m.renewalDate },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().status).toBe('active');
    expect(r.json().renewalDate).toBe(addMonths(isoDay(new Date()), 12));
    expect(r.json().history.at(-1)).toMatchObject({ action: 'renewed', fromStatus: 'lapsed', toStatus: 'active', reason: 'fees paid' });
  });

  it('a member far in the future past both thresholds gets one reminder, not two', async () => {
    const { membershipId, repEmail } = await member('跳跃测试中心', { startDate: '2040-03-01' });
    await h.ctx.jobs.runDue(new Date('2041-02-25T00:00:00Z'));
    const reminders = await h.ctx.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.to, repEmail), eq(mailOutbox.template, 'membership.reminder')));
    expect(reminders).toHaveLength(1);
    expect((await get(membershipId)).history.filter((x: { action: string }) => x.action === 'reminder')).toHaveLength(1);
  });
});

describe('membership transitions', () => {
  const setups: Record<string, (id: string) => Promise<unknown>> = {
    active: async () => {},
    suspended: (id) =>
      h.call(staff, { method: 'POST', url: `/api/v1/membership/memberships/${id}/suspend`, payload: { reason: 'unpaid' } }),
    terminated: (id) =>
      h.call(staff, { method: 'POST', url: `/api/v1/membership/memberships/${id}/terminate`, payload: { reason: 'asked to leave' } }),
  };
  for (const [status, setup] of Object.entries(setups)) {
    for (const [action, t] of Object.entries(membershipTransitions)) {
      const allowed = (t.from as string[]).includes(status);
      it(`${action} from ${status} is ${allowed ? 'allowed' : 'refused with 409'}`, async () => {
        const { membershipId } = await member(`状态测试 ${status} ${action}`);
        await setup(membershipId);
        const { renewalDate } = await get(membershipId);
        const res = await h.call(staff, {
          method: 'POST',
          url: `/api/v1/membership/memberships/${membershipId}/${action}`,
          payload: { reason: 'because', ...(action === 'renew' ? { expectedRenewalDate: renewalDate } : {}) },
        });
        if (allowed) {
          expect(res.statusCode, res.body).toBe(200);
          expect(res.json().status).toBe(t.to);
          expect(res.json().history.at(-1)).toMatchObject({ fromStatus: status, toStatus: t.to, reason: 'because' });
        } else {
          expect(res.statusCode).toBe(409);
          expect(res.json().code).toBe('invalid_transition');
        }
      });
    }
  }

  it('a renewal extends the term it names once: a second identical request (a double click) is refused and changes nothing', async () => {
    const { membershipId } = await member('续期幂等测试', { startDate: '2026-01-01' });
    const before = await get(membershipId);
    expect(before).toMatchObject({ renewalDate: '2027-01-01', renewsTo: '2028-01-01' });
    const renew = () =>
      h.call(staff, {
        method: 'POST',
        url: `/api/v1/membership/memberships/${membershipId}/renew`,
        payload: { expectedRenewalDate: before.renewalDate },
      });
    const [first, second] = [await renew(), await renew()];
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ renewalDate: '2028-01-01', renewsTo: '2029-01-01' });
    expect(second.statusCode).toBe(409);
    expect(second.headers['content-type']).toContain('application/problem+json');
    expect(second.json()).toMatchObject({ code: 'renewal_date_changed', renewalDate: '2028-01-01' });
    const after = await get(membershipId);
    expect(after.renewalDate).toBe('2028-01-01');
    expect(after.history.filter((x: { action: string }) => x.action === 'renewed')).toHaveLength(1);
    // Without the date it extends, a renewal is not taken at all.
    const bare = await h.call(staff, { method: 'POST', url: `/api/v1/membership/memberships/${membershipId}/renew`, payload: {} });
    expect(bare.statusCode).toBe(400);
  });

  it('suspension and termination need a reason', async () => {
    const { membershipId } = await member('理由测试');
    expect(
      (await h.call(staff, { method: 'POST', url: `/api/v1/membership/memberships/${membershipId}/suspend`, payload: {} })).statusCode,
    ).toBe(400);
  });
});

describe('the member portal and the public directory', () => {
  it('a contact edits the profile and opts in; the public finds the member in any script; opting out hides it again', async () => {
    const { membershipId, repEmail } = await member('杭州网络安全研究中心');
    const rep = await signInAs(repEmail);
    const mine = await h.call(rep, { method: 'GET', url: '/api/v1/membership/portal' });
    expect(mine.json().map((m: { id: string }) => m.id)).toEqual([membershipId]);

    // Not listed before opting in.
    const hidden = await h.call(null, { method: 'GET', url: '/api/v1/membership/members?q=網路安全' });
    expect(hidden.json().items).toEqual([]);
    expect((await h.call(null, { method: 'GET', url: `/api/v1/membership/members/${membershipId}` })).statusCode).toBe(404);

    const prof = await h.call(rep, {
      method: 'PUT',
      url: `/api/v1/membership/portal/${membershipId}/profile`,
      payload: {
        description: { 'zh-Hans': '研究网络安全', en: 'Cybersecurity research' },
        website: 'https://hz-sec.example.org',
        sector: 'Research',
      },
    });
    expect(prof.statusCode, prof.body).toBe(200);
    expect(prof.json()).toMatchObject({ website: 'https://hz-sec.example.org', sector: 'Research' });
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6300010000050001',
      'hex',
    );
    const logo = await h.call(rep, {
      method: 'PUT',
      url: `/api/v1/membership/portal/${membershipId}/logo`,
      ...multipart('logo.png', png, 'image/png'),
    });
    expect(logo.statusCode, logo.body).toBe(200);
    expect(
      (await h.call(rep, { method: 'PUT', url: `/api/v1/membership/portal/${membershipId}/directory`, payload: { optIn: true } })).json()
        .directoryOptIn,
    ).toBe(true);

    // Traditional query, Simplified name.
    const found = await h.call(null, { method: 'GET', url: '/api/v1/membership/members?q=網路安全研究' });
    expect(found.json().items.map((m: { id: string }) => m.id)).toEqual([membershipId]);
    const page = await h.call(null, { method: 'GET', url: `/api/v1/membership/members/${membershipId}` });
    expect(page.json()).toMatchObject({ website: 'https://hz-sec.example.org', description: { en: 'Cybersecurity research' } });
    expect(page.json().logoUrl).toMatch(/^\/api\/v1\/files\/logos\//);
    expect((await h.call(null, { method: 'GET', url: page.json().logoUrl })).statusCode).toBe(200);
    expect(page.body).not.toContain(repEmail);
    const filtered = await h.call(null, { method: 'GET', url: '/api/v1/membership/members?continent=europe&q=杭州' });
    expect(filtered.json().items).toEqual([]);
    const [doc] = await h.ctx.db
      .select()
      .from(searchDocs)
      .where(and(eq(searchDocs.kind, 'member'), eq(searchDocs.id, membershipId)));
    expect(doc).toMatchObject({ visibility: 'public', url: `/members/${membershipId}` });

    await h.call(rep, { method: 'PUT', url: `/api/v1/membership/portal/${membershipId}/directory`, payload: { optIn: false } });
    expect((await h.call(null, { method: 'GET', url: '/api/v1/membership/members?q=杭州网络安全' })).json().items).toEqual([]);
    expect(
      await h.ctx.db
        .select()
        .from(searchDocs)
        .where(and(eq(searchDocs.kind, 'member'), eq(searchDocs.id, membershipId))),
    ).toEqual([]);
  });

  it('a lapsed or suspended member leaves the public directory and the index', async () => {
    const { membershipId, repEmail } = await member('暂停测试协会');
    const rep = await signInAs(repEmail);
    await h.call(rep, { method: 'PUT', url: `/api/v1/membership/portal/${membershipId}/directory`, payload: { optIn: true } });
    expect((await h.call(null, { method: 'GET', url: `/api/v1/membership/members/${membershipId}` })).statusCode).toBe(200);
    await h.call(staff, { method: 'POST', url: `/api/v1/membership/memberships/${membershipId}/suspend`, payload: { reason: 'unpaid' } });
    expect((await h.call(null, { method: 'GET', url: `/api/v1/membership/members/${membershipId}` })).statusCode).toBe(404);
    expect(
      await h.ctx.db
        .select()
        .from(searchDocs)
        .where(and(eq(searchDocs.kind, 'member'), eq(searchDocs.id, membershipId))),
    ).toEqual([]);
  });

  it('a contact cannot see or edit another organization, and manages representatives of their own', async () => {
    const a = await member('甲机构');
    const b = await member('乙机构');
    const repA = await signInAs(a.repEmail);
    for (const res of [
      await h.call(repA, { method: 'GET', url: `/api/v1/membership/portal/${b.membershipId}` }),
      await h.call(repA, {
        method: 'PUT',
        url: `/api/v1/membership/portal/${b.membershipId}/profile`,
        payload: { website: 'https://evil.example.org' },
      }),
      await h.call(repA, { method: 'PUT', url: `/api/v1/membership/portal/${b.membershipId}/directory`, payload: { optIn: true } }),
      await h.call(repA, {
        method: 'POST',
        url: `/api/v1/membership/portal/${b.membershipId}/representatives`,
        payload: { name: 'x', email: 'x@example.org' },
      }),
    ]) {
      expect(res.statusCode, res.body).toBe(404);
    }
    expect((await get(b.membershipId)).directoryOptIn).toBe(false);
    expect((await h.call(repA, { method: 'GET', url: `/api/v1/membership/memberships/${a.membershipId}` })).statusCode).toBe(403);

    // A contact invites; the invitee becomes a representative by accepting (representatives.test.ts has the details).
    const second = await h.user({ email: 'second@example.org' });
    const invited = await h.call(repA, {
      method: 'POST',
      url: `/api/v1/membership/portal/${a.membershipId}/representatives`,
      payload: { name: '新代表', email: 'second@example.org' },
    });
    expect(invited.statusCode, invited.body).toBe(200);
    expect(invited.json().representatives).toHaveLength(1);
    const [inviteMail] = await h.ctx.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.to, 'second@example.org'), eq(mailOutbox.template, 'membership.representativeInvite')));
    const token = /token=([A-Za-z0-9_-]+)/.exec(inviteMail.text)![1];
    expect((await h.call(second, { method: 'POST', url: `/api/v1/membership/invitations/${token}/accept` })).statusCode).toBe(200);
    const added = await h.call(second, { method: 'GET', url: `/api/v1/membership/portal/${a.membershipId}` });
    expect(added.statusCode).toBe(200);
    expect(added.json().representatives).toHaveLength(2);
    const selfId = added.json().representatives.find((r: { email: string }) => r.email === a.repEmail).userId;
    const removed = await h.call(second, {
      method: 'DELETE',
      url: `/api/v1/membership/portal/${a.membershipId}/representatives/${selfId}`,
    });
    expect(removed.json().representatives.map((r: { email: string }) => r.email)).toEqual(['second@example.org']);
    const secondId = removed.json().representatives[0].userId;
    const last = await h.call(second, { method: 'DELETE', url: `/api/v1/membership/portal/${a.membershipId}/representatives/${secondId}` });
    expect(last.statusCode).toBe(409);
    expect(last.json().code).toBe('last_representative');
  });
});
