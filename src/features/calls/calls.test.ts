import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantRole } from '../accounts/index.js';
import { hansToHant } from '../../platform/i18n/index.js';
import { createHarness, multipart, type Harness, type TestUser } from '../../test/harness.js';

let h: Harness;
let staff: TestUser;
let alice: TestUser; // applicant
let bob: TestUser; // another applicant
let rev1: TestUser;
let rev2: TestUser;
let revConflicted: TestUser; // same organization as Alice's submission
let callId: string;
let orgId: string;

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const hour = 3_600_000;

async function ok<T = any>(p: Promise<{ statusCode: number; json: () => any; body: string }>, status = 200): Promise<T> {
  const res = await p;
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res.json();
}

async function person(name: string, email: string, country: string, organizationId?: string) {
  return ok(
    h.call(staff, {
      method: 'POST',
      url: '/api/v1/directory/people',
      payload: { name, email, countryCode: country, affiliations: organizationId ? [{ organizationId }] : [] },
    }),
    201,
  );
}

const answers = (fileId: string, extra: Record<string, unknown> = {}) => ({
  title: { 'zh-Hans': '乡村数字经济网络普惠实践' },
  applicantType: 'civil-society',
  organization: '浙江乡村数字促进会',
  country: 'CN',
  summary: { 'zh-Hans': '通过网络基础设施和软件培训，帮助乡村发展数字经济。' },
  practice: { 'zh-Hans': '建设网络、培训人员、开展电商。' },
  results: { 'zh-Hans': '惠及十万农户，信息服务全面覆盖。' },
  keywords: 'digital-economy, rural',
  team: [{ name: '周同', email: 'zhou@coapp.example' }],
  attachment: fileId,
  ...extra,
});

let calls = 0;
async function newCall(patch: Record<string, unknown> = {}) {
  const now = Date.now();
  if (calls++ > 0 && !patch.codePrefix) patch = { codePrefix: `CASE${calls}`, ...patch };
  const c = await ok(
    h.call(staff, {
      method: 'POST',
      url: '/api/v1/calls',
      payload: {
        template: 'practice-case',
        year: 2025,
        opensAt: new Date(now - hour).toISOString(),
        closesAt: new Date(now + 24 * hour).toISOString(),
        published: true,
        reviewsPerSubmission: 2,
        ...patch,
      },
    }),
    201,
  );
  return c.id as string;
}

async function draftWithFile(who: TestUser, cid: string, extra: Record<string, unknown> = {}) {
  const d = await ok(
    h.call(who, { method: 'POST', url: `/api/v1/calls/${cid}/submissions`, payload: { answers: { title: { 'zh-Hans': '草稿' } } } }),
    201,
  );
  const up = multipart('方案.pdf', pdf, 'application/pdf');
  const f = await ok(
    h.call(who, { method: 'POST', url: `/api/v1/submissions/${d.id}/files`, payload: up.payload, headers: up.headers }),
    201,
  );
  await ok(
    h.call(who, {
      method: 'PUT',
      url: `/api/v1/submissions/${d.id}`,
      payload: { answers: answers(f.fileId, extra), category: 'digital-economy', organizationId: orgId },
    }),
  );
  return { id: d.id as string, code: d.code as string, fileId: f.fileId as string };
}

beforeAll(async () => {
  h = await createHarness();
  staff = await h.user({ roles: ['secretariat'] });
  alice = await h.user({ email: 'alice@applicant.example' });
  bob = await h.user({ email: 'bob@applicant.example' });
  rev1 = await h.user({ email: 'rev1@experts.example', roles: ['reviewer'] });
  rev2 = await h.user({ email: 'rev2@experts.example', roles: ['reviewer'] });
  revConflicted = await h.user({ email: 'rev3@experts.example', roles: ['reviewer'] });
  const org = await ok(
    h.call(staff, {
      method: 'POST',
      url: '/api/v1/directory/organizations',
      payload: { name: { 'zh-Hans': '浙江乡村数字促进会' }, countryCode: 'CN', stakeholderGroup: 'civil-society' },
    }),
    201,
  );
  orgId = org.id;
  // The applicants file for their organization, so they act for it (here: as its contacts).
  for (const who of [alice, bob]) await grantRole(h.ctx.db, who.id, 'org_contact', { type: 'organization', id: orgId });
  callId = await newCall();
});
afterAll(() => h.close());

