import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { and, eq, gt, isNull, ne, sql, ilike, or, inArray } from 'drizzle-orm';
import type { Actor, GlobalRole, RoleName, ScopedRole, ScopedRoleName } from '../../platform/auth/access.js';
import { globalRoles, scopedRoles } from '../../platform/auth/access.js';
import { audit } from '../../platform/audit/index.js';
import type { Db, DbOrTx } from '../../platform/db/index.js';
import { fail, notFound } from '../../platform/http/errors.js';
import { platformErrors } from '../../platform/http/codes.js';
import { accountsErrors, accountsPages } from './contract.js';
import { pageUrl } from '../../platform/http/urls.js';
import { type Locale, pickLocale } from '../../platform/i18n/index.js';
import { queueMail } from '../../platform/mail/index.js';
import { accountMail, type AccountMail } from './mails.js';
import { emailTokens, roleGrants, sessions, users } from './model.js';

export const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const randomToken = () => crypto.randomBytes(32).toString('base64url');
export const normalizeEmail = (e: string) => e.trim().toLowerCase();

const tokenLife: Record<string, number> = { verify: 48 * 3600e3, login: 10 * 60e3, reset: 2 * 3600e3, welcome: 7 * 24 * 3600e3 };
const lockAfter = 5;

export const hashPassword = (password: string) => hash(password);

/** Creates a one-time e-mail token and queues the mail that carries it. */
async function sendTokenMail(
  db: DbOrTx,
  user: { id: string; email: string; name: string; locale: string },
  purpose: 'verify' | 'login' | 'reset' | 'welcome',
  mail: AccountMail,
  next?: string,
) {
  const token = randomToken();
  await db.insert(emailTokens).values({
    id: sha256(token),
    purpose: purpose === 'welcome' ? 'reset' : purpose,
    userId: user.id,
    email: user.email,
    payload: next ? { next } : {},
    expiresAt: new Date(Date.now() + tokenLife[purpose]),
  });
  const page = purpose === 'verify' ? accountsPages.verify : purpose === 'login' ? accountsPages.signInLink : accountsPages.reset;
  const link = pageUrl(page, {}, pickLocale(user.locale), { token, next });
  const { subject, text } = accountMail(mail, user.locale as Locale, link, user.name);
  await queueMail(db, { to: user.email, subject, text, locale: user.locale as Locale, template: `accounts.${mail}` });
  return token;
}

/** Tells the owner their password changed (ASVS 2.2.3, 2.5.5); the link leads to a reset. */
async function notifyPasswordChanged(db: DbOrTx, user: { email: string; name: string; locale: string }) {
  const { subject, text } = accountMail(
    'passwordChanged',
    user.locale as Locale,
    pageUrl(accountsPages.forgotPassword, {}, pickLocale(user.locale)),
    user.name,
  );
  await queueMail(db, { to: user.email, subject, text, locale: user.locale as Locale, template: 'accounts.passwordChanged' });
}

async function consumeToken(db: DbOrTx, token: string, purpose: string) {
  const [row] = await db
    .update(emailTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(emailTokens.id, sha256(token)),
        eq(emailTokens.purpose, purpose),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, new Date()),
      ),
    )
    .returning();
  if (!row?.userId)
    throw fail(accountsErrors, 'token_invalid', 'This link is invalid, expired or already used. Ask for a new one.', {
      fields: [{ path: 'token', message: 'invalid or expired', code: 'invalid' }],
    });
  return row;
}

export async function signUp(db: Db, input: { email: string; name: string; password: string; locale: Locale; next?: string }) {
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(users).where(eq(users.email, email));
    if (existing) {
      // Say nothing to the caller about whether the address is known; tell the owner instead.
      await sendTokenMail(tx, existing, 'login', 'alreadyRegistered', input.next);
      return;
    }
    const [user] = await tx.insert(users).values({ email, name: input.name, passwordHash, locale: input.locale }).returning();
    await audit(tx, {
      actor: { userId: user.id, email },
      action: 'account.signup',
      entity: 'user',
      entityId: user.id,
      after: { email, name: input.name },
    });
    await sendTokenMail(tx, user, 'verify', 'verify', input.next);
  });
}

