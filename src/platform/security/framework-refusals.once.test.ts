import net from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedTables, snapshot } from '../../test/snapshot.js';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';

/**
 * Refusals made before any of our code runs (Fastify's router, body parsers,
 * Node's HTTP parser) and by our own error handler, over a real socket: 431
 * and malformed request lines only exist there. Every answer must be a 4xx
 * application/problem+json with a stable code, and must not contain any part
 * of the request: each request carries MARKER in its path, parameters,
 * headers or body, and the marker must appear nowhere in the response.
 */
const MARKER = 'zq9marker';
const runs = Number(process.env.FUZZ_RUNS ?? 300);
const seed = Number(process.env.FUZZ_SEED ?? 20261207);

let h: Harness;
let admin: TestUser;
let port: number;
let hiddenSessionId: string;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.user({ roles: ['admin'] });
  // A draft event with one session: neither may be seen by an anonymous caller.
  const ev = await h.call(admin, {
    method: 'POST',
    url: '/api/v1/events',
    payload: {
      slug: 'hidden-draft',
      kind: 'forum',
      name: { en: 'Hidden draft' },
      startDate: '2027-03-01',
      endDate: '2027-03-02',
      timeZone: 'Asia/Shanghai',
      mode: 'online',
      visibility: 'public',
    },
  });
  expect(ev.statusCode).toBe(201);
  const ses = await h.call(admin, {
    method: 'POST',
    url: `/api/v1/events/${ev.json().id}/sessions`,
    payload: {
      kind: 'plenary',
      title: { en: 'Hidden session' },
      startsAt: '2027-03-01T10:00:00+08:00',
      endsAt: '2027-03-01T11:00:00+08:00',
    },
  });
  expect(ses.statusCode).toBe(201);
  hiddenSessionId = ses.json().id;
  await h.app.listen({ host: '127.0.0.1', port: 0 });
  port = (h.app.server.address() as net.AddressInfo).port;
});
afterAll(() => h?.close());

interface RawAnswer {
  status: number;
  head: string;
  headers: Record<string, string>;
  body: string;
}

/** Sends bytes on a fresh connection and reads one HTTP response (until its length is complete or the server closes). */
function raw(request: Buffer): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const all = Buffer.concat(chunks).toString('latin1');
      const end = all.indexOf('\r\n\r\n');
      if (end < 0) return reject(new Error(`no HTTP response (${all.length} bytes)`));
      const head = all.slice(0, end);
      const [statusLine, ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({
        status: Number(statusLine.split(' ')[1]),
        head,
        headers,
        body: Buffer.from(all.slice(end + 4), 'latin1').toString('utf8'),
      });
    };
    const timer = setTimeout(finish, 10_000);
    socket.on('data', (c) => {
      chunks.push(c);
      const all = Buffer.concat(chunks);
      const end = all.indexOf('\r\n\r\n');
      const length = end < 0 ? null : /\r\ncontent-length:\s*(\d+)/i.exec(all.subarray(0, end).toString('latin1'))?.[1];
      if (length != null && all.length >= end + 4 + Number(length)) finish();
    });
    socket.on('close', finish);
    // The server may close while we still write (e.g. after 431): what it answered is what counts.
    socket.on('error', () => {});
    socket.write(request);
  });
}

const text = (s: string) => Buffer.from(s, 'latin1');
const httpRequest = (line: string, headers: string[] = [], body = '') =>
  text(`${line}\r\n${['Host: 127.0.0.1', ...headers, 'Connection: close'].join('\r\n')}\r\n\r\n${body}`);

