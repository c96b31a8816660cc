import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../features/accounts/service.js';
import { users } from '../../features/accounts/model.js';
import { mailOutbox } from '../mail/model.js';
import { seedDemo } from '../../demo.js';
import { createHarness, multipart, type Harness, type TestUser } from '../../test/harness.js';
import { changedTables, snapshot } from '../../test/snapshot.js';
import { idFieldsOf, referencesIn } from '../http/references.js';
import { eventBody, registrationBody } from '../../features/events/matrix.js';
import { accessRules as matrix, referenceCases } from '../../features/matrix.js';
import { matrixRoles, type Ids, type MatrixRole, type Rule, type Who } from './matrix.js';

/**
 * The authorization matrix (issue 9): every route × every role × a resource
 * the role owns or runs and one it does not, against the table in matrix.ts.
 * The world is the demo data plus one account per role, built through the API.
 * Runs on the embedded database only: who gets past is decided by the access
 * rules, the same on both engines; each feature's tests run its queries on both.
 */

let h: Harness;
const as: Partial<Record<MatrixRole, TestUser | null>> = {};
const world: { own: Ids; other: Ids } = { own: {}, other: {} };
let outsider: TestUser;
const unknownId = '0b6f3a52-1c1e-4f9e-8d6a-3f6c2b1a9e77';
const pdf = () =>
  multipart('paper.pdf', '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'application/pdf', { docKey: 'registration' });
const png = () =>
  multipart(
    'logo.png',
    Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
      'hex',
    ),
    'image/png',
  );

async function must(who: TestUser | null, method: string, url: string, payload?: unknown) {
  const isFile = payload && typeof payload === 'object' && 'payload' in (payload as object);
  const res = await h.call(who, { method: method as 'GET', url, ...(isFile ? (payload as object) : { payload: payload as object }) });
  if (res.statusCode >= 300) throw new Error(`world: ${method} ${url} → ${res.statusCode} ${res.body.slice(0, 300)}`);
  return String(res.headers['content-type']).includes('json') ? res.json() : res.body;
}

async function sessionOf(email: string): Promise<TestUser> {
  const [u] = await h.ctx.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  const s = await createSession(h.ctx.db, u.id, 1, {});
  return { id: u.id, email, cookie: `wz_session=${s.token}`, csrf: s.csrfToken };
}

/** A new session of the same account, for routes that end the session. */
async function newSession(who: TestUser): Promise<TestUser> {
  const s = await createSession(h.ctx.db, who.id, 1, {});
  return { ...who, cookie: `wz_session=${s.token}`, csrf: s.csrfToken };
}

