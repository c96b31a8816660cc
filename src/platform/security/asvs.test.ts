import { desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailTokens, sessions, users } from '../../features/accounts/model.js';
import { mailOutbox } from '../mail/model.js';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { changedTables, snapshot } from '../../test/snapshot.js';

// OWASP ASVS 4.0.3 level 2 requirements that no other test shows; docs/security.md maps every requirement.

let h: Harness;
let staff: TestUser;
beforeAll(async () => {
  h = await createHarness();
  staff = await h.user({ roles: ['secretariat'] });
});
afterAll(() => h.close());

const lastMail = async (to: string) =>
  (await h.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.to, to)).orderBy(desc(mailOutbox.createdAt)).limit(1))[0];
const tokenIn = (text: string) => /token=([A-Za-z0-9_-]+)/.exec(text)![1];
const sessionOf = (res: { cookies: Array<{ name: string; value: string }> }) => res.cookies.find((c) => c.name === 'wz_session')?.value;
const login = (email: string, password: string) =>
  h.call(null, { method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
const post = (url: string, payload: object) => h.call(null, { method: 'POST', url, payload });

/** Creates a verified account with this password through sign-up and the e-mailed link. */
async function account(email: string, password: string) {
  const res = await post('/api/v1/auth/signup', { email, name: 'Test', password });
  expect(res.statusCode).toBe(202);
  expect((await post('/api/v1/auth/verify', { token: tokenIn((await lastMail(email)).text) })).statusCode).toBe(200);
}

describe('V2 authentication', () => {
  it('2.1.1 passwords of fewer than 12 characters are refused on sign-up, reset and change', async () => {
    const short = 'elevenchars';
    expect(short).toHaveLength(11);
    const signUp = await post('/api/v1/auth/signup', { email: 'short@example.org', name: 'S', password: short });
    expect(signUp.statusCode).toBe(400);
    expect(signUp.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.password']);
    expect(await h.ctx.db.select().from(users).where(eq(users.email, 'short@example.org'))).toEqual([]);
    const reset = await post('/api/v1/auth/password-reset/complete', { token: 'x'.repeat(43), password: short });
    expect(reset.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.password']);
    const u = await h.user();
    const change = await h.call(u, {
      method: 'PATCH',
      url: '/api/v1/auth/me',
      payload: { currentPassword: 'correct horse battery', newPassword: short },
    });
    expect(change.statusCode).toBe(400);
    expect((await login(u.email, 'correct horse battery')).statusCode).toBe(200);
    // Twelve is enough.
    await account('twelve@example.org', 'twelve chars');
    expect((await login('twelve@example.org', 'twelve chars')).statusCode).toBe(200);
  });

  it('2.1.2 passwords of 64 and 128 characters are accepted, longer ones refused', async () => {
    const p64 = `${'a'.repeat(63)}Z`;
    const p128 = `${'b'.repeat(127)}Y`;
    await account('long64@example.org', p64);
    await account('long128@example.org', p128);
    expect((await login('long64@example.org', p64)).statusCode).toBe(200);
    expect((await login('long128@example.org', p128)).statusCode).toBe(200);
    const tooLong = await post('/api/v1/auth/signup', { email: 'long129@example.org', name: 'L', password: 'c'.repeat(129) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors[0].path).toBe('body.password');
  });

  it('2.1.3 passwords are not truncated: only the whole password signs in', async () => {
    const whole = `${'x'.repeat(99)}!`;
    await account('whole@example.org', whole);
    expect((await login('whole@example.org', whole.slice(0, 72))).json().code).toBe('invalid_credentials');
    expect((await login('whole@example.org', `${whole.slice(0, 99)}?`)).json().code).toBe('invalid_credentials');
    expect((await login('whole@example.org', whole)).statusCode).toBe(200);
  });

  it('2.1.4 any printable Unicode character, spaces and emoji included, may be in a password', async () => {
    const unicode = '乌镇 互联网 🔐 mot de passe ŝ';
    await account('unicode@example.org', unicode);
    expect((await login('unicode@example.org', unicode)).statusCode).toBe(200);
    expect((await login('unicode@example.org', unicode.replace('🔐', '🔒'))).statusCode).toBe(401);
  });

  it('2.1.6 a password change needs the current password', async () => {
    const u = await h.user();
    const before = await snapshot(h.database);
    const missing = await h.call(u, { method: 'PATCH', url: '/api/v1/auth/me', payload: { newPassword: 'a new password here' } });
    const wrong = await h.call(u, {
      method: 'PATCH',
      url: '/api/v1/auth/me',
      payload: { currentPassword: 'not my password', newPassword: 'a new password here' },
    });
    for (const r of [missing, wrong]) {
      expect(r.statusCode).toBe(400);
      expect(r.json().errors[0].path).toBe('currentPassword');
    }
    expect(changedTables(before, await snapshot(h.database))).toEqual([]);
    const right = await h.call(u, {
      method: 'PATCH',
      url: '/api/v1/auth/me',
      payload: { currentPassword: 'correct horse battery', newPassword: 'a new password here' },
    });
    expect(right.statusCode).toBe(200);
    expect((await login(u.email, 'a new password here')).statusCode).toBe(200);
  });

  it('2.2.3 and 2.5.5 the owner is told by mail when the password is changed or reset', async () => {
    const u = await h.user({ email: 'notify@example.org' });
    await h.call(u, {
      method: 'PATCH',
      url: '/api/v1/auth/me',
      payload: { currentPassword: 'correct horse battery', newPassword: 'changed password 1' },
    });
    const changed = await lastMail('notify@example.org');
    expect(changed.subject).toBe('Your password was changed');
    expect(changed.text).toContain('http://wuzhen.test/forgot-password');
    await post('/api/v1/auth/password-reset', { email: 'notify@example.org' });
    await post('/api/v1/auth/password-reset/complete', {
      token: tokenIn((await lastMail('notify@example.org')).text),
      password: 'changed password 2',
    });
    const mails = await h.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'notify@example.org'));
    expect(mails.filter((m) => m.subject === 'Your password was changed')).toHaveLength(2);
  });

  it('2.4.1 and 2.4.2 passwords are stored as argon2id hashes with a salt of their own', async () => {
    await account('salt1@example.org', 'the same password');
    await account('salt2@example.org', 'the same password');
    const rows = await h.ctx.db
      .select({ hash: users.passwordHash })
      .from(users)
      .where(sql`${users.email} in ('salt1@example.org', 'salt2@example.org')`);
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r.hash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]{22,}\$/);
    const salt = (hash: string) => hash.split('$')[4];
    expect(salt(rows[0].hash!)).not.toBe(salt(rows[1].hash!));
    expect(Buffer.from(salt(rows[0].hash!), 'base64').length * 8).toBeGreaterThanOrEqual(32);
  });

  it('2.5.2 and 2.5.6 a password reset does not reveal whether the address has an account', async () => {
    await h.user({ email: 'known@example.org' });
    const known = await post('/api/v1/auth/password-reset', { email: 'known@example.org' });
    const unknown = await post('/api/v1/auth/password-reset', { email: 'unknown@example.org' });
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.json()).toEqual(known.json());
    expect(await lastMail('unknown@example.org')).toBeUndefined();
  });

  it('2.5.6 a reset link works once and expires', async () => {
    await h.user({ email: 'reset-once@example.org' });
    await post('/api/v1/auth/password-reset', { email: 'reset-once@example.org' });
    const token = tokenIn((await lastMail('reset-once@example.org')).text);
    expect((await post('/api/v1/auth/password-reset/complete', { token, password: 'first new password' })).statusCode).toBe(200);
    const again = await post('/api/v1/auth/password-reset/complete', { token, password: 'second new password' });
    expect(again.json().code).toBe('token_invalid');
    expect((await login('reset-once@example.org', 'second new password')).statusCode).toBe(401);

    await post('/api/v1/auth/password-reset', { email: 'reset-once@example.org' });
    const late = tokenIn((await lastMail('reset-once@example.org')).text);
    await h.ctx.db.execute(
      sql`update email_tokens set expires_at = now() - interval '1 second' where email = 'reset-once@example.org' and used_at is null`,
    );
    expect((await post('/api/v1/auth/password-reset/complete', { token: late, password: 'third new password' })).json().code).toBe(
      'token_invalid',
    );
    expect((await login('reset-once@example.org', 'first new password')).statusCode).toBe(200);
  });

  it('2.7.2 and 2.7.3 a sign-in link lives 10 minutes and works once', async () => {
    await h.user({ email: 'link@example.org' });
    await post('/api/v1/auth/login-link', { email: 'link@example.org' });
    const token = tokenIn((await lastMail('link@example.org')).text);
    const [row] = await h.ctx.db.select().from(emailTokens).where(eq(emailTokens.email, 'link@example.org'));
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThanOrEqual(10 * 60e3 + 1000);
    const first = await post('/api/v1/auth/login-link/redeem', { token });
    expect(first.statusCode).toBe(200);
    expect((await post('/api/v1/auth/login-link/redeem', { token })).json().code).toBe('token_invalid');

    await post('/api/v1/auth/login-link', { email: 'link@example.org' });
    const late = tokenIn((await lastMail('link@example.org')).text);
    await h.ctx.db.execute(
      sql`update email_tokens set expires_at = now() - interval '1 second' where email = 'link@example.org' and used_at is null`,
    );
    const expired = await post('/api/v1/auth/login-link/redeem', { token: late });
    expect(expired.statusCode).toBe(400);
    expect(sessionOf(expired)).toBeUndefined();
  });

  it('2.7.5 and 2.7.6 e-mailed tokens are random (256 bits) and only their hash is stored', async () => {
    await h.user({ email: 'hashed@example.org' });
    await post('/api/v1/auth/login-link', { email: 'hashed@example.org' });
    const token = tokenIn((await lastMail('hashed@example.org')).text);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const dump = JSON.stringify(await h.ctx.db.select().from(emailTokens));
    expect(dump).not.toContain(token);
  });
});

