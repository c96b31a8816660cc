import { z } from 'zod';
import { accountPage } from '../../platform/http/links.js';
import { binary, endpoint, endpoints, idParams, labelled, okSchema } from '../../platform/http/contract.js';
import { ref } from '../../platform/http/ref.js';
import { answers, callKind, criterion, decision, decisions, formDefinition, uploadedFile } from '../calls/contract.js';

/** The codes this feature answers with, and their HTTP status (the UI translates each: src/web/locales/errors.ts). */
export const reviewErrors = {
  reviewer_has_reviews: 409,
  conflict_of_interest: 409,
  already_decided: 409,
  last_round: 409,
  not_submitted: 409,
  assignment_infeasible: 409,
  assignment_invalid: 409,
} as const;
export type ReviewError = keyof typeof reviewErrors;

const loc = z.record(z.string(), z.string());
const round = z.number().int().min(1).max(10);
export const roundQuery = z.object({ round: z.coerce.number().int().min(1).max(10).default(1) });
export { decisions };
const reviewStatus = labelled(['draft', 'submitted'], 'review:reviewStatus');
const reviewerStatus = labelled(['invited', 'accepted', 'declined'], 'review:reviewerStatus');

export const inviteInput = z.object({
  round: round.default(1),
  reviewers: z
    .array(
      z.object({
        personId: ref('person'),
        expertise: z.array(z.string().trim().min(1).max(60)).max(30).default([]),
        capacity: z.number().int().min(0).max(10_000).default(10),
      }),
    )
    .min(1)
    .max(500),
});
export const pairInput = z.object({
  submissionId: ref('submission'),
  reviewerId: ref('reviewer'),
  action: labelled(['pin', 'forbid', 'clear'], 'review:pairAction'),
});
export const selectionInput = z.object({
  round: z.number().int().min(1).default(1),
  n: z.number().int().min(1).max(1000),
  capPerCountry: z.number().int().min(1).optional(),
  minPerContinent: z.record(z.string(), z.number().int().min(0)).optional(),
});
export const advanceInput = z.object({
  fromRound: z.number().int().min(1),
  topN: z.number().int().min(1).optional(),
  threshold: z.number().optional(),
  by: labelled(['normalized', 'raw'], 'calls:admin').default('normalized'),
});
export const decisionsInput = z.object({
  decisions: z
    .array(z.object({ submissionId: ref('submission'), decision: decision }))
    .min(1)
    .max(5000),
  notify: z.boolean().default(true),
});
export const reviewInput = z.object({
  scores: z.record(z.string(), z.number()).default({}),
  commentCommittee: z.string().max(20_000).default(''),
  commentApplicant: z.string().max(20_000).default(''),
  submit: z.boolean().default(false),
});

