import { requireActor } from '../../platform/auth/access.js';
import { route } from '../../platform/http/route.js';
import type { App, Ctx } from '../../platform/http/types.js';
import { adminApi as api } from './contract.js';
import * as svc from './service.js';

export function adminRoutes(app: App, { db, mailer }: Ctx) {
  route(app, api.overview, async (req) => svc.overview(db, requireActor(req)));
  route(app, api.outbox, async (req) => svc.outboxPage(db, mailer, req.query));
  route(app, api.audit, async (req) => svc.auditTrail(db, req.query));
}
