import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../platform/i18n/index.js';
import { userKey } from '../accounts/index.js';
import { personKey } from '../directory/index.js';
import type {
  Attendance,
  EventKind,
  EventStatus,
  InvitationCategory,
  InvitationStatus,
  Mode,
  RegistrationStatus,
  SessionKind,
  SignupStatus,
  SpeakerRole,
  Visibility,
} from './contract.js';

/** A recurring brand, e.g. `wuzhen-summit`; each event is an edition of at most one series. */
export const eventSeries = pgTable('event_series', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export interface RegistrationCategory {
  key: string;
  name: LocalizedText;
  /** Hex colour printed on the badge. */
  color: string;
  /** Only people invited in this category may pick it. */
  invitationOnly: boolean;
  /** 'on-site' registrations wait for accreditation; 'online' ones are approved at once. */
  attendance: Attendance[];
}

export interface FormField {
  key: string;
  label: LocalizedText;
  type: 'text' | 'textarea' | 'select' | 'date' | 'country' | 'checkbox';
  required: boolean;
  options?: Array<{ value: string; label: LocalizedText }>;
  /** Shown (and required) only when another field has this value. */
  showIf?: { field: string; equals: string | boolean };
  /** Passport fields feed the visa letter. */
  passport?: boolean;
}

export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seriesId: uuid('series_id').references(() => eventSeries.id, { onDelete: 'set null' }),
    edition: integer('edition'),
    slug: text('slug').notNull(),
    kind: text('kind').$type<EventKind>().notNull(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull().default({}),
    theme: jsonb('theme').$type<LocalizedText>().notNull().default({}),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    timeZone: text('time_zone').notNull(),
    city: jsonb('city').$type<LocalizedText>().notNull().default({}),
    countryCode: text('country_code'),
    venue: jsonb('venue').$type<LocalizedText>().notNull().default({}),
    mode: text('mode').$type<Mode>().notNull(),
    visibility: text('visibility').$type<Visibility>().notNull(),
    status: text('status').$type<EventStatus>().notNull().default('draft'),
    registrationOpen: boolean('registration_open').notNull().default(false),
    onlineUrl: text('online_url'),
    categories: jsonb('categories').$type<RegistrationCategory[]>().notNull().default([]),
    formFields: jsonb('form_fields').$type<FormField[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('events_slug_idx').on(t.slug), index('events_start_idx').on(t.startDate)],
);

export const rooms = pgTable('event_rooms', {
  id: uuid('id').primaryKey().defaultRandom(),
  eventId: uuid('event_id')
    .notNull()
    .references(() => events.id, { onDelete: 'cascade' }),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  capacity: integer('capacity').notNull(),
});

/**
 * A session of the program. Its row is also the capacity counter: a sign-up
 * locks it (SELECT … FOR UPDATE), so the seat count and the arrival sequence
 * are decided by one writer at a time, in every process.
 */
export const eventSessions = pgTable(
  'event_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<SessionKind>().notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull().default({}),
    theme: text('theme'),
    language: text('language'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    roomId: uuid('room_id').references(() => rooms.id, { onDelete: 'set null' }),
    /** Null: no sign-up needed, no limit. */
    capacity: integer('capacity'),
    confirmed: integer('confirmed').notNull().default(0),
    waiting: integer('waiting').notNull().default(0),
    /** Last arrival number handed out; a sign-up takes the next one under the row lock. */
    arrivals: bigint('arrivals', { mode: 'number' }).notNull().default(0),
    coOrganizers: jsonb('co_organizers').$type<LocalizedText[]>().notNull().default([]),
    /** Cancelled sessions stay in the program and in calendars (STATUS:CANCELLED), so subscribers learn of it. */
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** Counts the session's changes: its calendar entry's SEQUENCE, so calendar programs replace their copy. */
    sequence: integer('sequence').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('event_sessions_event_idx').on(t.eventId, t.startsAt)],
);

export const sessionPeople = pgTable(
  'event_session_people',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => eventSessions.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').notNull().references(personKey, { onDelete: 'cascade' }),
    role: text('role').$type<SpeakerRole>().notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.personId] }), index('event_session_people_person_idx').on(t.personId)],
);