/** The shape every refusal must have, and no trace of the marker anywhere. */
function expectCleanRefusal(res: RawAnswer, what: string) {
  const where = `${what} → ${res.status} ${res.headers['content-type']} ${res.body.slice(0, 200)}`;
  expect(res.status, where).toBeGreaterThanOrEqual(400);
  expect(res.status, where).toBeLessThan(500);
  expect(res.headers['content-type'], where).toMatch(/^application\/problem\+json/);
  const p = JSON.parse(res.body) as Record<string, unknown>;
  expect(p.type, where).toBe('about:blank');
  expect(typeof p.title, where).toBe('string');
  expect(p.status, where).toBe(res.status);
  expect(p.code, where).toMatch(/^[a-z_]+$/);
  expect(typeof p.detail, where).toBe('string');
  expect(`${res.head}\r\n\r\n${res.body}`.toLowerCase(), where).not.toContain(MARKER);
  return p as { code: string; detail: string };
}

// Paths the server answers through every layer: API routes with and without
// parameters, server-rendered pages, static files, the SPA fallback.
const apiBases = ['/api/v1/events/', '/api/v1/sessions/', '/api/v1/events/x/agenda/', '/api/v1/search/', '/api/v1/', '/api/'];
const pageBases = ['/en/', '/zh-hans/events/', '/zh-hant/library/', '/assets/', '/', '/sitemap.xml/'];
const anyBase = fc.constantFrom(...apiBases, ...pageBases);
const badEscape = fc.constantFrom('%', '%z', '%zz', '%E0%A4%A', '%C3%28', '%ff', '%FF%FE', '%%', '%e2%82', '%ED%A0%80', '%c0%af', '%u0041');
const ctl = fc
  .integer({ min: 0, max: 31 })
  .filter((b) => b !== 9)
  .map((b) => String.fromCharCode(b))
  .chain((c) => fc.constantFrom(c, '\x7f'));
const highBytes = fc.uint8Array({ minLength: 1, maxLength: 8 }).map((a) => String.fromCharCode(...a.map((b) => 0x80 | b)));

interface Case {
  kind: string;
  request: Buffer;
}

const malformedPath: fc.Arbitrary<Case> = fc.tuple(anyBase, badEscape, fc.boolean()).map(([base, bad, before]) => ({
  kind: 'malformed percent-encoding',
  request: httpRequest(`GET ${base}${before ? bad + MARKER : MARKER + bad} HTTP/1.1`),
}));
const longParam: fc.Arbitrary<Case> = fc
  .tuple(
    fc.constantFrom('/api/v1/events/', '/api/v1/sessions/', '/api/v1/visa-letters/', '/api/v1/agenda/'),
    fc.integer({ min: 201, max: 12_000 }),
  )
  .map(([base, n]) => ({
    kind: 'path parameter over maxParamLength',
    request: httpRequest(`GET ${base}${MARKER}${'a'.repeat(n)} HTTP/1.1`),
  }));
const overlongUrl: fc.Arbitrary<Case> = fc
  .tuple(anyBase, fc.integer({ min: 17_000, max: 40_000 }), fc.boolean())
  .map(([base, n, inQuery]) => ({
    kind: 'overlong URL',
    request: httpRequest(`GET ${base}${MARKER}${inQuery ? '?q=' : ''}${'b'.repeat(n)} HTTP/1.1`),
  }));
const bigHeader: fc.Arbitrary<Case> = fc
  .tuple(fc.integer({ min: 17_000, max: 40_000 }), fc.boolean(), fc.integer({ min: 1, max: 400 }))
  .map(([n, inName, count]) => ({
    kind: 'oversized headers',
    request: httpRequest(
      'GET /api/v1/nothing-here HTTP/1.1',
      inName
        ? Array.from({ length: count }, (_, i) => `X-${MARKER}-${i}: ${'c'.repeat(Math.ceil(n / count))}`)
        : [`X-Filler: ${MARKER}${'c'.repeat(n)}`],
    ),
  }));
const bigCookie: fc.Arbitrary<Case> = fc
  .tuple(fc.integer({ min: 100, max: 40_000 }), fc.constantFrom('/api/v1/me/registrations', '/api/v1/sessions/x', '/api/v1/nothing-here'))
  .map(([n, path]) => ({
    kind: 'oversized cookie',
    // Under the header limit the request is parsed: an unknown session, then refused or not found.
    request: httpRequest(`GET ${path} HTTP/1.1`, [`Cookie: wz_session=${MARKER}${'d'.repeat(n)}; wz_lang=${MARKER}`]),
  }));
