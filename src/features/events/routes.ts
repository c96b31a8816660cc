import { z } from 'zod';
import { ref } from '../../platform/http/ref.js';
import { requireActor, type Actor } from '../../platform/auth/access.js';
import { toCsv, toXlsx, type Column } from '../../platform/exports/index.js';
import { fail, forbidden, notFound } from '../../platform/http/errors.js';
import { eventsErrors } from './contract.js';
import type { App, Ctx } from '../../platform/http/types.js';
import { idParams, okSchema } from '../../platform/http/types.js';
import { readUpload } from '../../platform/http/upload.js';
import { localeSchema, localize, pickLocale, type Locale } from '../../platform/i18n/index.js';
import * as c from './contract.js';
import { type BadgeData, badgeLayouts, badgesPdf } from './badges.js';
import { buildIcs, visaLetterPdf } from './documents.js';
import * as inv from './invitations.js';
import * as mgr from './managers.js';
import { listTemplates, mailKeys, saveTemplate } from './mails.js';
import { canManageEvent, canSeeRegistration } from './policy.js';
import * as reg from './registration.js';
import * as svc from './service.js';

const tags = ['events'];
const eventParams = z.object({ id: z.uuid() });
const tokenParams = z.object({ token: z.string().min(10).max(300) });

export function eventRoutes(app: App, ctx: Ctx) {
  const { db } = ctx;
  const url = () => ctx.config.publicUrl;
  const isMember = (a: Actor | null) => ctx.membership.isMember(a);
  const localeOf = (req: { actor: Actor | null; headers: Record<string, unknown>; query?: unknown }) => {
    const q = (req.query as { lang?: string } | undefined)?.lang;
    return pickLocale(q, req.actor?.locale, req.headers['accept-language'] as string | undefined) as Locale;
  };

  /** The event, if the caller manages it; 404 otherwise. */
  async function managed(req: { actor: Actor | null }, eventId: string) {
    const actor = req.actor;
    if (!actor || !canManageEvent(actor, eventId)) throw notFound();
    return svc.getEventRow(db, eventId);
  }
  async function ownedRegistration(actor: Actor, id: string) {
    const r = await reg.getRegistration(db, id);
    if (!canSeeRegistration(actor, r)) throw notFound();
    return r;
  }
  async function sessionEvent(sessionId: string) {
    const s = await svc.getSession(db, sessionId).catch(() => null);
    if (!s) throw notFound();
    return s;
  }

  // Series and events (staff)
  app.get(
    '/api/v1/event-series',
    { config: { access: 'public' }, schema: { tags, summary: 'Event series (e.g. wuzhen-summit)' } },
    async () => svc.listSeries(db),
  );
  app.post('/api/v1/event-series', { config: { access: ['secretariat'] }, schema: { tags, body: c.seriesInput } }, async (req, reply) =>
    reply.code(201).send(await svc.createSeries(db, requireActor(req), req.body)),
  );

  app.get(
    '/api/v1/events',
    { config: { access: 'public' }, schema: { tags, summary: 'Events the caller may see', response: { 200: z.array(c.eventOut) } } },
    async (req) => svc.listVisibleEvents(db, req.actor, await isMember(req.actor)),
  );
  app.post(
    '/api/v1/events',
    { config: { access: ['secretariat'] }, schema: { tags, body: c.eventInput, response: { 201: c.eventOut } } },
    async (req, reply) => reply.code(201).send(await svc.createEvent(db, requireActor(req), req.body)),
  );
  app.get(
    '/api/v1/events/:id',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'An event by id or slug', params: z.object({ id: z.string().max(100) }), response: { 200: c.eventOut } },
    },
    async (req) => svc.visibleEvent(db, req.actor, await isMember(req.actor), req.params.id),
  );
  app.put(
    '/api/v1/events/:id',
    { config: { access: 'user' }, schema: { tags, params: eventParams, body: c.eventInput, response: { 200: c.eventOut } } },
    async (req) => {
      await managed(req, req.params.id);
      return svc.updateEvent(db, requireActor(req), req.params.id, req.body);
    },
  );
  app.get(
    '/api/v1/events/:id/conflicts',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Program conflicts, to fix before publishing',
        params: eventParams,
        response: { 200: z.array(c.conflictOut) },
      },
    },
    async (req) => {
      await managed(req, req.params.id);
      return svc.findConflicts(db, req.params.id);
    },
  );
  app.post(
    '/api/v1/events/:id/publish',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Publish; refused with the conflicts listed unless force is true',
        params: eventParams,
        body: z.object({ force: z.boolean().default(false) }),
      },
    },
    async (req) => {
      await managed(req, req.params.id);
      return svc.publishEvent(db, requireActor(req), req.params.id, req.body.force);
    },
  );
  app.post(
    '/api/v1/events/:id/registration',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Open or close registration',
        params: eventParams,
        body: z.object({ open: z.boolean() }),
        response: { 200: c.eventOut },
      },
    },
    async (req) => {
      await managed(req, req.params.id);
      return svc.setRegistrationOpen(db, requireActor(req), req.params.id, req.body.open);
    },
  );
  app.post(
    '/api/v1/events/:id/unpublish',
    { config: { access: 'user' }, schema: { tags, params: eventParams, response: { 200: c.eventOut } } },
    async (req) => {
      await managed(req, req.params.id);
      return svc.unpublishEvent(db, requireActor(req), req.params.id);
    },
  );

  // Managers: staff name and remove them (audited); a manager sees who else runs the event.
  const managerParams = eventParams.extend({ userId: z.uuid() });
  app.get(
    '/api/v1/events/:id/managers',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Who manages the event, and pending invitations to manage it',
        params: eventParams,
        response: { 200: c.managerList },
      },
    },
    async (req) => {
      await managed(req, req.params.id);
      return mgr.listManagers(db, req.params.id);
    },
  );
  app.post(
    '/api/v1/events/:id/managers',
    {
      config: { access: ['secretariat'] },
      schema: {
        tags,
        summary: 'Name a manager by e-mail: an account gets the role at once; an unknown address is invited to create one',
        params: eventParams,
        body: c.managerInput,
        response: { 201: c.managerAdded },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await db.transaction((t) => mgr.addManager(t, requireActor(req), req.params.id, req.body.email, url()))),
  );
  app.delete(
    '/api/v1/events/:id/managers/:userId',
    {
      config: { access: ['secretariat'] },
      schema: { tags, summary: 'Remove a manager (revokes the role)', params: managerParams, response: { 200: okSchema } },
    },
    async (req) => {
      await db.transaction((t) => mgr.removeManager(t, requireActor(req), req.params.id, req.params.userId));
      return { ok: true as const };
    },
  );
  app.delete(
    '/api/v1/events/:id/manager-invitations/:invitationId',
    {
      config: { access: ['secretariat'] },
      schema: {
        tags,
        summary: 'Withdraw a pending invitation to manage the event',
        params: eventParams.extend({ invitationId: z.uuid() }),
        response: { 200: okSchema },
      },
    },
    async (req) => {
      await db.transaction((t) => mgr.withdrawManagerInvitation(t, requireActor(req), req.params.id, req.params.invitationId));
      return { ok: true as const };
    },
  );
  app.get(
    '/api/v1/event-manager-invitations/:token',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'An invitation to manage an event, as seen by the signed-in account',
        params: tokenParams,
        response: { 200: c.managerInvitationView },
      },
    },
    async (req) => mgr.viewManagerInvitation(db, requireActor(req), req.params.token),
  );
  app.post(
    '/api/v1/event-manager-invitations/:token/accept',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Accept an invitation to manage an event (signed in with the invited address)',
        params: tokenParams,
        response: { 200: z.object({ eventId: z.uuid() }) },
      },
    },
    async (req) => db.transaction((t) => mgr.acceptManagerInvitation(t, requireActor(req), req.params.token)),
  );

  // Rooms
  app.get('/api/v1/events/:id/rooms', { config: { access: 'public' }, schema: { tags, params: eventParams } }, async (req) => {
    await svc.visibleEvent(db, req.actor, await isMember(req.actor), req.params.id);
    return svc.listRooms(db, req.params.id);
  });
  app.post(
    '/api/v1/events/:id/rooms',
    { config: { access: 'user' }, schema: { tags, params: eventParams, body: c.roomInput } },
    async (req, reply) => {
      await managed(req, req.params.id);
      return reply.code(201).send(await svc.addRoom(db, requireActor(req), req.params.id, req.body));
    },
  );

  // Sessions and agenda
  app.get(
    '/api/v1/events/:id/agenda',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The program, filterable by day (in the event time zone), room, theme and language',
        params: z.object({ id: z.string().max(100) }),
        querystring: c.agendaQuery,
      },
    },
    async (req) => {
      const ev = await svc.visibleEvent(db, req.actor, await isMember(req.actor), req.params.id);
      const sessions = await svc.listSessions(db, ev.id, req.query, ev.timeZone);
      const allSessions = await svc.listSessions(db, ev.id);
      const days = [...new Set(allSessions.map((s) => svc.localDate(s.startsAt, ev.timeZone)))].sort();
      return {
        event: ev,
        timeZone: ev.timeZone,
        days,
        rooms: await svc.listRooms(db, ev.id),
        themes: [...new Set(allSessions.map((s) => s.theme).filter(Boolean))],
        languages: [...new Set(allSessions.map((s) => s.language).filter(Boolean))],
        sessions,
      };
    },
  );
  app.post(
    '/api/v1/events/:id/sessions',
    { config: { access: 'user' }, schema: { tags, params: eventParams, body: c.sessionInput, response: { 201: c.sessionOut } } },
    async (req, reply) => {
      await managed(req, req.params.id);
      return reply.code(201).send(await svc.createSession(db, requireActor(req), req.params.id, req.body));
    },
  );
  app.get(
    '/api/v1/sessions/:id',
    { config: { access: 'public' }, schema: { tags, params: idParams, response: { 200: c.sessionOut } } },
    async (req) => {
      const s = await sessionEvent(req.params.id);
      await svc.visibleEvent(db, req.actor, await isMember(req.actor), s.eventId);
      return s;
    },
  );
  app.put(
    '/api/v1/sessions/:id',
    { config: { access: 'user' }, schema: { tags, params: idParams, body: c.sessionInput, response: { 200: c.sessionOut } } },
    async (req) => {
      const s = await sessionEvent(req.params.id);
      await managed(req, s.eventId);
      return svc.updateSession(db, requireActor(req), req.params.id, req.body, (tx, id) => reg.promote(tx, id, url()));
    },
  );
  app.delete('/api/v1/sessions/:id', { config: { access: 'user' }, schema: { tags, params: idParams } }, async (req) => {
    const s = await sessionEvent(req.params.id);
    await managed(req, s.eventId);
    await svc.deleteSession(db, requireActor(req), req.params.id);
    return { ok: true as const };
  });

  // iCalendar
  const host = () => new URL(url()).host;
  const venueOf = (ev: svc.EventRow, l: Locale) => [localize(ev.venue, l).text, localize(ev.city, l).text].filter(Boolean).join(', ');
  app.get(
    '/api/v1/events/:id/calendar.ics',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The program as iCalendar',
        params: z.object({ id: z.string().max(100) }),
        querystring: z.object({ lang: localeSchema.optional() }),
      },
    },
    async (req, reply) => {
      const ev = await svc.visibleEvent(db, req.actor, await isMember(req.actor), req.params.id);
      const l = localeOf(req);
      const body = buildIcs({
        name: localize(ev.name, l).text,
        timeZone: ev.timeZone,
        host: host(),
        locale: l,
        venue: venueOf(ev, l),
        sessions: await svc.listSessions(db, ev.id),
        url: (s) => `${url()}/events/${ev.slug}/sessions/${s.id}`,
      });
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="${ev.slug}.ics"`).send(body);
    },
  );
  app.get(
    '/api/v1/sessions/:id/calendar.ics',
    { config: { access: 'public' }, schema: { tags, params: idParams, querystring: z.object({ lang: localeSchema.optional() }) } },
    async (req, reply) => {
      const s = await sessionEvent(req.params.id);
      const ev = await svc.visibleEvent(db, req.actor, await isMember(req.actor), s.eventId);
      const l = localeOf(req);
      const body = buildIcs({
        name: localize(s.title, l).text,
        timeZone: ev.timeZone,
        host: host(),
        locale: l,
        venue: venueOf(ev, l),
        sessions: [s],
        url: () => `${url()}/events/${ev.slug}/sessions/${s.id}`,
      });
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="session-${s.id}.ics"`)
        .send(body);
    },
  );
  // The personal access link of an approved online delegate (sent in the approval mail): checked, then on to the event's online venue.
  app.get(
    '/events/:slug/online',
    {
      config: { access: 'public' },
      schema: { hide: true, params: z.object({ slug: z.string().max(200) }), querystring: z.object({ t: z.string().max(400) }) },
    },
    async (req, reply) => {
      const target = await reg.onlineAccessTarget(db, req.params.slug, req.query.t);
      if (!target) throw notFound();
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      return target.onlineUrl ? reply.redirect(target.onlineUrl, 302) : reply.redirect(`/en/events/${target.slug}`, 302);
    },
  );
  app.get(
    '/api/v1/me/agenda-link',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'The personal calendar feed URL (a signed token; subscribe to it in a calendar program)' },
    },
    async (req) => {
      const actor = requireActor(req);
      return { url: `${url()}/api/v1/agenda/${await svc.signToken(db, 'a', [actor.userId])}.ics` };
    },
  );
  app.get(
    '/api/v1/agenda/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "A person's own agenda: the sessions they hold a seat in, as iCalendar",
        params: z.object({ token: z.string().max(200) }),
      },
    },
    async (req, reply) => {
      const parts = await svc.verifyToken(db, 'a', req.params.token.replace(/\.ics$/, ''));
      if (!parts) throw notFound();
      const mine = await reg.myRegistrations(db, parts[0]);
      const sessions = [];
      let tz = 'UTC';
      for (const r of mine.filter((m) => m.status === 'approved' || m.status === 'pending')) {
        const ev = await svc.getEventRow(db, r.eventId);
        tz = ev.timeZone;
        const p = await reg.presentRegistration(db, r, url(), ev);
        const confirmed = new Set(p.signups.filter((s) => s.status === 'confirmed').map((s) => s.sessionId));
        for (const s of await svc.listSessions(db, ev.id))
          if (confirmed.has(s.id) || s.capacity == null) sessions.push({ ...s, eventTimeZone: ev.timeZone });
      }
      const body = buildIcs({
        name: 'My agenda',
        timeZone: tz,
        host: host(),
        locale: 'en',
        venue: '',
        sessions,
        url: (s) => `${url()}/sessions/${s.id}`,
      });
      return reply.type('text/calendar; charset=utf-8').send(body);
    },
  );

  // Invitations
  app.get('/api/v1/events/:id/channels', { config: { access: 'user' }, schema: { tags, params: eventParams } }, async (req) => {
    await managed(req, req.params.id);
    return inv.listChannels(db, req.params.id);
  });
  app.post(
    '/api/v1/events/:id/channels',
    { config: { access: 'user' }, schema: { tags, params: eventParams, body: c.channelInput } },
    async (req, reply) => {
      await managed(req, req.params.id);
      return reply.code(201).send(await inv.createChannel(db, requireActor(req), req.params.id, req.body));
    },
  );
  app.put(
    '/api/v1/channels/:id',
    { config: { access: ['secretariat'] }, schema: { tags, params: idParams, body: c.channelInput } },
    async (req) => inv.updateChannel(db, requireActor(req), req.params.id, req.body),
  );
  app.get('/api/v1/events/:id/invitations', { config: { access: 'user' }, schema: { tags, params: eventParams } }, async (req) => {
    await managed(req, req.params.id);
    return inv.listInvitations(db, req.params.id);
  });
  app.post(
    '/api/v1/events/:id/invitations',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'Invite one person (mails the personal link)', params: eventParams, body: c.invitationInput },
    },
    async (req, reply) => {
      await managed(req, req.params.id);
      const r = await inv.inviteOne(db, requireActor(req), req.params.id, req.body, url());
      // The token is returned to staff only so tests and the UI can show the link; it is also mailed.
      return reply.code(201).send({ ...r.invitation, link: inv.inviteLink(url(), r.invitation.locale, r.token) });
    },
  );
  app.post(
    '/api/v1/events/:id/invitations/import',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Invite from CSV/XLSX: email, name, category, channel, locale',
        params: eventParams,
        querystring: z.object({
          dryRun: z
            .enum(['true', 'false'])
            .default('true')
            .transform((v) => v === 'true'),
        }),
        consumes: ['multipart/form-data'],
      },
    },
    async (req) => {
      await managed(req, req.params.id);
      const up = await readUpload(req, 5 * 1024 * 1024);
      return inv.importInvitations(db, requireActor(req), req.params.id, up.data, up.filename, url(), req.query.dryRun);
    },
  );
  app.get(
    '/api/v1/invitations/:token',
    { config: { access: 'public' }, schema: { tags, summary: 'Open a personal invitation link', params: tokenParams } },
    async (req) => inv.openInvitation(db, req.params.token),
  );
  app.post('/api/v1/invitations/:token/accept', { config: { access: 'user' }, schema: { tags, params: tokenParams } }, async (req) =>
    inv.respondInvitation(db, requireActor(req), req.params.token, true),
  );
  app.post('/api/v1/invitations/:token/decline', { config: { access: 'public' }, schema: { tags, params: tokenParams } }, async (req) =>
    inv.respondInvitation(db, req.actor, req.params.token, false),
  );

  // Registration
  app.post(
    '/api/v1/events/:id/registrations',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Register (idempotent: a second submit returns the first registration)',
        params: eventParams,
        body: c.registrationInput,
        response: { 200: c.registrationOut, 201: c.registrationOut },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      if (req.body.invitationToken) await inv.respondInvitation(db, actor, req.body.invitationToken, true);
      const r = await reg.register(db, actor, req.params.id, req.body, url(), (tx) => ctx.membership.isMember(actor, tx));
      return reply.code(r.created ? 201 : 200).send(r.registration);
    },
  );
  app.get(
    '/api/v1/me/registrations',
    { config: { access: 'user' }, schema: { tags, response: { 200: z.array(c.registrationOut) } } },
    async (req) => {
      const actor = requireActor(req);
      return Promise.all((await reg.myRegistrations(db, actor.userId)).map((r) => reg.presentRegistration(db, r, url())));
    },
  );
  app.get(
    '/api/v1/registrations/:id',
    { config: { access: 'user' }, schema: { tags, params: idParams, response: { 200: c.registrationOut } } },
    async (req) => reg.presentRegistration(db, await ownedRegistration(requireActor(req), req.params.id), url()),
  );
  app.post(
    '/api/v1/registrations/:id/sessions',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Sign up for a session (a seat, or the waitlist)',
        params: idParams,
        body: z.object({ sessionId: ref('session') }),
        response: { 200: c.registrationOut },
      },
    },
    async (req) => {
      const r = await ownedRegistration(requireActor(req), req.params.id);
      return reg.addSignup(db, requireActor(req), r, req.body.sessionId, url());
    },
  );
  app.delete(
    '/api/v1/registrations/:id/sessions/:sessionId',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Leave a session; the first person waiting gets the seat',
        params: z.object({ id: z.uuid(), sessionId: z.uuid() }),
        response: { 200: c.registrationOut },
      },
    },
    async (req) => {
      const r = await ownedRegistration(requireActor(req), req.params.id);
      return reg.removeSignup(db, requireActor(req), r, req.params.sessionId, url());
    },
  );
  app.post(
    '/api/v1/registrations/:id/cancel',
    { config: { access: 'user' }, schema: { tags, params: idParams, response: { 200: c.registrationOut } } },
    async (req) => {
      await ownedRegistration(requireActor(req), req.params.id);
      return reg.cancelRegistration(db, requireActor(req), req.params.id, url());
    },
  );
  app.get(
    '/api/v1/events/:id/registrations',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Registrations (the accreditation queue with status=pending)',
        params: eventParams,
        querystring: z.object({ status: z.string().max(20).optional(), category: z.string().max(40).optional() }),
        response: { 200: z.array(c.registrationOut) },
      },
    },
    async (req) => {
      const ev = await managed(req, req.params.id);
      return Promise.all((await reg.listRegistrations(db, ev.id, req.query)).map((r) => reg.presentRegistration(db, r, url(), ev)));
    },
  );
  app.post(
    '/api/v1/registrations/:id/decision',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Accreditation: approve, or reject with a reason',
        params: idParams,
        body: c.decisionInput,
        response: { 200: c.registrationOut },
      },
    },
    async (req) => {
      const r = await reg.getRegistration(db, req.params.id);
      await managed(req, r.eventId);
      return reg.decide(db, requireActor(req), r.id, req.body.decision, req.body.reason, url());
    },
  );

  // Badges
  async function badgeData(r: reg.RegistrationRow, ev: svc.EventRow, l: Locale): Promise<BadgeData> {
    const cat = ev.categories.find((x) => x.key === r.category);
    return {
      name: r.name,
      nameLatin: r.nameLatin,
      organization: r.organization,
      countryCode: r.countryCode,
      category: r.category,
      categoryName: cat ? localize(cat.name, l).text : r.category,
      color: cat?.color ?? '#333333',
      eventName: localize(ev.name, l).text,
      eventDates: `${ev.startDate} – ${ev.endDate}`,
      token: await reg.badgeToken(db, r),
    };
  }
  app.get(
    '/api/v1/registrations/:id/badge.pdf',
    { config: { access: 'user' }, schema: { tags, params: idParams, querystring: z.object({ lang: localeSchema.optional() }) } },
    async (req, reply) => {
      const r = await ownedRegistration(requireActor(req), req.params.id);
      if (r.status !== 'approved' || r.badgeRevokedAt) throw forbidden('A badge is issued to approved registrations only.');
      const ev = await svc.getEventRow(db, r.eventId);
      return reply.type('application/pdf').send(await badgesPdf([await badgeData(r, ev, localeOf(req))]));
    },
  );
  app.get(
    '/api/v1/events/:id/badges.pdf',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Batch print: every approved badge, optionally of one category; one per A6 page or eight per A4 sheet',
        params: eventParams,
        querystring: z.object({
          category: z.string().max(40).optional(),
          lang: localeSchema.optional(),
          layout: z.enum(badgeLayouts).default('single'),
        }),
      },
    },
    async (req, reply) => {
      const ev = await managed(req, req.params.id);
      const list = (await reg.listRegistrations(db, ev.id, { status: 'approved', category: req.query.category })).filter(
        (r) => !r.badgeRevokedAt && r.attendance === 'on-site',
      );
      const data = [];
      for (const r of list) data.push(await badgeData(r, ev, localeOf(req)));
      return reply.type('application/pdf').send(await badgesPdf(data, req.query.layout));
    },
  );
  app.get('/api/v1/registrations/:id/badge-token', { config: { access: 'user' }, schema: { tags, params: idParams } }, async (req) => {
    const r = await ownedRegistration(requireActor(req), req.params.id);
    if (r.status !== 'approved' || r.badgeRevokedAt) throw forbidden('A badge is issued to approved registrations only.');
    return { token: await reg.badgeToken(db, r) };
  });
  app.post('/api/v1/registrations/:id/badge/revoke', { config: { access: 'user' }, schema: { tags, params: idParams } }, async (req) => {
    const r = await reg.getRegistration(db, req.params.id);
    await managed(req, r.eventId);
    await reg.revokeBadge(db, requireActor(req), r.id);
    return { ok: true as const };
  });
  app.post('/api/v1/registrations/:id/badge/reissue', { config: { access: 'user' }, schema: { tags, params: idParams } }, async (req) => {
    const r = await reg.getRegistration(db, req.params.id);
    await managed(req, r.eventId);
    await reg.reissueBadge(db, requireActor(req), r.id);
    return { ok: true as const };
  });

  // Check-in
  app.post(
    '/api/v1/events/:id/checkin',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Record attendance by badge token or registration id; warns on a second scan or a revoked badge',
        params: eventParams,
        body: c.checkinInput,
      },
    },
    async (req) => {
      await managed(req, req.params.id);
      return reg.checkIn(db, requireActor(req), req.params.id, req.body);
    },
  );
  app.get(
    '/api/v1/events/:id/checkin/search',
    { config: { access: 'user' }, schema: { tags, params: eventParams, querystring: z.object({ q: z.string().trim().min(1).max(100) }) } },
    async (req) => {
      await managed(req, req.params.id);
      return reg.searchAttendees(db, req.params.id, req.query.q);
    },
  );

  // Visa letters
  app.get(
    '/api/v1/registrations/:id/visa-letter.pdf',
    { config: { access: 'user' }, schema: { tags, params: idParams } },
    async (req, reply) => {
      const r = await ownedRegistration(requireActor(req), req.params.id);
      if (r.status !== 'approved' || r.attendance !== 'on-site')
        throw fail(eventsErrors, 'visa_letter_not_applicable', 'Visa letters are issued to approved on-site delegates only.');
      const a = r.answers;
      // A letter for a Chinese visa is for foreign delegates only.
      if (r.countryCode === 'CN')
        throw fail(eventsErrors, 'visa_not_needed', 'Delegates from mainland China need no visa invitation letter.');
      if (!a.passport_number) throw forbidden('Fill in the passport fields of your registration first.');
      const ev = await svc.getEventRow(db, r.eventId);
      const ref = await reg.ensureVisaRef(db, r);
      const pdf = await visaLetterPdf({
        reference: ref,
        issued: new Date().toISOString().slice(0, 10),
        name: r.name,
        nameLatin: r.nameLatin,
        nationality: String(a.nationality ?? r.countryCode ?? ''),
        passportNumber: String(a.passport_number ?? ''),
        passportExpiry: String(a.passport_expiry ?? ''),
        birthDate: String(a.birth_date ?? ''),
        organization: r.organization,
        eventNameEn: localize(ev.name, 'en').text,
        eventNameZh: localize(ev.name, 'zh-Hans').text,
        cityEn: localize(ev.city, 'en').text,
        cityZh: localize(ev.city, 'zh-Hans').text,
        startDate: ev.startDate,
        endDate: ev.endDate,
        verifyUrl: `${url()}/visa-letters/${ref}`,
      });
      return reply.type('application/pdf').send(pdf);
    },
  );
  app.get(
    '/api/v1/visa-letters/:ref',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Verify a visa letter by its reference number', params: z.object({ ref: z.string().max(40) }) },
    },
    async (req) => reg.verifyVisaRef(db, req.params.ref),
  );

  // Exports and figures
  app.get(
    '/api/v1/events/:id/delegates',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Delegate list as CSV or XLSX',
        params: eventParams,
        querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('csv'), status: z.string().max(20).optional() }),
      },
    },
    async (req, reply) => {
      const ev = await managed(req, req.params.id);
      const rows = await reg.listRegistrations(db, ev.id, { status: req.query.status });
      const cols: Column<reg.RegistrationRow>[] = [
        { header: 'name', value: (r) => r.name },
        { header: 'name_latin', value: (r) => r.nameLatin },
        { header: 'organization', value: (r) => r.organization },
        { header: 'country', value: (r) => r.countryCode },
        { header: 'stakeholder_group', value: (r) => r.stakeholderGroup },
        { header: 'category', value: (r) => r.category },
        { header: 'attendance', value: (r) => r.attendance },
        { header: 'status', value: (r) => r.status },
        { header: 'email', value: (r) => r.email },
        { header: 'registered_at', value: (r) => r.createdAt.toISOString() },
      ];
      if (req.query.format === 'xlsx')
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${ev.slug}-delegates.xlsx"`)
          .send(await toXlsx('delegates', cols, rows));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${ev.slug}-delegates.csv"`)
        .send(toCsv(cols, rows));
    },
  );
  app.get(
    '/api/v1/events/:id/figures',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'Registrations and attendance by country, continent, stakeholder group and gender', params: eventParams },
    },
    async (req) => {
      await managed(req, req.params.id);
      return reg.figures(db, req.params.id);
    },
  );

  // Mail templates
  app.get('/api/v1/event-mail-templates', { config: { access: ['secretariat'] }, schema: { tags } }, async () => listTemplates(db));
  app.put(
    '/api/v1/event-mail-templates/:key/:locale',
    {
      config: { access: ['secretariat'] },
      schema: { tags, params: z.object({ key: z.enum(mailKeys), locale: localeSchema }), body: c.templateInput },
    },
    async (req) => {
      await saveTemplate(db, req.params.key, req.params.locale, req.body);
      return { ok: true as const };
    },
  );
}
