import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireActor } from '../../platform/auth/access.js';
import type { App, Ctx } from '../../platform/http/types.js';
import { okSchema, page, pageQuery, idParams } from '../../platform/http/types.js';
import * as c from './contract.js';
import * as svc from './service.js';

export const sessionCookie = 'wz_session';

export function accountRoutes(app: App, ctx: Ctx) {
  const { db, config } = ctx;
  const secure = config.publicUrl.startsWith('https://');

  async function signIn(req: FastifyRequest, reply: FastifyReply, userId: string, next?: string) {
    const s = await svc.createSession(db, userId, config.SESSION_DAYS, { ip: req.ip, userAgent: req.headers['user-agent'] });
    reply.setCookie(sessionCookie, s.token, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: config.SESSION_DAYS * 86400 });
    return { ok: true as const, csrfToken: s.csrfToken, ...(next ? { next } : {}) };
  }

  const tags = ['accounts'];

  app.get(
    '/api/v1/auth/me',
    { config: { access: 'public' }, schema: { tags, summary: 'The signed-in account, or null', response: { 200: c.me } } },
    async (req) => {
      const a = req.actor;
      return {
        user: a ? { id: a.userId, email: a.email, name: a.name, locale: a.locale, roles: a.roles, scopes: a.scopes } : null,
        csrfToken: a?.csrfToken ?? null,
      };
    },
  );

  app.post(
    '/api/v1/auth/signup',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Create an account; a link proves the address', body: c.signUpBody, response: { 202: c.accepted } },
    },
    async (req, reply) => {
      await svc.signUp(db, config.publicUrl, req.body);
      return reply.code(202).send({ ok: true, message: 'Check your mailbox for a link to confirm your address.' });
    },
  );

  app.post(
    '/api/v1/auth/verify',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Confirm an e-mail address and sign in', body: c.tokenBody, response: { 200: c.signedIn } },
    },
    async (req, reply) => {
      const { user, next } = await svc.verifyEmail(db, req.body.token);
      return signIn(req, reply, user.id, next);
    },
  );

  app.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Sign in with e-mail and password', body: c.loginBody, response: { 200: c.signedIn } },
    },
    async (req, reply) => {
      const user = await svc.checkPassword(db, req.body.email, req.body.password);
      return signIn(req, reply, user.id);
    },
  );

  app.post(
    '/api/v1/auth/login-link',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Send a one-time sign-in link', body: c.emailBody, response: { 202: c.accepted } },
    },
    async (req, reply) => {
      await svc.sendLoginLink(db, config.publicUrl, req.body.email, req.body.next);
      return reply.code(202).send({ ok: true, message: 'If this address has an account, a sign-in link is on its way.' });
    },
  );

  app.post(
    '/api/v1/auth/login-link/redeem',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Sign in with a one-time link', body: c.tokenBody, response: { 200: c.signedIn } },
    },
    async (req, reply) => {
      const { user, next } = await svc.redeemLoginLink(db, req.body.token);
      return signIn(req, reply, user.id, next);
    },
  );

  app.post(
    '/api/v1/auth/password-reset',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Send a password-reset link', body: c.emailBody, response: { 202: c.accepted } },
    },
    async (req, reply) => {
      await svc.requestPasswordReset(db, config.publicUrl, req.body.email);
      return reply.code(202).send({ ok: true, message: 'If this address has an account, a reset link is on its way.' });
    },
  );

  app.post(
    '/api/v1/auth/password-reset/complete',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Choose a new password with a reset link', body: c.resetBody, response: { 200: c.signedIn } },
    },
    async (req, reply) => {
      const user = await svc.completePasswordReset(db, config.publicUrl, req.body.token, req.body.password);
      return signIn(req, reply, user.id);
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { config: { access: 'user' }, schema: { tags, summary: 'Sign out of this browser', response: { 200: okSchema } } },
    async (req, reply) => {
      await svc.endSession(db, requireActor(req).sessionId);
      reply.clearCookie(sessionCookie, { path: '/' });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/auth/logout-all',
    { config: { access: 'user' }, schema: { tags, summary: 'Sign out everywhere', response: { 200: okSchema } } },
    async (req, reply) => {
      await svc.endAllSessions(db, requireActor(req).userId);
      reply.clearCookie(sessionCookie, { path: '/' });
      return { ok: true as const };
    },
  );

  app.patch(
    '/api/v1/auth/me',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'Change name, language or password', body: c.profileBody, response: { 200: okSchema } },
    },
    async (req) => {
      await svc.updateProfile(db, config.publicUrl, requireActor(req), req.body);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/admin/users',
    {
      config: { access: ['secretariat'] },
      schema: {
        tags,
        summary: 'List accounts',
        querystring: z.object({ q: z.string().max(200).optional(), role: z.string().max(50).optional(), ...pageQuery }),
        response: { 200: page(c.userListItem) },
      },
    },
    async (req) => ({ ...(await svc.listUsers(db, req.query)), page: req.query.page, pageSize: req.query.pageSize }),
  );

  app.post(
    '/api/v1/admin/users',
    {
      config: { access: ['admin'] },
      schema: { tags, summary: 'Create a staff account', body: c.createStaffBody, response: { 201: z.object({ id: z.uuid() }) } },
    },
    async (req, reply) => {
      const user = await svc.createStaff(db, config.publicUrl, requireActor(req), req.body);
      return reply.code(201).send({ id: user.id });
    },
  );

  app.put(
    '/api/v1/admin/users/:id/roles',
    {
      config: { access: ['admin'] },
      schema: { tags, summary: 'Set the global roles of an account', params: idParams, body: c.rolesBody, response: { 200: c.rolesBody } },
    },
    async (req) => ({
      roles: await svc.setGlobalRoles(db, requireActor(req), req.params.id, req.body.roles),
    }),
  );
}
