import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../../demo.js';
import { createSession } from '../../features/accounts/service.js';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { sameUntilWritten } from '../../test/snapshot.js';
import { arbitraryFor, hostileJson, hostileString, type JsonSchema } from './json-schema-arbitrary.js';

/**
 * Property-based fuzzing of every JSON route, generated from the route table
 * and the OpenAPI document: schema-shaped values and hostile ones, as an admin
 * (so authorization lets them reach the services). Every answer must be below
 * 500, every refusal problem+json, and a refused request must leave the
 * database as it was.
 *
 * The row counts are read again only when something was written since they
 * were last read (sameUntilWritten; the session each request signs in with
 * does not count), so a refusal that wrote nothing costs no count. A route that takes no input at all (no path, query or body) has a
 * single possible request, so it is sent once instead of runsPerRoute times.
 */
let h: Harness;
let admin: TestUser;
let idPool: string[] = [];
let tables: string[] = [];
const runsPerRoute = Number(process.env.FUZZ_RUNS ?? 20);
const stats = { requests: 0, refused: 0, routes: 0 };

beforeAll(async () => {
  h = await createHarness();
  await seedDemo(h.ctx);
  admin = await h.user({ roles: ['admin'] });
  tables = (
    await h.database.rows<{ t: string }>(
      sql`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    )
  ).map((r) => r.t);
  // Real ids make requests reach deeper than "not found".
  for (const t of tables) {
    const cols = await h.database.rows<{ c: string }>(
      sql`select column_name as c from information_schema.columns where table_schema = 'public' and table_name = ${t} and column_name = 'id' and data_type = 'uuid'`,
    );
    if (cols.length)
      idPool.push(
        ...(await h.database.rows<{ id: string }>(sql`select id::text as id from ${sql.identifier(t)} limit 5`)).map((r) => r.id),
      );
  }
  idPool = [...new Set(idPool)];
  fingerprint = sameUntilWritten(h.database, async () => {
    const parts = tables.filter((t) => t !== 'sessions').map((t) => sql`select ${t} as t, count(*)::int as n from ${sql.identifier(t)}`);
    const rows = await h.database.rows<{ t: string; n: number }>(sql.join(parts, sql` union all `));
    return Object.fromEntries(rows.map((r) => [r.t, r.n]));
  });
}, 600_000);
afterAll(async () => {
  console.log(`fuzz: ${stats.requests} requests to ${stats.routes} routes, ${stats.refused} refused cleanly, 0 server errors`);
  await h?.close();
});

/** Row counts of every table except sessions (the fuzzer makes its own). */
let fingerprint: ReturnType<typeof sameUntilWritten<Record<string, number>>>;

/** A new session of the admin, as the request's credentials (some routes end the session they are called with). */
async function freshAdmin(): Promise<TestUser> {
  const s = await createSession(h.ctx.db, admin.id, 1, {});
  return { ...admin, cookie: `wz_session=${s.token}`, csrf: s.csrfToken };
}

it('no input to any JSON route gets a 5xx, and refused requests change nothing', { timeout: 1_800_000 }, async () => {
  const doc = (await h.call(null, { method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<
      string,
      Record<
        string,
        {
          requestBody?: { content?: Record<string, { schema: JsonSchema }> };
          parameters?: Array<{ in: string; name: string; schema: JsonSchema }>;
        }
      >
    >;
  };
  const failures: string[] = [];
  for (const route of h.app.routeTable) {
    const oaPath = route.url.replace(/:([a-zA-Z]+)/g, '{$1}');
    const op = doc.paths[oaPath]?.[route.method.toLowerCase()];
    if (!op || op.requestBody?.content?.['multipart/form-data']) continue;
    stats.routes++;
    const bodySchema = op.requestBody?.content?.['application/json']?.schema;
    const query = (op.parameters ?? []).filter((p) => p.in === 'query');
    const paramArb = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...(idPool.length ? idPool : ['00000000-0000-4000-8000-000000000000'])) },
      { weight: 1, arbitrary: fc.uuid() },
      { weight: 1, arbitrary: hostileString.filter((s) => s.length > 0 && s.length < 2000) },
    );
    const queryArb = fc.record(Object.fromEntries(query.map((q) => [q.name, fc.oneof(arbitraryFor(q.schema), hostileString)])), {
      requiredKeys: [],
    });
    const noBody = route.method === 'GET' || route.method === 'DELETE';
    const bodyArb = noBody
      ? fc.constant(undefined)
      : fc.oneof({ weight: 3, arbitrary: arbitraryFor(bodySchema) }, { weight: 1, arbitrary: hostileJson });
    const runs = noBody && query.length === 0 && !route.url.includes(':') ? 1 : runsPerRoute;
    await fc.assert(
      fc.asyncProperty(fc.array(paramArb, { minLength: 3, maxLength: 3 }), queryArb, bodyArb, async (params, q, body) => {
        let i = 0;
        const url = route.url.replace(/:[a-zA-Z]+/g, () => encodeURIComponent(params[i++ % 3]));
        const search = new URLSearchParams(
          Object.entries(q).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
        ).toString();
        const who = await fingerprint.besides(freshAdmin);
        const before = await fingerprint.read();
        const res = await h.call(who, {
          method: route.method as 'GET',
          url: search ? `${url}?${search}` : url,
          payload: body === undefined ? undefined : JSON.stringify(body),
          headers: body === undefined ? {} : { 'content-type': 'application/json' },
        });
        stats.requests++;
        if (res.statusCode >= 500) {
          failures.push(
            `${route.method} ${route.url} → ${res.statusCode} ${res.body.slice(0, 300)} (body ${JSON.stringify(body)?.slice(0, 200)})`,
          );
          return;
        }
        if (res.statusCode >= 400) {
          stats.refused++;
          expect(res.headers['content-type'], `${route.method} ${url}`).toContain('application/problem+json');
          expect(await fingerprint.read(), `${route.method} ${url} refused with ${res.statusCode} but changed the database`).toEqual(
            before,
          );
        }
      }),
      { numRuns: runs, seed: Number(process.env.FUZZ_SEED ?? 20261124) },
    );
  }
  expect(failures).toEqual([]);
  expect(stats.requests).toBeGreaterThan(100);
});
