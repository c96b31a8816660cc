import type { Feature } from '../../platform/http/types.js';
import { libraryReferences } from './references.js';
import { seedLibraryDemo } from './demo.js';
import { libraryRoutes } from './routes.js';
import { librarySearchDocs } from './service.js';

export const library: Feature = {
  name: 'library',
  references: libraryReferences,
  routes: libraryRoutes,
  seedDemo: seedLibraryDemo,
  searchDocs: (ctx) => librarySearchDocs(ctx.db),
};
