import { listAudit } from '../../platform/audit/index.js';
import type { DbOrTx } from '../../platform/db/index.js';
import { listOutbox, type Mailer, type MailStatus } from '../../platform/mail/index.js';

export async function outboxPage(db: DbOrTx, mailer: Mailer, q: { to?: string; status?: MailStatus; page: number; pageSize: number }) {
  const r = await listOutbox(db, { to: q.to, status: q.status, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { ...r, page: q.page, pageSize: q.pageSize, smtpConfigured: mailer.configured };
}

const jsonText = (v: unknown) => (v == null ? null : JSON.stringify(v));

export async function auditTrail(db: DbOrTx, q: Parameters<typeof listAudit>[1]) {
  const items = await listAudit(db, q);
  return { items: items.map((a) => ({ ...a, before: jsonText(a.before), after: jsonText(a.after) })) };
}
