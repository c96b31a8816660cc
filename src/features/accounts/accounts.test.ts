import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox } from '../../platform/mail/model.js';
import { createHarness, type Harness } from '../../test/harness.js';
import { users } from './model.js';

let h: Harness;
beforeAll(async () => (h = await createHarness()));
afterAll(() => h.close());

async function lastMail(to: string) {
  const [m] = await h.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.to, to)).orderBy(desc(mailOutbox.createdAt)).limit(1);
  return m;
}
const tokenIn = (text: string) => /token=([A-Za-z0-9_-]+)/.exec(text)![1];
const cookieOf = (res: { cookies: Array<{ name: string; value: string }> }) => {
  const c = res.cookies.find((c) => c.name === 'wz_session')!;
  return `wz_session=${c.value}`;
};

describe('sign-up proves the address', () => {
  it('creates an unverified account, mails a link in the chosen language, verifies and signs in', async () => {
    const res = await h.call(null, {
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: { email: 'Ada@Example.org', name: 'Ada', password: 'a long password', locale: 'zh-Hans' },
    });
    expect(res.statusCode).toBe(202);
    const login = await h.call(null, {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'ada@example.org', password: 'a long password' },
    });
    expect(login.json().code).toBe('email_not_verified');
    const mail = await lastMail('ada@example.org');
    expect(mail.subject).toBe('请确认您的电子邮件地址');
    const verify = await h.call(null, { method: 'POST', url: '/api/v1/auth/verify', payload: { token: tokenIn(mail.text) } });
    expect(verify.statusCode).toBe(200);
    const me = await h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: cookieOf(verify) } });
    expect(me.json().user.email).toBe('ada@example.org');
    // A link works once.
    const again = await h.call(null, { method: 'POST', url: '/api/v1/auth/verify', payload: { token: tokenIn(mail.text) } });
    expect(again.json().code).toBe('token_invalid');
  });

  it('signing up again with a known address reveals nothing and mails the owner', async () => {
    const res = await h.call(null, {
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: { email: 'ada@example.org', name: 'Mallory', password: 'another password', locale: 'en' },
    });
    expect(res.statusCode).toBe(202);
    // In the owner's language, not the caller's.
    expect((await lastMail('ada@example.org')).subject).toBe('您已经有账户了');
  });

  it('rejects a short password and a bad address by field', async () => {
    const res = await h.call(null, {
      method: 'POST',
      url: '/api/v1/auth/signup',
      payload: { email: 'nope', name: 'X', password: 'short' },
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.email', 'body.password']);
  });
});

describe('signing in', () => {
  it('with a password, then signing out everywhere ends every session', async () => {
    const u = await h.user({ email: 'bob@example.org' });
    const a = await h.call(null, {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'BOB@example.org', password: 'correct horse battery' },
    });
    expect(a.statusCode).toBe(200);
    const cookieA = cookieOf(a);
    expect(a.cookies.find((c) => c.name === 'wz_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const out = await h.call(u, { method: 'POST', url: '/api/v1/auth/logout-all' });
    expect(out.statusCode).toBe(200);
    const me = await h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: cookieA } });
    expect(me.json().user).toBeNull();
  });

  it('repeated failures lock the account, even for the right password', async () => {
    await h.user({ email: 'carol@example.org' });
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await h.call(null, {
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'carol@example.org', password: `wrong ${i}` },
      });
      codes.push(r.json().code);
    }
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('invalid_credentials'));
    expect(codes[5]).toBe('account_locked');
    const right = await h.call(null, {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'carol@example.org', password: 'correct horse battery' },
    });
    expect(right.statusCode).toBe(429);
    // An e-mail link still works and clears the lock.
    await h.call(null, { method: 'POST', url: '/api/v1/auth/login-link', payload: { email: 'carol@example.org' } });
    const link = await h.call(null, {
      method: 'POST',
      url: '/api/v1/auth/login-link/redeem',
      payload: { token: tokenIn((await lastMail('carol@example.org')).text) },
    });
    expect(link.statusCode).toBe(200);
    const [row] = await h.ctx.db.select().from(users).where(eq(users.email, 'carol@example.org'));
    expect(row.lockedUntil).toBeNull();
  });

  it('an unknown address gets the same answer as a wrong password', async () => {
    const r = await h.call(null, {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nobody@example.org', password: 'whatever it is' },
    });
    expect(r.statusCode).toBe(401);
    expect(r.json().code).toBe('invalid_credentials');
    const link = await h.call(null, { method: 'POST', url: '/api/v1/auth/login-link', payload: { email: 'nobody@example.org' } });
    expect(link.statusCode).toBe(202);
    expect(await lastMail('nobody@example.org')).toBeUndefined();
  });

  it('password reset sets a new password and ends old sessions', async () => {
    const u = await h.user({ email: 'dan@example.org' });
    await h.call(null, { method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: 'dan@example.org' } });
    const token = tokenIn((await lastMail('dan@example.org')).text);
    const r = await h.call(null, {
      method: 'POST',
      url: '/api/v1/auth/password-reset/complete',
      payload: { token, password: 'a brand new password' },
    });
    expect(r.statusCode).toBe(200);
    const old = await h.call(u, { method: 'GET', url: '/api/v1/auth/me' });
    expect(old.json().user).toBeNull();
    const login = await h.call(null, {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'dan@example.org', password: 'a brand new password' },
    });
    expect(login.statusCode).toBe(200);
  });

  it('only a same-site path is accepted as the place to continue', async () => {
    const r = await h.call(null, {
      method: 'POST',
      url: '/api/v1/auth/login-link',
      payload: { email: 'dan@example.org', next: '//evil.example/x' },
    });
    expect(r.statusCode).toBe(400);
  });
});

