import { z } from 'zod';
import { ref } from '../../platform/http/ref.js';
import { requireActor } from '../../platform/auth/access.js';
import { toXlsx, type Column } from '../../platform/exports/index.js';
import { invalid } from '../../platform/http/errors.js';
import type { App, Ctx } from '../../platform/http/types.js';
import { idParams } from '../../platform/http/types.js';
import { localeSchema, localize, pickLocale } from '../../platform/i18n/index.js';
import { getCall } from '../calls/service.js';
import { bookletPdf } from './booklet.js';
import * as svc from './service.js';

const tags = ['showcase'];
const filters = z.object({
  locale: localeSchema.optional(),
  kind: z.string().max(40).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  callId: z.uuid().optional(),
  field: z.string().max(100).optional(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .transform((s) => s.toUpperCase())
    .optional(),
});

export function showcaseRoutes(app: App, ctx: Ctx) {
  const { db } = ctx;
  const loc = (req: { query: { locale?: 'en' | 'zh-Hans' | 'zh-Hant' }; headers: Record<string, unknown> }) =>
    req.query.locale ?? pickLocale(String(req.headers['accept-language'] ?? ''));

  app.get(
    '/api/v1/showcase',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Published selected entries, filterable by call kind, year, field and country', querystring: filters },
    },
    async (req) => svc.listShowcase(db, { ...req.query, locale: loc(req) }),
  );
  app.get(
    '/api/v1/showcase/facets',
    { config: { access: 'public' }, schema: { tags, querystring: z.object({ locale: localeSchema.optional() }) } },
    async (req) => svc.facets(db, loc(req)),
  );
  app.get(
    '/api/v1/showcase/entries/:id',
    { config: { access: 'public' }, schema: { tags, params: idParams, querystring: z.object({ locale: localeSchema.optional() }) } },
    async (req) => svc.getEntry(db, req.params.id, loc(req)),
  );

  const collection = async (req: {
    query: z.infer<typeof filters> & { locale?: 'en' | 'zh-Hans' | 'zh-Hant' };
    headers: Record<string, unknown>;
  }) => {
    if (!req.query.callId) throw invalid('callId', 'choose the call of the collection');
    const call = await getCall(db, req.query.callId);
    const locale = loc(req);
    return { call, locale, entries: await svc.listShowcase(db, { ...req.query, locale }) };
  };
  app.get(
    '/api/v1/showcase/booklet.pdf',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'The collection as a PDF booklet (cover, contents, one entry per page)', querystring: filters },
    },
    async (req, reply) => {
      const { call, locale, entries } = await collection(req);
      const pdf = await bookletPdf(localize(call.title, locale).text, call.year, entries, locale);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${call.kind}-${call.year}-${locale}.pdf"`)
        .send(pdf);
    },
  );
  app.get(
    '/api/v1/showcase/export.xlsx',
    { config: { access: 'public' }, schema: { tags, summary: 'The collection as XLSX', querystring: filters } },
    async (req, reply) => {
      const { call, locale, entries } = await collection(req);
      type E = (typeof entries)[number];
      const fieldKeys = [...new Set(entries.flatMap((e) => e.fields.map((f) => f.key)))];
      const cols: Column<E>[] = [
        { header: 'code', value: (e) => e.code, width: 18 },
        { header: 'title', value: (e) => e.title.text, width: 50 },
        { header: 'field', value: (e) => e.categoryLabel, width: 30 },
        { header: 'country', value: (e) => e.country ?? e.countryCode, width: 20 },
        ...fieldKeys.map((k) => ({ header: k, value: (e: E) => e.fields.find((f) => f.key === k)?.text ?? '', width: 40 })),
        { header: 'url', value: (e) => e.url, width: 50 },
      ];
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${call.kind}-${call.year}-${locale}.xlsx"`)
        .send(await toXlsx(`${call.kind} ${call.year}`, cols, entries));
    },
  );

  app.post(
    '/api/v1/showcase/calls/:id/publish',
    {
      config: { access: ['secretariat'] },
      schema: {
        tags,
        summary: 'Publish the selected entries of a call (all, or those listed)',
        params: idParams,
        body: z.object({ submissionIds: z.array(ref('submission')).max(1000).optional() }),
      },
    },
    async (req) => svc.publish(db, requireActor(req), req.params.id, req.body.submissionIds),
  );
  app.delete(
    '/api/v1/showcase/entries/:id',
    { config: { access: ['secretariat'] }, schema: { tags, summary: 'Take an entry off the showcase', params: idParams } },
    async (req) => svc.unpublish(db, requireActor(req), req.params.id),
  );
}
