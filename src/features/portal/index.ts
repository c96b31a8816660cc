import type { Feature } from '../../platform/http/types.js';
import { portalServerPages } from './pages.js';
import { portalRoutes } from './routes.js';
import { portalPages } from './contract.js';

/**
 * The public portal: server-rendered pages under /en, /zh-hans and /zh-hant for
 * every feature's `publicPages`, the root redirect, the sitemap and robots.txt.
 * It needs the list of features, so the feature list builds it.
 */
export const createPortal = (getFeatures: () => Feature[]): Feature => ({
  name: 'portal',
  pages: portalPages,
  publicPages: portalServerPages(getFeatures),
  routes: portalRoutes(getFeatures),
});