/** A way guests are invited, e.g. a partner organization that may invite 20 guests. */
export const invitationChannels = pgTable('event_invitation_channels', {
  id: uuid('id').primaryKey().defaultRandom(),
  eventId: uuid('event_id')
    .notNull()
    .references(() => events.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  quota: integer('quota').notNull(),
  /** Invitations counted against the quota; changed only by a conditional UPDATE. */
  used: integer('used').notNull().default(0),
});

export const invitations = pgTable(
  'event_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id').references(() => invitationChannels.id, { onDelete: 'set null' }),
    category: text('category').$type<InvitationCategory>().notNull(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    locale: text('locale').notNull().default('en'),
    personId: uuid('person_id').references(personKey, { onDelete: 'set null' }),
    /** sha256 of the personal link's token. */
    tokenHash: text('token_hash').notNull(),
    status: text('status').$type<InvitationStatus>().notNull().default('sent'),
    userId: uuid('user_id').references(userKey, { onDelete: 'set null' }),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('event_invitations_email_idx').on(t.eventId, t.email), uniqueIndex('event_invitations_token_idx').on(t.tokenHash)],
);

export const registrations = pgTable(
  'event_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(userKey, { onDelete: 'cascade' }),
    invitationId: uuid('invitation_id').references(() => invitations.id, { onDelete: 'set null' }),
    category: text('category').notNull(),
    attendance: text('attendance').$type<Attendance>().notNull(),
    status: text('status').$type<RegistrationStatus>().notNull(),
    reason: text('reason'),
    name: text('name').notNull(),
    nameLatin: text('name_latin'),
    organization: text('organization'),
    countryCode: text('country_code'),
    stakeholderGroup: text('stakeholder_group'),
    gender: text('gender'),
    email: text('email').notNull(),
    answers: jsonb('answers').$type<Record<string, string | boolean>>().notNull().default({}),
    /** Bumped when a badge is revoked, so old QR codes stop working. */
    badgeVersion: integer('badge_version').notNull().default(1),
    badgeRevokedAt: timestamp('badge_revoked_at', { withTimezone: true }),
    /** The visa letter: its reference, when it was first issued, and its revocation (by staff, or by cancelling). */
    visaRef: text('visa_ref'),
    visaIssuedAt: timestamp('visa_issued_at', { withTimezone: true }),
    visaRevokedAt: timestamp('visa_revoked_at', { withTimezone: true }),
    visaRevokeReason: text('visa_revoke_reason'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // One registration per person and event: a double submit finds the first one.
  (t) => [
    uniqueIndex('event_registrations_user_idx').on(t.eventId, t.userId),
    uniqueIndex('event_registrations_visa_idx').on(t.visaRef),
    index('event_registrations_status_idx').on(t.eventId, t.status),
  ],
);

export const signups = pgTable(
  'event_signups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => eventSessions.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    status: text('status').$type<SignupStatus>().notNull(),
    /** Arrival number within the session, handed out under the session row's lock. */
    arrival: bigint('arrival', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    promotedAt: timestamp('promoted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('event_signups_unique_idx').on(t.sessionId, t.registrationId),
    index('event_signups_waitlist_idx').on(t.sessionId, t.arrival).where(sql`status = 'waitlisted'`),
  ],
);

export const checkins = pgTable(
  'event_checkins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id').references(() => eventSessions.id, { onDelete: 'cascade' }),
    byUserId: uuid('by_user_id').references(userKey, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  // One attendance per badge and place: a second scan finds the first.
  (t) => [
    uniqueIndex('event_checkins_once_idx').on(t.registrationId, sql`coalesce(session_id, '00000000-0000-0000-0000-000000000000'::uuid)`),
  ],
);

/** Staff edits of the mail texts; the shipped defaults live in mails.ts. */
export const mailTemplates = pgTable(
  'event_mail_templates',
  {
    key: text('key').notNull(),
    locale: text('locale').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.key, t.locale] })],
);

/** Secrets every process must agree on (badge and agenda-link signatures). */
export const eventSecrets = pgTable('event_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
});

/**
 * Staff named someone without an account as a manager of an event: the grant waits
 * until they create an account with this address and accept. Deleted on acceptance or withdrawal.
 */
export const eventManagerInvitations = pgTable(
  'event_manager_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    /** Stored lower-cased. */
    email: text('email').notNull(),
    /** sha256 of the link's token. */
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').references(userKey, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('event_manager_invitations_email_idx').on(t.eventId, t.email),
    uniqueIndex('event_manager_invitations_token_idx').on(t.tokenHash),
  ],
);