async function buildWorld() {
  const refs = await seedDemo(h.ctx);
  const { own, other } = world;
  const admin = await h.user({ roles: ['admin'] });
  const sec = await h.user({ roles: ['secretariat'] });
  as.admin = admin;
  as.secretariat = sec;
  as.anon = null;
  outsider = await h.user({ name: 'Matrix Outsider' });
  const orgA = refs.organizations.get('de-sec')!;
  as.contact = await h.user({ scopes: [{ role: 'org_contact', type: 'organization', id: orgA }] });
  as.applicant = await h.user();
  as.delegate = await h.user({ name: 'Matrix Delegate' });
  as.member = await h.user();
  // The demo already gives these three what they own: reviewer@ is assigned to the AI-for-good entries,
  // data.chair@ chairs the data group, forum@ manages the 2026 summit.
  as.reviewer = await sessionOf('reviewer@wuzhen.example');
  as.chair = await sessionOf('data.chair@wuzhen.example');
  as.cochair = await sessionOf('emily.carter@demo.wuzhen.example');
  // An individual member: applied, submitted, approved.
  as.individual = await h.user({ name: 'Matrix Individual' });
  const individual = await must(as.individual, 'POST', '/api/v1/membership/applications', {
    categoryKey: 'individual',
    data: { individual: { name: 'Matrix Individual', countryCode: 'BR' }, motivation: 'Matrix' },
  });
  await must(
    as.individual,
    'POST',
    `/api/v1/membership/applications/${individual.id}/documents`,
    multipart('cv.pdf', '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'application/pdf', { docKey: 'cv' }),
  );
  await must(as.individual, 'POST', `/api/v1/membership/applications/${individual.id}/submit`, {});
  await must(admin, 'POST', `/api/v1/membership/applications/${individual.id}/approve`, {});
  // Invited to group G by its chair, not joined.
  as.invitee = await h.user({ name: 'Matrix Invitee' });
  await must(as.chair, 'POST', `/api/v1/groups/${refs.groups.get('data')}/invitations`, { email: as.invitee.email });
  as.manager = await sessionOf('forum@wuzhen.example');

  // Membership: applications, their documents, memberships of org A (the contact's) and org B, a representative of each.
  own.application = (await must(as.applicant, 'POST', '/api/v1/membership/applications', { categoryKey: 'individual', data: {} })).id;
  other.application = (await must(outsider, 'POST', '/api/v1/membership/applications', { categoryKey: 'individual', data: {} })).id;
  own.applicationDoc = (await must(as.applicant, 'POST', `/api/v1/membership/applications/${own.application}/documents`, pdf())).id;
  other.applicationDoc = (await must(outsider, 'POST', `/api/v1/membership/applications/${other.application}/documents`, pdf())).id;
  own.membership = refs.memberships.get('de-sec')!;
  other.membership = refs.memberships.get('ke-mobile')!;
  for (const side of [own, other]) {
    const email = `rep-${crypto.randomBytes(4).toString('hex')}@matrix.example`;
    const m = await must(admin, 'POST', `/api/v1/membership/portal/${side.membership}/representatives`, { name: 'Rep', email });
    side.representative = m.representatives.find((r: { email: string }) => r.email === email).userId;
    const logo = await must(admin, 'PUT', `/api/v1/membership/portal/${side.membership}/logo`, png());
    side.logo = logo.logoFileId;
  }
  other.logo = unknownId;
  // A pending invitation to represent each member, sent by a contact (staff would grant directly).
  contactB = await h.user({ scopes: [{ role: 'org_contact', type: 'organization', id: refs.organizations.get('ke-mobile')! }] });
  for (const side of [own, other]) side.repInvitation = (await freshInvitation(side)).repInvitation;
  own.repInvitationToken = (await freshInvitation(own)).token;
  other.repInvitationToken = 'forged-token-forged-token-forged';

  // Events: E is run by the manager (the demo's 2026 summit), O is not; a registration at each.
  own.event = refs.events.get('wuzhen-summit-2026')!;
  own.eventSlug = 'wuzhen-summit-2026';
  other.eventSlug = 'matrix-other-forum';
  other.event = (await must(sec, 'POST', '/api/v1/events', eventBody(other.eventSlug))).id;
  await must(sec, 'POST', `/api/v1/events/${other.event}/publish`, { force: true });
  const sessionBody = (d: string) => ({
    kind: 'plenary',
    title: { en: 'Matrix session' },
    startsAt: `${d}T20:00:00+08:00`,
    endsAt: `${d}T21:00:00+08:00`,
    capacity: 100,
  });
  for (const side of [own, other])
    side.session = (await must(sec, 'POST', `/api/v1/events/${side.event}/sessions`, sessionBody('2026-12-09'))).id;
  own.shownEvent = own.event;
  own.shownSession = own.session;
  other.shownEvent = (await must(sec, 'POST', '/api/v1/events', eventBody('matrix-draft-forum'))).id;
  other.shownSession = (await must(sec, 'POST', `/api/v1/events/${other.shownEvent}/sessions`, sessionBody('2026-12-09'))).id;
  for (const [side, visibility] of [
    [own, 'members'],
    [other, 'invitation'],
  ] as const) {
    side.closedEvent = (await must(sec, 'POST', '/api/v1/events', { ...eventBody(`matrix-${visibility}-forum`), visibility })).id;
    await must(sec, 'POST', `/api/v1/events/${side.closedEvent}/publish`, { force: true });
  }
  await must(sec, 'POST', `/api/v1/events/${other.closedEvent}/invitations`, {
    email: as.delegate.email,
    name: 'Matrix Delegate',
    category: 'delegate',
  });
  own.registration = (
    await must(as.delegate, 'POST', `/api/v1/events/${own.event}/registrations`, { ...registrationBody, sessions: [own.session] })
  ).id;
  other.registration = (
    await must(outsider, 'POST', `/api/v1/events/${other.event}/registrations`, { ...registrationBody, sessions: [other.session] })
  ).id;
  for (const side of [own, other]) await must(sec, 'POST', `/api/v1/registrations/${side.registration}/decision`, { decision: 'approve' });
  const inv = await must(sec, 'POST', `/api/v1/events/${own.event}/invitations`, {
    email: 'matrix-guest@matrix.example',
    name: 'Guest',
    category: 'delegate',
  });
  own.invitationToken = inv.token;
  other.invitationToken = 'forged-token';
  own.agendaToken = (await must(as.delegate, 'GET', '/api/v1/me/agenda-link')).url.split('/').pop();
  other.agendaToken = 'forged-token';
  await must(as.delegate, 'GET', `/api/v1/registrations/${own.registration}/visa-letter.pdf`);
  own.visaRef = (await must(as.delegate, 'GET', `/api/v1/registrations/${own.registration}`)).visaRef;
  other.visaRef = 'unknown';

  // Calls: the open AI-for-good call; a draft of the applicant and one of an outsider; the reviewer's assigned entry.
  own.call = refs.calls.get('ai-for-good-2026')!;
  other.call = (
    await must(sec, 'POST', '/api/v1/calls', {
      template: 'practice-case',
      year: 2031,
      opensAt: '2031-01-01T00:00:00Z',
      closesAt: '2031-06-01T00:00:00Z',
    })
  ).id;
  own.submission = (await must(as.applicant, 'POST', `/api/v1/calls/${own.call}/submissions`, { answers: {} })).id;
  other.submission = (await must(outsider, 'POST', `/api/v1/calls/${own.call}/submissions`, { answers: {} })).id;
  const entries = (await must(sec, 'GET', `/api/v1/calls/${own.call}/submissions`)) as Array<{ id: string; code: string }>;
  own.reviewed = entries.find((e) => e.code === 'AIGOOD-2026-0001')!.id;
  other.reviewed = other.submission;
  const places = (await must(as.reviewer, 'GET', '/api/v1/review/invitations')) as Array<{ id: string; callId: string }>;
  own.reviewerPlace = places.find((p) => p.callId === own.call)!.id;
  const pool = (await must(sec, 'GET', `/api/v1/review/calls/${own.call}/reviewers`)) as Array<{ id: string; userId: string | null }>;
  other.reviewerPlace = pool.find((p) => p.id !== own.reviewerPlace)!.id;
  own.conflictEntry = entries.find((e) => e.code === 'AIGOOD-2026-0002')!.id;
  other.conflictEntry = own.conflictEntry;
  own.organization = orgA;
  other.organization = refs.organizations.get('ke-mobile')!;
  for (const side of [own, other]) {
    const owner = side === own ? as.applicant : outsider;
    side.submissionFile = (await must(owner, 'POST', `/api/v1/submissions/${side.submission}/files`, pdf())).fileId;
    await must(owner, 'PUT', `/api/v1/submissions/${side.submission}`, { answers: { attachment: side.submissionFile } });
  }
  const showcase = await must(null, 'GET', '/api/v1/showcase');
  own.showcaseEntry = (Array.isArray(showcase) ? showcase : showcase.items)[0].id;
  other.showcaseEntry = own.reviewed;
  const pubs = await must(null, 'GET', '/api/v1/library');
  own.publication = other.publication = pubs.items[0].id;
  await must(sec, 'PUT', `/api/v1/library/${own.publication}/cover`, png());
  await must(sec, 'PUT', `/api/v1/library/${own.publication}/files/en`, pdf());
  own.lang = other.lang = 'en';

  // Groups: G (data) has the chair and, after their request, the member; H (artificial intelligence) has neither.
  own.group = refs.groups.get('data')!;
  other.group = refs.groups.get('artificial-intelligence')!;
  const joined = await must(as.member, 'POST', `/api/v1/groups/${own.group}/requests`, {});
  await must(as.chair, 'POST', `/api/v1/groups/${own.group}/members/${joined.id}/approve`);
  for (const side of [own, other]) {
    const editor = side === own ? as.chair : sec;
    side.groupMember = (await freshGroupMember(side.group)).groupMember;
    side.meeting = (
      await must(editor, 'POST', `/api/v1/groups/${side.group}/meetings`, {
        title: { en: 'M' },
        startsAt: '2030-01-01T10:00:00Z',
        timezone: 'UTC',
        mode: 'online',
        link: 'https://meet.matrix.example/x',
      })
    ).id;
    side.thread = (
      await must(side === own ? as.member : sec, 'POST', `/api/v1/groups/${side.group}/threads`, { title: 'T', body: 'B' })
    ).id;
    const doc = await must(editor, 'POST', `/api/v1/groups/${side.group}/documents`, {
      kind: 'report',
      title: { en: 'Matrix draft' },
      paragraphs: [{ text: { en: 'First' } }],
    });
    side.document = doc.id;
    side.version = doc.current.id;
    side.paragraph = doc.current.paragraphs[0].key;
    side.round = (await must(editor, 'POST', `/api/v1/documents/${doc.id}/rounds`, { closesAt: '2030-01-01T10:00:00Z' })).id;
    side.comment = (
      await must(side === own ? as.member : sec, 'POST', `/api/v1/documents/${doc.id}/comments`, {
        paragraphKey: side.paragraph,
        body: 'C',
      })
    ).id;
    await must(editor, 'PUT', `/api/v1/groups/${side.group}/meetings/${side.meeting}/minutes`, pdf());
    // A final document with an endorsement: org A's (the contact's) in G, an individual's in H.
    const final = await must(editor, 'POST', `/api/v1/groups/${side.group}/documents`, {
      kind: 'consensus',
      title: { en: 'Matrix final' },
      paragraphs: [{ text: { en: 'Agreed' } }],
    });
    for (const status of ['consultation', 'final'])
      await must(editor, 'PUT', `/api/v1/documents/${final.id}/versions/${final.current.id}/status`, { status });
    side.finalDocument = final.id;
    side.endorsement = (
      await must(
        side === own ? as.contact : outsider,
        'POST',
        `/api/v1/documents/${final.id}/endorsements`,
        side === own ? { organizationId: orgA } : {},
      )
    ).id;
  }
}

let contactB: TestUser;

/** A contact of the member invites a new address; returns the invitation and the link's token from the mail. */
async function freshInvitation(side: Ids) {
  const email = `invitee-${crypto.randomBytes(4).toString('hex')}@matrix.example`;
  const m = await must(
    side === world.own ? as.contact! : contactB,
    'POST',
    `/api/v1/membership/portal/${side.membership}/representatives`,
    { name: 'Invitee', email },
  );
  const [mail] = await h.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.to, email));
  return {
    repInvitation: m.invitations.find((i: { email: string }) => i.email === email).id as string,
    token: /token=([A-Za-z0-9_-]+)/.exec(mail.text)![1],
  };
}

