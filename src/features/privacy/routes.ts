import { requireActor } from '../../platform/auth/access.js';
import { sendFile } from '../../platform/http/reply.js';
import { route } from '../../platform/http/route.js';
import type { App, Ctx, Feature } from '../../platform/http/types.js';
import { privacyApi as api } from './contract.js';
import * as svc from './service.js';

export const privacyRoutes = (all: () => Feature[]) => (app: App, ctx: Ctx) => {
  route(app, api.myData, async (req, reply) => sendFile(reply, await svc.myData(ctx, all(), requireActor(req))));
  route(app, api.personData, async (req, reply) => sendFile(reply, await svc.personData(ctx, all(), req.params.id)));
  route(app, api.erase, async (req) => svc.erasePersonById(ctx.db, all(), requireActor(req), req.params.id));
};
