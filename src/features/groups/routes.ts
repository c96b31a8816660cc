import { requireActor } from '../../platform/auth/access.js';
import { sendFile } from '../../platform/http/reply.js';
import { route } from '../../platform/http/route.js';
import type { App, Ctx } from '../../platform/http/types.js';
import { readUpload } from '../../platform/http/upload.js';
import { groupsApi as api } from './contract.js';
import * as docs from './documents.js';
import * as svc from './service.js';

export function groupRoutes(app: App, { db, config }: Ctx) {
  const maxBytes = config.MAX_UPLOAD_MB * 1024 * 1024;

  // Groups: public pages
  route(app, api.list, async () => svc.listGroups(db));
  route(app, api.get, async (req) => svc.publicGroup(db, req.actor, req.params.id));
  route(app, api.create, async (req, reply) => reply.code(201).send(await svc.startGroup(db, requireActor(req), req.body)));
  route(app, api.update, async (req) => svc.changeGroup(db, requireActor(req), req.params.id, req.body));

  route(app, api.organizationGroups, async (req) => svc.organizationGroups(db, req.params.id));

  // Members
  route(app, api.members, async (req) => svc.groupMembersFor(db, requireActor(req), req.params.id));
  route(app, api.invite, async (req, reply) =>
    reply.code(201).send(await svc.inviteToGroup(db, requireActor(req), req.params.id, req.body)),
  );
  route(app, api.answerInvitation, async (req) =>
    svc.answerGroupInvitation(db, requireActor(req), req.params.id, req.params.answer === 'accept'),
  );
  route(app, api.requestToJoin, async (req, reply) =>
    reply.code(201).send(await svc.askToJoin(db, requireActor(req), req.params.id, req.body)),
  );
  route(app, api.decideRequest, async (req) =>
    svc.decideJoinRequest(db, requireActor(req), req.params.id, req.params.memberId, req.params.decision === 'approve'),
  );
  route(app, api.setRole, async (req) => svc.changeMemberRole(db, requireActor(req), req.params.id, req.params.memberId, req.body.role));
  route(app, api.removeMember, async (req) => svc.removeGroupMember(db, requireActor(req), req.params.id, req.params.memberId));

  // Workspace
  route(app, api.workspace, async (req) => docs.groupWorkspace(db, requireActor(req), req.params.id));
  route(app, api.createMeeting, async (req, reply) =>
    reply.code(201).send(await svc.planMeeting(db, requireActor(req), req.params.id, req.body)),
  );
  route(app, api.updateMeeting, async (req) => svc.changeMeeting(db, requireActor(req), req.params.id, req.params.meetingId, req.body));
  route(app, api.uploadMinutes, async (req) =>
    svc.uploadMinutes(db, { dir: config.filesDir, maxBytes }, requireActor(req), req.params.id, req.params.meetingId, () =>
      readUpload(req, maxBytes),
    ),
  );
  route(app, api.minutes, async (req, reply) =>
    sendFile(reply, await svc.minutesFile(db, config.filesDir, requireActor(req), req.params.id, req.params.meetingId)),
  );
  route(app, api.createThread, async (req, reply) =>
    reply.code(201).send(await svc.startThread(db, requireActor(req), req.params.id, req.body)),
  );
  route(app, api.thread, async (req) => svc.threadFor(db, requireActor(req), req.params.id, req.params.threadId));
  route(app, api.addPost, async (req, reply) =>
    reply.code(201).send(await svc.replyInThread(db, requireActor(req), req.params.id, req.params.threadId, req.body.body)),
  );

  // Documents
  route(app, api.createGroupDocument, async (req, reply) =>
    reply.code(201).send(await docs.startDocument(db, requireActor(req), req.params.id, req.body)),
  );
  route(app, api.createDocument, async (req, reply) =>
    reply.code(201).send(await docs.startDocument(db, requireActor(req), null, req.body)),
  );
  route(app, api.document, async (req) => docs.documentView(db, req.actor, req.params.id));
  route(app, api.documentVersion, async (req) => docs.documentView(db, req.actor, req.params.id, req.params.versionId));
  route(app, api.setTitle, async (req) => docs.renameDocument(db, requireActor(req), req.params.id, req.body.title));
  route(app, api.setText, async (req) => docs.changeVersionText(db, requireActor(req), req.params.id, req.params.versionId, req.body));
  route(app, api.setChangeSummary, async (req) =>
    docs.describeChanges(db, requireActor(req), req.params.id, req.params.versionId, req.body.changeSummary),
  );
  route(app, api.newVersion, async (req, reply) =>
    reply.code(201).send(await docs.startNextVersion(db, requireActor(req), req.params.id, req.body)),
  );
  route(app, api.setStatus, async (req) => docs.moveVersion(db, requireActor(req), req.params.id, req.params.versionId, req.body.status));
  route(app, api.diff, async (req) => docs.diff(db, req.actor, req.params.id, req.query));
  route(app, api.openRound, async (req, reply) =>
    reply.code(201).send(await docs.startRound(db, requireActor(req), req.params.id, req.body)),
  );
  route(app, api.closeRound, async (req) => docs.endRound(db, requireActor(req), req.params.id, req.params.roundId));
  route(app, api.comments, async (req) => docs.listComments(db, requireActor(req), req.params.id, req.params.versionId));
  route(app, api.addComment, async (req, reply) =>
    reply.code(201).send(await docs.commentOn(db, requireActor(req), req.params.id, req.body)),
  );
  route(app, api.resolveComment, async (req) => docs.answerComment(db, requireActor(req), req.params.id, req.params.commentId, req.body));

  // Endorsements and joint submissions
  route(app, api.endorsements, async (req) => docs.listEndorsements(db, req.actor, req.params.id));
  route(app, api.endorse, async (req, reply) =>
    reply.code(201).send(await docs.endorseDocument(db, requireActor(req), req.params.id, req.body)),
  );
  route(app, api.withdrawEndorsement, async (req) =>
    docs.withdrawOwnEndorsement(db, requireActor(req), req.params.id, req.params.endorsementId),
  );
  route(app, api.submissions, async (req) => docs.listSubmissions(db, req.actor, req.params.id));
  route(app, api.addSubmission, async (req, reply) =>
    reply.code(201).send(await docs.recordSubmission(db, requireActor(req), req.params.id, req.body)),
  );
  route(app, api.addToLibrary, async (req, reply) => {
    const r = await docs.publishToLibrary(db, requireActor(req), req.params.id, req.body);
    return reply.code(r.created ? 201 : 200).send({ publicationId: r.publicationId });
  });
}
