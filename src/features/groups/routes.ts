import { z } from 'zod';
import { requireActor } from '../../platform/auth/access.js';
import { documentTypes, readFile, storeFile } from '../../platform/files/index.js';
import { notFound } from '../../platform/http/errors.js';
import type { App, Ctx } from '../../platform/http/types.js';
import { idParams, okSchema } from '../../platform/http/types.js';
import { readUpload } from '../../platform/http/upload.js';
import { requiredLocalizedText, localizedText } from '../../platform/i18n/index.js';
import * as c from './contract.js';
import * as docs from './documents.js';
import { groupsAccess as can, isGroupEditor } from './policy.js';
import * as svc from './service.js';

const tags = ['groups'];
const groupParams = z.object({ id: z.string().min(1).max(100) });
const memberParams = groupParams.extend({ memberId: z.uuid() });
const meetingParams = groupParams.extend({ meetingId: z.uuid() });
const threadParams = groupParams.extend({ threadId: z.uuid() });
const versionParams = idParams.extend({ versionId: z.uuid() });
const roundParams = idParams.extend({ roundId: z.uuid() });
const commentParams = idParams.extend({ commentId: z.uuid() });
const endorsementParams = idParams.extend({ endorsementId: z.uuid() });

export function groupRoutes(app: App, ctx: Ctx) {
  const { db, config } = ctx;
  const tx = db.transaction.bind(db);
  const maxBytes = config.MAX_UPLOAD_MB * 1024 * 1024;

  // Groups: public pages
  app.get(
    '/api/v1/groups',
    { config: { access: can.public }, schema: { tags, summary: 'Working groups', response: { 200: z.array(c.groupSummary) } } },
    async () => svc.listGroups(db),
  );
  app.get(
    '/api/v1/groups/:id',
    {
      config: { access: can.public },
      schema: {
        tags,
        summary: 'A group’s public page: mandate, chairs, member organizations, published outputs',
        params: groupParams,
        response: { 200: c.publicGroup },
      },
    },
    async (req) => svc.publicGroup(db, req.actor, req.params.id),
  );
  app.post(
    '/api/v1/groups',
    { config: { access: can.staff }, schema: { tags, body: c.groupInput, response: { 201: c.groupSummary.omit({ memberCount: true }) } } },
    async (req, reply) => reply.code(201).send(await tx((t) => svc.createGroup(t, requireActor(req), req.body))),
  );
  app.put(
    '/api/v1/groups/:id',
    {
      config: { access: can.user },
      schema: {
        tags,
        summary: 'Update name, mandate, liaison or status (chairs and secretariat)',
        params: groupParams,
        body: c.groupUpdate,
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return tx(async (t) => {
        const g = await svc.loadGroupAsEditor(t, actor, req.params.id);
        const after = await svc.updateGroup(t, actor, g, req.body);
        return { id: after.id };
      });
    },
  );

  // Members
  app.get(
    '/api/v1/groups/:id/members',
    {
      config: { access: can.user },
      schema: {
        tags,
        summary: 'Members (chairs also see invitations and requests)',
        params: groupParams,
        response: { 200: z.array(c.memberRow) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      return svc.listMembers(db, actor, await svc.loadGroupAsInsider(db, actor, req.params.id));
    },
  );
  app.post(
    '/api/v1/groups/:id/invitations',
    {
      config: { access: can.user },
      schema: { tags, summary: 'Invite a person (by e-mail) to the group', params: groupParams, body: c.inviteInput },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const m = await tx(async (t) =>
        svc.invite(t, actor, await svc.loadGroupAsEditor(t, actor, req.params.id), req.body, config.publicUrl),
      );
      return reply.code(201).send({ id: m.id, status: m.status });
    },
  );
  app.post(
    '/api/v1/groups/:id/invitation/:answer',
    {
      config: { access: can.user },
      schema: { tags, summary: 'Accept or decline your invitation', params: groupParams.extend({ answer: z.enum(['accept', 'decline']) }) },
    },
    async (req) => {
      const actor = requireActor(req);
      const m = await tx(async (t) =>
        svc.answerInvitation(t, actor, await svc.loadGroup(t, req.params.id), req.params.answer === 'accept'),
      );
      return { id: m.id, status: m.status };
    },
  );
  app.post(
    '/api/v1/groups/:id/requests',
    {
      config: { access: can.user },
      schema: { tags, summary: 'Ask to join the group; the chair decides', params: groupParams, body: c.joinRequestInput },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const m = await tx(async (t) => svc.requestToJoin(t, actor, await svc.loadGroup(t, req.params.id), req.body));
      return reply.code(201).send({ id: m.id, status: m.status });
    },
  );
  app.post(
    '/api/v1/groups/:id/members/:memberId/:decision',
    {
      config: { access: can.user },
      schema: {
        tags,
        summary: 'Approve or decline a request to join',
        params: memberParams.extend({ decision: z.enum(['approve', 'decline']) }),
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const m = await tx(async (t) =>
        svc.decideRequest(
          t,
          actor,
          await svc.loadGroupAsEditor(t, actor, req.params.id),
          req.params.memberId,
          req.params.decision === 'approve',
          config.publicUrl,
        ),
      );
      return { id: m.id, status: m.status };
    },
  );
  app.put(
    '/api/v1/groups/:id/members/:memberId/role',
    { config: { access: can.user }, schema: { tags, params: memberParams, body: c.roleInput } },
    async (req) => {
      const actor = requireActor(req);
      const m = await tx(async (t) =>
        svc.setMemberRole(t, actor, await svc.loadGroupAsEditor(t, actor, req.params.id), req.params.memberId, req.body.role),
      );
      return { id: m.id, role: m.role };
    },
  );
  app.delete(
    '/api/v1/groups/:id/members/:memberId',
    {
      config: { access: can.user },
      schema: { tags, summary: 'Remove a member, or leave', params: memberParams, response: { 200: okSchema } },
    },
    async (req) => {
      const actor = requireActor(req);
      await tx(async (t) => svc.removeMember(t, actor, await svc.loadGroupAsInsider(t, actor, req.params.id), req.params.memberId));
      return { ok: true as const };
    },
  );

  // Workspace
  app.get(
    '/api/v1/groups/:id/workspace',
    {
      config: { access: can.user },
      schema: {
        tags,
        summary: 'The members’ workspace: documents (drafts too), meetings, discussion',
        params: groupParams,
        response: { 200: c.workspace },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const g = await svc.loadGroupAsInsider(db, actor, req.params.id);
      const groups = await svc.listGroups(db);
      return {
        group: groups.find((x) => x.id === g.id)!,
        documents: await docs.groupDocuments(db, g.id, false),
        meetings: await svc.listMeetings(db, g),
        threads: await svc.listThreads(db, g),
        you: { editor: isGroupEditor(actor, g) },
      };
    },
  );
  app.post(
    '/api/v1/groups/:id/meetings',
    { config: { access: can.user }, schema: { tags, params: groupParams, body: c.meetingInput, response: { 201: c.meeting } } },
    async (req, reply) => {
      const actor = requireActor(req);
      return reply
        .code(201)
        .send(await tx(async (t) => svc.createMeeting(t, actor, await svc.loadGroupAsEditor(t, actor, req.params.id), req.body)));
    },
  );
  app.put(
    '/api/v1/groups/:id/meetings/:meetingId',
    { config: { access: can.user }, schema: { tags, params: meetingParams, body: c.meetingInput, response: { 200: c.meeting } } },
    async (req) => {
      const actor = requireActor(req);
      return tx(async (t) =>
        svc.updateMeeting(t, actor, await svc.loadGroupAsEditor(t, actor, req.params.id), req.params.meetingId, req.body),
      );
    },
  );
  app.put(
    '/api/v1/groups/:id/meetings/:meetingId/minutes',
    {
      config: { access: can.user },
      schema: {
        tags,
        summary: 'Attach the minutes as a file (PDF, DOCX), multipart field "file"',
        params: meetingParams,
        consumes: ['multipart/form-data'],
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const g = await svc.loadGroupAsEditor(db, actor, req.params.id);
      await svc.loadMeeting(db, g, req.params.meetingId);
      const up = await readUpload(req, maxBytes);
      return tx(async (t) => {
        const f = await storeFile(t, config.filesDir, { ...up, allowed: documentTypes, maxBytes, ownerId: actor.userId });
        await svc.attachMinutes(t, actor, g, req.params.meetingId, f.id);
        return { fileId: f.id };
      });
    },
  );
  app.get(
    '/api/v1/groups/:id/meetings/:meetingId/minutes',
    { config: { access: can.user }, schema: { tags, summary: 'Download the minutes (members)', params: meetingParams } },
    async (req, reply) => {
      const actor = requireActor(req);
      const g = await svc.loadGroupAsInsider(db, actor, req.params.id);
      const m = await svc.loadMeeting(db, g, req.params.meetingId);
      const f = m.minutesFileId ? await readFile(db, config.filesDir, m.minutesFileId) : null;
      if (!f) throw notFound();
      return reply
        .type(f.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.originalName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(f.data);
    },
  );
  app.post(
    '/api/v1/groups/:id/threads',
    { config: { access: can.user }, schema: { tags, params: groupParams, body: c.threadInput } },
    async (req, reply) => {
      const actor = requireActor(req);
      const t0 = await tx(async (t) => svc.createThread(t, actor, await svc.loadGroupAsInsider(t, actor, req.params.id), req.body));
      return reply.code(201).send({ id: t0.id });
    },
  );
  app.get(
    '/api/v1/groups/:id/threads/:threadId',
    {
      config: { access: can.user },
      schema: { tags, params: threadParams, response: { 200: z.object({ id: z.uuid(), title: z.string(), posts: z.array(c.post) }) } },
    },
    async (req) => {
      const actor = requireActor(req);
      return svc.listPosts(db, await svc.loadGroupAsInsider(db, actor, req.params.id), req.params.threadId);
    },
  );
  app.post(
    '/api/v1/groups/:id/threads/:threadId/posts',
    { config: { access: can.user }, schema: { tags, params: threadParams, body: c.postInput } },
    async (req, reply) => {
      const actor = requireActor(req);
      const p = await tx(async (t) =>
        svc.addPost(t, actor, await svc.loadGroupAsInsider(t, actor, req.params.id), req.params.threadId, req.body.body),
      );
      return reply.code(201).send({ id: p.id });
    },
  );

  // Documents
  app.post(
    '/api/v1/groups/:id/documents',
    {
      config: { access: can.user },
      schema: { tags, summary: 'Start a document (version 1, a draft)', params: groupParams, body: c.documentInput },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const d = await tx(async (t) => docs.createDocument(t, actor, await svc.loadGroupAsEditor(t, actor, req.params.id), req.body));
      return reply.code(201).send(await docs.documentView(db, actor, d.id));
    },
  );
  app.post(
    '/api/v1/documents',
    {
      config: { access: can.staff },
      schema: { tags, summary: 'Start a document of the organization itself (no group)', body: c.documentInput },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const d = await tx((t) => docs.createDocument(t, actor, null, req.body));
      return reply.code(201).send(await docs.documentView(db, actor, d.id));
    },
  );
  app.get(
    '/api/v1/documents/:id',
    {
      config: { access: can.public },
      schema: {
        tags,
        summary: 'A document at its latest version you may see (the public sees final and published versions)',
        params: idParams,
        response: { 200: c.documentView },
      },
    },
    async (req) => docs.documentView(db, req.actor, req.params.id),
  );
  app.get(
    '/api/v1/documents/:id/versions/:versionId',
    { config: { access: can.public }, schema: { tags, params: versionParams, response: { 200: c.documentView } } },
    async (req) => docs.documentView(db, req.actor, req.params.id, req.params.versionId),
  );
  app.put(
    '/api/v1/documents/:id/title',
    {
      config: { access: can.user },
      schema: { tags, params: idParams, body: z.object({ title: requiredLocalizedText(500) }), response: { 200: okSchema } },
    },
    async (req) => {
      await tx((t) => docs.updateTitle(t, requireActor(req), req.params.id, req.body.title));
      return { ok: true as const };
    },
  );
  app.put(
    '/api/v1/documents/:id/versions/:versionId/text',
    {
      config: { access: can.user },
      schema: {
        tags,
        summary: 'Replace the paragraphs of a draft (editors)',
        params: versionParams,
        body: c.versionTextInput,
        response: { 200: c.documentView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await tx((t) => docs.updateVersionText(t, actor, req.params.id, req.params.versionId, req.body));
      return docs.documentView(db, actor, req.params.id, req.params.versionId);
    },
  );
  app.put(
    '/api/v1/documents/:id/versions/:versionId/summary',
    {
      config: { access: can.user },
      schema: {
        tags,
        summary: 'What changed in this version, in words',
        params: versionParams,
        body: z.object({ changeSummary: localizedText(5000) }),
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await tx((t) => docs.setChangeSummary(t, requireActor(req), req.params.id, req.params.versionId, req.body.changeSummary));
      return { ok: true as const };
    },
  );
  app.post(
    '/api/v1/documents/:id/versions',
    {
      config: { access: can.user },
      schema: {
        tags,
        summary: 'Make the next version from the latest one',
        params: idParams,
        body: c.newVersionInput,
        response: { 201: c.documentView },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const v = await tx((t) => docs.newVersion(t, actor, req.params.id, req.body));
      return reply.code(201).send(await docs.documentView(db, actor, req.params.id, v.id));
    },
  );
  app.put(
    '/api/v1/documents/:id/versions/:versionId/status',
    {
      config: { access: can.user },
      schema: {
        tags,
        summary: 'draft → consultation → final → published',
        params: versionParams,
        body: c.statusInput,
        response: { 200: c.documentView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await tx((t) => docs.setStatus(t, actor, req.params.id, req.params.versionId, req.body.status));
      return docs.documentView(db, actor, req.params.id, req.params.versionId);
    },
  );
  app.get(
    '/api/v1/documents/:id/diff',
    {
      config: { access: can.public },
      schema: {
        tags,
        summary: 'Compare two versions paragraph by paragraph in one language',
        params: idParams,
        querystring: c.diffQuery,
        response: { 200: c.diffResult },
      },
    },
    async (req) => docs.diff(db, req.actor, req.params.id, req.query),
  );
  app.post(
    '/api/v1/documents/:id/rounds',
    {
      config: { access: can.user },
      schema: {
        tags,
        summary: 'Open a comment round on the latest version',
        params: idParams,
        body: c.roundInput,
        response: { 201: c.round },
      },
    },
    async (req, reply) => {
      const r = await tx((t) => docs.openRound(t, requireActor(req), req.params.id, req.body, config.publicUrl));
      return reply.code(201).send({
        id: r.id,
        versionId: r.versionId,
        opensAt: r.opensAt.toISOString(),
        closesAt: r.closesAt.toISOString(),
        closedAt: null,
        open: r.opensAt <= new Date(),
      });
    },
  );
  app.post(
    '/api/v1/documents/:id/rounds/:roundId/close',
    { config: { access: can.user }, schema: { tags, params: roundParams, response: { 200: okSchema } } },
    async (req) => {
      await tx((t) => docs.closeRound(t, requireActor(req), req.params.id, req.params.roundId));
      return { ok: true as const };
    },
  );
  app.get(
    '/api/v1/documents/:id/versions/:versionId/comments',
    {
      config: { access: can.user },
      schema: { tags, summary: 'Comments on a version (group only)', params: versionParams, response: { 200: z.array(c.comment) } },
    },
    async (req) => docs.listComments(db, requireActor(req), req.params.id, req.params.versionId),
  );
  app.post(
    '/api/v1/documents/:id/comments',
    {
      config: { access: can.user },
      schema: {
        tags,
        summary: 'Comment on a paragraph of the latest version while a round is open',
        params: idParams,
        body: c.commentInput,
        response: { 201: c.comment },
      },
    },
    async (req, reply) => reply.code(201).send(await tx((t) => docs.addComment(t, requireActor(req), req.params.id, req.body))),
  );
  app.put(
    '/api/v1/documents/:id/comments/:commentId',
    {
      config: { access: can.user },
      schema: {
        tags,
        summary: 'Mark a comment accepted, declined (with reason) or answered',
        params: commentParams,
        body: c.resolveInput,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await tx((t) => docs.resolveComment(t, requireActor(req), req.params.id, req.params.commentId, req.body));
      return { ok: true as const };
    },
  );

  // Endorsements and joint submissions
  app.get(
    '/api/v1/documents/:id/endorsements',
    {
      config: { access: can.public },
      schema: {
        tags,
        summary: 'Endorsers, with counts by country and stakeholder group',
        params: idParams,
        response: { 200: c.endorsementList },
      },
    },
    async (req) => docs.listEndorsements(db, req.actor, req.params.id),
  );
  app.post(
    '/api/v1/documents/:id/endorsements',
    {
      config: { access: can.user },
      schema: {
        tags,
        summary: 'Endorse or co-sign a final document, for an organization you are a contact of, or as yourself',
        params: idParams,
        body: c.endorseInput,
      },
    },
    async (req, reply) => {
      const e = await tx((t) => docs.endorse(t, requireActor(req), req.params.id, req.body));
      return reply.code(201).send({ id: e.id, status: e.status });
    },
  );
  app.delete(
    '/api/v1/documents/:id/endorsements/:endorsementId',
    {
      config: { access: can.user },
      schema: {
        tags,
        summary: 'Withdraw an endorsement (until the document is published)',
        params: endorsementParams,
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await tx((t) => docs.withdrawEndorsement(t, requireActor(req), req.params.id, req.params.endorsementId));
      return { ok: true as const };
    },
  );
  app.get(
    '/api/v1/documents/:id/submissions',
    {
      config: { access: can.public },
      schema: { tags, summary: 'Joint submissions to outside processes', params: idParams, response: { 200: z.array(c.submission) } },
    },
    async (req) => docs.listSubmissions(db, req.actor, req.params.id),
  );
  app.post(
    '/api/v1/documents/:id/submissions',
    {
      config: { access: can.user },
      schema: { tags, summary: 'Record a joint submission and its partners', params: idParams, body: c.submissionInput },
    },
    async (req, reply) => {
      const s = await tx((t) => docs.addSubmission(t, requireActor(req), req.params.id, req.body));
      return reply.code(201).send({ id: s.id });
    },
  );
  app.post(
    '/api/v1/documents/:id/library',
    {
      config: { access: can.user },
      schema: {
        tags,
        summary: 'Put the published version into the library (one action; twice is once)',
        params: idParams,
        body: z
          .object({
            abstract: localizedText(10_000).optional(),
            tags: z.array(z.string().trim().toLowerCase().min(1).max(40)).max(30).optional(),
          })
          .default({}),
      },
    },
    async (req, reply) => {
      const r = await tx((t) => docs.addToLibrary(t, requireActor(req), req.params.id, req.body));
      return reply.code(r.created ? 201 : 200).send({ publicationId: r.id });
    },
  );
}
