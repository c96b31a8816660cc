import type { Actor } from '../../platform/auth/access.js';
import { audit } from '../../platform/audit/index.js';
import type { Db } from '../../platform/db/index.js';
import { bulkAudit, resolveSelection, runBulk } from '../../platform/http/bulk.js';
import type { BulkSelection } from '../../platform/http/contract.js';
import type { ApplicationFilter } from './contract.js';
import { approve, queueTargets, reject } from './service.js';

/** The application queue as bulk actions see it: the secretariat's, every application (the route admits staff only). */
const queue = (db: Db) => ({
  byIds: (ids: string[]) => queueTargets(db, { ids }),
  byFilter: (filter: ApplicationFilter) => queueTargets(db, { filter }),
});

/** Approves each selected application as the single approval does (its rules, mail and audit entry); one more entry records the bulk action. */
export async function bulkApprove(db: Db, actor: Actor, input: { selection: BulkSelection<ApplicationFilter>; reason?: string }) {
  const result = await runBulk(await resolveSelection(input.selection, queue(db)), async (a) => {
    if (a.status === 'approved') return 'skipped';
    await approve(db, actor, a.id, { reason: input.reason });
    return 'done';
  });
  await audit(db, {
    actor,
    action: 'membership_application.bulk_approve',
    entity: 'membership_application',
    after: bulkAudit(input.selection, result, { reason: input.reason ?? null }),
  });
  return result;
}

/** Rejects each selected application with the same reason, as the single rejection does. */
export async function bulkReject(db: Db, actor: Actor, input: { selection: BulkSelection<ApplicationFilter>; reason: string }) {
  const result = await runBulk(await resolveSelection(input.selection, queue(db)), async (a) => {
    if (a.status === 'rejected') return 'skipped';
    await reject(db, actor, a.id, input.reason);
    return 'done';
  });
  await audit(db, {
    actor,
    action: 'membership_application.bulk_reject',
    entity: 'membership_application',
    after: bulkAudit(input.selection, result, { reason: input.reason }),
  });
  return result;
}
