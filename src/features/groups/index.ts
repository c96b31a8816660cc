import type { Feature } from '../../platform/http/types.js';
import { seedGroupsDemo } from './demo.js';
import { groupRoutes } from './routes.js';

export const groups: Feature = { name: 'groups', routes: groupRoutes, seedDemo: seedGroupsDemo };
