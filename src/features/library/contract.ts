import { z } from 'zod';
import { ref } from '../../platform/http/ref.js';
import { localeSchema, localizedText, requiredLocalizedText } from '../../platform/i18n/index.js';

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
const loc = z.record(z.string(), z.string());
const tag = z.string().trim().toLowerCase().min(1).max(40);

/** An author: a group, organization or person of the platform (refId), or just a name. */
const author = <K extends 'group' | 'organization' | 'person'>(kind: K) =>
  z.object({ kind: z.literal(kind), refId: ref(kind).nullish(), name: requiredLocalizedText(300) });
export const authorInput = z.discriminatedUnion('kind', [author('group'), author('organization'), author('person')]);
export const publicationInput = z.object({
  kind: z.enum(publicationKinds),
  year: z.number().int().min(1990).max(2100),
  title: requiredLocalizedText(500),
  abstract: localizedText(10_000).optional(),
  tags: z.array(tag).max(30).default([]),
  edition: z.string().trim().max(20).nullish(),
  supersedesId: ref('publication').nullish(),
  authors: z.array(authorInput).max(100).default([]),
  status: z.enum(['draft', 'published']).default('published'),
});
export type PublicationInput = z.infer<typeof publicationInput>;

export const listQuery = z.object({
  kind: z.enum(publicationKinds).optional(),
  year: z.coerce.number().int().min(1900).max(2200).optional(),
  lang: localeSchema.optional(),
  group: z.uuid().optional(),
  tag: tag.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(24),
});
export type ListQuery = z.infer<typeof listQuery>;

const editionLink = z.object({ id: z.uuid(), title: loc, edition: z.string().nullable(), year: z.number().int() });
export const publication = z.object({
  id: z.uuid(),
  kind: z.enum(publicationKinds),
  year: z.number().int(),
  title: loc,
  abstract: loc,
  tags: z.array(z.string()),
  languages: z.array(z.string()),
  edition: z.string().nullable(),
  coverUrl: z.string().nullable(),
  authors: z.array(z.object({ kind: z.string(), refId: z.uuid().nullable(), name: loc })),
  files: z.array(z.object({ lang: z.string(), url: z.string(), name: z.string(), size: z.number(), downloads: z.number().int() })),
  downloads: z.number().int(),
  supersedes: editionLink.nullable(),
  supersededBy: editionLink.nullable(),
  sourceDocumentId: z.uuid().nullable(),
  endorsers: z.array(z.object({ name: loc, countryCode: z.string().nullable(), stakeholderGroup: z.string(), kind: z.string() })),
  status: z.enum(['draft', 'published']),
});
export const facets = z.object({
  kinds: z.record(z.string(), z.number()),
  years: z.record(z.string(), z.number()),
  tags: z.record(z.string(), z.number()),
  groups: z.array(z.object({ id: z.uuid(), name: loc, count: z.number() })),
});
export const fileParams = z.object({ id: z.uuid(), lang: localeSchema });

/** The codes this feature answers with, and their HTTP status (the UI translates each: src/web/locales/errors.ts). */
export const libraryErrors = {
  publication_superseded: 409,
} as const;
export type LibraryError = keyof typeof libraryErrors;
