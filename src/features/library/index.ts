import type { Feature } from '../../platform/http/types.js';
import { seedLibraryDemo } from './demo.js';
import { libraryRoutes } from './routes.js';

export const library: Feature = { name: 'library', routes: libraryRoutes, seedDemo: seedLibraryDemo };
