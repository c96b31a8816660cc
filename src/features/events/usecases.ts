import type { Actor } from '../../platform/auth/access.js';
import { toCsv, toXlsx, type Column } from '../../platform/exports/index.js';
import { fail, forbidden, notFound } from '../../platform/http/errors.js';
import { urlOf } from '../../platform/http/contract.js';
import type { Ctx } from '../../platform/http/types.js';
import { pageUrl, siteUrl } from '../../platform/http/urls.js';
import { localize, pickLocale, type Locale } from '../../platform/i18n/index.js';
import { localesOf } from '../accounts/index.js';
import { resolveSelection } from '../../platform/http/bulk.js';
import type { BulkSelection } from '../../platform/http/contract.js';
import { audit } from '../../platform/audit/index.js';
import { bulkDecide, bulkMessage, registrationList } from './bulk.js';
import { organizationTies } from '../directory/index.js';
import {
  eventsErrors,
  type EventInput,
  type InvitationInput,
  type MailKey,
  type RegistrationFilter,
  type RegistrationInput,
  type RegistrationStatus,
  type SessionInput,
} from './contract.js';
import { type BadgeData, badgesPdf } from './badges.js';
import { type BadgeLayout, eventsApi, eventsPages } from './contract.js';
import { buildIcs, visaLetterPdf } from './documents.js';
import * as inv from './invitations.js';
import { listTemplates, saveTemplate } from './mails.js';
import * as mgr from './managers.js';
import { canManageEvent, canSeeRegistration } from './policy.js';
import * as reg from './registration.js';
import * as svc from './service.js';
import * as visa from './visa-letters.js';
import { eventsTexts } from './web/i18n.js';

/** A file the routes send as is. */
export interface EventFile {
  mime: string;
  data: Buffer | string;
  name?: string;
}

/**
 * What the events routes call: each use case checks the caller's rights
 * (managing the event, owning the registration, seeing the event), then does
 * the work in the feature's modules. A caller without the right gets 404, so
 * nothing leaks about events or registrations they may not see.
 */
