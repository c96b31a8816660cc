import { z } from 'zod';
import { requireActor } from '../../platform/auth/access.js';
import { toCsv, toXlsx, type Column } from '../../platform/exports/index.js';
import { imageTypes, readFile, storeFile } from '../../platform/files/index.js';
import { notFound } from '../../platform/http/errors.js';
import type { App, Ctx } from '../../platform/http/types.js';
import { idParams, okSchema, page } from '../../platform/http/types.js';
import { readUpload } from '../../platform/http/upload.js';
import { localize } from '../../platform/i18n/index.js';
import * as c from './contract.js';
import { directoryAccess as can } from './policy.js';
import * as svc from './service.js';

const tags = ['directory'];
const exportQuery = c.listQuery
  .omit({ page: true, pageSize: true, sort: true, order: true })
  .extend({ format: z.enum(['csv', 'xlsx']).default('csv') });

export function directoryRoutes(app: App, ctx: Ctx) {
  const { db, config } = ctx;
  const maxBytes = config.MAX_UPLOAD_MB * 1024 * 1024;

  app.get(
    '/api/v1/countries',
    {
      config: { access: can.countries },
      schema: {
        tags,
        summary: 'Countries with continent and UN M49 region, named in three languages',
        response: { 200: z.array(c.country) },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return svc.listCountries(db);
    },
  );

  // Organizations
  app.get(
    '/api/v1/directory/organizations',
    {
      config: { access: can.read },
      schema: { tags, summary: 'Search and list organizations', querystring: c.listQuery, response: { 200: page(c.organization) } },
    },
    async (req) => svc.listOrganizations(db, req.query),
  );
  app.post(
    '/api/v1/directory/organizations',
    {
      config: { access: can.write },
      schema: { tags, summary: 'Create an organization', body: c.organizationInput, response: { 201: c.organization } },
    },
    async (req, reply) => reply.code(201).send(await svc.createOrganization(db, requireActor(req), req.body)),
  );
  app.get(
    '/api/v1/directory/organizations/:id',
    { config: { access: can.read }, schema: { tags, params: idParams, response: { 200: c.organization } } },
    async (req) => svc.getOrganization(db, req.params.id),
  );
  app.put(
    '/api/v1/directory/organizations/:id',
    { config: { access: can.write }, schema: { tags, params: idParams, body: c.organizationInput, response: { 200: c.organization } } },
    async (req) => svc.updateOrganization(db, requireActor(req), req.params.id, req.body),
  );
  app.delete(
    '/api/v1/directory/organizations/:id',
    { config: { access: can.write }, schema: { tags, params: idParams, response: { 200: okSchema } } },
    async (req) => {
      await svc.deleteOrganization(db, requireActor(req), req.params.id);
      return { ok: true as const };
    },
  );
  app.put(
    '/api/v1/directory/organizations/:id/logo',
    {
      config: { access: can.write },
      schema: {
        tags,
        summary: 'Upload a logo (PNG, JPEG, WebP, GIF), multipart field "file"',
        params: idParams,
        consumes: ['multipart/form-data'],
      },
    },
    async (req) => {
      await svc.getOrganization(db, req.params.id);
      const up = await readUpload(req, Math.min(maxBytes, 5 * 1024 * 1024));
      const file = await storeFile(db, config.filesDir, {
        ...up,
        allowed: imageTypes,
        maxBytes: 5 * 1024 * 1024,
        ownerId: requireActor(req).userId,
      });
      await svc.setOrganizationLogo(db, requireActor(req), req.params.id, file.id);
      return { fileId: file.id };
    },
  );
  // Logos are public: an organization's logo is shown wherever the organization is.
  app.get('/api/v1/files/logos/:id', { config: { access: 'public' }, schema: { tags, params: idParams } }, async (req, reply) => {
    const f = await readFile(db, config.filesDir, req.params.id);
    if (!f || !imageTypes.includes(f.mime)) throw notFound();
    if (!(await svc.isOrganizationLogo(db, req.params.id))) throw notFound();
    return reply.type(f.mime).header('cache-control', 'public, max-age=86400').header('x-content-type-options', 'nosniff').send(f.data);
  });

  // People
  app.get(
    '/api/v1/directory/people',
    {
      config: { access: can.read },
      schema: { tags, summary: 'Search and list people', querystring: c.listQuery, response: { 200: page(c.person) } },
    },
    async (req) => svc.listPeople(db, req.query),
  );
  app.post(
    '/api/v1/directory/people',
    { config: { access: can.write }, schema: { tags, body: c.personInput, response: { 201: c.person } } },
    async (req, reply) => reply.code(201).send(await svc.createPerson(db, requireActor(req), req.body)),
  );
  app.get(
    '/api/v1/directory/people/:id',
    { config: { access: can.read }, schema: { tags, params: idParams, response: { 200: c.person } } },
    async (req) => svc.getPerson(db, req.params.id),
  );
  app.put(
    '/api/v1/directory/people/:id',
    { config: { access: can.write }, schema: { tags, params: idParams, body: c.personInput, response: { 200: c.person } } },
    async (req) => svc.updatePerson(db, requireActor(req), req.params.id, req.body),
  );
  app.delete(
    '/api/v1/directory/people/:id',
    { config: { access: can.write }, schema: { tags, params: idParams, response: { 200: okSchema } } },
    async (req) => {
      await svc.deletePerson(db, requireActor(req), req.params.id);
      return { ok: true as const };
    },
  );

  // Import and export
  app.post(
    '/api/v1/directory/import/:kind',
    {
      config: { access: can.write },
      schema: {
        tags,
        summary:
          'Import organizations or people from CSV or XLSX. With dryRun (the default) nothing is written; otherwise all rows are written, or none if any is bad.',
        params: z.object({ kind: z.enum(['organizations', 'people']) }),
        querystring: z.object({
          dryRun: z
            .enum(['true', 'false'])
            .default('true')
            .transform((v) => v === 'true'),
        }),
        consumes: ['multipart/form-data'],
        response: { 200: c.importReport },
      },
    },
    async (req) => {
      const up = await readUpload(req, maxBytes);
      return svc.importDirectory(db, requireActor(req), req.params.kind, up.data, up.filename, req.query.dryRun);
    },
  );

  app.get(
    '/api/v1/directory/export/organizations',
    { config: { access: can.read }, schema: { tags, summary: 'Organizations as CSV (UTF-8 with BOM) or XLSX', querystring: exportQuery } },
    async (req, reply) => {
      const rows = await svc.allOrganizations(db, req.query);
      const cols: Column<(typeof rows)[number]>[] = [
        { header: 'id', value: (r) => r.id, width: 38 },
        { header: 'name_en', value: (r) => r.name.en, width: 40 },
        { header: 'name_zh_hans', value: (r) => r.name['zh-Hans'], width: 30 },
        { header: 'name_zh_hant', value: (r) => localize(r.name, 'zh-Hant').text, width: 30 },
        { header: 'short_name', value: (r) => r.shortName },
        { header: 'country', value: (r) => r.countryCode },
        { header: 'continent', value: (r) => r.continent },
        { header: 'stakeholder_group', value: (r) => r.stakeholderGroup, width: 24 },
        { header: 'website', value: (r) => r.website, width: 30 },
      ];
      return sendExport(reply, 'organizations', req.query.format, cols, rows);
    },
  );

  app.get(
    '/api/v1/directory/export/people',
    { config: { access: can.read }, schema: { tags, summary: 'People as CSV (UTF-8 with BOM) or XLSX', querystring: exportQuery } },
    async (req, reply) => {
      const rows = await svc.allPeople(db, req.query);
      const cols: Column<(typeof rows)[number]>[] = [
        { header: 'id', value: (r) => r.id, width: 38 },
        { header: 'name', value: (r) => r.name, width: 24 },
        { header: 'name_latin', value: (r) => r.nameLatin, width: 24 },
        { header: 'country', value: (r) => r.countryCode },
        { header: 'gender', value: (r) => r.gender },
        { header: 'email', value: (r) => r.email, width: 30 },
        { header: 'phone', value: (r) => r.phone, width: 18 },
        {
          header: 'organization',
          value: (r) => (r.affiliations[0] ? localize(r.affiliations[0].organizationName, 'en').text : ''),
          width: 36,
        },
        { header: 'title', value: (r) => (r.affiliations[0] ? localize(r.affiliations[0].title, 'en').text : ''), width: 24 },
      ];
      return sendExport(reply, 'people', req.query.format, cols, rows);
    },
  );
}

async function sendExport<T>(reply: import('fastify').FastifyReply, name: string, format: 'csv' | 'xlsx', cols: Column<T>[], rows: T[]) {
  const stamp = new Date().toISOString().slice(0, 10);
  if (format === 'xlsx') {
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${name}-${stamp}.xlsx"`)
      .send(await toXlsx(name, cols, rows));
  }
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}-${stamp}.csv"`)
    .send(toCsv(cols, rows));
}
