import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantRole } from '../../features/accounts/service.js';
import { createHarness, multipart, type Harness, type TestUser } from '../../test/harness.js';
import { changedTables, snapshot } from '../../test/snapshot.js';

/**
 * Regression tests for the access holes an outside test found (issue 24, holes
 * 1–4; holes 5 and 6 are in src/features/membership/representatives.test.ts).
 */

let h: Harness;
let staff: TestUser;
let applicant: TestUser;
let orgMine: string;
let orgOther: string;
const hour = 3_600_000;
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function ok<T = any>(p: Promise<{ statusCode: number; json: () => any; body: string }>, status = 200): Promise<T> {
  const res = await p;
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res.json();
}

/** Every object inside a JSON value. */
const objectsIn = (v: unknown): Array<Record<string, any>> =>
  Array.isArray(v)
    ? v.flatMap(objectsIn)
    : v && typeof v === 'object'
      ? [v as Record<string, any>, ...Object.values(v).flatMap(objectsIn)]
      : [];

async function newCall(template: string, codePrefix: string) {
  const now = Date.now();
  return (
    await ok(
      h.call(staff, {
        method: 'POST',
        url: '/api/v1/calls',
        payload: {
          template,
          codePrefix,
          year: 2026,
          opensAt: new Date(now - hour).toISOString(),
          closesAt: new Date(now + 24 * hour).toISOString(),
          published: true,
        },
      }),
      201,
    )
  ).id as string;
}

const org = async (name: string) =>
  (
    await ok(
      h.call(staff, {
        method: 'POST',
        url: '/api/v1/directory/organizations',
        payload: { name: { en: name }, countryCode: 'CN', stakeholderGroup: 'civil-society' },
      }),
      201,
    )
  ).id as string;

beforeAll(async () => {
  h = await createHarness();
  staff = await h.user({ roles: ['secretariat'] });
  applicant = await h.user({ email: 'applicant@holes.example' });
  orgMine = await org('Applicant Network');
  orgOther = await org('A Reviewer’s Institute');
  await grantRole(h.ctx.db, applicant.id, 'org_contact', { type: 'organization', id: orgMine });
  await ok(
    h.call(staff, {
      method: 'POST',
      url: '/api/v1/membership/categories',
      payload: { key: 'institutional', applicantKind: 'organization', name: { en: 'Institutional member' }, termMonths: 12 },
    }),
    201,
  );
});
afterAll(() => h.close());

describe('hole 1: a decision not yet sent stays hidden on every path', () => {
  it('download-my-data, the submission view and the feedback agree: no decision until it is sent', async () => {
    const callId = await newCall('practice-case', 'HOLE');
    const d = await ok(h.call(applicant, { method: 'POST', url: `/api/v1/calls/${callId}/submissions`, payload: { answers: {} } }), 201);
    const up = multipart('plan.pdf', pdf, 'application/pdf');
    const f = await ok(
      h.call(applicant, { method: 'POST', url: `/api/v1/submissions/${d.id}/files`, payload: up.payload, headers: up.headers }),
      201,
    );
    const answers = {
      title: { en: 'Rural networks' },
      applicantType: 'civil-society',
      organization: 'Applicant Network',
      country: 'CN',
      summary: { en: 'Summary' },
      practice: { en: 'Practice' },
      results: { en: 'Results' },
      keywords: 'rural',
      team: [],
      attachment: f.fileId,
    };
    await ok(
      h.call(applicant, {
        method: 'PUT',
        url: `/api/v1/submissions/${d.id}`,
        payload: { answers, category: 'digital-economy', organizationId: orgMine },
      }),
    );
    await ok(h.call(applicant, { method: 'POST', url: `/api/v1/submissions/${d.id}/submit` }));
    await ok(
      h.call(staff, {
        method: 'POST',
        url: `/api/v1/review/calls/${callId}/decisions`,
        payload: { decisions: [{ submissionId: d.id, decision: 'not_selected' }], notify: false },
      }),
    );

    const decisionIn = async () => {
      const data = await ok(h.call(applicant, { method: 'GET', url: '/api/v1/me/data' }));
      const [mine] = objectsIn(data).filter((o) => typeof o.code === 'string' && o.code.startsWith('HOLE-2026-'));
      return {
        data: mine.decision,
        view: (await ok(h.call(applicant, { method: 'GET', url: `/api/v1/submissions/${d.id}` }))).decision,
        feedback: (await ok(h.call(applicant, { method: 'GET', url: `/api/v1/submissions/${d.id}/feedback` }))).decision,
      };
    };
    expect(await decisionIn()).toEqual({ data: null, view: null, feedback: null });
    // Staff see what they recorded.
    expect((await ok(h.call(staff, { method: 'GET', url: `/api/v1/submissions/${d.id}` }))).decision).toBe('not_selected');
    // Once sent, every path shows it.
    await ok(
      h.call(staff, {
        method: 'POST',
        url: `/api/v1/review/calls/${callId}/decisions`,
        payload: { decisions: [{ submissionId: d.id, decision: 'not_selected' }], notify: true },
      }),
    );
    expect(await decisionIn()).toEqual({ data: 'not_selected', view: 'not_selected', feedback: 'not_selected' });
  });
});

