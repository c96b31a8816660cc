import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../platform/i18n/index.js';
import type { Answers, CallKind, Criterion, Decision, Screening, SubmissionStatus } from './contract.js';
import type { Eligibility, FormField, Option } from './form.js';

/** An open call: practice cases, sci-tech achievements, the competition, youth leaders, AI for good. */
export const calls = pgTable(
  'calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<CallKind>().notNull(),
    year: integer('year').notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    rules: jsonb('rules').$type<LocalizedText>().notNull().default({}),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    /** IANA zone in which the call announces its times, e.g. Asia/Shanghai. */
    timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
    eligibility: jsonb('eligibility').$type<Eligibility>().notNull().default({}),
    /** Fields or tracks; a submission picks one. */
    categories: jsonb('categories').$type<Option[]>().notNull().default([]),
    /** Named rounds, e.g. preliminary, final; submissions move through them in order. */
    rounds: jsonb('rounds').$type<Option[]>().notNull().default([]),
    form: jsonb('form').$type<FormField[]>().notNull().default([]),
    allowEdit: boolean('allow_edit').notNull().default(true),
    allowNominations: boolean('allow_nominations').notNull().default(false),
    sameCountryConflict: boolean('same_country_conflict').notNull().default(false),
    reviewsPerSubmission: integer('reviews_per_submission').notNull().default(3),
    codePrefix: text('code_prefix').notNull(),
    /** Last number handed out; incremented atomically, so codes never repeat. */
    codeCounter: integer('code_counter').notNull().default(0),
    published: boolean('published').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('calls_kind_year_idx').on(t.kind, t.year)],
);

export const submissions = pgTable(
  'submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    /** The account that applies; null for a nomination not yet taken up by the nominee. */
    applicantId: uuid('applicant_id'),
    status: text('status').$type<SubmissionStatus>().notNull().default('draft'),
    answers: jsonb('answers').$type<Answers>().notNull().default({}),
    title: jsonb('title').$type<LocalizedText>().notNull().default({}),
    category: text('category'),
    applicantType: text('applicant_type'),
    countryCode: text('country_code'),
    organizationId: uuid('organization_id'),
    /** E-mail addresses of team members and co-applicants (lower case), for conflicts of interest. */
    peopleEmails: text('people_emails').array().notNull().default(sql`'{}'::text[]`),
    nominatedByOrg: uuid('nominated_by_org'),
    nomineeEmail: text('nominee_email'),
    nomineeName: text('nominee_name'),
    screening: text('screening').$type<Screening>().notNull().default('pending'),
    screeningReason: text('screening_reason'),
    eligibilityProblems: jsonb('eligibility_problems').$type<string[]>().notNull().default([]),
    round: integer('round').notNull().default(1),
    decision: text('decision').$type<Decision>(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('submissions_code_idx').on(t.code),
    index('submissions_call_idx').on(t.callId, t.status),
    index('submissions_applicant_idx').on(t.applicantId),
    index('submissions_nominee_idx').on(t.nomineeEmail),
  ],
);

/** The rubric of one round of a call: what its reviewers score (table named for the review, which reads it). */
export const rubrics = pgTable(
  'review_rubrics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    round: integer('round').notNull(),
    criteria: jsonb('criteria').$type<Criterion[]>().notNull(),
    scaleMin: integer('scale_min').notNull().default(1),
    scaleMax: integer('scale_max').notNull().default(10),
    guidance: jsonb('guidance').$type<LocalizedText>().notNull().default({}),
  },
  (t) => [uniqueIndex('review_rubrics_call_round_idx').on(t.callId, t.round)],
);