/** Someone new joins the group (asks, a secretariat member approves): a membership to act on. */
async function freshGroupMember(groupId: string) {
  const u = await h.user();
  const m = await must(u, 'POST', `/api/v1/groups/${groupId}/requests`, {});
  await must(as.secretariat!, 'POST', `/api/v1/groups/${groupId}/members/${m.id}/approve`);
  return { groupMember: m.id };
}

/** A new copy of the resource a consuming request uses up. */
async function fresh(kind: string, side: 'own' | 'other', who: TestUser | null): Promise<{ ids: Ids; who: TestUser | null }> {
  const ids = world[side];
  const sec = as.secretariat!;
  switch (kind) {
    case 'session':
      return {
        ids: {
          session: (
            await must(sec, 'POST', `/api/v1/events/${ids.event}/sessions`, {
              kind: 'plenary',
              title: { en: 'Spare' },
              startsAt: '2026-12-09T22:00:00+08:00',
              endsAt: '2026-12-09T23:00:00+08:00',
            })
          ).id,
        },
        who,
      };
    case 'applicationDoc': {
      const owner = side === 'own' ? as.applicant! : outsider;
      return {
        ids: { applicationDoc: (await must(owner, 'POST', `/api/v1/membership/applications/${ids.application}/documents`, pdf())).id },
        who,
      };
    }
    case 'representative': {
      const email = `rep-${crypto.randomBytes(4).toString('hex')}@matrix.example`;
      const m = await must(as.admin!, 'POST', `/api/v1/membership/portal/${ids.membership}/representatives`, { name: 'Rep', email });
      return { ids: { representative: m.representatives.find((r: { email: string }) => r.email === email).userId }, who };
    }
    case 'repInvitation':
      return { ids: { repInvitation: (await freshInvitation(ids)).repInvitation }, who };
    case 'event':
      await must(sec, 'POST', `/api/v1/events/${ids.event}/publish`, { force: true });
      return { ids: {}, who };
    case 'registration': {
      await must(sec, 'POST', `/api/v1/events/${ids.event}/publish`, { force: true });
      // The delegate role moves to whoever holds the new registration.
      const owner = side === 'own' ? await h.user() : outsider;
      const wasDelegate = who?.id === as.delegate?.id;
      if (side === 'own') as.delegate = owner;
      const r = await must(owner, 'POST', `/api/v1/events/${ids.event}/registrations`, registrationBody);
      return { ids: { registration: r.id }, who: wasDelegate ? owner : who };
    }
    case 'groupMember':
      return { ids: await freshGroupMember(ids.group), who };
    case 'round': {
      // One round per version: close the last one, open the next on a new version.
      await h.call(as.admin!, { method: 'POST', url: `/api/v1/documents/${ids.document}/rounds/${world[side].round}/close` });
      await must(as.admin!, 'POST', `/api/v1/documents/${ids.document}/versions`, {});
      world[side].round = (
        await must(as.admin!, 'POST', `/api/v1/documents/${ids.document}/rounds`, { closesAt: '2030-01-01T10:00:00Z' })
      ).id;
      return { ids: { round: world[side].round }, who };
    }
    default:
      return { ids: {}, who };
  }
}