describe('hole 2: a nomination answers the nominating organization, not the staff view', () => {
  it('the answer is the same whether or not the nominee has an account, and carries no account id', async () => {
    const callId = await newCall('youth-leaders', 'YHOLE');
    const nominee = await h.user({ email: 'has.account@holes.example' });
    const withAccount = await ok(
      h.call(applicant, {
        method: 'POST',
        url: `/api/v1/calls/${callId}/nominations`,
        payload: { organizationId: orgMine, name: 'Has Account', email: nominee.email },
      }),
      201,
    );
    const without = await ok(
      h.call(applicant, {
        method: 'POST',
        url: `/api/v1/calls/${callId}/nominations`,
        payload: { organizationId: orgMine, name: 'No Account', email: 'no.account@holes.example' },
      }),
      201,
    );
    expect(Object.keys(withAccount).sort()).toEqual(Object.keys(without).sort());
    expect(JSON.stringify(withAccount)).not.toContain(nominee.id);
    for (const key of ['applicantId', 'screening', 'eligibilityProblems', 'round', 'nomineeEmail', 'decision', 'answers'])
      expect(withAccount).not.toHaveProperty(key);
    expect(withAccount).toMatchObject({ nomineeName: 'Has Account', nominated: true, status: 'draft' });
    // Staff nominating get the staff view.
    const byStaff = await ok(
      h.call(staff, {
        method: 'POST',
        url: `/api/v1/calls/${callId}/nominations`,
        payload: { organizationId: orgMine, name: 'Staff Pick', email: 'staff.pick@holes.example' },
      }),
      201,
    );
    expect(byStaff).toHaveProperty('screening', 'pending');
  });
});