describe('staff accounts and roles', () => {
  it('an admin creates a staff account, which gets a link to choose a password; roles are audited', async () => {
    const admin = await h.user({ roles: ['admin'] });
    const r = await h.call(admin, {
      method: 'POST',
      url: '/api/v1/admin/users',
      payload: { email: 'staff@example.org', name: 'Staff', roles: ['secretariat'] },
    });
    expect(r.statusCode).toBe(201);
    expect((await lastMail('staff@example.org')).text).toContain('/auth/reset?token=');
    const roles = await h.call(admin, {
      method: 'PUT',
      url: `/api/v1/admin/users/${r.json().id}/roles`,
      payload: { roles: ['secretariat', 'reviewer'] },
    });
    expect(roles.json().roles).toEqual(['secretariat', 'reviewer']);
    const audit = await h.call(admin, { method: 'GET', url: `/api/v1/admin/audit?entity=user&entityId=${r.json().id}` });
    expect(audit.json().items.map((a: { action: string }) => a.action)).toEqual(['account.set_roles', 'account.create_staff']);
    // The log keeps the roles before and after, as JSON text.
    const [change] = audit.json().items;
    expect([JSON.parse(change.before), JSON.parse(change.after)]).toEqual([['secretariat'], ['secretariat', 'reviewer']]);
    const self = await h.call(admin, { method: 'PUT', url: `/api/v1/admin/users/${admin.id}/roles`, payload: { roles: [] } });
    expect(self.json().code).toBe('cannot_remove_own_admin');
  });

  it('the secretariat may list accounts but not create staff', async () => {
    const s = await h.user({ roles: ['secretariat'] });
    expect((await h.call(s, { method: 'GET', url: '/api/v1/admin/users?q=staff' })).statusCode).toBe(200);
    expect(
      (await h.call(s, { method: 'POST', url: '/api/v1/admin/users', payload: { email: 'x@example.org', name: 'X', roles: ['admin'] } }))
        .statusCode,
    ).toBe(403);
  });
});

describe('mail', () => {
  it('without a mail server, queued mail is held in the outbox for admins', async () => {
    await h.ctx.jobs.runDue();
    const admin = await h.user({ roles: ['admin'] });
    const r = await h.call(admin, { method: 'GET', url: '/api/v1/admin/outbox?to=ada@example.org' });
    expect(r.json().smtpConfigured).toBe(false);
    expect(r.json().items.every((m: { status: string }) => m.status === 'held')).toBe(true);
    expect(r.json().total).toBeGreaterThanOrEqual(2);
  });
});
