import { z } from 'zod';
import { staffPage } from '../../platform/http/links.js';
import {
  binary,
  endpoint,
  endpoints,
  exportFormat,
  idParams,
  importQuery,
  labelled,
  okSchema,
  page,
} from '../../platform/http/contract.js';
import { ref } from '../../platform/http/ref.js';
import { localizedText, requiredLocalizedText } from '../../platform/i18n/text.js';
import { trailEntry } from '../admin/contract.js';

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
export const stakeholderGroup = labelled(stakeholderGroups, 'shell:stakeholders');
export const continent = labelled(continents, 'shell:continents');
export const gender = labelled(genders, 'shell:genders');

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
  stakeholderGroup,
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
  gender: gender.nullish(),
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
  continent: continent.optional(),
  stakeholderGroup: stakeholderGroup.optional(),
  sort: labelled(['name', 'country', 'created'], 'directory:sort').default('name'),
  order: labelled(['asc', 'desc'], 'directory:order').default('asc'),
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

/** An organization as the secretariat reads it on its own page: its profile, its people (past ones too) and its history. */
export const organizationRecord = z.object({
  organization,
  people: z.array(
    z.object({
      personId: z.uuid(),
      name: z.string(),
      nameLatin: z.string().nullable(),
      email: z.string().nullable(),
      countryCode: z.string().nullable(),
      title: localized,
      startDate: z.string().nullable(),
      endDate: z.string().nullable(),
      /** Affiliated today (no end date, or one not yet past). */
      current: z.boolean(),
    }),
  ),
  history: z.array(trailEntry),
});

export const importReport = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  written: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string() })),
});

export const importParams = z.object({ kind: labelled(['organizations', 'people'], 'directory:nav') });
export const exportQuery = listQuery
  .omit({ page: true, pageSize: true, sort: true, order: true })
  .extend({ format: exportFormat.default('csv') });
export type ExportQuery = z.infer<typeof exportQuery>;
export const sheetTypes = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] as const;
export const imageTypes = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;

/** The directory is kept by the secretariat; features that show parts of it publicly do so through their own presenters. */
const keep = ['secretariat'] as const;
const base = '/api/v1/directory';

export const directoryApi = endpoints('directory', {
  countries: endpoint({
    method: 'GET',
    path: '/api/v1/countries',
    access: 'public',
    summary: 'Countries with continent and UN M49 region, named in three languages',
    response: { 200: z.array(country) },
  }),
  organizations: endpoint({
    method: 'GET',
    path: `${base}/organizations`,
    access: keep,
    summary: 'Search and list organizations',
    query: listQuery,
    response: { 200: page(organization) },
  }),
  createOrganization: endpoint({
    method: 'POST',
    path: `${base}/organizations`,
    access: keep,
    summary: 'Create an organization',
    body: organizationInput,
    response: { 201: organization },
  }),
  organization: endpoint({
    method: 'GET',
    path: `${base}/organizations/:id`,
    access: keep,
    params: idParams,
    response: { 200: organization },
  }),
  organizationRecord: endpoint({
    method: 'GET',
    path: `${base}/organizations/:id/record`,
    access: keep,
    summary: "An organization's page: profile, people and history (memberships, registrations and groups come from their features)",
    params: idParams,
    response: { 200: organizationRecord },
  }),
  updateOrganization: endpoint({
    method: 'PUT',
    path: `${base}/organizations/:id`,
    access: keep,
    params: idParams,
    body: organizationInput,
    response: { 200: organization },
  }),
  deleteOrganization: endpoint({
    method: 'DELETE',
    path: `${base}/organizations/:id`,
    access: keep,
    params: idParams,
    response: { 200: okSchema },
  }),
  uploadLogo: endpoint({
    method: 'PUT',
    path: `${base}/organizations/:id/logo`,
    access: keep,
    summary: 'Upload a logo (PNG, JPEG, WebP, GIF), multipart field "file"',
    params: idParams,
    upload: true,
    response: { 200: z.object({ fileId: z.uuid() }) },
  }),
  // Logos are public: an organization's logo is shown wherever the organization is.
  logo: endpoint({
    method: 'GET',
    path: '/api/v1/files/logos/:id',
    access: 'public',
    summary: "An organization's logo",
    params: idParams,
    produces: imageTypes,
    response: { 200: binary },
  }),
  people: endpoint({
    method: 'GET',
    path: `${base}/people`,
    access: keep,
    summary: 'Search and list people',
    query: listQuery,
    response: { 200: page(person) },
  }),
  createPerson: endpoint({ method: 'POST', path: `${base}/people`, access: keep, body: personInput, response: { 201: person } }),
  person: endpoint({ method: 'GET', path: `${base}/people/:id`, access: keep, params: idParams, response: { 200: person } }),
  updatePerson: endpoint({
    method: 'PUT',
    path: `${base}/people/:id`,
    access: keep,
    params: idParams,
    body: personInput,
    response: { 200: person },
  }),
  deletePerson: endpoint({ method: 'DELETE', path: `${base}/people/:id`, access: keep, params: idParams, response: { 200: okSchema } }),
  import: endpoint({
    method: 'POST',
    path: `${base}/import/:kind`,
    access: keep,
    summary:
      'Import organizations or people from CSV or XLSX. With dryRun (the default) nothing is written; otherwise all rows are written, or none if any is bad.',
    params: importParams,
    query: importQuery,
    upload: true,
    response: { 200: importReport },
  }),
  exportOrganizations: endpoint({
    method: 'GET',
    path: `${base}/export/organizations`,
    access: keep,
    summary: 'Organizations as CSV (UTF-8 with BOM) or XLSX',
    query: exportQuery,
    produces: sheetTypes,
    response: { 200: binary },
  }),
  exportPeople: endpoint({
    method: 'GET',
    path: `${base}/export/people`,
    access: keep,
    summary: 'People as CSV (UTF-8 with BOM) or XLSX',
    query: exportQuery,
    produces: sheetTypes,
    response: { 200: binary },
  }),
});

/** The directory's pages. */
export const directoryPages = {
  organizations: staffPage('/directory/organizations'),
  organization: staffPage('/directory/organizations/:id'),
  people: staffPage('/directory/people'),
};
