import { z } from 'zod';
import { ref } from '../../platform/http/ref.js';
import { localizedText, requiredLocalizedText } from '../../platform/i18n/text.js';
import { eligibility, formDefinition, option } from './form.js';
import { callKinds } from './templates.js';

export { callKinds };
export * from './form.js';

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
  kind: z.enum(callKinds),
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
  template: z.enum(callKinds).optional(),
  year: z.number().int().min(2000).max(2100),
  opensAt: instant,
  closesAt: instant,
});
export type CreateCallInput = z.infer<typeof createCallInput>;
export const updateCallInput = callFields.partial();
export type UpdateCallInput = z.infer<typeof updateCallInput>;

export const call = z.object({
  id: z.uuid(),
  kind: z.string(),
  year: z.number(),
  title: z.record(z.string(), z.string()),
  rules: z.record(z.string(), z.string()),
  opensAt: z.date(),
  closesAt: z.date(),
  timeZone: z.string(),
  /** The close time as the call announces it, in its own time zone. */
  closesAtLocal: z.string(),
  isOpen: z.boolean(),
  eligibility: z.any(),
  categories: z.array(z.any()),
  rounds: z.array(z.any()),
  form: z.array(z.any()),
  allowEdit: z.boolean(),
  allowNominations: z.boolean(),
  sameCountryConflict: z.boolean(),
  reviewsPerSubmission: z.number(),
  codePrefix: z.string(),
  published: z.boolean(),
});

export const draftInput = z.object({
  answers: z.record(z.string(), z.unknown()).default({}),
  category: z.string().max(100).nullish(),
  /** The applicant's organization in the directory, if it is there (used for conflicts of interest). */
  organizationId: ref('ownOrganization').nullish(),
});
export type DraftInput = z.infer<typeof draftInput>;

export const mySubmission = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  code: z.string(),
  status: z.string(),
  title: z.record(z.string(), z.string()),
  category: z.string().nullable(),
  organizationId: z.string().nullable(),
  answers: z.record(z.string(), z.unknown()),
  decision: z.string().nullable(),
  nominated: z.boolean(),
  submittedAt: z.date().nullable(),
  updatedAt: z.date(),
});

export const staffSubmission = mySubmission.extend({
  applicantId: z.string().nullable(),
  applicantType: z.string().nullable(),
  countryCode: z.string().nullable(),
  screening: z.string(),
  screeningReason: z.string().nullable(),
  eligibilityProblems: z.array(z.string()),
  round: z.number(),
  publishedAt: z.date().nullable(),
  nomineeEmail: z.string().nullable(),
});

export const screenInput = z.object({ result: z.enum(['passed', 'failed']), reason: z.string().trim().max(2000).default('') });
export const nominateInput = z.object({
  organizationId: ref('ownOrganization'),
  name: z.string().trim().min(1).max(200),
  email: z.email().max(254),
});
export const submissionQuery = z.object({
  status: z.enum(['draft', 'submitted', 'withdrawn']).optional(),
  screening: z.enum(['pending', 'passed', 'failed']).optional(),
  round: z.coerce.number().int().min(1).optional(),
  decision: z.enum(['selected', 'shortlisted', 'not_selected']).optional(),
});
export const feedback = z.object({ decision: z.string().nullable(), comments: z.array(z.string()) });

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
  assignment_infeasible: 409,
  assignment_invalid: 409,
} as const;
export type CallsError = keyof typeof callsErrors;
