import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, multipart, type Harness, type TestUser } from '../../test/harness.js';
import { makeEvent, publish } from '../events/testkit.js';

let h: Harness;
let staff: TestUser, chair: TestUser, member: TestUser, outsider: TestUser, contactA: TestUser, contactB: TestUser, requester: TestUser;
let groupId: string;
let orgA: string, orgB: string;

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function org(name: string, country: string, group: string) {
  const r = await h.call(staff, {
    method: 'POST',
    url: '/api/v1/directory/organizations',
    payload: { name: { en: name }, countryCode: country, stakeholderGroup: group },
  });
  expect(r.statusCode).toBe(201);
  return r.json().id as string;
}

async function join(u: TestUser, role: 'chair' | 'co_chair' | 'member') {
  const inv = await h.call(staff, { method: 'POST', url: `/api/v1/groups/${groupId}/invitations`, payload: { email: u.email, role } });
  expect(inv.statusCode).toBe(201);
  const acc = await h.call(u, { method: 'POST', url: `/api/v1/groups/${groupId}/invitation/accept` });
  expect(acc.json().status).toBe('active');
}

beforeAll(async () => {
  h = await createHarness();
  staff = await h.user({ roles: ['secretariat'] });
  chair = await h.user({ name: 'Chair Person' });
  member = await h.user({ name: 'Member Person' });
  outsider = await h.user();
  requester = await h.user();
  orgA = await org('Alpha Institute', 'DE', 'academia');
  orgB = await org('Beta Company', 'BR', 'business');
  contactA = await h.user({ scopes: [{ role: 'org_contact', type: 'organization', id: orgA }] });
  contactB = await h.user({ scopes: [{ role: 'org_contact', type: 'organization', id: orgB }] });
  const g = await h.call(staff, {
    method: 'POST',
    url: '/api/v1/groups',
    payload: {
      slug: 'data',
      name: { en: 'Data Working Group', 'zh-Hans': '数据工作组' },
      mandate: { en: 'Rules for data flows.' },
      liaisonUserId: staff.id,
    },
  });
  expect(g.statusCode).toBe(201);
  groupId = g.json().id;
  await join(chair, 'chair');
  await join(member, 'member');
});
afterAll(() => h.close());

async function newDoc() {
  const r = await h.call(chair, {
    method: 'POST',
    url: `/api/v1/groups/${groupId}/documents`,
    payload: {
      kind: 'consensus',
      title: { en: 'Data Consensus', 'zh-Hans': '数据共识' },
      paragraphs: [
        { text: { en: 'Data should flow freely.', 'zh-Hans': '数据应当自由流动。' } },
        { text: { en: 'Privacy must be protected.', 'zh-Hans': '必须保护隐私。' } },
      ],
    },
  });
  expect(r.statusCode).toBe(201);
  return r.json() as { id: string; current: { id: string; paragraphs: Array<{ key: string }> } };
}
const status = (who: TestUser, id: string, v: string, s: string) =>
  h.call(who, { method: 'PUT', url: `/api/v1/documents/${id}/versions/${v}/status`, payload: { status: s } });
const round = (id: string) =>
  h.call(chair, {
    method: 'POST',
    url: `/api/v1/documents/${id}/rounds`,
    payload: { closesAt: new Date(Date.now() + 7 * 86400_000).toISOString() },
  });