describe('V3 sessions', () => {
  it('3.2.1 and 3.2.2 every sign-in issues a new random session token of 256 bits, stored only as its hash', async () => {
    const u = await h.user();
    const a = sessionOf(await login(u.email, 'correct horse battery'))!;
    const b = sessionOf(await login(u.email, 'correct horse battery'))!;
    expect(a).not.toBe(b);
    expect(`wz_session=${a}`).not.toBe(u.cookie);
    for (const t of [a, b]) expect(Buffer.from(t, 'base64url')).toHaveLength(32);
    const dump = JSON.stringify(await h.ctx.db.select().from(sessions).where(eq(sessions.userId, u.id)));
    expect(dump).not.toContain(a);
    expect(dump).not.toContain(b);
  });

  it('3.3.3 a password change ends every other session and keeps this one', async () => {
    const u = await h.user();
    const other = `wz_session=${sessionOf(await login(u.email, 'correct horse battery'))}`;
    const me = (cookie: string) => h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect((await me(other)).json().user.id).toBe(u.id);
    const r = await h.call(u, {
      method: 'PATCH',
      url: '/api/v1/auth/me',
      payload: { currentPassword: 'correct horse battery', newPassword: 'another new password' },
    });
    expect(r.statusCode).toBe(200);
    expect((await me(other)).json().user).toBeNull();
    expect((await me(u.cookie)).json().user.id).toBe(u.id);
    expect(await h.ctx.db.select().from(sessions).where(eq(sessions.userId, u.id))).toHaveLength(1);
  });

  it('3.4.1 the session cookie is Secure when the site is served over https', async () => {
    const https = await createHarness({ PUBLIC_URL: 'https://wuzhen.example' });
    try {
      const u = await https.user();
      const res = await https.call(null, {
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: u.email, password: 'correct horse battery' },
      });
      expect(res.cookies.find((c) => c.name === 'wz_session')).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/' });
    } finally {
      await https.close();
    }
    // Plain http (local use) cannot carry a Secure cookie.
    const u = await h.user();
    expect((await login(u.email, 'correct horse battery')).cookies.find((c) => c.name === 'wz_session')!.secure).toBeFalsy();
  });
});