/** A place on a call's panel, as staff see it in the pool. */
export const poolEntry = z.object({
  id: z.uuid(),
  round: z.number().int(),
  personId: z.uuid(),
  name: z.string(),
  nameLatin: z.string().nullable(),
  countryCode: z.string().nullable(),
  email: z.string(),
  expertise: z.array(z.string()),
  capacity: z.number().int(),
  status: reviewerStatus,
});
export const reviewerPlace = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  round: z.number().int(),
  personId: z.uuid(),
  userId: z.uuid().nullable(),
  email: z.string(),
  expertise: z.array(z.string()),
  capacity: z.number().int(),
  status: reviewerStatus,
  respondedAt: z.date().nullable(),
  createdAt: z.date(),
});
export const assignmentRun = z.object({
  pairs: z.number().int(),
  objective: z.number(),
  kept: z.number().int(),
  submissions: z.number().int(),
  reviewers: z.number().int(),
});
export const assignmentRow = z.object({
  id: z.uuid(),
  submissionId: z.uuid(),
  code: z.string(),
  reviewerId: z.uuid(),
  reviewerName: z.string(),
  pinned: z.boolean(),
  reviewStatus: reviewStatus.nullable(),
  total: z.number().nullable(),
});
export const progress = z.object({
  reviewers: z.array(
    z.object({ reviewerId: z.uuid(), name: z.string(), assigned: z.number().int(), submitted: z.number().int(), drafts: z.number().int() }),
  ),
  submissions: z.array(z.object({ submissionId: z.uuid(), code: z.string(), assigned: z.number().int(), submitted: z.number().int() })),
});
export const ranked = z.object({
  rank: z.number().int(),
  submission: z.uuid(),
  reviews: z.number().int(),
  raw: z.number(),
  normalized: z.number(),
  spread: z.number(),
  sd: z.number(),
  id: z.uuid(),
  code: z.string(),
  title: loc,
  countryCode: z.string().nullable(),
  continent: z.string().nullable(),
  category: z.string().nullable(),
  decision: decision.nullable(),
  round: z.number().int(),
});
const selected = z.object({
  submissionId: z.uuid(),
  code: z.string(),
  title: loc,
  countryCode: z.string().nullable(),
  continent: z.string().nullable(),
});
export const selection = z.object({
  pure: z.array(selected),
  constrained: z.array(selected),
  added: z.array(selected),
  removed: z.array(selected),
  unmet: z.array(z.object({ continent: z.string(), minimum: z.number().int(), selected: z.number().int() })),
  emptySlots: z.number().int(),
});
export const advanced = z.object({ round: z.number().int(), advanced: z.array(z.object({ submissionId: z.uuid(), code: z.string() })) });
export const submissionReview = z.object({
  round: z.number().int(),
  reviewerId: z.uuid(),
  reviewerName: z.string(),
  status: reviewStatus,
  scores: z.record(z.string(), z.number()),
  total: z.number().nullable(),
  commentCommittee: z.string(),
  commentApplicant: z.string(),
});
export const post = z.object({ id: z.uuid(), authorName: z.string(), body: z.string(), createdAt: z.date() });
export const invitation = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  round: z.number().int(),
  status: reviewerStatus,
  capacity: z.number().int(),
  expertise: z.array(z.string()),
  callTitle: loc,
  kind: callKind,
  year: z.number().int(),
});
export const conflictCandidate = z.object({
  id: z.uuid(),
  code: z.string(),
  title: loc,
  organization: z.string().nullable(),
  conflict: z.string().nullable(),
});
export const myAssignment = z.object({
  submissionId: z.uuid(),
  code: z.string(),
  title: loc,
  category: z.string().nullable(),
  callId: z.uuid(),
  callTitle: loc,
  round: z.number().int(),
  reviewStatus: labelled(['not_started', 'draft', 'submitted'], 'review:reviewStatus'),
  total: z.number().nullable(),
});
export const myReview = z.object({
  scores: z.record(z.string(), z.number()),
  total: z.number().nullable(),
  commentCommittee: z.string(),
  commentApplicant: z.string(),
  status: reviewStatus,
});
export const reviewerView = z.object({
  submission: z.object({
    id: z.uuid(),
    code: z.string(),
    callId: z.uuid(),
    title: loc,
    category: z.string().nullable(),
    countryCode: z.string().nullable(),
    answers,
    round: z.number().int(),
  }),
  /** The files the answers name, which the reviewer downloads through submissionFile. */
  files: z.array(uploadedFile),
  /** The entry's field or track as the call names it (null when the call has none). */
  categoryName: loc.nullable(),
  form: formDefinition,
  round: z.number().int(),
  rubric: z.object({ criteria: z.array(criterion), scaleMin: z.number().int(), scaleMax: z.number().int(), guidance: loc }),
  review: myReview.nullable(),
});
export const feedback = z.object({ decision: decision.nullable(), comments: z.array(z.string()) });

const staff = ['secretariat'] as const;
/** Reviewers act through 'user' routes: the service checks each time that the caller holds an accepted, assigned, non-conflicted place (otherwise 404). */
const reviewer = 'user';
const callParams = idParams;

