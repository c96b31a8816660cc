import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo.js';
import { createSession, grantRole } from '../../features/accounts/service.js';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import type { JsonSchema } from '../security/json-schema-arbitrary.js';
import { matrix, personas, type Kind, type Persona, type Rule } from './matrix.js';

// Every route × every persona × an owned and a not-owned resource, on the demo
// world plus resources the personas create for themselves through the API.

let h: Harness;
const who: Record<Persona, TestUser | null> = {} as never;
/** The persona's own resource of each kind it owns. */
const own: Partial<Record<Persona, Partial<Record<Kind, string>>>> = {};
/** Someone else's resource of each kind (a stranger's, or a group none of the personas belongs to). */
const other: Partial<Record<Kind, string>> = {};
/** Values for the other path parameters. */
const extra: Record<string, string> = {};
const dummy = '0b6f3a52-1c1e-4f9e-8d6a-3f6c2b1a9e77';

const one = async <T = Record<string, string>>(q: ReturnType<typeof sql>) => (await h.database.rows<T>(q))[0];

async function signedIn(email: string): Promise<TestUser> {
  const u = await one<{ id: string }>(sql`select id from users where email = ${email}`);
  const s = await createSession(h.ctx.db, u.id, 1, {});
  return { id: u.id, email, cookie: `wz_session=${s.token}`, csrf: s.csrfToken };
}

async function api(user: TestUser, method: string, url: string, payload?: unknown) {
  const res = await h.call(user, { method: method as 'POST', url, payload: payload as never });
  if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
  return res.json();
}

beforeAll(async () => {
  h = await createHarness();
  await seedDemo(h.ctx);
  who.anonymous = null;
  who.admin = await h.user({ roles: ['admin'] });
  who.secretariat = await h.user({ roles: ['secretariat'] });
  who.reviewer = await signedIn('reviewer@wuzhen.example');
  who.memberContact = await signedIn('member@wuzhen.example');
  who.chair = await signedIn('ai.chair@wuzhen.example');
  who.applicant = await h.user();
  who.delegate = await h.user();
  who.groupMember = await h.user();
  const stranger = await h.user();

  const call = await one(sql`select id from calls where published and opens_at <= now() and closes_at > now() order by created_at limit 1`);
  const event = await one(sql`select id from events where status = 'published' and registration_open and visibility = 'public' order by start_date desc limit 1`);
  const session = await one(sql`select id from event_sessions where event_id = ${event.id} order by starts_at limit 1`);
  other.call = call.id;
  other.event = event.id;
  other.session = session.id;
  extra.sessionId = session.id;

  // Applications, submissions and registrations of their own, made as anyone would.
  const application = (u: TestUser) => api(u, 'POST', '/api/v1/membership/applications', { categoryKey: 'individual', data: { individual: { name: 'Matrix Person', countryCode: 'BR' }, motivation: 'Testing.' } });
  const submission = (u: TestUser) => api(u, 'POST', `/api/v1/calls/${call.id}/submissions`, { answers: {} });
  const registration = (u: TestUser) => api(u, 'POST', `/api/v1/events/${event.id}/registrations`, { category: 'delegate', attendance: 'online', name: 'Matrix Delegate', sessions: [] });
  own.applicant = { application: (await application(who.applicant)).id, submission: (await submission(who.applicant)).id };
  own.delegate = { registration: (await registration(who.delegate)).id };
  other.application = (await application(stranger)).id;
  other.submission = (await submission(stranger)).id;
  other.registration = (await registration(stranger)).id;
  other.reviewSubmission = other.submission;

  // The member contact's organization, and one they have nothing to do with.
  // The member portal is addressed by membership.
  const contactOf = await one(sql`select scope_id as id from role_grants where user_id = ${who.memberContact.id} and role = 'org_contact' limit 1`);
  own.memberContact = { org: (await one(sql`select id from memberships where organization_id::text = ${contactOf.id} limit 1`)).id };
  other.org = (await one(sql`select id from memberships where organization_id is not null and organization_id::text not in (select scope_id from role_grants g where g.user_id = ${who.memberContact.id}) limit 1`)).id;
  extra.userId = who.memberContact.id;

  // The reviewer's pool invitation and assigned submission; another expert's invitation.
  const invitation = await one(sql`select id from reviewers where user_id = ${who.reviewer.id} limit 1`);
  const assigned = await one(sql`select a.submission_id as id from review_assignments a join reviewers r on r.id = a.reviewer_id where r.user_id = ${who.reviewer.id} limit 1`);
  own.reviewer = { reviewInvitation: invitation.id, reviewSubmission: assigned.id };
  other.reviewInvitation = (await one(sql`select id from reviewers where user_id is distinct from ${who.reviewer.id} limit 1`)).id;

  // The AI group: its chair, and a plain member; another group none of them is in.
  const ai = await one(sql`select id from working_groups where slug = 'artificial-intelligence'`);
  const elsewhere = await one(sql`select id from working_groups where id not in (select group_id from group_members where user_id in (${who.chair.id}, ${who.memberContact.id}, ${who.reviewer.id})) limit 1`);
  await h.database.rows(sql`insert into group_members (group_id, user_id, role, status) values (${ai.id}, ${who.groupMember.id}, 'member', 'active')`);
  await grantRole(h.ctx.db, who.groupMember.id, 'group_member', { type: 'group', id: ai.id });
  const aiDoc = await one(sql`select id from documents where group_id = ${ai.id} order by created_at limit 1`);
  const otherDoc = await one(sql`select id from documents where group_id = ${elsewhere.id} order by created_at limit 1`);
  own.chair = { group: ai.id, document: aiDoc.id };
  own.groupMember = { group: ai.id, document: aiDoc.id };
  other.group = elsewhere.id;
  other.document = otherDoc?.id ?? dummy;
  // Membership decisions and role changes act on a demo member, not on a persona.
  extra.memberId = (await one(sql`select id from group_members where group_id = ${ai.id} and user_id not in (${who.groupMember.id}, ${who.chair.id}) order by (role = 'member') desc limit 1`)).id;
  extra.versionId = (await one(sql`select id from document_versions where document_id = ${aiDoc.id} order by created_at desc limit 1`)).id;
  extra.meetingId = (await one(sql`select id from group_meetings where group_id = ${ai.id} limit 1`))?.id ?? dummy;
  extra.threadId = (await one(sql`select id from group_threads where group_id = ${ai.id} limit 1`))?.id ?? dummy;
}, 300_000);

