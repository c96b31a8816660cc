import { z } from 'zod';
import { publicPage } from '../../platform/http/links.js';
import { binary, endpoint, endpoints } from '../../platform/http/contract.js';
import { localeSchema } from '../../platform/i18n/text.js';

export const portalPageQuery = z.object({ path: z.string().max(500).regex(/^\//, 'starts with /'), locale: localeSchema.default('en') });
export const portalPage = z.object({ kind: z.string(), title: z.string(), description: z.string(), body: z.string() });

const html = ['text/html'] as const;
/** A server-rendered public page in one language (the prefix picks it); not part of the API documentation. */
const localized = (path: string) =>
  endpoint({ method: 'GET', path, access: 'public', hidden: true, response: { 200: binary }, produces: html });

export const portalApi = endpoints('portal', {
  /** "/" sends a visitor to their language: the last one they used, else their browser's. */
  home: endpoint({ method: 'GET', path: '/', access: 'public', hidden: true, response: {} }),
  en: localized('/en'),
  enPage: localized('/en/*'),
  zhHans: localized('/zh-hans'),
  zhHansPage: localized('/zh-hans/*'),
  zhHant: localized('/zh-hant'),
  zhHantPage: localized('/zh-hant/*'),
  page: endpoint({
    method: 'GET',
    path: '/api/v1/portal/page',
    access: 'public',
    summary: 'A server-rendered public page (title, description, HTML body) for the web app',
    query: portalPageQuery,
    response: { 200: portalPage },
  }),
  sitemap: endpoint({
    method: 'GET',
    path: '/sitemap.xml',
    access: 'public',
    hidden: true,
    response: { 200: binary },
    produces: ['application/xml'],
  }),
  robots: endpoint({
    method: 'GET',
    path: '/robots.txt',
    access: 'public',
    hidden: true,
    response: { 200: binary },
    produces: ['text/plain'],
  }),
});

/** The portal's pages (rendered on the server, then by the web app). */
export const portalPages = {
  home: publicPage('/'),
  about: publicPage('/about'),
  programs: publicPage('/programs'),
  search: publicPage('/search'),
};
