import { adminPages } from '../contract';
import { at, lazyNamed, type WebFeature } from '../../../web/feature';
import { adminTexts } from './i18n';

const AdminHomePage = lazyNamed(() => import('./AdminHomePage'), 'AdminHomePage');
const AuditPage = lazyNamed(() => import('./AuditPage'), 'AuditPage');
const OutboxPage = lazyNamed(() => import('./OutboxPage'), 'OutboxPage');

export const adminWeb: WebFeature = {
  name: 'admin',
  i18n: adminTexts,
  pages: [at(adminPages.home, <AdminHomePage />), at(adminPages.outbox, <OutboxPage />), at(adminPages.audit, <AuditPage />)],
  adminNav: [
    { page: adminPages.outbox, label: 'nav.outbox', roles: ['admin'] },
    { page: adminPages.audit, label: 'nav.audit', roles: ['admin'] },
  ],
};