beforeAll(async () => {
  h = await createHarness();
  await buildWorld();
}, 300_000);
afterAll(() => h?.close());

const expand = (w: Who | undefined): readonly MatrixRole[] =>
  w === 'all' ? matrixRoles : w === 'users' ? matrixRoles.filter((r) => r !== 'anon') : (w ?? []);

/** The expectation of a route: its entry, or the default of its declared access. */
function expectation(access: 'public' | 'user' | string[], rule: Rule) {
  if (access === 'public') return { own: expand(rule.own ?? 'all'), other: expand(rule.other ?? rule.own ?? 'all') };
  if (access === 'user') return { own: expand(rule.own), other: expand(rule.other ?? rule.own) };
  const holders = matrixRoles.filter((r) => r === 'admin' || (access as string[]).includes(r));
  return { own: holders, other: holders };
}

const bodyFor = (method: string, rule: Rule, ids: Ids) => {
  if (method === 'GET' || method === 'DELETE') return {};
  const b = rule.body ? rule.body(ids) : {};
  if (b === 'pdf') return pdf();
  if (b === 'png') return png();
  if (b === 'csv') return multipart('guests.csv', 'email,name,category\nx@matrix.example,X,delegate\n', 'text/csv');
  return { payload: (b ?? {}) as object };
};

