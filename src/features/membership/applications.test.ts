import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, multipart, type Harness, type TestUser } from '../../test/harness.js';
import { mailOutbox } from '../../platform/mail/model.js';
import { loadActorBySession, userByEmail } from '../accounts/index.js';
import { rolesOf } from '../accounts/testkit.js';
import { getOrganization, personByEmail } from '../directory/index.js';
import { transitions } from './service.js';

let h: Harness;
let staff: TestUser;
let applicant: TestUser;
let other: TestUser;
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
let n = 0;

beforeAll(async () => {
  h = await createHarness();
  staff = await h.user({ roles: ['secretariat'] });
  applicant = await h.user({ name: '申请人' });
  other = await h.user();
  const cat = (body: object) => h.call(staff, { method: 'POST', url: '/api/v1/membership/categories', payload: body });
  expect(
    (
      await cat({
        key: 'institutional',
        applicantKind: 'organization',
        name: { en: 'Institutional member', 'zh-Hans': '机构会员' },
        requiredFields: ['organization.website'],
        requiredDocuments: [{ key: 'registration', label: { en: 'Registration certificate' } }],
      })
    ).statusCode,
  ).toBe(201);
  expect(
    (await cat({ key: 'individual', applicantKind: 'individual', name: { en: 'Individual member' }, requiredFields: ['motivation'] }))
      .statusCode,
  ).toBe(201);
});
afterAll(() => h.close());

const orgData = (name = `测试网络研究所 ${++n}`) => ({
  organization: { name: { 'zh-Hans': name }, countryCode: 'CN', stakeholderGroup: 'academia', website: 'https://lab.example.org' },
  representatives: [{ name: '代表', email: `rep${n}-${Date.now()}@example.org`, title: '主任' }],
  motivation: '促进交流',
});

