import type { Feature } from '../../platform/http/types.js';
import { adminRoutes } from './routes.js';
import { adminPages } from './contract.js';

export const admin: Feature = {
  name: 'admin',
  pages: adminPages,
  routes: adminRoutes,
  jobs: (runner, ctx) => runner.ticker(() => ctx.mailer.deliver(ctx.database)),
};
