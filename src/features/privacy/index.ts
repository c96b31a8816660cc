import type { Feature } from '../../platform/http/types.js';
import { privacyRoutes } from './routes.js';

/** Download-my-data and erasure, across every feature (each contributes through its personalData/erase hooks). */
export const privacy = (all: () => Feature[]): Feature => ({ name: 'privacy', routes: privacyRoutes(all) });