export async function verifyEmail(db: Db, token: string) {
  return db.transaction(async (tx) => {
    const t = await consumeToken(tx, token, 'verify');
    const [user] = await tx.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, t.userId!)).returning();
    await audit(tx, { actor: { userId: user.id, email: user.email }, action: 'account.verify', entity: 'user', entityId: user.id });
    return { user, next: (t.payload as { next?: string }).next };
  });
}

export async function checkPassword(db: Db, emailIn: string, password: string) {
  const email = normalizeEmail(emailIn);
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const now = new Date();
  if (user?.lockedUntil && user.lockedUntil > now) {
    throw fail(accountsErrors, 'account_locked', 'Too many failed attempts. Try again later, or sign in with an e-mail link.', {
      extra: { retryAfter: user.lockedUntil.toISOString() },
    });
  }
  // Verify against a dummy hash for unknown addresses so both take the same time.
  dummyHash ??= await hash('not a password');
  const ok = await verify(user?.passwordHash ?? dummyHash, password).catch(() => false);
  if (!user?.passwordHash || !ok || user.disabledAt) {
    if (user) {
      const failed = user.failedLogins + 1;
      const lockedUntil = failed >= lockAfter ? new Date(now.getTime() + Math.min(2 ** (failed - lockAfter), 60) * 60_000) : null;
      await db.update(users).set({ failedLogins: failed, lockedUntil }).where(eq(users.id, user.id));
      await audit(db, { actor: null, action: 'account.login_failed', entity: 'user', entityId: user.id, after: { failed } });
    }
    throw fail(accountsErrors, 'invalid_credentials', 'The e-mail address or the password is wrong.');
  }
  if (!user.emailVerifiedAt) throw fail(accountsErrors, 'email_not_verified', 'Confirm your e-mail address first: we sent you a link.');
  if (user.failedLogins > 0) await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
  return user;
}
let dummyHash: string | undefined;

export async function sendLoginLink(db: Db, emailIn: string, next?: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(emailIn)));
  if (!user || user.disabledAt) return; // no answer reveals whether the address is known
  await sendTokenMail(db, user, 'login', 'login', next);
}

export async function redeemLoginLink(db: Db, token: string) {
  return db.transaction(async (tx) => {
    const t = await consumeToken(tx, token, 'login');
    // Holding the mailbox proves the address.
    const [user] = await tx
      .update(users)
      .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`, failedLogins: 0, lockedUntil: null })
      .where(eq(users.id, t.userId!))
      .returning();
    if (user.disabledAt) throw fail(accountsErrors, 'account_disabled', 'This account is disabled.');
    return { user, next: (t.payload as { next?: string }).next };
  });
}

export async function requestPasswordReset(db: Db, emailIn: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(emailIn)));
  if (!user || user.disabledAt) return;
  await sendTokenMail(db, user, 'reset', 'reset');
}

export async function completePasswordReset(db: Db, token: string, password: string) {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const t = await consumeToken(tx, token, 'reset');
    const [user] = await tx
      .update(users)
      .set({ passwordHash, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`, failedLogins: 0, lockedUntil: null })
      .where(eq(users.id, t.userId!))
      .returning();
    // A new password ends every other session.
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
    await audit(tx, { actor: { userId: user.id, email: user.email }, action: 'account.password_reset', entity: 'user', entityId: user.id });
    await notifyPasswordChanged(tx, user);
    return user;
  });
}

