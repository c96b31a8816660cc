import type { RouteObject } from 'react-router';
import type { Locale } from './i18n';

export interface NavItem {
  /** Path; for public items without the language prefix (e.g. '/events'). */
  to: string;
  /** i18n key, e.g. 'directory:nav.organizations' or 'nav.events'. */
  label: string;
  /** Shown only to these global roles (admin sees everything)... */
  roles?: Array<'admin' | 'secretariat' | 'reviewer'>;
  /** ...or to holders of these scoped roles, e.g. 'event_manager' (the page shows only their scope). */
  scopes?: string[];
}

/**
 * What a feature adds to the web app. Register it in src/web/features.ts.
 * - publicRoutes live under /:lang (en, zh-hans, zh-hant) in the public layout;
 * - openRoutes live at the root in the public layout, open to anyone (e.g. /signin);
 * - appRoutes live at the root in the public layout and need a signed-in account
 *   (e.g. /my/applications); admin routes live under /admin in the staff layout.
 */
export interface WebFeature {
  name: string;
  /** Texts of the feature's i18n namespace (its name) in the three languages. */
  i18n?: Record<Locale, Record<string, unknown>>;
  publicRoutes?: RouteObject[];
  openRoutes?: RouteObject[];
  appRoutes?: RouteObject[];
  adminRoutes?: RouteObject[];
  publicNav?: NavItem[];
  accountNav?: NavItem[];
  adminNav?: NavItem[];
}
