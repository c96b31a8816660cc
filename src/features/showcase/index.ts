import type { Feature } from '../../platform/http/types.js';
import { showcaseServerPages } from './pages.js';
import { showcaseRoutes } from './routes.js';
import { showcaseSearchDocs } from './service.js';
import { showcasePages } from './contract.js';

export const showcase: Feature = {
  name: 'showcase',
  pages: showcasePages,
  routes: showcaseRoutes,
  publicPages: showcaseServerPages,
  searchDocs: (ctx) => showcaseSearchDocs(ctx.db),
};
