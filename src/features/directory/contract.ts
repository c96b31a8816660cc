import { z } from 'zod';
import { ref } from '../../platform/http/ref.js';
import { localizedText, requiredLocalizedText } from '../../platform/i18n/text.js';

export const stakeholderGroups = [
  'government',
  'international-organization',
  'business',
  'technical-community',
  'civil-society',
  'academia',
] as const;
export const continents = ['africa', 'asia', 'europe', 'north-america', 'south-america', 'oceania', 'antarctica'] as const;
export const genders = ['female', 'male', 'other', 'undisclosed'] as const;

export const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code, e.g. CN');
const url = z
  .string()
  .trim()
  .max(500)
  .regex(/^https?:\/\/[^\s]+$/i, 'must start with http:// or https://');

export const organizationInput = z.object({
  name: requiredLocalizedText(300),
  shortName: z.string().trim().max(50).nullish(),
  countryCode,
  stakeholderGroup: z.enum(stakeholderGroups),
  website: url.nullish().or(z.literal('').transform(() => null)),
  description: localizedText(5000).optional(),
});
export type OrganizationInput = z.infer<typeof organizationInput>;

const isoDate = z.iso.date();
export const affiliationInput = z.object({
  organizationId: ref('organization'),
  title: localizedText(200).optional(),
  startDate: isoDate.nullish(),
  endDate: isoDate.nullish(),
});

export const personInput = z.object({
  name: z.string().trim().min(1).max(200),
  nameLatin: z.string().trim().max(200).nullish(),
  countryCode: countryCode.nullish(),
  gender: z.enum(genders).nullish(),
  email: z
    .email()
    .max(254)
    .nullish()
    .or(z.literal('').transform(() => null)),
  phone: z
    .string()
    .trim()
    .max(50)
    .regex(/^[+0-9 ()\-.]*$/, 'may hold digits, spaces, + - ( ) and . only')
    .nullish(),
  affiliations: z.array(affiliationInput).max(50).optional(),
});
export type PersonInput = z.infer<typeof personInput>;

export const listQuery = z.object({
  q: z.string().trim().max(200).optional(),
  country: countryCode.optional(),
  continent: z.enum(continents).optional(),
  stakeholderGroup: z.enum(stakeholderGroups).optional(),
  sort: z.enum(['name', 'country', 'created']).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type ListQuery = z.infer<typeof listQuery>;

export const localized = z.record(z.string(), z.string());
export const country = z.object({
  code: z.string(),
  alpha3: z.string(),
  m49: z.string(),
  continent: z.string(),
  region: z.string(),
  subregion: z.string(),
  name: localized,
});

export const organization = z.object({
  id: z.uuid(),
  name: localized,
  shortName: z.string().nullable(),
  countryCode: z.string(),
  continent: z.string(),
  stakeholderGroup: z.string(),
  website: z.string().nullable(),
  logoFileId: z.string().nullable(),
  description: localized,
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const person = z.object({
  id: z.uuid(),
  name: z.string(),
  nameLatin: z.string().nullable(),
  countryCode: z.string().nullable(),
  continent: z.string().nullable(),
  gender: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  affiliations: z.array(
    z.object({
      id: z.uuid(),
      organizationId: z.uuid(),
      organizationName: localized,
      title: localized,
      startDate: z.string().nullable(),
      endDate: z.string().nullable(),
    }),
  ),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const importReport = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  written: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string() })),
});
