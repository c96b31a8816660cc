import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** queued → sending → sent | held (no mail server configured) | failed (undeliverable for `MAIL_GIVE_UP_HOURS`) */
export type MailStatus = 'queued' | 'sending' | 'sent' | 'held' | 'failed';

/** Every mail is written here first (in the same transaction as its cause), then delivered. */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    locale: text('locale').notNull().default('en'),
    template: text('template'),
    status: text('status').$type<MailStatus>().notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** After a failed attempt: not before this time (the delay doubles, up to an hour). */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('mail_outbox_status_idx').on(t.status, t.createdAt), index('mail_outbox_to_idx').on(t.to)],
);
