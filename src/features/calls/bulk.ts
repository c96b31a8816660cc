import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/access.js';
import { audit } from '../../platform/audit/index.js';
import type { Db } from '../../platform/db/index.js';
import { bulkAudit, resolveSelection, runBulk } from '../../platform/http/bulk.js';
import type { BulkSelection } from '../../platform/http/contract.js';
import type { SubmissionFilter } from './contract.js';
import { submissions } from './model.js';
import { getCall, listSubmissions, screen } from './service.js';

type Row = typeof submissions.$inferSelect;
const named = (s: Row) => ({ ...s, name: s.code });

/**
 * Screens each selected entry of a call as the single screening does (its rules and audit entry): an entry
 * of another call is reported as not found and never screened; one with that result already is skipped.
 */
export async function bulkScreen(
  db: Db,
  actor: Actor,
  callId: string,
  input: { selection: BulkSelection<SubmissionFilter>; result: 'passed' | 'failed'; reason: string },
) {
  await getCall(db, callId);
  const entries = {
    byIds: async (ids: string[]) =>
      (
        await db
          .select()
          .from(submissions)
          .where(and(eq(submissions.callId, callId), inArray(submissions.id, ids)))
      ).map(named),
    byFilter: async (filter: SubmissionFilter) => (await listSubmissions(db, callId, filter)).map(named),
  };
  const result = await runBulk(await resolveSelection(input.selection, entries), async (s) => {
    if (s.screening === input.result) return 'skipped';
    await screen(db, actor, s.id, { result: input.result, reason: input.reason });
    return 'done';
  });
  await audit(db, {
    actor,
    action: 'submission.bulk_screen',
    entity: 'call',
    entityId: callId,
    after: bulkAudit(input.selection, result, { result: input.result, reason: input.reason || null }),
  });
  return result;
}
