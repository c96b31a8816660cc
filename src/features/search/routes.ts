import { route } from '../../platform/http/route.js';
import type { App, Ctx } from '../../platform/http/types.js';
import { searchApi as api } from './contract.js';
import * as svc from './service.js';

export function searchRoutes(app: App, ctx: Ctx) {
  route(app, api.search, async (req) => svc.search(ctx, req.actor, req.query));
}