describe('V5 validation', () => {
  it('5.1.1 a repeated query parameter is refused, not silently merged', async () => {
    const r = await h.call(staff, { method: 'GET', url: '/api/v1/admin/users?q=a&q=b' });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.json().errors[0].path).toBe('querystring.q');
  });

  it('5.1.2 fields a caller may not set are ignored (no mass assignment)', async () => {
    const u = await h.user({ email: 'mass@example.org' });
    const before = await snapshot(h.database);
    const r = await h.call(u, {
      method: 'PATCH',
      url: '/api/v1/auth/me',
      payload: {
        name: 'Renamed',
        email: 'admin@example.org',
        roles: ['admin'],
        passwordHash: 'x',
        emailVerifiedAt: null,
        disabledAt: '2020-01-01',
        id: staff.id,
      },
    });
    expect(r.statusCode).toBe(200);
    const [row] = await h.ctx.db.select().from(users).where(eq(users.id, u.id));
    expect(row).toMatchObject({ name: 'Renamed', email: 'mass@example.org', disabledAt: null });
    expect(row.emailVerifiedAt).not.toBeNull();
    expect((await h.call(u, { method: 'GET', url: '/api/v1/auth/me' })).json().user.roles).toEqual([]);
    // Only the account's own row and the audit entry changed.
    expect(changedTables(before, await snapshot(h.database), ['audit_log'])).toEqual(['users']);
    expect((await login('mass@example.org', 'correct horse battery')).statusCode).toBe(200);
  });
});

