import type { Feature } from '../../platform/http/types.js';
import { seedCallsDemo } from './demo.js';
import { callsPersonalData, eraseCallsData } from './privacy.js';
import { callsRoutes } from './routes.js';

export const calls: Feature = {
  name: 'calls',
  routes: callsRoutes,
  seedDemo: seedCallsDemo,
  personalData: (ctx, s) => callsPersonalData(ctx.db, s),
  erase: (tx, s) => eraseCallsData(tx, s),
};
