import { z } from 'zod';
import { publicPage, accountPage, staffPage } from '../../platform/http/links.js';
import { bulkResult, bulkSelection, endpoint, endpoints, idParams, labelled } from '../../platform/http/contract.js';
import { ref } from '../../platform/http/ref.js';
import { localizedText, requiredLocalizedText } from '../../platform/i18n/text.js';
import { answers, eligibility, formDefinition, option } from './form.js';
import { callKinds } from './templates.js';

export { callKinds };
export type { CallKind } from './templates.js';
export * from './form.js';

export const submissionStatuses = ['draft', 'submitted', 'withdrawn'] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];
/** Staff's eligibility screening of a submission. */
export const screenings = ['pending', 'passed', 'failed'] as const;
export type Screening = (typeof screenings)[number];
/** What the jury decided about a submission. */
export const decisions = ['selected', 'shortlisted', 'not_selected'] as const;
export type Decision = (typeof decisions)[number];
export const callKind = labelled(callKinds, 'calls:kinds');
export const decision = labelled(decisions, 'calls:status');
const submissionStatus = labelled(submissionStatuses, 'calls:status');
const screening = labelled(screenings, 'calls:status');
const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const timeZone = z.string().refine((z2) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: z2 });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone, e.g. Asia/Shanghai');

/** Every field of a call; none has a default here, so a partial update changes only what it names (createCall fills defaults). */
export const callFields = z.object({
  kind: callKind,
  year: z.number().int().min(2000).max(2100),
  title: requiredLocalizedText(300),
  rules: localizedText(20_000),
  opensAt: instant,
  closesAt: instant,
  timeZone: timeZone,
  eligibility: eligibility,
  categories: z.array(option).max(50),
  rounds: z.array(option).min(1).max(10),
  form: formDefinition,
  allowEdit: z.boolean(),
  allowNominations: z.boolean(),
  sameCountryConflict: z.boolean(),
  reviewsPerSubmission: z.number().int().min(1).max(20),
  codePrefix: z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/, '2–10 capital letters or digits'),
  published: z.boolean(),
});

/** Create a call; with `template`, every field not given comes from that ready-made call. */
export const createCallInput = callFields.partial().extend({
  template: callKind.optional(),
  year: z.number().int().min(2000).max(2100),
  opensAt: instant,
  closesAt: instant,
});
export type CreateCallInput = z.infer<typeof createCallInput>;
export const updateCallInput = callFields.partial();
export type UpdateCallInput = z.infer<typeof updateCallInput>;

const loc = z.record(z.string(), z.string());

export const call = z.object({
  id: z.uuid(),
  kind: callKind,
  year: z.number(),
  title: loc,
  rules: loc,
  opensAt: z.date(),
  closesAt: z.date(),
  timeZone: z.string(),
  /** The close time as the call announces it, in its own time zone. */
  closesAtLocal: z.string(),
  isOpen: z.boolean(),
  eligibility,
  categories: z.array(option),
  rounds: z.array(option),
  form: formDefinition,
  allowEdit: z.boolean(),
  allowNominations: z.boolean(),
  sameCountryConflict: z.boolean(),
  reviewsPerSubmission: z.number(),
  codePrefix: z.string(),
  published: z.boolean(),
});
export const callsQuery = z.object({ kind: callKind.optional(), year: z.coerce.number().int().optional() });

/** One weighted criterion of a round's rubric; the call defines its rubric (from its template), reviewers score against it. */
export const criterion = z.object({
  key: z.string().regex(/^[a-z][a-zA-Z0-9_]{0,39}$/),
  label: localizedText(200),
  guidance: localizedText(2000).optional(),
  weight: z.number().positive().max(100),
});
export type Criterion = z.output<typeof criterion>;
export const rubricInput = z.object({
  criteria: z.array(criterion).min(1).max(20),
  scaleMin: z.number().int().min(0).max(10).default(1),
  scaleMax: z.number().int().min(1).max(100).default(10),
  guidance: localizedText(5000).default({}),
});
export type RubricInput = z.output<typeof rubricInput>;
export const rubric = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  round: z.number().int(),
  criteria: z.array(criterion),
  scaleMin: z.number().int(),
  scaleMax: z.number().int(),
  guidance: loc,
});
export const rubricParams = z.object({ id: z.uuid(), round: z.coerce.number().int().min(1).max(10) });

