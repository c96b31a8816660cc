import { z } from 'zod';
import { publicPage, accountPage, staffPage } from '../../platform/http/links.js';
import {
  binary,
  bulkResult,
  bulkSelection,
  endpoint,
  endpoints,
  formatQuery,
  idParams,
  importQuery,
  labelled,
  okSchema,
  page,
} from '../../platform/http/contract.js';
import { ref } from '../../platform/http/ref.js';
import { localeSchema, localizedText, requiredLocalizedText } from '../../platform/i18n/text.js';
import { continent, countryCode, gender, importReport, sheetTypes, stakeholderGroup, stakeholderGroups } from '../directory/contract.js';

export const applicationStatuses = ['draft', 'submitted', 'info_requested', 'approved', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];
export const membershipStatuses = ['active', 'grace', 'lapsed', 'suspended', 'terminated'] as const;
export type MembershipStatus = (typeof membershipStatuses)[number];
export const applicantKinds = ['organization', 'individual'] as const;
export type ApplicantKind = (typeof applicantKinds)[number];
export const dimensions = ['continent', 'country', 'stakeholderGroup', 'category', 'gender', 'yearJoined'] as const;
export type Dimension = (typeof dimensions)[number];
export const goalRules = ['min_distinct', 'max_share', 'min_share'] as const;
export type GoalRule = (typeof goalRules)[number];
/** Who wrote in an application's thread, and what: `status` lines record a move, `comment`s are internal. */
export const authorRoles = ['applicant', 'secretariat', 'system'] as const;
export type AuthorRole = (typeof authorRoles)[number];
export const messageKinds = ['message', 'info_request', 'comment', 'decision', 'status'] as const;
export type MessageKind = (typeof messageKinds)[number];
/** What happened to a membership (its history). */
export const historyActions = [
  'created',
  'rejoined',
  'imported',
  'reminder',
  'grace',
  'lapsed',
  'renewed',
  'suspended',
  'reinstated',
  'terminated',
  'opt_in',
  'opt_out',
] as const;
export type HistoryAction = (typeof historyActions)[number];
/** Stakeholder groups of members: the directory's, plus individuals. */
export const memberGroups = [...stakeholderGroups, 'individual'] as const;
const applicationStatus = labelled(applicationStatuses, 'membership:status');
const membershipStatus = labelled(membershipStatuses, 'membership:status');
const applicantKind = labelled(applicantKinds, 'membership:kind');
const memberGroup = labelled(memberGroups, 'shell:stakeholders');
const dimension = labelled(dimensions, 'membership:dash.dimensions');
const goalRule = labelled(goalRules, 'membership:dash.rules');
const authorRole = labelled(authorRoles, 'membership:authorRole');
const messageKind = labelled(messageKinds, 'membership:messageKind');
const historyAction = labelled(historyActions, 'membership:historyAction');

const url = z
  .string()
  .trim()
  .max(500)
  .regex(/^https?:\/\/[^\s]+$/i, 'must start with http:// or https://');
const optionalUrl = url.nullish().or(z.literal('').transform(() => null));
const email = z.email({ message: 'Enter a valid e-mail address.' }).max(254);
const localized = z.record(z.string(), z.string());

// Categories

export const requiredDocument = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9_-]{1,40}$/),
  label: requiredLocalizedText(200),
});
export const categoryInput = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{2,40}$/, 'lower-case letters, digits and dashes'),
  name: requiredLocalizedText(200),
  description: localizedText(2000).optional(),
  applicantKind: applicantKind,
  termMonths: z.number().int().min(1).max(120).default(12),
  graceDays: z.number().int().min(0).max(365).default(60),
  reminderDays: z.array(z.number().int().min(1).max(365)).max(5).default([60, 14]),
  requiredFields: z.array(z.string().max(100)).max(30).default([]),
  requiredDocuments: z.array(requiredDocument).max(10).default([]),
  active: z.boolean().default(true),
  sortOrder: z.number().int().default(0),
});
export type CategoryInput = z.infer<typeof categoryInput>;
export const category = z.object({
  id: z.uuid(),
  key: z.string(),
  name: localized,
  description: localized,
  applicantKind: applicantKind,
  termMonths: z.number(),
  graceDays: z.number(),
  reminderDays: z.array(z.number()),
  requiredFields: z.array(z.string()),
  requiredDocuments: z.array(z.object({ key: z.string(), label: localized })),
  active: z.boolean(),
  sortOrder: z.number(),
});

