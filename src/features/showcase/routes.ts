import { requireActor } from '../../platform/auth/access.js';
import { sendFile } from '../../platform/http/reply.js';
import { route } from '../../platform/http/route.js';
import type { App, Ctx } from '../../platform/http/types.js';
import { showcaseApi as api } from './contract.js';
import * as svc from './service.js';

export function showcaseRoutes(app: App, { db }: Ctx) {
  const locale = (req: { query: { locale?: 'en' | 'zh-Hans' | 'zh-Hant' }; headers: { 'accept-language'?: string } }) =>
    svc.showcaseLocale(req.query.locale, req.headers['accept-language']);

  route(app, api.list, async (req) => svc.listShowcase(db, { ...req.query, locale: locale(req) }));
  route(app, api.facets, async (req) => svc.facets(db, locale(req)));
  route(app, api.entry, async (req) => svc.getEntry(db, req.params.id, locale(req)));
  route(app, api.booklet, async (req, reply) => sendFile(reply, await svc.collectionBooklet(db, { ...req.query, locale: locale(req) })));
  route(app, api.spreadsheet, async (req, reply) =>
    sendFile(reply, await svc.collectionSpreadsheet(db, { ...req.query, locale: locale(req) })),
  );
  route(app, api.publish, async (req) => svc.publish(db, requireActor(req), req.params.id, req.body.submissionIds));
  route(app, api.unpublish, async (req) => svc.unpublish(db, requireActor(req), req.params.id));
}