afterAll(() => h?.close());

/** A small body that passes the route's schema, so the request reaches the handler's own checks. */
function exampleFor(schema: JsonSchema | undefined): unknown {
  if (!schema) return {};
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return exampleFor(options.find((o) => o.type !== 'null') ?? options[0]);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((x) => exampleFor(x) as object));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries((schema.required ?? []).map((k) => [k, exampleFor(schema.properties?.[k])]));
    case 'array':
      return Array.from({ length: (schema as { minItems?: number }).minItems ?? 0 }, () => exampleFor(schema.items));
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'string': {
      const f = schema.format;
      if (f === 'uuid') return dummy;
      if (f === 'email') return 'someone@matrix.example';
      if (f === 'date') return '2026-12-01';
      if (f === 'date-time') return '2026-12-01T01:00:00.000Z';
      if (f === 'uri') return 'https://matrix.example/';
      return 'Matrix text'.padEnd(schema.minLength ?? 0, '.').slice(0, schema.maxLength ?? 1000);
    }
    default:
      return {};
  }
}

const literal: Record<string, string> = { answer: 'accept', decision: 'approve', lang: 'en', token: 'not-a-real-token', ref: 'not-a-real-ref' };

function urlFor(route: string, rule: Rule, id: string) {
  let first = true;
  return route.replace(/:([a-zA-Z]+)/g, (_, p: string) => {
    if (first && p === 'id' && rule.kind !== 'none') {
      first = false;
      return id;
    }
    first = false;
    return literal[p] ?? extra[p] ?? dummy;
  });
}

/** How a refusal names the resource the route is about ("This registration does not exist, or you may not see it."). */
const word: Record<Kind, string> = { application: 'application', org: 'membership', event: 'event', session: 'session', registration: 'registration', call: 'call', submission: 'submission', reviewSubmission: 'submission', reviewInvitation: 'invitation', group: 'group', document: 'document', none: '' };

/** Where the schema's smallest body is not enough to reach the check. */
const bodies: Record<string, Record<string, unknown>> = {
  'PUT /api/v1/groups/:id/members/:memberId/role': { role: 'co_chair' },
};