const controlBytes: fc.Arbitrary<Case> = fc
  .tuple(ctl, fc.constantFrom('path', 'header-value', 'header-name', 'method'))
  .map(([c, where]) => ({
    kind: `control byte 0x${c.charCodeAt(0).toString(16)} in ${where}`,
    request:
      where === 'path'
        ? httpRequest(`GET /api/v1/${MARKER}${c}x HTTP/1.1`)
        : where === 'header-value'
          ? httpRequest(`GET /api/v1/nothing-here HTTP/1.1`, [`X-Test: ${MARKER}${c}x`])
          : where === 'header-name'
            ? httpRequest(`GET /api/v1/nothing-here HTTP/1.1`, [`X-${MARKER}${c}x: y`])
            : httpRequest(`GE${c}T /api/v1/${MARKER} HTTP/1.1`),
  }));
const invalidUtf8: fc.Arbitrary<Case> = fc.tuple(highBytes, fc.constantFrom('path', 'query', 'header')).map(([bytes, where]) => ({
  kind: `invalid UTF-8 in ${where}`,
  request:
    where === 'path'
      ? httpRequest(`GET /api/v1/${MARKER}${bytes} HTTP/1.1`)
      : where === 'query'
        ? httpRequest(`GET /api/v1/sessions/${MARKER}?x=${bytes}${MARKER} HTTP/1.1`)
        : httpRequest(`GET /api/v1/nothing-here HTTP/1.1`, [`X-Test: ${bytes}${MARKER}`]),
}));
const badMethod: fc.Arbitrary<Case> = fc
  .oneof(
    fc.constantFrom(
      'PROPFIND',
      'MKCOL',
      'LOCK',
      'PURGE',
      'SEARCH',
      'get',
      'Get',
      'G E T',
      'GET\t',
      '',
      'CONNECT',
      'TRACE',
      'OPTIONS',
      `X${MARKER}`,
      `${MARKER.toUpperCase()}`,
    ),
    fc.stringMatching(/^[A-Z]{1,12}$/).filter((m) => m !== 'HEAD'),
  )
  .map((m) => ({ kind: `method ${JSON.stringify(m)}`, request: httpRequest(`${m} /api/v1/${MARKER} HTTP/1.1`) }));
// (A GET of an unknown page under /en/ is not a refusal: the web app answers and shows its own not-found page.)
const unknownRoute: fc.Arbitrary<Case> = fc
  .tuple(
    fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
    fc.constantFrom('/api/v1/', '/api/', '/api/v1/events/x/', '/assets/'),
    fc.stringMatching(/^[a-z0-9/._-]{0,40}$/),
  )
  .map(([m, base, rest]) => ({
    kind: `unknown route ${m}`,
    request: httpRequest(
      `${m} ${base}${MARKER}/${rest}.${MARKER} HTTP/1.1`,
      m === 'GET' || m === 'DELETE' ? [] : ['Content-Type: application/json', 'Content-Length: 2'],
      m === 'GET' || m === 'DELETE' ? '' : '{}',
    ),
  }));
const jsonRoutes = ['/api/v1/auth/login', '/api/v1/auth/login-link', '/api/v1/auth/signup', '/api/v1/auth/verify'];
const malformedJson: fc.Arbitrary<Case> = fc
  .tuple(
    fc.constantFrom(...jsonRoutes),
    fc.constantFrom(
      `{"email": "${MARKER}`,
      `{${MARKER}}`,
      `[${MARKER}`,
      `{"email": ${MARKER}}`,
      `"${MARKER}`,
      `{"a":1}${MARKER}`,
      `\u0000${MARKER}`,
      `{"email":"\\x${MARKER}"}`,
    ),
  )
  .map(([url, body]) => ({
    kind: 'malformed JSON',
    request: httpRequest(`POST ${url} HTTP/1.1`, ['Content-Type: application/json', `Content-Length: ${Buffer.byteLength(body)}`], body),
  }));
