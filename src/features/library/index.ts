import type { Feature } from '../../platform/http/types.js';
import { seedLibraryDemo } from './demo.js';
import { libraryRoutes } from './routes.js';
import { librarySearchDocs } from './service.js';

export const library: Feature = { name: 'library', routes: libraryRoutes, seedDemo: seedLibraryDemo, searchDocs: (ctx) => librarySearchDocs(ctx.db) };
