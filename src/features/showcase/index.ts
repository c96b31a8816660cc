import type { Feature } from '../../platform/http/types.js';
import { showcaseServerPages } from './pages.js';
import { showcaseRoutes } from './routes.js';
import { showcaseSearchDocs } from './service.js';

export const showcase: Feature = {
  name: 'showcase',
  routes: showcaseRoutes,
  publicPages: showcaseServerPages,
  searchDocs: (ctx) => showcaseSearchDocs(ctx.db),
};
