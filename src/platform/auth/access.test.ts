import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalRoles } from './access.js';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';

let h: Harness;
let plain: TestUser;
const roleUsers: Record<string, TestUser> = {};

beforeAll(async () => {
  h = await createHarness();
  plain = await h.user();
  for (const r of globalRoles) roleUsers[r] = await h.user({ roles: [r] });
});
afterAll(() => h.close());

const fill = (url: string) => url.replace(/:[a-zA-Z]+/g, '0b6f3a52-1c1e-4f9e-8d6a-3f6c2b1a9e77');

/**
 * The routes anyone may call. A new public route must be added here on
 * purpose; everything else must refuse anonymous callers.
 */
const publicRoutes = new Set([
  'GET /api/v1/auth/me',
  'POST /api/v1/auth/signup',
  'POST /api/v1/auth/verify',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/login-link',
  'POST /api/v1/auth/login-link/redeem',
  'POST /api/v1/auth/password-reset',
  'POST /api/v1/auth/password-reset/complete',
  'GET /api/v1/countries',
  'GET /api/v1/files/logos/:id',
  // membership: categories open for applications, starting an application by e-mail, the public member directory
  'GET /api/v1/membership/categories',
  'POST /api/v1/membership/applications/start',
  'GET /api/v1/membership/members',
  'GET /api/v1/membership/members/:id',
  // events: the published program (visibility checked in the handler), personal links, visa-letter verification
  'GET /api/v1/event-series',
  'GET /api/v1/events',
  'GET /api/v1/events/:id',
  'GET /api/v1/events/:id/rooms',
  'GET /api/v1/events/:id/agenda',
  'GET /api/v1/sessions/:id',
  'GET /api/v1/events/:id/calendar.ics',
  'GET /api/v1/sessions/:id/calendar.ics',
  'GET /api/v1/agenda/:token',
  'GET /api/v1/invitations/:token',
  'POST /api/v1/invitations/:token/decline',
  'GET /api/v1/visa-letters/:ref',
  // calls and showcase: published calls and published selections only
  'GET /api/v1/calls',
  'GET /api/v1/calls/:id',
  'GET /api/v1/showcase',
  'GET /api/v1/showcase/facets',
  'GET /api/v1/showcase/entries/:id',
  'GET /api/v1/showcase/booklet.pdf',
  'GET /api/v1/showcase/export.xlsx',
  'GET /api/v1/search',
  'GET /api/v1/portal/page',
  // Working groups: public pages; documents show only final and published versions to the public (service-checked).
  'GET /api/v1/groups',
  'GET /api/v1/groups/:id',
  'GET /api/v1/documents/:id',
  'GET /api/v1/documents/:id/versions/:versionId',
  'GET /api/v1/documents/:id/diff',
  'GET /api/v1/documents/:id/endorsements',
  'GET /api/v1/documents/:id/submissions',
  // Library: public browsing and downloads of published publications.
  'GET /api/v1/library',
  'GET /api/v1/library/facets',
  'GET /api/v1/library/:id',
  'GET /api/v1/library/:id/cover',
  'GET /api/v1/library/:id/files/:lang',
]);

describe('every route declares who may call it', () => {
  it('has a route table', () => {
    expect(h.app.routeTable.length).toBeGreaterThan(20);
  });

  it('public routes are exactly the reviewed list', () => {
    const actual = h.app.routeTable.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`);
    const missing = actual.filter((r) => !publicRoutes.has(r));
    expect(missing, 'public routes not in the reviewed list').toEqual([]);
  });

  it('anonymous callers are refused on every other route', async () => {
    const failures: string[] = [];
    for (const r of h.app.routeTable.filter((r) => r.access !== 'public')) {
      const res = await h.call(null, {
        method: r.method as 'GET',
        url: fill(r.url),
        payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
      });
      if (res.statusCode !== 401) failures.push(`${r.method} ${r.url} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('callers without the role are refused on role routes', async () => {
    const failures: string[] = [];
    for (const r of h.app.routeTable.filter((r) => Array.isArray(r.access))) {
      const roles = r.access as string[];
      const outsiders = [plain, ...globalRoles.filter((g) => g !== 'admin' && !roles.includes(g)).map((g) => roleUsers[g])];
      for (const who of outsiders) {
        const res = await h.call(who, {
          method: r.method as 'GET',
          url: fill(r.url),
          payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
        });
        if (res.statusCode !== 403) failures.push(`${r.method} ${r.url} as ${who.email} → ${res.statusCode}`);
      }
      // And a holder of the role (or an admin) gets past the check: anything but 401/403.
      const insider = roleUsers[roles[0]] ?? roleUsers.admin;
      const res = await h.call(insider, {
        method: r.method as 'GET',
        url: fill(r.url),
        payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
      });
      if (res.statusCode === 401 || res.statusCode === 403) failures.push(`${r.method} ${r.url} refused its own role → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('OpenAPI', () => {
  it('is a valid OpenAPI 3.1 document generated from the route schemas', async () => {
    const res = await h.call(null, { method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/v1/directory/organizations');
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy();
  });

  it('declares a real response schema for every success status of every operation', async () => {
    type Schema = Record<string, unknown>;
    type Operation = { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> };
    const doc = (await h.call(null, { method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    // A schema that accepts anything: {} (z.any, z.unknown), or one that only describes itself.
    const vague = (s: Schema) =>
      Object.keys(s).filter((k) => !['description', 'title', '$schema', 'default', 'examples'].includes(k)).length === 0;
    // Every place inside a schema where a value of any shape would pass.
    const loose = (s: unknown, at: string): string[] => {
      if (!s || typeof s !== 'object') return [];
      const schema = s as Schema;
      if (vague(schema)) return [at || '(root)'];
      const out: string[] = [];
      for (const [k, v] of Object.entries(schema)) {
        if (k === 'properties' && v && typeof v === 'object')
          for (const [name, sub] of Object.entries(v)) out.push(...loose(sub, `${at}.${name}`));
        else if (k === 'items' || (k === 'additionalProperties' && typeof v === 'object')) out.push(...loose(v, `${at}[]`));
        else if ((k === 'anyOf' || k === 'oneOf' || k === 'allOf') && Array.isArray(v))
          for (const [i, sub] of v.entries()) out.push(...loose(sub, `${at}|${i}`));
      }
      return out;
    };
    const problems: string[] = [];
    let operations = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (!path.startsWith('/api/v1/')) continue;
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        operations++;
        const success = Object.entries(op.responses ?? {}).filter(([status]) => status.startsWith('2'));
        if (!success.length) problems.push(`${method.toUpperCase()} ${path}: no success response declared`);
        for (const [status, answer] of success) {
          if (status === '204') continue;
          const schemas = Object.values(answer.content ?? {}).map((c) => c.schema);
          if (!schemas.length || schemas.some((s) => !s)) problems.push(`${method.toUpperCase()} ${path} ${status}: no schema`);
          for (const s of schemas)
            for (const at of loose(s, '')) problems.push(`${method.toUpperCase()} ${path} ${status}: anything goes at ${at}`);
        }
      }
    }
    expect(operations).toBe(h.app.routeTable.length);
    expect(problems).toEqual([]);
  });

  it('serves readable docs', async () => {
    const res = await h.call(null, { method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });
});