/** The review of the calls' submissions: panels, assignment, reviews, ranking, rounds and decisions. */
export const reviewApi = endpoints('review', {
  pool: endpoint({
    method: 'GET',
    path: '/api/v1/review/calls/:id/reviewers',
    access: staff,
    summary: 'The reviewer pool (panel) per round',
    params: callParams,
    query: z.object({ round: z.coerce.number().int().min(1).optional() }),
    response: { 200: z.array(poolEntry) },
  }),
  invite: endpoint({
    method: 'POST',
    path: '/api/v1/review/calls/:id/reviewers',
    access: staff,
    summary: 'Invite directory people to the panel of a round',
    params: callParams,
    body: inviteInput,
    response: { 201: z.array(reviewerPlace) },
  }),
  removeReviewer: endpoint({
    method: 'DELETE',
    path: '/api/v1/review/calls/:id/reviewers/:reviewerId',
    access: staff,
    summary: 'Take a reviewer off the panel (refused once they have submitted a review)',
    params: callParams.extend({ reviewerId: z.uuid() }),
    response: { 200: okSchema },
  }),
  pair: endpoint({
    method: 'POST',
    path: '/api/v1/review/calls/:id/pairs',
    access: staff,
    summary: 'Pin or forbid a reviewer–submission pair (kept on every re-run), or clear it',
    params: callParams,
    body: pairInput,
    response: { 200: okSchema },
  }),
  assign: endpoint({
    method: 'POST',
    path: '/api/v1/review/calls/:id/assign',
    access: staff,
    summary: 'Run the optimal assignment for a round (k per submission, load limits, conflicts, pins)',
    params: callParams,
    body: z.object({ round: round.default(1) }),
    response: { 200: assignmentRun },
  }),
  assignments: endpoint({
    method: 'GET',
    path: '/api/v1/review/calls/:id/assignments',
    access: staff,
    summary: 'The assignments of a round',
    params: callParams,
    query: roundQuery,
    response: { 200: z.array(assignmentRow) },
  }),
  progress: endpoint({
    method: 'GET',
    path: '/api/v1/review/calls/:id/progress',
    access: staff,
    summary: 'Progress per reviewer and per submission',
    params: callParams,
    query: roundQuery,
    response: { 200: progress },
  }),
  ranking: endpoint({
    method: 'GET',
    path: '/api/v1/review/calls/:id/ranking',
    access: staff,
    summary: 'Raw and normalized (z-score per reviewer) scores with spread, best first',
    params: callParams,
    query: roundQuery,
    response: { 200: z.array(ranked) },
  }),
  selectionPreview: endpoint({
    method: 'POST',
    path: '/api/v1/review/calls/:id/selection-preview',
    access: staff,
    summary: 'Top N with a cap per country and a minimum per continent, beside the pure ranking',
    params: callParams,
    body: selectionInput,
    response: { 200: selection },
  }),
  advance: endpoint({
    method: 'POST',
    path: '/api/v1/review/calls/:id/advance',
    access: staff,
    summary: 'Advance the top N or all above a threshold to the next round',
    params: callParams,
    body: advanceInput,
    response: { 200: advanced },
  }),
  decide: endpoint({
    method: 'POST',
    path: '/api/v1/review/calls/:id/decisions',
    access: staff,
    summary: 'Record decisions; with notify, mail each applicant in their language',
    params: callParams,
    body: decisionsInput,
    response: { 200: z.object({ decided: z.number().int(), mailed: z.number().int() }) },
  }),
  remind: endpoint({
    method: 'POST',
    path: '/api/v1/review/calls/:id/reminders',
    access: staff,
    summary: 'Remind reviewers with unsubmitted reviews now',
    params: callParams,
    response: { 200: z.object({ sent: z.number().int() }) },
  }),
  submissionReviews: endpoint({
    method: 'GET',
    path: '/api/v1/review/submissions/:id/reviews',
    access: staff,
    summary: 'All reviews of a submission, every round',
    params: idParams,
    response: { 200: z.array(submissionReview) },
  }),

  // Committee discussion: staff and the submission's assigned, non-conflicted reviewers.
  discussion: endpoint({
    method: 'GET',
    path: '/api/v1/review/submissions/:id/discussion',
    access: reviewer,
    summary: 'The committee discussion of a submission',
    params: idParams,
    response: { 200: z.array(post) },
  }),
  discuss: endpoint({
    method: 'POST',
    path: '/api/v1/review/submissions/:id/discussion',
    access: reviewer,
    summary: 'Post to the committee discussion of a submission',
    params: idParams,
    body: z.object({ body: z.string().trim().min(1).max(10_000) }),
    response: { 201: post },
  }),

  // Reviewers
  invitations: endpoint({
    method: 'GET',
    path: '/api/v1/review/invitations',
    access: reviewer,
    summary: 'My invitations to review panels',
    response: { 200: z.array(invitation) },
  }),
  respond: endpoint({
    method: 'POST',
    path: '/api/v1/review/invitations/:id/respond',
    access: reviewer,
    summary: 'Accept or decline an invitation',
    params: idParams,
    body: z.object({ accept: z.boolean() }),
    response: { 200: z.object({ id: z.uuid(), status: reviewerStatus }) },
  }),
  conflictCandidates: endpoint({
    method: 'GET',
    path: '/api/v1/review/invitations/:id/submissions',
    access: reviewer,
    summary: 'Titles of the call’s entries, to declare conflicts',
    params: idParams,
    response: { 200: z.array(conflictCandidate) },
  }),
  declareConflict: endpoint({
    method: 'POST',
    path: '/api/v1/review/invitations/:id/conflicts',
    access: reviewer,
    summary: 'Declare a conflict of interest with an entry',
    params: idParams,
    body: z.object({ submissionId: ref('submission'), reason: z.string().trim().max(500).default('') }),
    response: { 200: okSchema },
  }),
  myAssignments: endpoint({
    method: 'GET',
    path: '/api/v1/review/assignments',
    access: reviewer,
    summary: 'My assigned entries (conflicted ones never appear)',
    response: { 200: z.array(myAssignment) },
  }),
  entry: endpoint({
    method: 'GET',
    path: '/api/v1/review/submissions/:id',
    access: reviewer,
    summary: 'An assigned entry with the rubric and my review',
    params: idParams,
    response: { 200: reviewerView },
  }),
  saveReview: endpoint({
    method: 'PUT',
    path: '/api/v1/review/submissions/:id/review',
    access: reviewer,
    summary: 'Save my review as a draft, or submit it',
    params: idParams,
    body: reviewInput,
    response: { 200: myReview },
  }),

  // What the applicant and the readers of a submission get from its review
  feedback: endpoint({
    method: 'GET',
    path: '/api/v1/submissions/:id/feedback',
    access: 'user',
    summary: 'The decision and the reviewers’ comments meant for the applicant',
    params: idParams,
    response: { 200: feedback },
  }),
  submissionFile: endpoint({
    method: 'GET',
    path: '/api/v1/submissions/:id/files/:fileId',
    access: 'user',
    summary: 'A file of a submission: its applicant, staff, and its assigned reviewers',
    params: z.object({ id: z.uuid(), fileId: z.uuid() }),
    produces: [
      'application/pdf',
      'image/png',
      'image/jpeg',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/zip',
    ],
    response: { 200: binary },
  }),
});

/** The reviewers' pages. */
export const reviewPages = {
  dashboard: accountPage('/review'),
  review: accountPage('/review/:id'),
};
