import { type ComponentType, lazy, type ReactNode } from 'react';
import type { Page } from '../platform/http/links';
import type { Locale } from './i18n';

export interface NavItem {
  /** The page it opens (declared in a contract). */
  page: Page;
  /** i18n key, e.g. 'directory:nav.organizations' or 'nav.events'. */
  label: string;
  /** Shown only to these global roles (admin sees everything)... */
  roles?: Array<'admin' | 'secretariat' | 'reviewer'>;
  /** ...or to holders of these scoped roles, e.g. 'event_manager' (the page shows only their scope). */
  scopes?: string[];
}

/** A page of the web app: its declaration (a feature's contract) and what renders it. */
export interface WebPage {
  page: Page;
  element: ReactNode;
}
export const at = (page: Page, element: ReactNode): WebPage => ({ page, element });

// biome-ignore lint/suspicious/noExplicitAny: any component, whatever its props
type AnyComponent = ComponentType<any>;

/**
 * A component loaded the first time it renders, from the module that exports it by `name`: each page
 * is its own chunk, so the app's first load carries the shell and the page it opens, not every page.
 */
export function lazyNamed<M extends Record<K, AnyComponent>, K extends keyof M & string>(load: () => Promise<M>, name: K): M[K] {
  return lazy(async () => ({ default: (await load())[name] as AnyComponent })) as unknown as M[K];
}

/**
 * What a feature adds to the web app. Register it in src/web/features.ts.
 * Each page's declaration says where it lives (links.ts): public pages under
 * /:lang (en, zh-hans, zh-hant) in the public layout; open pages at the root for
 * anyone (e.g. /signin); account pages at the root for a signed-in account (e.g.
 * /my/applications); staff pages under /admin in the staff layout.
 */
export interface WebFeature {
  name: string;
  /** Texts of the feature's i18n namespace (its name) in the three languages. */
  i18n?: Record<Locale, Record<string, unknown>>;
  pages?: WebPage[];
  publicNav?: NavItem[];
  accountNav?: NavItem[];
  adminNav?: NavItem[];
}
