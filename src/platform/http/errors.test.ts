import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';

let h: Harness;
let staff: TestUser;
beforeAll(async () => {
  h = await createHarness();
  staff = await h.user({ roles: ['secretariat'] });
});
afterAll(() => h.close());

const expectProblem = (res: { statusCode: number; headers: Record<string, unknown>; json: () => any }, status: number, code: string) => {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  expect(res.json().code).toBe(code);
};

describe('bad input gets a clear problem+json, never a 500', () => {
  it('malformed JSON', async () => {
    const res = await h.call(staff, {
      method: 'POST',
      url: '/api/v1/directory/organizations',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expectProblem(res, 400, 'malformed_json');
  });

  it('wrong types name the field', async () => {
    const res = await h.call(staff, {
      method: 'POST',
      url: '/api/v1/directory/organizations',
      payload: { name: { en: 42 }, countryCode: 'China', stakeholderGroup: 'pirates' },
    });
    expectProblem(res, 400, 'validation_failed');
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.name.en', 'body.countryCode', 'body.stakeholderGroup']));
  });

  it('unknown ids and ids that are not uuids', async () => {
    expectProblem(
      await h.call(staff, { method: 'GET', url: '/api/v1/directory/organizations/5b0c3f7e-8a38-4c8e-9f0a-2b7a4c1d9e11' }),
      404,
      'not_found',
    );
    expectProblem(await h.call(staff, { method: 'GET', url: '/api/v1/directory/organizations/not-a-uuid' }), 400, 'validation_failed');
  });

  it('oversized bodies', async () => {
    const res = await h.call(staff, {
      method: 'POST',
      url: '/api/v1/directory/organizations',
      payload: { name: { en: 'x'.repeat(2 * 1024 * 1024) } },
    });
    expectProblem(res, 413, 'payload_too_large');
  });

  it('unknown routes', async () => {
    expectProblem(await h.call(null, { method: 'GET', url: '/api/v1/nope' }), 404, 'route_not_found');
  });

  it('a write with a session cookie but without the CSRF token is refused', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/directory/organizations',
      headers: { cookie: staff.cookie },
      payload: { name: { en: 'CSRF Org' }, countryCode: 'FR', stakeholderGroup: 'business' },
    });
    expectProblem(res, 403, 'csrf_failed');
  });

  it('security headers are set', async () => {
    const res = await h.call(null, { method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });
});