async function create(who = applicant, data: object = orgData()) {
  const res = await h.call(who, {
    method: 'POST',
    url: '/api/v1/membership/applications',
    payload: { categoryKey: 'institutional', locale: 'zh-Hans', data },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}
const act = (who: TestUser | null, id: string, action: string, payload: object = {}) =>
  h.call(who, { method: 'POST', url: `/api/v1/membership/applications/${id}/${action}`, payload });
const upload = (who: TestUser, id: string, docKey = 'registration', data = pdf, name = 'registration.pdf') => {
  const m = multipart(name, data, 'application/pdf', { docKey });
  return h.call(who, { method: 'POST', url: `/api/v1/membership/applications/${id}/documents`, ...m });
};

async function inStatus(status: string) {
  const id = await create();
  expect((await upload(applicant, id)).statusCode).toBe(201);
  if (status === 'draft') return id;
  if (status === 'withdrawn') {
    expect((await act(applicant, id, 'withdraw')).statusCode).toBe(200);
    return id;
  }
  expect((await act(applicant, id, 'submit')).statusCode).toBe(200);
  if (status === 'submitted') return id;
  if (status === 'info_requested') expect((await act(staff, id, 'request-info', { reason: '请补充年报' })).statusCode).toBe(200);
  if (status === 'approved') expect((await act(staff, id, 'approve', {})).statusCode).toBe(200);
  if (status === 'rejected') expect((await act(staff, id, 'reject', { reason: '不符合条件' })).statusCode).toBe(200);
  return id;
}

describe('the application state machine', () => {
  const statuses = ['draft', 'submitted', 'info_requested', 'approved', 'rejected', 'withdrawn'] as const;
  const actions = [
    {
      action: 'edit',
      call: (id: string) =>
        h.call(applicant, { method: 'PUT', url: `/api/v1/membership/applications/${id}`, payload: { data: orgData() } }),
    },
    { action: 'submit', call: (id: string) => act(applicant, id, 'submit') },
    { action: 'withdraw', call: (id: string) => act(applicant, id, 'withdraw') },
    { action: 'request_info', call: (id: string) => act(staff, id, 'request-info', { reason: 'more please' }) },
    { action: 'approve', call: (id: string) => act(staff, id, 'approve', {}) },
    { action: 'reject', call: (id: string) => act(staff, id, 'reject', { reason: 'no' }) },
  ] as const;
  // A repeated submit or withdraw (a double click) is answered as done, not refused.
  const idempotent = new Set(['submitted:submit', 'withdrawn:withdraw']);

  for (const status of statuses) {
    for (const a of actions) {
      const allowed = transitions[a.action].from.includes(status) || idempotent.has(`${status}:${a.action}`);
      it(`${a.action} from ${status} is ${allowed ? 'allowed' : 'refused with 409'}`, async () => {
        const id = await inStatus(status);
        const res = await a.call(id);
        if (allowed) {
          expect(res.statusCode, res.body).toBe(200);
          const to = transitions[a.action].to;
          if (to) expect(res.json().status).toBe(to);
        } else {
          expect(res.statusCode, res.body).toBe(409);
          expect(res.json().code).toBe('invalid_transition');
          expect(res.json().status).toBe(status);
          const after = await h.call(staff, { method: 'GET', url: `/api/v1/membership/applications/${id}` });
          expect(after.json().status).toBe(status);
        }
      });
    }
  }

  it('refuses to submit an incomplete application and names what is missing', async () => {
    const id = await create(applicant, { organization: { name: { en: 'Half Done Org' }, countryCode: 'CN' } });
    const res = await act(applicant, id, 'submit');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('application_incomplete');
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(res.body).toContain('data.organization.stakeholderGroup');
    expect(res.body).toContain('data.organization.website');
    expect(res.body).toContain('data.representatives');
    expect(res.body).toContain('documents.registration');
    expect(paths).toHaveLength(4);
  });

  it('type-checks and size-caps documents', async () => {
    const id = await create();
    const txt = await upload(applicant, id, 'registration', Buffer.from('just text, not a pdf'), 'fake.pdf');
    expect(txt.statusCode).toBe(415);
    expect(txt.json().code).toBe('file_type_not_allowed');
    const big = await upload(applicant, id, 'registration', Buffer.concat([pdf, Buffer.alloc(11 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
    const ok = await upload(applicant, id);
    expect(ok.statusCode).toBe(201);
    const dl = await h.call(applicant, { method: 'GET', url: `/api/v1/membership/applications/${id}/documents/${ok.json().id}` });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toContain('application/pdf');
    expect(
      (await h.call(other, { method: 'GET', url: `/api/v1/membership/applications/${id}/documents/${ok.json().id}` })).statusCode,
    ).toBe(404);
  });
});

describe('approval', () => {
  it('creates the membership, the organization and people, and contact accounts with the scoped role, in one go', async () => {
    const email = `lead-${Date.now()}@example.org`;
    const id = await create(applicant, {
      ...orgData('乌镇数字治理研究院'),
      representatives: [{ name: '张三', nameLatin: 'Zhang San', email, title: '院长' }],
    });
    await upload(applicant, id);
    await act(applicant, id, 'submit');
    const res = await act(staff, id, 'approve', { reason: '欢迎加入' });
    expect(res.statusCode, res.body).toBe(200);
    const app = res.json();
    expect(app.status).toBe('approved');
    expect(app.membershipId).toBeTruthy();
    const org = await getOrganization(h.ctx.db, app.organizationId);
    expect(org.name['zh-Hans']).toBe('乌镇数字治理研究院');
    const u = (await userByEmail(h.ctx.db, email))!;
    expect(u.locale).toBe('zh-Hans');
    expect(await rolesOf(h.ctx.db, u.id)).toEqual([{ role: 'org_contact', scopeType: 'organization', scopeId: org.id }]);
    const p = await personByEmail(h.ctx.db, email);
    expect(p?.userId).toBe(u.id);
    const m = await h.call(staff, { method: 'GET', url: `/api/v1/membership/memberships/${app.membershipId}` });
    expect(m.json()).toMatchObject({ status: 'active', organizationId: org.id, directoryOptIn: false });
    expect(m.json().history.map((x: { action: string }) => x.action)).toEqual(['created']);
    const mails = await h.ctx.db.select().from(mailOutbox);
    expect(mails.some((x) => x.to === email && x.template === 'membership.contactWelcome' && x.subject.includes('会员代表'))).toBe(true);
    expect(mails.some((x) => x.to === applicant.email && x.template === 'membership.approved' && x.subject.includes('欢迎加入'))).toBe(
      true,
    );
  });

  it('links to an existing directory organization of the same name instead of duplicating it', async () => {
    const existing = await h.call(staff, {
      method: 'POST',
      url: '/api/v1/directory/organizations',
      payload: { name: { en: 'Existing Net Lab', 'zh-Hans': '现有网络实验室' }, countryCode: 'SG', stakeholderGroup: 'academia' },
    });
    const id = await create(applicant, { ...orgData('現有網路實驗室') });
    await upload(applicant, id);
    await act(applicant, id, 'submit');
    const res = await act(staff, id, 'approve', {});
    expect(res.json().organizationId).toBe(existing.json().id);
    // A second application for the same organization cannot create a second membership.
    const again = await create(applicant, { ...orgData('现有网络实验室') });
    await upload(applicant, again);
    await act(applicant, again, 'submit');
    const dup = await act(staff, again, 'approve', {});
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('already_member');
  });

  it('an individual application makes the applicant a member, and isMember answers yes', async () => {
    const person = await h.user({ name: 'Ana Individual' });
    const res = await h.call(person, {
      method: 'POST',
      url: '/api/v1/membership/applications',
      payload: {
        categoryKey: 'individual',
        data: { individual: { name: 'Ana Individual', countryCode: 'BR' }, motivation: 'I study the digital divide.' },
      },
    });
    const id = res.json().id;
    expect((await act(person, id, 'submit')).statusCode).toBe(200);
    const actorOf = (u: TestUser) => loadActorBySession(h.ctx.db, u.cookie.split('=')[1]);
    expect(await h.ctx.membership.isMember(await actorOf(person))).toBe(false);
    expect((await act(staff, id, 'approve', {})).statusCode).toBe(200);
    expect(await h.ctx.membership.isMember(await actorOf(person))).toBe(true);
    expect(await h.ctx.membership.isMember(await actorOf(other))).toBe(false);
    expect(await h.ctx.membership.isMember(null)).toBe(false);
  });
});

describe('the thread', () => {
  it('the applicant answers a request in the same thread, and never sees internal comments', async () => {
    const id = await inStatus('submitted');
    expect(
      (
        await h.call(staff, {
          method: 'POST',
          url: `/api/v1/membership/applications/${id}/messages`,
          payload: { body: 'INTERNAL: check the registry', internal: true },
        })
      ).statusCode,
    ).toBe(200);
    expect((await act(staff, id, 'request-info', { reason: '请上传最新年报' })).statusCode).toBe(200);
    const seen = await h.call(applicant, { method: 'GET', url: `/api/v1/membership/applications/${id}` });
    expect(seen.json().status).toBe('info_requested');
    expect(seen.body).not.toContain('INTERNAL');
    expect(seen.json().applicantEmail).toBeUndefined();
    expect(seen.json().messages.some((m: { kind: string; body: string }) => m.kind === 'info_request' && m.body === '请上传最新年报')).toBe(
      true,
    );
    expect(seen.json().actions).toEqual(expect.arrayContaining(['edit', 'submit', 'withdraw', 'message']));
    const reply = await h.call(applicant, {
      method: 'POST',
      url: `/api/v1/membership/applications/${id}/messages`,
      payload: { body: '已上传' },
    });
    expect(reply.statusCode).toBe(200);
    const sneaky = await h.call(applicant, {
      method: 'POST',
      url: `/api/v1/membership/applications/${id}/messages`,
      payload: { body: 'x', internal: true },
    });
    expect(sneaky.statusCode).toBe(403);
    expect((await act(applicant, id, 'submit')).json().status).toBe('submitted');
    const staffView = await h.call(staff, { method: 'GET', url: `/api/v1/membership/applications/${id}` });
    expect(staffView.body).toContain('INTERNAL');
    expect(staffView.json().applicantEmail).toBe(applicant.email);
    const mails = await h.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.to, applicant.email));
    expect(mails.some((m) => m.template === 'membership.infoRequested' && m.text.includes('请上传最新年报'))).toBe(true);
    const toStaff = await h.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.to, staff.email));
    expect(toStaff.some((m) => m.template === 'membership.answered' && m.text.includes(`/admin/membership/applications/${id}`))).toBe(true);
  });
});

describe('permissions', () => {
  it('an applicant cannot read, edit or act on another application', async () => {
    const id = await create();
    for (const res of [
      await h.call(other, { method: 'GET', url: `/api/v1/membership/applications/${id}` }),
      await h.call(other, { method: 'PUT', url: `/api/v1/membership/applications/${id}`, payload: { data: orgData() } }),
      await act(other, id, 'submit'),
      await act(other, id, 'withdraw'),
      await upload(other, id),
      await h.call(other, { method: 'POST', url: `/api/v1/membership/applications/${id}/messages`, payload: { body: 'hi' } }),
    ]) {
      expect(res.statusCode, res.body).toBe(404);
    }
    const mine = await h.call(other, { method: 'GET', url: '/api/v1/membership/applications/mine' });
    expect(mine.json().map((a: { id: string }) => a.id)).not.toContain(id);
  });

  it('only the secretariat sees the queue and decides', async () => {
    const id = await inStatus('submitted');
    expect((await h.call(applicant, { method: 'GET', url: '/api/v1/membership/applications' })).statusCode).toBe(403);
    expect((await act(applicant, id, 'approve', {})).statusCode).toBe(403);
    expect((await act(applicant, id, 'request-info', { reason: 'x' })).statusCode).toBe(403);
    expect((await act(null, id, 'approve', {})).statusCode).toBe(401);
    const q = await h.call(staff, {
      method: 'GET',
      url: '/api/v1/membership/applications?status=submitted&country=CN&continent=asia&stakeholderGroup=academia&category=institutional',
    });
    expect(q.statusCode).toBe(200);
    expect(q.json().items.map((a: { id: string }) => a.id)).toContain(id);
    const none = await h.call(staff, { method: 'GET', url: '/api/v1/membership/applications?status=submitted&continent=africa' });
    expect(none.json().items.map((a: { id: string }) => a.id)).not.toContain(id);
    // Drafts stay out of the queue unless asked for.
    const draft = await create();
    const all = await h.call(staff, { method: 'GET', url: '/api/v1/membership/applications?pageSize=200' });
    expect(all.json().items.map((a: { id: string }) => a.id)).not.toContain(draft);
  });
});

describe('starting without an account', () => {
  it('saves the draft and mails a sign-in link that leads back to it', async () => {
    const email = `visitor-${Date.now()}@example.org`;
    const res = await h.call(null, {
      method: 'POST',
      url: '/api/v1/membership/applications/start',
      payload: { email, name: '访客', locale: 'zh-Hans', categoryKey: 'institutional', data: orgData('访客网络协会') },
    });
    expect(res.statusCode).toBe(202);
    const [mail] = await h.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.to, email));
    expect(mail.subject).toBe('您的登录链接');
    const link = new URL(/https?:\/\/\S+/.exec(mail.text)![0]);
    expect(link.pathname).toBe('/auth/link');
    expect(link.searchParams.get('lang')).toBe('zh-hans');
    const token = link.searchParams.get('token');
    const next = link.searchParams.get('next')!;
    expect(next).toMatch(/^\/my\/applications\/[0-9a-f-]{36}\?lang=zh-hans$/);
    const signIn = await h.call(null, { method: 'POST', url: '/api/v1/auth/login-link/redeem', payload: { token } });
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json().next).toBe(next);
    const cookie = String(signIn.headers['set-cookie']).split(';')[0];
    const visitor = { id: '', email, cookie, csrf: signIn.json().csrfToken };
    const draft = await h.call(visitor, { method: 'GET', url: `/api/v1/membership/applications/${/[0-9a-f-]{36}/.exec(next)![0]}` });
    expect(draft.statusCode).toBe(200);
    expect(draft.json()).toMatchObject({ status: 'draft', displayName: '访客网络协会' });
  });
});

