import { z } from 'zod';
import { ref } from '../../platform/http/ref.js';
import { localeSchema, localizedText, requiredLocalizedText } from '../../platform/i18n/text.js';
import { continents, countryCode, stakeholderGroups } from '../directory/contract.js';
import { dimensions, goalRules } from './representation.js';

export const applicationStatuses = ['draft', 'submitted', 'info_requested', 'approved', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];
export const membershipStatuses = ['active', 'grace', 'lapsed', 'suspended', 'terminated'] as const;
export type MembershipStatus = (typeof membershipStatuses)[number];
export const applicantKinds = ['organization', 'individual'] as const;
/** Stakeholder groups of members: the directory's, plus individuals. */
export const memberGroups = [...stakeholderGroups, 'individual'] as const;

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
  applicantKind: z.enum(applicantKinds),
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
  applicantKind: z.string(),
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
  gender: z.enum(['female', 'male', 'other', 'undisclosed']).nullish(),
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
        stakeholderGroup: z.enum(stakeholderGroups).nullish(),
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
        gender: z.enum(['female', 'male', 'other', 'undisclosed']).nullish(),
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
export const approveBody = z.object({
  reason: z.string().trim().max(5000).optional(),
  /** Link to this directory organization instead of matching or creating one. */
  organizationId: ref('organization').optional(),
  startDate: z.iso.date().optional(),
  directoryOptIn: z.boolean().optional(),
});

export const applicationQuery = z.object({
  status: z.enum(applicationStatuses).optional(),
  category: z.string().max(40).optional(),
  country: countryCode.optional(),
  continent: z.enum(continents).optional(),
  stakeholderGroup: z.enum(memberGroups).optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
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
  authorRole: z.string(),
  kind: z.string(),
  internal: z.boolean(),
  body: z.string(),
  createdAt: z.date(),
});
export const applicationSummary = z.object({
  id: z.uuid(),
  status: z.enum(applicationStatuses),
  applicantKind: z.string(),
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
  data: z.record(z.string(), z.unknown()),
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
  status: z.enum(membershipStatuses),
  statusReason: z.string().nullable(),
  applicantKind: z.string(),
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
export const historyRow = z.object({
  id: z.number(),
  at: z.date(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  reason: z.string().nullable(),
  actorId: z.string().nullable(),
  details: z.unknown(),
});
export const membershipDetail = membership.extend({ history: z.array(historyRow) });
export const membershipQuery = z.object({
  status: z.enum(membershipStatuses).optional(),
  category: z.string().max(40).optional(),
  country: countryCode.optional(),
  continent: z.enum(continents).optional(),
  stakeholderGroup: z.enum(memberGroups).optional(),
  q: z.string().trim().max(200).optional(),
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
  status: z.enum(['pending', 'accepted', 'declined', 'cancelled', 'expired']),
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
  continent: z.enum(continents).optional(),
  stakeholderGroup: z.enum(memberGroups).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(24),
});
export const publicMember = z.object({
  id: z.uuid(),
  kind: z.string(),
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
  dimension: z.enum(dimensions),
  rule: z.enum(goalRules),
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

export const importReport = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  written: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string() })),
});

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
} as const;
export type MembershipError = keyof typeof membershipErrors;
