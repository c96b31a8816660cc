import { z } from 'zod';
import { publicPage, staffPage } from '../../platform/http/links.js';
import { binary, endpoint, endpoints, idParams, labelled, okSchema, page } from '../../platform/http/contract.js';
import { ref } from '../../platform/http/ref.js';
import { localeSchema, localizedText, requiredLocalizedText } from '../../platform/i18n/text.js';
import { endorsementKinds } from '../groups/contract.js';

export const publicationKinds = [
  'report',
  'consensus',
  'initiative',
  'proposal',
  'blue-book',
  'outlook',
  'case-collection',
  'concept',
] as const;
export type PublicationKind = (typeof publicationKinds)[number];
const publicationKind = labelled(publicationKinds, 'library:kind');
export const publicationStatuses = ['draft', 'published'] as const;
export type PublicationStatus = (typeof publicationStatuses)[number];
export const authorKinds = ['group', 'organization', 'person'] as const;
export type AuthorKind = (typeof authorKinds)[number];
/** How an endorser of a group's document stood behind it (frozen at publication). */
export type EndorserKind = (typeof endorsementKinds)[number];
const publicationStatus = labelled(publicationStatuses, 'library:status');
/** What a publication's file is, as readers choose it (from the sniffed type, never the name). */
export const fileFormats = ['pdf', 'docx', 'zip', 'image'] as const;
export type FileFormat = (typeof fileFormats)[number];
const authorKind = labelled(authorKinds, 'library:authorKind');
const loc = z.record(z.string(), z.string());
const tag = z.string().trim().toLowerCase().min(1).max(40);

/** An author: a group, organization or person of the platform (refId), or just a name. */
const author = <K extends AuthorKind>(kind: K) =>
  z.object({ kind: z.literal(kind), refId: ref(kind).nullish(), name: requiredLocalizedText(300) });
export const authorInput = z.discriminatedUnion('kind', [author('group'), author('organization'), author('person')]);
export const publicationInput = z.object({
  kind: publicationKind,
  year: z.number().int().min(1990).max(2100),
  title: requiredLocalizedText(500),
  abstract: localizedText(10_000).optional(),
  tags: z.array(tag).max(30).default([]),
  edition: z.string().trim().max(20).nullish(),
  supersedesId: ref('publication').nullish(),
  authors: z.array(authorInput).max(100).default([]),
  status: publicationStatus.default('published'),
});
export type PublicationInput = z.infer<typeof publicationInput>;

export const listQuery = z.object({
  kind: publicationKind.optional(),
  year: z.coerce.number().int().min(1900).max(2200).optional(),
  lang: localeSchema.optional(),
  group: z.uuid().optional(),
  tag: tag.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(24),
});
export type ListQuery = z.infer<typeof listQuery>;

const editionLink = z.object({ id: z.uuid(), title: loc, edition: z.string().nullable(), year: z.number().int() });
/** A publication as lists and its page show it. Public lists hold current editions only: one no later edition supersedes. */
export const publication = z.object({
  id: z.uuid(),
  kind: publicationKind,
  year: z.number().int(),
  title: loc,
  abstract: loc,
  tags: z.array(z.string()),
  languages: z.array(localeSchema),
  edition: z.string().nullable(),
  coverUrl: z.string().nullable(),
  authors: z.array(z.object({ kind: authorKind, refId: z.uuid().nullable(), name: loc })),
  /** One file per language; `downloads` counts the downloads through `url` (the file route), `size` is in bytes. */
  files: z.array(
    z.object({
      lang: localeSchema,
      url: z.string(),
      name: z.string(),
      format: labelled(fileFormats, 'library:format'),
      size: z.number(),
      downloads: z.number().int(),
    }),
  ),
  /** The downloads of all its files. */
  downloads: z.number().int(),
  supersedes: editionLink.nullable(),
  supersededBy: editionLink.nullable(),
  /** How many earlier editions stand behind this one (the chain of `supersedes`). */
  earlierEditions: z.number().int(),
  sourceDocumentId: z.uuid().nullable(),
  endorsers: z.array(
    z.object({
      name: loc,
      countryCode: z.string().nullable(),
      stakeholderGroup: z.string(),
      kind: labelled(endorsementKinds, 'documents:endorsementKind'),
    }),
  ),
  status: publicationStatus,
});
/** A publication's page: also every edition of it, newest first, this one included; `current` marks the edition in force. */
export const publicationDetail = publication.extend({
  editions: z.array(editionLink.extend({ current: z.boolean() })),
});
export const facets = z.object({
  kinds: z.record(z.string(), z.number()),
  years: z.record(z.string(), z.number()),
  tags: z.record(z.string(), z.number()),
  groups: z.array(z.object({ id: z.uuid(), name: loc, count: z.number() })),
});
export const fileParams = z.object({ id: z.uuid(), lang: localeSchema });
export const uploaded = z.object({ fileId: z.uuid() });