export async function createSession(db: DbOrTx, userId: string, days: number, meta: { ip?: string; userAgent?: string }) {
  const token = randomToken();
  const csrfToken = randomToken();
  await db.insert(sessions).values({
    id: sha256(token),
    userId,
    csrfToken,
    expiresAt: new Date(Date.now() + days * 86400e3),
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken };
}

export async function endSession(db: DbOrTx, sessionId: string) {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function endAllSessions(db: DbOrTx, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function loadActorBySession(db: DbOrTx, token: string): Promise<Actor | null> {
  const id = sha256(token);
  const [row] = await db
    .select({
      session: sessions,
      user: { id: users.id, email: users.email, name: users.name, locale: users.locale, disabledAt: users.disabledAt },
      // The grants come with the session: one round trip per authenticated request.
      grants: sql<
        Array<{ role: string; scopeType: string; scopeId: string }>
      >`coalesce((select json_agg(json_build_object('role', g.role, 'scopeType', g.scope_type, 'scopeId', g.scope_id)) from ${roleGrants} g where g.user_id = ${users.id}), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, new Date())));
  if (!row || row.user.disabledAt) return null;
  if (Date.now() - row.session.lastSeenAt.getTime() > 5 * 60e3) {
    await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, id));
  }
  return {
    userId: row.user.id,
    email: row.user.email,
    name: row.user.name,
    locale: row.user.locale,
    ...rolesAndScopes(row.grants),
    sessionId: id,
    csrfToken: row.session.csrfToken,
  };
}

export async function updateProfile(
  db: Db,
  actor: Actor,
  input: { name?: string; locale?: Locale; currentPassword?: string; newPassword?: string },
) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, actor.userId));
    const patch: Partial<typeof users.$inferInsert> = {};
    if (input.name) patch.name = input.name;
    if (input.locale) patch.locale = input.locale;
    if (input.newPassword) {
      const ok =
        before.passwordHash && input.currentPassword ? await verify(before.passwordHash, input.currentPassword).catch(() => false) : false;
      if (!ok)
        throw fail(platformErrors, 'validation_failed', 'The current password is wrong.', {
          fields: [{ path: 'currentPassword', message: 'wrong password', code: 'wrong_password' }],
        });
      patch.passwordHash = await hashPassword(input.newPassword);
    }
    if (Object.keys(patch).length === 0) return before;
    const [after] = await tx.update(users).set(patch).where(eq(users.id, actor.userId)).returning();
    await audit(tx, {
      actor,
      action: 'account.update',
      entity: 'user',
      entityId: actor.userId,
      before: { name: before.name, locale: before.locale },
      after: { name: after.name, locale: after.locale, passwordChanged: !!input.newPassword },
    });
    if (input.newPassword) {
      // A new password ends every other session (ASVS 3.3.3); this one stays.
      await tx.delete(sessions).where(and(eq(sessions.userId, actor.userId), ne(sessions.id, actor.sessionId)));
      await notifyPasswordChanged(tx, after);
    }
    return after;
  });
}

/** Finds or creates the account for an address (used when a feature gives someone access, e.g. a new member contact). */
export async function ensureUser(db: DbOrTx, input: { email: string; name: string; locale?: Locale }) {
  const email = normalizeEmail(input.email);
  const [existing] = await db.select().from(users).where(eq(users.email, email));
  if (existing) return { user: existing, created: false };
  const [user] = await db
    .insert(users)
    .values({ email, name: input.name, locale: input.locale ?? 'en' })
    .returning();
  return { user, created: true };
}

export async function grantRole(db: DbOrTx, userId: string, role: RoleName, scope?: { type: string; id: string }) {
  await db
    .insert(roleGrants)
    .values({ userId, role, scopeType: scope?.type ?? '', scopeId: scope?.id ?? '' })
    .onConflictDoNothing();
}

export async function revokeRole(db: DbOrTx, userId: string, role: RoleName, scope?: { type: string; id: string }) {
  await db
    .delete(roleGrants)
    .where(
      and(
        eq(roleGrants.userId, userId),
        eq(roleGrants.role, role),
        eq(roleGrants.scopeType, scope?.type ?? ''),
        eq(roleGrants.scopeId, scope?.id ?? ''),
      ),
    );
}

/** An account, by id or by address (for features that mail or greet its holder). */
export async function userById(db: DbOrTx, id: string) {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  return u as User | undefined;
}

export async function userByEmail(db: DbOrTx, email: string) {
  const [u] = await db
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(email)));
  return u as User | undefined;
}

export type User = typeof users.$inferSelect;

const isGlobalRole = (r: string): r is GlobalRole => globalRoles.some((g) => g === r);
const isScopedRole = (r: string): r is ScopedRoleName => scopedRoles.some((s) => s === r);

/** An account's grants: global roles (no scope) and roles over one record (grantRole writes no other names). */
function rolesAndScopes(grants: Array<{ role: string; scopeType: string; scopeId: string }>): Pick<Actor, 'roles' | 'scopes'> {
  return {
    roles: grants.flatMap((g) => (g.scopeType === '' && isGlobalRole(g.role) ? [g.role] : [])),
    scopes: grants.flatMap((g): ScopedRole[] =>
      g.scopeType !== '' && isScopedRole(g.role) ? [{ role: g.role, scopeType: g.scopeType, scopeId: g.scopeId }] : [],
    ),
  };
}

/** Whether an account holds a role, globally or in one scope. */
export async function hasRole(db: DbOrTx, userId: string, role: RoleName, scope?: { type: string; id: string }) {
  const [held] = await db
    .select({ id: roleGrants.id })
    .from(roleGrants)
    .where(
      and(
        eq(roleGrants.userId, userId),
        eq(roleGrants.role, role),
        eq(roleGrants.scopeType, scope?.type ?? ''),
        eq(roleGrants.scopeId, scope?.id ?? ''),
      ),
    );
  return !!held;
}

export async function usersWithScope(db: DbOrTx, role: ScopedRoleName, scopeType: string, scopeId: string) {
  return db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale, since: roleGrants.createdAt })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.role, role), eq(roleGrants.scopeType, scopeType), eq(roleGrants.scopeId, scopeId)));
}

/** The account with this address, if there is one. */
export async function accountByEmail(db: DbOrTx, emailIn: string) {
  const [u] = await db
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.email, normalizeEmail(emailIn)));
  return u ?? null;
}

/** The language each of these accounts reads its mail in. */
export async function localesOf(db: DbOrTx, userIds: string[]) {
  const rows = userIds.length
    ? await db
        .select({ id: users.id, locale: users.locale })
        .from(users)
        .where(inArray(users.id, [...new Set(userIds)]))
    : [];
  return new Map(rows.map((r) => [r.id, r.locale]));
}

export async function createStaff(db: Db, actor: Actor, input: { email: string; name: string; locale: Locale; roles: GlobalRole[] }) {
  return db.transaction(async (tx) => {
    const email = normalizeEmail(input.email);
    const [exists] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (exists) throw fail(accountsErrors, 'email_taken', 'An account with this e-mail address already exists; grant it roles instead.');
    const [user] = await tx
      .insert(users)
      .values({ email, name: input.name, locale: input.locale, emailVerifiedAt: new Date() })
      .returning();
    for (const r of input.roles) await grantRole(tx, user.id, r);
    await audit(tx, {
      actor,
      action: 'account.create_staff',
      entity: 'user',
      entityId: user.id,
      after: { email, name: input.name, roles: input.roles },
    });
    await sendTokenMail(tx, user, 'welcome', 'welcomeStaff');
    return user;
  });
}

export async function setGlobalRoles(db: Db, actor: Actor, userId: string, roles: GlobalRole[]) {
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
    if (!user) throw notFound();
    const before = await tx
      .select()
      .from(roleGrants)
      .where(and(eq(roleGrants.userId, userId), eq(roleGrants.scopeType, '')));
    if (actor.userId === userId && before.some((g) => g.role === 'admin') && !roles.includes('admin')) {
      throw fail(accountsErrors, 'cannot_remove_own_admin', 'You cannot remove your own admin role; ask another admin.');
    }
    await tx
      .delete(roleGrants)
      .where(and(eq(roleGrants.userId, userId), eq(roleGrants.scopeType, ''), inArray(roleGrants.role, [...globalRoles])));
    for (const r of roles) await grantRole(tx, userId, r);
    await audit(tx, {
      actor,
      action: 'account.set_roles',
      entity: 'user',
      entityId: userId,
      before: before.map((g) => g.role),
      after: roles,
    });
    return roles;
  });
}

export async function listUsers(db: DbOrTx, q: { q?: string; role?: RoleName; page: number; pageSize: number }) {
  const where = [];
  if (q.q) where.push(or(ilike(users.email, `%${q.q}%`), ilike(users.name, `%${q.q}%`)));
  if (q.role) where.push(sql`exists (select 1 from role_grants g where g.user_id = ${users.id} and g.role = ${q.role})`);
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      emailVerifiedAt: users.emailVerifiedAt,
      lockedUntil: users.lockedUntil,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(and(...where))
    .orderBy(users.email)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(users)
    .where(and(...where));
  const grants = rows.length
    ? await db
        .select()
        .from(roleGrants)
        .where(
          inArray(
            roleGrants.userId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  return {
    total,
    items: rows.map((r) => ({ ...r, ...rolesAndScopes(grants.filter((g) => g.userId === r.id)) })),
  };
}

// Privacy

export async function accountPersonalData(db: DbOrTx, userId: string | null) {
  if (!userId) return null;
  const [u] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      emailVerifiedAt: users.emailVerifiedAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!u) return null;
  const roles = await db
    .select({ role: roleGrants.role, scopeType: roleGrants.scopeType, scopeId: roleGrants.scopeId })
    .from(roleGrants)
    .where(eq(roleGrants.userId, userId));
  const sess = await db
    .select({ createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, ip: sessions.ip, userAgent: sessions.userAgent })
    .from(sessions)
    .where(eq(sessions.userId, userId));
  const mails = await db.execute(
    sql`select subject, text, status, created_at from mail_outbox where "to" = ${u.email} order by created_at`,
  );
  return { account: u, roles, sessions: sess, mails: (mails as unknown as { rows: unknown[] }).rows };
}

export async function eraseAccount(db: DbOrTx, userId: string | null) {
  if (!userId) return;
  const [u] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  if (!u) return;
  await db.execute(sql`delete from mail_outbox where "to" = ${u.email}`);
  await db.delete(sessions).where(eq(sessions.userId, userId));
  await db.delete(emailTokens).where(eq(emailTokens.userId, userId));
  await db
    .update(users)
    .set({ email: `erased-${userId}@erased.invalid`, name: 'Erased account', passwordHash: null, disabledAt: new Date() })
    .where(eq(users.id, userId));
}

// What the routes call: one function per endpoint.

/** How long a new session lasts, and where it was opened from (kept with it). */
export interface SessionOptions {
  days: number;
  ip?: string;
  userAgent?: string;
}

/** A session just opened: its token goes into the cookie, the rest to the browser. */
export interface OpenedSession {
  token: string;
  csrfToken: string;
  next?: string;
}

async function openSession(db: DbOrTx, userId: string, s: SessionOptions, next?: string): Promise<OpenedSession> {
  return { ...(await createSession(db, userId, s.days, s)), ...(next ? { next } : {}) };
}

/** The signed-in account as the browser sees it, or null. */
export const whoIsSignedIn = (a: Actor | null) => ({
  user: a ? { id: a.userId, email: a.email, name: a.name, locale: a.locale, roles: a.roles, scopes: a.scopes } : null,
  csrfToken: a?.csrfToken ?? null,
});

export async function signInWithPassword(db: Db, input: { email: string; password: string }, s: SessionOptions) {
  const user = await checkPassword(db, input.email, input.password);
  return openSession(db, user.id, s);
}

export async function signInByVerifying(db: Db, token: string, s: SessionOptions) {
  const { user, next } = await verifyEmail(db, token);
  return openSession(db, user.id, s, next);
}

export async function signInWithLink(db: Db, token: string, s: SessionOptions) {
  const { user, next } = await redeemLoginLink(db, token);
  return openSession(db, user.id, s, next);
}

export async function signInWithNewPassword(db: Db, input: { token: string; password: string }, s: SessionOptions) {
  const user = await completePasswordReset(db, input.token, input.password);
  return openSession(db, user.id, s);
}

export async function signOut(db: Db, actor: Actor) {
  await endSession(db, actor.sessionId);
  return { ok: true as const };
}

export async function signOutEverywhere(db: Db, actor: Actor) {
  await endAllSessions(db, actor.userId);
  return { ok: true as const };
}

export async function changeProfile(db: Db, actor: Actor, input: Parameters<typeof updateProfile>[2]) {
  await updateProfile(db, actor, input);
  return { ok: true as const };
}

export async function accountsPage(db: DbOrTx, q: { q?: string; role?: RoleName; page: number; pageSize: number }) {
  return { ...(await listUsers(db, q)), page: q.page, pageSize: q.pageSize };
}

export async function addStaff(db: Db, actor: Actor, input: Parameters<typeof createStaff>[2]) {
  const user = await createStaff(db, actor, input);
  return { id: user.id };
}

export async function changeGlobalRoles(db: Db, actor: Actor, userId: string, roles: GlobalRole[]) {
  return { roles: await setGlobalRoles(db, actor, userId, roles) };
}

/** An account's id and e-mail address, or null when there is no such account. */
export async function accountContact(db: DbOrTx, userId: string) {
  const [u] = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, userId));
  return u ?? null;
}

/** The id of the account with this e-mail address, if any. */
export async function accountIdByEmail(db: DbOrTx, email: string) {
  const [u] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, normalizeEmail(email)));
  return u?.id ?? null;
}
