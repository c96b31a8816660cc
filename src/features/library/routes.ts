import { isStaff, requireActor } from '../../platform/auth/access.js';
import { documentTypes, imageTypes, readFile, storeFile } from '../../platform/files/index.js';
import { notFound } from '../../platform/http/errors.js';
import type { App, Ctx } from '../../platform/http/types.js';
import { idParams, okSchema, page } from '../../platform/http/types.js';
import { readUpload } from '../../platform/http/upload.js';
import { z } from 'zod';
import { localeSchema } from '../../platform/i18n/index.js';
import * as c from './contract.js';
import { libraryAccess as can } from './policy.js';
import * as svc from './service.js';

const tags = ['library'];

export function libraryRoutes(app: App, ctx: Ctx) {
  const { db, config } = ctx;
  const maxBytes = config.MAX_UPLOAD_MB * 1024 * 1024;

  app.get(
    '/api/v1/library',
    {
      config: { access: can.read },
      schema: {
        tags,
        summary: 'Browse publications; filter by kind, year, language, group and tag',
        querystring: c.listQuery,
        response: { 200: page(c.publication) },
      },
    },
    async (req) => svc.listPublications(db, req.query),
  );
  app.get(
    '/api/v1/library/facets',
    {
      config: { access: can.read },
      schema: { tags, summary: 'Counts by kind, year, tag and group for the filters', response: { 200: c.facets } },
    },
    async () => svc.libraryFacets(db),
  );
  app.get(
    '/api/v1/library/manage',
    {
      config: { access: can.write },
      schema: {
        tags,
        summary: 'All publications, drafts included (secretariat)',
        querystring: c.listQuery,
        response: { 200: page(c.publication) },
      },
    },
    async (req) => svc.listPublications(db, req.query, true),
  );
  app.get(
    '/api/v1/library/:id',
    { config: { access: can.read }, schema: { tags, params: idParams, response: { 200: c.publication } } },
    async (req) => svc.getPublication(db, req.params.id, isStaff(req.actor)),
  );
  app.post(
    '/api/v1/library',
    { config: { access: can.write }, schema: { tags, body: c.publicationInput, response: { 201: c.publication } } },
    async (req, reply) => {
      const p = await db.transaction((tx) => svc.createPublication(tx, requireActor(req), req.body));
      return reply.code(201).send(await svc.getPublication(db, p.id, true));
    },
  );
  app.put(
    '/api/v1/library/:id',
    { config: { access: can.write }, schema: { tags, params: idParams, body: c.publicationInput, response: { 200: c.publication } } },
    async (req) => {
      await db.transaction((tx) => svc.updatePublication(tx, requireActor(req), req.params.id, req.body));
      return svc.getPublication(db, req.params.id, true);
    },
  );
  app.delete(
    '/api/v1/library/:id',
    { config: { access: can.write }, schema: { tags, params: idParams, response: { 200: okSchema } } },
    async (req) => {
      await db.transaction((tx) => svc.deletePublication(tx, requireActor(req), req.params.id));
      return { ok: true as const };
    },
  );
  app.put(
    '/api/v1/library/:id/files/:lang',
    {
      config: { access: can.write },
      schema: {
        tags,
        summary: 'Upload the file of one language (PDF, DOCX, ZIP), multipart field "file"',
        params: c.fileParams,
        consumes: ['multipart/form-data'],
      },
    },
    async (req) => {
      await svc.getPublication(db, req.params.id, true);
      const up = await readUpload(req, maxBytes);
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        const f = await storeFile(tx, config.filesDir, { ...up, allowed: documentTypes, maxBytes, ownerId: actor.userId });
        await svc.setPublicationFile(tx, actor, req.params.id, req.params.lang, f.id);
        return { fileId: f.id };
      });
    },
  );
  app.put(
    '/api/v1/library/:id/cover',
    {
      config: { access: can.write },
      schema: { tags, summary: 'Upload the cover image, multipart field "file"', params: idParams, consumes: ['multipart/form-data'] },
    },
    async (req) => {
      await svc.getPublication(db, req.params.id, true);
      const up = await readUpload(req, 5 * 1024 * 1024);
      const actor = requireActor(req);
      return db.transaction(async (tx) => {
        const f = await storeFile(tx, config.filesDir, { ...up, allowed: imageTypes, maxBytes: 5 * 1024 * 1024, ownerId: actor.userId });
        await svc.setCover(tx, actor, req.params.id, f.id);
        return { fileId: f.id };
      });
    },
  );
  app.get('/api/v1/library/:id/cover', { config: { access: can.read }, schema: { tags, params: idParams } }, async (req, reply) => {
    const fileId = await svc.coverFileId(db, req.params.id);
    const f = fileId ? await readFile(db, config.filesDir, fileId) : null;
    if (!f || !imageTypes.includes(f.mime)) throw notFound();
    return reply.type(f.mime).header('cache-control', 'public, max-age=86400').header('x-content-type-options', 'nosniff').send(f.data);
  });
  app.get(
    '/api/v1/library/:id/files/:lang',
    {
      config: { access: can.read },
      schema: {
        tags,
        summary: 'Download the file of one language (counts the download)',
        params: z.object({ id: z.uuid(), lang: localeSchema }),
      },
    },
    async (req, reply) => {
      const { fileId } = await svc.countDownload(db, req.params.id, req.params.lang);
      const f = await readFile(db, config.filesDir, fileId);
      if (!f) throw notFound();
      const ascii = f.originalName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
      return reply
        .type(f.mime)
        .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.originalName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(f.data);
    },
  );
}