describe('calls from templates', () => {
  it('staff copy a template; the public sees only published calls', async () => {
    const tpl = await ok<any[]>(h.call(staff, { method: 'GET', url: '/api/v1/calls/templates' }));
    expect(tpl.map((t) => t.kind)).toEqual(['practice-case', 'sci-tech', 'competition', 'youth-leaders', 'ai-for-good']);
    const c = await ok(h.call(null, { method: 'GET', url: `/api/v1/calls/${callId}` }));
    expect(c.categories.map((x: any) => x.value)).toEqual(['infrastructure', 'culture', 'digital-economy', 'cybersecurity', 'governance']);
    expect(c.closesAtLocal).toMatch(/\(Asia\/Shanghai\)$/);
    const hidden = await newCall({ published: false });
    expect((await h.call(null, { method: 'GET', url: `/api/v1/calls/${hidden}` })).statusCode).toBe(404);
    expect((await ok<any[]>(h.call(null, { method: 'GET', url: '/api/v1/calls' }))).map((x) => x.id)).not.toContain(hidden);
    const bad = await h.call(staff, {
      method: 'POST',
      url: '/api/v1/calls',
      payload: { template: 'competition', year: 2025, opensAt: '2025-01-02T00:00:00+08:00', closesAt: '2025-01-01T00:00:00+08:00' },
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('submissions', () => {
  it('draft, file, submit: readable code, confirmation mail, eligibility checked', async () => {
    const s = await draftWithFile(alice, callId);
    expect(s.code).toMatch(/^CASE-2025-\d{4}$/);
    const incomplete = await h.call(alice, {
      method: 'PUT',
      url: `/api/v1/submissions/${s.id}`,
      payload: { answers: { title: { en: 'x'.repeat(500) } } },
    });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().errors[0].path).toBe('answers.title.en');
    const sub = await ok(h.call(alice, { method: 'POST', url: `/api/v1/submissions/${s.id}/submit` }));
    expect(sub.status).toBe('submitted');
    // A double click is harmless.
    await ok(h.call(alice, { method: 'POST', url: `/api/v1/submissions/${s.id}/submit` }));
    const mails = await h.database.rows<{ to: string; subject: string }>(
      sql`select "to", subject from mail_outbox where template = 'calls.confirmation'`,
    );
    expect(mails).toEqual([{ to: 'alice@applicant.example', subject: expect.stringContaining(s.code) }]);
    const st = await ok(h.call(staff, { method: 'GET', url: `/api/v1/submissions/${s.id}` }));
    expect(st.eligibilityProblems).toEqual([]);
  });

  it('refuses a submission with a required field missing, naming the field', async () => {
    const d = await ok(
      h.call(bob, { method: 'POST', url: `/api/v1/calls/${callId}/submissions`, payload: { answers: { title: { en: 'Half done' } } } }),
      201,
    );
    const res = await h.call(bob, { method: 'POST', url: `/api/v1/submissions/${d.id}/submit` });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: any) => e.path)).toEqual(
      expect.arrayContaining(['answers.summary', 'answers.attachment', 'category']),
    );
  });

  it('a file field accepts only files the applicant uploaded', async () => {
    const mine = await draftWithFile(alice, callId);
    const d = await ok(h.call(bob, { method: 'POST', url: `/api/v1/calls/${callId}/submissions`, payload: { answers: {} } }), 201);
    const res = await h.call(bob, { method: 'PUT', url: `/api/v1/submissions/${d.id}`, payload: { answers: { attachment: mine.fileId } } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].code).toBe('bad_file');
    const exe = multipart('x.pdf', Buffer.from('MZ\x90\x00not a pdf at all'), 'application/pdf');
    expect(
      (await h.call(bob, { method: 'POST', url: `/api/v1/submissions/${d.id}/files`, payload: exe.payload, headers: exe.headers }))
        .statusCode,
    ).toBe(415);
  });

  it('codes never repeat under concurrency', async () => {
    const cid = await newCall();
    const users = await Promise.all(Array.from({ length: 12 }, () => h.user()));
    const res = await Promise.all(
      users.map((u) => h.call(u, { method: 'POST', url: `/api/v1/calls/${cid}/submissions`, payload: { answers: {} } })),
    );
    const codes = res.map((r) => r.json().code);
    expect(res.every((r) => r.statusCode === 201)).toBe(true);
    expect(new Set(codes).size).toBe(12);
    expect(codes.sort()[11]).toMatch(/^CASE\d+-2025-0012$/);
  });

  it('withdraw', async () => {
    const s = await draftWithFile(bob, callId);
    await ok(h.call(bob, { method: 'POST', url: `/api/v1/submissions/${s.id}/submit` }));
    expect((await ok(h.call(bob, { method: 'POST', url: `/api/v1/submissions/${s.id}/withdraw` }))).status).toBe('withdrawn');
    expect((await h.call(bob, { method: 'PUT', url: `/api/v1/submissions/${s.id}`, payload: { answers: {} } })).json().code).toBe(
      'submission_withdrawn',
    );
  });
});

describe('deadlines (acceptance 4)', () => {
  it('a submission after the close time is refused with a clear error, and a draft left at the deadline stays a draft', async () => {
    const cid = await newCall({ allowEdit: true });
    const early = await draftWithFile(alice, cid);
    await ok(h.call(alice, { method: 'POST', url: `/api/v1/submissions/${early.id}/submit` }));
    const late = await draftWithFile(alice, cid);
    // The deadline passes (staff close the call a second ago; the server's clock decides).
    await ok(
      h.call(staff, {
        method: 'PATCH',
        url: `/api/v1/calls/${cid}`,
        payload: { opensAt: new Date(Date.now() - 2 * hour).toISOString(), closesAt: new Date(Date.now() - 1000).toISOString() },
      }),
    );
    const res = await h.call(alice, { method: 'POST', url: `/api/v1/submissions/${late.id}/submit` });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('call_closed');
    expect(res.json().detail).toMatch(/closed at \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(Asia\/Shanghai\)/);
    const mine = await ok<any[]>(h.call(alice, { method: 'GET', url: '/api/v1/my/submissions' }));
    expect(mine.find((s) => s.id === late.id).status).toBe('draft');
    expect(mine.find((s) => s.id === early.id).status).toBe('submitted');
    // No editing, no new drafts after the close.
    expect((await h.call(alice, { method: 'PUT', url: `/api/v1/submissions/${early.id}`, payload: { answers: {} } })).json().code).toBe(
      'call_closed',
    );
    expect((await h.call(bob, { method: 'POST', url: `/api/v1/calls/${cid}/submissions`, payload: { answers: {} } })).json().code).toBe(
      'call_closed',
    );
    // Staff see the draft as a draft, never among the submitted.
    const submitted = await ok<any[]>(h.call(staff, { method: 'GET', url: `/api/v1/calls/${cid}/submissions?status=submitted` }));
    expect(submitted.map((s) => s.id)).toEqual([early.id]);
  });

  it('edits after submission until the deadline only if the call allows', async () => {
    const cid = await newCall({ allowEdit: false });
    const s = await draftWithFile(alice, cid);
    await ok(h.call(alice, { method: 'POST', url: `/api/v1/submissions/${s.id}/submit` }));
    const res = await h.call(alice, {
      method: 'PUT',
      url: `/api/v1/submissions/${s.id}`,
      payload: { answers: answers(s.fileId), category: 'culture' },
    });
    expect(res.json().code).toBe('submission_locked');
  });

  it('a call not yet open refuses drafts', async () => {
    const cid = await newCall({ opensAt: new Date(Date.now() + hour).toISOString() });
    expect((await h.call(alice, { method: 'POST', url: `/api/v1/calls/${cid}/submissions`, payload: { answers: {} } })).json().code).toBe(
      'call_not_open',
    );
  });
});

describe('nominations (youth leaders)', () => {
  it('an organization contact nominates; the nominee completes the application', async () => {
    const now = Date.now();
    const yc = await ok(
      h.call(staff, {
        method: 'POST',
        url: '/api/v1/calls',
        payload: {
          template: 'youth-leaders',
          year: 2025,
          opensAt: new Date(now - hour).toISOString(),
          closesAt: new Date(now + hour).toISOString(),
          published: true,
        },
      }),
      201,
    );
    const contact = await h.user({ scopes: [{ role: 'org_contact', type: 'organization', id: orgId }] });
    const stranger = await h.user();
    const refused = await h.call(stranger, {
      method: 'POST',
      url: `/api/v1/calls/${yc.id}/nominations`,
      payload: { organizationId: orgId, name: 'Lin Yu', email: 'lin.yu@young.example' },
    });
    expect([refused.statusCode, refused.json().code]).toEqual([404, 'reference_not_found']);
    const n = await ok(
      h.call(contact, {
        method: 'POST',
        url: `/api/v1/calls/${yc.id}/nominations`,
        payload: { organizationId: orgId, name: 'Lin Yu', email: 'lin.yu@young.example' },
      }),
      201,
    );
    expect(n.code).toMatch(/^YOUTH-2025-/);
    const [mail] = await h.database.rows<{ to: string }>(sql`select "to" from mail_outbox where template = 'calls.nomination'`);
    expect(mail.to).toBe('lin.yu@young.example');
    const nominee = await h.user({ email: 'lin.yu@young.example' });
    const mine = await ok<any[]>(h.call(nominee, { method: 'GET', url: '/api/v1/my/submissions' }));
    expect(mine.map((s) => [s.id, s.nominated])).toEqual([[n.id, true]]);
    const saved = await ok(
      h.call(nominee, {
        method: 'PUT',
        url: `/api/v1/submissions/${n.id}`,
        payload: {
          answers: {
            title: { en: 'Lin Yu' },
            birthDate: '1980-01-01',
            country: 'SG',
            organization: 'x',
            summary: { en: 'bio' },
            achievements: { en: 'a' },
          },
          category: 'technology',
        },
      }),
    );
    expect(saved.status).toBe('draft');
    await ok(h.call(nominee, { method: 'POST', url: `/api/v1/submissions/${n.id}/submit` }));
    const st = await ok(h.call(staff, { method: 'GET', url: `/api/v1/submissions/${n.id}` }));
    expect(st.eligibilityProblems).toEqual([expect.stringMatching(/^age 4\d is above the limit of 40$/)]);
    // Automatic screening passes only the eligible; a manual fail needs a reason.
    await ok(h.call(staff, { method: 'POST', url: `/api/v1/calls/${yc.id}/auto-screen` }));
    expect((await ok(h.call(staff, { method: 'GET', url: `/api/v1/submissions/${n.id}` }))).screening).toBe('pending');
    expect(
      (await h.call(staff, { method: 'POST', url: `/api/v1/submissions/${n.id}/screening`, payload: { result: 'failed' } })).statusCode,
    ).toBe(400);
    const failed = await ok(
      h.call(staff, {
        method: 'POST',
        url: `/api/v1/submissions/${n.id}/screening`,
        payload: { result: 'failed', reason: 'over the age limit' },
      }),
    );
    expect([failed.screening, failed.screeningReason]).toEqual(['failed', 'over the age limit']);
  });
});

describe('review, decision and showcase (acceptance 1 by API, and 3)', () => {
  let sub: { id: string; code: string; fileId: string };
  let other: { id: string; code: string; fileId: string };
  const invitation: Record<string, string> = {};

  it('pool, conflicts, assignment', async () => {
    sub = await draftWithFile(alice, callId);
    await ok(h.call(alice, { method: 'POST', url: `/api/v1/submissions/${sub.id}/submit` }));
    other = await draftWithFile(bob, callId, { title: { en: 'Subsea cables for small islands' }, country: 'FJ' });
    await ok(
      h.call(bob, {
        method: 'PUT',
        url: `/api/v1/submissions/${other.id}`,
        payload: {
          answers: answers(other.fileId, { title: { en: 'Subsea cables for small islands' }, country: 'FJ' }),
          category: 'infrastructure',
          organizationId: orgId,
        },
      }),
    );
    await ok(h.call(bob, { method: 'POST', url: `/api/v1/submissions/${other.id}/submit` }));
    await ok(h.call(staff, { method: 'POST', url: `/api/v1/calls/${callId}/auto-screen` }));

    const p1 = await person('Ana Souza', 'rev1@experts.example', 'BR');
    const p2 = await person('Jonas Becker', 'rev2@experts.example', 'DE');
    const p3 = await person('陈静', 'rev3@experts.example', 'CN', orgId);
    const pool = await ok<any[]>(
      h.call(staff, {
        method: 'POST',
        url: `/api/v1/review/calls/${callId}/reviewers`,
        payload: {
          round: 1,
          reviewers: [p1, p2, p3].map((p) => ({ personId: p.id, expertise: ['digital-economy', 'rural'], capacity: 5 })),
        },
      }),
      201,
    );
    expect(pool).toHaveLength(3);
    for (const [u, key] of [
      [rev1, 'r1'],
      [rev2, 'r2'],
      [revConflicted, 'r3'],
    ] as const) {
      const inv = await ok<any[]>(h.call(u, { method: 'GET', url: '/api/v1/review/invitations' }));
      invitation[key] = inv[0].id;
      await ok(h.call(u, { method: 'POST', url: `/api/v1/review/invitations/${inv[0].id}/respond`, payload: { accept: true } }));
    }
    // The conflicted reviewer does not even see the title to declare a conflict on it.
    const titles = await ok<any[]>(
      h.call(revConflicted, { method: 'GET', url: `/api/v1/review/invitations/${invitation.r3}/submissions` }),
    );
    expect(titles.map((t) => t.id)).not.toContain(sub.id);

    // Staff pin a pair that is a conflict: refused.
    const pin = await h.call(staff, {
      method: 'POST',
      url: `/api/v1/review/calls/${callId}/pairs`,
      payload: { submissionId: sub.id, reviewerId: invitation.r3, action: 'pin' },
    });
    expect(pin.json().code).toBe('conflict_of_interest');

    const res = await ok(h.call(staff, { method: 'POST', url: `/api/v1/review/calls/${callId}/assign`, payload: { round: 1 } }));
    expect(res.pairs).toBe(2 * res.submissions);
    const list = await ok<any[]>(h.call(staff, { method: 'GET', url: `/api/v1/review/calls/${callId}/assignments?round=1` }));
    const onSub = list
      .filter((a) => a.submissionId === sub.id)
      .map((a) => a.reviewerId)
      .sort();
    expect(onSub).toEqual([invitation.r1, invitation.r2].sort());
  });

  it('a reviewer sees only assigned, non-conflicted submissions (acceptance 3)', async () => {
    expect((await h.call(revConflicted, { method: 'GET', url: `/api/v1/review/submissions/${sub.id}` })).statusCode).toBe(404);
    expect((await h.call(revConflicted, { method: 'GET', url: `/api/v1/submissions/${sub.id}/files/${sub.fileId}` })).statusCode).toBe(404);
    expect((await h.call(revConflicted, { method: 'GET', url: `/api/v1/review/submissions/${sub.id}/discussion` })).statusCode).toBe(404);
    const mine3 = await ok<any[]>(h.call(revConflicted, { method: 'GET', url: '/api/v1/review/assignments' }));
    expect(mine3.map((a) => a.submissionId)).not.toContain(sub.id);
    // Even if staff pinned it by hand before the conflict appeared, it stays hidden:
    await h.database.rows(
      sql`insert into review_assignments (reviewer_id, submission_id, round, pinned) values (${invitation.r3}, ${sub.id}, 1, true)`,
    );
    expect((await h.call(revConflicted, { method: 'GET', url: `/api/v1/review/submissions/${sub.id}` })).statusCode).toBe(404);
    expect(
      (await ok<any[]>(h.call(revConflicted, { method: 'GET', url: '/api/v1/review/assignments' }))).map((a) => a.submissionId),
    ).not.toContain(sub.id);
    await h.database.rows(sql`delete from review_assignments where reviewer_id = ${invitation.r3} and submission_id = ${sub.id}`);
    // An assigned reviewer sees it, its file, and its form.
    const view = await ok(h.call(rev1, { method: 'GET', url: `/api/v1/review/submissions/${sub.id}` }));
    expect(view.submission.title['zh-Hans']).toBe('乡村数字经济网络普惠实践');
    expect(view.rubric.criteria.map((c: any) => c.key)).toEqual(['innovation', 'impact', 'replicability']);
    expect((await h.call(rev1, { method: 'GET', url: `/api/v1/submissions/${sub.id}/files/${sub.fileId}` })).statusCode).toBe(200);
    // An applicant sees only their own.
    expect((await h.call(bob, { method: 'GET', url: `/api/v1/submissions/${sub.id}` })).statusCode).toBe(404);
    expect((await h.call(bob, { method: 'GET', url: `/api/v1/submissions/${sub.id}/files/${sub.fileId}` })).statusCode).toBe(404);
    expect((await ok<any[]>(h.call(bob, { method: 'GET', url: '/api/v1/my/submissions' }))).map((s) => s.id)).not.toContain(sub.id);
    // A plain user is not a reviewer.
    expect((await h.call(bob, { method: 'GET', url: `/api/v1/review/submissions/${sub.id}` })).statusCode).toBe(404);
  });

  it('every reader of an entry sees its files by name and size; only they download them', async () => {
    const named = [{ fileId: sub.fileId, name: '方案.pdf', mime: 'application/pdf', size: pdf.length }];
    // Staff's list, the applicant's own view and the assigned reviewer's view name the file, not its id.
    const listed = await ok<any[]>(h.call(staff, { method: 'GET', url: `/api/v1/calls/${callId}/submissions` }));
    expect(listed.find((x) => x.id === sub.id).files).toEqual(named);
    expect((await ok(h.call(alice, { method: 'GET', url: `/api/v1/submissions/${sub.id}` }))).files).toEqual(named);
    const view = await ok(h.call(rev1, { method: 'GET', url: `/api/v1/review/submissions/${sub.id}` }));
    expect(view.files).toEqual(named);
    expect(view.categoryName).toEqual({ en: 'Digital economy', 'zh-Hans': '数字经济', 'zh-Hant': '數位經濟' });
    // The assigned reviewer downloads it under its own name; staff and the applicant too.
    for (const who of [rev1, staff, alice]) {
      const res = await h.call(who, { method: 'GET', url: `/api/v1/submissions/${sub.id}/files/${sub.fileId}` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.equals(pdf)).toBe(true);
      expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('方案.pdf');
    }
    // A reviewer not assigned to this entry, a reviewer with a conflict, another applicant: not found.
    const stranger = await h.user({ email: 'rev9@experts.example', roles: ['reviewer'] });
    for (const who of [stranger, revConflicted, bob]) {
      expect((await h.call(who, { method: 'GET', url: `/api/v1/submissions/${sub.id}/files/${sub.fileId}` })).statusCode).toBe(404);
      expect((await h.call(who, { method: 'GET', url: `/api/v1/review/submissions/${sub.id}` })).statusCode).toBe(404);
    }
    // A file id the entry does not name is not served, even to staff.
    const other = await draftWithFile(bob, callId);
    expect((await h.call(staff, { method: 'GET', url: `/api/v1/submissions/${sub.id}/files/${other.fileId}` })).statusCode).toBe(404);
  });

  it('two reviewers score; draft then submit; progress, ranking and discussion', async () => {
    const bad = await h.call(rev1, {
      method: 'PUT',
      url: `/api/v1/review/submissions/${sub.id}/review`,
      payload: { scores: { innovation: 11 }, submit: false },
    });
    expect(bad.statusCode).toBe(400);
    await ok(
      h.call(rev1, {
        method: 'PUT',
        url: `/api/v1/review/submissions/${sub.id}/review`,
        payload: { scores: { innovation: 8 }, commentCommittee: 'Strong but narrow.' },
      }),
    );
    const progress1 = await ok(h.call(staff, { method: 'GET', url: `/api/v1/review/calls/${callId}/progress?round=1` }));
    expect(progress1.reviewers.find((r: any) => r.reviewerId === invitation.r1)).toMatchObject({ drafts: 1, submitted: 0 });
    // Reminders go to reviewers with unsubmitted reviews, through the job.
    await h.ctx.jobs.runDue(new Date());
    const reminded = await h.database.rows<{ to: string }>(
      sql`select distinct "to" from mail_outbox where template = 'review.reminder' order by 1`,
    );
    expect(reminded.map((r) => r.to)).toEqual(expect.arrayContaining(['rev1@experts.example', 'rev2@experts.example']));
    const incomplete = await h.call(rev1, {
      method: 'PUT',
      url: `/api/v1/review/submissions/${sub.id}/review`,
      payload: { scores: { innovation: 8 }, submit: true },
    });
    expect(incomplete.statusCode).toBe(400);
    const r1 = await ok(
      h.call(rev1, {
        method: 'PUT',
        url: `/api/v1/review/submissions/${sub.id}/review`,
        payload: {
          scores: { innovation: 8, impact: 9, replicability: 7 },
          commentCommittee: 'COMMITTEE-ONLY remark',
          commentApplicant: 'Please add figures per village.',
          submit: true,
        },
      }),
    );
    expect(r1.total).toBeCloseTo((3 * 8 + 4 * 9 + 3 * 7) / 10, 10);
    await ok(
      h.call(rev2, {
        method: 'PUT',
        url: `/api/v1/review/submissions/${sub.id}/review`,
        payload: { scores: { innovation: 6, impact: 7, replicability: 8 }, commentApplicant: 'Clear and replicable.', submit: true },
      }),
    );
    for (const u of [rev1, rev2])
      await ok(
        h.call(u, {
          method: 'PUT',
          url: `/api/v1/review/submissions/${other.id}/review`,
          payload: { scores: { innovation: 5, impact: 5, replicability: 5 }, submit: true },
        }),
      );
    const ranking = await ok<any[]>(h.call(staff, { method: 'GET', url: `/api/v1/review/calls/${callId}/ranking?round=1` }));
    expect(ranking[0]).toMatchObject({ submission: sub.id, reviews: 2, rank: 1 });
    // rev1: (3·8 + 4·9 + 3·7)/10 = 8.1; rev2: (3·6 + 4·7 + 3·8)/10 = 7.0
    expect(ranking[0].raw).toBeCloseTo((8.1 + 7.0) / 2, 10);
    expect(ranking[0].spread).toBeCloseTo(1.1, 10);
    // Each reviewer scored sub above other: z = +1 from both.
    expect(ranking[0].normalized).toBeCloseTo(1, 10);
    await ok(
      h.call(rev1, { method: 'POST', url: `/api/v1/review/submissions/${sub.id}/discussion`, payload: { body: '我支持入选。' } }),
      201,
    );
    const thread = await ok<any[]>(h.call(staff, { method: 'GET', url: `/api/v1/review/submissions/${sub.id}/discussion` }));
    expect(thread.map((m) => m.body)).toEqual(['我支持入选。']);
    const preview = await ok(
      h.call(staff, {
        method: 'POST',
        url: `/api/v1/review/calls/${callId}/selection-preview`,
        payload: { round: 1, n: 1, minPerContinent: { oceania: 1 } },
      }),
    );
    expect(preview.pure.map((x: any) => x.code)).toEqual([sub.code]);
    expect(preview.constrained.map((x: any) => x.code)).toEqual([other.code]);
  });

  it('decisions with localized mail; the applicant sees only the comments meant for them', async () => {
    expect((await ok(h.call(alice, { method: 'GET', url: `/api/v1/submissions/${sub.id}/feedback` }))).comments).toEqual([]);
    const d = await ok(
      h.call(staff, {
        method: 'POST',
        url: `/api/v1/review/calls/${callId}/decisions`,
        payload: {
          decisions: [
            { submissionId: sub.id, decision: 'selected' },
            { submissionId: other.id, decision: 'not_selected' },
          ],
          notify: true,
        },
      }),
    );
    expect(d.mailed).toBe(2);
    const again = await ok(
      h.call(staff, {
        method: 'POST',
        url: `/api/v1/review/calls/${callId}/decisions`,
        payload: { decisions: [{ submissionId: sub.id, decision: 'selected' }], notify: true },
      }),
    );
    expect(again.mailed).toBe(0);
    const fb = await ok(h.call(alice, { method: 'GET', url: `/api/v1/submissions/${sub.id}/feedback` }));
    expect(fb.decision).toBe('selected');
    expect(fb.comments.sort()).toEqual(['Clear and replicable.', 'Please add figures per village.']);
    expect(JSON.stringify(fb)).not.toContain('COMMITTEE-ONLY');
    expect(JSON.stringify(await ok(h.call(alice, { method: 'GET', url: `/api/v1/submissions/${sub.id}` })))).not.toContain(
      'COMMITTEE-ONLY',
    );
    expect((await h.call(bob, { method: 'GET', url: `/api/v1/submissions/${sub.id}/feedback` })).statusCode).toBe(404);
    // Staff see every review, with the reviewer.
    const all = await ok<any[]>(h.call(staff, { method: 'GET', url: `/api/v1/review/submissions/${sub.id}/reviews` }));
    expect(all.map((r) => r.commentCommittee)).toContain('COMMITTEE-ONLY remark');
  });

  it('the public sees only published selections, in zh-Hans and converted zh-Hant; booklet and XLSX', async () => {
    expect(await ok<any[]>(h.call(null, { method: 'GET', url: `/api/v1/showcase?callId=${callId}` }))).toEqual([]);
    expect((await h.call(null, { method: 'GET', url: `/api/v1/showcase/entries/${sub.id}` })).statusCode).toBe(404);
    expect(
      (
        await h.call(staff, { method: 'POST', url: `/api/v1/showcase/calls/${callId}/publish`, payload: { submissionIds: [other.id] } })
      ).json().code,
    ).toBe('not_selected');
    expect((await ok(h.call(staff, { method: 'POST', url: `/api/v1/showcase/calls/${callId}/publish`, payload: {} }))).published).toBe(1);
    const hans = await ok<any[]>(h.call(null, { method: 'GET', url: `/api/v1/showcase?callId=${callId}&locale=zh-Hans` }));
    expect(hans.map((e) => e.id)).toEqual([sub.id]);
    expect(hans[0].title).toEqual({ text: '乡村数字经济网络普惠实践', lang: 'zh-Hans', converted: false });
    const hant = await ok(h.call(null, { method: 'GET', url: `/api/v1/showcase/entries/${sub.id}?locale=zh-Hant` }));
    expect(hant.title).toEqual({ text: hansToHant('乡村数字经济网络普惠实践'), lang: 'zh-Hant', converted: true });
    expect(hant.title.text).toContain('網路');
    expect(hant.available).toEqual(['zh-Hans', 'zh-Hant']);
    expect(hant.fields.map((f: any) => f.key)).not.toContain('practice');
    expect(JSON.stringify(hant)).not.toContain('zhou@coapp.example');
    expect(await ok<any[]>(h.call(null, { method: 'GET', url: '/api/v1/showcase?field=culture' }))).toEqual([]);
    expect(
      (await ok<any[]>(h.call(null, { method: 'GET', url: '/api/v1/showcase?country=cn&year=2025&field=digital-economy' }))).map(
        (e) => e.id,
      ),
    ).toEqual([sub.id]);
    // The same, server-rendered for visitors and search engines.
    const page = await h.call(null, { method: 'GET', url: `/zh-hant/showcase/${sub.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<h1 lang="zh-TW">${hansToHant('乡村数字经济网络普惠实践')}</h1>`);
    expect(page.body).not.toContain('zhou@coapp.example');
    const list = await h.call(null, { method: 'GET', url: '/en/showcase?year=2025' });
    expect(list.body).toContain(`href="/en/showcase/${sub.id}"`);
    expect(list.body).not.toContain(other.id);
    expect((await h.call(null, { method: 'GET', url: `/en/showcase/${other.id}` })).statusCode).toBe(404);
    const [doc] = await h.database.rows<{ visibility: string; url: string }>(
      sql`select visibility, url from search_docs where kind = 'case' and id = ${sub.id}`,
    );
    expect(doc).toEqual({ visibility: 'public', url: `/showcase/${sub.id}` });

    const pdfRes = await h.call(null, { method: 'GET', url: `/api/v1/showcase/booklet.pdf?callId=${callId}&locale=zh-Hant` });
    expect(pdfRes.statusCode).toBe(200);
    const file = path.join(os.tmpdir(), `booklet-${Date.now()}.pdf`);
    fs.writeFileSync(file, pdfRes.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    fs.rmSync(file);
    expect(text).toContain(hansToHant('乡村数字经济网络普惠实践'));
    expect(text).toContain('目錄');
    const xlsx = await h.call(null, { method: 'GET', url: `/api/v1/showcase/export.xlsx?callId=${callId}&locale=zh-Hans` });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    // Taken off the showcase: gone from the pages and the index.
    await ok(h.call(staff, { method: 'DELETE', url: `/api/v1/showcase/entries/${sub.id}` }));
    expect((await h.call(null, { method: 'GET', url: `/api/v1/showcase/entries/${sub.id}` })).statusCode).toBe(404);
    expect(await h.database.rows(sql`select id from search_docs where id = ${sub.id}`)).toEqual([]);
    expect((await h.call(null, { method: 'GET', url: `/en/showcase/${sub.id}` })).statusCode).toBe(404);
  });
});

describe('privacy', () => {
  it('"download my data" includes submissions; erasure unlinks them and strips e-mail addresses', async () => {
    const data = await ok(h.call(alice, { method: 'GET', url: '/api/v1/me/data' }));
    expect(data.calls.submissions.length).toBeGreaterThan(0);
    expect(data.calls.submissions[0].code).toMatch(/^CASE/);
    const rev = await ok(h.call(rev1, { method: 'GET', url: '/api/v1/me/data' }));
    expect(rev.review.reviews.length).toBeGreaterThan(0);
    // zhou@coapp.example is a co-applicant on Alice's entries; erase that person.
    const zhou = await person('周同', 'zhou@coapp.example', 'CN');
    const admin = await h.user({ roles: ['admin'] });
    await ok(h.call(admin, { method: 'POST', url: `/api/v1/admin/people/${zhou.id}/erase`, payload: { confirm: true } }));
    const [{ n }] = await h.database.rows<{ n: number }>(
      sql`select count(*)::int as n from submissions where answers::text like '%zhou@coapp.example%' or 'zhou@coapp.example' = any(people_emails)`,
    );
    expect(n).toBe(0);
  });
});
