import { requireActor } from '../../platform/auth/access.js';
import { sendFile } from '../../platform/http/reply.js';
import { route } from '../../platform/http/route.js';
import type { App, Ctx } from '../../platform/http/types.js';
import { readUpload } from '../../platform/http/upload.js';
import { directoryApi as api } from './contract.js';
import * as svc from './service.js';

export function directoryRoutes(app: App, { db, config }: Ctx) {
  const maxBytes = config.MAX_UPLOAD_MB * 1024 * 1024;
  const logoBytes = Math.min(maxBytes, svc.logoMaxBytes);

  route(app, api.countries, async (_req, reply) => reply.header('cache-control', 'public, max-age=3600').send(await svc.listCountries(db)));

  route(app, api.organizations, async (req) => svc.listOrganizations(db, req.query));
  route(app, api.createOrganization, async (req, reply) =>
    reply.code(201).send(await svc.createOrganization(db, requireActor(req), req.body)),
  );
  route(app, api.organization, async (req) => svc.getOrganization(db, req.params.id));
  route(app, api.organizationRecord, async (req) => svc.organizationRecord(db, req.params.id));
  route(app, api.updateOrganization, async (req) => svc.updateOrganization(db, requireActor(req), req.params.id, req.body));
  route(app, api.deleteOrganization, async (req) => svc.deleteOrganization(db, requireActor(req), req.params.id));
  route(app, api.uploadLogo, async (req) =>
    svc.uploadOrganizationLogo(db, config.filesDir, requireActor(req), req.params.id, () => readUpload(req, logoBytes)),
  );
  route(app, api.logo, async (req, reply) =>
    sendFile(reply, await svc.organizationLogo(db, config.filesDir, req.params.id), { cache: 'public, max-age=86400' }),
  );

  route(app, api.people, async (req) => svc.listPeople(db, req.query));
  route(app, api.createPerson, async (req, reply) => reply.code(201).send(await svc.createPerson(db, requireActor(req), req.body)));
  route(app, api.person, async (req) => svc.getPerson(db, req.params.id));
  route(app, api.updatePerson, async (req) => svc.updatePerson(db, requireActor(req), req.params.id, req.body));
  route(app, api.deletePerson, async (req) => svc.deletePerson(db, requireActor(req), req.params.id));

  route(app, api.import, async (req) => {
    const up = await readUpload(req, maxBytes);
    return svc.importDirectory(db, requireActor(req), req.params.kind, up.data, up.filename, req.query.dryRun);
  });
  route(app, api.exportOrganizations, async (req, reply) => sendFile(reply, await svc.exportOrganizations(db, req.query)));
  route(app, api.exportPeople, async (req, reply) => sendFile(reply, await svc.exportPeople(db, req.query)));
}
