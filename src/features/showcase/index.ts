import type { Feature } from '../../platform/http/types.js';
import { showcaseRoutes } from './routes.js';

export const showcase: Feature = { name: 'showcase', routes: showcaseRoutes };
