import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { userKey } from '../accounts/index.js';
import { organizationKey, personKey } from '../directory/index.js';
import { eventKey } from '../events/index.js';
import { files } from '../../platform/files/model.js';
import type { LocalizedText } from '../../platform/i18n/index.js';
import type { DocumentKind, EndorsementKind, GroupStatus, memberRoles, memberStatuses } from './contract.js';

type MemberRole = (typeof memberRoles)[number];
type MemberStatus = (typeof memberStatuses)[number];

export const workingGroups = pgTable('working_groups', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  mandate: jsonb('mandate').$type<LocalizedText>().notNull().default({}),
  /** The secretariat staff member who looks after the group. */
  liaisonUserId: uuid('liaison_user_id').references(userKey, { onDelete: 'set null' }),
  status: text('status').$type<GroupStatus>().notNull().default('active'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A person in a group. Status: invited | requested | active | declined | left. Role: chair | co_chair | member. */
export const groupMembers = pgTable(
  'group_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => workingGroups.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(userKey, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(personKey, { onDelete: 'set null' }),
    /** The member organization the person represents; null for an invited expert. */
    organizationId: uuid('organization_id').references(organizationKey, { onDelete: 'set null' }),
    role: text('role').$type<MemberRole>().notNull().default('member'),
    status: text('status').$type<MemberStatus>().notNull(),
    message: text('message'),
    invitedBy: uuid('invited_by'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('group_members_unique_idx').on(t.groupId, t.userId), index('group_members_user_idx').on(t.userId)],
);

export const groupMeetings = pgTable(
  'group_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => workingGroups.id, { onDelete: 'cascade' }),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(90),
    /** IANA time zone the meeting is planned in, e.g. Asia/Shanghai. */
    timezone: text('timezone').notNull(),
    mode: text('mode').notNull(), // online | in_person | hybrid
    location: text('location'),
    link: text('link'),
    minutes: text('minutes'),
    minutesFileId: uuid('minutes_file_id').references(() => files.id, { onDelete: 'set null' }),
    /** The event the meeting is held at, e.g. the group's session during the summit. */
    eventId: uuid('event_id').references(eventKey, { onDelete: 'set null' }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('group_meetings_group_idx').on(t.groupId, t.startsAt)],
);

export const groupThreads = pgTable('group_threads', {
  id: uuid('id').primaryKey().defaultRandom(),
  groupId: uuid('group_id')
    .notNull()
    .references(() => workingGroups.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  createdBy: uuid('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastPostAt: timestamp('last_post_at', { withTimezone: true }).notNull().defaultNow(),
});

export const groupPosts = pgTable(
  'group_posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => groupThreads.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('group_posts_thread_idx').on(t.threadId, t.createdAt)],
);

/** A document of a group (or of the organization itself when groupId is null). Kind: report | consensus | initiative | proposal. */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id').references(() => workingGroups.id, { onDelete: 'restrict' }),
    kind: text('kind').$type<DocumentKind>().notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('documents_group_idx').on(t.groupId)],
);

/** Status: draft → consultation → final → published (published is frozen). */
export const documentVersions = pgTable(
  'document_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    /** What people call it, e.g. "4.0". */
    label: text('label').notNull(),
    status: text('status').notNull().default('draft'),
    languages: jsonb('languages').$type<string[]>().notNull().default([]),
    changeSummary: jsonb('change_summary').$type<LocalizedText>().notNull().default({}),
    basedOnId: uuid('based_on_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finalAt: timestamp('final_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('document_versions_number_idx').on(t.documentId, t.number)],
);

/** A paragraph keeps its key across versions, so comments and diffs can follow it. */
export const documentParagraphs = pgTable(
  'document_paragraphs',
  {
    versionId: uuid('version_id')
      .notNull()
      .references(() => documentVersions.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    position: integer('position').notNull(),
    /** Markdown per language. */
    text: jsonb('text').$type<LocalizedText>().notNull(),
  },
  (t) => [uniqueIndex('document_paragraphs_pk').on(t.versionId, t.key), index('document_paragraphs_pos_idx').on(t.versionId, t.position)],
);

export const commentRounds = pgTable(
  'comment_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    versionId: uuid('version_id')
      .notNull()
      .references(() => documentVersions.id, { onDelete: 'cascade' }),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('comment_rounds_version_idx').on(t.versionId)],
);

/** Status: open | accepted | declined | answered. */
export const documentComments = pgTable(
  'document_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => commentRounds.id, { onDelete: 'cascade' }),
    versionId: uuid('version_id')
      .notNull()
      .references(() => documentVersions.id, { onDelete: 'cascade' }),
    paragraphKey: text('paragraph_key').notNull(),
    authorId: uuid('author_id').notNull(),
    body: text('body').notNull(),
    status: text('status').notNull().default('open'),
    response: text('response'),
    resolvedBy: uuid('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('document_comments_version_idx').on(t.versionId, t.paragraphKey)],
);

/** An organization (through a contact) or an individual endorses or co-signs a final document. */
export const endorsements = pgTable(
  'endorsements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    versionId: uuid('version_id')
      .notNull()
      .references(() => documentVersions.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<EndorsementKind>().notNull(),
    organizationId: uuid('organization_id').references(organizationKey, { onDelete: 'cascade' }),
    /** Who acted: the organization's contact, or the individual. */
    userId: uuid('user_id').notNull().references(userKey, { onDelete: 'cascade' }),
    /** For an individual: the name shown. */
    displayName: text('display_name'),
    countryCode: text('country_code'),
    stakeholderGroup: text('stakeholder_group').notNull(),
    status: text('status').$type<'active' | 'withdrawn'>().notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('endorsements_org_idx').on(t.versionId, t.organizationId).where(sql`organization_id is not null and status = 'active'`),
    uniqueIndex('endorsements_person_idx').on(t.versionId, t.userId).where(sql`organization_id is null and status = 'active'`),
  ],
);

/** A submission of a document to an outside process, with the partners who submitted it jointly. */
export const jointSubmissions = pgTable('joint_submissions', {
  id: uuid('id').primaryKey().defaultRandom(),
  documentId: uuid('document_id')
    .notNull()
    .references(() => documents.id, { onDelete: 'cascade' }),
  process: jsonb('process').$type<LocalizedText>().notNull(),
  submittedOn: date('submitted_on').notNull(),
  /** [{ organizationId } | { name, countryCode }] in the order shown. */
  partners: jsonb('partners')
    .$type<Array<{ organizationId?: string; name?: LocalizedText; countryCode?: string | null }>>()
    .notNull()
    .default([]),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
