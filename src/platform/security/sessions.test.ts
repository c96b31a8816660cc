import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../features/accounts/model.js';
import { sha256 } from '../../features/accounts/service.js';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';

let h: Harness;
let admin: TestUser;
beforeAll(async () => {
  h = await createHarness();
  admin = await h.user({ roles: ['admin'], email: 'fixation@example.org' });
});
afterAll(() => h.close());

const fill = (url: string) => url.replace(/:[a-zA-Z]+/g, '0b6f3a52-1c1e-4f9e-8d6a-3f6c2b1a9e77');

describe('sessions', () => {
  it('a sign-in never adopts a session id the browser brought (no fixation)', async () => {
    const planted = 'attacker-chosen-session-token-0000000000';
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { cookie: `wz_session=${planted}` },
      payload: { email: 'fixation@example.org', password: 'correct horse battery' },
    });
    expect(res.statusCode).toBe(200);
    const issued = res.cookies.find((c) => c.name === 'wz_session')!.value;
    expect(issued).not.toBe(planted);
    expect(
      await h.ctx.db
        .select()
        .from(sessions)
        .where(eq(sessions.id, sha256(planted))),
    ).toEqual([]);
  });

  it('every cookie-authenticated write without the CSRF token is refused, on every route', async () => {
    const writes = h.app.routeTable.filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method));
    expect(writes.length).toBeGreaterThan(10);
    const failures: string[] = [];
    for (const r of writes) {
      const res = await h.app.inject({
        method: r.method as 'POST',
        url: fill(r.url),
        headers: { cookie: admin.cookie, 'x-csrf-token': 'wrong' },
        payload: {},
      });
      if (res.statusCode !== 403 || res.json().code !== 'csrf_failed') failures.push(`${r.method} ${r.url} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('an expired session is no session', async () => {
    const u = await h.user();
    await h.ctx.db.execute(sql`update sessions set expires_at = now() - interval '1 second' where user_id = ${u.id}`);
    const me = await h.call(u, { method: 'GET', url: '/api/v1/auth/me' });
    expect(me.json().user).toBeNull();
    expect((await h.call(u, { method: 'GET', url: '/api/v1/admin/users' })).statusCode).toBe(401);
  });

  it('signing out ends the session on the server, not only in the browser', async () => {
    const u = await h.user();
    expect((await h.call(u, { method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(200);
    expect((await h.call(u, { method: 'GET', url: '/api/v1/auth/me' })).json().user).toBeNull();
  });

  it('a disabled account loses its sessions at once', async () => {
    const u = await h.user({ roles: ['secretariat'] });
    await h.ctx.db.execute(sql`update users set disabled_at = now() where id = ${u.id}`);
    expect((await h.call(u, { method: 'GET', url: '/api/v1/admin/users' })).statusCode).toBe(401);
  });
});