const wrongType: fc.Arbitrary<Case> = fc
  .tuple(
    fc.constantFrom(...jsonRoutes),
    fc.constantFrom(
      `text/${MARKER}`,
      `application/${MARKER}+json`,
      'text/plain',
      'application/x-www-form-urlencoded',
      `multipart/form-data; boundary=${MARKER}`,
      'application/xml',
      `${MARKER}`,
      'application/json; charset=zq9marker',
    ),
  )
  .map(([url, type]) => {
    const body = `email=${MARKER}`;
    return {
      kind: 'content type',
      request: httpRequest(`POST ${url} HTTP/1.1`, [`Content-Type: ${type}`, `Content-Length: ${body.length}`], body),
    };
  });
const badValues: fc.Arbitrary<Case> = fc.constantFrom<Case>(
  { kind: 'empty JSON body', request: httpRequest(`POST /api/v1/auth/login?${MARKER} HTTP/1.1`, ['Content-Type: application/json'], '') },
  { kind: 'not a uuid', request: httpRequest(`GET /api/v1/sessions/${MARKER} HTTP/1.1`) },
  { kind: 'bad query value', request: httpRequest(`GET /api/v1/events/x/agenda?day=${MARKER}&room=${MARKER} HTTP/1.1`) },
  {
    kind: 'unknown key and wrong types',
    request: jsonPost('/api/v1/auth/login', { email: `${MARKER}@`, password: { [MARKER]: MARKER }, [MARKER]: 1 }),
  },
  {
    kind: 'oversized value',
    request: jsonPost('/api/v1/auth/login-link', { email: `${MARKER}${'e'.repeat(5000)}@x.test`, next: `https://${MARKER}.example/` }),
  },
  { kind: 'oversized body', request: jsonPost('/api/v1/auth/login', { email: 'a@b.test', password: MARKER.repeat(150_000) }) },
  {
    kind: 'body length lies',
    request: httpRequest(
      'POST /api/v1/auth/login HTTP/1.1',
      ['Content-Type: application/json', 'Content-Length: 2'],
      `{"email":"${MARKER}"}`,
    ),
  },
  {
    kind: 'bad content-length',
    request: httpRequest('POST /api/v1/auth/login HTTP/1.1', ['Content-Type: application/json', `Content-Length: ${MARKER}`], '{}'),
  },
  {
    kind: 'bad transfer-encoding',
    request: httpRequest('POST /api/v1/auth/login HTTP/1.1', ['Content-Type: application/json', `Transfer-Encoding: ${MARKER}`], '{}'),
  },
  {
    kind: 'both lengths',
    request: httpRequest(
      'POST /api/v1/auth/login HTTP/1.1',
      ['Content-Type: application/json', 'Content-Length: 2', 'Transfer-Encoding: chunked'],
      '2\r\n{}\r\n0\r\n\r\n',
    ),
  },
  { kind: 'unmet expectation', request: httpRequest(`GET /api/health HTTP/1.1`, [`Expect: ${MARKER}`]) },
  { kind: 'no Host', request: text(`GET /api/v1/${MARKER} HTTP/1.1\r\nConnection: close\r\n\r\n`) },
  { kind: 'bad HTTP version', request: text(`GET /api/v1/${MARKER} HTTP/9.${MARKER}\r\nHost: x\r\n\r\n`) },
  { kind: 'garbage request line', request: text(`${MARKER} ${MARKER}\r\n\r\n`) },
  { kind: 'header without colon', request: httpRequest('GET /api/v1/nothing-here HTTP/1.1', [`X-${MARKER}`]) },
  { kind: 'absolute-form to another host', request: httpRequest(`GET http://${MARKER}.example/api/v1/${MARKER} HTTP/1.1`) },
);
function jsonPost(url: string, body: unknown) {
  const s = JSON.stringify(body);
  return httpRequest(`POST ${url} HTTP/1.1`, ['Content-Type: application/json', `Content-Length: ${Buffer.byteLength(s)}`], s);
}

