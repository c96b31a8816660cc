import { requireActor } from '../../platform/auth/access.js';
import { sendFile } from '../../platform/http/reply.js';
import { route } from '../../platform/http/route.js';
import type { App, Ctx } from '../../platform/http/types.js';
import { readUpload } from '../../platform/http/upload.js';
import { libraryApi as api } from './contract.js';
import * as svc from './service.js';

export function libraryRoutes(app: App, { db, config }: Ctx) {
  const maxBytes = config.MAX_UPLOAD_MB * 1024 * 1024;
  const coverBytes = 5 * 1024 * 1024;

  route(app, api.list, async (req) => svc.listPublications(db, req.query));
  route(app, api.facets, async () => svc.libraryFacets(db));
  route(app, api.manage, async (req) => svc.listPublications(db, req.query, true));
  route(app, api.get, async (req) => svc.publicationFor(db, req.actor, req.params.id));
  route(app, api.create, async (req, reply) => reply.code(201).send(await svc.addPublication(db, requireActor(req), req.body)));
  route(app, api.update, async (req) => svc.changePublication(db, requireActor(req), req.params.id, req.body));
  route(app, api.remove, async (req) => svc.removePublication(db, requireActor(req), req.params.id));
  route(app, api.uploadFile, async (req) => {
    const { id, lang } = req.params;
    return svc.uploadPublicationFile(db, config.filesDir, requireActor(req), id, lang, await readUpload(req, maxBytes));
  });
  route(app, api.uploadCover, async (req) =>
    svc.uploadCover(db, config.filesDir, requireActor(req), req.params.id, await readUpload(req, coverBytes)),
  );
  route(app, api.cover, async (req, reply) =>
    sendFile(reply, await svc.coverImage(db, config.filesDir, req.params.id), { cache: 'public, max-age=86400' }),
  );
  // Fastify answers HEAD with this GET route too: only a GET counts a download.
  route(app, api.file, async (req, reply) => {
    const { id, lang } = req.params;
    return sendFile(reply, await svc.downloadFile(db, config.filesDir, req.actor, id, lang, { count: req.method === 'GET' }));
  });
}