/** The codes this feature answers with, and their HTTP status (the UI translates each: src/web/locales/errors.ts). */
export const libraryErrors = {
  publication_superseded: 409,
} as const;
export type LibraryError = keyof typeof libraryErrors;

const read = 'public';
const keep = ['secretariat'] as const;

/** The library's API. It is public to read; the secretariat keeps it (groups' editors publish through the groups feature). */
export const libraryApi = endpoints('library', {
  list: endpoint({
    method: 'GET',
    path: '/api/v1/library',
    access: read,
    summary: 'Browse publications (current editions); filter by kind, year, language, group and tag',
    query: listQuery,
    response: { 200: page(publication) },
  }),
  facets: endpoint({
    method: 'GET',
    path: '/api/v1/library/facets',
    access: read,
    summary: 'Counts by kind, year, tag and group for the filters (current editions)',
    response: { 200: facets },
  }),
  manage: endpoint({
    method: 'GET',
    path: '/api/v1/library/manage',
    access: keep,
    summary: 'All publications, drafts and earlier editions included (secretariat)',
    query: listQuery,
    response: { 200: page(publication) },
  }),
  get: endpoint({ method: 'GET', path: '/api/v1/library/:id', access: read, params: idParams, response: { 200: publicationDetail } }),
  create: endpoint({ method: 'POST', path: '/api/v1/library', access: keep, body: publicationInput, response: { 201: publicationDetail } }),
  update: endpoint({
    method: 'PUT',
    path: '/api/v1/library/:id',
    access: keep,
    params: idParams,
    body: publicationInput,
    response: { 200: publicationDetail },
  }),
  remove: endpoint({ method: 'DELETE', path: '/api/v1/library/:id', access: keep, params: idParams, response: { 200: okSchema } }),
  uploadFile: endpoint({
    method: 'PUT',
    path: '/api/v1/library/:id/files/:lang',
    access: keep,
    summary: 'Upload the file of one language (PDF, DOCX, ZIP), multipart field "file"',
    params: fileParams,
    upload: true,
    response: { 200: uploaded },
  }),
  uploadCover: endpoint({
    method: 'PUT',
    path: '/api/v1/library/:id/cover',
    access: keep,
    summary: 'Upload the cover image, multipart field "file"',
    params: idParams,
    upload: true,
    response: { 200: uploaded },
  }),
  cover: endpoint({
    method: 'GET',
    path: '/api/v1/library/:id/cover',
    access: read,
    summary: 'The cover image',
    params: idParams,
    produces: ['image/png', 'image/jpeg', 'image/webp'],
    response: { 200: binary },
  }),
  file: endpoint({
    method: 'GET',
    path: '/api/v1/library/:id/files/:lang',
    access: read,
    summary: 'Download the file of one language: a GET of a published publication counts one download, a HEAD none',
    params: fileParams,
    produces: ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/zip'],
    response: { 200: binary },
  }),
});

/** The library's pages. */
export const libraryPages = {
  library: publicPage('/library'),
  publication: publicPage('/library/:id'),
  adminLibrary: staffPage('/library'),
};
