import { z } from 'zod';
import { isStaff, requireActor } from '../../platform/auth/access.js';
import { documentTypes, readFile, storeFile } from '../../platform/files/index.js';
import { notFound } from '../../platform/http/errors.js';
import type { App, Ctx } from '../../platform/http/types.js';
import { idParams } from '../../platform/http/types.js';
import { readUpload } from '../../platform/http/upload.js';
import { applicantFeedback, reviewerAccess } from '../review/service.js';
import * as c from './contract.js';
import { callsAccess as can } from './policy.js';
import * as svc from './service.js';
import { templates } from './templates.js';

const tags = ['calls'];

export function callsRoutes(app: App, ctx: Ctx) {
  const { db, config } = ctx;
  const maxBytes = config.MAX_UPLOAD_MB * 1024 * 1024;

  app.get(
    '/api/v1/calls',
    {
      config: { access: can.browse },
      schema: {
        tags,
        summary: 'Published calls (staff: all)',
        querystring: z.object({ kind: z.enum(c.callKinds).optional(), year: z.coerce.number().int().optional() }),
      },
    },
    async (req) => (await svc.listCalls(db, { staff: isStaff(req.actor), ...req.query })).map((x) => svc.presentCall(x)),
  );
  app.get(
    '/api/v1/calls/templates',
    { config: { access: can.staff }, schema: { tags, summary: 'The five ready-made calls staff copy' } },
    async () => Object.values(templates),
  );
  app.post(
    '/api/v1/calls',
    { config: { access: can.staff }, schema: { tags, summary: 'Open a call, from a template or from scratch', body: c.createCallInput } },
    async (req, reply) => reply.code(201).send(svc.presentCall(await svc.createCall(db, requireActor(req), req.body))),
  );
  app.get('/api/v1/calls/:id', { config: { access: can.browse }, schema: { tags, params: idParams } }, async (req) =>
    svc.presentCall(await svc.getVisibleCall(db, req.actor, req.params.id)),
  );
  app.patch(
    '/api/v1/calls/:id',
    {
      config: { access: can.staff },
      schema: { tags, summary: 'Change a call (any subset of its fields)', params: idParams, body: c.updateCallInput },
    },
    async (req) => svc.presentCall(await svc.updateCall(db, requireActor(req), req.params.id, req.body)),
  );

  // Applicants
  app.post(
    '/api/v1/calls/:id/submissions',
    {
      config: { access: can.apply },
      schema: { tags, summary: 'Start a submission (a draft, with its code)', params: idParams, body: c.draftInput },
    },
    async (req, reply) =>
      reply.code(201).send(svc.presentSubmission(req.actor, await svc.createDraft(db, requireActor(req), req.params.id, req.body))),
  );
  app.post(
    '/api/v1/calls/:id/nominations',
    {
      config: { access: can.apply },
      schema: { tags, summary: 'An organization nominates a person (youth program)', params: idParams, body: c.nominateInput },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(svc.presentSubmission(req.actor, await svc.nominate(db, requireActor(req), req.params.id, req.body, config.publicUrl))),
  );
  app.get(
    '/api/v1/my/submissions',
    { config: { access: can.apply }, schema: { tags, summary: 'My submissions and nominations addressed to me' } },
    async (req) => (await svc.listMine(db, requireActor(req))).map((s) => svc.presentSubmission(req.actor, s)),
  );
  app.get(
    '/api/v1/submissions/:id',
    {
      config: { access: can.apply },
      schema: { tags, summary: 'A submission, as its applicant, its nominating organization or staff may see it', params: idParams },
    },
    async (req) => svc.readSubmission(db, requireActor(req), req.params.id),
  );
  app.put(
    '/api/v1/submissions/:id',
    {
      config: { access: can.apply },
      schema: { tags, summary: 'Save a draft (or edit before the deadline if the call allows)', params: idParams, body: c.draftInput },
    },
    async (req) => svc.presentSubmission(req.actor, await svc.updateDraft(db, requireActor(req), req.params.id, req.body)),
  );
  app.post(
    '/api/v1/submissions/:id/submit',
    { config: { access: can.apply }, schema: { tags, summary: 'Submit before the close time', params: idParams } },
    async (req) => svc.presentSubmission(req.actor, await svc.submit(db, requireActor(req), req.params.id, config.publicUrl)),
  );
  app.post('/api/v1/submissions/:id/withdraw', { config: { access: can.apply }, schema: { tags, params: idParams } }, async (req) =>
    svc.presentSubmission(req.actor, await svc.withdraw(db, requireActor(req), req.params.id)),
  );
  app.post(
    '/api/v1/submissions/:id/files',
    {
      config: { access: can.apply },
      schema: {
        tags,
        summary: 'Upload a file (PDF, image, DOCX, ZIP); put the returned id in a file field',
        params: idParams,
        consumes: ['multipart/form-data'],
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      await svc.assertCanUpload(db, actor, req.params.id);
      const up = await readUpload(req, maxBytes);
      const f = await storeFile(db, config.filesDir, { ...up, allowed: documentTypes, maxBytes, ownerId: actor.userId });
      return reply.code(201).send({ fileId: f.id, name: f.originalName, mime: f.mime, size: f.size });
    },
  );
  app.get(
    '/api/v1/submissions/:id/files/:fileId',
    {
      config: { access: can.apply },
      schema: {
        tags,
        summary: 'A file of a submission: its applicant, staff, and its assigned reviewers',
        params: z.object({ id: z.uuid(), fileId: z.uuid() }),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const s = await svc.getSubmission(db, req.params.id);
      const allowed = isStaff(actor) || s.applicantId === actor.userId || !!(await reviewerAccess(db, actor, s.id));
      const call = await svc.getCall(db, s.callId);
      if (!allowed || !svc.fileIdsOf(call.form, s.answers).includes(req.params.fileId)) throw notFound();
      const f = await readFile(db, config.filesDir, req.params.fileId);
      if (!f) throw notFound();
      return reply
        .type(f.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.originalName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(f.data);
    },
  );
  app.get(
    '/api/v1/submissions/:id/feedback',
    {
      config: { access: can.apply },
      schema: {
        tags,
        summary: 'The decision and the reviewers’ comments meant for the applicant',
        params: idParams,
        response: { 200: c.feedback },
      },
    },
    async (req) => applicantFeedback(db, await svc.getOwn(db, requireActor(req), req.params.id)),
  );

  // Staff
  app.get(
    '/api/v1/calls/:id/submissions',
    { config: { access: can.staff }, schema: { tags, params: idParams, querystring: c.submissionQuery } },
    async (req) => (await svc.listSubmissions(db, req.params.id, req.query)).map((s) => svc.presentSubmission(req.actor, s)),
  );
  app.post(
    '/api/v1/submissions/:id/screening',
    {
      config: { access: can.staff },
      schema: { tags, summary: 'Manual screening: pass or fail with a reason', params: idParams, body: c.screenInput },
    },
    async (req) => svc.presentSubmission(req.actor, await svc.screen(db, requireActor(req), req.params.id, req.body)),
  );
  app.post(
    '/api/v1/calls/:id/auto-screen',
    {
      config: { access: can.staff },
      schema: { tags, summary: 'Pass every pending entry the automatic eligibility check finds eligible', params: idParams },
    },
    async (req) => ({
      passed: await svc.autoScreen(db, requireActor(req), req.params.id),
    }),
  );
}