describe('V8 data protection', () => {
  it('8.2.1 API answers are not kept in caches, unless a route marks them public', async () => {
    const u = await h.user();
    for (const url of ['/api/v1/auth/me', '/api/v1/me/data']) {
      expect((await h.call(u, { method: 'GET', url })).headers['cache-control']).toBe('no-store');
    }
    expect((await h.call(staff, { method: 'GET', url: '/api/v1/admin/users' })).headers['cache-control']).toBe('no-store');
    expect((await h.call(null, { method: 'GET', url: '/api/v1/nope' })).headers['cache-control']).toBe('no-store');
    // Reference data meant for everyone keeps its own caching.
    expect((await h.call(null, { method: 'GET', url: '/api/v1/countries' })).headers['cache-control']).toBe('public, max-age=3600');
  });
});

describe('V13 API', () => {
  it('13.1.5 and 13.2.5 a JSON route refuses other content types with 415 and writes nothing', async () => {
    const before = await snapshot(h.database);
    const body = JSON.stringify({ name: { en: 'Typed' }, countryCode: 'FR', stakeholderGroup: 'business' });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const r = await h.call(staff, {
        method: 'POST',
        url: '/api/v1/directory/organizations',
        headers: { 'content-type': type },
        payload: body,
      });
      expect(r.statusCode, type).toBe(415);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json().code).toBe('unsupported_media_type');
    }
    expect(changedTables(before, await snapshot(h.database))).toEqual([]);
    // Who may call still decides first: a cross-site "simple" text/plain post gets 401 or 403, as before.
    const anonymous = await h.call(null, {
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { 'content-type': 'text/plain' },
      payload: '{}',
    });
    expect(anonymous.json().code).toBe('unauthenticated');
    const noToken = await h.app.inject({
      method: 'POST',
      url: '/api/v1/directory/organizations',
      headers: { cookie: staff.cookie, 'content-type': 'text/plain' },
      payload: body,
    });
    expect(noToken.json().code).toBe('csrf_failed');
  });

  it('13.2.1 methods a route does not declare are refused', async () => {
    for (const [method, url] of [
      ['PUT', '/api/v1/auth/login'],
      ['DELETE', '/api/v1/auth/me'],
      ['PATCH', '/api/v1/admin/users'],
    ] as const) {
      const r = await h.call(staff, { method, url, payload: {} });
      expect(r.statusCode, `${method} ${url}`).toBe(404);
      expect(r.json().code).toBe('route_not_found');
    }
  });
});

describe('V14 headers (outside the six chapters, checked here too)', () => {
  it('14.4.1 JSON answers name their character set; 14.4.7 no other site may frame the app', async () => {
    const r = await h.call(null, { method: 'GET', url: '/api/v1/auth/me' });
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(r.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});
