import type { Feature } from '../../platform/http/types.js';
import { accountRoutes } from './routes.js';

export const accounts: Feature = { name: 'accounts', routes: accountRoutes };
export { sessionCookie } from './routes.js';
export { loadActorBySession } from './service.js';
