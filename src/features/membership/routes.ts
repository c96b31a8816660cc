import { requireActor } from '../../platform/auth/access.js';
import { sendFile } from '../../platform/http/reply.js';
import { route } from '../../platform/http/route.js';
import type { App, Ctx } from '../../platform/http/types.js';
import { readUpload } from '../../platform/http/upload.js';
import { bulkApprove, bulkReject } from './bulk.js';
import { membershipApi as api } from './contract.js';
import * as dash from './dashboard.js';
import { importMembers } from './import.js';
import * as members from './members.js';
import * as reps from './representatives.js';
import * as svc from './service.js';

export function membershipRoutes(app: App, { db, config }: Ctx) {
  const maxBytes = config.MAX_UPLOAD_MB * 1024 * 1024;
  const docMaxBytes = Math.min(maxBytes, 10 * 1024 * 1024);
  const logoMaxBytes = 2 * 1024 * 1024;

  // Categories
  route(app, api.categories, async () => svc.listCategories(db));
  route(app, api.allCategories, async () => svc.listCategories(db, true));
  route(app, api.createCategory, async (req, reply) => reply.code(201).send(await svc.createCategory(db, requireActor(req), req.body)));
  route(app, api.updateCategory, async (req) => svc.updateCategory(db, requireActor(req), req.params.id, req.body));

  // Applications: the applicant's side
  route(app, api.startApplication, async (req, reply) => reply.code(202).send(await svc.startApplication(db, req.body)));
  route(app, api.createApplication, async (req, reply) => reply.code(201).send(await svc.openApplication(db, requireActor(req), req.body)));
  route(app, api.myApplications, async (req) => svc.myApplications(db, requireActor(req)));
  route(app, api.application, async (req) => svc.getApplication(db, requireActor(req), req.params.id));
  route(app, api.updateApplication, async (req) => svc.updateApplication(db, requireActor(req), req.params.id, req.body.data));
  route(app, api.uploadDocument, async (req, reply) => {
    const up = await readUpload(req, docMaxBytes);
    return reply.code(201).send(await svc.addDocument(db, config.filesDir, requireActor(req), req.params.id, up));
  });
  route(app, api.document, async (req, reply) =>
    sendFile(reply, await svc.documentFile(db, config.filesDir, requireActor(req), req.params.id, req.params.docId), {
      cache: 'private, no-store',
    }),
  );
  route(app, api.removeDocument, async (req) => svc.removeDocument(db, requireActor(req), req.params.id, req.params.docId));
  route(app, api.submit, async (req) => svc.submitApplication(db, requireActor(req), req.params.id));
  route(app, api.withdraw, async (req) => svc.withdrawApplication(db, requireActor(req), req.params.id));
  route(app, api.postMessage, async (req) => svc.postMessage(db, requireActor(req), req.params.id, req.body));

  // Applications: the secretariat's side
  route(app, api.applications, async (req) => svc.listApplications(db, req.query));
  route(app, api.requestInfo, async (req) => svc.requestInformation(db, requireActor(req), req.params.id, req.body.reason));
  route(app, api.approve, async (req) => svc.approveApplication(db, requireActor(req), req.params.id, req.body));
  route(app, api.reject, async (req) => svc.rejectApplication(db, requireActor(req), req.params.id, req.body.reason));
  route(app, api.bulkApprove, async (req) => bulkApprove(db, requireActor(req), req.body));
  route(app, api.bulkReject, async (req) => bulkReject(db, requireActor(req), req.body));

  // Memberships (secretariat)
  route(app, api.memberships, async (req) => members.listMemberships(db, req.query));
  route(app, api.membership, async (req) => members.getMembership(db, req.params.id));
  route(app, api.renew, async (req) =>
    members.changeMembership(db, requireActor(req), req.params.id, 'renew', req.body.reason, new Date(), req.body.expectedRenewalDate),
  );
  route(app, api.suspend, async (req) => members.changeMembership(db, requireActor(req), req.params.id, 'suspend', req.body.reason));
  route(app, api.reinstate, async (req) => members.changeMembership(db, requireActor(req), req.params.id, 'reinstate', req.body.reason));
  route(app, api.terminate, async (req) => members.changeMembership(db, requireActor(req), req.params.id, 'terminate', req.body.reason));

  // Member portal
  route(app, api.portal, async (req) => members.myMemberships(db, requireActor(req)));
  route(app, api.portalMembership, async (req) => members.getPortalMembership(db, requireActor(req), req.params.id));
  route(app, api.updateProfile, async (req) => members.updateProfile(db, requireActor(req), req.params.id, req.body));
  route(app, api.setDirectoryOptIn, async (req) => members.setDirectoryOptIn(db, requireActor(req), req.params.id, req.body.optIn));
  route(app, api.uploadLogo, async (req) =>
    members.uploadLogo(db, config.filesDir, requireActor(req), req.params.id, () => readUpload(req, logoMaxBytes)),
  );
  route(app, api.addRepresentative, async (req) => reps.addOrInvite(db, requireActor(req), req.params.id, req.body));
  route(app, api.removeRepresentative, async (req) => reps.removeRepresentative(db, requireActor(req), req.params.id, req.params.userId));
  route(app, api.resendInvitation, async (req) => reps.resendInvitation(db, requireActor(req), req.params.id, req.params.invitationId));
  route(app, api.cancelInvitation, async (req) => reps.cancelInvitation(db, requireActor(req), req.params.id, req.params.invitationId));

  // The invitee's side
  route(app, api.invitation, async (req) => reps.viewInvitation(db, requireActor(req), req.params.token));
  route(app, api.acceptInvitation, async (req) => reps.acceptInvitation(db, requireActor(req), req.params.token));
  route(app, api.declineInvitation, async (req) => reps.declineInvitation(db, requireActor(req), req.params.token));

  // Public member directory
  route(app, api.members, async (req) => members.publicMembers(db, req.query));
  route(app, api.member, async (req) => members.publicMember(db, req.params.id));

  // Representation dashboard and goals
  route(app, api.dashboard, async () => dash.dashboard(db));
  route(app, api.dashboardExport, async (req, reply) => sendFile(reply, await dash.dashboardFile(db, req.query.format)));
  route(app, api.goals, async (req) => dash.goalsOf(db, req.query.population));
  route(app, api.createGoal, async (req, reply) => reply.code(201).send(await dash.createGoal(db, requireActor(req), req.body)));
  route(app, api.updateGoal, async (req) => dash.updateGoal(db, requireActor(req), req.params.id, req.body));
  route(app, api.deleteGoal, async (req) => dash.deleteGoal(db, requireActor(req), req.params.id));

  // Bulk import
  route(app, api.import, async (req) => {
    const up = await readUpload(req, maxBytes);
    return importMembers(db, requireActor(req), up.data, up.filename, req.query.dryRun);
  });
}