describe('hole 3: an anonymous start never writes into an existing account', () => {
  it('an address with an account gets a sign-in link back to the form; no draft, no audit entry in the owner’s name', async () => {
    const owner = await h.user({ email: 'owner@holes.example' });
    await h.database.rows(sql`update users set locale = 'zh-Hant' where id = ${owner.id}`);
    const before = await snapshot(h.database);
    const res = await h.call(null, {
      method: 'POST',
      url: '/api/v1/membership/applications/start',
      payload: {
        email: 'Owner@holes.example',
        name: 'Someone else',
        locale: 'en',
        categoryKey: 'institutional',
        data: { motivation: 'text written by someone else' },
      },
    });
    expect(res.statusCode).toBe(202);
    // Only the sign-in link: its token and its mail.
    expect(changedTables(before, await snapshot(h.database), ['mail_outbox', 'email_tokens', 'jobs'])).toEqual([]);
    expect(await ok(h.call(owner, { method: 'GET', url: '/api/v1/membership/applications/mine' }))).toEqual([]);
    const [mail] = await h.database.rows<{ text: string }>(sql`select text from mail_outbox where "to" = 'owner@holes.example'`);
    const link = new URL(/https?:\/\/\S+/.exec(mail.text)![0]);
    expect(link.searchParams.get('next')).toBe('/zh-hant/membership/apply'); // the owner's language, not the visitor's
    expect(link.searchParams.get('lang')).toBe('zh-hant');
    expect(mail.text).not.toContain('someone else');
    // A new address still gets its draft, and the same answer.
    const fresh = await h.call(null, {
      method: 'POST',
      url: '/api/v1/membership/applications/start',
      payload: {
        email: 'new@holes.example',
        name: 'Someone else',
        locale: 'zh-Hans',
        categoryKey: 'institutional',
        data: { motivation: 'text written by someone else' },
      },
    });
    expect([fresh.statusCode, fresh.body], fresh.body).toEqual([202, res.body]);
    // An unknown category is refused alike, with or without an account.
    const bad = (email: string) =>
      h.call(null, {
        method: 'POST',
        url: '/api/v1/membership/applications/start',
        payload: { email, name: 'X', locale: 'en', categoryKey: 'nope', data: {} },
      });
    const [a, b] = [await bad('owner@holes.example'), await bad('nobody@holes.example')];
    expect([a.statusCode, a.body]).toEqual([b.statusCode, b.body]);
  });
});

describe('hole 4: an entry is filed only for an organization the applicant acts for', () => {
  it('a foreign or unknown organization id is refused and nothing is written', async () => {
    const callId = await newCall('practice-case', 'HOLF');
    for (const organizationId of [orgOther, '0b6f3a52-1c1e-4f9e-8d6a-3f6c2b1a9e77']) {
      const before = await snapshot(h.database);
      const res = await h.call(applicant, {
        method: 'POST',
        url: `/api/v1/calls/${callId}/submissions`,
        payload: { answers: {}, organizationId },
      });
      expect([res.statusCode, res.json().code, res.json().errors[0].path]).toEqual([404, 'reference_not_found', 'organizationId']);
      expect(changedTables(before, await snapshot(h.database))).toEqual([]);
    }
    const d = await ok(
      h.call(applicant, { method: 'POST', url: `/api/v1/calls/${callId}/submissions`, payload: { answers: {}, organizationId: orgMine } }),
      201,
    );
    expect(d.organizationId).toBe(orgMine);
    // Moving the entry to another organization later is refused the same way.
    const moved = await h.call(applicant, {
      method: 'PUT',
      url: `/api/v1/submissions/${d.id}`,
      payload: { answers: {}, organizationId: orgOther },
    });
    expect([moved.statusCode, moved.json().code]).toEqual([404, 'reference_not_found']);
    expect((await ok(h.call(applicant, { method: 'GET', url: `/api/v1/submissions/${d.id}` }))).organizationId).toBe(orgMine);
  });
});

describe('download-my-data follows the same rule as the screens', () => {
  it('someone named as a representative in another’s application gets what it says of them, not the rest', async () => {
    const named = await h.user({ email: 'named.rep@holes.example' });
    const other = 'other.rep@holes.example';
    const app = await ok(
      h.call(applicant, {
        method: 'POST',
        url: '/api/v1/membership/applications',
        payload: {
          categoryKey: 'institutional',
          data: {
            organization: { name: { en: 'Holes Institute' } },
            representatives: [
              { name: 'Named', email: named.email },
              { name: 'Other', email: other },
            ],
            motivation: 'private motivation',
          },
        },
      }),
      201,
    );
    const data = JSON.stringify(await ok(h.call(named, { method: 'GET', url: '/api/v1/me/data' })));
    expect(data).toContain(app.id);
    expect(data).toContain(named.email);
    expect(data).not.toContain(other);
    expect(data).not.toContain('private motivation');
  });
});
