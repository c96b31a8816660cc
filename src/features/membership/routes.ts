import { z } from 'zod';
import { requireActor } from '../../platform/auth/access.js';
import { toCsv, toXlsx } from '../../platform/exports/index.js';
import { imageTypes, readFile, storeFile } from '../../platform/files/index.js';
import { fail, notFound } from '../../platform/http/errors.js';
import { platformErrors } from '../../platform/http/codes.js';
import type { App, Ctx } from '../../platform/http/types.js';
import { idParams, okSchema, page } from '../../platform/http/types.js';
import { readUpload } from '../../platform/http/upload.js';
import * as c from './contract.js';
import * as dash from './dashboard.js';
import { importMembers } from './import.js';
import * as members from './members.js';
import * as reps from './representatives.js';
import { membershipAccess as can } from './policy.js';
import * as svc from './service.js';

const tags = ['membership'];
const base = '/api/v1/membership';
const docParams = z.object({ id: z.uuid(), docId: z.uuid() });
const formatQuery = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });

export function membershipRoutes(app: App, ctx: Ctx) {
  const { db, config } = ctx;
  const url = config.publicUrl;
  const maxBytes = config.MAX_UPLOAD_MB * 1024 * 1024;
  const docMaxBytes = Math.min(maxBytes, 10 * 1024 * 1024);
  const logoMaxBytes = 2 * 1024 * 1024;

  // Categories
  app.get(
    `${base}/categories`,
    {
      config: { access: can.public },
      schema: { tags, summary: 'Membership categories open for applications', response: { 200: z.array(c.category) } },
    },
    async () => svc.listCategories(db),
  );
  app.get(
    `${base}/admin/categories`,
    {
      config: { access: can.staff },
      schema: { tags, summary: 'All membership categories, inactive ones included', response: { 200: z.array(c.category) } },
    },
    async () => svc.listCategories(db, true),
  );
  app.post(
    `${base}/categories`,
    {
      config: { access: can.staff },
      schema: { tags, summary: 'Create a membership category', body: c.categoryInput, response: { 201: c.category } },
    },
    async (req, reply) => reply.code(201).send(await svc.createCategory(db, requireActor(req), req.body)),
  );
  app.put(
    `${base}/categories/:id`,
    {
      config: { access: can.staff },
      schema: { tags, summary: 'Change a membership category', params: idParams, body: c.categoryInput, response: { 200: c.category } },
    },
    async (req) => svc.updateCategory(db, requireActor(req), req.params.id, req.body),
  );

  // Applications: applicant side
  app.post(
    `${base}/applications/start`,
    {
      config: { access: can.public },
      schema: {
        tags,
        summary:
          'Start an application without signing in: a sign-in link leads to the draft (a new address) or back to the form (an address that has an account)',
        body: c.startApplicationBody,
        response: { 202: z.object({ ok: z.literal(true), message: z.string() }) },
      },
    },
    async (req, reply) => {
      await svc.startApplication(db, url, req.body);
      return reply.code(202).send({ ok: true as const, message: 'Check your mailbox for a link to continue your application.' });
    },
  );
  app.post(
    `${base}/applications`,
    {
      config: { access: can.user },
      schema: {
        tags,
        summary: 'Create a draft application as the signed-in account',
        body: c.createApplicationBody,
        response: { 201: c.application },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const row = await svc.createApplication(db, actor, req.body);
      return reply.code(201).send(await svc.getApplication(db, actor, row.id));
    },
  );
  app.get(
    `${base}/applications/mine`,
    { config: { access: can.user }, schema: { tags, summary: 'My applications', response: { 200: z.array(c.applicationSummary) } } },
    async (req) => svc.myApplications(db, requireActor(req)),
  );
  app.get(
    `${base}/applications/:id`,
    {
      config: { access: can.user },
      schema: { tags, summary: 'An application (the applicant or the secretariat)', params: idParams, response: { 200: c.application } },
    },
    async (req) => svc.getApplication(db, requireActor(req), req.params.id),
  );
  app.put(
    `${base}/applications/:id`,
    {
      config: { access: can.user },
      schema: {
        tags,
        summary: 'Save the draft (or the answer to a request for information)',
        params: idParams,
        body: c.updateApplicationBody,
        response: { 200: c.application },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await svc.updateApplication(db, actor, req.params.id, req.body.data);
      return svc.getApplication(db, actor, req.params.id);
    },
  );
  app.post(
    `${base}/applications/:id/documents`,
    {
      config: { access: can.user },
      schema: {
        tags,
        summary: 'Upload a document (PDF, PNG, JPEG, DOCX; multipart field "file", field "docKey")',
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 201: c.applicationDocument },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const up = await readUpload(req, docMaxBytes);
      const docKey = (up.fields.docKey ?? 'other').trim();
      if (!/^[a-z0-9_-]{1,40}$/.test(docKey))
        throw fail(platformErrors, 'validation_failed', 'docKey: lower-case letters, digits, - and _', {
          fields: [{ path: 'docKey', message: 'invalid', code: 'invalid' }],
        });
      return reply.code(201).send(await svc.addDocument(db, config.filesDir, actor, req.params.id, docKey, up, docMaxBytes));
    },
  );
  app.get(
    `${base}/applications/:id/documents/:docId`,
    { config: { access: can.user }, schema: { tags, summary: 'Download a document of an application', params: docParams } },
    async (req, reply) => {
      const fileId = await svc.documentFile(db, requireActor(req), req.params.id, req.params.docId);
      const f = await readFile(db, config.filesDir, fileId);
      if (!f) throw notFound();
      return reply
        .type(f.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.originalName)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(f.data);
    },
  );
  app.delete(
    `${base}/applications/:id/documents/:docId`,
    {
      config: { access: can.user },
      schema: { tags, summary: 'Remove a document from a draft', params: docParams, response: { 200: okSchema } },
    },
    async (req) => {
      await svc.removeDocument(db, requireActor(req), req.params.id, req.params.docId);
      return { ok: true as const };
    },
  );
  app.post(
    `${base}/applications/:id/submit`,
    {
      config: { access: can.user },
      schema: { tags, summary: 'Submit (or resubmit after a request for information)', params: idParams, response: { 200: c.application } },
    },
    async (req) => {
      const actor = requireActor(req);
      await svc.submitApplication(db, url, actor, req.params.id);
      return svc.getApplication(db, actor, req.params.id);
    },
  );
  app.post(
    `${base}/applications/:id/withdraw`,
    {
      config: { access: can.user },
      schema: { tags, summary: 'Withdraw before a decision', params: idParams, response: { 200: c.application } },
    },
    async (req) => {
      const actor = requireActor(req);
      await svc.withdrawApplication(db, url, actor, req.params.id);
      return svc.getApplication(db, actor, req.params.id);
    },
  );
  app.post(
    `${base}/applications/:id/messages`,
    {
      config: { access: can.user },
      schema: {
        tags,
        summary: 'Write in the thread; the secretariat may mark a comment internal',
        params: idParams,
        body: c.messageBody,
        response: { 200: c.application },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await svc.postMessage(db, url, actor, req.params.id, req.body);
      return svc.getApplication(db, actor, req.params.id);
    },
  );

  // Applications: secretariat side
  app.get(
    `${base}/applications`,
    {
      config: { access: can.staff },
      schema: {
        tags,
        summary: 'The queue of applications, with filters (drafts only by status=draft)',
        querystring: c.applicationQuery,
        response: { 200: page(c.applicationSummary) },
      },
    },
    async (req) => svc.listApplications(db, req.query),
  );
  app.post(
    `${base}/applications/:id/request-info`,
    {
      config: { access: can.staff },
      schema: {
        tags,
        summary: 'Ask the applicant for more information',
        params: idParams,
        body: c.reasonBody,
        response: { 200: c.application },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await svc.requestInformation(db, url, actor, req.params.id, req.body.reason);
      return svc.getApplication(db, actor, req.params.id);
    },
  );
  app.post(
    `${base}/applications/:id/approve`,
    {
      config: { access: can.staff },
      schema: {
        tags,
        summary: "Approve: creates the membership, the directory entries and the representatives' accounts",
        params: idParams,
        body: c.approveBody,
        response: { 200: c.application },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await svc.approveApplication(db, url, actor, req.params.id, req.body);
      return svc.getApplication(db, actor, req.params.id);
    },
  );
  app.post(
    `${base}/applications/:id/reject`,
    {
      config: { access: can.staff },
      schema: { tags, summary: 'Reject with a reason', params: idParams, body: c.reasonBody, response: { 200: c.application } },
    },
    async (req) => {
      const actor = requireActor(req);
      await svc.rejectApplication(db, url, actor, req.params.id, req.body.reason);
      return svc.getApplication(db, actor, req.params.id);
    },
  );

  // Memberships (secretariat)
  app.get(
    `${base}/memberships`,
    {
      config: { access: can.staff },
      schema: { tags, summary: 'Memberships, with filters', querystring: c.membershipQuery, response: { 200: page(c.membership) } },
    },
    async (req) => members.listMemberships(db, req.query),
  );
  app.get(
    `${base}/memberships/:id`,
    {
      config: { access: can.staff },
      schema: { tags, summary: 'A membership with its full history', params: idParams, response: { 200: c.membershipDetail } },
    },
    async (req) => members.getMembership(db, req.params.id),
  );
  for (const action of ['renew', 'suspend', 'reinstate', 'terminate'] as const) {
    const needsReason = action === 'suspend' || action === 'terminate';
    app.post(
      `${base}/memberships/:id/${action}`,
      {
        config: { access: can.staff },
        schema: {
          tags,
          summary: `${action[0].toUpperCase()}${action.slice(1)} a membership${needsReason ? ' (with a reason)' : ''}`,
          params: idParams,
          body: needsReason ? c.reasonBody : c.optionalReasonBody,
          response: { 200: c.membershipDetail },
        },
      },
      async (req) => members.changeMembership(db, url, requireActor(req), req.params.id, action, (req.body as { reason?: string }).reason),
    );
  }

  // Member portal
  app.get(
    `${base}/portal`,
    {
      config: { access: can.user },
      schema: {
        tags,
        summary: 'The memberships I keep (as a contact, or as an individual member)',
        response: { 200: z.array(c.portalMembership) },
      },
    },
    async (req) => members.myMemberships(db, requireActor(req)),
  );
  app.get(
    `${base}/portal/:id`,
    { config: { access: can.user }, schema: { tags, params: idParams, response: { 200: c.portalMembership } } },
    async (req) => members.getPortalMembership(db, requireActor(req), req.params.id),
  );
  app.put(
    `${base}/portal/:id/profile`,
    {
      config: { access: can.user },
      schema: {
        tags,
        summary: 'Edit the public profile: description, website, sector',
        params: idParams,
        body: c.profileBody,
        response: { 200: c.portalMembership },
      },
    },
    async (req) => members.updateProfile(db, requireActor(req), req.params.id, req.body),
  );
  app.put(
    `${base}/portal/:id/directory`,
    {
      config: { access: can.user },
      schema: {
        tags,
        summary: 'Appear in the public member directory, or not',
        params: idParams,
        body: c.directoryBody,
        response: { 200: c.portalMembership },
      },
    },
    async (req) => members.setDirectoryOptIn(db, requireActor(req), req.params.id, req.body.optIn),
  );
  app.put(
    `${base}/portal/:id/logo`,
    {
      config: { access: can.user },
      schema: {
        tags,
        summary: 'Upload the logo (PNG, JPEG, WebP, GIF up to 2 MB), multipart field "file"',
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 200: c.portalMembership },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await members.loadManagedMembership(db, actor, req.params.id);
      const up = await readUpload(req, logoMaxBytes);
      const stored = await storeFile(db, config.filesDir, {
        data: up.data,
        filename: up.filename,
        allowed: imageTypes,
        maxBytes: logoMaxBytes,
        ownerId: actor.userId,
      });
      await members.setLogo(db, actor, req.params.id, stored.id);
      return members.getPortalMembership(db, actor, req.params.id);
    },
  );
  app.post(
    `${base}/portal/:id/representatives`,
    {
      config: { access: can.user },
      schema: {
        tags,
        summary: 'Add a representative: staff grant directly; a contact invites, and nothing is granted until the invitee accepts',
        params: idParams,
        body: c.representativeInput,
        response: { 200: c.portalMembership },
      },
    },
    async (req) => reps.addOrInvite(db, url, requireActor(req), req.params.id, req.body),
  );
  app.delete(
    `${base}/portal/:id/representatives/:userId`,
    {
      config: { access: can.user },
      schema: {
        tags,
        summary: 'Remove a representative: the role and what granting it created go',
        params: z.object({ id: z.uuid(), userId: z.uuid() }),
        response: { 200: c.portalMembership },
      },
    },
    async (req) => reps.removeRepresentative(db, requireActor(req), req.params.id, req.params.userId),
  );
  const invitationParams = z.object({ id: z.uuid(), invitationId: z.uuid() });
  app.post(
    `${base}/portal/:id/invitations/:invitationId/resend`,
    {
      config: { access: can.user },
      schema: {
        tags,
        summary: 'Send a pending invitation again, with a new link',
        params: invitationParams,
        response: { 200: c.portalMembership },
      },
    },
    async (req) => reps.resendInvitation(db, url, requireActor(req), req.params.id, req.params.invitationId),
  );
  app.delete(
    `${base}/portal/:id/invitations/:invitationId`,
    {
      config: { access: can.user },
      schema: { tags, summary: 'Cancel a pending invitation', params: invitationParams, response: { 200: c.portalMembership } },
    },
    async (req) => reps.cancelInvitation(db, requireActor(req), req.params.id, req.params.invitationId),
  );

  // The invitee's side: the link is theirs, and only the invited address answers.
  const tokenParams = z.object({ token: z.string().min(20).max(100) });
  app.get(
    `${base}/invitations/:token`,
    {
      config: { access: can.user },
      schema: {
        tags,
        summary: 'An invitation to represent a member, as its link shows it',
        params: tokenParams,
        response: { 200: c.invitationView },
      },
    },
    async (req) => reps.viewInvitation(db, requireActor(req), req.params.token),
  );
  app.post(
    `${base}/invitations/:token/accept`,
    {
      config: { access: can.user },
      schema: {
        tags,
        summary: 'Accept: become a representative (only as the invited address)',
        params: tokenParams,
        response: { 200: c.invitationAnswer },
      },
    },
    async (req) => reps.acceptInvitation(db, requireActor(req), req.params.token),
  );
  app.post(
    `${base}/invitations/:token/decline`,
    {
      config: { access: can.user },
      schema: { tags, summary: 'Decline (only as the invited address)', params: tokenParams, response: { 200: c.invitationAnswer } },
    },
    async (req) => reps.declineInvitation(db, requireActor(req), req.params.token),
  );

  // Public member directory
  app.get(
    `${base}/members`,
    {
      config: { access: can.public },
      schema: {
        tags,
        summary: 'The public member directory: search by name in any script, filter by country, continent, stakeholder group',
        querystring: c.publicMemberQuery,
        response: { 200: page(c.publicMember) },
      },
    },
    async (req) => members.publicMembers(db, req.query),
  );
  app.get(
    `${base}/members/:id`,
    {
      config: { access: can.public },
      schema: { tags, summary: "A member's public page", params: idParams, response: { 200: c.publicMember } },
    },
    async (req) => members.publicMember(db, req.params.id),
  );

  // Representation dashboard and goals
  app.get(
    `${base}/dashboard`,
    {
      config: { access: can.staff },
      schema: {
        tags,
        summary:
          'Representation of members (by continent, country, stakeholder group, category, year joined), applications by status, goals met or not',
        response: { 200: c.dashboard },
      },
    },
    async () => dash.dashboard(db),
  );
  app.get(
    `${base}/dashboard/export`,
    { config: { access: can.staff }, schema: { tags, summary: 'The dashboard as CSV (UTF-8 with BOM) or XLSX', querystring: formatQuery } },
    async (req, reply) => {
      const rows = dash.dashboardTable(await dash.dashboard(db));
      const stamp = new Date().toISOString().slice(0, 10);
      if (req.query.format === 'xlsx') {
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="membership-dashboard-${stamp}.xlsx"`)
          .send(await toXlsx('representation', dash.dashboardColumns, rows));
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="membership-dashboard-${stamp}.csv"`)
        .send(toCsv(dash.dashboardColumns, rows));
    },
  );
  app.get(
    `${base}/goals`,
    {
      config: { access: can.staff },
      schema: {
        tags,
        summary: 'Representation goals of a population; for members, with the current figure and met / not met',
        querystring: z.object({ population: z.string().max(100).default('members') }),
        response: { 200: z.array(c.goal) },
      },
    },
    async (req) => (req.query.population === 'members' ? dash.memberGoals(db) : dash.listGoals(db, req.query.population)),
  );
  app.post(
    `${base}/goals`,
    { config: { access: can.staff }, schema: { tags, summary: 'Set a representation goal', body: c.goalInput, response: { 201: c.goal } } },
    async (req, reply) => reply.code(201).send(await dash.createGoal(db, requireActor(req), req.body)),
  );
  app.put(
    `${base}/goals/:id`,
    { config: { access: can.staff }, schema: { tags, params: idParams, body: c.goalInput, response: { 200: c.goal } } },
    async (req) => dash.updateGoal(db, requireActor(req), req.params.id, req.body),
  );
  app.delete(
    `${base}/goals/:id`,
    { config: { access: can.staff }, schema: { tags, params: idParams, response: { 200: okSchema } } },
    async (req) => {
      await dash.deleteGoal(db, requireActor(req), req.params.id);
      return { ok: true as const };
    },
  );

  // Bulk import
  app.post(
    `${base}/import`,
    {
      config: { access: can.staff },
      schema: {
        tags,
        summary:
          'Import existing members from CSV or XLSX. With dryRun (the default) nothing is written; otherwise all rows are written, or none if any is bad.',
        querystring: z.object({
          dryRun: z
            .enum(['true', 'false'])
            .default('true')
            .transform((v) => v === 'true'),
        }),
        consumes: ['multipart/form-data'],
        response: { 200: c.importReport },
      },
    },
    async (req) => {
      const up = await readUpload(req, maxBytes);
      return importMembers(db, url, requireActor(req), up.data, up.filename, req.query.dryRun);
    },
  );
}