describe('categories', () => {
  it('the secretariat configures categories; the public sees the active ones; the requirements apply on submit', async () => {
    const created = await h.call(staff, {
      method: 'POST',
      url: '/api/v1/membership/categories',
      payload: {
        key: 'enterprise',
        applicantKind: 'organization',
        name: { en: 'Enterprise member', 'zh-Hans': '企业会员' },
        termMonths: 24,
      },
    });
    expect(created.statusCode).toBe(201);
    expect(
      (
        await h.call(staff, {
          method: 'POST',
          url: '/api/v1/membership/categories',
          payload: { key: 'enterprise', applicantKind: 'organization', name: { en: 'Again' } },
        })
      ).json().code,
    ).toBe('category_key_taken');
    expect(
      (
        await h.call(applicant, {
          method: 'POST',
          url: '/api/v1/membership/categories',
          payload: { key: 'x1', applicantKind: 'organization', name: { en: 'X' } },
        })
      ).statusCode,
    ).toBe(403);
    const pub = await h.call(null, { method: 'GET', url: '/api/v1/membership/categories' });
    expect(pub.json().map((c: { key: string }) => c.key)).toEqual(expect.arrayContaining(['institutional', 'individual', 'enterprise']));

    // Without requirements an application submits; after the secretariat adds a required document, a new one does not.
    const make = async () =>
      (
        await h.call(applicant, {
          method: 'POST',
          url: '/api/v1/membership/applications',
          payload: { categoryKey: 'enterprise', data: orgData() },
        })
      ).json().id as string;
    expect((await act(applicant, await make(), 'submit')).statusCode).toBe(200);
    const upd = await h.call(staff, {
      method: 'PUT',
      url: `/api/v1/membership/categories/${created.json().id}`,
      payload: {
        key: 'enterprise',
        applicantKind: 'organization',
        name: { en: 'Enterprise member' },
        termMonths: 24,
        requiredDocuments: [{ key: 'licence', label: { en: 'Business licence', 'zh-Hans': '营业执照' } }],
      },
    });
    expect(upd.statusCode, upd.body).toBe(200);
    const second = await make();
    const refused = await act(applicant, second, 'submit');
    expect(refused.json().errors).toEqual([expect.objectContaining({ path: 'documents.licence' })]);
    expect((await upload(applicant, second, 'licence')).statusCode).toBe(201);
    expect((await act(applicant, second, 'submit')).statusCode).toBe(200);
    // The kind of applicant cannot change once applications use the category.
    const kind = await h.call(staff, {
      method: 'PUT',
      url: `/api/v1/membership/categories/${created.json().id}`,
      payload: { key: 'enterprise', applicantKind: 'individual', name: { en: 'E' } },
    });
    expect(kind.json().code).toBe('category_in_use');
    // Inactive categories take no new applications.
    await h.call(staff, {
      method: 'PUT',
      url: `/api/v1/membership/categories/${created.json().id}`,
      payload: { key: 'enterprise', applicantKind: 'organization', name: { en: 'E' }, active: false },
    });
    expect(
      (
        await h.call(applicant, {
          method: 'POST',
          url: '/api/v1/membership/applications',
          payload: { categoryKey: 'enterprise', data: {} },
        })
      ).statusCode,
    ).toBe(400);
  });
});

