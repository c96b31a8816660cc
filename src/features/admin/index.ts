import type { Feature } from '../../platform/http/types.js';
import { adminRoutes } from './routes.js';

export const admin: Feature = {
  name: 'admin',
  routes: adminRoutes,
  jobs: (runner, ctx) => runner.ticker(() => ctx.mailer.deliver(ctx.database)),
};