describe('refusals made before our code runs', () => {
  it('named cases answer the stable codes', async () => {
    const cases: Array<[string, Buffer, number, string]> = [
      ['bad percent-encoding, API', httpRequest(`GET /api/v1/events/%E0%A4%A${MARKER} HTTP/1.1`), 400, 'bad_url'],
      ['bad percent-encoding, page', httpRequest(`GET /en/events/%zz${MARKER} HTTP/1.1`), 400, 'bad_url'],
      ['path parameter too long', httpRequest(`GET /api/v1/events/${MARKER}${'a'.repeat(300)} HTTP/1.1`), 414, 'uri_too_long'],
      ['headers too large', httpRequest('GET /api/health HTTP/1.1', [`X-${MARKER}: ${'a'.repeat(20_000)}`]), 431, 'headers_too_large'],
      [
        'cookie too large',
        httpRequest('GET /api/v1/auth/me HTTP/1.1', [`Cookie: wz_session=${MARKER}${'a'.repeat(20_000)}`]),
        431,
        'headers_too_large',
      ],
      [
        'URL too long for the parser',
        httpRequest(`GET /api/v1/search?q=${MARKER}${'a'.repeat(20_000)} HTTP/1.1`),
        431,
        'headers_too_large',
      ],
      ['malformed request line', text(`GET /api/v1/${MARKER}\0 HTTP/1.1\r\nHost: x\r\n\r\n`), 400, 'bad_request'],
      ['unknown method', httpRequest(`X${MARKER} /api/health HTTP/1.1`), 400, 'bad_request'],
      ['unknown route', httpRequest(`GET /api/v1/${MARKER} HTTP/1.1`), 404, 'route_not_found'],
      ['method without a route', httpRequest(`PROPFIND /api/health/${MARKER} HTTP/1.1`), 404, 'route_not_found'],
      ['malformed JSON', jsonPostRaw('/api/v1/auth/login', `{"email": "${MARKER}`), 400, 'malformed_json'],
      [
        'wrong content type',
        httpRequest('POST /api/v1/auth/login HTTP/1.1', [`Content-Type: text/${MARKER}`, 'Content-Length: 2'], '{}'),
        415,
        'unsupported_media_type',
      ],
      ['invalid value', jsonPost('/api/v1/auth/login', { email: MARKER, password: MARKER, [MARKER]: MARKER }), 400, 'validation_failed'],
      ['unmet expectation', httpRequest('GET /api/health HTTP/1.1', [`Expect: ${MARKER}`]), 417, 'expectation_failed'],
      ['no Host', text(`GET /api/v1/${MARKER} HTTP/1.1\r\nConnection: close\r\n\r\n`), 400, 'missing_host'],
      ['CONNECT', httpRequest(`CONNECT ${MARKER}.example:443 HTTP/1.1`), 405, 'method_not_allowed'],
      [
        'upgrade',
        httpRequest(`GET /api/v1/${MARKER} HTTP/1.1`, ['Upgrade: websocket', `Sec-WebSocket-Key: ${MARKER}`, 'Connection: Upgrade']),
        404,
        'route_not_found',
      ],
    ];
    for (const [what, request, status, code] of cases) {
      const res = await raw(request);
      expect(res.status, what).toBe(status);
      expect(expectCleanRefusal(res, what).code, what).toBe(code);
    }
    // Control: the same connection helper sees an ordinary answer.
    const ok = await raw(httpRequest('GET /api/health HTTP/1.1'));
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).status).toBe('ok');
  });

  it(`${runs} generated hostile requests all get a clean problem+json refusal and change nothing`, { timeout: 600_000 }, async () => {
    const before = await snapshot(h.database);
    const kinds = new Map<string, number>();
    const codes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          malformedPath,
          longParam,
          overlongUrl,
          bigHeader,
          bigCookie,
          controlBytes,
          invalidUtf8,
          badMethod,
          unknownRoute,
          malformedJson,
          wrongType,
          badValues,
        ),
        async (c) => {
          const res = await raw(c.request);
          const p = expectCleanRefusal(res, c.kind);
          const kind = c.kind.replace(/ 0x.*| ".*| \S+\/.*/, '');
          kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
          codes.set(`${res.status} ${p.code}`, (codes.get(`${res.status} ${p.code}`) ?? 0) + 1);
        },
      ),
      { seed, numRuns: runs },
    );
    console.log(
      `framework refusals: ${runs} requests (seed ${seed}); kinds ${JSON.stringify(Object.fromEntries(kinds))}; answers ${JSON.stringify(Object.fromEntries([...codes].sort()))}`,
    );
    // The parser and router refusals were all exercised.
    for (const code of [
      '400 bad_url',
      '414 uri_too_long',
      '431 headers_too_large',
      '400 bad_request',
      '404 route_not_found',
      '400 malformed_json',
      '415 unsupported_media_type',
      '400 validation_failed',
    ])
      expect(codes.get(code), code).toBeGreaterThan(0);
    expect(changedTables(before, await snapshot(h.database))).toEqual([]);
  });

  it('fetch sees the same: problem+json, nothing echoed', async () => {
    const base = `http://127.0.0.1:${port}`;
    const answers = [
      await fetch(`${base}/api/v1/${MARKER}`),
      await fetch(`${base}/api/v1/sessions/${MARKER}`, { headers: { cookie: `wz_session=${MARKER}` } }),
      await fetch(`${base}/api/v1/me/registrations`, { headers: { cookie: `wz_session=${MARKER}${'f'.repeat(8_000)}` } }),
      await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"email":"${MARKER}`,
      }),
      await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': `text/${MARKER}` }, body: MARKER }),
      await fetch(`${base}/api/v1/events/${MARKER}${'g'.repeat(500)}`),
      await fetch(`${base}/api/v1/events/x/agenda?day=${MARKER}`),
    ];
    expect(answers.map((r) => r.status)).toEqual([404, 400, 401, 400, 415, 414, 400]);
    for (const r of answers) {
      expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const body = await r.text();
      expect(JSON.parse(body).code).toMatch(/^[a-z_]+$/);
      expect(body.toLowerCase()).not.toContain(MARKER);
      expect(JSON.stringify([...r.headers]).toLowerCase()).not.toContain(MARKER);
    }
  });
});

