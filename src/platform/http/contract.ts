import { z } from 'zod';
import type { Access } from '../auth/access.js';
import { ref } from './ref.js';

/**
 * The shape of the API, shared by the server and the browser: each feature's
 * contract.ts lists its endpoints with endpoint(); the server serves them with
 * route() (platform/http/route.ts), the web app calls them with call() and
 * query() (web/api.ts). Browser-safe: imports nothing but zod and types.
 */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * How often one client (one IP address) may call: `max` requests per `perSeconds`,
 * counted in `bucket`, which several routes may share (e.g. an API route and the
 * server-rendered page that shows the same answer). Over it: 429 `rate_limited`.
 */
export interface RateLimit {
  bucket: string;
  max: number;
  perSeconds: number;
}

export interface Endpoint {
  method: Method;
  /** Fastify path, parameters as `:name`. */
  path: string;
  /** Who may call it (see platform/auth/access.ts); finer checks live in the feature's service. */
  access: Access;
  summary?: string;
  /** Longer notes for the API documentation. */
  description?: string;
  /** Left out of the API documentation (server-rendered pages, sitemap, robots.txt, a page link). */
  hidden?: boolean;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The answer for each success status. */
  response: Partial<Record<200 | 201 | 202 | 204, z.ZodType>>;
  /** Media types of an answer that is not JSON (a file, a calendar, a feed). */
  produces?: readonly string[];
  /** Takes a multipart/form-data upload with one "file" field (and `fields`). */
  upload?: boolean;
  /** Limits how often one client may call (platform/http/rate-limit.ts). */
  rateLimit?: RateLimit;
}

/** Declares one endpoint; `const` keeps its literal path and method for the types. */
export const endpoint = <const E extends Endpoint>(e: E): E => e;

/** A feature's endpoints, tagged with the feature's name for the API documentation. */
export const endpoints = <const T extends Record<string, Endpoint>>(tag: string, list: T): { [K in keyof T]: T[K] & { tag: string } } =>
  Object.fromEntries(Object.entries(list).map(([k, e]) => [k, { ...e, tag }])) as never;

/**
 * A closed set of values people see (a status, a kind, a role), with where its
 * labels live: `labels` is an i18n key whose children are the values, e.g.
 * 'library:kind' → t('library:kind.report'). src/web/labels.unit.test.ts fails
 * on a set without labels or a value without a label in a UI language.
 */
export const labelled = <const T extends readonly [string, ...string[]]>(values: T, labels: string) =>
  z.enum(values).meta({ 'x-labels': labels });

/** The file format of an export. */
export const exportFormat = labelled(['csv', 'xlsx'], 'shell:formats');
export const formatQuery = z.object({ format: exportFormat.default('csv') });
/** With dryRun (the default) an import only reports what it would write. */
export const importQuery = z.object({
  dryRun: labelled(['true', 'false'], 'shell:dryRun')
    .default('true')
    .transform((v) => v === 'true'),
});

/** A non-JSON answer: the bytes of a file, a calendar or a feed. */
export const binary = z.string().meta({ format: 'binary', description: 'The file' });

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
};

export const idParams = z.object({ id: z.uuid() });

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const okSchema = z.object({ ok: z.literal(true) });

/** At most this many records in one bulk action (each is its own transaction; the answer lists every one). */
export const bulkLimit = 1000;

/**
 * What a bulk action acts on: the ids picked in a list (references of `kind`, so each is checked for the
 * caller's right before anything runs), or every record that the list's own `filter` matches, with the
 * count the person saw and confirmed; when the filter matches another number by then, the server refuses
 * with selection_changed instead of acting on more (or fewer) than was confirmed.
 */
export const bulkSelection = <F extends z.ZodType>(kind: string, filter: F) =>
  z.union([
    z.strictObject({ ids: z.array(ref(kind)).min(1).max(bulkLimit) }),
    z.strictObject({ filter, count: z.number().int().min(1).max(bulkLimit) }),
  ]);
export type BulkSelection<F> = { ids: string[] } | { filter: F; count: number };

/** What became of one record of a bulk action: done, skipped (nothing to do), or refused (with the code of why). */
export const bulkOutcomes = ['done', 'skipped', 'refused'] as const;
export type BulkOutcome = (typeof bulkOutcomes)[number];
export const bulkItem = z.object({
  id: z.uuid(),
  /** The record as the list names it (a person, an applicant, an entry's code); empty for an id outside the list. */
  name: z.string(),
  outcome: labelled(bulkOutcomes, 'shell:bulk.outcomes'),
  /** Why it was refused: an error code of the single action (its catalogue's), e.g. not_pending or not_found. */
  code: z.string().nullable(),
});
/** The answer of every bulk action: one line per record, in the order of the selection, and the counts. */
export const bulkResult = z.object({
  total: z.number().int(),
  done: z.number().int(),
  skipped: z.number().int(),
  refused: z.number().int(),
  items: z.array(bulkItem),
});
export type BulkResult = z.output<typeof bulkResult>;

type SuccessSchema<E extends Endpoint> = E['response'][keyof E['response'] & (200 | 201 | 202 | 204)];

/** What the server's handler returns (before the response schema serializes it). */
export type Result<E extends Endpoint> = SuccessSchema<E> extends z.ZodType ? z.input<SuccessSchema<E>> : never;

/** A value as it arrives in the browser: dates become ISO strings. */
export type Json<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

/** What the browser receives. */
export type Reply<E extends Endpoint> = SuccessSchema<E> extends z.ZodType ? Json<z.output<SuccessSchema<E>>> : never;

/** What the browser sends: path parameters, query (every field optional) and body, each only where the endpoint has one. */
export type Input<E extends Endpoint> = (E['params'] extends z.ZodType ? { params: z.input<E['params']> } : { params?: never }) &
  (E['query'] extends z.ZodType ? { query?: Partial<z.output<E['query']>> } : { query?: never }) &
  (E['body'] extends z.ZodType ? { body: z.input<E['body']> } : { body?: never });

/** Fills `:name` parameters into the path. */
export const pathOf = (path: string, params: Record<string, unknown> = {}) =>
  path.replace(/:(\w+)/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined || v === null || v === '') throw new Error(`Missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(v));
  });

/** A query string, leaving out empty values. */
export const queryString = (params: Record<string, unknown> = {}) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    for (const one of Array.isArray(v) ? v : [v]) s.append(k, String(one));
  }
  const out = s.toString();
  return out ? `?${out}` : '';
};

/** The URL of a GET endpoint, for links and downloads (e.g. an .ics or an export). */
export const urlOf = <E extends Endpoint>(e: E, input: { params?: Record<string, unknown>; query?: Record<string, unknown> } = {}) =>
  pathOf(e.path, input.params) + queryString(input.query);
