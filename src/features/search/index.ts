import type { Feature } from '../../platform/http/types.js';
import { searchRoutes } from './routes.js';

export const search: Feature = { name: 'search', routes: searchRoutes };
/** Empties the search index and re-adds every feature's documents (`wuzhen search rebuild`). */
export { rebuild } from './service.js';
