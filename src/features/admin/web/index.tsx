import type { WebFeature } from '../../../web/feature';
import { AuditPage } from './AuditPage';
import { adminTexts } from './i18n';
import { OutboxPage } from './OutboxPage';

export const adminWeb: WebFeature = {
  name: 'admin',
  i18n: adminTexts,
  adminRoutes: [
    { path: 'outbox', element: <OutboxPage /> },
    { path: 'audit', element: <AuditPage /> },
  ],
  adminNav: [
    { to: '/admin/outbox', label: 'nav.outbox', roles: ['admin'] },
    { to: '/admin/audit', label: 'nav.audit', roles: ['admin'] },
  ],
};
