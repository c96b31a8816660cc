import type { FastifyReply, FastifyRequest } from 'fastify';
import { requireActor } from '../../platform/auth/access.js';
import { route } from '../../platform/http/route.js';
import type { App, Ctx } from '../../platform/http/types.js';
import { accountsApi as api } from './contract.js';
import * as svc from './service.js';

export const sessionCookie = 'wz_session';

export function accountRoutes(app: App, { db, config }: Ctx) {
  const secure = config.publicUrl.startsWith('https://');
  const sessionOf = (req: FastifyRequest): svc.SessionOptions => ({
    days: config.SESSION_DAYS,
    ip: req.ip,
    userAgent: req.headers['user-agent'],
  });
  /** The session's token goes into an http-only cookie; the browser gets its CSRF token. */
  const signedIn = (reply: FastifyReply, s: svc.OpenedSession) => {
    reply.setCookie(sessionCookie, s.token, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: config.SESSION_DAYS * 86400 });
    return { ok: true as const, csrfToken: s.csrfToken, ...(s.next ? { next: s.next } : {}) };
  };
  const signedOut = (reply: FastifyReply) => reply.clearCookie(sessionCookie, { path: '/' });

  route(app, api.me, async (req) => svc.whoIsSignedIn(req.actor));
  route(app, api.signUp, async (req, reply) => {
    await svc.signUp(db, req.body);
    return reply.code(202).send({ ok: true, message: 'Check your mailbox for a link to confirm your address.' });
  });
  route(app, api.verify, async (req, reply) => signedIn(reply, await svc.signInByVerifying(db, req.body.token, sessionOf(req))));
  route(app, api.login, async (req, reply) => signedIn(reply, await svc.signInWithPassword(db, req.body, sessionOf(req))));
  route(app, api.loginLink, async (req, reply) => {
    await svc.sendLoginLink(db, req.body.email, req.body.next);
    return reply.code(202).send({ ok: true, message: 'If this address has an account, a sign-in link is on its way.' });
  });
  route(app, api.redeemLoginLink, async (req, reply) => signedIn(reply, await svc.signInWithLink(db, req.body.token, sessionOf(req))));
  route(app, api.passwordReset, async (req, reply) => {
    await svc.requestPasswordReset(db, req.body.email);
    return reply.code(202).send({ ok: true, message: 'If this address has an account, a reset link is on its way.' });
  });
  route(app, api.completePasswordReset, async (req, reply) =>
    signedIn(reply, await svc.signInWithNewPassword(db, req.body, sessionOf(req))),
  );
  route(app, api.logout, async (req, reply) => {
    const done = await svc.signOut(db, requireActor(req));
    signedOut(reply);
    return done;
  });
  route(app, api.logoutAll, async (req, reply) => {
    const done = await svc.signOutEverywhere(db, requireActor(req));
    signedOut(reply);
    return done;
  });
  route(app, api.updateProfile, async (req) => svc.changeProfile(db, requireActor(req), req.body));
  route(app, api.users, async (req) => svc.accountsPage(db, req.query));
  route(app, api.createStaff, async (req, reply) => reply.code(201).send(await svc.addStaff(db, requireActor(req), req.body)));
  route(app, api.setRoles, async (req) => svc.changeGlobalRoles(db, requireActor(req), req.params.id, req.body.roles));
}
