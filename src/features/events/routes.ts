import { requireActor } from '../../platform/auth/access.js';
import { sendFile } from '../../platform/http/reply.js';
import { route } from '../../platform/http/route.js';
import type { App, Ctx } from '../../platform/http/types.js';
import { readUpload } from '../../platform/http/upload.js';
import { eventsApi as api } from './contract.js';
import { eventUseCases } from './usecases.js';

const importBytes = 5 * 1024 * 1024;

export function eventRoutes(app: App, ctx: Ctx) {
  const svc = eventUseCases(ctx);
  const me = requireActor;
  const lang = (req: { headers: Record<string, unknown> }) => req.headers['accept-language'] as string | undefined;

  // Series and events
  route(app, api.listSeries, async () => svc.listSeries());
  route(app, api.createSeries, async (req, reply) => reply.code(201).send(await svc.createSeries(me(req), req.body)));
  route(app, api.list, async (req) => svc.listEvents(req.actor));
  route(app, api.create, async (req, reply) => reply.code(201).send(await svc.createEvent(me(req), req.body)));
  route(app, api.get, async (req) => svc.event(req.actor, req.params.id));
  route(app, api.update, async (req) => svc.updateEvent(me(req), req.params.id, req.body));
  route(app, api.conflicts, async (req) => svc.conflicts(me(req), req.params.id));
  route(app, api.publish, async (req) => svc.publish(me(req), req.params.id, req.body.force));
  route(app, api.setRegistrationOpen, async (req) => svc.setRegistrationOpen(me(req), req.params.id, req.body.open));
  route(app, api.unpublish, async (req) => svc.unpublish(me(req), req.params.id));

  // Managers
  route(app, api.managers, async (req) => svc.managers(me(req), req.params.id));
  route(app, api.addManager, async (req, reply) => reply.code(201).send(await svc.addManager(me(req), req.params.id, req.body.email)));
  route(app, api.removeManager, async (req) => svc.removeManager(me(req), req.params.id, req.params.userId));
  route(app, api.withdrawManagerInvitation, async (req) => svc.withdrawManagerInvitation(me(req), req.params.id, req.params.invitationId));
  route(app, api.managerInvitation, async (req) => svc.managerInvitation(me(req), req.params.token));
  route(app, api.acceptManagerInvitation, async (req) => svc.acceptManagerInvitation(me(req), req.params.token));

  // Rooms, sessions and agenda
  route(app, api.rooms, async (req) => svc.rooms(req.actor, req.params.id));
  route(app, api.addRoom, async (req, reply) => reply.code(201).send(await svc.addRoom(me(req), req.params.id, req.body)));
  route(app, api.agenda, async (req) => svc.agenda(req.actor, req.params.id, req.query));
  route(app, api.createSession, async (req, reply) => reply.code(201).send(await svc.createSession(me(req), req.params.id, req.body)));
  route(app, api.session, async (req) => svc.session(req.actor, req.params.id));
  route(app, api.updateSession, async (req) => svc.updateSession(me(req), req.params.id, req.body));
  route(app, api.setSessionCancelled, async (req) => svc.setSessionCancelled(me(req), req.params.id, req.body.cancelled));
  route(app, api.deleteSession, async (req) => svc.deleteSession(me(req), req.params.id));

  // iCalendar and the online venue
  route(app, api.eventCalendar, async (req, reply) =>
    sendFile(reply, await svc.eventCalendar(req.actor, req.params.id, req.query.lang, lang(req))),
  );
  route(app, api.sessionCalendar, async (req, reply) =>
    sendFile(reply, await svc.sessionCalendar(req.actor, req.params.id, req.query.lang, lang(req))),
  );
  route(app, api.onlineAccess, async (req, reply) => {
    const target = await svc.onlineAccess(req.params.slug, req.query.t);
    return reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').redirect(target, 302);
  });
  route(app, api.agendaLink, async (req) => svc.agendaLink(me(req)));
  route(app, api.agendaFeed, async (req, reply) => sendFile(reply, await svc.agendaFeed(req.params.token, req.query.lang)));

  // Invitations
  route(app, api.channels, async (req) => svc.channels(me(req), req.params.id));
  route(app, api.createChannel, async (req, reply) => reply.code(201).send(await svc.createChannel(me(req), req.params.id, req.body)));
  route(app, api.updateChannel, async (req) => svc.updateChannel(me(req), req.params.id, req.body));
  route(app, api.invitations, async (req) => svc.invitations(me(req), req.params.id));
  route(app, api.invite, async (req, reply) => reply.code(201).send(await svc.invite(me(req), req.params.id, req.body)));
  route(app, api.importInvitations, async (req) =>
    svc.importInvitations(me(req), req.params.id, await readUpload(req, importBytes), req.query.dryRun),
  );
  route(app, api.openInvitation, async (req) => svc.openInvitation(req.params.token));
  route(app, api.acceptInvitation, async (req) => svc.acceptInvitation(me(req), req.params.token));
  route(app, api.declineInvitation, async (req) => svc.declineInvitation(req.actor, req.params.token));

  // Registration
  route(app, api.register, async (req, reply) => {
    const r = await svc.register(me(req), req.params.id, req.body);
    return reply.code(r.created ? 201 : 200).send(r.registration);
  });
  route(app, api.myRegistrations, async (req) => svc.myRegistrations(me(req)));
  route(app, api.registration, async (req) => svc.registration(me(req), req.params.id));
  route(app, api.signUp, async (req) => svc.signUp(me(req), req.params.id, req.body.sessionId));
  route(app, api.leaveSession, async (req) => svc.leaveSession(me(req), req.params.id, req.params.sessionId));
  route(app, api.cancelRegistration, async (req) => svc.cancelRegistration(me(req), req.params.id));
  route(app, api.registrations, async (req) => svc.registrations(me(req), req.params.id, req.query));
  route(app, api.registrant, async (req) => svc.registrant(me(req), req.params.id, req.params.registrationId));
  route(app, api.organizationRegistrations, async (req) => svc.organizationRegistrations(req.params.id));
  route(app, api.decide, async (req) => svc.decide(me(req), req.params.id, req.body.decision, req.body.reason));
  route(app, api.bulkDecide, async (req) => svc.bulkDecide(me(req), req.params.id, req.body));
  route(app, api.bulkMessage, async (req) => svc.bulkMessage(me(req), req.params.id, req.body));
  route(app, api.bulkExport, async (req, reply) => sendFile(reply, await svc.bulkExport(me(req), req.params.id, req.body)));

  // Badges and check-in
  route(app, api.badge, async (req, reply) => sendFile(reply, await svc.badge(me(req), req.params.id, req.query.lang, lang(req))));
  route(app, api.badges, async (req, reply) => sendFile(reply, await svc.badges(me(req), req.params.id, req.query, lang(req))));
  route(app, api.badgeToken, async (req) => svc.badgeToken(me(req), req.params.id));
  route(app, api.revokeBadge, async (req) => svc.revokeBadge(me(req), req.params.id));
  route(app, api.reissueBadge, async (req) => svc.reissueBadge(me(req), req.params.id));
  route(app, api.checkIn, async (req) => svc.checkIn(me(req), req.params.id, req.body));
  route(app, api.searchAttendees, async (req) => svc.searchAttendees(me(req), req.params.id, req.query.q));

  // Visa letters, exports and figures
  route(app, api.visaLetter, async (req, reply) =>
    sendFile(reply, await svc.visaLetter(me(req), req.params.id, req.query.lang, lang(req))),
  );
  route(app, api.verifyVisaLetter, async (req) => svc.verifyVisaLetter(req.params.ref));
  route(app, api.revokeVisaLetter, async (req) => svc.revokeVisaLetter(me(req), req.params.id, req.body.reason));
  route(app, api.delegates, async (req, reply) => sendFile(reply, await svc.delegates(me(req), req.params.id, req.query)));
  route(app, api.figures, async (req) => svc.figures(me(req), req.params.id));

  // Mail templates
  route(app, api.mailTemplates, async () => svc.mailTemplates());
  route(app, api.saveMailTemplate, async (req) => svc.saveMailTemplate(req.params.key, req.params.locale, req.body));
}
