import { z } from 'zod';
import { publicPage } from '../../platform/http/links.js';
import { binary, endpoint, endpoints, idParams, labelled, okSchema } from '../../platform/http/contract.js';
import { ref } from '../../platform/http/ref.js';
import { localeSchema } from '../../platform/i18n/text.js';
import { callKind, fieldTypes } from '../calls/contract.js';

/** The codes this feature answers with, and their HTTP status (the UI translates each: src/web/locales/errors.ts). */
export const showcaseErrors = {
  not_selected: 409,
  cjk_font_missing: 503,
} as const;
export type ShowcaseError = keyof typeof showcaseErrors;

export const showcaseFilters = z.object({
  locale: localeSchema.optional(),
  kind: callKind.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  callId: z.uuid().optional(),
  field: z.string().max(100).optional(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .transform((s) => s.toUpperCase())
    .optional(),
});
export type ShowcaseFilters = z.infer<typeof showcaseFilters>;
const localeQuery = z.object({ locale: localeSchema.optional() });

/** A text in the asked language: which language it is in, and whether it was converted from the other Chinese script. */
const shown = z.object({ text: z.string(), lang: localeSchema.nullable(), converted: z.boolean() });

export const showcaseEntry = z.object({
  id: z.uuid(),
  code: z.string(),
  callId: z.uuid(),
  kind: callKind,
  year: z.number().int(),
  callTitle: z.string(),
  title: shown,
  category: z.string().nullable(),
  categoryLabel: z.string().nullable(),
  countryCode: z.string().nullable(),
  country: z.string().nullable(),
  /** The languages it was written in. */
  languages: z.array(z.string()),
  /** The languages it can be read in: the originals plus the other Chinese script by conversion. */
  available: z.array(z.string()),
  /** Its public answers. */
  fields: z.array(z.object({ key: z.string(), type: labelled(fieldTypes, 'calls:fieldTypes'), label: z.string(), ...shown.shape })),
  url: z.string(),
});

export const showcaseFacets = z.object({
  years: z.array(z.number().int()),
  calls: z.array(z.object({ id: z.uuid(), kind: callKind, year: z.number().int(), title: z.string() })),
  fields: z.array(z.object({ value: z.string(), label: z.string() })),
  countries: z.array(z.object({ code: z.string(), name: z.string() })),
});

export const showcaseApi = endpoints('showcase', {
  list: endpoint({
    method: 'GET',
    path: '/api/v1/showcase',
    access: 'public',
    summary: 'Published selected entries, filterable by call kind, year, field and country',
    query: showcaseFilters,
    response: { 200: z.array(showcaseEntry) },
  }),
  facets: endpoint({
    method: 'GET',
    path: '/api/v1/showcase/facets',
    access: 'public',
    summary: 'The years, calls, fields and countries that have published entries',
    query: localeQuery,
    response: { 200: showcaseFacets },
  }),
  entry: endpoint({
    method: 'GET',
    path: '/api/v1/showcase/entries/:id',
    access: 'public',
    summary: 'One published entry',
    params: idParams,
    query: localeQuery,
    response: { 200: showcaseEntry },
  }),
  booklet: endpoint({
    method: 'GET',
    path: '/api/v1/showcase/booklet.pdf',
    access: 'public',
    summary: 'The collection as a PDF booklet (cover, contents, one entry per page)',
    query: showcaseFilters,
    response: { 200: binary },
    produces: ['application/pdf'],
  }),
  spreadsheet: endpoint({
    method: 'GET',
    path: '/api/v1/showcase/export.xlsx',
    access: 'public',
    summary: 'The collection as XLSX',
    query: showcaseFilters,
    response: { 200: binary },
    produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  }),
  publish: endpoint({
    method: 'POST',
    path: '/api/v1/showcase/calls/:id/publish',
    access: ['secretariat'],
    summary: 'Publish the selected entries of a call (all, or those listed)',
    params: idParams,
    body: z.object({ submissionIds: z.array(ref('submission')).max(1000).optional() }),
    response: { 200: z.object({ published: z.number().int() }) },
  }),
  unpublish: endpoint({
    method: 'DELETE',
    path: '/api/v1/showcase/entries/:id',
    access: ['secretariat'],
    summary: 'Take an entry off the showcase',
    params: idParams,
    response: { 200: okSchema },
  }),
});

/** The showcase's pages. */
export const showcasePages = {
  showcase: publicPage('/showcase'),
  entry: publicPage('/showcase/:id'),
};