function expected(rule: Rule, persona: Persona, owned: boolean) {
  if (rule.anyone) return true;
  if (persona === 'anonymous') return false;
  if (rule.signedIn) return true;
  if (rule.all?.includes(persona)) return true;
  return owned && !!rule.owners?.includes(persona);
}

// Order: reads first, then writes, then what ends sessions or removes things.
const late = /logout|\/unpublish|\/withdraw|\/cancel|\/decision|\/revoke|\/reissue|\/close$/;
const rank = (key: string) => (key.startsWith('GET ') ? 0 : key.startsWith('DELETE ') ? 2 : late.test(key) ? 3 : 1) + (key.includes('/auth/logout') ? 10 : 0);

describe('authorization matrix', () => {
  it('has an entry for every route, and every entry is a route', () => {
    const routes = h.app.routeTable.map((r) => `${r.method} ${r.url}`);
    expect(routes.filter((r) => !matrix[r]), 'routes without an entry in src/platform/auth/matrix.ts').toEqual([]);
    expect(Object.keys(matrix).filter((k) => !routes.includes(k)), 'entries for routes that do not exist').toEqual([]);
  });

  it('every route answers every persona as the matrix says, on owned and not-owned resources', async () => {
    const failures: string[] = [];
    let cases = 0;
    const keys = Object.keys(matrix).sort((a, b) => rank(a) - rank(b));
    const doc = (await h.call(null, { method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema: JsonSchema }> } }>> };
    const bodyOf = (method: string, route: string) => {
      const op = doc.paths[route.replace(/:([a-zA-Z]+)/g, '{$1}')]?.[method.toLowerCase()];
      const content = op?.requestBody?.content;
      if (content && !content['application/json']) return undefined; // multipart: see below
      return exampleFor(content?.['application/json']?.schema);
    };
    let undetermined = 0;
    for (const key of keys) {
      const rule = matrix[key];
      const [method, route] = key.split(' ');
      for (const owned of [false, true]) {
        for (const persona of personas) {
          const mine = own[persona]?.[rule.kind];
          if (owned && (!mine || rule.kind === 'none')) continue;
          const id = owned ? mine! : (other[rule.kind] ?? dummy);
          const url = urlFor(route, rule, id);
          const body = method === 'GET' || method === 'DELETE' ? undefined : { ...(bodyOf(method, route) as object), ...bodies[key] };
          // Signing out ends the session: those calls get a session of their own.
          const caller = key.includes('/auth/logout') && who[persona] ? await signedIn(who[persona]!.email) : who[persona];
          const res = await h.call(caller, { method: method as 'GET', url, payload: body as never });
          cases++;
          const s = res.statusCode;
          // A body the schema refuses (or a multipart route given JSON) never reaches the handler's ownership check.
          if ((s === 400 && res.json().code === 'validation_failed' && !expected(rule, persona, owned)) || s === 415) {
            undetermined++;
            continue;
          }
          const problem = String(res.headers['content-type'] ?? '').includes('json') ? (res.json() as { code?: string; detail?: string }) : {};
          // Refused by access: 401, 403 or 404 with the codes access checks use ("not found or no access" is 404).
          const refused = [401, 403, 404].includes(s) && ['unauthenticated', 'forbidden', 'not_found', 'csrf_failed'].includes(problem.code ?? '');
          const allow = expected(rule, persona, owned);
          // Allowed and then not found: something else the request names (a second id, an id in the body, a token), or
          // what an earlier allowed DELETE removed, is missing. The resource the route is about is still there.
          const otherThingMissing = s === 404 && (rule.kind === 'none' || method === 'DELETE' || !(problem.detail ?? '').startsWith(`This ${word[rule.kind]} `));
          const ok = allow ? !refused || otherThingMissing : refused;
          if (s >= 500) failures.push(`${key} as ${persona} (${owned ? 'own' : 'other'}) → ${s}`);
          else if (!ok) failures.push(`${key} as ${persona} (${owned ? 'own' : 'other'}): expected ${allow ? 'allowed' : 'refused'}, got ${s} ${String(res.headers['content-type'] ?? '').includes('json') ? `${res.json().code}: ${res.json().detail}` : ''}`);
        }
      }
    }
    console.log(`[matrix] ${Object.keys(matrix).length} routes × ${personas.length} personas × owned/not-owned: ${cases} requests, ${cases - undetermined} judged, ${undetermined} stopped by the body's validation first, ${failures.length} mismatches`);
    expect(failures).toEqual([]);
  }, 600_000);
});
