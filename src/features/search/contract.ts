import { z } from 'zod';
import { endpoint, endpoints, labelled } from '../../platform/http/contract.js';
import { localeSchema } from '../../platform/i18n/text.js';

/** What the features put in the search index (platform/search SearchDoc.kind). */
export const searchKinds = ['event', 'session', 'member', 'case', 'publication', 'group', 'document'] as const;
export type SearchKind = (typeof searchKinds)[number];
const searchKind = labelled(searchKinds, 'portal:kinds');

export const searchQuery = z.object({
  q: z.string().max(200).optional().default(''),
  /** One kind, or several separated by commas: event,session. */
  kind: z
    .string()
    .max(200)
    .regex(/^[a-z0-9-]+(,[a-z0-9-]+)*$/, 'kinds are lower-case words separated by commas')
    .optional(),
  year: z.coerce.number().int().min(1900).max(2200).optional(),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code, e.g. CN')
    .optional(),
  lang: localeSchema.optional(),
  /** The language of titles and snippets. */
  locale: localeSchema.default('en'),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQueryInput = z.infer<typeof searchQuery>;

export const segment = z.object({ text: z.string(), mark: z.literal(true).optional() });

export const searchHit = z.object({
  kind: searchKind,
  id: z.string(),
  url: z.string(),
  year: z.number().int().nullable(),
  countryCode: z.string().nullable(),
  langs: z.array(z.string()),
  title: z.array(segment),
  titleText: z.string(),
  snippet: z.array(segment),
  converted: z.boolean(),
});
export type SearchHit = z.infer<typeof searchHit>;

export const searchResult = z.object({
  items: z.array(searchHit),
  /** Matches, or the cap when there are more (then totalCapped is true: show it as "10,000+"). */
  total: z.number().int(),
  totalCapped: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
  kinds: z.array(z.object({ kind: searchKind, count: z.number().int() })),
  years: z.array(z.object({ year: z.number().int(), count: z.number().int() })),
  countries: z.array(z.object({ countryCode: z.string(), count: z.number().int() })),
  /** True when the counts per kind, year and country come from the first matches up to the cap only (each a lower bound). */
  facetsCapped: z.boolean(),
});
export type SearchResult = z.infer<typeof searchResult>;

export const searchApi = endpoints('search', {
  search: endpoint({
    method: 'GET',
    path: '/api/v1/search',
    access: 'public',
    summary: 'Search everything the caller may see (events, sessions, members, cases, publications, groups, documents)',
    description:
      'Chinese in either script matches both; English words are stemmed; names tolerate small typos. Counts per kind ignore the kind filter.',
    query: searchQuery,
    response: { 200: searchResult },
  }),
});