describe('not found never tells a hidden parent from an unknown child', () => {
  it('a session of a draft event answers byte for byte like an unknown session', async () => {
    const base = `http://127.0.0.1:${port}`;
    // Control: the session exists and its manager sees it.
    expect((await h.call(admin, { method: 'GET', url: `/api/v1/sessions/${hiddenSessionId}` })).statusCode).toBe(200);
    const hidden = await fetch(`${base}/api/v1/sessions/${hiddenSessionId}`);
    const unknown = await fetch(`${base}/api/v1/sessions/5b0c3f7e-8a38-4c8e-9f0a-2b7a4c1d9e11`);
    expect(hidden.status).toBe(404);
    expect(unknown.status).toBe(404);
    const [a, b] = [await hidden.text(), await unknown.text()];
    expect(JSON.parse(a).code).toBe('not_found');
    expect(a).toBe(b);
    // The same under the event's own routes: the hidden event and an unknown one.
    for (const path of ['', '/agenda']) {
      const hiddenEvent = await fetch(`${base}/api/v1/events/hidden-draft${path}`);
      const unknownEvent = await fetch(`${base}/api/v1/events/no-such-event${path}`);
      expect(hiddenEvent.status).toBe(404);
      expect(await hiddenEvent.text()).toBe(await unknownEvent.text());
    }
    // And the same as the session's: one text for everything not found.
    expect(await (await fetch(`${base}/api/v1/events/hidden-draft`)).text()).toBe(a);
  });
});

function jsonPostRaw(url: string, body: string) {
  return httpRequest(`POST ${url} HTTP/1.1`, ['Content-Type: application/json', `Content-Length: ${Buffer.byteLength(body)}`], body);
}