describe('privacy', () => {
  it('download-my-data holds the applications; erasure removes the name from applications, threads and the public directory but keeps the membership for the figures', async () => {
    const person = await h.user({ name: 'Erin Erase' });
    const admin = await h.user({ roles: ['admin'] });
    const c = await h.call(person, {
      method: 'POST',
      url: '/api/v1/membership/applications',
      payload: {
        categoryKey: 'individual',
        data: { individual: { name: 'Erin Erase', countryCode: 'IE', gender: 'female' }, motivation: 'Privacy research.' },
      },
    });
    const id = c.json().id;
    await act(person, id, 'submit');
    await h.call(person, {
      method: 'POST',
      url: `/api/v1/membership/applications/${id}/messages`,
      payload: { body: 'My phone is +353 1 555 0199' },
    });
    const approved = await act(staff, id, 'approve', { directoryOptIn: true });
    const membershipId = approved.json().membershipId;
    expect((await h.call(null, { method: 'GET', url: `/api/v1/membership/members/${membershipId}` })).json().name.en).toBe('Erin Erase');

    const mine = await h.call(person, { method: 'GET', url: '/api/v1/me/data' });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().membership.applications.map((a: { id: string }) => a.id)).toEqual([id]);
    expect(mine.json().membership.memberships).toHaveLength(1);

    const m = await h.call(staff, { method: 'GET', url: `/api/v1/membership/memberships/${membershipId}` });
    const erase = await h.call(admin, {
      method: 'POST',
      url: `/api/v1/admin/people/${m.json().personId}/erase`,
      payload: { confirm: true },
    });
    expect(erase.statusCode, erase.body).toBe(200);
    expect((await h.call(null, { method: 'GET', url: `/api/v1/membership/members/${membershipId}` })).statusCode).toBe(404);
    const app = await h.call(staff, { method: 'GET', url: `/api/v1/membership/applications/${id}` });
    expect(app.body).not.toContain('Erin');
    expect(app.body).not.toContain('555 0199');
    expect(app.json().data.individual).toEqual({ countryCode: 'IE', gender: 'female' });
    const after = await h.call(staff, { method: 'GET', url: `/api/v1/membership/memberships/${membershipId}` });
    expect(after.json()).toMatchObject({ status: 'active', countryCode: 'IE', directoryOptIn: false });
  });
});
