import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { callKey, submissionKey } from '../calls/index.js';

export type ReviewerStatus = 'invited' | 'accepted' | 'declined';

/** A directory person in the reviewer pool (panel) of one round of a call. */
export const reviewers = pgTable(
  'reviewers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id').notNull().references(callKey, { onDelete: 'cascade' }),
    round: integer('round').notNull().default(1),
    personId: uuid('person_id').notNull(),
    /** The account that reviews (the person's account, found by e-mail when they accept). */
    userId: uuid('user_id'),
    email: text('email').notNull(),
    expertise: text('expertise').array().notNull(),
    capacity: integer('capacity').notNull().default(10),
    status: text('status').$type<ReviewerStatus>().notNull().default('invited'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('reviewers_call_person_round_idx').on(t.callId, t.personId, t.round), index('reviewers_user_idx').on(t.userId)],
);

/** A declared conflict (by the reviewer) or a pair staff forbid; automatic conflicts are computed, not stored. */
export const conflicts = pgTable(
  'review_conflicts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => reviewers.id, { onDelete: 'cascade' }),
    submissionId: uuid('submission_id').notNull().references(submissionKey, { onDelete: 'cascade' }),
    source: text('source').$type<'declared' | 'staff'>().notNull(),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('review_conflicts_pair_idx').on(t.reviewerId, t.submissionId)],
);

export const assignments = pgTable(
  'review_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => reviewers.id, { onDelete: 'cascade' }),
    submissionId: uuid('submission_id').notNull().references(submissionKey, { onDelete: 'cascade' }),
    round: integer('round').notNull(),
    /** Pinned by staff: kept on every re-run. */
    pinned: boolean('pinned').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('review_assignments_pair_idx').on(t.reviewerId, t.submissionId),
    index('review_assignments_sub_idx').on(t.submissionId),
  ],
);

export const reviews = pgTable(
  'reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    scores: jsonb('scores').$type<Record<string, number>>().notNull().default({}),
    /** Weighted mean of the criteria scores, on the rubric's scale. */
    total: doublePrecision('total'),
    commentCommittee: text('comment_committee').notNull().default(''),
    commentApplicant: text('comment_applicant').notNull().default(''),
    status: text('status').$type<'draft' | 'submitted'>().notNull().default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('reviews_assignment_idx').on(t.assignmentId)],
);

/** The committee's discussion thread of one submission. */
export const discussion = pgTable(
  'review_discussion',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    submissionId: uuid('submission_id').notNull().references(submissionKey, { onDelete: 'cascade' }),
    authorId: uuid('author_id').notNull(),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('review_discussion_sub_idx').on(t.submissionId)],
);
