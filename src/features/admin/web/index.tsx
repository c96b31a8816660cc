import { adminPages } from '../contract';
import { at, type WebFeature } from '../../../web/feature';
import { AdminHomePage } from './AdminHomePage';
import { AuditPage } from './AuditPage';
import { adminTexts } from './i18n';
import { OutboxPage } from './OutboxPage';

export const adminWeb: WebFeature = {
  name: 'admin',
  i18n: adminTexts,
  pages: [at(adminPages.home, <AdminHomePage />), at(adminPages.outbox, <OutboxPage />), at(adminPages.audit, <AuditPage />)],
  adminNav: [
    { page: adminPages.outbox, label: 'nav.outbox', roles: ['admin'] },
    { page: adminPages.audit, label: 'nav.audit', roles: ['admin'] },
  ],
};

/** A record's history in words, for the pages of other features' records (a registration, an organization). */
export { AuditTrail } from './AuditTrail';