export const callTemplate = z.object({
  kind: callKind,
  title: loc,
  rules: loc,
  codePrefix: z.string(),
  eligibility,
  categories: z.array(option),
  rounds: z.array(option),
  form: formDefinition,
  allowNominations: z.boolean(),
  sameCountryConflict: z.boolean(),
  reviewsPerSubmission: z.number().int(),
  rubric: z.array(criterion),
});

export const draftInput = z.object({
  answers: z.record(z.string(), z.unknown()).default({}),
  category: z.string().max(100).nullish(),
  /** The applicant's organization in the directory, if it is there (used for conflicts of interest). */
  organizationId: ref('ownOrganization').nullish(),
});
export type DraftInput = z.infer<typeof draftInput>;

/** A file kept for a submission: its name as uploaded, its sniffed type and its size in bytes. */
export const uploadedFile = z.object({ fileId: z.uuid(), name: z.string(), mime: z.string(), size: z.number().int() });

export const mySubmission = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  code: z.string(),
  status: submissionStatus,
  title: loc,
  category: z.string().nullable(),
  organizationId: z.string().nullable(),
  answers,
  /** The files the answers name (a file field holds a file's id), so readers see their names and sizes. */
  files: z.array(uploadedFile),
  decision: decision.nullable(),
  nominated: z.boolean(),
  submittedAt: z.date().nullable(),
  updatedAt: z.date(),
});

export const staffSubmission = mySubmission.extend({
  applicantId: z.string().nullable(),
  applicantType: z.string().nullable(),
  countryCode: z.string().nullable(),
  screening: screening,
  screeningReason: z.string().nullable(),
  eligibilityProblems: z.array(z.string()),
  round: z.number(),
  publishedAt: z.date().nullable(),
  nomineeEmail: z.string().nullable(),
});

/** What the organization that nominated a person sees of the nomination. */
export const nomination = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  code: z.string(),
  status: submissionStatus,
  nomineeName: z.string().nullable(),
  nominated: z.literal(true),
  submittedAt: z.date().nullable(),
  updatedAt: z.date(),
});
/** A submission as its reader may see it: staff, its applicant, or the organization that nominated the person (the first view that fits). */
export const submissionView = z.union([staffSubmission, mySubmission, nomination]);
export const fileParams = z.object({ id: z.uuid(), fileId: z.uuid() });

export const screenInput = z.object({
  result: labelled(['passed', 'failed'], 'calls:status'),
  reason: z.string().trim().max(2000).default(''),
});
export const nominateInput = z.object({
  organizationId: ref('ownOrganization'),
  name: z.string().trim().min(1).max(200),
  email: z.email().max(254),
});
export const submissionQuery = z.object({
  status: submissionStatus.optional(),
  screening: screening.optional(),
  round: z.coerce.number().int().min(1).optional(),
  decision: decision.optional(),
});

export type SubmissionFilter = z.output<typeof submissionQuery>;
/** Screen many entries at once (picked, or every one the entries list's filter matches), each as the single screening. */
export const bulkScreenInput = screenInput
  .extend({ selection: bulkSelection('submission', submissionQuery) })
  .refine((b) => b.result !== 'failed' || !!b.reason, { path: ['reason'], message: 'give the reason entries fail screening' });

/** The codes this feature answers with, and their HTTP status (the UI translates each: src/web/locales/errors.ts). */
export const callsErrors = {
  code_prefix_taken: 409,
  codes_issued: 409,
  call_not_open: 409,
  call_closed: 409,
  submission_withdrawn: 409,
  submission_locked: 409,
  already_decided: 409,
  nominations_closed: 409,
  already_nominated: 409,
  not_submitted: 409,
} as const;
export type CallsError = keyof typeof callsErrors;

const browse = 'public';
const staff = ['secretariat'] as const;
const apply = 'user';

