import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Feature } from '../../platform/http/types.js';
import { eventReferences } from './references.js';
import { seedEventsDemo } from './demo.js';
import { sendReminders } from './invitations.js';
import { delegateCount, eraseEventsData, eventsPersonalData } from './registration.js';
import { events as eventsTable } from './model.js';
import { eventServerPages, verifyPage } from './pages.js';
import { eventRoutes } from './routes.js';
import { eventsSearchDocs } from './service.js';
import { eventsPages } from './contract.js';

export const events: Feature = {
  name: 'events',
  pages: eventsPages,
  figures: async (ctx) => ({ delegates: await delegateCount(ctx.db) }),
  references: eventReferences,
  routes: eventRoutes,
  publicPages: [...eventServerPages, verifyPage],
  jobs(runner, ctx) {
    runner.register('events.invitation-reminders', async (_p, { now }) => void (await sendReminders(ctx.db, now)), 3_600_000);
  },
  seedDemo: (ctx, refs) => seedEventsDemo(ctx, refs),
  personalData: (ctx, s) => eventsPersonalData(ctx.db, s),
  erase: (tx, s) => eraseEventsData(tx, s),
  searchDocs: (ctx) => eventsSearchDocs(ctx.db),
};

/** The column other features' tables point their foreign keys at (an event's id). */
export const eventKey = () => eventsTable.id;

/** Events as other features may join them (e.g. the event a meeting is held at): address, name, dates, status. */
export const eventRows = () =>
  new QueryBuilder()
    .select({
      id: eventsTable.id,
      slug: eventsTable.slug,
      name: eventsTable.name,
      startDate: eventsTable.startDate,
      endDate: eventsTable.endDate,
      status: eventsTable.status,
    })
    .from(eventsTable)
    .as('event');

/** For the staff overview: delegates (their one definition), the edition under way or next, and the accreditation queue per event. */
export { delegateCount, pendingRegistrationsByEvent } from './registration.js';
export { currentEdition } from './service.js';
