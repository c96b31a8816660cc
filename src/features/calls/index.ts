import type { Feature } from '../../platform/http/types.js';
import { seedCallsDemo } from './demo.js';
import { callsRoutes } from './routes.js';

export const calls: Feature = { name: 'calls', routes: callsRoutes, seedDemo: seedCallsDemo };