// Applications

export const representativeInput = z.object({
  name: z.string().trim().min(1).max(200),
  nameLatin: z.string().trim().max(200).nullish(),
  email,
  title: z.string().trim().max(200).nullish(),
  gender: gender.nullish(),
  countryCode: countryCode.nullish(),
});

/** What an applicant fills in; everything is optional in a draft and checked on submit. */
export const applicationData = z
  .object({
    organization: z
      .object({
        name: localizedText(300).optional(),
        shortName: z.string().trim().max(50).nullish(),
        countryCode: countryCode.nullish(),
        stakeholderGroup: stakeholderGroup.nullish(),
        website: optionalUrl,
        description: localizedText(5000).optional(),
      })
      .optional(),
    representatives: z.array(representativeInput).max(10).optional(),
    individual: z
      .object({
        name: z.string().trim().max(200).optional(),
        nameLatin: z.string().trim().max(200).nullish(),
        countryCode: countryCode.nullish(),
        gender: gender.nullish(),
        title: z.string().trim().max(200).nullish(),
        affiliation: z.string().trim().max(300).nullish(),
      })
      .optional(),
    motivation: z.string().trim().max(5000).nullish(),
  })
  .strict();
export type ApplicationDataInput = z.infer<typeof applicationData>;

export const createApplicationBody = z.object({
  categoryKey: z.string().max(40),
  locale: localeSchema.optional(),
  data: applicationData.default({}),
});
export const startApplicationBody = z.object({
  email,
  name: z.string().trim().min(1).max(200),
  locale: localeSchema.default('en'),
  categoryKey: z.string().max(40),
  data: applicationData.default({}),
});
export const updateApplicationBody = z.object({ data: applicationData });
export const messageBody = z.object({ body: z.string().trim().min(1).max(10_000), internal: z.boolean().default(false) });
export const reasonBody = z.object({ reason: z.string().trim().min(1).max(5000) });
export const optionalReasonBody = z.object({ reason: z.string().trim().max(5000).optional() });
/**
 * A renewal names the end of the term it extends (the renewal date the secretariat saw):
 * a second identical request, or one made after someone else renewed, is refused
 * (renewal_date_changed) instead of adding another term.
 */
export const renewBody = optionalReasonBody.extend({ expectedRenewalDate: z.iso.date() });
export const approveBody = z.object({
  reason: z.string().trim().max(5000).optional(),
  /** Link to this directory organization instead of matching or creating one. */
  organizationId: ref('organization').optional(),
  startDate: z.iso.date().optional(),
  directoryOptIn: z.boolean().optional(),
});

