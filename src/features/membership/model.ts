import { sql } from 'drizzle-orm';
import { bigserial, boolean, date, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../platform/i18n/index.js';
import { files } from '../../platform/files/model.js';
import { userKey } from '../accounts/index.js';
import { organizationKey, personKey } from '../directory/index.js';
import type { ApplicantKind, AuthorRole, HistoryAction, HistoryDetails, MembershipStatus, MessageKind } from './contract.js';

export interface RequiredDocument {
  key: string;
  label: LocalizedText;
}

/** Kinds of membership the secretariat configures: what an application must hold, and how long a term runs. */
export const membershipCategories = pgTable(
  'membership_categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull().default({}),
    /** 'organization' (with representatives) or 'individual'. */
    applicantKind: text('applicant_kind').$type<ApplicantKind>().notNull(),
    termMonths: integer('term_months').notNull().default(12),
    graceDays: integer('grace_days').notNull().default(60),
    /** Days before the renewal date on which reminders go out, e.g. [60, 14]. */
    reminderDays: jsonb('reminder_days').$type<number[]>().notNull().default([60, 14]),
    /** Field paths that must be filled before submitting, e.g. 'organization.website', 'motivation'. */
    requiredFields: jsonb('required_fields').$type<string[]>().notNull().default([]),
    requiredDocuments: jsonb('required_documents').$type<RequiredDocument[]>().notNull().default([]),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('membership_categories_key_idx').on(t.key)],
);

export interface ApplicationData {
  organization?: {
    name?: LocalizedText;
    shortName?: string | null;
    countryCode?: string | null;
    stakeholderGroup?: string | null;
    website?: string | null;
    description?: LocalizedText;
  };
  representatives?: Array<{
    name: string;
    nameLatin?: string | null;
    email: string;
    title?: string | null;
    gender?: string | null;
    countryCode?: string | null;
  }>;
  individual?: {
    name?: string;
    nameLatin?: string | null;
    countryCode?: string | null;
    gender?: string | null;
    title?: string | null;
    affiliation?: string | null;
  };
  motivation?: string | null;
}

export const membershipApplications = pgTable(
  'membership_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => membershipCategories.id),
    applicantKind: text('applicant_kind').$type<ApplicantKind>().notNull(),
    /** draft, submitted, info_requested, approved, rejected, withdrawn */
    status: text('status').notNull().default('draft'),
    applicantUserId: uuid('applicant_user_id').notNull().references(userKey, { onDelete: 'cascade' }),
    locale: text('locale').notNull().default('en'),
    data: jsonb('data').$type<ApplicationData>().notNull().default({}),
    /** Copied from data for the queue's filters. */
    displayName: text('display_name').notNull().default(''),
    countryCode: text('country_code'),
    stakeholderGroup: text('stakeholder_group'),
    searchText: text('search_text').notNull().default(''),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
    decisionReason: text('decision_reason'),
    organizationId: uuid('organization_id').references(organizationKey, { onDelete: 'set null' }),
    membershipId: uuid('membership_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('membership_applications_status_idx').on(t.status), index('membership_applications_applicant_idx').on(t.applicantUserId)],
);

export const applicationDocuments = pgTable(
  'membership_application_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => membershipApplications.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    docKey: text('doc_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('membership_application_documents_app_idx').on(t.applicationId)],
);

/** The thread of an application. Internal rows are secretariat notes the applicant never sees. */
export const applicationMessages = pgTable(
  'membership_application_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => membershipApplications.id, { onDelete: 'cascade' }),
    authorUserId: uuid('author_user_id'),
    authorName: text('author_name').notNull().default(''),
    authorRole: text('author_role').$type<AuthorRole>().notNull(),
    kind: text('kind').$type<MessageKind>().notNull().default('message'),
    internal: boolean('internal').notNull().default(false),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('membership_application_messages_app_idx').on(t.applicationId)],
);

