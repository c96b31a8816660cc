import type { Feature } from '../../platform/http/types.js';
import { searchRoutes } from './routes.js';

export const search: Feature = { name: 'search', routes: searchRoutes };