describe('authorization matrix', () => {
  it('has an entry for every route, and a route for every entry', () => {
    const routes = h.app.routeTable.map((r) => `${r.method} ${r.url}`);
    expect(
      routes.filter((r) => !(r in matrix)),
      'routes without an entry in matrix.ts',
    ).toEqual([]);
    expect(
      Object.keys(matrix).filter((k) => !routes.includes(k)),
      'entries for routes that no longer exist',
    ).toEqual([]);
    const userRoutes = h.app.routeTable.filter((r) => r.access === 'user').map((r) => `${r.method} ${r.url}`);
    expect(
      userRoutes.filter((k) => !matrix[k].own),
      "'user' routes must say who gets past",
    ).toEqual([]);
  });

  it('every reference in a request body is checked: a caller without rights over the record is refused, and nothing changes', async () => {
    const { own, other } = world;
    const sec = as.secretariat!;
    // What the reference cases use besides the matrix world: records of the caller's own, and foreign ones.
    const [person] = await h.database.rows<{ id: string }>(sql`select id from people order by created_at limit 1`);
    const [series] = await h.database.rows<{ id: string }>(sql`select id from event_series limit 1`);
    const room = async (eventId: string) =>
      (await must(sec, 'POST', `/api/v1/events/${eventId}/rooms`, { name: { en: 'Ref room' }, capacity: 500 })).id as string;
    const channel = async (eventId: string) =>
      (await must(sec, 'POST', `/api/v1/events/${eventId}/channels`, { name: 'Ref channel', quota: 5 })).id as string;
    // An entry of a call the reviewer does not review.
    const openCall = (
      await must(sec, 'POST', '/api/v1/calls', {
        template: 'practice-case',
        codePrefix: 'REF',
        year: 2026,
        opensAt: '2026-01-01T00:00:00Z',
        closesAt: '2099-01-01T00:00:00Z',
        published: true,
      })
    ).id;
    const elsewhere = await must(outsider, 'POST', `/api/v1/calls/${openCall}/submissions`, { answers: {} });
    // The applicant works at an organization of their own (not a member), so they may file entries for it.
    const applicantOrg = (
      await must(sec, 'POST', '/api/v1/directory/organizations', {
        name: { en: 'Applicant Lab' },
        countryCode: 'FR',
        stakeholderGroup: 'academia',
      })
    ).id as string;
    const applicantPerson = await must(sec, 'POST', '/api/v1/directory/people', {
      name: 'Matrix Applicant',
      email: as.applicant!.email,
      affiliations: [{ organizationId: applicantOrg }],
    });
    await h.database.rows(sql`update people set user_id = ${as.applicant!.id} where id = ${applicantPerson.id}`);
    const mine: Ids = {
      ...own,
      person: person.id,
      series: series.id,
      room: await room(own.event),
      channel: await channel(own.event),
      applicantOrganization: applicantOrg,
    };
    /** Per caller, an existing record of each kind they may not use; every kind also gets an id that matches nothing. */
    const foreign: Partial<Record<MatrixRole, Record<string, string>>> = {
      contact: { ownOrganization: other.organization },
      applicant: { ownOrganization: own.organization, session: other.shownSession },
      delegate: { session: other.shownSession },
      manager: {
        room: await room(other.event),
        invitationChannel: await channel(other.event),
        registration: other.registration,
        session: other.shownSession,
      },
      reviewer: { submission: elsewhere.id },
      chair: { event: other.shownEvent, user: as.member!.id },
    };
    const setAt = (body: unknown, path: string, value: string) => {
      const keys = path.split('.');
      let o = body as Record<string, unknown>;
      for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
      o[keys.at(-1)!] = value;
    };
    const failures: string[] = [];
    let cases = 0;
    // No body takes a bare id: every id is a reference with a kind, so it cannot skip the check.
    for (const r of h.app.routeTable)
      for (const f of r.body ? idFieldsOf(r.body as z.ZodType) : [])
        if (!f.kind) failures.push(`${r.method} ${r.url}: body.${f.path} is a bare uuid; declare it with ref(kind)`);
    const withRefs = h.app.routeTable.filter((r) => r.body && idFieldsOf(r.body as z.ZodType).some((f) => f.kind));
    for (const route of withRefs) {
      const key = `${route.method} ${route.url}`;
      const c = referenceCases[key];
      if (!c) {
        failures.push(`${key}: no case in referenceCases`);
        continue;
      }
      const schema = route.body as z.ZodType;
      const ids: Ids = { ...mine, user: as[c.who]!.id };
      const url = route.url.replace(/:(\w+)/g, (_, p: string) => ids[c.params?.[p] ?? p]);
      const template = c.body(ids);
      const found = referencesIn(schema, template);
      const declared = idFieldsOf(schema).filter((f) => f.kind);
      const covered = new Set(found.map((f) => `${f.path.replace(/\.\d+(?=\.|$)/g, '.*')} ${f.kind}`));
      for (const d of declared)
        if (!covered.has(`${d.path} ${d.kind}`)) failures.push(`${key}: the case leaves body.${d.path} (${d.kind}) out`);
      for (const ref of found) {
        for (const bad of [foreign[c.who]?.[ref.kind], '0b6f3a52-1c1e-4f9e-8d6a-3f6c2b1a9e77'].filter((x): x is string => !!x)) {
          const body = structuredClone(template);
          setAt(body, ref.path, bad);
          const before = await snapshot(h.database);
          const res = await h.call(as[c.who]!, { method: route.method as 'POST', url, payload: body });
          const changed = changedTables(before, await snapshot(h.database));
          cases++;
          const problem = res.json() as { code?: string; errors?: Array<{ path: string }> };
          if (res.statusCode !== 404 || problem.code !== 'reference_not_found' || !problem.errors?.some((e) => e.path === ref.path))
            failures.push(
              `${key} as ${c.who}, body.${ref.path} = ${bad === foreign[c.who]?.[ref.kind] ? `foreign ${ref.kind}` : 'unknown id'}: ${res.statusCode} ${res.body.slice(0, 200)}`,
            );
          if (changed.length) failures.push(`${key} as ${c.who}, body.${ref.path}: the refusal changed ${changed.join(', ')}`);
        }
      }
      // The control: with the caller's own records, the references pass (whatever the handler then says).
      const control = await h.call(as[c.who]!, { method: route.method as 'POST', url, payload: template });
      if (control.statusCode === 404 && control.json().code === 'reference_not_found')
        failures.push(`${key} as ${c.who}: its own records were refused: ${control.body.slice(0, 200)}`);
    }
    for (const k of Object.keys(referenceCases))
      if (!withRefs.some((r) => `${r.method} ${r.url}` === k)) failures.push(`${k}: a case for a route without references`);
    console.log(`foreign-reference check: ${withRefs.length} operations, ${cases} refused requests`);
    expect(failures).toEqual([]);
  }, 300_000);

  it("every role gets past exactly where the table says, on its own and on others' resources", async () => {
    const started = Date.now();
    const failures: string[] = [];
    let cases = 0;
    const outcomes = { ok: 0, other4xx: 0, refused: 0 };
    // Reads first, then writes, then requests that use their resource up.
    const rank = (r: { method: string; url: string }) => (matrix[`${r.method} ${r.url}`].fresh ? 2 : r.method === 'GET' ? 0 : 1);
    const routes = [...h.app.routeTable].sort((a, b) => rank(a) - rank(b));
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const rule = matrix[key];
      const roleRoute = Array.isArray(route.access);
      const expected = expectation(route.access as never, rule);
      const hasResource = !roleRoute && /:/.test(route.url) && !!rule.params;
      for (const side of hasResource ? (['other', 'own'] as const) : (['own'] as const)) {
        const allowed = expected[side];
        // Refused callers first, so a granted consuming request cannot hide a later refusal.
        const order = [...matrixRoles].sort((a, b) => Number(allowed.includes(a)) - Number(allowed.includes(b)));
        for (const role of order) {
          let who = as[role] ?? null;
          let ids: Ids = { ...world[side] };
          if (rule.fresh && allowed.includes(role)) {
            const f = await fresh(rule.fresh, side, who).catch((e: Error) => {
              failures.push(`${key} [${side}] as ${role}: ${e.message}`);
              return { ids: {}, who };
            });
            ids = { ...ids, ...f.ids };
            who = f.who;
          }
          const url = route.url.replace(/:([a-zA-Z]+)/g, (_, p: string) => {
            if (roleRoute)
              return p === 'round' ? '1' : p === 'locale' ? 'en' : p === 'kind' ? 'organizations' : p === 'key' ? 'invitation' : unknownId;
            const ref = rule.params?.[p];
            return ref && ref in ids ? ids[ref] : (ref ?? unknownId);
          });
          const query = rule.query ? `?${rule.query(ids)}` : '';
          const res = await h.call(who, { method: route.method as 'GET', url: url + query, ...bodyFor(route.method, rule, ids) });
          cases++;
          outcomes[
            res.statusCode < 300
              ? 'ok'
              : res.statusCode === 401 || res.statusCode === 403 || res.statusCode === 404
                ? 'refused'
                : 'other4xx'
          ]++;
          // Signing out ends the session (or all of them): the role goes on with a new one.
          if (rule.fresh === 'signin' && who) as[role] = await newSession(who);
          const refused = res.statusCode === 401 || res.statusCode === 403 || (!roleRoute && res.statusCode === 404);
          const want = allowed.includes(role);
          if (res.statusCode >= 500 || refused === want)
            failures.push(
              `${key} [${side}] as ${role}: ${res.statusCode} (expected ${want ? 'past' : 'refused'}) ${res.body.slice(0, 120)}`,
            );
        }
      }
    }
    console.log(
      `authorization matrix: ${cases} cases over ${routes.length} routes × ${matrixRoles.length} roles (own and other resources): ${outcomes.ok} answered 2xx, ${outcomes.other4xx} got past access with another 4xx, ${outcomes.refused} refused (401/403/404); ${failures.length} failures, ${Date.now() - started} ms`,
    );
    expect(failures).toEqual([]);
  }, 600_000);
});