describe('membership', () => {
  it('a request to join waits for the chair; approval makes a member and mails them', async () => {
    const r = await h.call(requester, {
      method: 'POST',
      url: `/api/v1/groups/${groupId}/requests`,
      payload: { message: 'I work on data.' },
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().status).toBe('requested');
    expect((await h.call(requester, { method: 'GET', url: `/api/v1/groups/${groupId}/workspace` })).statusCode).toBe(404);
    expect((await h.call(member, { method: 'POST', url: `/api/v1/groups/${groupId}/members/${r.json().id}/approve` })).statusCode).toBe(
      403,
    );
    const ok = await h.call(chair, { method: 'POST', url: `/api/v1/groups/${groupId}/members/${r.json().id}/approve` });
    expect(ok.json().status).toBe('active');
    expect((await h.call(requester, { method: 'GET', url: `/api/v1/groups/${groupId}/workspace` })).statusCode).toBe(200);
    const active = (await h.call(chair, { method: 'GET', url: `/api/v1/groups/${groupId}/members` }))
      .json()
      .filter((m: { status: string }) => m.status === 'active').length;
    const listed = (await h.call(null, { method: 'GET', url: '/api/v1/groups' })).json().find((g: { id: string }) => g.id === groupId);
    expect(listed.memberCount).toBe(active);
    expect(active).toBeGreaterThan(1);
    const mails = await h.database.rows<{ n: number }>(
      sql`select count(*)::int as n from mail_outbox where template = 'group.request.approved'`,
    );
    expect(mails[0].n).toBe(1);
  });

  it('the public page shows chairs and no e-mail addresses', async () => {
    const r = await h.call(null, { method: 'GET', url: '/api/v1/groups/data' });
    expect(r.statusCode).toBe(200);
    expect(r.json().chairs.map((c: { name: string }) => c.name)).toEqual(['Chair Person']);
    expect(r.body).not.toContain('@test.example');
    const members = await h.call(member, { method: 'GET', url: `/api/v1/groups/${groupId}/members` });
    expect(members.json().every((m: { email: string | null }) => m.email === null)).toBe(true);
    const asChair = await h.call(chair, { method: 'GET', url: `/api/v1/groups/${groupId}/members` });
    expect(asChair.json().some((m: { email: string | null }) => m.email === member.email)).toBe(true);
  });

  it('chairs edit the mandate; only the secretariat changes the liaison', async () => {
    expect(
      (
        await h.call(chair, {
          method: 'PUT',
          url: `/api/v1/groups/${groupId}`,
          payload: { mandate: { en: 'Rules for data flows, revised.' } },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await h.call(chair, { method: 'PUT', url: `/api/v1/groups/${groupId}`, payload: { liaisonUserId: chair.id } })).statusCode,
    ).toBe(403);
    expect((await h.call(member, { method: 'PUT', url: `/api/v1/groups/${groupId}`, payload: { mandate: { en: 'x' } } })).statusCode).toBe(
      403,
    );
    expect(
      (await h.call(outsider, { method: 'PUT', url: `/api/v1/groups/${groupId}`, payload: { mandate: { en: 'x' } } })).statusCode,
    ).toBe(404);
  });

  it('only the secretariat appoints a chair', async () => {
    const r = await h.call(chair, {
      method: 'POST',
      url: `/api/v1/groups/${groupId}/invitations`,
      payload: { email: 'new@test.example', role: 'chair' },
    });
    expect(r.statusCode).toBe(403);
  });
});

describe('workspace: meetings with minutes, discussion', () => {
  it('the chair plans a meeting and attaches minutes; members download them, outsiders cannot', async () => {
    const bad = await h.call(chair, {
      method: 'POST',
      url: `/api/v1/groups/${groupId}/meetings`,
      payload: {
        title: { en: 'Kick-off' },
        startsAt: '2026-03-01T09:00:00+08:00',
        timezone: 'Mars/Olympus',
        mode: 'online',
        link: 'https://meet.example/x',
      },
    });
    expect(bad.statusCode).toBe(400);
    const m = await h.call(chair, {
      method: 'POST',
      url: `/api/v1/groups/${groupId}/meetings`,
      payload: {
        title: { en: 'Kick-off' },
        startsAt: '2026-03-01T09:00:00+08:00',
        timezone: 'Asia/Shanghai',
        mode: 'online',
        link: 'https://meet.example/x',
      },
    });
    expect(m.statusCode).toBe(201);
    expect(m.json().startsAt).toBe('2026-03-01T01:00:00.000Z');
    const mp = multipart('minutes.pdf', pdf);
    const up = await h.call(chair, {
      method: 'PUT',
      url: `/api/v1/groups/${groupId}/meetings/${m.json().id}/minutes`,
      payload: mp.payload,
      headers: mp.headers,
    });
    expect(up.statusCode).toBe(200);
    expect((await h.call(member, { method: 'GET', url: `/api/v1/groups/${groupId}/meetings/${m.json().id}/minutes` })).statusCode).toBe(
      200,
    );
    expect((await h.call(outsider, { method: 'GET', url: `/api/v1/groups/${groupId}/meetings/${m.json().id}/minutes` })).statusCode).toBe(
      404,
    );
    const mp2 = multipart('minutes.pdf', pdf);
    expect(
      (
        await h.call(member, {
          method: 'PUT',
          url: `/api/v1/groups/${groupId}/meetings/${m.json().id}/minutes`,
          payload: mp2.payload,
          headers: mp2.headers,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('a meeting can be held at a published event, and only at one', async () => {
    const ev = await makeEvent(h, staff, { slug: 'summit-for-groups' });
    const base = {
      title: { en: 'Annual meeting' },
      startsAt: '2026-12-08T16:00:00+08:00',
      timezone: 'Asia/Shanghai',
      mode: 'in_person',
      location: 'Wuzhen, room 3',
    };
    const draft = await h.call(chair, { method: 'POST', url: `/api/v1/groups/${groupId}/meetings`, payload: { ...base, eventId: ev.id } });
    expect([draft.statusCode, draft.json().code]).toEqual([404, 'reference_not_found']); // an unpublished event is not the chair's to use
    expect(draft.json().errors.map((e: { path: string }) => e.path)).toEqual(['eventId']);
    await publish(h, staff, ev.id);
    const m = await h.call(chair, { method: 'POST', url: `/api/v1/groups/${groupId}/meetings`, payload: { ...base, eventId: ev.id } });
    expect(m.statusCode).toBe(201);
    expect(m.json().event).toMatchObject({ id: ev.id, slug: 'summit-for-groups' });
    const ws = await h.call(member, { method: 'GET', url: `/api/v1/groups/${groupId}/workspace` });
    expect(ws.json().meetings.find((x: { id: string }) => x.id === m.json().id).event.slug).toBe('summit-for-groups');
    // Moved online, off the event: the link goes.
    const up = await h.call(chair, {
      method: 'PUT',
      url: `/api/v1/groups/${groupId}/meetings/${m.json().id}`,
      payload: { ...base, mode: 'online', link: 'https://meet.example/y' },
    });
    expect(up.json().event).toBeNull();
  });

  it('members discuss in threads; posts render Markdown safely', async () => {
    const t = await h.call(member, {
      method: 'POST',
      url: `/api/v1/groups/${groupId}/threads`,
      payload: { title: 'Scope', body: 'Hello <script>alert(1)</script> [x](javascript:alert(1))' },
    });
    expect(t.statusCode).toBe(201);
    const r = await h.call(chair, { method: 'GET', url: `/api/v1/groups/${groupId}/threads/${t.json().id}` });
    expect(r.json().posts[0].html).not.toContain('<script');
    expect(r.json().posts[0].html).not.toMatch(/href="javascript:/i);
    expect(
      (await h.call(outsider, { method: 'POST', url: `/api/v1/groups/${groupId}/threads`, payload: { title: 'x', body: 'y' } })).statusCode,
    ).toBe(404);
  });
});

describe('acceptance 3: permissions', () => {
  it('non-members never see a group’s drafts or comments', async () => {
    const d = await newDoc();
    expect((await round(d.id)).statusCode).toBe(201);
    const c = await h.call(member, {
      method: 'POST',
      url: `/api/v1/documents/${d.id}/comments`,
      payload: { paragraphKey: d.current.paragraphs[1].key, body: 'Say which privacy.' },
    });
    expect(c.statusCode).toBe(201);
    for (const who of [null, outsider, contactA]) {
      expect((await h.call(who, { method: 'GET', url: `/api/v1/documents/${d.id}` })).statusCode).toBe(who ? 404 : 404);
      expect((await h.call(who, { method: 'GET', url: `/api/v1/documents/${d.id}/versions/${d.current.id}` })).statusCode).toBe(404);
      expect(
        (await h.call(who, { method: 'GET', url: `/api/v1/documents/${d.id}/diff?from=${d.current.id}&to=${d.current.id}` })).statusCode,
      ).toBe(404);
      expect((await h.call(who, { method: 'GET', url: `/api/v1/groups/${groupId}/workspace` })).statusCode).toBe(who ? 404 : 401);
      expect((await h.call(who, { method: 'GET', url: `/api/v1/documents/${d.id}/versions/${d.current.id}/comments` })).statusCode).toBe(
        who ? 404 : 401,
      );
      expect(
        (
          await h.call(who, {
            method: 'POST',
            url: `/api/v1/documents/${d.id}/comments`,
            payload: { paragraphKey: d.current.paragraphs[1].key, body: 'x' },
          })
        ).statusCode,
      ).toBe(who ? 404 : 401);
    }
    const pub = await h.call(null, { method: 'GET', url: '/api/v1/groups/data' });
    expect(pub.json().outputs).toEqual([]);
    // Drafts are never in the public search index.
    const idx = await h.database.rows<{ n: number }>(
      sql`select count(*)::int as n from search_docs where kind = 'document' and id = ${d.id}`,
    );
    expect(idx[0].n).toBe(0);
    // Once final, the text becomes readable (for endorsement), but the comments stay inside.
    expect((await status(chair, d.id, d.current.id, 'final')).statusCode).toBe(200);
    const v = await h.call(outsider, { method: 'GET', url: `/api/v1/documents/${d.id}` });
    expect(v.statusCode).toBe(200);
    expect(v.json().rounds).toEqual([]);
    expect((await h.call(outsider, { method: 'GET', url: `/api/v1/documents/${d.id}/versions/${d.current.id}/comments` })).statusCode).toBe(
      404,
    );
  });

  it('a member cannot edit the text, change status, open rounds or resolve comments', async () => {
    const d = await newDoc();
    const edit = await h.call(member, {
      method: 'PUT',
      url: `/api/v1/documents/${d.id}/versions/${d.current.id}/text`,
      payload: { paragraphs: [{ text: { en: 'Hijacked' } }] },
    });
    expect(edit.statusCode).toBe(403);
    expect((await status(member, d.id, d.current.id, 'final')).statusCode).toBe(403);
    expect(
      (
        await h.call(member, {
          method: 'POST',
          url: `/api/v1/documents/${d.id}/rounds`,
          payload: { closesAt: new Date(Date.now() + 86400_000).toISOString() },
        })
      ).statusCode,
    ).toBe(403);
    expect((await h.call(member, { method: 'POST', url: `/api/v1/documents/${d.id}/versions`, payload: {} })).statusCode).toBe(403);
    expect(
      (
        await h.call(member, {
          method: 'POST',
          url: `/api/v1/groups/${groupId}/documents`,
          payload: { kind: 'report', title: { en: 'x' } },
        })
      ).statusCode,
    ).toBe(403);
    const view = await h.call(member, { method: 'GET', url: `/api/v1/documents/${d.id}` });
    expect(view.json().current.paragraphs[0].text.en).toBe('Data should flow freely.');
    expect(view.json().you).toMatchObject({ member: true, editor: false });
  });

  it('only contacts of an organization can endorse for it', async () => {
    const d = await newDoc();
    await status(chair, d.id, d.current.id, 'final');
    const forged = await h.call(contactB, {
      method: 'POST',
      url: `/api/v1/documents/${d.id}/endorsements`,
      payload: { organizationId: orgA },
    });
    expect(forged.statusCode).toBe(404);
    const member2 = await h.call(member, {
      method: 'POST',
      url: `/api/v1/documents/${d.id}/endorsements`,
      payload: { organizationId: orgA },
    });
    expect(member2.statusCode).toBe(404);
    const chairFor = await h.call(chair, {
      method: 'POST',
      url: `/api/v1/documents/${d.id}/endorsements`,
      payload: { organizationId: orgA },
    });
    expect([403, 404]).toContain(chairFor.statusCode); // affiliated with org A yet not its contact: the service refuses
    const ok = await h.call(contactA, { method: 'POST', url: `/api/v1/documents/${d.id}/endorsements`, payload: { organizationId: orgA } });
    expect(ok.statusCode).toBe(201);
    const list = await h.call(null, { method: 'GET', url: `/api/v1/documents/${d.id}/endorsements` });
    expect(list.json().items).toHaveLength(1);
    expect(list.json().items[0]).toMatchObject({ organizationId: orgA, countryCode: 'DE', stakeholderGroup: 'academia' });
    // B's contact may not withdraw A's endorsement.
    expect((await h.call(contactB, { method: 'DELETE', url: `/api/v1/documents/${d.id}/endorsements/${ok.json().id}` })).statusCode).toBe(
      403,
    );
  });

  it('a published version cannot be changed', async () => {
    const d = await newDoc();
    const v = d.current.id;
    await status(chair, d.id, v, 'final');
    expect((await status(chair, d.id, v, 'published')).statusCode).toBe(200);
    const tries = [
      await h.call(chair, {
        method: 'PUT',
        url: `/api/v1/documents/${d.id}/versions/${v}/text`,
        payload: { paragraphs: [{ text: { en: 'Changed' } }] },
      }),
      await h.call(staff, {
        method: 'PUT',
        url: `/api/v1/documents/${d.id}/versions/${v}/text`,
        payload: { paragraphs: [{ text: { en: 'Changed' } }] },
      }),
      await status(chair, d.id, v, 'draft'),
      await status(chair, d.id, v, 'final'),
      await h.call(chair, {
        method: 'PUT',
        url: `/api/v1/documents/${d.id}/versions/${v}/summary`,
        payload: { changeSummary: { en: 'x' } },
      }),
      await h.call(chair, { method: 'PUT', url: `/api/v1/documents/${d.id}/title`, payload: { title: { en: 'New' } } }),
      await h.call(chair, {
        method: 'POST',
        url: `/api/v1/documents/${d.id}/rounds`,
        payload: { closesAt: new Date(Date.now() + 86400_000).toISOString() },
      }),
    ];
    expect(tries.map((t) => t.statusCode)).toEqual([409, 409, 409, 409, 409, 409, 409]);
    expect(tries[0].json().code).toBe('version_frozen');
    const after = await h.call(null, { method: 'GET', url: `/api/v1/documents/${d.id}` });
    expect(after.json().current.paragraphs[0].text.en).toBe('Data should flow freely.');
    // Published documents are in the public index and on the group page.
    const idx = await h.database.rows<{ n: number }>(
      sql`select count(*)::int as n from search_docs where kind = 'document' and id = ${d.id} and visibility = 'public'`,
    );
    expect(idx[0].n).toBe(1);
    expect((await h.call(null, { method: 'GET', url: '/api/v1/groups/data' })).json().outputs.map((o: { id: string }) => o.id)).toContain(
      d.id,
    );
  });
});

describe('status machine', () => {
  it('allows only draft → consultation → final → published (consultation may be skipped)', async () => {
    const d = await newDoc();
    const v = d.current.id;
    const pub = await status(chair, d.id, v, 'published');
    expect(pub.statusCode).toBe(409);
    expect(pub.json().code).toBe('status_move_not_allowed');
    expect((await status(chair, d.id, v, 'consultation')).statusCode).toBe(200);
    expect((await status(chair, d.id, v, 'draft')).statusCode).toBe(409);
    // Text is locked outside drafts.
    expect(
      (
        await h.call(chair, {
          method: 'PUT',
          url: `/api/v1/documents/${d.id}/versions/${v}/text`,
          payload: { paragraphs: [{ text: { en: 'x' } }] },
        })
      ).json().code,
    ).toBe('version_locked');
    const fin = await status(chair, d.id, v, 'final');
    expect(fin.json().current.status).toBe('final');
    expect((await status(chair, d.id, v, 'final')).statusCode).toBe(200); // a double click
    expect((await status(chair, d.id, v, 'published')).json().current.status).toBe('published');
  });

  it('only the latest version moves, and one draft at a time', async () => {
    const d = await newDoc();
    expect((await h.call(chair, { method: 'POST', url: `/api/v1/documents/${d.id}/versions`, payload: {} })).json().code).toBe(
      'draft_exists',
    );
    await status(chair, d.id, d.current.id, 'consultation');
    const v2 = await h.call(chair, { method: 'POST', url: `/api/v1/documents/${d.id}/versions`, payload: { label: '2.0' } });
    expect(v2.statusCode).toBe(201);
    expect((await status(chair, d.id, d.current.id, 'final')).json().code).toBe('not_latest');
  });

  it('refuses a stale save (optimistic lock)', async () => {
    const d = await newDoc();
    const view = (await h.call(chair, { method: 'GET', url: `/api/v1/documents/${d.id}` })).json();
    const first = await h.call(chair, {
      method: 'PUT',
      url: `/api/v1/documents/${d.id}/versions/${d.current.id}/text`,
      payload: { baseUpdatedAt: view.current.updatedAt, paragraphs: [{ text: { en: 'A' } }] },
    });
    expect(first.statusCode).toBe(200);
    const second = await h.call(chair, {
      method: 'PUT',
      url: `/api/v1/documents/${d.id}/versions/${d.current.id}/text`,
      payload: { baseUpdatedAt: view.current.updatedAt, paragraphs: [{ text: { en: 'B' } }] },
    });
    expect(second.json().code).toBe('edit_conflict');
  });
});

describe('comments, versions and diff', () => {
  it('round → comment on paragraph 2 → accepted → version 2 lists it → diff shows the change', async () => {
    const d = await newDoc();
    const [p1, p2] = d.current.paragraphs.map((p) => p.key);
    // No round, no comments.
    expect(
      (await h.call(member, { method: 'POST', url: `/api/v1/documents/${d.id}/comments`, payload: { paragraphKey: p2, body: 'x' } })).json()
        .code,
    ).toBe('round_closed');
    const bad = await h.call(chair, {
      method: 'POST',
      url: `/api/v1/documents/${d.id}/rounds`,
      payload: { opensAt: '2026-05-02T00:00:00Z', closesAt: '2026-05-01T00:00:00Z' },
    });
    expect(bad.statusCode).toBe(400);
    expect((await round(d.id)).statusCode).toBe(201);
    expect((await round(d.id)).json().code).toBe('round_open');
    const mails = await h.database.rows<{ to: string }>(sql`select "to" from mail_outbox where template = 'document.round.open'`);
    expect(mails.map((m) => m.to)).toEqual(expect.arrayContaining([member.email, chair.email]));
    expect(mails.map((m) => m.to)).not.toContain(outsider.email);
    expect(
      (
        await h.call(member, {
          method: 'POST',
          url: `/api/v1/documents/${d.id}/comments`,
          payload: { paragraphKey: 'p-nonexistent', body: 'x' },
        })
      ).statusCode,
    ).toBe(400);
    const c1 = await h.call(member, {
      method: 'POST',
      url: `/api/v1/documents/${d.id}/comments`,
      payload: { paragraphKey: p2, body: 'Name personal data explicitly.' },
    });
    const c2 = await h.call(member, {
      method: 'POST',
      url: `/api/v1/documents/${d.id}/comments`,
      payload: { paragraphKey: p1, body: 'Delete this.' },
    });
    const c3 = await h.call(member, {
      method: 'POST',
      url: `/api/v1/documents/${d.id}/comments`,
      payload: { paragraphKey: p1, body: 'Why freely?' },
    });
    expect([c1.statusCode, c2.statusCode, c3.statusCode]).toEqual([201, 201, 201]);
    const noReason = await h.call(chair, {
      method: 'PUT',
      url: `/api/v1/documents/${d.id}/comments/${c2.json().id}`,
      payload: { status: 'declined' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(
      (await h.call(member, { method: 'PUT', url: `/api/v1/documents/${d.id}/comments/${c1.json().id}`, payload: { status: 'accepted' } }))
        .statusCode,
    ).toBe(403);
    expect(
      (await h.call(chair, { method: 'PUT', url: `/api/v1/documents/${d.id}/comments/${c1.json().id}`, payload: { status: 'accepted' } }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await h.call(chair, {
          method: 'PUT',
          url: `/api/v1/documents/${d.id}/comments/${c2.json().id}`,
          payload: { status: 'declined', response: 'The principle stays.' },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await h.call(chair, {
          method: 'PUT',
          url: `/api/v1/documents/${d.id}/comments/${c3.json().id}`,
          payload: { status: 'answered', response: 'Within the law.' },
        })
      ).statusCode,
    ).toBe(200);

    const v2 = await h.call(chair, {
      method: 'POST',
      url: `/api/v1/documents/${d.id}/versions`,
      payload: { changeSummary: { en: 'Paragraph 2 names personal data.' } },
    });
    expect(v2.statusCode).toBe(201);
    const v2id = v2.json().current.id;
    expect(v2.json().current.number).toBe(2);
    expect(v2.json().current.paragraphs.map((p: { key: string }) => p.key)).toEqual([p1, p2]);
    // The round on version 1 closed with the new version.
    expect(
      (
        await h.call(member, { method: 'POST', url: `/api/v1/documents/${d.id}/comments`, payload: { paragraphKey: p2, body: 'late' } })
      ).json().code,
    ).toBe('round_closed');
    const edit = await h.call(chair, {
      method: 'PUT',
      url: `/api/v1/documents/${d.id}/versions/${v2id}/text`,
      payload: {
        paragraphs: [
          { key: p1, text: { en: 'Data should flow freely.', 'zh-Hans': '数据应当自由流动。' } },
          { key: p2, text: { en: 'Privacy of personal data must be protected.', 'zh-Hans': '必须保护个人数据和隐私。' } },
          { text: { en: 'New closing paragraph.' } },
        ],
      },
    });
    expect(edit.statusCode).toBe(200);
    const ch = edit.json().current.changes;
    expect(ch.paragraphs).toEqual([
      { key: p2, change: 'changed' },
      { key: expect.any(String), change: 'added' },
    ]);
    expect(ch.resolvedComments.map((c: { status: string }) => c.status).sort()).toEqual(['accepted', 'answered', 'declined']);
    expect(ch.resolvedComments.find((c: { status: string }) => c.status === 'declined').response).toBe('The principle stays.');

    const en = await h.call(member, { method: 'GET', url: `/api/v1/documents/${d.id}/diff?from=${d.current.id}&to=${v2id}&lang=en` });
    expect(en.statusCode).toBe(200);
    const para2 = en.json().paragraphs.find((p: { key: string }) => p.key === p2);
    expect(para2.change).toBe('changed');
    expect(
      para2.parts
        .filter((x: { added?: boolean }) => x.added)
        .map((x: { value: string }) => x.value.trim())
        .join('|'),
    ).toBe('of personal data');
    const zh = await h.call(member, { method: 'GET', url: `/api/v1/documents/${d.id}/diff?from=${d.current.id}&to=${v2id}&lang=zh-Hans` });
    const zpara2 = zh.json().paragraphs.find((p: { key: string }) => p.key === p2);
    expect(zpara2.parts.filter((x: { added?: boolean }) => x.added).map((x: { value: string }) => x.value)).toEqual(['个人数据和']);
    expect(zh.json().paragraphs.map((p: { change: string }) => p.change)).toEqual(['same', 'changed', 'added']);
  });
});

describe('endorsements', () => {
  it('need a final document; withdrawal until publication; the list counts by country and stakeholder group', async () => {
    const d = await newDoc();
    expect(
      (await h.call(contactA, { method: 'POST', url: `/api/v1/documents/${d.id}/endorsements`, payload: { organizationId: orgA } }))
        .statusCode,
    ).toBe(404); // a draft is invisible
    await status(chair, d.id, d.current.id, 'final');
    const a = await h.call(contactA, { method: 'POST', url: `/api/v1/documents/${d.id}/endorsements`, payload: { organizationId: orgA } });
    const again = await h.call(contactA, {
      method: 'POST',
      url: `/api/v1/documents/${d.id}/endorsements`,
      payload: { organizationId: orgA },
    });
    expect(again.json().id).toBe(a.json().id); // a double click endorses once
    const b = await h.call(contactB, {
      method: 'POST',
      url: `/api/v1/documents/${d.id}/endorsements`,
      payload: { organizationId: orgB, kind: 'cosign' },
    });
    const me = await h.call(outsider, { method: 'POST', url: `/api/v1/documents/${d.id}/endorsements`, payload: { countryCode: 'KE' } });
    expect([a.statusCode, b.statusCode, me.statusCode]).toEqual([201, 201, 201]);
    let list = (await h.call(null, { method: 'GET', url: `/api/v1/documents/${d.id}/endorsements` })).json();
    expect(list.byCountry).toEqual({ BR: 1, DE: 1, KE: 1 });
    expect(list.byStakeholderGroup).toEqual({ academia: 1, business: 1, individual: 1 });
    expect((await h.call(contactA, { method: 'DELETE', url: `/api/v1/documents/${d.id}/endorsements/${a.json().id}` })).statusCode).toBe(
      200,
    );
    list = (await h.call(null, { method: 'GET', url: `/api/v1/documents/${d.id}/endorsements` })).json();
    expect(list.items.map((i: { organizationId: string | null }) => i.organizationId)).not.toContain(orgA);
    // Endorse again after withdrawing.
    expect(
      (await h.call(contactA, { method: 'POST', url: `/api/v1/documents/${d.id}/endorsements`, payload: { organizationId: orgA } }))
        .statusCode,
    ).toBe(201);
    await status(chair, d.id, d.current.id, 'published');
    const late = await h.call(contactB, { method: 'DELETE', url: `/api/v1/documents/${d.id}/endorsements/${b.json().id}` });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('document_published');
    expect(
      (await h.call(contactB, { method: 'POST', url: `/api/v1/documents/${d.id}/endorsements`, payload: { organizationId: orgB } })).json()
        .code,
    ).toBe('not_final');
    // The published document enters the library with its endorsers, once.
    const lib = await h.call(chair, { method: 'POST', url: `/api/v1/documents/${d.id}/library`, payload: { tags: ['data'] } });
    expect(lib.statusCode).toBe(201);
    expect((await h.call(chair, { method: 'POST', url: `/api/v1/documents/${d.id}/library`, payload: {} })).json().publicationId).toBe(
      lib.json().publicationId,
    );
    const pub = (await h.call(null, { method: 'GET', url: `/api/v1/library/${lib.json().publicationId}` })).json();
    expect(pub.kind).toBe('consensus');
    expect(pub.endorsers).toHaveLength(3);
    expect(pub.authors[0]).toMatchObject({ kind: 'group', refId: groupId });
    expect((await h.call(null, { method: 'GET', url: `/api/v1/library?group=${groupId}` })).json().total).toBe(1);
  });

  it('belong to the version they endorsed: a changed text must be endorsed again', async () => {
    const d = await newDoc();
    await status(chair, d.id, d.current.id, 'final');
    const a = await h.call(contactA, { method: 'POST', url: `/api/v1/documents/${d.id}/endorsements`, payload: { organizationId: orgA } });
    expect(a.statusCode).toBe(201);
    const v2 = (await h.call(chair, { method: 'POST', url: `/api/v1/documents/${d.id}/versions`, payload: {} })).json().current.id;
    await h.call(chair, {
      method: 'PUT',
      url: `/api/v1/documents/${d.id}/versions/${v2}/text`,
      payload: { paragraphs: [{ text: { en: 'A different text.' } }] },
    });
    await status(chair, d.id, v2, 'final');
    expect((await h.call(null, { method: 'GET', url: `/api/v1/documents/${d.id}/endorsements` })).json().items).toEqual([]);
    expect(
      (await h.call(contactA, { method: 'POST', url: `/api/v1/documents/${d.id}/endorsements`, payload: { organizationId: orgA } }))
        .statusCode,
    ).toBe(201);
    expect((await h.call(null, { method: 'GET', url: `/api/v1/documents/${d.id}/endorsements` })).json().items).toHaveLength(1);
  });

  it('joint submissions record the partners', async () => {
    const d = await newDoc();
    const r = await h.call(chair, {
      method: 'POST',
      url: `/api/v1/documents/${d.id}/submissions`,
      payload: {
        process: { en: 'UN consultation' },
        submittedOn: '2024-04-30',
        partners: [{ organizationId: orgA }, { organizationId: orgB }, { name: { en: 'Gamma Network' }, countryCode: 'KE' }],
      },
    });
    expect(r.statusCode).toBe(201);
    expect(
      (
        await h.call(member, {
          method: 'POST',
          url: `/api/v1/documents/${d.id}/submissions`,
          payload: { process: { en: 'x' }, submittedOn: '2024-04-30', partners: [] },
        })
      ).statusCode,
    ).toBe(403);
    const list = (await h.call(chair, { method: 'GET', url: `/api/v1/documents/${d.id}/submissions` })).json();
    expect(list[0].partners.map((p: { countryCode: string }) => p.countryCode)).toEqual(['DE', 'BR', 'KE']);
  });
});

describe('privacy', () => {
  it('a member downloads their group data; erasure removes their texts and ends their membership', async () => {
    const admin = await h.user({ roles: ['admin'] });
    const eve = await h.user({ name: 'Eve Erasable', email: `eve-${Date.now()}@test.example` });
    const inv = await h.call(staff, {
      method: 'POST',
      url: `/api/v1/groups/${groupId}/invitations`,
      payload: { email: eve.email, role: 'member', message: 'Welcome' },
    });
    expect(inv.statusCode).toBe(201);
    await h.call(eve, { method: 'POST', url: `/api/v1/groups/${groupId}/invitation/accept` });
    const d = await newDoc();
    await round(d.id);
    const c = await h.call(eve, {
      method: 'POST',
      url: `/api/v1/documents/${d.id}/comments`,
      payload: { paragraphKey: d.current.paragraphs[0].key, body: 'My personal view on this.' },
    });
    expect(c.statusCode).toBe(201);
    const mine = (await h.call(eve, { method: 'GET', url: '/api/v1/me/data' })).json();
    expect(mine.groups.comments.map((x: { body: string }) => x.body)).toEqual(['My personal view on this.']);
    expect(mine.groups.memberships[0]).toMatchObject({ group: 'data', status: 'active' });
    const person = (
      await h.call(staff, { method: 'POST', url: '/api/v1/directory/people', payload: { name: 'Eve Erasable', email: eve.email } })
    ).json();
    expect(
      (await h.call(admin, { method: 'POST', url: `/api/v1/admin/people/${person.id}/erase`, payload: { confirm: true } })).statusCode,
    ).toBe(200);
    const comments = (await h.call(chair, { method: 'GET', url: `/api/v1/documents/${d.id}/versions/${d.current.id}/comments` })).json();
    const hers = comments.find((x: { id: string }) => x.id === c.json().id);
    expect(hers.body).not.toContain('personal view');
    expect(hers.authorName).toBe('Erased account');
    const rows = await h.database.rows<{ n: number }>(
      sql`select count(*)::int as n from role_grants where user_id = ${eve.id} and scope_type = 'group'`,
    );
    expect(rows[0].n).toBe(0);
  });
});