export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => membershipCategories.id),
    applicantKind: text('applicant_kind').$type<ApplicantKind>().notNull(),
    organizationId: uuid('organization_id').references(organizationKey, { onDelete: 'restrict' }),
    personId: uuid('person_id').references(personKey, { onDelete: 'restrict' }),
    applicationId: uuid('application_id'),
    status: text('status').$type<MembershipStatus>().notNull().default('active'),
    statusReason: text('status_reason'),
    startDate: date('start_date').notNull(),
    /** End of the current term. */
    renewalDate: date('renewal_date').notNull(),
    graceUntil: date('grace_until'),
    /** Reminder offsets (days before renewal) already sent for the current term. */
    remindersSent: jsonb('reminders_sent').$type<number[]>().notNull().default([]),
    directoryOptIn: boolean('directory_opt_in').notNull().default(false),
    sector: text('sector'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('memberships_status_idx').on(t.status),
    uniqueIndex('memberships_org_idx').on(t.organizationId).where(sql`organization_id is not null`),
    uniqueIndex('memberships_person_idx').on(t.personId).where(sql`person_id is not null`),
  ],
);

export const membershipHistory = pgTable(
  'membership_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    membershipId: uuid('membership_id')
      .notNull()
      .references(() => memberships.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    action: text('action').$type<HistoryAction>().notNull(),
    fromStatus: text('from_status').$type<MembershipStatus>(),
    toStatus: text('to_status').$type<MembershipStatus>(),
    reason: text('reason'),
    actorId: uuid('actor_id'),
    details: jsonb('details').$type<HistoryDetails>().notNull().default({}),
  },
  (t) => [index('membership_history_membership_idx').on(t.membershipId)],
);

/**
 * Representation goals per population ('members' here; other features keep
 * their own, e.g. 'delegates:<eventId>'), evaluated by evaluateGoals().
 */
export const representationGoals = pgTable(
  'representation_goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    population: text('population').notNull().default('members'),
    /** continent | country | stakeholderGroup | category | gender | yearJoined */
    dimension: text('dimension').notNull(),
    /** min_distinct | max_share | min_share */
    rule: text('rule').notNull(),
    /** min_distinct: a count; max_share / min_share: a percentage. */
    target: real('target').notNull(),
    /** For min_share: the value whose share is measured (e.g. 'female', 'africa'). */
    value: text('value'),
    label: jsonb('label').$type<LocalizedText>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('representation_goals_population_idx').on(t.population)],
);

/**
 * A member contact's invitation to someone to become a representative of the
 * organization. Nothing is granted until the invitee accepts as the invited
 * address; the row stays as the record of what happened to it.
 */
export const representativeInvitations = pgTable(
  'membership_representative_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    membershipId: uuid('membership_id')
      .notNull()
      .references(() => memberships.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    title: text('title'),
    locale: text('locale').notNull().default('en'),
    /** sha256 of the link's token. */
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by'),
    declinedAt: timestamp('declined_at', { withTimezone: true }),
    /** Cancelled before an answer, or the representative it made was removed. */
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('membership_rep_invitations_token_idx').on(t.tokenHash),
    index('membership_rep_invitations_membership_idx').on(t.membershipId),
  ],
);

/**
 * What making someone a representative created, so that removing them undoes
 * exactly that: the org_contact role always; the person, its link to the
 * account and the affiliation only when the grant made them.
 */
export const representativeGrants = pgTable(
  'membership_representative_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').notNull().references(organizationKey, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(userKey, { onDelete: 'cascade' }),
    personId: uuid('person_id'),
    personCreated: boolean('person_created').notNull().default(false),
    personLinked: boolean('person_linked').notNull().default(false),
    /** The affiliation the grant created; null when the person already had one. */
    affiliationId: uuid('affiliation_id'),
    invitationId: uuid('invitation_id'),
    grantedBy: uuid('granted_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('membership_rep_grants_org_user_idx').on(t.organizationId, t.userId)],
);
