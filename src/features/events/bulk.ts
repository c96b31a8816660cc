import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/access.js';
import { audit } from '../../platform/audit/index.js';
import type { Db } from '../../platform/db/index.js';
import { type BulkList, bulkAudit, resolveSelection, runBulk } from '../../platform/http/bulk.js';
import type { BulkSelection } from '../../platform/http/contract.js';
import { pageUrl } from '../../platform/http/urls.js';
import { localize, pickLocale } from '../../platform/i18n/index.js';
import { queueMail } from '../../platform/mail/index.js';
import { localesOf } from '../accounts/index.js';
import { eventsPages, type RegistrationFilter } from './contract.js';
import { fillPlaceholders } from './mails.js';
import { registrations } from './model.js';
import { applyDecision, listRegistrations, type RegistrationRow } from './registration.js';
import type { EventRow } from './service.js';
import { eventsTexts } from './web/i18n.js';

/**
 * The accreditation list of one event as bulk actions see it (the caller manages the event: the use
 * case checked it): the registrations of this event only, so an id of another event's registration is
 * reported as not found and never acted on; by filter, exactly the rows the list shows.
 */
export const registrationList = (db: Db, eventId: string): BulkList<RegistrationFilter, RegistrationRow> => ({
  byIds: (ids) =>
    db
      .select()
      .from(registrations)
      .where(and(eq(registrations.eventId, eventId), inArray(registrations.id, ids))),
  byFilter: (filter) => listRegistrations(db, eventId, filter),
});

/** Approves (or rejects, with one reason) each selected registration as the single decision does. */
export async function bulkDecide(
  db: Db,
  actor: Actor,
  ev: EventRow,
  input: { selection: BulkSelection<RegistrationFilter>; decision: 'approve' | 'reject'; reason?: string },
) {
  const result = await runBulk(await resolveSelection(input.selection, registrationList(db, ev.id)), async (r) =>
    (await applyDecision(db, actor, r.id, input.decision, input.reason)) ? 'done' : 'skipped',
  );
  await audit(db, {
    actor,
    action: 'event_registration.bulk_decision',
    entity: 'event',
    entityId: ev.id,
    after: bulkAudit(input.selection, result, { decision: input.decision, reason: input.reason ?? null }),
  });
  return result;
}

/** An address erasure left in place of the person's (eraseEventsData): nobody reads it. */
const erasedAddress = /@erased\.invalid$/;

/**
 * Queues one mail to each selected registrant, in the outbox like every mail of the platform, and audits
 * each; a registrant whose data was erased is skipped (their address is gone).
 */
export async function bulkMessage(
  db: Db,
  actor: Actor,
  ev: EventRow,
  input: { selection: BulkSelection<RegistrationFilter>; subject: string; body: string },
) {
  const resolved = await resolveSelection(input.selection, registrationList(db, ev.id));
  const result = await runBulk(resolved, async (r) => {
    if (erasedAddress.test(r.email)) return 'skipped';
    await db.transaction(async (tx) => {
      const locale = pickLocale((await localesOf(tx, [r.userId])).get(r.userId));
      const link = pageUrl(eventsPages.myRegistration, { id: r.id }, locale);
      const vars = { name: r.name, event: localize(ev.name, locale).text, link };
      const text = fillPlaceholders(input.body, vars);
      await queueMail(tx, {
        to: r.email,
        subject: fillPlaceholders(input.subject, vars),
        text: input.body.includes('{{link}}') ? text : `${text}\n\n${eventsTexts[locale].bulk.messageLink}\n${link}`,
        locale,
        template: 'events.message',
      });
      await audit(tx, {
        actor,
        action: 'event_registration.message',
        entity: 'event_registration',
        entityId: r.id,
        after: { subject: input.subject },
      });
    });
    return 'done';
  });
  await audit(db, {
    actor,
    action: 'event_registration.bulk_message',
    entity: 'event',
    entityId: ev.id,
    after: bulkAudit(input.selection, result, { subject: input.subject, body: input.body }),
  });
  return result;
}
