import { requireActor } from '../../platform/auth/access.js';
import { sendFile } from '../../platform/http/reply.js';
import { route } from '../../platform/http/route.js';
import type { App, Ctx } from '../../platform/http/types.js';
import { reviewApi as api } from './contract.js';
import * as svc from './service.js';

export function reviewRoutes(app: App, { db, config }: Ctx) {
  // Staff
  route(app, api.pool, async (req) => svc.listPool(db, req.params.id, req.query.round));
  route(app, api.invite, async (req, reply) =>
    reply.code(201).send(await svc.invite(db, requireActor(req), req.params.id, req.body.round, req.body.reviewers)),
  );
  route(app, api.removeReviewer, async (req) => svc.removeReviewer(db, requireActor(req), req.params.id, req.params.reviewerId));
  route(app, api.pair, async (req) => svc.setPair(db, requireActor(req), req.params.id, req.body));
  route(app, api.assign, async (req) => svc.assign(db, requireActor(req), req.params.id, req.body.round));
  route(app, api.assignments, async (req) => svc.listAssignments(db, req.params.id, req.query.round));
  route(app, api.progress, async (req) => svc.progress(db, req.params.id, req.query.round));
  route(app, api.ranking, async (req) => svc.ranking(db, req.params.id, req.query.round));
  route(app, api.selectionPreview, async (req) => svc.selectionPreview(db, req.params.id, req.body.round, req.body));
  route(app, api.advance, async (req) => svc.advance(db, requireActor(req), req.params.id, req.body));
  route(app, api.decide, async (req) => svc.decide(db, requireActor(req), req.params.id, req.body));
  route(app, api.remind, async (req) => svc.remindNow(db, req.params.id));
  route(app, api.submissionReviews, async (req) => svc.submissionReviews(db, req.params.id));

  // Committee discussion
  route(app, api.discussion, async (req) => svc.discussionFor(db, requireActor(req), req.params.id));
  route(app, api.discuss, async (req, reply) =>
    reply.code(201).send(await svc.discuss(db, requireActor(req), req.params.id, req.body.body)),
  );

  // Reviewers
  route(app, api.invitations, async (req) => svc.myInvitations(db, requireActor(req)));
  route(app, api.respond, async (req) => svc.respondTo(db, requireActor(req), req.params.id, req.body.accept));
  route(app, api.conflictCandidates, async (req) => svc.titlesForConflicts(db, requireActor(req), req.params.id));
  route(app, api.declareConflict, async (req) =>
    svc.declareConflict(db, requireActor(req), req.params.id, req.body.submissionId, req.body.reason),
  );
  route(app, api.myAssignments, async (req) => svc.myAssignments(db, requireActor(req)));
  route(app, api.entry, async (req) => svc.reviewerView(db, requireActor(req), req.params.id));
  route(app, api.saveReview, async (req) => svc.saveReview(db, requireActor(req), req.params.id, req.body));

  // The applicant's feedback and the submission's files
  route(app, api.feedback, async (req) => svc.feedbackFor(db, requireActor(req), req.params.id));
  route(app, api.submissionFile, async (req, reply) =>
    sendFile(reply, await svc.submissionFileFor(db, config.filesDir, requireActor(req), req.params.id, req.params.fileId)),
  );
}