/** The calls engine: calls and their forms and rubrics, submissions, screening. Reviewing them is the review feature's. */
export const callsApi = endpoints('calls', {
  list: endpoint({
    method: 'GET',
    path: '/api/v1/calls',
    access: browse,
    summary: 'Published calls (staff: all)',
    query: callsQuery,
    response: { 200: z.array(call) },
  }),
  templates: endpoint({
    method: 'GET',
    path: '/api/v1/calls/templates',
    access: staff,
    summary: 'The five ready-made calls staff copy',
    response: { 200: z.array(callTemplate) },
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/v1/calls',
    access: staff,
    summary: 'Open a call, from a template or from scratch',
    body: createCallInput,
    response: { 201: call },
  }),
  get: endpoint({ method: 'GET', path: '/api/v1/calls/:id', access: browse, params: idParams, response: { 200: call } }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/v1/calls/:id',
    access: staff,
    summary: 'Change a call (any subset of its fields)',
    params: idParams,
    body: updateCallInput,
    response: { 200: call },
  }),
  rubric: endpoint({
    method: 'GET',
    path: '/api/v1/review/calls/:id/rubrics/:round',
    access: staff,
    summary: 'The rubric of a round',
    params: rubricParams,
    response: { 200: rubric },
  }),
  setRubric: endpoint({
    method: 'PUT',
    path: '/api/v1/review/calls/:id/rubrics/:round',
    access: staff,
    summary: 'Set the rubric of a round: weighted criteria, scale, guidance',
    params: rubricParams,
    body: rubricInput,
    response: { 200: rubric },
  }),

  // Applicants
  startSubmission: endpoint({
    method: 'POST',
    path: '/api/v1/calls/:id/submissions',
    access: apply,
    summary: 'Start a submission (a draft, with its code)',
    params: idParams,
    body: draftInput,
    response: { 201: submissionView },
  }),
  nominate: endpoint({
    method: 'POST',
    path: '/api/v1/calls/:id/nominations',
    access: apply,
    summary: 'An organization nominates a person (youth program)',
    params: idParams,
    body: nominateInput,
    response: { 201: submissionView },
  }),
  mine: endpoint({
    method: 'GET',
    path: '/api/v1/my/submissions',
    access: apply,
    summary: 'My submissions and nominations addressed to me',
    response: { 200: z.array(submissionView) },
  }),
  submission: endpoint({
    method: 'GET',
    path: '/api/v1/submissions/:id',
    access: apply,
    summary: 'A submission, as its applicant, its nominating organization or staff may see it',
    params: idParams,
    response: { 200: submissionView },
  }),
  saveDraft: endpoint({
    method: 'PUT',
    path: '/api/v1/submissions/:id',
    access: apply,
    summary: 'Save a draft (or edit before the deadline if the call allows)',
    params: idParams,
    body: draftInput,
    response: { 200: submissionView },
  }),
  submit: endpoint({
    method: 'POST',
    path: '/api/v1/submissions/:id/submit',
    access: apply,
    summary: 'Submit before the close time',
    params: idParams,
    response: { 200: submissionView },
  }),
  withdraw: endpoint({
    method: 'POST',
    path: '/api/v1/submissions/:id/withdraw',
    access: apply,
    summary: 'Withdraw a submission',
    params: idParams,
    response: { 200: submissionView },
  }),
  uploadFile: endpoint({
    method: 'POST',
    path: '/api/v1/submissions/:id/files',
    access: apply,
    summary: 'Upload a file (PDF, image, DOCX, ZIP); put the returned id in a file field',
    params: idParams,
    upload: true,
    response: { 201: uploadedFile },
  }),

  // Staff
  submissions: endpoint({
    method: 'GET',
    path: '/api/v1/calls/:id/submissions',
    access: staff,
    summary: 'The entries of a call',
    params: idParams,
    query: submissionQuery,
    response: { 200: z.array(staffSubmission) },
  }),
  screen: endpoint({
    method: 'POST',
    path: '/api/v1/submissions/:id/screening',
    access: staff,
    summary: 'Manual screening: pass or fail with a reason',
    params: idParams,
    body: screenInput,
    response: { 200: staffSubmission },
  }),
  bulkScreen: endpoint({
    method: 'POST',
    path: '/api/v1/calls/:id/submissions/bulk/screening',
    access: staff,
    summary: 'Screen the selected entries of a call: pass, or fail with a reason',
    description:
      'Each entry is screened in its own transaction with the single screening’s rules and audit entry; the answer has one line per entry (done, skipped when it already has that result, or refused with the code of why). An entry of another call is refused, never screened. One more audit entry records the bulk action.',
    params: idParams,
    body: bulkScreenInput,
    response: { 200: bulkResult },
  }),
  autoScreen: endpoint({
    method: 'POST',
    path: '/api/v1/calls/:id/auto-screen',
    access: staff,
    summary: 'Pass every pending entry the automatic eligibility check finds eligible',
    params: idParams,
    response: { 200: z.object({ passed: z.number().int() }) },
  }),
});

/** The calls' pages; a submission's page is composed with what the review adds to it. */
export const callsPages = {
  calls: publicPage('/calls'),
  call: publicPage('/calls/:id'),
  mySubmissions: accountPage('/my/submissions'),
  submission: accountPage('/my/submissions/:id'),
  adminCalls: staffPage('/calls'),
  adminCall: staffPage('/calls/:id'),
};