export function eventUseCases(ctx: Pick<Ctx, 'db' | 'config' | 'membership'>) {
  const { db } = ctx;
  const host = () => new URL(siteUrl('/')).host;
  const isMember = (a: Actor | null) => ctx.membership.isMember(a);
  const localeOf = (actor: Actor | null, lang?: string, acceptLanguage?: string) =>
    pickLocale(lang, actor?.locale, acceptLanguage) as Locale;

  /** The event, if the caller manages it; 404 otherwise. */
  async function managed(actor: Actor | null, eventId: string) {
    if (!actor || !canManageEvent(actor, eventId)) throw notFound();
    return svc.getEventRow(db, eventId);
  }
  /** The registration, if the caller owns it or manages its event; 404 otherwise. */
  async function owned(actor: Actor, id: string) {
    const r = await reg.getRegistration(db, id);
    if (!canSeeRegistration(actor, r)) throw notFound();
    return r;
  }
  /** A registration of an event the caller manages. */
  async function managedRegistration(actor: Actor, id: string) {
    const r = await reg.getRegistration(db, id);
    await managed(actor, r.eventId);
    return r;
  }
  const visible = async (actor: Actor | null, idOrSlug: string) => svc.visibleEvent(db, actor, await isMember(actor), idOrSlug);
  async function visibleSession(actor: Actor | null, id: string) {
    const s = await svc.getSession(db, id).catch(() => null);
    if (!s) throw notFound();
    return { session: s, event: await visible(actor, s.eventId) };
  }
  const present = (r: reg.RegistrationRow, ev?: svc.EventRow) => reg.presentRegistration(db, r, ev);
  const venueOf = (ev: svc.EventRow, l: Locale) => [localize(ev.venue, l).text, localize(ev.city, l).text].filter(Boolean).join(', ');
  const ok = { ok: true as const };

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
  const refuseWithoutBadge = (r: reg.RegistrationRow) => {
    if (r.status !== 'approved' || r.badgeRevokedAt) throw forbidden('A badge is issued to approved registrations only.');
  };

  return {
    // Series and events
    listSeries: () => svc.listSeries(db),
    createSeries: (actor: Actor, input: { slug: string; name: Record<string, string> }) => svc.createSeries(db, actor, input),
    listEvents: async (actor: Actor | null) => svc.listVisibleEvents(db, actor, await isMember(actor)),
    createEvent: (actor: Actor, input: EventInput) => svc.createEvent(db, actor, input),
    event: visible,
    async updateEvent(actor: Actor, id: string, input: EventInput) {
      await managed(actor, id);
      return svc.updateEvent(db, actor, id, input);
    },
    async conflicts(actor: Actor, id: string) {
      await managed(actor, id);
      return svc.findConflicts(db, id);
    },
    async publish(actor: Actor, id: string, force: boolean) {
      await managed(actor, id);
      return svc.publishEvent(db, actor, id, force);
    },
    async setRegistrationOpen(actor: Actor, id: string, open: boolean) {
      await managed(actor, id);
      return svc.setRegistrationOpen(db, actor, id, open);
    },
    async unpublish(actor: Actor, id: string) {
      await managed(actor, id);
      return svc.unpublishEvent(db, actor, id);
    },

    // Managers
    async managers(actor: Actor, id: string) {
      await managed(actor, id);
      return mgr.listManagers(db, id);
    },
    addManager: (actor: Actor, id: string, email: string) => db.transaction((t) => mgr.addManager(t, actor, id, email)),
    async removeManager(actor: Actor, id: string, userId: string) {
      await db.transaction((t) => mgr.removeManager(t, actor, id, userId));
      return ok;
    },
    async withdrawManagerInvitation(actor: Actor, id: string, invitationId: string) {
      await db.transaction((t) => mgr.withdrawManagerInvitation(t, actor, id, invitationId));
      return ok;
    },
    managerInvitation: (actor: Actor, token: string) => mgr.viewManagerInvitation(db, actor, token),
    acceptManagerInvitation: (actor: Actor, token: string) => db.transaction((t) => mgr.acceptManagerInvitation(t, actor, token)),

    // Rooms
    async rooms(actor: Actor | null, id: string) {
      await visible(actor, id);
      return svc.listRooms(db, id);
    },
    async addRoom(actor: Actor, id: string, input: { name: Record<string, string>; capacity: number }) {
      await managed(actor, id);
      return svc.addRoom(db, actor, id, input);
    },

    // Sessions and agenda
    async agenda(actor: Actor | null, idOrSlug: string, filter: { day?: string; room?: string; theme?: string; language?: string }) {
      const ev = await visible(actor, idOrSlug);
      return svc.agendaOf(db, ev, filter);
    },
    async createSession(actor: Actor, id: string, input: SessionInput) {
      await managed(actor, id);
      return svc.createSession(db, actor, id, input);
    },
    session: async (actor: Actor | null, id: string) => (await visibleSession(actor, id)).session,
    async updateSession(actor: Actor, id: string, input: SessionInput) {
      const s = await svc.getSession(db, id).catch(() => null);
      if (!s) throw notFound();
      await managed(actor, s.eventId);
      return svc.updateSession(db, actor, id, input, (tx, sid) => reg.promote(tx, sid));
    },
    async setSessionCancelled(actor: Actor, id: string, cancelled: boolean) {
      const s = await svc.getSession(db, id).catch(() => null);
      if (!s) throw notFound();
      await managed(actor, s.eventId);
      return svc.setSessionCancelled(db, actor, id, cancelled);
    },
    async deleteSession(actor: Actor, id: string) {
      const s = await svc.getSession(db, id).catch(() => null);
      if (!s) throw notFound();
      await managed(actor, s.eventId);
      await svc.deleteSession(db, actor, id);
      return ok;
    },

    // iCalendar and the online venue
    async eventCalendar(actor: Actor | null, idOrSlug: string, lang?: string, acceptLanguage?: string): Promise<EventFile> {
      const ev = await visible(actor, idOrSlug);
      const l = localeOf(actor, lang, acceptLanguage);
      const data = buildIcs({
        name: localize(ev.name, l).text,
        timeZone: ev.timeZone,
        host: host(),
        locale: l,
        venue: venueOf(ev, l),
        sessions: await svc.listSessions(db, ev.id),
        url: (s) => pageUrl(eventsPages.session, { slug: ev.slug, id: s.id }, l),
      });
      return { mime: 'text/calendar; charset=utf-8', data, name: `${ev.slug}.ics` };
    },
    async sessionCalendar(actor: Actor | null, id: string, lang?: string, acceptLanguage?: string): Promise<EventFile> {
      const { session: s, event: ev } = await visibleSession(actor, id);
      const l = localeOf(actor, lang, acceptLanguage);
      const data = buildIcs({
        name: localize(s.title, l).text,
        timeZone: ev.timeZone,
        host: host(),
        locale: l,
        venue: venueOf(ev, l),
        sessions: [s],
        url: () => pageUrl(eventsPages.session, { slug: ev.slug, id: s.id }, l),
      });
      return { mime: 'text/calendar; charset=utf-8', data, name: `session-${s.id}.ics` };
    },
    /** Where an approved online delegate's personal link leads: the online venue, else the event page. */
    async onlineAccess(slug: string, token: string) {
      const target = await reg.onlineAccessTarget(db, slug, token);
      if (!target) throw notFound();
      return target.onlineUrl ?? `/en/events/${target.slug}`;
    },
    agendaLink: async (actor: Actor) => ({
      url: siteUrl(urlOf(eventsApi.agendaFeed, { params: { token: `${await svc.signToken(db, 'a', [actor.userId])}.ics` } })),
    }),
    /** A person's own agenda, in their language: every session they hold a seat in (and the open ones) of events they are registered for. */
    async agendaFeed(token: string, lang?: Locale): Promise<EventFile> {
      const parts = await svc.verifyToken(db, 'a', token.replace(/\.ics$/, ''));
      if (!parts) throw notFound();
      // The account's language, unless the subscriber asks for another (?lang=).
      const l = pickLocale(lang, (await localesOf(db, [parts[0]])).get(parts[0]));
      const sessions = [];
      let tz = 'UTC';
      for (const r of await reg.myRegistrations(db, parts[0])) {
        if (r.status !== 'approved' && r.status !== 'pending') continue;
        const ev = await svc.getEventRow(db, r.eventId);
        tz = ev.timeZone;
        const p = await present(r, ev);
        const confirmed = new Set(p.signups.filter((s) => s.status === 'confirmed').map((s) => s.sessionId));
        for (const s of await svc.listSessions(db, ev.id))
          if (confirmed.has(s.id) || s.capacity == null) sessions.push({ ...s, eventTimeZone: ev.timeZone, eventSlug: ev.slug });
      }
      const data = buildIcs({
        // Named as the web app names it.
        name: eventsTexts[l].mine.agendaLink,
        timeZone: tz,
        host: host(),
        locale: l,
        venue: '',
        sessions,
        url: (s) => pageUrl(eventsPages.session, { slug: s.eventSlug ?? '', id: s.id }, l),
      });
      return { mime: 'text/calendar; charset=utf-8', data };
    },

    // Invitations
    async channels(actor: Actor, id: string) {
      await managed(actor, id);
      return inv.listChannels(db, id);
    },
    async createChannel(actor: Actor, id: string, input: { name: string; quota: number }) {
      await managed(actor, id);
      return inv.createChannel(db, actor, id, input);
    },
    updateChannel: (actor: Actor, id: string, input: { name: string; quota: number }) => inv.updateChannel(db, actor, id, input),
    async invitations(actor: Actor, id: string) {
      await managed(actor, id);
      return inv.listInvitations(db, id);
    },
    async invite(actor: Actor, id: string, input: InvitationInput) {
      await managed(actor, id);
      const r = await inv.inviteOne(db, actor, id, input);
      // The link goes back to staff so the UI (and tests) can show it; it is also mailed.
      return { ...r.invitation, link: inv.inviteLink(r.invitation.locale, r.token) };
    },
    async importInvitations(actor: Actor, id: string, file: { data: Buffer; filename: string }, dryRun: boolean) {
      await managed(actor, id);
      return inv.importInvitations(db, actor, id, file.data, file.filename, dryRun);
    },
    openInvitation: (token: string) => inv.openInvitation(db, token),
    acceptInvitation: (actor: Actor, token: string) => inv.respondInvitation(db, actor, token, true),
    declineInvitation: (actor: Actor | null, token: string) => inv.respondInvitation(db, actor, token, false),

    // Registration
    async register(actor: Actor, eventId: string, input: RegistrationInput) {
      if (input.invitationToken) await inv.respondInvitation(db, actor, input.invitationToken, true);
      return reg.register(db, actor, eventId, input, (tx) => ctx.membership.isMember(actor, tx));
    },
    myRegistrations: async (actor: Actor) => Promise.all((await reg.myRegistrations(db, actor.userId)).map((r) => present(r))),
    registration: async (actor: Actor, id: string) => present(await owned(actor, id)),
    signUp: async (actor: Actor, id: string, sessionId: string) => reg.addSignup(db, actor, await owned(actor, id), sessionId),
    leaveSession: async (actor: Actor, id: string, sessionId: string) => reg.removeSignup(db, actor, await owned(actor, id), sessionId),
    async cancelRegistration(actor: Actor, id: string) {
      await owned(actor, id);
      return reg.cancelRegistration(db, actor, id);
    },
    async registrations(actor: Actor, id: string, filter: { status?: RegistrationStatus; category?: string }) {
      const ev = await managed(actor, id);
      return Promise.all((await reg.listRegistrations(db, ev.id, filter)).map((r) => present(r, ev)));
    },
    /** The secretariat's list on an organization's page (the route admits the secretariat only). */
    organizationRegistrations: async (organizationId: string) =>
      reg.organizationRegistrations(db, await organizationTies(db, organizationId)),
    /** One registration of an event the caller manages; a registration of another event is not found. */
    async registrant(actor: Actor, eventId: string, id: string) {
      await managed(actor, eventId);
      const r = await reg.getRegistration(db, id);
      if (r.eventId !== eventId) throw notFound();
      return reg.presentRegistrant(db, r);
    },
    async decide(actor: Actor, id: string, decision: 'approve' | 'reject', reason?: string) {
      const r = await managedRegistration(actor, id);
      return reg.decide(db, actor, r.id, decision, reason);
    },
    async bulkDecide(
      actor: Actor,
      id: string,
      input: { selection: BulkSelection<RegistrationFilter>; decision: 'approve' | 'reject'; reason?: string },
    ) {
      return bulkDecide(db, actor, await managed(actor, id), input);
    },
    async bulkMessage(actor: Actor, id: string, input: { selection: BulkSelection<RegistrationFilter>; subject: string; body: string }) {
      return bulkMessage(db, actor, await managed(actor, id), input);
    },
    /** The selected registrations as the delegate list; refused whole (404) when one is not a registration of this event. */
    async bulkExport(actor: Actor, id: string, input: { selection: BulkSelection<RegistrationFilter>; format: 'csv' | 'xlsx' }) {
      const ev = await managed(actor, id);
      const { entries } = await resolveSelection(input.selection, registrationList(db, ev.id));
      const rows = entries.map((e) => {
        if ('outside' in e) throw notFound();
        return e.target;
      });
      await audit(db, {
        actor,
        action: 'event_registration.bulk_export',
        entity: 'event',
        entityId: ev.id,
        after: {
          selectedBy: 'ids' in input.selection ? 'ids' : 'filter',
          count: rows.length,
          format: input.format,
          ids: rows.map((r) => r.id),
        },
      });
      return delegateFile(ev, rows, input.format);
    },

    // Badges
    async badge(actor: Actor, id: string, lang?: string, acceptLanguage?: string): Promise<EventFile> {
      const r = await owned(actor, id);
      refuseWithoutBadge(r);
      const ev = await svc.getEventRow(db, r.eventId);
      return { mime: 'application/pdf', data: await badgesPdf([await badgeData(r, ev, localeOf(actor, lang, acceptLanguage))]) };
    },
    /** Every approved on-site badge of the event (optionally of one category), for batch printing. */
    async badges(
      actor: Actor,
      id: string,
      q: { category?: string; lang?: string; layout: BadgeLayout },
      acceptLanguage?: string,
    ): Promise<EventFile> {
      const ev = await managed(actor, id);
      const l = localeOf(actor, q.lang, acceptLanguage);
      const list = (await reg.listRegistrations(db, ev.id, { status: 'approved', category: q.category })).filter(
        (r) => !r.badgeRevokedAt && r.attendance === 'on-site',
      );
      const data = [];
      for (const r of list) data.push(await badgeData(r, ev, l));
      return { mime: 'application/pdf', data: await badgesPdf(data, q.layout) };
    },
    async badgeToken(actor: Actor, id: string) {
      const r = await owned(actor, id);
      refuseWithoutBadge(r);
      return { token: await reg.badgeToken(db, r) };
    },
    async revokeBadge(actor: Actor, id: string) {
      await reg.revokeBadge(db, actor, (await managedRegistration(actor, id)).id);
      return ok;
    },
    async reissueBadge(actor: Actor, id: string) {
      await reg.reissueBadge(db, actor, (await managedRegistration(actor, id)).id);
      return ok;
    },

    // Check-in
    async checkIn(actor: Actor, id: string, input: { token?: string; registrationId?: string; sessionId?: string | null }) {
      await managed(actor, id);
      return reg.checkIn(db, actor, id, input);
    },
    async searchAttendees(actor: Actor, id: string, q: string) {
      await managed(actor, id);
      return reg.searchAttendees(db, id, q);
    },

    // Visa letters
    /** The invitation letter for a Chinese visa: approved on-site delegates from abroad, with their passport fields filled. */
    async visaLetter(actor: Actor, id: string, lang?: string, acceptLanguage?: string): Promise<EventFile> {
      const r = await owned(actor, id);
      if (r.status !== 'approved' || r.attendance !== 'on-site')
        throw fail(eventsErrors, 'visa_letter_not_applicable', 'Visa letters are issued to approved on-site delegates only.');
      if (r.countryCode === 'CN')
        throw fail(eventsErrors, 'visa_not_needed', 'Delegates from mainland China need no visa invitation letter.');
      const a = r.answers;
      if (!a.passport_number) throw forbidden('Fill in the passport fields of your registration first.');
      const ev = await svc.getEventRow(db, r.eventId);
      const { reference, issuedAt } = await visa.issueVisaLetter(db, actor, r);
      const data = await visaLetterPdf({
        reference,
        issued: svc.localDate(issuedAt, ev.timeZone),
        name: r.name,
        nameLatin: r.nameLatin,
        nationality: visa.letterNationality(r),
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
        verifyUrl: pageUrl(eventsPages.verify, { reference }, localeOf(actor, lang, acceptLanguage)),
      });
      return { mime: 'application/pdf', data };
    },
    async verifyVisaLetter(ref: string) {
      const found = await visa.findVisaLetter(db, ref);
      if (!found) throw notFound();
      return found;
    },
    async revokeVisaLetter(actor: Actor, id: string, reason: string) {
      const r = await managedRegistration(actor, id);
      return visa.revokeVisaLetter(db, actor, r.id, reason);
    },

    // Exports and figures
    async delegates(actor: Actor, id: string, q: { format: 'csv' | 'xlsx'; status?: RegistrationStatus }): Promise<EventFile> {
      const ev = await managed(actor, id);
      return delegateFile(ev, await reg.listRegistrations(db, ev.id, { status: q.status }), q.format);
    },
    async figures(actor: Actor, id: string) {
      await managed(actor, id);
      return reg.figures(db, id);
    },

    // Mail templates
    mailTemplates: () => listTemplates(db),
    async saveMailTemplate(key: MailKey, locale: Locale, t: { subject: string; body: string }) {
      await saveTemplate(db, key, locale, t);
      return ok;
    },
  };
}

/** A delegate list (all of it, or a selection) as CSV or XLSX. */
async function delegateFile(ev: svc.EventRow, rows: reg.RegistrationRow[], format: 'csv' | 'xlsx'): Promise<EventFile> {
  if (format === 'xlsx')
    return {
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      data: await toXlsx('delegates', delegateColumns, rows),
      name: `${ev.slug}-delegates.xlsx`,
    };
  return { mime: 'text/csv; charset=utf-8', data: toCsv(delegateColumns, rows), name: `${ev.slug}-delegates.csv` };
}

/** The delegate list's columns (CSV and XLSX). */
const delegateColumns: Column<reg.RegistrationRow>[] = [
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