export const applicationQuery = z.object({
  status: applicationStatus.optional(),
  category: z.string().max(40).optional(),
  country: countryCode.optional(),
  continent: continent.optional(),
  stakeholderGroup: memberGroup.optional(),
  q: z.string().trim().max(200).optional(),
  /** Only the organization's own (its page in the directory lists them). */
  organization: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

/**
 * The queue's filter without its paging: what "every application matching the filter" means for a bulk
 * action (the queue of one organization, on its directory page, has no bulk actions).
 */
export const applicationFilter = applicationQuery.omit({ page: true, pageSize: true, organization: true });
export type ApplicationFilter = z.output<typeof applicationFilter>;
/** Approve many applications at once: each as the single approval with its defaults (the directory organization matched by name or created). */
export const bulkApproveBody = z.object({
  selection: bulkSelection('application', applicationFilter),
  reason: z.string().trim().max(5000).optional(),
});
/** Reject many applications at once, each with the same reason (the applicant reads it). */
export const bulkRejectBody = z.object({
  selection: bulkSelection('application', applicationFilter),
  reason: z.string().trim().min(1).max(5000),
});

export const applicationDocument = z.object({
  id: z.uuid(),
  docKey: z.string(),
  fileId: z.uuid(),
  filename: z.string(),
  mime: z.string(),
  size: z.number(),
  createdAt: z.date(),
});
export const applicationMessage = z.object({
  id: z.uuid(),
  authorName: z.string(),
  authorRole: authorRole,
  kind: messageKind,
  internal: z.boolean(),
  body: z.string(),
  createdAt: z.date(),
});
export const applicationSummary = z.object({
  id: z.uuid(),
  status: applicationStatus,
  applicantKind: applicantKind,
  categoryKey: z.string(),
  categoryName: localized,
  displayName: z.string(),
  countryCode: z.string().nullable(),
  continent: z.string().nullable(),
  stakeholderGroup: z.string().nullable(),
  submittedAt: z.date().nullable(),
  decidedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export const application = applicationSummary.extend({
  locale: z.string(),
  /** What the applicant filled in (checked by applicationData when saved). */
  data: applicationData.strip(),
  decisionReason: z.string().nullable(),
  membershipId: z.string().nullable(),
  organizationId: z.string().nullable(),
  applicantEmail: z.string().optional(),
  documents: z.array(applicationDocument),
  messages: z.array(applicationMessage),
  requiredDocuments: z.array(z.object({ key: z.string(), label: localized })),
  requiredFields: z.array(z.string()),
  /** What an applicant or the secretariat may do now. */
  actions: z.array(z.string()),
});

// Memberships

export const membership = z.object({
  id: z.uuid(),
  status: membershipStatus,
  statusReason: z.string().nullable(),
  applicantKind: applicantKind,
  categoryKey: z.string(),
  categoryName: localized,
  organizationId: z.string().nullable(),
  personId: z.string().nullable(),
  name: localized,
  countryCode: z.string().nullable(),
  continent: z.string().nullable(),
  stakeholderGroup: z.string(),
  startDate: z.string(),
  renewalDate: z.string(),
  graceUntil: z.string().nullable(),
  directoryOptIn: z.boolean(),
  sector: z.string().nullable(),
});
/** What a change of a membership was about, depending on the action. */
export const historyDetails = z
  .object({
    applicationId: z.string(),
    startDate: z.string(),
    renewalDate: z.string(),
    graceUntil: z.string(),
    days: z.number(),
    line: z.number(),
    file: z.string(),
    demo: z.boolean(),
  })
  .partial();
export type HistoryDetails = z.infer<typeof historyDetails>;
export const historyRow = z.object({
  id: z.number(),
  at: z.date(),
  action: historyAction,
  fromStatus: membershipStatus.nullable(),
  toStatus: membershipStatus.nullable(),
  reason: z.string().nullable(),
  actorId: z.string().nullable(),
  details: historyDetails,
});
export const membershipDetail = membership.extend({
  history: z.array(historyRow),
  /** The day a renewal now would run to (null when the membership cannot be renewed in its status). */
  renewsTo: z.string().nullable(),
});
export const membershipQuery = z.object({
  status: membershipStatus.optional(),
  category: z.string().max(40).optional(),
  country: countryCode.optional(),
  continent: continent.optional(),
  stakeholderGroup: memberGroup.optional(),
  q: z.string().trim().max(200).optional(),
  /** Only the organization's own (its page in the directory lists them). */
  organization: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

// Portal

export const profileBody = z.object({
  description: localizedText(5000).optional(),
  website: optionalUrl,
  sector: z.string().trim().max(200).nullish(),
});
export const directoryBody = z.object({ optIn: z.boolean() });
export const representative = z.object({ userId: z.uuid(), name: z.string(), email: z.string() });
export const portalMembership = membership.extend({
  description: localized,
  website: z.string().nullable(),
  logoFileId: z.string().nullable(),
  representatives: z.array(representative),
  /** Invitations sent by a contact and not answered yet; nothing is granted before the invitee accepts. */
  invitations: z.array(
    z.object({ id: z.uuid(), email: z.string(), name: z.string(), title: z.string().nullable(), createdAt: z.date(), expiresAt: z.date() }),
  ),
});
export const invitationView = z.object({
  status: labelled(['pending', 'accepted', 'declined', 'cancelled', 'expired'], 'membership:invitationStatus'),
  email: z.string(),
  name: z.string(),
  organization: localized,
  invitedBy: z.string().nullable(),
  expiresAt: z.date(),
  membershipId: z.uuid(),
  /** Whether the signed-in account is the invited address (only that account may answer). */
  forYou: z.boolean(),
});
export const invitationAnswer = z.object({ ok: z.literal(true), membershipId: z.uuid() });

// Public directory

export const publicMemberQuery = z.object({
  q: z.string().trim().max(200).optional(),
  country: countryCode.optional(),
  continent: continent.optional(),
  stakeholderGroup: memberGroup.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(24),
});
export const publicMember = z.object({
  id: z.uuid(),
  kind: applicantKind,
  name: localized,
  shortName: z.string().nullable(),
  countryCode: z.string().nullable(),
  continent: z.string().nullable(),
  stakeholderGroup: z.string(),
  categoryName: localized,
  website: z.string().nullable(),
  logoUrl: z.string().nullable(),
  description: localized,
  sector: z.string().nullable(),
  memberSince: z.string(),
});

// Dashboard and goals

export const goalInput = z.object({
  population: z.string().trim().min(1).max(100).default('members'),
  dimension: dimension,
  rule: goalRule,
  target: z.number().min(0).max(100_000),
  value: z.string().trim().max(100).nullish(),
  label: localizedText(300).optional(),
});
export const goalResult = z.object({ met: z.boolean(), current: z.number(), subject: z.string().nullable(), population: z.number() });
export const goal = z.object({
  id: z.uuid(),
  population: z.string(),
  dimension: z.string(),
  rule: z.string(),
  target: z.number(),
  value: z.string().nullable(),
  label: localized,
  result: goalResult.optional(),
});
const bucket = z.object({ key: z.string(), count: z.number(), share: z.number() });
export const dashboard = z.object({
  totalMembers: z.number(),
  byStatus: z.array(bucket),
  byContinent: z.array(bucket),
  byCountry: z.array(bucket),
  byStakeholderGroup: z.array(bucket),
  byCategory: z.array(bucket),
  byYearJoined: z.array(bucket),
  applicationsByStatus: z.array(bucket),
  goals: z.array(goal),
});

export { importReport };

/** The codes this feature answers with, and their HTTP status (the UI translates each: src/web/locales/errors.ts). */
export const membershipErrors = {
  application_incomplete: 400,
  invalid_transition: 409,
  category_key_taken: 409,
  category_in_use: 409,
  already_member: 409,
  not_an_organization: 409,
  already_representative: 409,
  already_invited: 409,
  invitation_closed: 409,
  invitation_other_account: 403,
  last_representative: 409,
  renewal_date_changed: 409,
} as const;
export type MembershipError = keyof typeof membershipErrors;

export const docParams = z.object({ id: z.uuid(), docId: z.uuid() });
export const representativeParams = z.object({ id: z.uuid(), userId: z.uuid() });
export const invitationParams = z.object({ id: z.uuid(), invitationId: z.uuid() });
export const tokenParams = z.object({ token: z.string().min(20).max(100) });
export const goalsQuery = z.object({ population: z.string().max(100).default('members') });
export const started = z.object({ ok: z.literal(true), message: z.string() });
export const membershipActions = ['renew', 'suspend', 'reinstate', 'terminate'] as const;
export type MembershipAction = (typeof membershipActions)[number];

const base = '/api/v1/membership';
/** Finer rules (the applicant, a contact of this organization, the invited address) are the service's. */
const staff = ['secretariat'] as const;

/** A change of a membership's status by the secretariat; suspending and terminating need a reason. */
const statusChange = <B extends z.ZodType>(action: MembershipAction, summary: string, body: B) =>
  endpoint({
    method: 'POST',
    path: `${base}/memberships/:id/${action}`,
    access: staff,
    summary,
    params: idParams,
    body,
    response: { 200: membershipDetail },
  });

export const membershipApi = endpoints('membership', {
  // Categories
  categories: endpoint({
    method: 'GET',
    path: `${base}/categories`,
    access: 'public',
    summary: 'Membership categories open for applications',
    response: { 200: z.array(category) },
  }),
  allCategories: endpoint({
    method: 'GET',
    path: `${base}/admin/categories`,
    access: staff,
    summary: 'All membership categories, inactive ones included',
    response: { 200: z.array(category) },
  }),
  createCategory: endpoint({
    method: 'POST',
    path: `${base}/categories`,
    access: staff,
    summary: 'Create a membership category',
    body: categoryInput,
    response: { 201: category },
  }),
  updateCategory: endpoint({
    method: 'PUT',
    path: `${base}/categories/:id`,
    access: staff,
    summary: 'Change a membership category',
    params: idParams,
    body: categoryInput,
    response: { 200: category },
  }),

  // Applications: the applicant's side
  startApplication: endpoint({
    method: 'POST',
    path: `${base}/applications/start`,
    access: 'public',
    summary:
      'Start an application without signing in: a sign-in link leads to the draft (a new address) or back to the form (an address that has an account)',
    body: startApplicationBody,
    response: { 202: started },
  }),
  createApplication: endpoint({
    method: 'POST',
    path: `${base}/applications`,
    access: 'user',
    summary: 'Create a draft application as the signed-in account',
    body: createApplicationBody,
    response: { 201: application },
  }),
  myApplications: endpoint({
    method: 'GET',
    path: `${base}/applications/mine`,
    access: 'user',
    summary: 'My applications',
    response: { 200: z.array(applicationSummary) },
  }),
  application: endpoint({
    method: 'GET',
    path: `${base}/applications/:id`,
    access: 'user',
    summary: 'An application (the applicant or the secretariat)',
    params: idParams,
    response: { 200: application },
  }),
  updateApplication: endpoint({
    method: 'PUT',
    path: `${base}/applications/:id`,
    access: 'user',
    summary: 'Save the draft (or the answer to a request for information)',
    params: idParams,
    body: updateApplicationBody,
    response: { 200: application },
  }),
  uploadDocument: endpoint({
    method: 'POST',
    path: `${base}/applications/:id/documents`,
    access: 'user',
    summary: 'Upload a document (PDF, PNG, JPEG, DOCX; multipart field "file", field "docKey")',
    params: idParams,
    upload: true,
    response: { 201: applicationDocument },
  }),
  document: endpoint({
    method: 'GET',
    path: `${base}/applications/:id/documents/:docId`,
    access: 'user',
    summary: 'Download a document of an application',
    params: docParams,
    produces: ['application/pdf', 'image/png', 'image/jpeg', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    response: { 200: binary },
  }),
  removeDocument: endpoint({
    method: 'DELETE',
    path: `${base}/applications/:id/documents/:docId`,
    access: 'user',
    summary: 'Remove a document from a draft',
    params: docParams,
    response: { 200: okSchema },
  }),
  submit: endpoint({
    method: 'POST',
    path: `${base}/applications/:id/submit`,
    access: 'user',
    summary: 'Submit (or resubmit after a request for information)',
    params: idParams,
    response: { 200: application },
  }),
  withdraw: endpoint({
    method: 'POST',
    path: `${base}/applications/:id/withdraw`,
    access: 'user',
    summary: 'Withdraw before a decision',
    params: idParams,
    response: { 200: application },
  }),
  postMessage: endpoint({
    method: 'POST',
    path: `${base}/applications/:id/messages`,
    access: 'user',
    summary: 'Write in the thread; the secretariat may mark a comment internal',
    params: idParams,
    body: messageBody,
    response: { 200: application },
  }),

  // Applications: the secretariat's side
  applications: endpoint({
    method: 'GET',
    path: `${base}/applications`,
    access: staff,
    summary: 'The queue of applications, with filters (drafts only by status=draft)',
    query: applicationQuery,
    response: { 200: page(applicationSummary) },
  }),
  requestInfo: endpoint({
    method: 'POST',
    path: `${base}/applications/:id/request-info`,
    access: staff,
    summary: 'Ask the applicant for more information',
    params: idParams,
    body: reasonBody,
    response: { 200: application },
  }),
  approve: endpoint({
    method: 'POST',
    path: `${base}/applications/:id/approve`,
    access: staff,
    summary: "Approve: creates the membership, the directory entries and the representatives' accounts",
    params: idParams,
    body: approveBody,
    response: { 200: application },
  }),
  reject: endpoint({
    method: 'POST',
    path: `${base}/applications/:id/reject`,
    access: staff,
    summary: 'Reject with a reason',
    params: idParams,
    body: reasonBody,
    response: { 200: application },
  }),

  bulkApprove: endpoint({
    method: 'POST',
    path: `${base}/applications/bulk/approve`,
    access: staff,
    summary: 'Approve the selected applications (picked, or every one the queue filter matches), each as a single approval',
    description:
      'Each application is approved in its own transaction with the single approval’s rules, mail and audit entry; the answer has one line per application (done, skipped when already approved, or refused with the code of why), and one more audit entry records the bulk action.',
    body: bulkApproveBody,
    response: { 200: bulkResult },
  }),
  bulkReject: endpoint({
    method: 'POST',
    path: `${base}/applications/bulk/reject`,
    access: staff,
    summary: 'Reject the selected applications with one reason, each as a single rejection',
    body: bulkRejectBody,
    response: { 200: bulkResult },
  }),

  // Memberships (secretariat)
  memberships: endpoint({
    method: 'GET',
    path: `${base}/memberships`,
    access: staff,
    summary: 'Memberships, with filters',
    query: membershipQuery,
    response: { 200: page(membership) },
  }),
  membership: endpoint({
    method: 'GET',
    path: `${base}/memberships/:id`,
    access: staff,
    summary: 'A membership with its full history',
    params: idParams,
    response: { 200: membershipDetail },
  }),
  renew: statusChange('renew', 'Renew a membership (from the renewal date the caller saw)', renewBody),
  suspend: statusChange('suspend', 'Suspend a membership (with a reason)', reasonBody),
  reinstate: statusChange('reinstate', 'Reinstate a membership', optionalReasonBody),
  terminate: statusChange('terminate', 'Terminate a membership (with a reason)', reasonBody),

  // Member portal
  portal: endpoint({
    method: 'GET',
    path: `${base}/portal`,
    access: 'user',
    summary: 'The memberships I keep (as a contact, or as an individual member)',
    response: { 200: z.array(portalMembership) },
  }),
  portalMembership: endpoint({
    method: 'GET',
    path: `${base}/portal/:id`,
    access: 'user',
    summary: 'A membership I keep',
    params: idParams,
    response: { 200: portalMembership },
  }),
  updateProfile: endpoint({
    method: 'PUT',
    path: `${base}/portal/:id/profile`,
    access: 'user',
    summary: 'Edit the public profile: description, website, sector',
    params: idParams,
    body: profileBody,
    response: { 200: portalMembership },
  }),
  setDirectoryOptIn: endpoint({
    method: 'PUT',
    path: `${base}/portal/:id/directory`,
    access: 'user',
    summary: 'Appear in the public member directory, or not',
    params: idParams,
    body: directoryBody,
    response: { 200: portalMembership },
  }),
  uploadLogo: endpoint({
    method: 'PUT',
    path: `${base}/portal/:id/logo`,
    access: 'user',
    summary: 'Upload the logo (PNG, JPEG, WebP, GIF up to 2 MB), multipart field "file"',
    params: idParams,
    upload: true,
    response: { 200: portalMembership },
  }),
  addRepresentative: endpoint({
    method: 'POST',
    path: `${base}/portal/:id/representatives`,
    access: 'user',
    summary: 'Add a representative: staff grant directly; a contact invites, and nothing is granted until the invitee accepts',
    params: idParams,
    body: representativeInput,
    response: { 200: portalMembership },
  }),
  removeRepresentative: endpoint({
    method: 'DELETE',
    path: `${base}/portal/:id/representatives/:userId`,
    access: 'user',
    summary: 'Remove a representative: the role and what granting it created go',
    params: representativeParams,
    response: { 200: portalMembership },
  }),
  resendInvitation: endpoint({
    method: 'POST',
    path: `${base}/portal/:id/invitations/:invitationId/resend`,
    access: 'user',
    summary: 'Send a pending invitation again, with a new link',
    params: invitationParams,
    response: { 200: portalMembership },
  }),
  cancelInvitation: endpoint({
    method: 'DELETE',
    path: `${base}/portal/:id/invitations/:invitationId`,
    access: 'user',
    summary: 'Cancel a pending invitation',
    params: invitationParams,
    response: { 200: portalMembership },
  }),

  // The invitee's side: the link is theirs, and only the invited address answers.
  invitation: endpoint({
    method: 'GET',
    path: `${base}/invitations/:token`,
    access: 'user',
    summary: 'An invitation to represent a member, as its link shows it',
    params: tokenParams,
    response: { 200: invitationView },
  }),
  acceptInvitation: endpoint({
    method: 'POST',
    path: `${base}/invitations/:token/accept`,
    access: 'user',
    summary: 'Accept: become a representative (only as the invited address)',
    params: tokenParams,
    response: { 200: invitationAnswer },
  }),
  declineInvitation: endpoint({
    method: 'POST',
    path: `${base}/invitations/:token/decline`,
    access: 'user',
    summary: 'Decline (only as the invited address)',
    params: tokenParams,
    response: { 200: invitationAnswer },
  }),

  // Public member directory
  members: endpoint({
    method: 'GET',
    path: `${base}/members`,
    access: 'public',
    summary: 'The public member directory: search by name in any script, filter by country, continent, stakeholder group',
    query: publicMemberQuery,
    response: { 200: page(publicMember) },
  }),
  member: endpoint({
    method: 'GET',
    path: `${base}/members/:id`,
    access: 'public',
    summary: "A member's public page",
    params: idParams,
    response: { 200: publicMember },
  }),

  // Representation dashboard and goals
  dashboard: endpoint({
    method: 'GET',
    path: `${base}/dashboard`,
    access: staff,
    summary:
      'Representation of members (by continent, country, stakeholder group, category, year joined), applications by status, goals met or not',
    response: { 200: dashboard },
  }),
  dashboardExport: endpoint({
    method: 'GET',
    path: `${base}/dashboard/export`,
    access: staff,
    summary: 'The dashboard as CSV (UTF-8 with BOM) or XLSX',
    query: formatQuery,
    produces: sheetTypes,
    response: { 200: binary },
  }),
  goals: endpoint({
    method: 'GET',
    path: `${base}/goals`,
    access: staff,
    summary: 'Representation goals of a population; for members, with the current figure and met / not met',
    query: goalsQuery,
    response: { 200: z.array(goal) },
  }),
  createGoal: endpoint({
    method: 'POST',
    path: `${base}/goals`,
    access: staff,
    summary: 'Set a representation goal',
    body: goalInput,
    response: { 201: goal },
  }),
  updateGoal: endpoint({
    method: 'PUT',
    path: `${base}/goals/:id`,
    access: staff,
    params: idParams,
    body: goalInput,
    response: { 200: goal },
  }),
  deleteGoal: endpoint({ method: 'DELETE', path: `${base}/goals/:id`, access: staff, params: idParams, response: { 200: okSchema } }),

  // Bulk import
  import: endpoint({
    method: 'POST',
    path: `${base}/import`,
    access: staff,
    summary:
      'Import existing members from CSV or XLSX. With dryRun (the default) nothing is written; otherwise all rows are written, or none if any is bad.',
    query: importQuery,
    upload: true,
    response: { 200: importReport },
  }),
});

/** The membership's pages. */
export const membershipPages = {
  members: publicPage('/members'),
  member: publicPage('/members/:id'),
  apply: publicPage('/membership/apply'),
  myApplications: accountPage('/my/applications'),
  myApplication: accountPage('/my/applications/:id'),
  portal: accountPage('/my/membership'),
  invitation: accountPage('/my/membership/invitation'),
  applications: staffPage('/membership/applications'),
  application: staffPage('/membership/applications/:id'),
  memberships: staffPage('/membership/members'),
  dashboard: staffPage('/membership/dashboard'),
  categories: staffPage('/membership/categories'),
};
