import { requireActor } from '../../platform/auth/access.js';
import { route } from '../../platform/http/route.js';
import type { App, Ctx } from '../../platform/http/types.js';
import { readUpload } from '../../platform/http/upload.js';
import { bulkScreen } from './bulk.js';
import { callsApi as api } from './contract.js';
import * as svc from './service.js';

export function callsRoutes(app: App, { db, config }: Ctx) {
  const maxBytes = config.MAX_UPLOAD_MB * 1024 * 1024;

  route(app, api.list, async (req) => svc.callsFor(db, req.actor, req.query));
  route(app, api.templates, async () => svc.callTemplates());
  route(app, api.create, async (req, reply) => reply.code(201).send(await svc.openCall(db, requireActor(req), req.body)));
  route(app, api.get, async (req) => svc.callFor(db, req.actor, req.params.id));
  route(app, api.update, async (req) => svc.changeCall(db, requireActor(req), req.params.id, req.body));
  route(app, api.rubric, async (req) => svc.getRubric(db, req.params.id, req.params.round));
  route(app, api.setRubric, async (req) => svc.setRubric(db, requireActor(req), req.params.id, req.params.round, req.body));

  // Applicants
  route(app, api.startSubmission, async (req, reply) =>
    reply.code(201).send(await svc.startSubmission(db, requireActor(req), req.params.id, req.body)),
  );
  route(app, api.nominate, async (req, reply) =>
    reply.code(201).send(await svc.nominatePerson(db, requireActor(req), req.params.id, req.body)),
  );
  route(app, api.mine, async (req) => svc.mySubmissions(db, requireActor(req)));
  route(app, api.submission, async (req) => svc.readSubmission(db, requireActor(req), req.params.id));
  route(app, api.saveDraft, async (req) => svc.saveDraft(db, requireActor(req), req.params.id, req.body));
  route(app, api.submit, async (req) => svc.submitSubmission(db, requireActor(req), req.params.id));
  route(app, api.withdraw, async (req) => svc.withdrawSubmission(db, requireActor(req), req.params.id));
  route(app, api.uploadFile, async (req, reply) =>
    reply
      .code(201)
      .send(
        await svc.uploadSubmissionFile(db, config.filesDir, requireActor(req), req.params.id, maxBytes, () => readUpload(req, maxBytes)),
      ),
  );

  // Staff
  route(app, api.submissions, async (req) => svc.callSubmissions(db, req.params.id, req.query));
  route(app, api.screen, async (req) => svc.screenSubmission(db, requireActor(req), req.params.id, req.body));
  route(app, api.bulkScreen, async (req) => bulkScreen(db, requireActor(req), req.params.id, req.body));
  route(app, api.autoScreen, async (req) => svc.autoScreenCall(db, requireActor(req), req.params.id));
}
